"""Reporting duties of the Tutela Minori partner (seed 002, "RENDICONTAZIONI, DATI E RELAZIONI").

The half-yearly report of interventions, the yearly summary (complaints,
satisfaction, controls) and the overall evaluation, as a calendar generated
from the plan's period by :func:`welfare_ambito.duties.check_calendar`:
half-years and years aligned to the period's start; a partner may cut its
reports differently as long as every day is covered by reports no longer than
the step and inside the period.
"""

from __future__ import annotations

from welfare_ambito.duties import check_calendar
from welfare_ambito.model import CoDesignPlan, ReportKind
from welfare_ambito.rules.parameters import Parameters
from welfare_ambito.rules.rule import Result, Verdict, check, needs_review, rule
from welfare_ambito.rules.tutela._common import cite

__all__ = ["annual_summary", "overall_evaluation", "semiannual_reports"]

_SECTION = "RENDICONTAZIONI, DATI E RELAZIONI"
_MESSAGE = {
    "it": (
        "Relazioni attese: {expected_count}; periodi scoperti: {missing}; "
        "troppo lunghe: {too_long}; fuori dal periodo: {outside}."
    ),
    "en": (
        "Reports expected: {expected_count}; periods not covered: {missing}; "
        "too long: {too_long}; outside the period: {outside}."
    ),
}


def _calendar(plan: CoDesignPlan, kind: ReportKind) -> Verdict:
    if plan.period is None:
        return needs_review("period")
    result = check_calendar(plan.period, plan.reports, kind)
    return _result(result.ok, result.expected, result.missing, result.too_long, result.outside)


def _result(ok: bool, expected: tuple[object, ...], *lists: tuple[object, ...]) -> Result:
    missing, too_long, outside = (items or None for items in lists)
    return check(
        ok,
        expected_count=len(expected),
        expected=expected,
        missing=missing,
        too_long=too_long,
        outside=outside,
    )


@rule(
    id="tutela.reports.semiannual",
    subject="plan",
    title={
        "it": "Rendicontazione semestrale degli interventi svolti",
        "en": "Half-yearly report of the interventions",
    },
    message=_MESSAGE,
    condition={
        "it": "ogni semestre del periodo coperto da una rendicontazione",
        "en": "every half-year of the period covered by a report",
    },
    reads=("period",),
    citation=cite(_SECTION, "a) la rendicontazione semestrale degli interventi svolti;"),
)
def semiannual_reports(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Every half-year of the plan's period is covered by a half-yearly report."""
    return _calendar(plan, ReportKind.SEMIANNUAL_ACCOUNTING)


@rule(
    id="tutela.reports.annual_summary",
    subject="plan",
    title={
        "it": "Sintesi annuale: reclami, soddisfazione, controlli",
        "en": "Yearly summary: complaints, satisfaction, controls",
    },
    message=_MESSAGE,
    condition={
        "it": "ogni anno del periodo coperto da una sintesi annuale",
        "en": "every year of the period covered by a yearly summary",
    },
    reads=("period",),
    citation=cite(_SECTION, "b) una sintesi annuale relativa a:"),
)
def annual_summary(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Every year of the plan's period is covered by a yearly summary."""
    return _calendar(plan, ReportKind.ANNUAL_SUMMARY)


@rule(
    id="tutela.reports.overall_evaluation",
    subject="plan",
    title={
        "it": "Valutazione complessiva delle attività",
        "en": "Overall evaluation of the activities",
    },
    message=_MESSAGE,
    condition={
        "it": "una valutazione complessiva che copre l'intero periodo",
        "en": "an overall evaluation covering the whole period",
    },
    reads=("period",),
    citation=cite(
        _SECTION,
        "c) una valutazione complessiva delle attività, con l’evidenza di aspetti critici e di "
        "eventuali proposte migliorative.",
    ),
)
def overall_evaluation(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """An overall evaluation covers the whole period of the plan."""
    return _calendar(plan, ReportKind.OVERALL_EVALUATION)

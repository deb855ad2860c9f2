"""Reporting duties (seed 004): half-yearly accounting, yearly summary, surveys, overall evaluation, VIS.

The expected calendar is generated from the plan's period by
:func:`welfare_ambito.duties.reporting_calendar`; the declared reports of each
kind must cover every step (see :func:`welfare_ambito.duties.check_calendar`).
"""

from __future__ import annotations

from welfare_ambito import i18n
from welfare_ambito.model import CoDesignPlan, ReportKind
from welfare_ambito.rules import Parameters, Verdict, check, rule
from welfare_ambito.rules.duties import calendar_rule
from welfare_ambito.rules.pippi._common import Text

__all__ = [
    "annual_summary",
    "impact_evaluation",
    "overall_evaluation",
    "satisfaction_surveys",
    "semiannual_accounting",
]

i18n.define(
    "pippi.duties.no_vis",
    it="Nessuna metodologia VIS indicata nel piano.",
    en="The plan states no VIS method.",
)
i18n.define(
    "pippi.duties.vis_stated",
    it={
        "one": "Metodologia VIS indicata; 1 indicatore.",
        "other": "Metodologia VIS indicata; {count} indicatori.",
    },
    en={
        "one": "VIS method stated; 1 indicator.",
        "other": "VIS method stated; {count} indicators.",
    },
)
i18n.define(
    "pippi.duties.vis_without_indicators",
    it="Metodologia VIS indicata senza indicatori.",
    en="VIS method stated with no indicators.",
)


semiannual_accounting = calendar_rule(
    ReportKind.SEMIANNUAL_ACCOUNTING,
    "pippi.duties.semiannual_accounting",
    ("rendicontazioni semestrali", "half-yearly accounting reports"),
    step_parameter="pippi.reports.semiannual_accounting.step",
)
annual_summary = calendar_rule(
    ReportKind.ANNUAL_SUMMARY,
    "pippi.duties.annual_summary",
    (
        "sintesi annuali (reclami, soddisfazione, controlli)",
        "yearly summaries (complaints, satisfaction, controls)",
    ),
    step_parameter="pippi.reports.annual_summary.step",
)
overall_evaluation = calendar_rule(
    ReportKind.OVERALL_EVALUATION,
    "pippi.duties.overall_evaluation",
    ("valutazione complessiva delle attività", "overall evaluation of the activities"),
    step_parameter="pippi.reports.overall_evaluation.step",
)


@rule(
    id="pippi.duties.satisfaction_surveys",
    subject="plan",
    title={
        "it": "Rilevazioni della soddisfazione nel calendario delle relazioni",
        "en": "Satisfaction surveys in the reporting calendar",
    },
    message={
        "it": "Rilevazioni della soddisfazione dichiarate: {surveys}.",
        "en": "Satisfaction surveys declared: {surveys}.",
    },
    condition={"it": "almeno una rilevazione", "en": "at least one survey"},
)
def satisfaction_surveys(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """At least one satisfaction survey in the calendar (the notice sets no cadence).

    Who is surveyed (beneficiaries *and* operators) and where the results go are
    declarations, checked by the ``pippi.partner.survey_*`` rules.
    """
    surveys = sum(1 for r in plan.reports if r.kind is ReportKind.SATISFACTION_SURVEY)
    return check(surveys > 0, surveys=surveys)


@rule(
    id="pippi.duties.impact_evaluation",
    subject="plan",
    title={
        "it": "Metodologia di Valutazione di Impatto Sociale (VIS) con indicatori",
        "en": "Social impact evaluation (VIS) method with indicators",
    },
    message={"it": "{verdict}", "en": "{verdict}"},
    condition={
        "it": "una metodologia VIS con almeno un indicatore",
        "en": "a VIS method with at least one indicator",
    },
)
def impact_evaluation(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """The plan states a VIS method and its indicators."""
    vis = plan.impact_evaluation
    if vis is None:
        return check(
            False,
            indicators=0,
            verdict=Text.message("pippi.duties.no_vis"),
        )
    count = len(vis.indicators)
    # The method is free text that may hold anything: it is never echoed into findings.
    return check(
        count > 0,
        indicators=count,
        verdict=Text.message("pippi.duties.vis_stated", count=count)
        if count
        else Text.message("pippi.duties.vis_without_indicators"),
    )

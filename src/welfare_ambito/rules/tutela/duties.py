"""Reporting duties of the Tutela Minori partner (seed 002, "RENDICONTAZIONI, DATI E RELAZIONI").

The half-yearly report of interventions, the yearly summary (complaints,
satisfaction, controls) and the overall evaluation, each checked against the
calendar generated from the plan's period (:func:`welfare_ambito.rules.duties.calendar_rule`):
half-years and years aligned to the period's start; a partner may cut its
reports differently as long as every day is covered by reports no longer than
the step and inside the period.
"""

from __future__ import annotations

from welfare_ambito.model import ReportKind
from welfare_ambito.rules.duties import calendar_rule

__all__ = ["annual_summary", "overall_evaluation", "semiannual_reports"]


semiannual_reports = calendar_rule(
    ReportKind.SEMIANNUAL_ACCOUNTING,
    "tutela.reports.semiannual",
    (
        "rendicontazioni semestrali degli interventi svolti",
        "half-yearly reports of the interventions",
    ),
    step_parameter="tutela.reports.semiannual_accounting.step",
)
annual_summary = calendar_rule(
    ReportKind.ANNUAL_SUMMARY,
    "tutela.reports.annual_summary",
    (
        "sintesi annuali (reclami, soddisfazione, controlli)",
        "yearly summaries (complaints, satisfaction, controls)",
    ),
    step_parameter="tutela.reports.annual_summary.step",
)
overall_evaluation = calendar_rule(
    ReportKind.OVERALL_EVALUATION,
    "tutela.reports.overall_evaluation",
    ("valutazione complessiva delle attività", "overall evaluation of the activities"),
    step_parameter="tutela.reports.overall_evaluation.step",
)

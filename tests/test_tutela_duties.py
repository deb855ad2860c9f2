"""Tutela Minori reporting duties: half-yearly, yearly and overall reports over the plan's period."""

from __future__ import annotations

import attrs
import pytest

from welfare_ambito import Period
from welfare_ambito.data import example
from welfare_ambito.duties import reporting_calendar
from welfare_ambito.model import CoDesignPlan, ReportKind
from welfare_ambito.rules import Outcome, evaluate

PROFILE = "seregno-tutela-minori-2022"
RULES = {
    ReportKind.SEMIANNUAL_ACCOUNTING: "tutela.reports.semiannual",
    ReportKind.ANNUAL_SUMMARY: "tutela.reports.annual_summary",
    ReportKind.OVERALL_EVALUATION: "tutela.reports.overall_evaluation",
}


def _outcomes(plan: CoDesignPlan) -> dict[str, Outcome]:
    report = evaluate(plan, PROFILE, rules=list(RULES.values()))
    return {f.rule: f.outcome for f in report.findings}


def test_example_calendar_is_complete() -> None:
    """The example's 6 half-yearly, 3 yearly and 1 overall reports cover its three years."""
    report = evaluate(example("tutela_minori_seregno"), PROFILE, rules=list(RULES.values()))
    counts = {f.rule: f.values["expected_count"] for f in report.findings}
    assert counts == {
        "tutela.reports.semiannual": 6,
        "tutela.reports.annual_summary": 3,
        "tutela.reports.overall_evaluation": 1,
    }
    assert {f.outcome for f in report.findings} == {Outcome.PASS}


def test_generated_calendar_passes_for_any_period() -> None:
    """A plan whose reports are the generated calendar of its period meets every duty."""
    period = Period.parse("2023-01-15/2025-07-14")
    plan = attrs.evolve(
        example("tutela_minori_seregno"), period=period, reports=reporting_calendar(period)
    )
    assert set(_outcomes(plan).values()) == {Outcome.PASS}


@pytest.mark.parametrize("kind", list(RULES))
def test_dropping_a_report_fails_its_duty_only(kind: ReportKind) -> None:
    """Without the last report of a kind, that kind's rule fails and names the uncovered period."""
    plan = example("tutela_minori_seregno")
    last = max(i for i, r in enumerate(plan.reports) if r.kind is kind)
    reports = plan.reports[:last] + plan.reports[last + 1 :]
    outcomes = _outcomes(attrs.evolve(plan, reports=reports))
    assert outcomes[RULES[kind]] is Outcome.FAIL
    assert [o for r, o in outcomes.items() if r != RULES[kind]] == [Outcome.PASS, Outcome.PASS]


def test_report_too_long_fails() -> None:
    """A single yearly "half-yearly" report is too long for its step."""
    plan = example("tutela_minori_seregno")
    assert plan.period is not None
    year = next(iter(plan.period.years()))
    reports = tuple(r for r in plan.reports if r.kind is not ReportKind.SEMIANNUAL_ACCOUNTING)
    extra = attrs.evolve(plan.reports[0], covers=year)
    finding = evaluate(
        attrs.evolve(plan, reports=(*reports, extra)), PROFILE, rules=["tutela.reports.semiannual"]
    ).findings[0]
    assert finding.outcome is Outcome.FAIL
    assert finding.values["too_long"] == (str(year),)


def test_plan_without_period_needs_review() -> None:
    """Without a period the calendar cannot be generated: review, naming ``period``."""
    plan = attrs.evolve(example("tutela_minori_seregno"), period=None)
    report = evaluate(
        plan, PROFILE, on=Period.parse("2023-01-01/2023-01-02").start, rules=list(RULES.values())
    )
    assert {f.outcome for f in report.findings} == {Outcome.NEEDS_REVIEW}
    assert {f.missing for f in report.findings} == {("period",)}

"""Reporting calendars (welfare_ambito.duties): generation from a period and checks of declared reports."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import Period
from welfare_ambito.duties import check_calendar, reporting_calendar, uncovered
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import ReportDue, ReportKind

SERVICES = Period.parse("2023-06-01/2026-05-31")


def test_calendar_of_the_seregno_period() -> None:
    """June 2023 – May 2026: 6 half-yearly reports, 3 yearly summaries, 1 overall evaluation."""
    calendar = reporting_calendar(SERVICES)
    kinds = [r.kind for r in calendar]
    assert kinds.count(ReportKind.SEMIANNUAL_ACCOUNTING) == 6
    assert kinds.count(ReportKind.ANNUAL_SUMMARY) == 3
    assert kinds.count(ReportKind.OVERALL_EVALUATION) == 1
    assert calendar[-1].covers == SERVICES
    assert all(r.due is None for r in calendar)


def test_due_dates_follow_the_covered_period_when_asked() -> None:
    """due_after sets each due date after the end of what the report covers."""
    calendar = reporting_calendar(
        SERVICES, [ReportKind.SEMIANNUAL_ACCOUNTING], due_after=relativedelta(days=30)
    )
    assert calendar[0].due == dt.date(2023, 12, 30)


def test_the_calendar_of_the_example_plan_matches_its_declared_reports() -> None:
    """The valid example declares exactly the generated half-yearly and yearly reports."""
    from welfare_ambito import data

    plan = data.example("pippi_seregno")
    for kind in (
        ReportKind.SEMIANNUAL_ACCOUNTING,
        ReportKind.ANNUAL_SUMMARY,
        ReportKind.OVERALL_EVALUATION,
    ):
        assert check_calendar(SERVICES, plan.reports, kind).ok


def test_a_missing_semester_is_named() -> None:
    """Dropping the last half-yearly report leaves that semester missing."""
    calendar = reporting_calendar(SERVICES, [ReportKind.SEMIANNUAL_ACCOUNTING])
    result = check_calendar(SERVICES, calendar[:-1], "semiannual_accounting")
    assert not result.ok
    assert result.missing == (Period.parse("2025-12-01/2026-05-31"),)


def test_differently_aligned_half_years_are_accepted_when_they_cover_everything() -> None:
    """Calendar half-years (Jan–Jun, Jul–Dec) cut to the period cover it: accepted."""
    halves = [
        Period.parse(p)
        for p in (
            "2023-06-01/2023-06-30",
            "2023-07-01/2023-12-31",
            "2024-01-01/2024-06-30",
            "2024-07-01/2024-12-31",
            "2025-01-01/2025-06-30",
            "2025-07-01/2025-12-31",
            "2026-01-01/2026-05-31",
        )
    ]
    reports = [ReportDue(kind="semiannual_accounting", covers=p) for p in halves]
    assert check_calendar(SERVICES, reports, "semiannual_accounting").ok


def test_a_yearly_report_does_not_count_as_half_yearly() -> None:
    """A report covering a whole year is too long for a half-yearly step."""
    reports = [ReportDue(kind="semiannual_accounting", covers=p) for p in SERVICES.years()]
    result = check_calendar(SERVICES, reports, "semiannual_accounting")
    assert not result.ok
    assert len(result.too_long) == 3


def test_reports_outside_the_period_are_flagged() -> None:
    """A report covering days outside the period is flagged."""
    reports = [ReportDue(kind="overall_evaluation", covers=Period.parse("2023-05-01/2026-05-31"))]
    result = check_calendar(SERVICES, reports, "overall_evaluation")
    assert result.outside
    assert not result.ok


def test_unknown_kind_is_invalid() -> None:
    """An unknown report kind is an InvalidValue, not a ValueError from the enum."""
    with pytest.raises(InvalidValue):
        reporting_calendar(SERVICES, ["weekly_gossip"])


periods = st.builds(
    lambda start, days: Period(start, start + dt.timedelta(days=days)),
    st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)),
    st.integers(0, 2000),
)


@given(periods)
def test_the_generated_calendar_always_passes_its_own_check(period: Period) -> None:
    """Every generated calendar satisfies check_calendar for each kind."""
    calendar = reporting_calendar(period, list(ReportKind))
    for kind in ReportKind:
        assert check_calendar(period, calendar, kind).ok


@given(periods, st.data())
def test_uncovered_days_plus_covered_days_are_the_period(
    period: Period, data: st.DataObject
) -> None:
    """Gaps and covered days never overlap and together make the whole period."""
    steps = list(period.semesters())
    kept = [s for s in steps if data.draw(st.booleans())]
    gaps = uncovered(period, kept)
    assert sum(g.days for g in gaps) + sum(k.days for k in kept) == period.days

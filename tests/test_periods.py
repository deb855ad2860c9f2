"""Period: inclusive date ranges and their calendar iteration."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import InvalidValue, Period
from welfare_ambito.testing.strategies import periods


def test_the_two_readings_of_the_pippi_period() -> None:
    """June 2023 – May 2026 and May 2023 – April 2026 are both 36 months."""
    services = Period.of_months("2023-06", "2026-05")
    finance = Period.of_months("2023-05", "2026-04")
    assert (services.start, services.end) == (dt.date(2023, 6, 1), dt.date(2026, 5, 31))
    assert (finance.start, finance.end) == (dt.date(2023, 5, 1), dt.date(2026, 4, 30))
    assert services.months == finance.months == 36
    assert services.overlaps(finance)
    assert services.intersection(finance) == Period(dt.date(2023, 6, 1), dt.date(2026, 4, 30))


def test_end_before_start_is_refused() -> None:
    """An end before the start is an InvalidValue on the end field."""
    with pytest.raises(InvalidValue) as info:
        Period(dt.date(2024, 1, 2), dt.date(2024, 1, 1))
    assert info.value.path == "end"


def test_length_in_months_and_days() -> None:
    """A period's length is exact: whole months plus remaining days."""
    period = Period(dt.date(2024, 1, 15), dt.date(2024, 3, 13))
    assert period.days == 59
    assert period.months == 1
    assert (period.length.months, period.length.days) == (1, 28)
    assert Period(dt.date(2024, 1, 15), dt.date(2024, 3, 14)).months == 2
    assert Period(dt.date(2024, 2, 1), dt.date(2024, 2, 29)).months == 1
    assert Period(dt.date(2024, 1, 1), dt.date(2024, 1, 1)).days == 1


def test_semesters_align_to_the_start() -> None:
    """Half-years start on the period's start, the last one is cut."""
    period = Period(dt.date(2023, 6, 15), dt.date(2024, 8, 1))
    assert [str(s) for s in period.semesters()] == [
        "2023-06-15/2023-12-14",
        "2023-12-15/2024-06-14",
        "2024-06-15/2024-08-01",
    ]


def test_months_are_calendar_months_cut_to_the_period() -> None:
    """months_iter() yields calendar months, first and last partial."""
    period = Period(dt.date(2024, 1, 20), dt.date(2024, 3, 5))
    assert [str(m) for m in period.months_iter()] == [
        "2024-01-20/2024-01-31",
        "2024-02-01/2024-02-29",
        "2024-03-01/2024-03-05",
    ]


def test_parse_and_str_round_trip() -> None:
    """Period.parse reads what str() writes."""
    period = Period.parse("2023-06-01/2026-05-31")
    assert Period.parse(str(period)) == period
    with pytest.raises(InvalidValue):
        Period.parse("2023-06-01")


def test_split_refuses_unknown_units() -> None:
    """split() names the allowed units when given another."""
    with pytest.raises(InvalidValue):
        list(Period.of_months("2024-01", "2024-02").split("week"))


@given(periods(), st.sampled_from(["month", "semester", "year", "calendar_year"]))
def test_iteration_covers_every_day_exactly_once(period: Period, unit: str) -> None:
    """The pieces are contiguous, inside the period, and cover it without overlap."""
    pieces = list(period.split(unit))
    assert pieces[0].start == period.start
    assert pieces[-1].end == period.end
    for before, after in itertools.pairwise(pieces):
        assert after.start == before.end + dt.timedelta(days=1)
    assert sum(p.days for p in pieces) == period.days
    assert all(p in period for p in pieces)


@given(periods(), periods())
def test_overlap_is_symmetric_and_matches_intersection(a: Period, b: Period) -> None:
    """overlaps() is symmetric and true exactly when an intersection exists."""
    assert a.overlaps(b) == b.overlaps(a) == (a.intersection(b) is not None)
    common = a.intersection(b)
    if common is not None:
        assert common in a
        assert common in b


@given(periods(), st.dates())
def test_contains_a_date_iff_between_the_ends(period: Period, day: dt.date) -> None:
    """A date is in the period exactly when start <= date <= end."""
    assert (day in period) == (period.start <= day <= period.end)

"""Phasing an amount over a Period, exact to the cent (seed 004's € 211.500,00)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import Money, Period
from welfare_ambito.budget import phase
from welfare_ambito.errors import InvalidValue

# Seed 004, "SERVIZI E RISORSE UMANE": "giugno 2023 – maggio 2026"; "RISORSE FINANZIARIE": € 211.500,00.
PIPPI = Period.of_months("2023-06", "2026-05")
PIPPI_ALT = Period.of_months("2023-05", "2026-04")  # the notice's other statement of the period

periods = st.builds(
    lambda start, days: Period(start, start + dt.timedelta(days=days)),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1)),
    st.integers(0, 2000),
)


@given(
    cents=st.integers(0, 10**9),
    period=periods,
    unit=st.sampled_from(["month", "semester", "year", "calendar_year"]),
    basis=st.sampled_from(["days", "months"]),
)
def test_phasing_is_exact_and_non_negative(
    cents: int, period: Period, unit: str, basis: str
) -> None:
    """Pieces add up to the amount, none is negative, and they tile the period."""
    result = phase(Money.from_cents(cents), period, unit=unit, basis=basis)
    assert sum(p.amount.cents for p in result) == cents
    assert all(p.amount >= Money(0) for p in result)
    assert result[0].period.start == period.start
    assert result[-1].period.end == period.end
    assert sum(p.period.days for p in result) == period.days


def test_by_months_gives_equal_half_years() -> None:
    """By months, € 211.500,00 over June 2023 – May 2026 is € 35.250,00 each half-year."""
    result = phase("211.500,00", PIPPI, unit="semester", basis="months")
    assert [p.amount for p in result] == [Money("35250")] * 6


def test_by_days_follows_the_calendar() -> None:
    """By days, half-years of 183 and 182 days get different amounts (1096 days in all)."""
    result = phase("211500", PIPPI, unit="semester", basis="days")
    assert [p.period.days for p in result] == [183, 183, 183, 182, 183, 182]
    assert [str(p.amount.amount) for p in result] == [
        "35314.33", "35314.33", "35314.32", "35121.35", "35314.32", "35121.35",
    ]  # fmt: skip


def test_both_statements_of_the_pippi_period_can_be_phased() -> None:
    """The notice's May 2023 – April 2026 period phases too; its years differ by days."""
    years = phase("211500", PIPPI_ALT, unit="year", basis="days")
    assert [p.period.days for p in years] == [366, 365, 365]
    assert sum(p.amount for p in years) == Money("211500")


def test_monthly_by_months_is_one_36th() -> None:
    """By months over 36 whole months each month gets € 5.875,00."""
    result = phase("211500", PIPPI, unit="month", basis="months")
    assert len(result) == 36
    assert {p.amount for p in result} == {Money("5875")}


def test_partial_month_weighs_its_share_of_days() -> None:
    """By months, a half month (15 of 30 days) weighs one half."""
    result = phase("300", Period(dt.date(2023, 6, 16), dt.date(2023, 7, 31)), basis="months")
    assert [str(p.weight) for p in result] == ["1/2", "1"]
    assert [p.amount for p in result] == [Money("100"), Money("200")]


def test_phasing_records_and_html() -> None:
    """A phasing has records with dates and Decimal amounts, and an HTML table."""
    result = phase("211500", PIPPI, unit="year")
    assert result.to_records()[0]["start"] == dt.date(2023, 6, 1)
    assert "<table" in result._repr_html_()


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [({"unit": "week"}, "budget.unknown_unit"), ({"basis": "hours"}, "budget.unknown_basis")],
)
def test_unknown_unit_or_basis(kwargs: dict[str, str], code: str) -> None:
    """An unknown unit or basis is an InvalidValue with a stable code."""
    with pytest.raises(InvalidValue) as info:
        phase("1", PIPPI, **kwargs)
    assert info.value.code == code

"""``phase`` refuses more than MAX_PHASES pieces at the door, with the field and the limit."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from welfare_ambito.budget.cli import main as budget_main
from welfare_ambito.budget.phasing import MAX_PHASES, UNITS, phase
from welfare_ambito.errors import InvalidValue
from welfare_ambito.periods import Period

MONTHS = {"month": 1, "semester": 6, "year": 12, "calendar_year": 12}


def _months_later(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@pytest.mark.parametrize("unit", ["month", "semester", "year"])
def test_exactly_the_limit_is_phased_one_more_is_refused(unit: str) -> None:
    start = dt.date(1900, 1, 1)
    step = MONTHS[unit]
    last_day = _months_later(start, MAX_PHASES * step) - dt.timedelta(days=1)
    phased = phase("100", Period(start, last_day), unit=unit)
    assert len(phased) == MAX_PHASES
    assert sum(p.amount.cents for p in phased) == 10_000
    with pytest.raises(InvalidValue) as caught:
        phase("100", Period(start, last_day + dt.timedelta(days=1)), unit=unit)
    assert caught.value.path == "period"
    assert caught.value.code == "budget.too_many_phases"


@settings(max_examples=40, deadline=None)
@given(
    start=st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    end=st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    unit=st.sampled_from(UNITS),
)
def test_any_period_is_phased_or_refused_quickly_with_the_limit_in_both_languages(
    start: dt.date, end: dt.date, unit: str
) -> None:
    start, end = min(start, end), max(start, end)
    began = time.perf_counter()
    try:
        phased = phase("1000", Period(start, end), unit=unit)
    except InvalidValue as exc:
        assert exc.path == "period"
        assert "1.200 parti" in exc.text("it")
        assert "1,200 pieces" in exc.text("en")
        assert start.strftime("%d/%m/") in exc.text("it")
    else:
        assert 1 <= len(phased) <= MAX_PHASES
        assert sum(p.amount.cents for p in phased) == 100_000
    assert time.perf_counter() - began < 10


def test_the_command_refuses_ten_thousand_years_by_month_at_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    began = time.perf_counter()
    assert budget_main(["phase", "100", "0001-01-01/9999-12-31", "--lang", "en"]) == 2
    assert time.perf_counter() - began < 10
    err = capsys.readouterr().err
    assert "[period]" in err
    assert "more than 1,200 pieces" in err
    assert budget_main(["phase", "100", "0001-01/9999-12", "--by", "semester"]) == 2
    assert "più di 1.200 parti" in capsys.readouterr().err

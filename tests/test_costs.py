"""Labour costs (welfare_ambito.costs): the Ministry's cited range, user tables and affordability."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import Money, Period
from welfare_ambito.costs import (
    LevelCosts,
    affordability,
    below_contract,
    labour_cost_on,
    labour_cost_ranges,
    unsourced_days,
)
from welfare_ambito.errors import InvalidValue, NotFound
from welfare_ambito.model import Profession
from welfare_ambito.rules.pippi import affordability as pippi_affordability


@pytest.mark.parametrize(
    ("day", "lowest", "highest"),
    [
        (dt.date(2024, 2, 1), "18.57", "38.12"),
        (dt.date(2024, 9, 30), "18.57", "38.12"),
        (dt.date(2024, 10, 1), "18.93", "38.78"),
        (dt.date(2025, 1, 1), "19.70", "40.31"),
        (dt.date(2025, 10, 1), "20.07", "41.00"),
        (dt.date(2030, 1, 1), "20.07", "41.00"),
    ],
)
def test_ministry_figures_in_force(day: dt.date, lowest: str, highest: str) -> None:
    """DD n. 30/2024 ranges, IRAP excluded, A1 to F2, by the day they hold from."""
    figures = labour_cost_on(day)
    assert figures is not None
    assert (figures.lowest, figures.highest) == (Money(lowest), Money(highest))
    assert (figures.lowest_level, figures.highest_level) == ("A1", "F2")
    assert "decreto direttoriale n. 30" in figures.citation.where()
    assert figures.citation.paraphrase


def test_no_figure_before_february_2024() -> None:
    """Before 1 February 2024 no figure is in force: None, never an invented number."""
    assert labour_cost_on(dt.date(2024, 1, 31)) is None
    assert unsourced_days(Period.parse("2023-01-01/2023-12-31")) == (
        Period.parse("2023-01-01/2023-12-31"),
    )
    assert below_contract({Profession.EDUCATOR: Money("1.00")}, dt.date(2023, 6, 1)) == ()


def test_ranges_do_not_overlap_and_are_ordered() -> None:
    """Each range starts the day after the previous one ends."""
    ranges = labour_cost_ranges()
    for before, after in itertools.pairwise(ranges):
        assert before.until is not None
        assert after.since == before.until + dt.timedelta(days=1)


@pytest.mark.parametrize(("cost", "warned"), [("18.56", True), ("18.57", False)])
def test_a_cost_below_a1_is_warned(cost: str, warned: bool) -> None:
    """A cost one cent below A1 (€ 18,57 in March 2024) is a warning; equal is not."""
    warnings = below_contract({Profession.CULTURAL_MEDIATOR: Money(cost)}, dt.date(2024, 3, 1))
    assert bool(warnings) is warned


def test_level_costs_use_d2_for_educators() -> None:
    """A user table per CCNL level: educators default to D2; other professions need a level."""
    table = LevelCosts(costs={"D2": "23.10"})
    assert table.hourly_cost("educator") == Money("23.10")
    with pytest.raises(NotFound):
        table.hourly_cost("psychologist")


def test_level_costs_reject_bad_input() -> None:
    """Unknown professions and negative costs are InvalidValue with a path."""
    with pytest.raises(InvalidValue):
        LevelCosts(costs={"D2": "-1"})
    with pytest.raises(InvalidValue):
        LevelCosts(costs={"D2": "20"}, levels={"astronaut": "D2"})


def test_affordability_of_the_seregno_floors() -> None:
    """At the valid example's costs the floors cost € 204.700,00: with € 6.800,00 of other lines, margin 0."""
    answer = pippi_affordability(
        {
            "educator": "22.50",
            "psychologist": "30.00",
            "pedagogist": "28.00",
            "cultural_mediator": "25.00",
        },
        on=dt.date(2024, 3, 1),
        other_costs=Money("6800.00"),
    )
    assert answer.floors_cost == Money("204700.00")
    assert answer.fits
    assert answer.remainder == Money(0)
    assert all(h == 0 for h in answer.extra_hours.values())


def test_affordability_extra_hours_and_warnings() -> None:
    """The remainder buys whole extra hours of each profession; low costs are warned."""
    answer = pippi_affordability(
        {
            "educator": "22.50",
            "psychologist": "30.00",
            "pedagogist": "28.00",
            "cultural_mediator": "18.00",
        },
        period=Period.parse("2023-06-01/2026-05-31"),
        other_costs=Money("6800.00"),
    )
    assert answer.remainder == Money("700.00")
    assert answer.extra_hours[Profession.EDUCATOR] == Decimal(31)  # 31 × 22,50 = 697,50
    assert answer.extra_hours[Profession.CULTURAL_MEDIATOR] == Decimal(38)
    assert [w.profession for w in answer.warnings] == [Profession.CULTURAL_MEDIATOR]
    assert answer.unsourced == (Period.parse("2023-06-01/2024-01-31"),)
    assert "margine € 700,00" in answer.to_text("it")


def test_affordability_without_a_cost_is_an_error() -> None:
    """A floor profession without an hourly cost raises NotFound naming it."""
    with pytest.raises(NotFound) as info:
        affordability(
            {"educator": "20"}, floors={"educator": 10, "psychologist": 5}, funding=Money(1000)
        )
    assert info.value.path == "hourly_costs.psychologist"


@given(
    st.integers(1, 5000),
    st.integers(1_00, 60_00),
    st.integers(0, 1_000_000_00),
)
def test_extra_hours_never_exceed_the_remainder(
    hours: int, cost_cents: int, funding_cents: int
) -> None:
    """Extra hours × cost fit the remainder, and one more hour would not."""
    cost = Money.from_cents(cost_cents)
    answer = affordability(
        {"educator": cost}, floors={"educator": hours}, funding=Money.from_cents(funding_cents)
    )
    extra = answer.extra_hours[Profession.EDUCATOR]
    if answer.remainder > Money(0):
        assert cost * extra <= answer.remainder < cost * (extra + 1)
    else:
        assert extra == 0

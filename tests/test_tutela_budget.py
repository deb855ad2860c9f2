"""The plan's budget against seed 002's split (rule ``tutela.budget.notice_split``)."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import Money
from welfare_ambito.data import example, tutela_minori_budget
from welfare_ambito.model import Budget
from welfare_ambito.rules import Finding, Outcome, evaluate

PROFILE = "seregno-tutela-minori-2022"
RULE = "tutela.budget.notice_split"


def _finding(budget: Budget) -> Finding:
    plan = attrs.evolve(example("tutela_minori_seregno"), budget=budget)
    return evaluate(plan, PROFILE, lang="en", rules=[RULE]).finding(RULE, "budget")


def _with_amount(budget: Budget, line_id: str, amount: Money) -> Budget:
    lines = tuple(
        attrs.evolve(line, amount=amount) if line.id == line_id else line for line in budget.lines
    )
    return attrs.evolve(budget, lines=lines)


def test_seed_002_budget_matches_the_notice() -> None:
    """Seed 002's own budget matches every figure of the profile."""
    finding = _finding(tutela_minori_budget())
    assert finding.outcome is Outcome.PASS
    assert finding.values["differences"] == ()
    assert finding.values["tutela.budget.territorial.seregno"] == "210000.00"


def test_example_budget_matches_the_notice() -> None:
    """The example plan's budget matches the notice."""
    assert _finding(example("tutela_minori_seregno").budget).outcome is Outcome.PASS  # type: ignore[arg-type]


def test_one_cent_more_for_meda_is_a_difference() -> None:
    """Meda at € 32.600,01: plan vs notice differ by € 0,01 on Meda's share."""
    budget = _with_amount(tutela_minori_budget(), "territorial.meda", Money("32600.01"))
    finding = _finding(budget)
    assert finding.outcome is Outcome.FAIL
    (difference,) = finding.values["differences"]
    assert difference["figure"] == "tutela.budget.territorial.meda"
    assert (difference["plan"], difference["notice"], difference["difference"]) == (
        "32600.01",
        "32600.00",
        "0.01",
    )
    assert finding.message.endswith("difference € 0.01.")  # English numbers in English


def test_moving_money_between_comuni_keeps_the_sums_but_not_the_split() -> None:
    """€ 100 moved from Seregno to Seveso: totals still add up, two per-Comune figures differ."""
    budget = tutela_minori_budget()
    budget = _with_amount(budget, "territorial.seregno", Money("209900"))
    budget = _with_amount(budget, "territorial.seveso", Money("63800"))
    finding = _finding(budget)
    assert [d["figure"] for d in finding.values["differences"]] == [
        "tutela.budget.territorial.seregno",
        "tutela.budget.territorial.seveso",
    ]


def test_missing_team_line_needs_review() -> None:
    """A plan with no line for Barlassina's team does not state that figure: review."""
    budget = tutela_minori_budget()
    lines = tuple(line for line in budget.lines if line.id != "territorial.barlassina")
    finding = _finding(attrs.evolve(budget, lines=lines))
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.values["not_stated"] == ("tutela.budget.territorial.barlassina",)


def test_a_profile_override_changes_the_expected_figure() -> None:
    """A what-if override of Seregno's share makes the seed budget differ by the override."""
    plan = attrs.evolve(example("tutela_minori_seregno"), budget=tutela_minori_budget())
    report = evaluate(
        plan, PROFILE, rules=[RULE], overrides={"tutela.budget.territorial.seregno": "200000"}
    )
    (difference,) = report.finding(RULE, "budget").values["differences"]
    assert difference["difference"] == "10000.00"


@given(cents=st.integers(min_value=-5_000_000, max_value=5_000_000).filter(lambda c: c != 0))
def test_any_change_of_the_yearly_total_is_its_difference(cents: int) -> None:
    """Changing the stated yearly total by d reports a difference of exactly d on it."""
    budget = tutela_minori_budget()
    delta = Money.from_cents(cents)
    finding = _finding(attrs.evolve(budget, total=budget.total + delta))
    (difference,) = finding.values["differences"]
    assert difference["figure"] == "tutela.budget.annual_total"
    assert Money(difference["difference"]) == delta

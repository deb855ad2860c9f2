"""Generic budget rules (welfare_ambito.rules.budget) on seed 002's budget and altered copies."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import Money
from welfare_ambito.data import example, tutela_minori_budget
from welfare_ambito.model import Budget, BudgetLine, CoDesignPlan
from welfare_ambito.rules import REGISTRY, Checker, Finding, Outcome, evaluate

PROFILE = "seregno-tutela-minori-2022"
ON = dt.date(2023, 1, 1)
SUM_RULES = ("budget.total", "budget.overall_total", "budget.splits", "budget.lines_not_negative")
COMUNE_LINES = (
    "territorial.barlassina",
    "territorial.giussano",
    "territorial.lentate-sul-seveso",
    "territorial.meda",
    "territorial.seregno",
    "territorial.seveso",
)


def _findings(budget: Budget, rules: tuple[str, ...] = SUM_RULES) -> dict[str, Finding]:
    checker = Checker(PROFILE, on=ON, lang="en", rules=rules)
    return {f.rule: f for f in checker.stream([budget], kind="budget", collection="budget")}


def _with_amount(budget: Budget, line_id: str, amount: Money) -> Budget:
    lines = tuple(
        attrs.evolve(line, amount=amount) if line.id == line_id else line for line in budget.lines
    )
    return attrs.evolve(budget, lines=lines)


def _plan(budget: Budget | None) -> CoDesignPlan:
    return attrs.evolve(example("tutela_minori_seregno"), budget=budget)


def test_rules_are_registered_with_subject_budget_or_plan() -> None:
    """The generic budget rules are registered; the sum rules look at the budget."""
    for rule_id in SUM_RULES:
        assert REGISTRY.get(rule_id).subject == "budget"
    for rule_id in ("budget.comuni_in_scope", "budget.comuni_shares"):
        assert REGISTRY.get(rule_id).subject == "plan"


def test_seed_002_budget_adds_up() -> None:
    """Seed 002's budget: € 680.000,00 = 249.100 + 430.900; × 3 = € 2.040.000,00; splits add up."""
    findings = _findings(tutela_minori_budget())
    assert {rule: f.outcome for rule, f in findings.items()} == dict.fromkeys(
        SUM_RULES, Outcome.PASS
    )
    total = findings["budget.total"]
    assert total.values["stated"] == "680000.00"
    assert total.values["computed"] == "680000.00"
    assert total.values["difference"] == "0.00"
    overall = findings["budget.overall_total"]
    assert (overall.values["stated"], overall.values["computed"]) == ("2040000.00", "2040000.00")


def test_one_cent_off_in_a_comune_share_is_reported_with_the_difference() -> None:
    """Seregno's share at € 210.000,01 makes the territorial split differ by −€ 0,01."""
    budget = _with_amount(tutela_minori_budget(), "territorial.seregno", Money("210000.01"))
    findings = _findings(budget)
    assert findings["budget.total"].outcome is Outcome.PASS
    splits = findings["budget.splits"]
    assert splits.outcome is Outcome.FAIL
    (mismatch,) = splits.values["mismatches"]
    assert mismatch["code"] == "budget.split_sum"
    assert mismatch["path"].startswith("budget.lines[")
    assert (mismatch["stated"], mismatch["computed"], mismatch["difference"]) == (
        "430900.00",
        "430900.01",
        "-0.01",
    )
    assert "difference" in splits.message


def test_one_cent_off_in_the_total() -> None:
    """A stated total of € 680.000,01 differs from the lines by € 0,01, and so does 3 × total."""
    budget = attrs.evolve(tutela_minori_budget(), total=Money("680000.01"))
    findings = _findings(budget)
    total = findings["budget.total"]
    assert total.outcome is Outcome.FAIL
    assert (total.values["stated"], total.values["computed"], total.values["difference"]) == (
        "680000.01",
        "680000.00",
        "0.01",
    )
    overall = findings["budget.overall_total"]
    assert overall.outcome is Outcome.FAIL
    assert overall.values["difference"] == "-0.03"


def test_of_which_parts_may_not_exceed_their_line() -> None:
    """Administrative services above the associated line fail as "parts exceed"."""
    budget = _with_amount(tutela_minori_budget(), "administrative", Money("249100.01"))
    splits = _findings(budget)["budget.splits"]
    assert splits.outcome is Outcome.FAIL
    assert [m["code"] for m in splits.values["mismatches"]] == ["budget.parts_exceed"]


def test_negative_line_fails() -> None:
    """A negative amount is reported by ``budget.lines_not_negative``."""
    budget = attrs.evolve(
        tutela_minori_budget(),
        lines=(*tutela_minori_budget().lines, BudgetLine(id="x", label="X", amount="-1")),
    )
    finding = _findings(budget)["budget.lines_not_negative"]
    assert finding.outcome is Outcome.FAIL
    assert finding.values["negative"] == ("x",)


def test_budget_without_years_is_not_multi_year() -> None:
    """A one-year budget makes ``budget.overall_total`` not applicable."""
    budget = attrs.evolve(tutela_minori_budget(), years=None, overall_total=None)
    assert _findings(budget)["budget.overall_total"].outcome is Outcome.NOT_APPLICABLE


@given(
    line_id=st.sampled_from(COMUNE_LINES),
    cents=st.integers(min_value=-1_000_000, max_value=1_000_000).filter(lambda c: c != 0),
)
def test_any_comune_share_change_is_found_to_the_cent(line_id: str, cents: int) -> None:
    """Changing one Comune's share by d makes the split differ by exactly −d."""
    budget = tutela_minori_budget()
    delta = Money.from_cents(cents)
    changed = _with_amount(budget, line_id, budget.line(line_id).amount + delta)
    (mismatch,) = _findings(changed, ("budget.splits",))["budget.splits"].values["mismatches"]
    assert Money(mismatch["difference"]) == -delta


def test_comuni_rules_on_the_seed_budget() -> None:
    """Seed 002's lines name only Comuni in scope, and every team Comune has its share."""
    report = evaluate(
        _plan(tutela_minori_budget()),
        PROFILE,
        rules=["budget.comuni_in_scope", "budget.comuni_shares"],
    )
    assert [f.outcome for f in report.findings] == [Outcome.PASS, Outcome.PASS]


def test_comune_out_of_scope_and_missing_share() -> None:
    """A team share for Cogliate is out of scope; Seveso left without a share is a warning."""
    budget = tutela_minori_budget()
    lines: list[Any] = [
        attrs.evolve(line, comune="Cogliate", id="territorial.cogliate")
        if line.id == "territorial.seveso"
        else line
        for line in budget.lines
    ]
    plan = _plan(attrs.evolve(budget, lines=tuple(lines)))
    report = evaluate(plan, PROFILE, rules=["budget.comuni_in_scope", "budget.comuni_shares"])
    scope = report.finding("budget.comuni_in_scope", "")
    assert scope.outcome is Outcome.FAIL
    assert scope.severity == "error"
    assert [p["code"] for p in scope.values["problems"]] == ["budget.comune_out_of_scope"]
    shares = report.finding("budget.comuni_shares", "")
    assert shares.outcome is Outcome.FAIL
    assert shares.severity == "warning"
    assert "Seveso" in shares.message


def test_plan_without_budget_needs_review() -> None:
    """Without a budget every budget rule needs review, naming ``budget``."""
    report = evaluate(_plan(None), PROFILE, rules=[*SUM_RULES, "budget.comuni_in_scope"])
    assert {f.outcome for f in report.findings} == {Outcome.NEEDS_REVIEW}
    assert {f.missing for f in report.findings} == {("budget",)}

"""«Servizi Associati € 249.100,00 di cui € 40.000,00 per i servizi amministrativi» (seed 002).

The € 40.000,00 is the administrative services' exact share of the split («così suddivisi»:
``exact``), or the most they may take of the associated services (``cap``). An administrative
line below it complies under ``cap`` only: with every other figure matching, the finding needs
review naming both readings; above it, or with another figure off, it fails under both.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from welfare_ambito import Money
from welfare_ambito.data import example
from welfare_ambito.model import Budget
from welfare_ambito.rules import Finding, Outcome, evaluate, load_profile
from welfare_ambito.rules.tutela.budget import ADMINISTRATIVE_READING, ADMINISTRATIVE_READINGS

PROFILE = "seregno-tutela-minori-2022"
RULE = "tutela.budget.notice_split"
NOTICE = Money("40000.00")  # seed 002's figures
SEREGNO = Money("210000.00")


def _budget(administrative: Money, seregno: Money = SEREGNO) -> Budget:
    budget = example("tutela_minori_seregno").budget
    assert budget is not None
    amounts = {"administrative": administrative, "territorial.seregno": seregno}
    return attrs.evolve(
        budget,
        lines=tuple(
            attrs.evolve(line, amount=amounts[line.id]) if line.id in amounts else line
            for line in budget.lines
        ),
    )


def _finding(budget: Budget, lang: str = "en", **overrides: str) -> Finding:
    plan = attrs.evolve(example("tutela_minori_seregno"), budget=budget)
    report = evaluate(plan, PROFILE, lang=lang, rules=[RULE], overrides=overrides)
    finding = report.finding(RULE, "budget")
    assert finding is not None
    return finding


def _readings() -> tuple[object, object]:
    value = load_profile(PROFILE).parameters[ADMINISTRATIVE_READING].values[0].value
    exact, cap = value.readings
    assert (exact.value, cap.value) == ADMINISTRATIVE_READINGS
    return exact, cap


def test_each_reading_cites_its_sentence() -> None:
    """«così suddivisi» for the exact share, «di cui» for the cap (no figure in either)."""
    exact, cap = _readings()
    assert exact.citation.quote.endswith("così suddivisi:")
    assert cap.citation.quote == "di cui"


def test_the_seed_figure_passes_under_both() -> None:
    """€ 40.000,00 of administrative services: the notice's figure under either reading."""
    assert _finding(_budget(NOTICE)).outcome is Outcome.PASS


@pytest.mark.parametrize("lang", ["it", "en"])
def test_less_than_the_figure_needs_review_naming_both(lang: str) -> None:
    """€ 35.000,00: within a cap, not the exact share; the finding names both readings."""
    exact, cap = _readings()
    finding = _finding(_budget(Money("35000.00")), lang=lang)
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.values["readings_passing"] == (cap.label,)
    assert finding.values["readings_failing"] == (exact.label,)
    assert cap.label in finding.message
    assert exact.label in finding.message
    cited = {
        p.reading: p.citation for p in finding.provenance if p.parameter == ADMINISTRATIVE_READING
    }
    assert cited[cap.label].quote == cap.citation.quote
    assert cited[exact.label].quote == exact.citation.quote


def test_more_than_the_figure_fails_under_both() -> None:
    """€ 40.000,01: over a cap and off the exact share."""
    finding = _finding(_budget(Money("40000.01")))
    assert finding.outcome is Outcome.FAIL
    (difference,) = finding.values["differences"]
    assert difference["figure"] == "tutela.budget.administrative"


def test_another_figure_off_fails_whatever_the_administrative_line() -> None:
    """Seregno's team one cent off fails, even with the administrative line within a cap."""
    finding = _finding(_budget(Money("35000.00"), seregno=Money("210000.01")))
    assert finding.outcome is Outcome.FAIL


@pytest.mark.parametrize(("reading", "expected"), [("cap", Outcome.PASS), ("exact", Outcome.FAIL)])
def test_a_profile_that_keeps_one_reading_decides(reading: str, expected: Outcome) -> None:
    """A what-if (or a profile) keeping one reading decides € 35.000,00."""
    finding = _finding(_budget(Money("35000.00")), **{ADMINISTRATIVE_READING: reading})
    assert finding.outcome is expected


def test_an_unknown_reading_is_a_typed_error() -> None:
    """A reading no rule knows is refused, naming the parameter."""
    from welfare_ambito.errors import InvalidValue

    with pytest.raises(InvalidValue) as caught:
        _finding(_budget(NOTICE), **{ADMINISTRATIVE_READING: "maximum"})
    assert caught.value.path == ADMINISTRATIVE_READING


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 8_000_000).map(lambda c: Money(Decimal(c) / 100)),
    st.booleans(),
    st.sampled_from([None, *ADMINISTRATIVE_READINGS]),
)
def test_pass_under_every_reading_fail_under_none_else_review(
    administrative: Money, other_off: bool, fixed: str | None
) -> None:
    """All readings in force comply → pass, none → fail, otherwise needs review."""
    seregno = Money("210000.01") if other_off else Money("210000.00")
    in_force = ADMINISTRATIVE_READINGS if fixed is None else (fixed,)
    complies = {
        "exact": not other_off and administrative == NOTICE,
        "cap": not other_off and administrative <= NOTICE,
    }
    verdicts = {complies[r] for r in in_force}
    expected = (
        Outcome.PASS
        if verdicts == {True}
        else Outcome.FAIL
        if verdicts == {False}
        else Outcome.NEEDS_REVIEW
    )
    overrides = {} if fixed is None else {ADMINISTRATIVE_READING: fixed}
    assert _finding(_budget(administrative, seregno), **overrides).outcome is expected

"""«non inferiore» before four figures: does it govern all four, or the educator's only?

Seed 004, «SERVIZI E RISORSE UMANE»: «con un monte ore non inferiore a n. 6.000 ore per la
figura professionale dell'educatore, n. 1.400 ore … psicologo/a e n. 900 … pedagogo, n. 100
… mediatore culturale». Under ``every_figure`` the four figures are floors; under
``educator_only`` the other three are the hours foreseen, exact. A plan that complies under
both passes, one that complies under neither fails, otherwise the finding needs review and
names the reading under which it complies.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from welfare_ambito import data
from welfare_ambito.model import HourPlan, Profession
from welfare_ambito.rules import Outcome, evaluate, load_profile
from welfare_ambito.rules.pippi.hours import FLOOR_READING, FLOOR_READINGS, FLOORS, complies
from welfare_ambito.rules.profile_tools import verify_profile

PROFILE = "seregno-pippi-2023"
SEED = {  # the notice's figures (seed 004)
    Profession.EDUCATOR: 6000,
    Profession.PSYCHOLOGIST: 1400,
    Profession.PEDAGOGIST: 900,
    Profession.CULTURAL_MEDIATOR: 100,
}
OTHERS = [p for p in SEED if p is not Profession.EDUCATOR]


def _rule(profession: Profession) -> str:
    return f"pippi.hours.{profession.value}"


def _finding(profession: Profession, hours: int, lang: str = "it", **overrides: str) -> object:
    planned = dict(SEED)
    planned[profession] = hours
    plan = attrs.evolve(data.example("pippi_seregno"), hour_plan=HourPlan(hours=planned))
    report = evaluate(plan, PROFILE, rules=[_rule(profession)], lang=lang, overrides=overrides)
    (finding,) = report.findings
    return finding


def _readings() -> tuple[object, object]:
    readings = load_profile(PROFILE).parameters[FLOOR_READING].values[0].value
    every, educator_only = readings.readings
    assert (every.value, educator_only.value) == FLOOR_READINGS
    return every, educator_only


def test_the_profile_holds_both_readings_each_with_its_sentence() -> None:
    """Both readings cite the notice verbatim; the profile verifies with nothing missing."""
    every, educator_only = _readings()
    assert every.citation.quote.endswith("con un monte ore non inferiore a")
    assert educator_only.citation.quote == "per la figura professionale dell'educatore"
    checks = verify_profile(load_profile(PROFILE))
    assert checks
    assert all(c.ok for c in checks)


@pytest.mark.parametrize("profession", OTHERS)
def test_the_seed_figure_passes_and_one_hour_less_fails(profession: Profession) -> None:
    """1.400, 900, 100 hours: pass under both readings; one hour less fails under both."""
    assert _finding(profession, SEED[profession]).outcome is Outcome.PASS
    short = _finding(profession, SEED[profession] - 1)
    assert short.outcome is Outcome.FAIL
    assert short.values["shortfall"] == "1"


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("profession", OTHERS)
def test_more_than_the_figure_needs_review_naming_both(profession: Profession, lang: str) -> None:
    """1.500 psychologist hours (100 over): a floor complies, an exact figure does not."""
    every, educator_only = _readings()
    finding = _finding(profession, SEED[profession] + 100, lang=lang)
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.values["readings_passing"] == (every.label,)
    assert finding.values["readings_failing"] == (educator_only.label,)
    assert finding.values["excess"] == "100"
    assert every.label in finding.message
    assert educator_only.label in finding.message
    cited = {p.reading: p.citation for p in finding.provenance if p.parameter == FLOOR_READING}
    assert cited[every.label].quote == every.citation.quote
    assert cited[educator_only.label].quote == educator_only.citation.quote


def test_the_educator_floor_is_a_floor_under_any_reading() -> None:
    """6.500 educator hours pass whatever the reading: «non inferiore» governs them always."""
    for reading in (None, *FLOOR_READINGS):
        overrides = {} if reading is None else {FLOOR_READING: reading}
        assert _finding(Profession.EDUCATOR, 6500, **overrides).outcome is Outcome.PASS
        assert _finding(Profession.EDUCATOR, 5999, **overrides).outcome is Outcome.FAIL


@pytest.mark.parametrize(
    ("reading", "expected"),
    [("every_figure", Outcome.PASS), ("educator_only", Outcome.FAIL)],
)
def test_a_profile_that_keeps_one_reading_decides(reading: str, expected: Outcome) -> None:
    """A what-if (or a profile) keeping one reading: 1.500 psychologist hours pass or fail."""
    finding = _finding(Profession.PSYCHOLOGIST, 1500, **{FLOOR_READING: reading})
    assert finding.outcome is expected


def test_an_unknown_reading_is_a_typed_error_naming_the_parameter() -> None:
    """A profile that names a reading no rule knows is refused, not read as either."""
    from welfare_ambito.errors import InvalidValue

    with pytest.raises(InvalidValue) as caught:
        _finding(Profession.PSYCHOLOGIST, 1500, **{FLOOR_READING: "floor"})
    assert caught.value.path == FLOOR_READING


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(list(SEED)),
    st.integers(0, 9000),
    st.sampled_from([None, *FLOOR_READINGS]),
)
def test_pass_under_every_reading_fail_under_none_else_review(
    profession: Profession, hours: int, fixed: str | None
) -> None:
    """The outcome follows the readings in force: all comply → pass, none → fail, else review."""
    overrides = {} if fixed is None else {FLOOR_READING: fixed}
    in_force = FLOOR_READINGS if fixed is None else (fixed,)
    verdicts = {
        complies(profession, Decimal(hours), Decimal(SEED[profession]), r) for r in in_force
    }
    expected = (
        Outcome.PASS
        if verdicts == {True}
        else Outcome.FAIL
        if verdicts == {False}
        else Outcome.NEEDS_REVIEW
    )
    assert _finding(profession, hours, **overrides).outcome is expected
    assert FLOORS[profession] in load_profile(PROFILE).parameters

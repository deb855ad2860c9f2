"""Contested readings of seeds 002 and 004 beyond the hour figures and the budget share.

* «personale con esperienza pluriennale» (seed 002): at least the profile's years (two), or
  more than one year. Years are a decimal, so the data decides: 1.5 years needs review.
* «non possono essere inferiori ad otto ore settimanali» (seed 004): every week, or on average
  over the intervention. A plan holds one weekly figure per intervention, on which both readings
  agree: the profile lists the reading (both sentences) and no rule reads it.
* «in incontri a cadenza indicativamente mensile» (seeds 002 and 004): monthly, or indicative.
  A plan holds the partner's declaration, not the meetings' dates: listed, not read.
"""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from welfare_ambito import data
from welfare_ambito.model import CoDesignPlan
from welfare_ambito.rules import Outcome, Readings, catalogue, evaluate, load_profile
from welfare_ambito.rules.profile_tools import verify_profile
from welfare_ambito.rules.tutela.partner import (
    EXPERIENCE_READING,
    EXPERIENCE_READINGS,
    experienced,
)

TUTELA = "seregno-tutela-minori-2022"
PIPPI = "seregno-pippi-2023"
RULE = "tutela.staff.multi_year_experience"
SEDT_READING = "pippi.sedt.weekly_hours_reading"
MEETINGS = {
    PIPPI: "pippi.partner.technical_meetings_reading",
    TUTELA: "tutela.partner.technical_meetings_reading",
}


def _with_years(years: Decimal) -> tuple[CoDesignPlan, int]:
    plan = data.example("tutela_minori_seregno")
    index = next(i for i, s in enumerate(plan.staff) if s.profession == "social_worker")
    member = attrs.evolve(plan.staff[index], years_in_tutela_minori=years)
    return attrs.evolve(plan, staff=(*plan.staff[:index], member, *plan.staff[index + 1 :])), index


def _experience(years: str, lang: str = "it", **overrides: str) -> object:
    plan, index = _with_years(Decimal(years))
    report = evaluate(plan, TUTELA, rules=[RULE], lang=lang, overrides=overrides)
    finding = report.finding(RULE, f"staff[{index}]")
    assert finding is not None
    return finding


def _readings(profile: str, name: str) -> Readings:
    value = load_profile(profile).parameters[name].values[0].value
    assert isinstance(value, Readings)
    return value


def test_the_embedded_profiles_verify_with_the_new_sentences() -> None:
    """Every quote, the readings' included, stands verbatim in its notice."""
    for profile in (PIPPI, TUTELA, "pippi-national"):
        checks = verify_profile(load_profile(profile))
        assert checks
        assert all(c.ok for c in checks), profile


@pytest.mark.parametrize(("years", "expected"), [("1", Outcome.FAIL), ("2", Outcome.PASS)])
def test_one_year_fails_two_years_pass_under_both(years: str, expected: Outcome) -> None:
    """One year is not «pluriennale» under either reading; two years are under both."""
    assert _experience(years).outcome is expected


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_year_and_a_half_needs_review_naming_both(lang: str) -> None:
    """1.5 years: more than one year, fewer than the profile's two."""
    at_least, more_than_one = _readings(TUTELA, EXPERIENCE_READING).readings
    assert (at_least.value, more_than_one.value) == EXPERIENCE_READINGS
    finding = _experience("1.5", lang=lang)
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.values["readings_passing"] == (more_than_one.label,)
    assert finding.values["readings_failing"] == (at_least.label,)
    assert at_least.label in finding.message
    assert more_than_one.label in finding.message
    cited = {p.reading for p in finding.provenance if p.parameter == EXPERIENCE_READING}
    assert cited == {at_least.label, more_than_one.label}


@pytest.mark.parametrize(
    ("reading", "expected"), [("at_least", Outcome.FAIL), ("more_than_one", Outcome.PASS)]
)
def test_a_profile_that_keeps_one_reading_decides(reading: str, expected: Outcome) -> None:
    """A what-if keeping one reading decides 1.5 years."""
    assert _experience("1.5", **{EXPERIENCE_READING: reading}).outcome is expected


@settings(max_examples=80, deadline=None)
@given(
    st.integers(0, 400).map(lambda n: Decimal(n) / 100),
    st.sampled_from([None, *EXPERIENCE_READINGS]),
)
def test_pass_under_every_reading_fail_under_none_else_review(
    years: Decimal, fixed: str | None
) -> None:
    """The outcome follows the readings in force: all → pass, none → fail, else review."""
    in_force = EXPERIENCE_READINGS if fixed is None else (fixed,)
    verdicts = {experienced(years, Decimal(2), r) for r in in_force}
    expected = (
        Outcome.PASS
        if verdicts == {True}
        else Outcome.FAIL
        if verdicts == {False}
        else Outcome.NEEDS_REVIEW
    )
    overrides = {} if fixed is None else {EXPERIENCE_READING: fixed}
    assert _experience(str(years), **overrides).outcome is expected


def test_the_weekly_hours_readings_cite_the_notice() -> None:
    """«ogni settimana» cites the regular presence, «in media» the decreasing intensity."""
    every_week, average = _readings(PIPPI, SEDT_READING).readings
    assert (every_week.value, average.value) == ("every_week", "average")
    assert "con regolarità" in every_week.citation.quote
    assert "progressivamente ridursi nelle fasi successive" in average.citation.quote


@pytest.mark.parametrize("weekly", ["7.5", "8", "12"])
def test_one_weekly_figure_gets_the_same_verdict_under_either_weekly_reading(weekly: str) -> None:
    """With one figure per intervention the reading cannot change a verdict: no rule reads it."""
    plan = data.example("pippi_seregno")
    sedt = attrs.evolve(plan.interventions[0], weekly_hours=Decimal(weekly))
    plan = attrs.evolve(plan, interventions=(sedt, *plan.interventions[1:]))
    outcomes = {
        evaluate(
            plan,
            PIPPI,
            rules=["pippi.sedt.weekly_hours"],
            overrides={} if r is None else {SEDT_READING: r},
        )
        .findings[0]
        .outcome
        for r in (None, "every_week", "average")
    }
    assert len(outcomes) == 1
    assert outcomes == {Outcome.PASS if Decimal(weekly) >= 8 else Outcome.FAIL}
    assert all(SEDT_READING not in entry.rule.all_parameters for entry in catalogue(PIPPI).entries)


@pytest.mark.parametrize("profile", [PIPPI, TUTELA])
def test_the_monthly_meetings_readings_cite_indicativamente(profile: str) -> None:
    """Both readings of «indicativamente mensile» cite the sentence that says it."""
    monthly, indicative = _readings(profile, MEETINGS[profile]).readings
    assert (monthly.value, indicative.value) == ("monthly", "indicative")
    for reading in (monthly, indicative):
        assert "a cadenza indicativamente mensile" in reading.citation.quote


@pytest.mark.parametrize(
    ("profile", "names"),
    [(PIPPI, {SEDT_READING, MEETINGS[PIPPI]}), (TUTELA, {MEETINGS[TUTELA]})],
)
@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_catalogue_lists_the_readings_no_rule_reads(
    profile: str, names: set[str], lang: str
) -> None:
    """The rule catalogue shows each undecidable reading with both labels and sentences."""
    cat = catalogue(profile)
    assert {p.name for p in cat.unread_readings} == names
    for render in (cat.to_text(lang), cat.to_markdown(lang)):
        for name in names:
            assert name in render
            for reading in _readings(profile, name):
                assert reading.label in render
                assert reading.citation.quote in render
    listed = json.loads(json.dumps(cat.to_dict(lang)))["unread_readings"]
    assert {item["name"] for item in listed} == names


def _read_readings() -> list[tuple[str, str]]:
    """Every (profile, parameter) whose value is readings labelled by words, read by a rule."""
    from welfare_ambito.rules import list_profiles

    pairs = []
    for item in list_profiles():
        profile_id = getattr(item, "id", item)
        profile = load_profile(profile_id)
        read = {n for entry in catalogue(profile).entries for n in entry.rule.all_parameters}
        for name, parameter in profile.parameters.items():
            if name in read and any(
                isinstance(d.value, Readings) and all(isinstance(r.value, str) for r in d.value)
                for d in parameter.values
            ):
                pairs.append((profile_id, name))
    return pairs


_OVERLAP_XFAIL = pytest.mark.xfail(
    strict=True,
    reason="known limitation: the overlap at 11 is a contradiction between two figures and "
    "is quoted with them («0-11 anni», «da 11 a 14 anni»), so a what-if on the age bands "
    "still shows them beside the new bands; the fix is for the engine to drop a reading's "
    "citation when a figure it quotes is overridden",
)


@pytest.mark.parametrize(
    ("profile", "name"),
    [
        pytest.param(*pair, marks=_OVERLAP_XFAIL)
        if pair[1] == "pippi.cohort.age_overlap_reading"
        else pair
        for pair in _read_readings()
    ],
)
def test_a_reading_a_rule_reads_cites_no_figure(profile: str, name: str) -> None:
    """A reading's sentence shows beside every finding of its rule, what-ifs included: it must
    state no figure, or a what-if that changes the figure would stand beside the old one (the
    figures' own sentences are cited by their parameters, and dropped when overridden)."""
    import re

    for dated in load_profile(profile).parameters[name].values:
        assert isinstance(dated.value, Readings)
        for reading in dated.value:
            assert reading.citation is not None, (name, reading.label)
            assert not re.search(r"\d", reading.citation.quote), (name, reading.citation.quote)
            assert not re.search(r"\d", reading.label), (name, reading.label)

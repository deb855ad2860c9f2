"""Contested readings: both readings of an ambiguous sentence, cited, and the user's choice."""

from __future__ import annotations

import datetime as dt

import pytest

from welfare_ambito.rules import Outcome, Parameters, Reading, Readings, catalogue, load_profile
from welfare_ambito.rules.readings import decide

CONTESTED = {
    "seregno-tutela-minori-2022": (
        "tutela.administrative.hours_reading",
        "tutela.coordinator.hours_reading",
        "tutela.supervision.hours_reading",
    ),
    "seregno-pippi-2023": (
        "pippi.groups.meetings_reading",
        "pippi.groups.cadence_reading",
        "pippi.cohort.reunification_share_reading",
        "pippi.cohort.preadolescent_share_reading",
        "pippi.cohort.age_overlap_reading",
    ),
}


@pytest.mark.parametrize("profile_id", sorted(CONTESTED))
@pytest.mark.parametrize("markdown", [False, True])
def test_every_contested_reading_is_in_the_catalogue_with_its_sentence(
    profile_id: str, markdown: bool
) -> None:
    """The catalogue shows each reading's label and the sentence that supports it."""
    cat = catalogue(profile_id)
    text = cat.to_markdown() if markdown else cat.to_text()
    params = load_profile(profile_id).parameters
    for name in CONTESTED[profile_id]:
        (dated,) = params[name].values
        assert isinstance(dated.value, Readings)
        assert len(dated.value) == 2
        for reading in dated.value:
            assert reading.citation is not None
            assert reading.label in text
            assert f"«{reading.citation.quote}»" in text


def _params(*values: str) -> Parameters:
    readings = Readings(readings=tuple(Reading(value=v, label=f"lettura {v}") for v in values))
    return Parameters({"x.reading": readings}, on=dt.date(2024, 1, 1))


def test_readings_that_agree_decide_and_those_that_disagree_need_review() -> None:
    """Both readings pass → pass; both fail → fail; one each → needs review naming both."""
    p = _params("a", "b")
    assert decide(p, "x.reading", {"a": True, "b": True}).outcome is Outcome.PASS
    assert decide(p, "x.reading", {"a": False, "b": False}).outcome is Outcome.FAIL
    split = decide(p, "x.reading", {"a": True, "b": False})
    assert split.outcome is Outcome.NEEDS_REVIEW
    assert split.values["readings_passing"] == ("lettura a",)
    assert split.values["readings_failing"] == ("lettura b",)
    assert "lettura a" in split.values["reading"].display("it")
    assert "lettura b" in split.values["reading"].display("en")


def test_a_profile_that_chose_one_reading_decides() -> None:
    """A plain value (the profile's choice) makes the rule pass or fail under it alone."""
    p = Parameters({"x.reading": "a"}, on=dt.date(2024, 1, 1))
    assert decide(p, "x.reading", {"a": False, "b": True}).outcome is Outcome.FAIL

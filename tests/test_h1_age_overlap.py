"""The age bands overlap at 11: a contested reading of who counts in the 11–14 group.

«minori da 0 a 11 anni» (core target) and «famiglie con figli da 11 a 14 anni» (a group of
about 20%): under ``core`` a family whose youngest child in the bands is 11 is core target
(«in prima battuta, ai bambini di 0-11 anni…»); under ``preadolescent`` it counts in the
11–14 group. The family is in the target either way; only the group's share changes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from welfare_ambito import data
from welfare_ambito.eligibility import assess
from welfare_ambito.eligibility.pippi import AgeBands, TargetGroup
from welfare_ambito.model import Child, CoDesignPlan
from welfare_ambito.rules import Outcome, Readings, catalogue, evaluate, load_profile
from welfare_ambito.rules.pippi.cohort import OVERLAP_READINGS, in_preadolescent_group

RULE = "pippi.cohort.preadolescent_share"
AGE = "pippi.cohort.age_overlap_reading"
SHARE = "pippi.cohort.preadolescent_share_reading"
PROFILE = "seregno-pippi-2023"
ON = dt.date(2023, 6, 1)
CAP = {SHARE: "cap"}


def _child(family: str, index: int, age: int) -> Child:
    return Child(id=f"{family}-C{index}", birth_date=ON - relativedelta(years=age, days=30))


def _plan(*ages: tuple[int, ...]) -> CoDesignPlan:
    """The valid example with one family per entry of ``ages`` (its children's ages on ON)."""
    plan = data.example("pippi_seregno")
    model = plan.families[0]
    families = tuple(
        attrs.evolve(
            model,
            id=f"F{i:02d}",
            children=tuple(_child(f"F{i:02d}", j, a) for j, a in enumerate(family_ages)),
        )
        for i, family_ages in enumerate(ages)
    )
    return attrs.evolve(plan, families=families, interventions=(), groups=())


def _finding(plan: CoDesignPlan, **overrides: str) -> object:
    report = evaluate(plan, PROFILE, on=ON, rules=[RULE], overrides={**CAP, **overrides})
    (finding,) = report.findings
    return finding


CORE = (5,)
GROUP = (13,)
OVERLAP = (11,)  # only child in the bands is 11: core under one reading, 11–14 under the other


def test_the_overlap_family_is_in_the_target_either_way() -> None:
    """Eligibility does not depend on the reading: an 11-year-old's family is core target."""
    family = _plan(OVERLAP).families[0]
    result = assess(family, on=ON, profile=PROFILE)
    assert result.eligible
    assert result.group is TargetGroup.CORE


def test_passing_under_both_readings_passes() -> None:
    """2 of 10 in the 11–14 group and no overlap family: within the share under both."""
    finding = _finding(_plan(*[CORE] * 8, *[GROUP] * 2))
    assert finding.outcome is Outcome.PASS
    assert finding.values["count"] == 2
    assert finding.values["overlap_families"] == 0


def test_failing_under_both_readings_fails() -> None:
    """3 of 10 in the 11–14 group (share 2): over under both readings of the overlap."""
    finding = _finding(_plan(*[CORE] * 6, *[GROUP] * 3, OVERLAP))
    assert finding.outcome is Outcome.FAIL
    assert finding.values["count"] == 3
    assert finding.values["overlap_families"] == 1


@pytest.mark.parametrize("lang", ["it", "en"])
def test_passing_under_one_reading_needs_review_naming_both(lang: str) -> None:
    """2 in the group plus 1 family of an 11-year-old: 2 (core) or 3 (11–14) of 10 → review."""
    plan = _plan(*[CORE] * 7, *[GROUP] * 2, OVERLAP)
    report = evaluate(plan, PROFILE, on=ON, rules=[RULE], overrides=CAP, lang=lang)
    (finding,) = report.findings
    assert finding.outcome is Outcome.NEEDS_REVIEW
    readings = load_profile(PROFILE).parameters[AGE].values[0].value
    core, group = readings.readings
    assert (core.value, group.value) == OVERLAP_READINGS
    assert finding.values["readings_passing"] == (core.label,)
    assert finding.values["readings_failing"] == (group.label,)
    assert core.label in finding.message
    assert group.label in finding.message
    assert finding.values["count"] == 2
    assert finding.values["overlap_families"] == 1
    assert ("3 su 10 famiglie" if lang == "it" else "3 of 10 families") in finding.message
    # both sentences travel with the finding, each with its own reading
    cited = {p.reading: p.citation for p in finding.provenance if p.parameter == AGE}
    assert cited[core.label] is not None
    assert "in prima battuta, ai bambini di 0-11 anni" in cited[core.label].quote
    assert cited[group.label] is not None
    assert "famiglie con figli da 11 a 14 anni" in cited[group.label].quote


@pytest.mark.parametrize(
    ("chosen", "expected"), [("core", Outcome.PASS), ("preadolescent", Outcome.FAIL)]
)
def test_a_profile_that_fixes_one_reading_decides(chosen: str, expected: Outcome) -> None:
    """A what-if (or a profile) keeping one reading passes or fails under it alone."""
    plan = _plan(*[CORE] * 7, *[GROUP] * 2, OVERLAP)
    finding = _finding(plan, **{AGE: chosen})
    assert finding.outcome is expected
    assert finding.values["count"] == (2 if chosen == "core" else 3)


def test_a_profile_file_fixes_the_reading_with_its_own_sentence(tmp_path: Path) -> None:
    """A user's profile keeps the 11–14 reading, citing its sentence; the check follows it."""
    profile = tmp_path / "strict.toml"
    profile.write_text(
        f'''id = "strict-pippi"
title = "P.I.P.P.I. — 11 anni nel gruppo 11–14"
extends = "pippi-national"

[parameters."{SHARE}"]
unit = "text"
since = 2017-12-21
value = "cap"
citation = {{ source = "seregno-pippi-2023-avviso", section = "LE FAMIGLIE TARGET PER IL PROGRAMMA P.I.P.P.I.", quote = "delle famiglie incluse in ogni ATS (Ambito Territoriale Sociale)" }}

[parameters."{AGE}"]
unit = "text"
since = 2017-12-21
value = "preadolescent"
citation = {{ source = "seregno-pippi-2023-avviso", section = "LE FAMIGLIE TARGET PER IL PROGRAMMA P.I.P.P.I.", quote = "famiglie con figli da 11 a 14 anni" }}
''',
        encoding="utf-8",
    )
    plan = _plan(*[CORE] * 7, *[GROUP] * 2, OVERLAP)
    finding = evaluate(plan, load_profile(profile), on=ON, rules=[RULE]).findings[0]
    assert finding.outcome is Outcome.FAIL
    (entry,) = [p for p in finding.provenance if p.parameter == AGE]
    assert entry.value == "preadolescent"
    assert entry.citation is not None
    assert entry.citation.quote == "famiglie con figli da 11 a 14 anni"


@pytest.mark.parametrize("profile_id", ["pippi-national", PROFILE])
def test_the_catalogue_lists_both_readings_of_the_overlap_with_their_sentences(
    profile_id: str,
) -> None:
    """`welfare-ambito rules` shows each reading's label and its sentence, under the rule."""
    cat = catalogue(profile_id)
    (dated,) = load_profile(profile_id).parameters[AGE].values
    assert isinstance(dated.value, Readings)
    for text in (cat.to_text(), cat.to_markdown()):
        assert AGE in text
        for reading in dated.value:
            assert reading.citation is not None
            assert reading.label in text
            assert f"«{reading.citation.quote}»" in text


def test_an_unknown_reading_is_a_typed_error_naming_the_parameter() -> None:
    """A profile value that is neither reading is refused with the choices, not a KeyError."""
    from welfare_ambito.errors import InvalidValue

    with pytest.raises(InvalidValue) as caught:
        in_preadolescent_group((11,), AgeBands(), "eleven")
    assert caught.value.path == AGE
    assert "core, preadolescent" in caught.value.message


# -- properties -----------------------------------------------------------------------

AGES = st.lists(st.integers(0, 20), min_size=1, max_size=4).map(tuple)


def _overlap_only(ages: tuple[int, ...]) -> bool:
    return AgeBands().core_only_by_overlap(ages)


PLAIN_FAMILIES = st.lists(AGES.filter(lambda a: not _overlap_only(a)), min_size=1, max_size=14)
OVERLAP_FAMILIES = st.lists(
    st.tuples(st.just(11), *[st.integers(11, 20)] * 2).map(tuple), min_size=1, max_size=4
)
SOME = settings(max_examples=40, deadline=None)


@SOME
@given(PLAIN_FAMILIES, st.sampled_from(["cap", "average"]))
def test_without_overlap_families_both_readings_agree(
    families: list[tuple[int, ...]], share_reading: str
) -> None:
    """No family core only by an 11-year-old: the two readings give the same outcome and count."""
    plan = _plan(*families)
    core = _finding(plan, **{AGE: "core", SHARE: share_reading})
    group = _finding(plan, **{AGE: "preadolescent", SHARE: share_reading})
    both = _finding(plan, **{SHARE: share_reading})
    assert core.outcome is group.outcome is both.outcome
    assert core.values["count"] == group.values["count"] == both.values["count"]
    assert both.values["overlap_families"] == 0


@SOME
@given(PLAIN_FAMILIES, OVERLAP_FAMILIES)
def test_overlap_families_count_only_under_the_11_14_reading(
    families: list[tuple[int, ...]], overlap: list[tuple[int, ...]]
) -> None:
    """Adding families of an 11-year-old raises the 11–14 count by as many under that reading
    only; the other reading's count stays; the joint outcome is never better than either."""
    before = _plan(*families)
    after = _plan(*families, *overlap)
    for reading, added in (("core", 0), ("preadolescent", len(overlap))):
        old = _finding(before, **{AGE: reading})
        new = _finding(after, **{AGE: reading})
        assert new.values["count"] == old.values["count"] + added
    joint = _finding(after)
    assert joint.values["overlap_families"] == len(overlap)
    outcomes = {_finding(after, **{AGE: r}).outcome for r in OVERLAP_READINGS}
    if outcomes == {Outcome.PASS}:
        assert joint.outcome is Outcome.PASS
    elif outcomes == {Outcome.FAIL}:
        assert joint.outcome is Outcome.FAIL
    else:
        assert joint.outcome is Outcome.NEEDS_REVIEW

"""P.I.P.P.I. eligibility (seed 004, «LE FAMIGLIE TARGET»): outcomes, age boundaries, reasons."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito.eligibility import (
    AgeBands,
    EligibilityOutcome,
    TargetGroup,
    assess,
    assess_all,
    target_group,
)
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import Child, Family

ON = dt.date(2024, 3, 10)
SEED = "004_45436608c0a0bd55.txt"


def child(cid: str, born: dt.date) -> Child:
    return Child(id=cid, birth_date=born)


def family(*births: dt.date, **judgements: object) -> Family:
    defaults: dict[str, object] = {
        "pre_assessment": "worrying",
        "em_orientation": "keep_in_family",
        "trust_in_services": True,
        "abuse_or_severe_maltreatment": False,
        "removal_in_progress": False,
    }
    defaults.update(judgements)
    return Family(
        id="F1",
        children=[child(f"C{i}", b) for i, b in enumerate(births)],
        **defaults,  # type: ignore[arg-type]
    )


def born_years_before(years: int, *, days: int = 0) -> dt.date:
    """A birth date such that the child turns ``years`` on ON + ``days``."""
    return ON.replace(year=ON.year - years) + dt.timedelta(days=days)


def test_a_typical_family_is_eligible_with_cited_reasons() -> None:
    """A worrying, trusting family with a 7-year-old kept at home is eligible; every finding cites seed 004."""
    result = assess(family(dt.date(2016, 4, 12)), on=ON)
    assert result.outcome is EligibilityOutcome.ELIGIBLE
    assert result.outcome.value == "eligible"
    assert result.group is TargetGroup.CORE
    for f in result.findings:
        cited = [f.citation] if f.citation is not None else []
        cited += [p.citation for p in f.provenance if p.citation is not None]
        assert cited, f.rule
        assert {c.document for c in cited} == {"seregno-pippi-2023-avviso"}


@pytest.mark.parametrize(
    ("days", "group"),
    [
        (0, TargetGroup.CORE),  # born today: 0 years old
    ],
)
def test_age_zero_on_the_birth_day_is_core(days: int, group: TargetGroup) -> None:
    """A child born on the reference day is 0 and core target."""
    assert assess(family(ON), on=ON).group is group


def test_a_child_born_after_the_reference_day_is_invalid_input() -> None:
    """A birth date after the reference day raises InvalidValue with the child's path, not a newborn."""
    with pytest.raises(InvalidValue) as info:
        assess(family(dt.date(2016, 1, 1), ON + dt.timedelta(days=1)), on=ON)
    assert info.value.path == "children[1].birth_date"
    assert str(ON + dt.timedelta(days=1)) not in info.value.message


@pytest.mark.parametrize(
    ("age", "days", "group"),
    [
        (11, 0, TargetGroup.CORE),  # 11th birthday today
        (12, 1, TargetGroup.CORE),  # turns 12 tomorrow: still 11
        (12, 0, TargetGroup.PREADOLESCENT),  # 12th birthday today
        (14, 0, TargetGroup.PREADOLESCENT),
        (15, 1, TargetGroup.PREADOLESCENT),  # turns 15 tomorrow: still 14
        (15, 0, TargetGroup.ADOLESCENT),  # 15th birthday today
        (18, 1, TargetGroup.ADOLESCENT),  # 17, turns 18 tomorrow
        (18, 0, TargetGroup.OUTSIDE),
    ],
)
def test_age_bands_on_and_around_birthdays(age: int, days: int, group: TargetGroup) -> None:
    """Ages are whole years on the day: 11 until the day before the 12th birthday, and so on."""
    assert assess(family(born_years_before(age, days=days)), on=ON).group is group


def test_an_only_child_of_eleven_is_core_and_the_overlap_is_explained() -> None:
    """The overlap at 11 («da 0 a 11» / «da 11 a 14») is read as core, and the message says why."""
    result = assess(family(born_years_before(11)), on=ON, lang="it")
    assert result.outcome is EligibilityOutcome.ELIGIBLE
    assert result.group is TargetGroup.CORE
    message = next(f.message for f in result.findings if f.rule == "pippi.target.age_group")
    assert "da 11 a 14" in message
    assert "0-11" in message


def test_children_eleven_and_thirteen_are_core() -> None:
    """A family with children ≤ 11 and 12–14 is core target."""
    result = assess(family(born_years_before(11), born_years_before(13)), on=ON)
    assert result.group is TargetGroup.CORE


def test_children_all_twelve_to_fourteen_are_the_11_14_group() -> None:
    """A family whose children are all 12–14 belongs to the 11–14 group and is eligible."""
    result = assess(family(born_years_before(12), born_years_before(14)), on=ON)
    assert result.group is TargetGroup.PREADOLESCENT
    assert result.outcome is EligibilityOutcome.ELIGIBLE


def test_core_child_with_an_older_sibling_is_core() -> None:
    """A child 0–11 with a 15–17 sibling is still core target."""
    result = assess(family(born_years_before(5), born_years_before(16)), on=ON)
    assert result.group is TargetGroup.CORE
    assert result.eligible


def test_only_adolescents_are_outside_and_the_message_says_second_place() -> None:
    """Only children 15–17: not eligible, and the message says adolescents come «in seconda battuta»."""
    result = assess(family(born_years_before(16)), on=ON, lang="it")
    assert result.outcome is EligibilityOutcome.NOT_ELIGIBLE
    assert any("seconda battuta" in r for r in result.reasons())
    assert not result.em_may_decide_otherwise


def test_abuse_is_not_eligible_but_the_em_may_decide_otherwise() -> None:
    """Abuse: not eligible; outcome flag and message (it, en) say the EM may decide otherwise."""
    it = assess(family(dt.date(2016, 1, 1), abuse_or_severe_maltreatment=True), on=ON)
    en = assess(family(dt.date(2016, 1, 1), abuse_or_severe_maltreatment=True), on=ON, lang="en")
    assert it.outcome is EligibilityOutcome.NOT_ELIGIBLE
    assert it.em_may_decide_otherwise
    assert "EM può decidere diversamente" in it.message
    assert "EM may decide otherwise" in en.message
    assert "orientativamente" in it.message


def test_unrecorded_trust_needs_review_not_a_guess() -> None:
    """Trust not recorded → needs_review naming trust_in_services."""
    result = assess(family(dt.date(2016, 1, 1), trust_in_services=None), on=ON)
    assert result.outcome is EligibilityOutcome.NEEDS_REVIEW
    assert result.missing == ("trust_in_services",)


def test_no_trust_is_not_eligible() -> None:
    """A family with no positive trust in the services is not eligible."""
    result = assess(family(dt.date(2016, 1, 1), trust_in_services=False), on=ON)
    assert result.outcome is EligibilityOutcome.NOT_ELIGIBLE


@pytest.mark.parametrize(
    ("judgements", "outcome"),
    [
        ({"pre_assessment": "not_worrying"}, EligibilityOutcome.NOT_ELIGIBLE),
        ({"pre_assessment": None}, EligibilityOutcome.NEEDS_REVIEW),
        ({"em_orientation": "removal"}, EligibilityOutcome.NOT_ELIGIBLE),
        ({"em_orientation": None}, EligibilityOutcome.NEEDS_REVIEW),
        (
            {"em_orientation": "reunification", "removal_in_progress": True},
            EligibilityOutcome.ELIGIBLE,
        ),
        (
            {"em_orientation": "reunification", "removal_in_progress": False},
            EligibilityOutcome.NEEDS_REVIEW,
        ),
        (
            {"em_orientation": "keep_in_family", "removal_in_progress": True},
            EligibilityOutcome.NEEDS_REVIEW,
        ),
        ({"abuse_or_severe_maltreatment": None}, EligibilityOutcome.NEEDS_REVIEW),
    ],
)
def test_em_judgements_decide_the_outcome(
    judgements: dict[str, object], outcome: EligibilityOutcome
) -> None:
    """Pre-assessment «preoccupanti», keep-in-family or reunification orientation; unknowns need review."""
    assert assess(family(dt.date(2016, 1, 1), **judgements), on=ON).outcome is outcome


def test_reunification_families_are_flagged() -> None:
    """A removal in progress with a reunification project puts the family in the reunification group."""
    result = assess(
        family(dt.date(2016, 1, 1), em_orientation="reunification", removal_in_progress=True), on=ON
    )
    assert result.reunification


@pytest.mark.parametrize(
    "adversity", ["complex_migration", "disability", "parental_addiction", "parental_mental_health"]
)
def test_adversities_never_exclude_and_are_recorded(adversity: str) -> None:
    """Specific adversities keep the family eligible and appear in the assessment."""
    result = assess(family(dt.date(2016, 1, 1), adversities=[adversity]), on=ON, lang="en")
    assert result.eligible
    assert [a.value for a in result.adversities] == [adversity]
    finding = next(f for f in result.findings if f.rule == "pippi.target.adversities")
    assert adversity.replace("_", " ") in finding.message  # named in words, not by its code
    assert list(finding.values["adversities"]) == [adversity]  # the code, for tools


def test_assessment_never_shows_birth_dates() -> None:
    """Neither the message nor the JSON form contains a birth date."""
    birth = dt.date(2016, 4, 12)
    result = assess(family(birth), on=ON)
    assert birth.isoformat() not in str(result.to_dict())
    assert "12/04/2016" not in result.message


def test_assess_all_assesses_the_example_plan() -> None:
    """The mistakes example: F04 (abuse) not eligible, F05 (trust unknown) needs review, others eligible."""
    from welfare_ambito import data

    plan = data.example("pippi_seregno_mistakes")
    outcomes = {a.family: a.outcome for a in assess_all(plan.families, on=dt.date(2023, 9, 1))}
    assert outcomes["F04"] is EligibilityOutcome.NOT_ELIGIBLE
    assert outcomes["F05"] is EligibilityOutcome.NEEDS_REVIEW
    assert sum(o is EligibilityOutcome.ELIGIBLE for o in outcomes.values()) == 8


def test_profile_overrides_change_the_bands() -> None:
    """A what-if raising the core age to 12 makes a 12-year-old core target."""
    result = assess(
        family(born_years_before(12)), on=ON, overrides={"pippi.target.child_max_age": "12"}
    )
    assert result.group is TargetGroup.CORE


births = st.dates(min_value=dt.date(2004, 1, 1), max_value=ON)


@given(st.lists(births, min_size=1, max_size=5), st.randoms())
def test_outcome_never_depends_on_the_order_of_children(dates: list[dt.date], rnd: object) -> None:
    """Shuffling a family's children changes neither outcome nor group."""
    shuffled = list(dates)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    first = assess(family(*dates), on=ON)
    second = assess(family(*shuffled), on=ON)
    assert (first.outcome, first.group) == (second.outcome, second.group)


@given(st.lists(st.integers(0, 20), min_size=1, max_size=6))
def test_group_is_core_exactly_when_a_child_is_0_to_11(ages: list[int]) -> None:
    """The group is core iff some child is 0–11 (the band bounds are the profile's)."""
    bands = AgeBands()
    assert (bands.group_of(ages) is TargetGroup.CORE) == any(0 <= a <= 11 for a in ages)


def test_target_group_helper_matches_the_rule() -> None:
    """target_group() gives the same group as the assessment."""
    fam = family(born_years_before(13))
    assert target_group(fam, ON) is assess(fam, on=ON).group

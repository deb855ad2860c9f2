"""Tutela Minori staff rules (seed 002): qualifications, derogation, hours and continuity."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito.data import example
from welfare_ambito.model import Profession, StaffMember
from welfare_ambito.rules import Checker, Finding, Outcome, evaluate

PROFILE = "seregno-tutela-minori-2022"
ON = dt.date(2023, 1, 1)
QUALIFICATION = "tutela.staff.psychologist.qualification"
DEROGATION = "tutela.staff.psychologist.derogation_5_years"


# The contested sentences read one way (the profile's choice): the thresholds below hold.
CHOSEN = {
    "tutela.coordinator.hours_reading": "minimum",
    "tutela.administrative.hours_reading": "under",
}


def _finding(
    rule_id: str, member: StaffMember, lang: str = "en", overrides: dict[str, str] | None = None
) -> Finding:
    chosen = CHOSEN if overrides is None else overrides
    checker = Checker(PROFILE, on=ON, lang=lang, rules=[rule_id], overrides=chosen)
    (finding,) = checker.stream([member], kind="staff")
    return finding


def _psychologist(**fields: Any) -> StaffMember:
    base: dict[str, Any] = {
        "id": "PSI-1",
        "profession": "psychologist",
        "albo_registered": True,
        "psychotherapist": True,
        "years_in_tutela_minori": 3,
        "derogation_approved": None,
    }
    base.update(fields)
    return StaffMember(**base)


# -- psychologists ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "outcome"), [("1.99", Outcome.FAIL), ("2", Outcome.PASS), ("2.01", Outcome.PASS)]
)
def test_psychotherapist_needs_two_years(years: str, outcome: Outcome) -> None:
    """A registered psychotherapist passes from exactly 2 years in Tutela Minori, not at 1.99."""
    finding = _finding(QUALIFICATION, _psychologist(years_in_tutela_minori=years))
    assert finding.outcome is outcome
    assert finding.exception is None


@pytest.mark.parametrize(
    ("years", "approved", "outcome"),
    [
        ("4.99", True, Outcome.FAIL),
        ("5", True, Outcome.PASS),
        ("12", True, Outcome.PASS),
        ("5", False, Outcome.FAIL),
        ("4.99", False, Outcome.FAIL),
    ],
)
def test_derogation_needs_five_years_and_approval(
    years: str, approved: bool, outcome: Outcome
) -> None:
    """A psychologist who is not a psychotherapist passes only with ≥ 5 years AND approval."""
    member = _psychologist(
        psychotherapist=False, years_in_tutela_minori=years, derogation_approved=approved
    )
    finding = _finding(QUALIFICATION, member)
    assert finding.outcome is outcome
    assert finding.exception == (DEROGATION if outcome is Outcome.PASS else None)


def test_derogation_is_reported_as_passing_by_derogation() -> None:
    """The derogation path is a pass whose note says "passes by derogation", with the exception id."""
    member = _psychologist(
        psychotherapist=False, years_in_tutela_minori=6, derogation_approved=True
    )
    finding = _finding(QUALIFICATION, member, lang="en")
    assert finding.outcome is Outcome.PASS
    assert finding.exception == DEROGATION
    assert finding.note is not None
    assert finding.note.startswith("Passes by derogation")
    italian = _finding(QUALIFICATION, member, lang="it")
    assert italian.note is not None
    assert italian.note.startswith("Supera in deroga")
    assert finding.values["tutela.psychologist.derogation_min_years"] == "5"


def test_psychotherapist_with_few_years_is_not_saved_by_the_derogation() -> None:
    """A psychotherapist under 2 years fails: the derogation needs 5 years too."""
    member = _psychologist(years_in_tutela_minori="1.5", derogation_approved=True)
    assert _finding(QUALIFICATION, member).outcome is Outcome.FAIL


@pytest.mark.parametrize("psychotherapist", [True, False])
def test_psychologist_outside_the_albo_fails(psychotherapist: bool) -> None:
    """A psychologist not registered in the Albo fails, psychotherapist or not, approved or not."""
    member = _psychologist(
        albo_registered=False,
        psychotherapist=psychotherapist,
        years_in_tutela_minori=10,
        derogation_approved=True,
    )
    finding = _finding(QUALIFICATION, member)
    assert finding.outcome is Outcome.FAIL
    assert finding.exception is None


@pytest.mark.parametrize(
    ("fields", "missing"),
    [
        ({"albo_registered": None}, ("staff[0].albo_registered",)),
        ({"psychotherapist": None}, ("staff[0].psychotherapist",)),
        ({"years_in_tutela_minori": None}, ("staff[0].years_in_tutela_minori",)),
        (
            {"albo_registered": None, "years_in_tutela_minori": None},
            ("staff[0].albo_registered", "staff[0].years_in_tutela_minori"),
        ),
    ],
)
def test_unrecorded_fields_need_review_naming_them(
    fields: dict[str, Any], missing: tuple[str, ...]
) -> None:
    """A field the plan does not record makes the rule need review, naming that field."""
    finding = _finding(QUALIFICATION, _psychologist(**fields))
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.missing == missing


def test_unrecorded_approval_leaves_the_derogation_undecided() -> None:
    """Not a psychotherapist, 5+ years, approval not recorded: review, naming the approval."""
    member = _psychologist(psychotherapist=False, years_in_tutela_minori=7)
    finding = _finding(QUALIFICATION, member)
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.missing == ("staff[0].derogation_approved",)
    assert finding.exception == DEROGATION


def test_unrecorded_psychotherapy_does_not_hide_a_known_failure() -> None:
    """A known failure (1 year) decides even when another field is not recorded."""
    member = _psychologist(psychotherapist=None, years_in_tutela_minori=1)
    assert _finding(QUALIFICATION, member).outcome is Outcome.FAIL


def test_rule_does_not_apply_to_other_professions() -> None:
    """The psychologist rule does not apply to a social worker."""
    member = StaffMember(id="AS-1", profession=Profession.SOCIAL_WORKER, albo_registered=True)
    assert _finding(QUALIFICATION, member).outcome is Outcome.NOT_APPLICABLE


@given(
    years=st.decimals(min_value=0, max_value=40, places=2),
    registered=st.booleans(),
    psychotherapist=st.booleans(),
    approved=st.booleans(),
)
def test_qualification_matches_the_notice(
    years: Decimal, registered: bool, psychotherapist: bool, approved: bool
) -> None:
    """With every field recorded the outcome is exactly the notice's two paths."""
    member = _psychologist(
        albo_registered=registered,
        psychotherapist=psychotherapist,
        years_in_tutela_minori=years,
        derogation_approved=approved,
    )
    main = registered and psychotherapist and years >= 2
    derogation = registered and years >= 5 and approved
    finding = _finding(QUALIFICATION, member)
    assert finding.outcome is (Outcome.PASS if main or derogation else Outcome.FAIL)
    assert (finding.exception == DEROGATION) == (not main and derogation)


# -- social workers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("registered", "outcome"),
    [(True, Outcome.PASS), (False, Outcome.FAIL), (None, Outcome.NEEDS_REVIEW)],
)
def test_social_worker_must_be_in_the_albo(registered: bool | None, outcome: Outcome) -> None:
    """A social worker passes only when registered in the Albo; unrecorded needs review."""
    member = StaffMember(id="AS-1", profession="social_worker", albo_registered=registered)
    finding = _finding("tutela.staff.social_worker.albo", member)
    assert finding.outcome is outcome
    if registered is None:
        assert finding.missing == ("staff[0].albo_registered",)


@pytest.mark.parametrize(
    ("years", "outcome"),
    [(0, Outcome.FAIL), (None, Outcome.NEEDS_REVIEW), (4, Outcome.NEEDS_REVIEW)],
)
def test_social_worker_experience_is_for_a_person_to_judge(
    years: int | None, outcome: Outcome
) -> None:
    """No experience fails; any experience needs review ("significativa" is not quantified)."""
    member = StaffMember(id="AS-1", profession="social_worker", years_in_tutela_minori=years)
    finding = _finding("tutela.staff.social_worker.experience", member)
    assert finding.outcome is outcome
    assert finding.severity == "warning"


# -- hours and degree --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "outcome"), [("31.99", Outcome.FAIL), ("32", Outcome.PASS), ("36", Outcome.PASS)]
)
def test_coordinator_average_weekly_hours(hours: str, outcome: Outcome) -> None:
    """The coordinator needs at least 32 average weekly hours."""
    member = StaffMember(id="COORD-1", profession="coordinator", weekly_hours=hours)
    finding = _finding("tutela.staff.coordinator.weekly_hours", member)
    assert finding.outcome is outcome
    assert finding.values["tutela.coordinator.weekly_hours"] == "32"


def test_coordinator_hours_not_recorded() -> None:
    """A coordinator without weekly hours needs review naming ``weekly_hours``."""
    member = StaffMember(id="COORD-1", profession="coordinator")
    finding = _finding("tutela.staff.coordinator.weekly_hours", member)
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.missing == ("staff[0].weekly_hours",)


@pytest.mark.parametrize(
    ("hours", "outcome"),
    [("35.99", Outcome.PASS), ("36", Outcome.FAIL), ("38", Outcome.FAIL), ("0", Outcome.PASS)],
)
def test_administrative_hours_stay_under_36(hours: str, outcome: Outcome) -> None:
    """The administrative profile's weekly hours must be strictly under 36."""
    member = StaffMember(id="AMM-1", profession="administrative", weekly_hours=hours)
    assert _finding("tutela.staff.administrative.weekly_hours", member).outcome is outcome


@pytest.mark.parametrize(
    ("degree", "outcome"),
    [
        ("social", Outcome.PASS),
        ("technical_administrative", Outcome.PASS),
        ("Tecnico-amministrativo", Outcome.PASS),
        ("engineering", Outcome.FAIL),
        (None, Outcome.NEEDS_REVIEW),
    ],
)
def test_administrative_degree(degree: str | None, outcome: Outcome) -> None:
    """The administrative profile holds a social or technical-administrative degree."""
    member = StaffMember(id="AMM-1", profession="administrative", degree=degree)
    finding = _finding("tutela.staff.administrative.degree", member)
    assert finding.outcome is outcome
    if degree is None:
        assert finding.missing == ("staff[0].degree",)


@given(hours=st.decimals(min_value=0, max_value=60, places=2))
def test_hour_rules_are_thresholds(hours: Decimal) -> None:
    """Under the chosen readings: coordinator passes iff hours ≥ 32; administrative iff < 36."""
    coord = StaffMember(id="C", profession="coordinator", weekly_hours=hours)
    admin = StaffMember(id="A", profession="administrative", weekly_hours=hours)
    coordinator = _finding("tutela.staff.coordinator.weekly_hours", coord).outcome
    administrative = _finding("tutela.staff.administrative.weekly_hours", admin).outcome
    assert (coordinator is Outcome.PASS) == (hours >= 32)
    assert (administrative is Outcome.PASS) == (hours < 36)


# -- continuity ----------------------------------------------------------------------------------


def test_continuity_reports_kept_and_new_staff_as_information() -> None:
    """The example keeps 14 of 15 staff in service; PSI-MED is new; the finding is info."""
    report = evaluate(example("tutela_minori_seregno"), PROFILE, rules=["tutela.staff.continuity"])
    (finding,) = report.findings
    assert finding.outcome is Outcome.PASS
    assert finding.severity == "info"
    assert finding.values["kept_count"] == 14
    assert finding.values["new"] == ("PSI-MED",)


def test_continuity_never_fails_and_names_unrecorded_staff() -> None:
    """Staff with ``in_service`` unrecorded make the finding need review, never fail."""
    plan = example("tutela_minori_seregno")
    staff = list(plan.staff)
    staff[2] = attrs.evolve(staff[2], in_service=None)
    plan = attrs.evolve(plan, staff=tuple(staff))
    report = evaluate(plan, PROFILE, rules=["tutela.staff.continuity"])
    (finding,) = report.findings
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.missing == ("staff[2].in_service",)
    assert report.ok


def test_continuity_separates_staff_assigned_to_no_service() -> None:
    """An in-service member who delivers no service is not counted as kept."""
    plan = example("tutela_minori_seregno")
    extra = StaffMember(id="AS-EXTRA", profession="social_worker", in_service=True)
    plan = attrs.evolve(plan, staff=(*plan.staff, extra))
    (finding,) = evaluate(plan, PROFILE, rules=["tutela.staff.continuity"]).findings
    assert finding.values["unassigned"] == ("AS-EXTRA",)
    assert finding.values["kept_count"] == 14


@given(flags=st.lists(st.sampled_from([True, False, None]), min_size=15, max_size=15))
def test_continuity_partitions_the_staff(flags: list[bool | None]) -> None:
    """Kept, unassigned, new and unrecorded staff together are every staff member, once."""
    plan = example("tutela_minori_seregno")
    staff = tuple(
        attrs.evolve(member, in_service=flag)
        for member, flag in zip(plan.staff, flags, strict=True)
    )
    plan = attrs.evolve(plan, staff=staff)
    (finding,) = evaluate(plan, PROFILE, rules=["tutela.staff.continuity"]).findings
    values = finding.values
    groups = [values["kept"] or (), values["unassigned"] or (), values["new"] or ()]
    counted = sum(len(g) for g in groups) + len(values["not_recorded"] or ())
    assert counted == len(staff)
    assert values["kept_count"] == len(values["kept"] or ())
    assert finding.outcome is (Outcome.NEEDS_REVIEW if None in flags else Outcome.PASS)


@pytest.mark.parametrize("hours", [Decimal(20), Decimal("35.99"), Decimal(36), Decimal(40)])
def test_administrative_hours_need_review_under_both_readings(hours: Decimal) -> None:
    """«un monte ore un inferiore a 36»: every number of hours satisfies exactly one reading."""
    admin = StaffMember(id="A", profession="administrative", weekly_hours=hours)
    finding = _finding("tutela.staff.administrative.weekly_hours", admin, overrides={})
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert set(finding.values["readings_passing"]) | set(finding.values["readings_failing"]) == {
        "«un» ripetuto: un monte ore inferiore al valore (un massimo)",
        "«un» per «non»: un monte ore non inferiore al valore (un minimo)",
    }
    assert "two readings" in finding.message
    readings = {p.reading for p in finding.provenance if p.reading is not None}
    assert len(readings) == 2


def test_full_time_administrative_profile_is_not_an_error() -> None:
    """A full-time 36-hour profile: needs review naming both readings, never an error."""
    admin = StaffMember(id="A", profession="administrative", weekly_hours=Decimal(36))
    finding = _finding("tutela.staff.administrative.weekly_hours", admin, overrides={})
    assert not finding.is_error
    assert finding.values["readings_passing"] == (
        "«un» per «non»: un monte ore non inferiore al valore (un minimo)",
    )


@pytest.mark.parametrize(
    ("hours", "expected"), [(Decimal(20), "needs_review"), (Decimal(32), "pass")]
)
def test_coordinator_average_hours_under_both_readings(hours: Decimal, expected: str) -> None:
    """«ore medie settimanali 32»: fewer hours fail the minimum and satisfy the average foreseen."""
    coord = StaffMember(id="C", profession="coordinator", weekly_hours=hours)
    finding = _finding("tutela.staff.coordinator.weekly_hours", coord, overrides={})
    assert finding.outcome.value == expected


@given(st.randoms(use_true_random=False))
def test_continuity_message_does_not_depend_on_staff_order(random: Any) -> None:
    """Shuffling the staff list leaves the continuity finding word for word the same."""
    plan = example("tutela_minori_seregno")
    staff = list(plan.staff)
    staff[0] = attrs.evolve(staff[0], in_service=False)
    staff[5] = attrs.evolve(staff[5], in_service=True)
    plan = attrs.evolve(plan, staff=tuple(staff))
    shuffled = list(staff)
    random.shuffle(shuffled)
    reordered = attrs.evolve(plan, staff=tuple(shuffled))
    rules = ["tutela.staff.continuity"]
    (before,) = evaluate(plan, PROFILE, rules=rules).findings
    (after,) = evaluate(reordered, PROFILE, rules=rules).findings
    assert after.message == before.message
    assert after.values == before.values

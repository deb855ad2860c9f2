"""The rule engine: outcomes, derogations, missing inputs, reports, streams and what-ifs."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito.data import seregno
from welfare_ambito.errors import NotFound
from welfare_ambito.model import (
    Child,
    CoDesignPlan,
    EMOrientation,
    Family,
    Intervention,
    InterventionKind,
    Partner,
    PreAssessment,
)
from welfare_ambito.rules import (
    Checker,
    Citation,
    Outcome,
    Parameters,
    Profile,
    Report,
    Severity,
    Verdict,
    evaluate,
    iterate,
    load_profile,
    needs_review,
    not_applicable,
    rule,
)
from welfare_ambito.rules.report import Summary

ON = dt.date(2024, 1, 1)
SEDT_CITATION = Citation(
    document="004_45436608c0a0bd55.txt",
    section="SERVIZI E RISORSE UMANE",
    quote=(
        "I singoli interventi educativi non possono essere inferiori ad otto ore settimanali "
        "comprendente la disponibilità alla partecipazione, se prevista, all'équipe multidimensionale."
    ),
)
TARGET_CITATION = Citation(
    document="004_45436608c0a0bd55.txt",
    section="LE FAMIGLIE TARGET PER IL PROGRAMMA P.I.P.P.I.",
    quote="minori da 0 a 11 anni e le figure parentali di riferimento;",
)


@rule(
    id="test.sedt.weekly_hours",
    subject="intervention",
    title={"it": "Ore settimanali dell'educativa", "en": "Educator weekly hours"},
    message={
        "it": "{weekly_hours} ore settimanali; minimo {pippi.sedt.min_weekly_hours}",
        "en": "{weekly_hours} hours a week; minimum {pippi.sedt.min_weekly_hours}",
    },
    condition={
        "it": "ore ≥ {pippi.sedt.min_weekly_hours}",
        "en": "hours ≥ {pippi.sedt.min_weekly_hours}",
    },
    parameters=("pippi.sedt.min_weekly_hours",),
    reads=("kind", "weekly_hours"),
    citation=SEDT_CITATION,
    registry=None,
)
def sedt_hours(intervention: Intervention, p: Parameters) -> Verdict:
    """Each SEDT intervention has at least the minimum weekly hours."""
    if intervention.kind is not InterventionKind.SEDT:
        return not_applicable("not SEDT")
    ok = intervention.weekly_hours >= p.decimal("pippi.sedt.min_weekly_hours")
    return Outcome.PASS if ok else Outcome.FAIL


@sedt_hours.exception(
    id="test.sedt.weekly_hours.em_counted",
    title={"it": "Deroga di prova: EM inclusa", "en": "Test derogation: EM included"},
    reads=("em_participation_included",),
)
def _em_counted(intervention: Intervention, p: Parameters) -> bool | Verdict:
    if intervention.em_participation_included is None:
        return needs_review("em_participation_included")
    return intervention.em_participation_included and intervention.weekly_hours >= 6


@sedt_hours.exception(
    id="test.sedt.weekly_hours.five_or_more",
    title={"it": "Deroga di prova: almeno 5", "en": "Test derogation: at least 5"},
)
def _five_or_more(intervention: Intervention, p: Parameters) -> bool:
    return intervention.weekly_hours >= 7


@rule(
    id="test.family.pre_assessment",
    subject="family",
    title={"it": "Pre-assessment compilato", "en": "Pre-assessment recorded"},
    message={
        "it": "Esito del pre-assessment: {pre_assessment}",
        "en": "Pre-assessment: {pre_assessment}",
    },
    reads=("pre_assessment",),
    parameters=("pippi.target.child_max_age",),
    severity="warning",
    citation=TARGET_CITATION,
    registry=None,
)
def pre_assessment(family: Family, p: Parameters) -> Verdict:
    """A family's pre-assessment must be recorded and worrying."""
    if family.pre_assessment is None:
        return needs_review("pre_assessment", "em_orientation")
    return Outcome.PASS if family.pre_assessment is PreAssessment.WORRYING else Outcome.FAIL


def make_profile() -> Profile:
    """The Seregno P.I.P.P.I. parameters with the test rules only."""
    base = load_profile("seregno-pippi-2023")
    return base.derive(
        id="test-pippi",
        title="Test",
        add=[sedt_hours, pre_assessment],
        remove=[item.id for item in base.rules],
    )


def make_plan(
    hours: tuple[int, ...] = (10, 6, 6, 7), em: tuple[bool | None, ...] = ()
) -> CoDesignPlan:
    """A small plan: two families, interventions with the given weekly hours."""
    families = (
        Family(
            id="F1",
            comune="Meda",
            children=(Child(id="C1", birth_date=dt.date(2016, 3, 1)),),
            pre_assessment=PreAssessment.WORRYING,
            em_orientation=EMOrientation.KEEP_IN_FAMILY,
        ),
        Family(
            id="F2", comune="Seveso", children=(Child(id="C2", birth_date=dt.date(2018, 5, 1)),)
        ),
    )
    flags = em + (False,) * (len(hours) - len(em))
    interventions = tuple(
        Intervention(
            id=f"I{i}",
            kind=InterventionKind.SEDT,
            weekly_hours=Decimal(h),
            family="F1",
            em_participation_included=flags[i],
        )
        for i, h in enumerate(hours)
    )
    return CoDesignPlan(
        id="test-plan",
        ambito=seregno(),
        partner=Partner(name="Cooperativa"),
        programme="pippi",
        families=families,
        interventions=(
            *interventions,
            Intervention(id="S1", kind="school", weekly_hours=Decimal(2)),
        ),
    )


def test_a_passing_subject_passes_with_the_values_compared() -> None:
    """A SEDT intervention above the floor passes; the finding shows what was compared."""
    report = evaluate(make_plan(), make_profile(), on=ON)
    finding = report.finding("test.sedt.weekly_hours", "interventions[0]")
    assert finding is not None
    assert finding.outcome is Outcome.PASS
    assert finding.values["weekly_hours"] == "10"
    assert finding.values["pippi.sedt.min_weekly_hours"] == "8"
    assert finding.message == "10 ore settimanali; minimo 8"
    assert finding.citation == SEDT_CITATION


def test_a_failing_subject_fails_and_says_why() -> None:
    """Below the floor, with no derogation, the rule fails with its condition and values."""
    report = evaluate(make_plan(), make_profile(), on=ON, lang="en")
    finding = report.finding("test.sedt.weekly_hours", "interventions[1]")
    assert finding is not None
    assert finding.outcome is Outcome.FAIL
    assert finding.is_error
    assert not report.ok
    why = finding.why("en")
    assert "hours ≥ 8" in why
    assert "weekly_hours=6" in why


def test_one_applicable_derogation_turns_a_failure_into_a_pass() -> None:
    """A derogation that applies passes the subject and is named in the finding."""
    report = evaluate(make_plan(em=(False, False, True)), make_profile(), on=ON)
    finding = report.finding("test.sedt.weekly_hours", "interventions[2]")
    assert finding is not None
    assert finding.outcome is Outcome.PASS
    assert finding.exception == "test.sedt.weekly_hours.em_counted"
    assert finding.note == "Deroga di prova: EM inclusa"


def test_two_applicable_derogations_are_a_reported_conflict() -> None:
    """Two derogations that apply at once need review; both are listed."""
    report = evaluate(make_plan(hours=(7,), em=(True,)), make_profile(), on=ON)
    finding = report.finding("test.sedt.weekly_hours", "interventions[0]")
    assert finding is not None
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert set(finding.conflict) == {
        "test.sedt.weekly_hours.em_counted",
        "test.sedt.weekly_hours.five_or_more",
    }


def test_an_undecided_derogation_lists_the_missing_input() -> None:
    """When a derogation depends on an unrecorded field, the full path is listed."""
    report = evaluate(make_plan(hours=(6,), em=(None,)), make_profile(), on=ON)
    finding = report.finding("test.sedt.weekly_hours", "interventions[0]")
    assert finding is not None
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.missing == ("interventions[0].em_participation_included",)


def test_needs_review_paths_are_prefixed_with_the_subject_path() -> None:
    """Missing inputs are reported as full paths of the plan."""
    report = evaluate(make_plan(), make_profile(), on=ON)
    finding = report.finding("test.family.pre_assessment", "families[1]")
    assert finding is not None
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.missing == ("families[1].pre_assessment", "families[1].em_orientation")
    assert finding.severity is Severity.WARNING


def test_not_applicable_subjects_are_reported_as_such() -> None:
    """A school intervention is not concerned by the SEDT rule."""
    report = evaluate(make_plan(), make_profile(), on=ON)
    finding = report.finding("test.sedt.weekly_hours", "interventions[4]")
    assert finding is not None
    assert finding.outcome is Outcome.NOT_APPLICABLE
    assert "not SEDT" in finding.message


def test_missing_budget_needs_review_without_calling_the_rule() -> None:
    """A budget rule on a plan without budget needs review, naming ``budget``."""

    @rule(
        id="test.budget.present",
        subject="budget",
        title="Budget",
        message="Budget",
        citation=TARGET_CITATION,
        registry=None,
    )
    def budget_rule(budget: object, p: Parameters) -> Verdict:
        raise AssertionError("not called")

    profile = make_profile().derive(add=[budget_rule])
    finding = evaluate(make_plan(), profile, on=ON).finding("test.budget.present", "budget")
    assert finding is not None
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.missing == ("budget",)


def test_a_profile_severity_override_changes_ok() -> None:
    """Lowering a rule to a warning makes the report ok."""
    profile = make_profile().derive(severity={"test.sedt.weekly_hours": "warning"})
    report = evaluate(make_plan(), profile, on=ON)
    assert report.ok
    assert report.summary.warnings >= 1


def test_parameters_a_rule_needs_but_the_profile_lacks_are_named() -> None:
    """Evaluation names every parameter the rules declare and the profile does not set."""
    bare = Profile(id="bare", title="Bare", rules=make_profile().rules)
    with pytest.raises(NotFound) as info:
        evaluate(make_plan(), bare, on=ON)
    assert "pippi.sedt.min_weekly_hours" in str(info.value)
    assert "pippi.target.child_max_age" in str(info.value)


def test_a_day_before_the_parameters_is_an_error() -> None:
    """Evaluating before the values are in force is an error, not a default."""
    with pytest.raises(NotFound) as info:
        evaluate(make_plan(), make_profile(), on=dt.date(2020, 1, 1))
    assert info.value.code == "rules.parameter_not_in_force"


def test_json_report_round_trips() -> None:
    """``Report.from_json(report.to_json())`` equals the report."""
    report = evaluate(make_plan(em=(False, False, True)), make_profile(), on=ON)
    text = report.to_json()
    again = Report.from_json(text)
    assert again == report
    assert again.to_json() == text
    data = report.to_dict()
    assert data["schema"] == "welfare-ambito/report"
    assert data["version"] == 1


def test_a_what_if_is_compared_with_the_original() -> None:
    """Lowering the floor turns the failure into a pass; the diff shows it and the parameter."""
    profile = make_profile()
    plan = make_plan()
    before = evaluate(plan, profile, on=ON)
    after = evaluate(plan, profile, on=ON, overrides={"pippi.sedt.min_weekly_hours": "5"})
    diff = before.diff(after)
    changed = {(a.path, a.outcome, b.outcome) for a, b in diff.outcome_changes()}
    assert ("interventions[1]", Outcome.FAIL, Outcome.PASS) in changed
    assert diff.parameters["pippi.sedt.min_weekly_hours"] == ("8", "5")
    assert after.overrides == ("pippi.sedt.min_weekly_hours",)
    assert "pippi.sedt.min_weekly_hours" in diff.to_text()
    assert not before.diff(before)


def test_iterate_yields_the_same_findings_as_evaluate() -> None:
    """The streaming form gives the report's findings, in order."""
    plan, profile = make_plan(), make_profile()
    assert tuple(iterate(plan, profile, on=ON)) == evaluate(plan, profile, on=ON).findings


def test_streams_tally_and_outcomes_agree_with_findings() -> None:
    """Over a stream, counts, outcomes and findings agree without a plan."""
    items = [
        Intervention(
            id=f"I{i}", kind="sedt", weekly_hours=Decimal(i % 12), em_participation_included=False
        )
        for i in range(200)
    ]
    checker = Checker(make_profile(), on=ON, rules=["test.sedt.weekly_hours"])
    findings = list(checker.stream(iter(items), kind="intervention"))
    assert findings[3].path == "interventions[3]"
    assert checker.tally(iter(items), kind="intervention") == Summary.of(findings)
    assert list(checker.outcomes(iter(items), kind="intervention")) == [f.outcome for f in findings]


def test_renderers_show_failures_with_their_source() -> None:
    """Text, Markdown and HTML show the failing rule, where (id and position) and the source."""
    report = evaluate(make_plan(), make_profile(), on=ON)
    for text in (report.to_text(), report.to_markdown(), report._repr_html_()):
        assert "test.sedt.weekly_hours" in text
        assert "intervento I1 (2º)" in text
        assert "otto ore settimanali" in text
    assert "NON CONFORME" in report.to_text()


hours_lists = st.lists(st.integers(min_value=0, max_value=20), min_size=1, max_size=8)
em_lists = st.lists(st.sampled_from([True, False, None]), max_size=8)


@given(hours=hours_lists, em=em_lists, lang=st.sampled_from(["it", "en"]))
def test_evaluation_is_deterministic_and_does_not_mutate_inputs(
    hours: list[int], em: list[bool | None], lang: str
) -> None:
    """Evaluating twice gives equal reports; the plan and profile are unchanged."""
    plan = make_plan(tuple(hours), tuple(em[: len(hours)]))
    profile = make_profile()
    plan_copy, profile_copy = copy.deepcopy(plan), copy.deepcopy(profile)
    first = evaluate(plan, profile, on=ON, lang=lang)
    second = evaluate(plan, profile, on=ON, lang=lang)
    assert first == second
    assert first.to_json() == second.to_json()
    assert plan == plan_copy
    assert profile.parameters == profile_copy.parameters
    assert profile.rule_ids == profile_copy.rule_ids


@given(hours=hours_lists)
def test_every_subject_gets_one_finding_per_rule(hours: list[int]) -> None:
    """Each intervention has exactly one finding of the SEDT rule."""
    plan = make_plan(tuple(hours))
    report = evaluate(plan, make_profile(), on=ON)
    paths = [f.path for f in report.select(rule="test.sedt.weekly_hours")]
    assert paths == [f"interventions[{i}]" for i in range(len(plan.interventions))]


def test_equal_numbers_read_the_same_in_findings() -> None:
    """8 and 8.0 weekly hours are the same number: findings show both as 8."""
    interventions = (
        Intervention(id="A", kind="sedt", weekly_hours=Decimal("8")),
        Intervention(id="B", kind="sedt", weekly_hours=Decimal("8.0")),
        Intervention(id="C", kind="sedt", weekly_hours=Decimal("7.50")),
    )
    checker = Checker(make_profile(), on=ON)
    findings = [
        f
        for f in checker.stream(interventions, kind="intervention")
        if f.rule == "test.sedt.weekly_hours"
    ]
    assert [f.values["weekly_hours"] for f in findings] == ["8", "8", "7.5"]
    assert [f.message for f in findings] == [
        "8 ore settimanali; minimo 8",
        "8 ore settimanali; minimo 8",
        "7,5 ore settimanali; minimo 8",
    ]


@given(st.lists(st.integers(0, 12), min_size=1, max_size=12))
def test_streamed_findings_equal_the_findings_of_a_plan(hours: list[int]) -> None:
    """The fast streaming path and a whole-plan evaluation agree finding by finding."""
    plan = make_plan(hours=tuple(hours))
    profile = make_profile()
    from_plan = [
        f for f in evaluate(plan, profile, on=ON).findings if f.path.startswith("interventions")
    ]
    streamed = list(Checker(profile, on=ON).stream(plan.interventions, kind="intervention"))
    assert sorted(streamed) == sorted(from_plan)


@rule(
    id="test.sedt.hours_only",
    subject="intervention",
    title={"it": "Ore settimanali", "en": "Weekly hours"},
    message={"it": "{weekly_hours} ore", "en": "{weekly_hours} hours"},
    condition={
        "it": "ore ≥ {pippi.sedt.min_weekly_hours}",
        "en": "hours ≥ {pippi.sedt.min_weekly_hours}",
    },
    parameters=("pippi.sedt.min_weekly_hours",),
    reads=("weekly_hours",),
    citation=SEDT_CITATION,
    registry=None,
)
def hours_only(intervention: Intervention, p: Parameters) -> Verdict:
    """A one-field rule: what the single-rule stream loop serves."""
    if intervention.weekly_hours == 0:
        return not_applicable("no hours")
    ok = intervention.weekly_hours >= p.decimal("pippi.sedt.min_weekly_hours")
    return Outcome.PASS if ok else Outcome.FAIL


@given(st.lists(st.decimals(0, 20, places=1), min_size=1, max_size=15))
def test_the_single_rule_stream_agrees_with_the_general_path(hours: list[Decimal]) -> None:
    """A stream checked by one one-field rule gives the findings a whole plan gets."""
    base = load_profile("seregno-pippi-2023")
    profile = base.derive(id="one", add=[hours_only], remove=[r.id for r in base.rules])
    interventions = tuple(
        Intervention(id=f"I{i}", kind="sedt", weekly_hours=h) for i, h in enumerate(hours)
    )
    plan = CoDesignPlan(
        id="p",
        ambito=seregno(),
        partner=Partner(name="ETS"),
        programme="pippi",
        interventions=interventions,
    )
    from_plan = sorted(evaluate(plan, profile, on=ON).findings)
    streamed = sorted(Checker(profile, on=ON).stream(interventions, kind="intervention"))
    assert streamed == from_plan

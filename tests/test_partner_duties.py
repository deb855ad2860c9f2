"""Partner declarations (seeds 002, 004): each duty a rule citing its sentence, one finding per gap."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from welfare_ambito import data
from welfare_ambito.citations import embedded_sources, normalise_text
from welfare_ambito.cli import main
from welfare_ambito.convert import structure
from welfare_ambito.errors import WelfareAmbitoError
from welfare_ambito.model import (
    CoDesignPlan,
    Declaration,
    HourPlan,
    PartnerDeclarations,
    ProgrammeTeam,
    ServiceOffer,
    StaffMember,
    TechnicalLead,
)
from welfare_ambito.rules import Outcome, Severity, evaluate
from welfare_ambito.rules.pippi import partner as pippi_partner
from welfare_ambito.rules.tutela import partner as tutela_partner

PIPPI = "seregno-pippi-2023"
TUTELA = "seregno-tutela-minori-2022"
REPO = Path(__file__).resolve().parent.parent


def _embedded(document: str) -> str:
    text = embedded_sources()[document].text()
    assert text is not None
    return normalise_text(text)


def _declarations(plan: CoDesignPlan) -> PartnerDeclarations:
    assert plan.declarations is not None
    return plan.declarations


def _without(plan: CoDesignPlan, *duties: Declaration) -> CoDesignPlan:
    declarations = _declarations(plan)
    return attrs.evolve(
        plan, declarations=attrs.evolve(declarations, duties=declarations.duties - set(duties))
    )


def _errors(plan: CoDesignPlan, profile: str) -> set[str]:
    return {f.rule for f in evaluate(plan, profile).errors}


# -- the compliant examples declare everything ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "profile"),
    [
        ("pippi_seregno", PIPPI),
        ("tutela_minori_seregno", TUTELA),
        ("tutela_minori_seregno_derogation", TUTELA),
    ],
)
def test_compliant_examples_pass_every_partner_rule(name: str, profile: str) -> None:
    """The compliant examples fail no partner, structure or qualification rule."""
    report = evaluate(data.example(name), profile)
    assert report.ok
    prefixes = ("pippi.partner.", "pippi.structure.", "pippi.staff.", "tutela.partner.")
    mine = [f for f in report.findings if f.rule.startswith(prefixes)]
    assert mine
    assert all(f.outcome in (Outcome.PASS, Outcome.NOT_APPLICABLE) for f in mine)


# -- the undeclared examples fail once per missing duty ---------------------------------------


PIPPI_UNDECLARED = {r.id for r in pippi_partner.DUTIES.values()} | {
    "pippi.partner.technical_lead",
    "pippi.partner.cig",
    "pippi.structure.support_families",
}
TUTELA_UNDECLARED = {r.id for r in tutela_partner.DUTIES.values()} | {
    "tutela.partner.technical_lead",
    "tutela.partner.art_330_exclusion",
}


@pytest.mark.parametrize(
    ("name", "profile", "expected"),
    [
        ("pippi_seregno_undeclared", PIPPI, PIPPI_UNDECLARED),
        ("tutela_minori_seregno_undeclared", TUTELA, TUTELA_UNDECLARED),
    ],
)
def test_undeclared_example_fails_once_per_missing_duty_citing_its_sentence(
    name: str, profile: str, expected: set[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """One error per missing duty, each citing a verbatim sentence that the text output shows."""
    assert main(["check", str(REPO / "examples" / f"{name}.toml"), "--profile", profile]) == 1
    out = normalise_text(capsys.readouterr().out)
    report = evaluate(data.example(name), profile)
    errors = report.errors
    assert {f.rule for f in errors} == expected
    assert len(errors) == len(expected)
    for finding in errors:
        citation = finding.citation
        assert citation is not None
        assert normalise_text(citation.quote) in _embedded(citation.document), finding.rule
        assert normalise_text(citation.quote)[:40] in out


def test_duty_counts_match_the_notices() -> None:
    """004 sets 29 declared duties (+ lead, CUP, CIG); 002 sets 16 (+ lead, art. 330)."""
    assert len(pippi_partner.DUTIES) == 29
    assert len(tutela_partner.DUTIES) == 16


def test_undeclared_examples_are_embedded_and_copied() -> None:
    """Each new example is embedded, and examples/ holds the same text."""
    for name in ("pippi_seregno_undeclared", "tutela_minori_seregno_undeclared"):
        assert name in data.example_names()
        copy = REPO / "examples" / f"{name}.toml"
        assert copy.read_text(encoding="utf-8") == data.example_text(name)


@settings(max_examples=25, deadline=None)
@given(st.sets(st.sampled_from(sorted(pippi_partner.DUTIES, key=str)), max_size=6))
def test_removing_duties_fails_exactly_their_rules_pippi(removed: set[Declaration]) -> None:
    """Removing any set of declared duties fails exactly the rules of those duties."""
    plan = _without(data.example("pippi_seregno"), *removed)
    assert _errors(plan, PIPPI) == {pippi_partner.DUTIES[d].id for d in removed}


@settings(max_examples=25, deadline=None)
@given(st.sets(st.sampled_from(sorted(tutela_partner.DUTIES, key=str)), max_size=6))
def test_removing_duties_fails_exactly_their_rules_tutela(removed: set[Declaration]) -> None:
    """Removing any set of declared duties fails exactly the rules of those duties."""
    plan = _without(data.example("tutela_minori_seregno"), *removed)
    assert _errors(plan, TUTELA) == {tutela_partner.DUTIES[d].id for d in removed}


# -- technical lead, codes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "reason"),
    [(None, "names no technical lead"), (TechnicalLead(staff="NOBODY", cv=True), "not among")],
)
def test_technical_lead_must_be_named_among_the_staff(
    lead: TechnicalLead | None, reason: str
) -> None:
    """No lead, or a lead who is not on the staff, fails the rule with the reason."""
    plan = data.example("pippi_seregno")
    plan = attrs.evolve(plan, declarations=attrs.evolve(_declarations(plan), technical_lead=lead))
    report = evaluate(plan, PIPPI, lang="en")
    finding = report.finding("pippi.partner.technical_lead", "")
    assert finding is not None
    assert finding.outcome is Outcome.FAIL
    assert reason in finding.message
    assert {f.rule for f in report.errors} == {"pippi.partner.technical_lead"}


def test_technical_lead_without_cv_fails() -> None:
    """A lead with no CV attached fails."""
    plan = data.example("tutela_minori_seregno")
    lead = _declarations(plan).technical_lead
    assert lead is not None
    plan = attrs.evolve(
        plan,
        declarations=attrs.evolve(_declarations(plan), technical_lead=attrs.evolve(lead, cv=False)),
    )
    finding = evaluate(plan, TUTELA, lang="en").finding("tutela.partner.technical_lead", "")
    assert finding is not None
    assert finding.outcome is Outcome.FAIL
    assert "CV" in finding.message


def test_a_wrong_cup_fails() -> None:
    """A plan whose CUP is not the notice's fails pippi.partner.cup, and only it."""
    plan = attrs.evolve(data.example("pippi_seregno"), cup="B24H22000190002")
    report = evaluate(plan, PIPPI)
    assert {f.rule for f in report.errors} == {"pippi.partner.cup"}
    assert report.finding("pippi.partner.cup", "").values["expected"] == "B24H22000190001"  # type: ignore[union-attr]


def test_a_missing_or_wrong_cig_fails() -> None:
    """The CIG of seed 004's header is required."""
    plan = data.example("pippi_seregno")
    for cig in (None, "Z5C3ADC2B1"):
        changed = attrs.evolve(plan, declarations=attrs.evolve(_declarations(plan), cig=cig))
        assert _errors(changed, PIPPI) == {"pippi.partner.cig"}


def test_bad_declarations_are_typed_errors_with_their_path() -> None:
    """An unknown duty and a malformed CIG are refused, naming the field."""
    document = data.example_text("pippi_seregno")
    import tomllib

    raw = tomllib.loads(document)
    raw["declarations"]["duties"] = ["privacy", "no_such_duty"]
    with pytest.raises(WelfareAmbitoError) as info:
        structure(raw, CoDesignPlan)
    assert "declarations.duties" in str(info.value)
    raw = tomllib.loads(document)
    raw["declarations"]["cig"] = "short"
    with pytest.raises(WelfareAmbitoError) as info:
        structure(raw, CoDesignPlan)
    assert "cig" in str(info.value)


# -- structure and qualifications (004) ---------------------------------------------------------


def _team(plan: CoDesignPlan, **changes: object) -> CoDesignPlan:
    team = _declarations(plan).team
    assert team is not None
    return attrs.evolve(
        plan,
        declarations=attrs.evolve(_declarations(plan), team=attrs.evolve(team, **changes)),
    )


@pytest.mark.parametrize(
    ("field", "value", "rule", "outcome"),
    [
        ("em_operators", 3, "pippi.structure.em_operators", Outcome.FAIL),
        ("em_operators", 4, "pippi.structure.em_operators", Outcome.PASS),
        ("em_operators", None, "pippi.structure.em_operators", Outcome.NEEDS_REVIEW),
        ("coaches", 1, "pippi.structure.coaches", Outcome.FAIL),
        ("coaches", 2, "pippi.structure.coaches", Outcome.PASS),
        ("facilitators_from_em", False, "pippi.structure.facilitators_from_em", Outcome.FAIL),
    ],
)
def test_team_figures_read_the_national_design(
    field: str, value: object, rule: str, outcome: Outcome
) -> None:
    """At least 4 EM operators and 2 coaches (pippi-national), facilitators from the EM."""
    finding = evaluate(_team(data.example("pippi_seregno"), **{field: value}), PIPPI).finding(
        rule, ""
    )
    assert finding is not None
    assert finding.outcome is outcome


def test_facilitators_outside_the_em_only_warn() -> None:
    """«prioritariamente»: facilitators from outside the EM are a warning, not an error."""
    plan = _team(data.example("pippi_seregno"), facilitators_from_em=False)
    report = evaluate(plan, PIPPI)
    assert report.ok
    finding = report.finding("pippi.structure.facilitators_from_em", "")
    assert finding is not None
    assert finding.severity is Severity.WARNING


def test_every_target_family_needs_a_supportive_family() -> None:
    """A family without a famiglia d'appoggio is named."""
    plan = _team(data.example("pippi_seregno"), support_families=["F01", "F02"])
    finding = evaluate(plan, PIPPI).finding("pippi.structure.support_families", "")
    assert finding is not None
    assert finding.outcome is Outcome.FAIL
    assert "F10" in finding.values["without"]


def test_required_services_and_the_where_possible_child_groups() -> None:
    """No parenting training fails; no children's group (only «laddove possibile») needs review."""
    plan = data.example("pippi_seregno")
    no_training = attrs.evolve(plan, services=())
    finding = evaluate(no_training, PIPPI).finding("pippi.structure.services", "")
    assert finding is not None
    assert finding.outcome is Outcome.FAIL
    assert "parenting_training" in finding.message
    no_children = attrs.evolve(plan, groups=tuple(g for g in plan.groups if g.kind != "children"))
    finding = evaluate(no_children, PIPPI).finding("pippi.structure.services", "")
    assert finding is not None
    assert finding.outcome is Outcome.NEEDS_REVIEW
    offered = attrs.evolve(
        no_children, services=(*plan.services, ServiceOffer(service="child_groups"))
    )
    finding = evaluate(offered, PIPPI).finding("pippi.structure.services", "")
    assert finding is not None
    assert finding.outcome is Outcome.PASS


@pytest.mark.parametrize(
    ("changes", "rule", "outcome"),
    [
        ({"degree": None}, "pippi.staff.educator_degree", Outcome.NEEDS_REVIEW),
        ({"degree": "economics"}, "pippi.staff.educator_degree", Outcome.FAIL),
        ({"degree": "Socio-pedagogico"}, "pippi.staff.educator_degree", Outcome.PASS),
        ({"trainings": ()}, "pippi.staff.educator_prior_training", Outcome.FAIL),
        ({"trainings": ("mooc P.I.P.P.I.",)}, "pippi.staff.educator_prior_training", Outcome.PASS),
    ],
)
def test_educator_qualifications(changes: dict[str, object], rule: str, outcome: Outcome) -> None:
    """Educators: socio-pedagogical training (codes of the profile) and the prior MOOC."""
    plan = data.example("pippi_seregno")
    staff = (attrs.evolve(plan.staff[0], **changes), *plan.staff[1:])
    finding = evaluate(attrs.evolve(plan, staff=staff), PIPPI).finding(rule, "staff[0]")
    assert finding is not None
    assert finding.outcome is outcome


# -- Tutela Minori (002) --------------------------------------------------------------------------


def test_art_330_exclusion_applies_only_with_the_regulation_service() -> None:
    """Offering the relationship-regulation service requires declaring the exclusion."""
    plan = _without(data.example("tutela_minori_seregno"), Declaration.ART_330_EXCLUSION)
    assert _errors(plan, TUTELA) == {"tutela.partner.art_330_exclusion"}
    without_service = attrs.evolve(
        plan, services=tuple(s for s in plan.services if s.service != "regolamentazione_rapporti")
    )
    finding = evaluate(without_service, TUTELA).finding("tutela.partner.art_330_exclusion", "")
    assert finding is not None
    assert finding.outcome is Outcome.NOT_APPLICABLE


@pytest.mark.parametrize(
    ("years", "outcome"),
    [
        (None, Outcome.NEEDS_REVIEW),
        ("1", Outcome.FAIL),
        ("1.9", Outcome.NEEDS_REVIEW),
        ("2", Outcome.PASS),
    ],
)
def test_multi_year_experience_reads_the_parameter(years: str | None, outcome: Outcome) -> None:
    """«esperienza pluriennale»: one year warns, two pass, 1.9 passes only as «more than one
    year» and needs review (tests/test_h6_experience_reading.py); unknown needs review."""
    plan = data.example("tutela_minori_seregno")
    index = next(i for i, s in enumerate(plan.staff) if s.profession == "social_worker")
    member = attrs.evolve(
        plan.staff[index], years_in_tutela_minori=None if years is None else Decimal(years)
    )
    staff = (*plan.staff[:index], member, *plan.staff[index + 1 :])
    report = evaluate(attrs.evolve(plan, staff=staff), TUTELA)
    finding = report.finding("tutela.staff.multi_year_experience", f"staff[{index}]")
    assert finding is not None
    assert finding.outcome is outcome
    assert finding.severity is Severity.WARNING


def test_tutela_labour_floor_warns_below_the_ccnl() -> None:
    """The CCNL labour-cost check of 002: a cost below A1 warns; no hourly cost: not applicable."""
    plan = data.example("tutela_minori_seregno")
    finding = evaluate(plan, TUTELA).finding("tutela.costs.labour_floor", "")
    assert finding is not None
    assert finding.outcome is Outcome.NOT_APPLICABLE
    cheap = attrs.evolve(
        plan,
        hour_plan=HourPlan(hours={"educator": 100}, hourly_cost={"educator": "15.00"}),
    )
    finding = evaluate(cheap, TUTELA).finding("tutela.costs.labour_floor", "")
    assert finding is not None
    assert finding.outcome is Outcome.FAIL
    assert finding.severity is Severity.WARNING


def test_model_objects_reject_bad_values() -> None:
    """Counts are whole numbers ≥ 0, staff ids are identifiers."""
    with pytest.raises(WelfareAmbitoError):
        ProgrammeTeam(em_operators=-1)
    with pytest.raises(WelfareAmbitoError):
        TechnicalLead(staff="")
    with pytest.raises(WelfareAmbitoError):
        PartnerDeclarations(cig="Z5C3")
    assert StaffMember(id="E1", profession="educator").degree is None


@pytest.mark.parametrize(
    ("profile", "name", "rule"),
    [
        (PIPPI, "pippi_seregno", "pippi.duties.annual_summary"),
        (TUTELA, "tutela_minori_seregno", "tutela.reports.annual_summary"),
    ],
)
def test_reporting_steps_are_parameters(profile: str, name: str, rule: str) -> None:
    """«sintesi annuale» is a parameter: a what-if with half-yearly summaries fails the plan."""
    plan = data.example(name)
    step = f"{rule.split('.')[0]}.reports.annual_summary.step"
    assert evaluate(plan, profile).finding(rule, "").outcome is Outcome.PASS  # type: ignore[union-attr]
    finding = evaluate(plan, profile, overrides={step: "semester"}).finding(rule, "")
    assert finding is not None
    assert finding.outcome is Outcome.FAIL
    assert finding.values["expected_count"] == 6

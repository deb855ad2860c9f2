"""Tutela Minori service rules: catalogue coverage, scopes of Comuni, teams and supervision hours."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito.data import example
from welfare_ambito.model import CoDesignPlan, ServiceOffer
from welfare_ambito.rules import Outcome, Report, evaluate

PROFILE = "seregno-tutela-minori-2022"
SIX = ["Barlassina", "Giussano", "Lentate sul Seveso", "Meda", "Seregno", "Seveso"]


def _plan(services: tuple[ServiceOffer, ...] | None = None) -> CoDesignPlan:
    plan = example("tutela_minori_seregno")
    return plan if services is None else attrs.evolve(plan, services=services)


def _report(plan: CoDesignPlan, *rules: str, chosen: bool = True) -> Report:
    # The contested «previsto 50 ore» read as a minimum (the profile's choice) unless told.
    overrides = {"tutela.supervision.hours_reading": "minimum"} if chosen else None
    return evaluate(plan, PROFILE, lang="en", rules=rules, overrides=overrides)


def _replace(plan: CoDesignPlan, index: int, **changes: object) -> CoDesignPlan:
    services = list(plan.services)
    services[index] = attrs.evolve(services[index], **changes)
    return attrs.evolve(plan, services=tuple(services))


def test_example_offers_every_service_once() -> None:
    """The example offers 8 district-wide services and 2 services × 6 Comuni: 20 offers."""
    (finding,) = _report(_plan(), "tutela.services.offered").findings
    assert finding.outcome is Outcome.PASS
    assert finding.values["expected_count"] == 20


def test_missing_service_and_missing_team_are_named() -> None:
    """Dropping legal advice and Meda's psychological team names both as missing."""
    plan = _plan()
    kept = tuple(
        s
        for s in plan.services
        if s.service != "consulenza_legale"
        and not (s.service == "servizio_psicologico" and s.comuni == ("Meda",))
    )
    (finding,) = _report(_plan(kept), "tutela.services.offered").findings
    assert finding.outcome is Outcome.FAIL
    assert finding.values["missing"] == ("consulenza_legale", "servizio_psicologico (Meda)")


def test_service_offered_twice_is_a_duplicate() -> None:
    """A second offer of spazio neutro is reported as offered more than once."""
    plan = _plan()
    (finding,) = _report(
        _plan((*plan.services, plan.services[2])), "tutela.services.offered"
    ).findings
    assert finding.outcome is Outcome.FAIL
    assert finding.values["duplicates"] == ("spazio_neutro",)


def test_unknown_service_fails_with_a_suggestion() -> None:
    """An offer of "spazio_neutr" is not in the catalogue; the finding suggests spazio_neutro."""
    plan = _replace(_plan(), 2, service="spazio_neutr")
    report = _report(plan, "tutela.services.known", "tutela.services.scope")
    known = report.finding("tutela.services.known", "services[2]")
    assert known.outcome is Outcome.FAIL
    assert known.values["suggestion"] == "spazio_neutro"
    assert report.finding("tutela.services.scope", "services[2]").outcome is Outcome.NOT_APPLICABLE


def test_associated_service_must_cover_the_six_comuni() -> None:
    """Penale minorile over five Comuni misses Seveso; with Cogliate it has an extra Comune."""
    plan = _replace(_plan(), 0, comuni=SIX[:5])
    finding = _report(plan, "tutela.services.scope").finding("tutela.services.scope", "services[0]")
    assert finding.outcome is Outcome.FAIL
    assert finding.values["missing"] == ("Seveso",)
    plan = _replace(_plan(), 0, comuni=[*SIX, "Cogliate"])
    finding = _report(plan, "tutela.services.scope").finding("tutela.services.scope", "services[0]")
    assert finding.values["extra"] == ("Cogliate",)


def test_short_names_resolve_to_the_comuni() -> None:
    """ "Lentate S/S" is Lentate sul Seveso: the scope still matches."""
    plan = _replace(
        _plan(), 0, comuni=["Barlassina", "Giussano", "Lentate S/S", "Meda", "Seregno", "Seveso"]
    )
    finding = _report(plan, "tutela.services.scope").finding("tutela.services.scope", "services[0]")
    assert finding.outcome is Outcome.PASS


def test_administrative_services_cover_all_ten_comuni() -> None:
    """Administrative services over the six Comuni only miss the other four."""
    plan = _replace(_plan(), 7, comuni=SIX)
    finding = _report(plan, "tutela.services.scope").finding("tutela.services.scope", "services[7]")
    assert finding.outcome is Outcome.FAIL
    assert finding.values["missing"] == ("Ceriano Laghetto", "Cogliate", "Lazzate", "Misinto")


@pytest.mark.parametrize(
    ("comuni", "outcome"),
    [
        (["Meda"], Outcome.PASS),
        (["Meda", "Seveso"], Outcome.FAIL),
        (["Cogliate"], Outcome.FAIL),
        ([], Outcome.NEEDS_REVIEW),
    ],
)
def test_territorial_team_covers_one_comune_of_the_six(comuni: list[str], outcome: Outcome) -> None:
    """A team covers exactly one of the six Comuni; no Comune stated needs review."""
    plan = _replace(_plan(), 15, comuni=comuni)
    finding = _report(plan, "tutela.services.scope").finding(
        "tutela.services.scope", "services[15]"
    )
    assert finding.outcome is outcome


def test_wrong_scope_fails() -> None:
    """Penale minorile declared as a territorial service fails its scope."""
    plan = _replace(_plan(), 0, scope="territorial")
    finding = _report(plan, "tutela.services.scope").finding("tutela.services.scope", "services[0]")
    assert finding.outcome is Outcome.FAIL


def test_team_without_its_profession_fails() -> None:
    """Meda's psychological team staffed by a social worker lacks its required profession."""
    plan = _replace(_plan(), 15, staff=["AS-MED"])
    (finding,) = _report(plan, "tutela.services.team_professions").findings
    assert finding.outcome is Outcome.FAIL
    assert finding.values["wrong"] == ("servizio_psicologico (Meda)",)


def test_team_without_staff_needs_review() -> None:
    """A team offer naming no staff needs review, pointing at its staff field."""
    plan = _replace(_plan(), 15, staff=[])
    (finding,) = _report(plan, "tutela.services.team_professions").findings
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.missing == ("services[15].staff",)


@pytest.mark.parametrize(
    ("hours", "outcome"),
    [
        ("49.99", Outcome.FAIL),
        ("50", Outcome.PASS),
        ("80", Outcome.PASS),
        (None, Outcome.NEEDS_REVIEW),
    ],
)
def test_supervision_yearly_hours(hours: str | None, outcome: Outcome) -> None:
    """Supervision and training needs at least 50 hours a year."""
    plan = _replace(_plan(), 6, yearly_hours=hours)
    rule_id = "tutela.services.supervision.yearly_hours"
    finding = _report(plan, rule_id).finding(rule_id, "services[6]")
    assert finding.outcome is outcome
    assert finding.values["tutela.supervision.yearly_hours"] == "50"


def test_supervision_rule_concerns_only_supervision() -> None:
    """The supervision rule does not apply to the other services."""
    rule_id = "tutela.services.supervision.yearly_hours"
    report = _report(_plan(), rule_id)
    applicable = [f.path for f in report.findings if f.outcome is not Outcome.NOT_APPLICABLE]
    assert applicable == ["services[6]"]


@given(index=st.integers(min_value=0, max_value=19))
def test_dropping_any_offer_names_exactly_that_offer(index: int) -> None:
    """Removing any one offer of the example makes exactly that service (and Comune) missing."""
    plan = _plan()
    dropped = plan.services[index]
    kept = plan.services[:index] + plan.services[index + 1 :]
    (finding,) = _report(_plan(kept), "tutela.services.offered").findings
    label = dropped.service
    if dropped.scope is not None and dropped.scope.value == "territorial":
        label = f"{dropped.service} ({dropped.comuni[0]})"
    assert finding.outcome is Outcome.FAIL
    assert finding.values["missing"] == (label,)


def test_supervision_below_the_hours_foreseen_needs_review_naming_both_readings() -> None:
    """«Monte ore annuo a previsto 50 ore»: 40 hours fail the minimum, satisfy the forecast."""
    plan = _replace(_plan(), 6, yearly_hours="40")
    rule_id = "tutela.services.supervision.yearly_hours"
    finding = _report(plan, rule_id, chosen=False).finding(rule_id, "services[6]")
    assert finding is not None
    assert finding.outcome is Outcome.NEEDS_REVIEW
    assert finding.values["readings_failing"] == ("monte ore annuo come minimo",)

"""The Tutela Minori service catalogue (seed 002) as cited data and its small API."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from welfare_ambito.data import example, seregno
from welfare_ambito.errors import NotFound
from welfare_ambito.model import Profession, ServiceScope
from welfare_ambito.tutela import catalogue, catalogue_ids

SIX = ("Barlassina", "Giussano", "Lentate sul Seveso", "Meda", "Seregno", "Seveso")
ASSOCIATED = (
    "penale_minorile",
    "regolamentazione_rapporti",
    "spazio_neutro",
    "affidi",
    "consulenza_legale",
    "direzione_coordinamento",
    "supervisione_formazione",
)


def test_catalogue_lists_the_ten_services_in_the_notice_order() -> None:
    """Seven associated services, the administrative services and two territorial services."""
    cat = catalogue()
    assert cat.ids() == (
        *ASSOCIATED,
        "servizi_amministrativi",
        "servizio_sociale_professionale",
        "servizio_psicologico",
    )
    assert "seregno-tutela-minori-2022" in catalogue_ids()


def test_scopes_of_comuni() -> None:
    """Associated and territorial services cover the six Comuni; administrative all ten."""
    cat = catalogue()
    for service_id in ASSOCIATED:
        assert cat.service(service_id).scope is ServiceScope.ASSOCIATED
        assert cat.service(service_id).comuni == SIX
    admin = cat.service("servizi_amministrativi")
    assert admin.scope is ServiceScope.ADMINISTRATIVE
    assert admin.comuni == seregno().names()
    for service_id in ("servizio_sociale_professionale", "servizio_psicologico"):
        entry = cat.service(service_id)
        assert entry.scope is ServiceScope.TERRITORIAL
        assert entry.per_comune
        assert entry.comuni == SIX
    assert cat.scope_comuni("territorial") == SIX


def test_caseloads_of_the_associated_services_at_30_june_2022() -> None:
    """Penale minorile 45, regolamentazione 12, spazio neutro 44, affidi 22 (30/06/2022)."""
    cat = catalogue()
    counts = {s.id: s.caseload.count for s in cat if s.caseload is not None}
    assert counts == {
        "penale_minorile": 45,
        "regolamentazione_rapporti": 12,
        "spazio_neutro": 44,
        "affidi": 22,
    }
    assert {s.caseload.on for s in cat if s.caseload is not None} == {dt.date(2022, 6, 30)}


def test_caseloads_of_the_territorial_teams_at_31_december_2021() -> None:
    """The teams' caseloads per Comune, found by official name or the notice's short form."""
    cat = catalogue()
    counts = {t.comune: t.caseload.count for t in cat.teams}
    assert counts == {
        "Barlassina": 44,
        "Giussano": 129,
        "Lentate sul Seveso": 86,
        "Meda": 108,
        "Seregno": 255,
        "Seveso": 140,
    }
    assert cat.team("Lentate S/S").caseload.count == 86
    assert {t.caseload.on for t in cat.teams} == {dt.date(2021, 12, 31)}


def test_legal_references_of_the_services() -> None:
    """Penale: DPR 448/1988 and D.Lvo 272/1989; rapporti: art. 330 c.c.; affidi: L. 184/83-149/2001."""
    cat = catalogue()
    refs = {s.id: tuple(r.id for r in s.references()) for s in cat}
    assert refs["penale_minorile"] == ("dpr_448_1988", "dlgs_272_1989")
    assert refs["regolamentazione_rapporti"] == ("cc_art_330",)
    assert refs["affidi"] == ("l_184_1983_149_2001",)
    assert "Decadenza dalla potestà" in cat.reference("cc_art_330").citation.quote


def test_principal_legal_references_list() -> None:
    """ "I principali riferimenti normativi": 18 entries, from the codes to Law 47/2017."""
    principal = catalogue().principal_references()
    assert len(principal) == 18
    assert principal[0].id == "dpr_448_1988"
    assert principal[-1].id == "l_47_2017"


def test_territorial_services_name_their_profession() -> None:
    """The social work team needs a social worker, the psychological team a psychologist."""
    cat = catalogue()
    assert cat.service("servizio_sociale_professionale").profession is Profession.SOCIAL_WORKER
    assert cat.service("servizio_psicologico").profession is Profession.PSYCHOLOGIST


def test_example_plan_uses_catalogue_ids() -> None:
    """Every service the example plan offers is a catalogue id."""
    cat = catalogue()
    assert {offer.service for offer in example("tutela_minori_seregno").services} == set(cat.ids())


def test_unknown_names_raise_not_found_with_a_suggestion() -> None:
    """Unknown services, teams, references and catalogues raise NotFound (a LookupError)."""
    cat = catalogue()
    with pytest.raises(NotFound, match="penale_minorile"):
        cat.service("penale_minorle")
    with pytest.raises(LookupError):
        cat.team("Milano")
    with pytest.raises(NotFound):
        cat.reference("l_1_1900")
    with pytest.raises(NotFound):
        catalogue("rho-2022")
    assert cat.find("nope") is None


def test_every_catalogue_quote_is_verbatim_in_seed_002(seeds_dir: Path) -> None:
    """Each scope, service, caseload and legal reference quotes seed 002 verbatim."""
    cat = catalogue()
    text = (seeds_dir / cat.document).read_text(encoding="utf-8")
    citations = [c for _, _, c in cat.scopes]
    for entry in cat:
        citations.append(entry.citation)
        if entry.caseload is not None:
            citations.append(entry.caseload.citation)
    citations += [t.caseload.citation for t in cat.teams]
    citations += [r.citation for r in cat.legal_references]
    missing = [c.quote for c in citations if not c.found_in(text)]
    assert missing == []
    folded = " ".join(text.split())
    assert [c.quote for c in citations if " ".join(c.quote.split()) not in folded] == []
    assert {c.document for c in citations} == {"seregno-tutela-minori-2022-avviso"}


def test_unknown_scopes_are_typed_errors() -> None:
    """An unknown scope is an InvalidValue naming the choices, not a bare ValueError."""
    from welfare_ambito import InvalidValue

    with pytest.raises(InvalidValue, match="associated"):
        catalogue().of_scope("bogus")
    with pytest.raises(InvalidValue):
        catalogue().scope_comuni("bogus")

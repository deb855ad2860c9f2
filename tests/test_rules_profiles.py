"""Profiles: embedded and user files, extends, overrides, catalogue and verbatim citations."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from welfare_ambito import InvalidInput, Money
from welfare_ambito.citations import Citation
from welfare_ambito.errors import NotFound
from welfare_ambito.rules import (
    REGISTRY,
    Readings,
    catalogue,
    list_profiles,
    load_profile,
    profile_ids,
)
from welfare_ambito.rules.profiles import profile_for

ON = dt.date(2024, 1, 1)
EMBEDDED = ("pippi-national", "seregno-pippi-2023", "seregno-tutela-minori-2022")


def _citations(profile_id: str) -> list[tuple[str, Citation]]:
    """Every citation a profile ships: rules, derogations, parameters, values, readings."""
    profile = load_profile(profile_id)
    found: list[tuple[str, Citation]] = []
    for item in profile.rules:
        if item.citation is not None:
            found.append((item.id, item.citation))
        found.extend(item.exception_citations.items())
    for name, parameter in profile.parameters.items():
        if parameter.citation is not None:
            found.append((name, parameter.citation))
        for dated in parameter.values:
            if dated.citation is not None:
                found.append((name, dated.citation))
            if isinstance(dated.value, Readings):
                found.extend((name, r.citation) for r in dated.value if r.citation is not None)
    return found


def test_the_embedded_profiles_are_listed() -> None:
    """``list_profiles`` names the three embedded profiles with their titles."""
    assert set(EMBEDDED) <= set(profile_ids())
    infos = {info.id: info for info in list_profiles()}
    assert infos["seregno-pippi-2023"].extends == "pippi-national"
    assert infos["seregno-tutela-minori-2022"].ambito == "seregno"


@pytest.mark.parametrize("profile_id", EMBEDDED)
def test_every_embedded_profile_loads(profile_id: str) -> None:
    """Each embedded profile loads with its id and title."""
    profile = load_profile(profile_id)
    assert profile.id == profile_id
    assert profile.title


@pytest.mark.parametrize("profile_id", EMBEDDED)
def test_every_rule_and_parameter_of_embedded_profiles_is_cited(profile_id: str) -> None:
    """Every rule of an embedded profile has a citation; every parameter value too."""
    profile = load_profile(profile_id)
    for item in profile.rules:
        params = [profile.parameters[n] for n in item.rule.all_parameters]
        cited_by_values = params and all(
            p.citation or all(d.citation or isinstance(d.value, Readings) for d in p.values)
            for p in params
        )
        assert item.citation is not None or cited_by_values, item.id
    for name, parameter in profile.parameters.items():
        for dated in parameter.values:
            cited = dated.citation or parameter.citation
            readings = isinstance(dated.value, Readings) and all(r.citation for r in dated.value)
            assert cited is not None or readings, name


_SEED_NAME = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")


@pytest.mark.parametrize("profile_id", EMBEDDED)
def test_quotes_appear_verbatim_in_the_cited_seed(profile_id: str, seeds_dir: Path) -> None:
    """Each quote citing a seed is in that seed (white space folded); other sources name a URL."""
    for name, citation in _citations(profile_id):
        if citation.paraphrase:
            assert citation.source is not None, f"{name}: {citation.document} is not declared"
            continue
        seed = seeds_dir / citation.document
        assert seed.is_file(), f"{name}: {citation.document} is not a seed"
        assert citation.found_in(seed.read_text(encoding="utf-8")), f"{name}: «{citation.quote}»"


def test_seregno_pippi_values_come_from_the_notice() -> None:
    """Seed 004's figures: 8 h/week, 6,000 educator hours, € 211.500,00, two period readings."""
    params = load_profile("seregno-pippi-2023").parameters
    assert params.value("pippi.sedt.min_weekly_hours", ON) == Decimal(8)
    assert params.value("pippi.hours.educator_min", ON) == Decimal(6000)
    assert params.value("pippi.budget.max_total", ON) == Money("211500")
    period = params.value("pippi.project.period", ON)
    assert isinstance(period, Readings)
    assert [str(v) for v in period.values] == ["2023-06-01/2026-05-31", "2023-05-01/2026-04-30"]


def test_extends_inherits_and_overrides_the_base() -> None:
    """The Seregno profile inherits the national parameters."""
    params = load_profile("seregno-pippi-2023").parameters
    assert params.value("pippi.groups.min_meetings", ON) == 6
    assert "pippi.groups.min_meetings" in load_profile("pippi-national").parameters
    assert "pippi.sedt.min_weekly_hours" not in load_profile("pippi-national").parameters


def test_seregno_tutela_values_come_from_the_notice() -> None:
    """Seed 002's figures: € 680.000,00 a year, € 210.000,00 for Seregno, 2 and 5 years."""
    params = load_profile("seregno-tutela-minori-2022").parameters
    assert params.value("tutela.budget.annual_total", ON) == Money("680000")
    assert params.value("tutela.budget.territorial.seregno", ON) == Money("210000")
    assert params.value("tutela.psychologist.min_years", ON) == Decimal(2)
    assert params.value("tutela.psychologist.derogation_min_years", ON) == Decimal(5)


def test_override_returns_a_new_profile() -> None:
    """A what-if profile has the new value; the loaded one keeps the notice's."""
    base = load_profile("seregno-pippi-2023")
    what_if = base.override({"pippi.hours.educator_min": "7000"})
    assert what_if.parameters.value("pippi.hours.educator_min", ON) == Decimal(7000)
    assert base.parameters.value("pippi.hours.educator_min", ON) == Decimal(6000)
    assert (
        load_profile("seregno-pippi-2023").parameters.value("pippi.hours.educator_min", ON) == 6000
    )


def test_a_user_profile_file_extends_an_embedded_one(tmp_path: Path) -> None:
    """A TOML file for another Ambito can extend the national profile and add parameters."""
    path = tmp_path / "altro.toml"
    path.write_text(
        """
id = "altro-pippi-2024"
title = "Altro Ambito — P.I.P.P.I."
ambito = "altro"
extends = "pippi-national"

[parameters."pippi.groups.min_meetings"]
since = 2024-01-01
value = 5

[parameters."pippi.sedt.min_weekly_hours"]
unit = "hours/week"
since = 2024-01-01
value = "7.5"
citation = { document = "avviso-altro.pdf", section = "Servizi", quote = "almeno 7,5 ore" }
""",
        encoding="utf-8",
    )
    profile = load_profile(path)
    assert profile.extends == "pippi-national"
    assert profile.parameters.value("pippi.groups.min_meetings", ON) == 5
    assert profile.parameters["pippi.groups.min_meetings"].citation is None
    assert profile.parameters.value("pippi.sedt.min_weekly_hours", ON) == Decimal("7.5")
    assert profile.parameters.value("pippi.groups.max_meetings", ON) == 8


def test_a_profile_may_extend_a_sibling_file(tmp_path: Path) -> None:
    """``extends`` resolves a file next to the profile."""
    (tmp_path / "base.toml").write_text('id = "base"\ntitle = "Base"\n', encoding="utf-8")
    (tmp_path / "child.toml").write_text(
        'id = "child"\ntitle = "Child"\nextends = "base.toml"\n', encoding="utf-8"
    )
    assert load_profile(tmp_path / "child.toml").extends == "base.toml"


def test_a_cycle_of_extends_is_an_error(tmp_path: Path) -> None:
    """Profiles extending each other are refused with a clear error."""
    (tmp_path / "a.toml").write_text(
        'id = "a"\ntitle = "A"\nextends = "b.toml"\n', encoding="utf-8"
    )
    (tmp_path / "b.toml").write_text(
        'id = "b"\ntitle = "B"\nextends = "a.toml"\n', encoding="utf-8"
    )
    with pytest.raises(InvalidInput) as info:
        load_profile(tmp_path / "a.toml")
    assert info.value.errors[0].code == "rules.profile_cycle"


def test_every_problem_of_a_profile_is_reported_with_its_path() -> None:
    """Unknown rules, keys and units are all reported at once."""
    with pytest.raises(InvalidInput) as info:
        load_profile(
            {
                "id": "bad",
                "title": "Bad",
                "colour": "red",
                "rules": ["no.such.rule"],
                "parameters": {
                    "x.hours": {"unit": "lightyears", "since": dt.date(2024, 1, 1), "value": 1},
                    "y.hours": {"unit": "hours", "value": 1},
                },
            }
        )
    paths = {e.path for e in info.value.errors}
    codes = {e.code for e in info.value.errors}
    assert "colour" in paths
    assert "rules.unknown_rule" in codes
    assert "parameters['y.hours'].since" in paths
    assert any(p.startswith("parameters['x.hours']") for p in paths)


def test_an_unknown_profile_suggests_a_close_one() -> None:
    """A misspelt profile id is NotFound with a suggestion."""
    with pytest.raises(NotFound, match="seregno-pippi-2023"):
        load_profile("seregno-pipi-2023")


def test_the_default_profile_follows_the_plan() -> None:
    """A Seregno P.I.P.P.I. plan gets the Seregno P.I.P.P.I. profile."""
    from welfare_ambito.data import seregno
    from welfare_ambito.model import CoDesignPlan, Partner

    plan = CoDesignPlan(id="p", ambito=seregno(), partner=Partner(name="X"), programme="pippi")
    assert profile_for(plan).id == "seregno-pippi-2023"


def test_the_catalogue_lists_rules_with_parameters_and_citations() -> None:
    """The catalogue of a profile with a rule shows its parameters and citation."""
    from test_rules_engine import make_profile

    cat = catalogue(make_profile())
    entry = cat["test.sedt.weekly_hours"]
    assert [p.name for p in entry.parameters] == ["pippi.sedt.min_weekly_hours"]
    assert entry.citation.section == "SERVIZI E RISORSE UMANE"
    data = cat.to_dict("en")
    assert data["rules"][0]["parameters"][0]["values"][0]["value"] == "8"
    assert "otto ore settimanali" in cat.to_text()
    assert "## `test.sedt.weekly_hours`" in cat.to_markdown()


def test_the_library_registry_rejects_a_second_rule_with_the_same_id() -> None:
    """Two different functions may not share a rule id; scoped registration is undone."""
    from test_rules_engine import sedt_hours

    with REGISTRY.scoped(sedt_hours):
        assert "test.sedt.weekly_hours" in REGISTRY
    assert "test.sedt.weekly_hours" not in REGISTRY

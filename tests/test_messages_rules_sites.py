"""Errors of the rules engine, profiles, parameters, Ambiti and plans speak one language each.

Issue 13 moved these messages to the catalogue. Each error keeps its ``code`` and its
``params`` (tools match on them), names its field path, and reads whole in the language
asked for: no English word in Italian output, no list cut short, no birth date.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import welfare_ambito as wa
from test_i18n_words import leaks
from welfare_ambito._ambiti import embedded_ambiti, embedded_ambito
from welfare_ambito.citations import citation_to_dict
from welfare_ambito.eligibility.pippi import check_birth_dates
from welfare_ambito.errors import InvalidInput, InvalidValue, NotFound, WelfareAmbitoError
from welfare_ambito.model import Child, Family
from welfare_ambito.model.plan import dangling_references
from welfare_ambito.rules import evaluate
from welfare_ambito.rules.definition import REGISTRY
from welfare_ambito.rules.parameters import OVERRIDDEN_TEXT, ParameterSet, Provenance
from welfare_ambito.rules.profiles import Profile, load_profile, profile_for, profile_ids

LANGS = ("it", "en")


def _speaks(error: WelfareAmbitoError) -> None:
    """Both messages are non-empty and hold no word of the other language."""
    for lang in LANGS:
        text = error.text(lang)
        assert text.strip(), lang
        assert not leaks(text, lang), (lang, text, leaks(text, lang))
    assert error.text("it") != error.text("en")


# --- the engine: parameter lists named whole ---------------------------------------------


def _bare(profile_id: str) -> Profile:
    """``profile_id``'s rules with no parameter set: every parameter they read is missing."""
    rules = load_profile(profile_id).rules
    return Profile(id="bare", title="Bare", rules=rules)


@pytest.mark.parametrize("profile_id", profile_ids())
def test_a_profile_missing_parameters_names_every_one_in_both_languages(profile_id: str) -> None:
    """The list can run to thousands of characters: it is never cut, each item translated."""
    profile = _bare(profile_id)
    unset = [(r.id, n) for r in profile.rules for n in r.rule.all_parameters]
    if not unset:
        pytest.skip("no rule of this profile reads a parameter")
    plan = wa.data.example("pippi_seregno")
    with pytest.raises(NotFound) as caught:
        evaluate(plan, profile, on=dt.date(2024, 1, 1))
    error = caught.value
    assert error.code == "rules.missing_parameters"
    assert error.params == {"parameters": [n for _, n in unset]}
    assert error.path == unset[0][1]
    for rule_id, name in unset:
        assert f"{name} (regola {rule_id})" in error.text("it")
        assert f"{name} (rule {rule_id})" in error.text("en")
    assert "…" not in error.text("it") + error.text("en")
    _speaks(error)


def test_a_day_before_the_values_names_every_parameter_and_the_day_as_each_language_writes_it() -> (
    None
):
    plan = wa.data.example("pippi_seregno")
    profile = load_profile("seregno-pippi-2023")
    day = dt.date(2001, 2, 3)
    with pytest.raises(NotFound) as caught:
        evaluate(plan, profile, on=day)
    error = caught.value
    gaps = error.params["parameters"]
    assert error.code == "rules.parameter_not_in_force"
    assert error.params == {"parameters": gaps, "on": "2001-02-03"}
    assert error.path == gaps[0]
    assert len(gaps) > 3
    assert error.text("it").startswith("nessun valore in vigore il 03/02/2001 per: ")
    assert error.text("en").startswith("no value in force on 2001-02-03 for: ")
    for lang in LANGS:
        assert error.text(lang).endswith(", ".join(gaps))
    _speaks(error)


# --- unknown names: the hint in the message's language -----------------------------------


def _hinted(error: WelfareAmbitoError, suggestion: str) -> None:
    assert error.text("it").endswith(f"; forse intendevi {suggestion!r}?")
    assert error.text("en").endswith(f"; did you mean {suggestion!r}?")
    _speaks(error)


def test_an_unknown_rule_suggests_the_close_one_in_each_language() -> None:
    rule_id = next(iter(REGISTRY)).id
    misspelt = rule_id[:-1]
    with pytest.raises(NotFound) as caught:
        REGISTRY.get(misspelt)
    error = caught.value
    assert (error.code, error.path, error.params) == (
        "rules.unknown_rule",
        misspelt,
        {"rule": misspelt},
    )
    suggestion = difflib.get_close_matches(misspelt, [r.id for r in REGISTRY], n=1)[0]
    _hinted(error, suggestion)


def test_an_unknown_rule_far_from_every_rule_has_no_hint() -> None:
    with pytest.raises(NotFound) as caught:
        REGISTRY.get("zzzz")
    assert caught.value.text("it") == "regola sconosciuta 'zzzz'"
    assert caught.value.text("en") == "unknown rule 'zzzz'"


def test_an_unknown_parameter_suggests_the_close_one_in_each_language() -> None:
    parameters = load_profile("seregno-pippi-2023").parameters
    assert isinstance(parameters, ParameterSet)
    name = next(iter(parameters))
    with pytest.raises(NotFound) as caught:
        parameters[name + "x"]
    error = caught.value
    assert (error.code, error.path, error.params) == (
        "rules.unknown_parameter",
        name + "x",
        {"name": name + "x"},
    )
    _hinted(error, name)


def test_an_unknown_profile_suggests_a_close_one_or_lists_the_embedded_ones() -> None:
    with pytest.raises(NotFound) as caught:
        load_profile("seregno-pipi-2023")
    error = caught.value
    assert (error.code, error.path, error.params) == (
        "rules.unknown_profile",
        "seregno-pipi-2023",
        {"name": "seregno-pipi-2023"},
    )
    _hinted(error, "seregno-pippi-2023")
    with pytest.raises(NotFound) as caught:
        load_profile("zzzz")
    listed = ", ".join(profile_ids())
    assert caught.value.text("it").endswith(f"; incorporati: {listed}")
    assert caught.value.text("en").endswith(f"; embedded: {listed}")


def test_a_citation_of_no_rule_is_a_problem_at_its_path_in_each_language() -> None:
    profile = load_profile("seregno-pippi-2023")
    rule = next(r for r in profile.rules if r.citation is not None)
    assert rule.citation is not None
    cited = {rule.id + "x": citation_to_dict(rule.citation)}
    source = {"id": "p", "title": "P", "extends": "seregno-pippi-2023", "citations": cited}
    with pytest.raises(InvalidInput) as caught:
        load_profile(source)
    rule_id = rule.id
    found = [d for d in caught.value.errors if d.code == "rules.citation_target"]
    assert [d.path for d in found] == [f"citations[{rule_id + 'x'!r}]"]
    assert found[0].text("it").startswith(f"{rule_id + 'x'!r} non è una regola né una deroga")
    assert found[0].text("en").startswith(f"{rule_id + 'x'!r} is neither a rule nor a derogation")
    assert found[0].text("it").endswith(f"; forse intendevi {rule_id!r}?")
    assert found[0].text("en").endswith(f"; did you mean {rule_id!r}?")
    for lang in LANGS:
        assert not leaks(found[0].text(lang), lang)


def test_no_single_default_profile_is_named_in_each_language() -> None:
    plan = copy.copy(wa.data.example("pippi_seregno"))
    object.__setattr__(plan, "programme", "no-such-programme")
    with pytest.raises(NotFound) as caught:
        profile_for(plan)
    error = caught.value
    assert (error.code, error.path) == ("rules.no_default_profile", "profile")
    assert "(candidati: —)" in error.text("it")
    assert "(candidates: —)" in error.text("en")
    _speaks(error)


@given(st.text(min_size=1, max_size=30).filter(lambda s: s not in embedded_ambiti()))
def test_an_unknown_ambito_is_named_in_each_language(name: str) -> None:
    embedded_ambito.cache_clear()
    with pytest.raises(NotFound) as caught:
        embedded_ambito(name)
    error = caught.value
    assert (error.code, error.params) == ("not_found", {"name": name})
    assert error.text("it").startswith(f"nessun Ambito incorporato {name!r}; ")
    assert error.text("en").startswith(f"no embedded Ambito {name!r}; ")
    assert re.search(r"; (forse intendevi '[^']+'\?|noti: .+)\Z", error.text("it"))
    assert re.search(r"; (did you mean '[^']+'\?|known: .+)\Z", error.text("en"))


# --- eligibility and plans: the code kept, personal data left out ------------------------


def test_a_child_born_after_the_day_is_named_by_id_never_by_birth_date() -> None:
    born = dt.date(2024, 5, 17)
    family = Family(
        id="F1",
        children=[Child(id="C1", birth_date=dt.date(2015, 1, 1)), Child(id="C2", birth_date=born)],
    )
    day = dt.date(2024, 3, 1)
    with pytest.raises(InvalidValue) as caught:
        check_birth_dates(family, day)
    error = caught.value
    assert (error.code, error.path) == ("birth_after_reference", "children[1].birth_date")
    assert error.params == {"child": "C2", "on": "2024-03-01"}
    assert error.text("it") == (
        "il minore C2 risulta nato dopo il giorno di riferimento 01/03/2024: "
        "verificare la data di nascita o il giorno"
    )
    assert error.text("en") == (
        "child C2 is born after the reference day 2024-03-01: "
        "check the birth date or the reference day"
    )
    for lang in LANGS:
        for written in (born.isoformat(), born.strftime("%d/%m/%Y")):
            assert written not in error.text(lang)


@pytest.mark.parametrize(
    ("written", "suggested"), [("Giusano", "Giussano"), ("Casa di Giovanni Bianchi", None)]
)
def test_a_comune_outside_the_ambito_is_not_repeated_and_the_close_one_is_suggested(
    written: str, suggested: str | None
) -> None:
    plan = wa.data.example("pippi_seregno")
    family = plan.families[0]
    object.__setattr__(family, "comune", written)
    try:
        problems = [p for p in dangling_references(plan) if p.code == "unknown_comune"]
    finally:
        object.__setattr__(family, "comune", wa.data.example("pippi_seregno").families[0].comune)
    assert [p.path for p in problems] == ["families[0].comune"]
    (problem,) = problems
    hint_it = f"; forse intendevi {suggested!r}?" if suggested else ""
    hint_en = f"; did you mean {suggested!r}?" if suggested else ""
    name = plan.ambito.name
    assert problem.text("it") == f"non è un Comune di {name}{hint_it}"
    assert problem.text("en") == f"not a Comune of {name}{hint_en}"
    assert written not in problem.text("it") + problem.text("en")


# --- provenance labels -------------------------------------------------------------------


def test_provenance_says_why_a_value_has_no_citation_in_each_language() -> None:
    overridden = Provenance(parameter="x.hours", value=5, citation=None, overridden=True)
    uncited = Provenance(parameter="x.hours", value=5, citation=None)
    assert (
        overridden.label("it")
        == OVERRIDDEN_TEXT["it"]
        == ("valore modificato dall'utente, non dall'avviso")
    )
    assert overridden.label("en") == OVERRIDDEN_TEXT["en"] == "overridden, not from the notice"
    assert uncited.describe("it") == "x.hours = 5: nessuna citazione nel profilo"
    assert uncited.describe("en") == "x.hours = 5: not cited by the profile"
    assert uncited.label("fr") == uncited.label("en")  # any other language reads English

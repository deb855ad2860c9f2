"""Provenance belongs to the profile: every finding cites what the profile in force says."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from welfare_ambito import data
from welfare_ambito.money import Money
from welfare_ambito.rules import Report, evaluate, load_profile
from welfare_ambito.rules.parameters import OVERRIDDEN_TEXT, Readings

LARIO = Path(__file__).parent / "data" / "lario" / "lario-pippi-2024.toml"
PLANS = {
    "pippi-national": ("pippi_seregno", "pippi_seregno_mistakes"),
    "seregno-pippi-2023": ("pippi_seregno", "pippi_seregno_mistakes"),
    "seregno-tutela-minori-2022": (
        "tutela_minori_seregno",
        "tutela_minori_seregno_derogation",
        "tutela_minori_seregno_unqualified",
    ),
}
_SEED_FILE = re.compile(r"[0-9]{3}_[0-9a-f]{16}")


def _renderings(report: Report) -> list[str]:
    return [
        report.to_text(verbose=True),
        report.to_markdown(verbose=True),
        report.to_html(verbose=True),
        report.to_json(),
    ]


def _perturbed(value: Any) -> Any:
    """Another value of the same unit, or ``None`` when the parameter is not a number."""
    if isinstance(value, (bool, Readings)):
        return None
    if isinstance(value, Money):
        return str(value.amount + Decimal("1234.56"))
    if isinstance(value, int):
        return value + 3
    if isinstance(value, Decimal):
        return str(value + (Decimal("0.07") if value < 1 else Decimal(3)))
    return None


def _quotes(profile_id: str, names: set[str]) -> set[str]:
    """The sentences the profile cites for ``names``."""
    params = load_profile(profile_id).parameters
    found = set()
    for name in names:
        parameter = params[name]
        if parameter.citation is not None:
            found.add(parameter.citation.quote)
        found.update(d.citation.quote for d in parameter.values if d.citation is not None)
        found.update(  # a reading cites its own sentence, shown beside that reading
            r.citation.quote
            for d in parameter.values
            if isinstance(d.value, Readings)
            for r in d.value
            if r.citation is not None
        )
    return found


@pytest.mark.parametrize("profile_id", sorted(PLANS))
@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_what_if_never_shows_the_notice_sentence_of_a_value_it_changed(
    profile_id: str, lang: str
) -> None:
    """Every numeric parameter perturbed: no output in any format shows its old sentence."""
    profile = load_profile(profile_id)
    on = dt.date(2024, 1, 1)
    changes = {}
    for name, parameter in profile.parameters.items():
        value = (
            _perturbed(parameter.at(on)) if any(d.covers(on) for d in parameter.values) else None
        )
        if value is not None:
            changes[name] = value
    assert len(changes) >= 5
    old = _quotes(profile_id, set(changes))
    # A sentence also cited for a value left alone may still show, beside that value only.
    kept = _quotes(profile_id, set(profile.parameters) - set(changes))
    rule_quotes = {r.citation.quote for r in profile.rules if r.citation is not None}
    forbidden = old - kept - rule_quotes
    assert forbidden
    for plan_name in PLANS[profile_id]:
        report = evaluate(data.example(plan_name), profile, on=on, lang=lang, overrides=changes)
        for finding in report.findings:
            for item in finding.provenance:
                if item.parameter in changes:
                    assert item.overridden
                    assert item.citation is None
            if any(p.parameter in changes for p in finding.provenance):
                assert finding.citation is None, finding.rule
        for output in _renderings(report)[:3]:
            for quote in forbidden:
                assert f"«{quote}»" not in output, (plan_name, quote)
                assert f"«{html.escape(quote)}»" not in output, (plan_name, quote)
            assert not _SEED_FILE.search(output)
        cited = _json_quotes(json.loads(report.to_json()))
        assert not cited & forbidden
        text = report.to_text(verbose=True)
        assert OVERRIDDEN_TEXT[lang] in text
        assert OVERRIDDEN_TEXT[lang] in report.to_markdown(verbose=True)
        assert html.escape(OVERRIDDEN_TEXT[lang]) in report.to_html(verbose=True)
        provenance = json.loads(report.to_json())["provenance"]
        assert {p["parameter"] for p in provenance} >= set(report.overrides)
        assert all(
            p["overridden"] and p["citation"] is None
            for p in provenance
            if p["parameter"] in changes
        )


def _json_quotes(value: Any) -> set[str]:
    """Every quote of every citation in a report's JSON form."""
    found: set[str] = set()
    if isinstance(value, dict):
        if "quote" in value and "section" in value:
            found.add(value["quote"])
        for item in value.values():
            found |= _json_quotes(item)
    elif isinstance(value, list):
        for item in value:
            found |= _json_quotes(item)
    return found


def _numbers(text: str) -> set[Decimal]:
    found = set()
    for raw in re.findall(r"\d[\d.]*(?:,\d+)?", text):
        found.add(Decimal(raw.rstrip(".").replace(".", "").replace(",", ".")))
    return found


@pytest.mark.parametrize("lang", ["it", "en"])
def test_another_ambito_is_quoted_with_its_own_numbers(lang: str) -> None:
    """A profile for another Ambito: every sentence beside a value states that very number."""
    profile = load_profile(LARIO)
    report = evaluate(data.example("pippi_seregno_mistakes"), profile, lang=lang)
    own = {"pippi.sedt.min_weekly_hours", "pippi.budget.max_total"} | {
        n for n in profile.parameters if n.startswith("pippi.hours.") and n.endswith("_min")
    }
    seen = set()
    for finding in report.findings:
        for item in finding.provenance:
            if item.parameter not in own:
                continue
            seen.add(item.parameter)
            assert item.citation is not None
            assert item.citation.document == "lario-avviso"
            assert Decimal(str(item.value)) in _numbers(item.citation.quote), item
    assert seen == own
    seregno = _quotes("seregno-pippi-2023", own)
    for output in _renderings(report):
        assert "Ambito del Lario Occidentale" in output
        for quote in seregno:
            assert quote not in output
        assert "6.000" not in output
        assert "211.500" not in output


def test_a_child_profile_changing_a_value_without_a_sentence_shows_it_uncited() -> None:
    """The parent's sentence never stands beside the child's number."""
    child = load_profile(
        {
            "id": "child",
            "title": "Child",
            "extends": "seregno-pippi-2023",
            "parameters": {"pippi.budget.max_total": {"since": "2023-05-01", "value": "250000"}},
        }
    )
    report = evaluate(data.example("pippi_seregno"), child, lang="en")
    finding = report.finding("pippi.budget.within_funding")
    assert finding is not None
    assert finding.citation is None
    (item,) = [p for p in finding.provenance if p.parameter == "pippi.budget.max_total"]
    assert item.citation is None
    assert not item.overridden
    assert "not cited by the profile" in report.to_text(verbose=True)
    assert "pari ad € 211.500,00" not in report.to_text(verbose=True)


def test_a_legacy_seed_name_maps_to_its_declared_source() -> None:
    """Citations written with an old seed file name load as the named source."""
    profile = load_profile(
        {
            "id": "legacy",
            "title": "Legacy",
            "extends": "seregno-pippi-2023",
            "parameters": {
                "pippi.hours.educator_min": {
                    "since": "2023-05-01",
                    "value": 6000,
                    "citation": {
                        "document": "004_45436608c0a0bd55.txt",
                        "section": "SERVIZI E RISORSE UMANE",
                        "quote": "n. 6.000 ore",
                    },
                }
            },
        }
    )
    citation = profile.parameters["pippi.hours.educator_min"].citation
    assert citation is not None
    assert citation.document == "seregno-pippi-2023-avviso"
    assert "Ambito di Seregno, 2023" in citation.display()


def test_a_report_round_trips_with_its_provenance() -> None:
    """The JSON report carries every parameter's citation and reads back equal."""
    report = evaluate(
        data.example("pippi_seregno_mistakes"),
        "seregno-pippi-2023",
        overrides={"pippi.hours.educator_min": "7000"},
    )
    assert Report.from_json(report.to_json()) == report
    names = {p.parameter for p in report.provenance}
    assert names == set(report.parameters)

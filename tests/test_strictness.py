"""One rule per kind of value, held the same at every door (TOML, JSON, dict)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import welfare_ambito as wa
from welfare_ambito.model import FundingSource, Intervention


def _doors(document: dict[str, Any], into: type, tmp_path: Path) -> list[Any]:
    """Load ``document`` through the dict API, TOML and JSON text, and a file of each."""
    toml_text = "\n".join(f"{k} = {_toml(v)}" for k, v in document.items())
    json_text = "{" + ", ".join(f"{json.dumps(k)}: {_json(v)}" for k, v in document.items()) + "}"
    (tmp_path / "d.toml").write_text(toml_text, encoding="utf-8")
    (tmp_path / "d.json").write_text(json_text, encoding="utf-8")
    calls = [
        lambda: wa.load(document, into=into),
        lambda: wa.loads(toml_text, into=into),
        lambda: wa.loads(json_text, "json", into=into),
        lambda: wa.load(tmp_path / "d.toml", into=into),
        lambda: wa.load(tmp_path / "d.json", into=into),
    ]
    results = []
    for call in calls:
        try:
            results.append(call())
        except wa.InvalidInput as error:
            results.append(error)
    return results


def _toml(value: Any) -> str:
    return json.dumps(value) if isinstance(value, str) else str(value)


_json = _toml


def test_amounts_with_a_decimal_point_are_refused_everywhere(tmp_path: Path) -> None:
    outcomes = _doors({"name": "x", "amount": Decimal("211500.50")}, FundingSource, tmp_path)
    # The dict API gets an exact Decimal (accepted); the documents get a float (refused);
    # a Python float is refused too.
    assert isinstance(outcomes[0], FundingSource)
    for outcome in outcomes[1:]:
        assert isinstance(outcome, wa.InvalidInput)
        assert [d.path for d in outcome.errors] == ["amount"]
    with pytest.raises(wa.InvalidInput):
        wa.load({"name": "x", "amount": 211500.5}, into=FundingSource)


@pytest.mark.parametrize("amount", ["211500.50", 211500])
def test_amounts_as_text_or_whole_numbers_load_everywhere(amount: Any, tmp_path: Path) -> None:
    outcomes = _doors({"name": "x", "amount": amount}, FundingSource, tmp_path)
    assert len({o.amount for o in outcomes}) == 1


@pytest.mark.parametrize("hours", [8, Decimal("8.5"), "8.5"])
def test_hours_as_numbers_or_exact_text_load_everywhere(hours: Any, tmp_path: Path) -> None:
    document = {"id": "S1", "kind": "sedt", "weekly_hours": hours}
    outcomes = _doors(document, Intervention, tmp_path)
    assert {o.weekly_hours for o in outcomes} == {Decimal(str(hours))}


@pytest.mark.parametrize("hours", [169, 200, 10**40, "1e999999"])
def test_weekly_hours_beyond_a_week_are_refused_at_load(hours: Any, tmp_path: Path) -> None:
    document = {"id": "S1", "kind": "sedt", "weekly_hours": hours}
    for outcome in _doors(document, Intervention, tmp_path):
        assert isinstance(outcome, wa.InvalidInput)
        assert [d.path for d in outcome.errors] == ["weekly_hours"]


def test_a_plan_with_huge_hours_names_the_field() -> None:
    plain = wa.dump(wa.data.example("pippi_seregno"), "dict")
    plain["interventions"][2]["weekly_hours"] = 10**40
    with pytest.raises(wa.InvalidInput) as caught:
        wa.load(plain)
    assert [d.path for d in caught.value.errors] == ["interventions[2].weekly_hours"]

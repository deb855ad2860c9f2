"""The JSON Schemas: shipped up to date, valid, and matching every document read or written."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from welfare_ambito import data, schema
from welfare_ambito.cli import main
from welfare_ambito.convert import unstructure
from welfare_ambito.errors import NotFound
from welfare_ambito.rules import evaluate
from welfare_ambito.testing import strategies as was

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "src" / "welfare_ambito" / "data" / "schemas"
PROFILES = ROOT / "src" / "welfare_ambito" / "data" / "profiles"
EXAMPLES = ROOT / "examples"
PLAN_EXAMPLES = sorted(p for p in EXAMPLES.glob("*.toml") if not p.name.endswith(".welfare.toml"))


def _validator(kind: str) -> Any:
    return jsonschema.Draft202012Validator(schema.shipped(kind))


def _jsonable(value: Any) -> Any:
    """TOML data as JSON would carry it: dates as ISO text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _toml(path: Path) -> Any:
    return _jsonable(tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal))


def _errors(kind: str, document: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in _validator(kind).iter_errors(document)
    ]


@pytest.mark.parametrize("kind", list(schema.KINDS))
def test_shipped_schema_is_what_the_generator_builds(kind: str) -> None:
    """data/schemas/KIND.json equals build(KIND); regenerate with `python -m welfare_ambito.schema`."""
    assert schema.shipped(kind) == json.loads(schema.schema_text(kind)), (
        f"{kind}.json is stale: run `python -m welfare_ambito.schema` and commit the files"
    )


def test_no_stray_schema_files() -> None:
    """Every shipped schema file is one the generator knows."""
    assert sorted(p.stem for p in SCHEMAS.glob("*.json")) == sorted(schema.KINDS)


@pytest.mark.parametrize("kind", list(schema.KINDS))
def test_schema_is_a_valid_draft_2020_12_schema(kind: str) -> None:
    """Each schema passes the draft 2020-12 metaschema, and its own examples validate."""
    document = schema.shipped(kind)
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for example in document.get("examples", []):
        assert _errors(kind, example) == []


def test_every_field_of_the_plan_is_described() -> None:
    """Plan fields carry types, enums with Italian labels, defaults and examples."""
    plan = schema.build("plan")
    assert plan["required"] == ["id", "ambito", "partner", "programme"]
    staff = plan["$defs"]["StaffMember"]["properties"]
    assert staff["profession"]["enum"][:2] == ["social_worker", "psychologist"]
    assert staff["profession"]["x-labels-it"]["social_worker"] == "assistente sociale"
    assert staff["albo_registered"]["description"].startswith("Registered in the professional Albo")
    assert plan["properties"]["cup"]["examples"] == ["B24H22000190001"]
    family = plan["$defs"]["Family"]
    assert "children" in family["required"]


@pytest.mark.parametrize("kind", list(schema.KINDS))
def test_every_field_has_an_italian_label(kind: str) -> None:
    """Every property of every table of every schema carries its Italian label."""
    unlabelled: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                if isinstance(prop, dict) and not prop.get("x-label-it"):
                    unlabelled.append(key)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema.build(kind))
    assert unlabelled == []


@pytest.mark.parametrize("path", PLAN_EXAMPLES, ids=lambda p: p.name)
def test_example_plans_validate(path: Path) -> None:
    """Every plan in examples/ validates, as TOML and as its JSON dump."""
    assert _errors("plan", _toml(path)) == []
    plan = data.example(path.stem)
    assert _errors("plan", json.loads(json.dumps(unstructure(plan)))) == []


def test_example_case_file_validates() -> None:
    """The example case file validates against the case-file schema."""
    assert _errors("cases", _toml(EXAMPLES / "cases_seregno.welfare.toml")) == []


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.toml")), ids=lambda p: p.name)
def test_embedded_profiles_validate(path: Path) -> None:
    """Every embedded profile validates against the profile schema."""
    assert _errors("profile", _toml(path)) == []


def test_embedded_ambito_validates() -> None:
    """The embedded Ambito file validates, and so does its dump."""
    for path in (ROOT / "src" / "welfare_ambito" / "data" / "ambiti").glob("*.toml"):
        assert _errors("ambito", _toml(path)) == []
    ambito = data.seregno()
    document = {
        "id": ambito.id,
        "name": ambito.name,
        "lead": ambito.lead,
        "comuni": [unstructure(c) for c in ambito.comuni],
    }
    assert _errors("ambito", document) == []


@pytest.mark.parametrize("name", [p.stem for p in PLAN_EXAMPLES])
def test_reports_of_the_examples_validate(name: str) -> None:
    """The JSON report of every example plan validates against the report schema."""
    report = _report(name)
    assert _errors("report", json.loads(report.to_json())) == []


def _report(name: str) -> Any:
    from welfare_ambito.rules.profiles import profile_for

    plan = data.example(name)
    return evaluate(plan, profile_for(plan))


def _budget_json(*argv: str) -> Any:
    """What ``welfare-ambito budget … --format json`` prints, parsed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["budget", *argv, "--format", "json"])
    return json.loads(out.getvalue())


def test_budget_outputs_validate() -> None:
    """The JSON of budget split, phase and reconcile validates against their schemas."""
    split = _budget_json(
        "split",
        "430900",
        "--weights",
        "Barlassina=44",
        "Giussano=129",
        "Seregno=255",
        "--method",
        "webster",
        "--minimum",
        "30000",
    )
    assert _errors("budget-split", split) == []
    thirds = _budget_json("split", "100", "--weights", "a=1", "b=1", "c=1")
    assert [r["quota"] for r in thirds["records"]] == ["100/3"] * 3
    assert _errors("budget-split", thirds) == []
    phasing = _budget_json("phase", "211500", "2023-06-01/2026-05-31", "--by", "semester")
    assert _errors("budget-phase", phasing) == []
    found = _budget_json("reconcile", str(EXAMPLES / "rhodense_spesa_2011.csv"))
    assert found["records"]
    assert _errors("budget-reconcile", found) == []


def test_schema_rejects_what_the_reader_rejects() -> None:
    """An unknown key, a value outside an enum and a missing field are schema errors too."""
    document = unstructure(data.example("pippi_seregno"))
    assert _errors("plan", {**document, "programe": "pippi"})
    assert _errors("plan", {**document, "programme": "pipi"})
    assert _errors("plan", {k: v for k, v in document.items() if k != "partner"})
    family = dict(document["families"][0], pre_assessment="maybe")
    assert _errors("family", family)
    assert _errors("profile", {"id": "x", "title": "t", "parameter": {}})


_SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SLOW
@given(was.plans())
def test_generated_plans_validate(plan: Any) -> None:
    """Every plan the testing kit generates, dumped to JSON, validates."""
    assert _errors("plan", json.loads(json.dumps(unstructure(plan)))) == []


@_SLOW
@given(was.families())
def test_generated_families_validate(family: Any) -> None:
    """Every generated family validates against the family schema."""
    assert _errors("family", json.loads(json.dumps(unstructure(family)))) == []


@_SLOW
@given(was.budgets())
def test_generated_budgets_validate(budget: Any) -> None:
    """Every generated budget validates against the budget schema."""
    assert _errors("budget", json.loads(json.dumps(unstructure(budget)))) == []


@_SLOW
@given(was.ambiti())
def test_generated_ambiti_validate(ambito: Any) -> None:
    """Every generated Ambito, written in full, validates against the Ambito schema."""
    document = {
        "id": ambito.id,
        "name": ambito.name,
        "lead": ambito.lead,
        "comuni": [unstructure(c) for c in ambito.comuni],
    }
    assert _errors("ambito", document) == []


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(was.plans(profile="seregno-pippi-2023"), st.sampled_from(["it", "en"]))
def test_reports_of_generated_plans_validate(plan: Any, lang: str) -> None:
    """The JSON report of every generated compliant plan validates."""
    report = evaluate(plan, "seregno-pippi-2023", lang=lang)
    assert _errors("report", json.loads(report.to_json())) == []


@_SLOW
@given(was.allocation_weights(), st.integers(1, 10**9))
def test_generated_splits_validate(weights: dict[str, int], cents: int) -> None:
    """Every generated allocation's JSON output validates."""
    total = f"{Decimal(cents) / 100:f}"
    document = _budget_json("split", total, "--weights", *(f"{k}={v}" for k, v in weights.items()))
    assert _errors("budget-split", document) == []


def test_unknown_kind_is_refused_with_the_known_ones() -> None:
    """An unknown kind raises NotFound naming the kinds there are."""
    with pytest.raises(NotFound, match="budget-split"):
        schema.build("plans")


def test_cli_prints_the_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`welfare-ambito schema plan` prints the shipped schema; -o writes it to a file."""
    assert main(["schema", "plan"]) == 0
    assert json.loads(capsys.readouterr().out) == schema.shipped("plan")
    target = tmp_path / "report.json"
    assert main(["schema", "report", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == schema.shipped("report")


def test_cli_refuses_an_unknown_kind() -> None:
    """An unknown kind is a usage error (exit 2) listing the choices."""
    result = subprocess.run(
        [sys.executable, "-m", "welfare_ambito", "schema", "plans"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "budget-split" in result.stderr


def test_schema_without_a_kind_says_which_kinds_on_stderr(capsys) -> None:
    """``schema`` with no KIND is a usage error (exit 2) that names the kinds, in the language."""
    from welfare_ambito.cli import main

    assert main(["--lang", "en", "schema"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "name the document (KIND)" in captured.err
    assert "plan" in captured.err

"""The converter: strict, exhaustive errors with paths, and lossless round trips."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import (
    Budget,
    CoDesignPlan,
    Family,
    HourPlan,
    InvalidInput,
    Money,
    data,
    dump,
    dumps,
    load,
    loads,
)
from welfare_ambito.convert import format_path, make_converter, structure, unstructure
from welfare_ambito.testing import strategies as was

PLAN_DOC = unstructure(data.example("pippi_seregno"))


@given(was.plans())
def test_plans_round_trip_through_dicts_toml_and_json(plan: CoDesignPlan) -> None:
    """structure(unstructure(plan)) == plan, and so do TOML and JSON text."""
    assert structure(unstructure(plan), CoDesignPlan) == plan
    assert loads(dumps(plan, "toml"), "toml") == plan
    assert loads(dumps(plan, "json"), "json") == plan


@pytest.mark.parametrize(
    ("strategy", "cls"),
    [
        (was.families(), Family),
        (was.hour_plans(), HourPlan),
        (was.budgets(consistent=False), Budget),
        (was.ambiti(), None),
        (was.staff_members(), None),
        (was.interventions(), None),
        (was.group_modules(), None),
        (was.periods(), None),
        (was.comuni(), None),
    ],
)
def test_every_domain_object_round_trips(
    strategy: st.SearchStrategy[Any], cls: type | None
) -> None:
    """structure(unstructure(x)) == x for every kind of domain object."""

    @given(strategy)
    def check(obj: Any) -> None:
        assert structure(unstructure(obj), cls or type(obj)) == obj

    check()


def test_every_problem_is_reported_with_its_path() -> None:
    """A document with several mistakes gets one error per mistake, each at its path."""
    document = copy.deepcopy(PLAN_DOC)
    document["families"][2]["children"][0]["birth_date"] = "2015-02-30"
    document["families"][0]["trust_in_services"] = "si"
    document["interventions"][3]["weekly_hours"] = 7.5
    document["hour_plan"]["hourly_cost"]["educator"] = "€ 22,5x"
    document["partner"]["nome"] = "Cooperativa"
    document["programme"] = "PIPPI"
    with pytest.raises(InvalidInput) as info:
        load(document)
    paths = sorted(e.path for e in info.value.errors)
    assert paths == [
        "families[0].trust_in_services",
        "families[2].children[0].birth_date",
        "hour_plan.hourly_cost.educator",
        "interventions[3].weekly_hours",
        "partner.nome",
        "programme",
    ]
    assert isinstance(info.value, ValueError)


def test_unknown_keys_get_a_suggestion_in_both_languages() -> None:
    """An unknown field close to a known one suggests it, in Italian and English."""
    document = copy.deepcopy(PLAN_DOC)
    document["famiiles"] = document.pop("families")
    with pytest.raises(InvalidInput) as info:
        load(document)
    (error,) = info.value.errors
    assert error.path == "famiiles"
    assert "did you mean 'families'" in error.message
    assert "forse intendevi 'families'" in error.text("it")


def test_money_in_documents_is_strict() -> None:
    """Documents may write amounts as text or exact numbers, never as Python floats."""
    assert structure({"total": "€ 211.500,00"}, Budget).total == Money("211500")
    assert structure({"total": Decimal("211500.00")}, Budget).total == Money("211500")
    assert structure({"total": 211500}, Budget).total == Money("211500")
    with pytest.raises(InvalidInput):
        structure({"total": 211500.0}, Budget)
    with pytest.raises(InvalidInput):
        structure({"total": "1,001"}, Budget)


def test_strings_are_not_silently_coerced() -> None:
    """ "10" is not a whole number and 1 is not a flag."""
    with pytest.raises(InvalidInput) as info:
        structure(
            {"id": "G", "kind": "parents", "meetings": "10", "cadence": "weekly"},
            __import__("welfare_ambito").GroupModule,
        )
    assert [e.path for e in info.value.errors] == ["meetings"]


def _leaves(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(node, dict):
        return [leaf for key, value in node.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(node, list):
        return [leaf for i, value in enumerate(node) for leaf in _leaves(value, (*path, i))]
    return [path]


def _replace(document: Any, path: tuple[str | int, ...], value: Any) -> Any:
    document = copy.deepcopy(document)
    node = document
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return document


LEAVES = [leaf for leaf in _leaves(PLAN_DOC) if leaf != ("ambito",)]


@given(st.sampled_from(LEAVES))
def test_corrupting_one_leaf_gives_exactly_one_error_at_its_path(
    leaf: tuple[str | int, ...],
) -> None:
    """Replacing one value of a valid plan by a table yields one error, at that path."""
    with pytest.raises(InvalidInput) as info:
        load(_replace(PLAN_DOC, leaf, {"bad": True}))
    assert [e.path for e in info.value.errors] == [format_path(leaf)]


_JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.decimals(allow_nan=True)
    | st.text(max_size=12)
    | st.dates().map(str),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(st.dictionaries(st.sampled_from([*PLAN_DOC, "x"]), _JSONISH, max_size=8))
def test_random_documents_load_or_raise_invalid_input(document: dict[str, Any]) -> None:
    """Random documents never raise anything but InvalidInput."""
    try:
        load(document)
    except InvalidInput as exc:
        assert exc.errors
        assert all(isinstance(e.path, str) and e.message and e.message_it for e in exc.errors)


@given(st.sampled_from(_leaves(PLAN_DOC)), _JSONISH)
def test_mutated_documents_load_or_raise_invalid_input(
    leaf: tuple[str | int, ...], value: Any
) -> None:
    """A valid plan with any one value replaced by anything loads or raises InvalidInput."""
    try:
        load(_replace(PLAN_DOC, leaf, value))
    except InvalidInput as exc:
        assert exc.errors


def test_files_are_read_by_suffix_and_errors_stay_typed(tmp_path: Path) -> None:
    """TOML and JSON files load; missing files and bad syntax are InvalidInput."""
    plan = data.example("pippi_seregno")
    (tmp_path / "p.toml").write_text(dumps(plan), encoding="utf-8")
    (tmp_path / "p.json").write_text(dumps(plan, "json"), encoding="utf-8")
    assert load(tmp_path / "p.toml") == plan == load(str(tmp_path / "p.json"))
    (tmp_path / "bad.toml").write_text("id = ", encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "p.yaml").write_text("id: x", encoding="utf-8")
    for name in ("missing.toml", "bad.toml", "list.json", "p.yaml"):
        with pytest.raises(InvalidInput) as info:
            load(tmp_path / name)
        assert len(info.value.errors) == 1


def test_dump_as_dict_is_plain_json_data() -> None:
    """dump(format='dict') gives JSON-serialisable data."""
    plain = dump(data.example("tutela_minori_seregno"), format="dict")
    assert json.loads(json.dumps(plain)) == plain
    assert plain["ambito"] == "seregno"


def test_make_converter_builds_independent_converters() -> None:
    """make_converter() gives a fresh converter with the same strict hooks."""
    converter = make_converter()
    assert converter.unstructure(Money("1.5")) == "1.50"


@given(was.plans())
def test_unstructured_plans_hold_only_plain_data(plan: CoDesignPlan) -> None:
    """unstructure() gives exact builtin types: str, int, bool, list and dict only."""

    def plain(node: Any) -> bool:
        if type(node) is dict:
            return all(type(k) is str and plain(v) for k, v in node.items())
        if type(node) is list:
            return all(plain(item) for item in node)
        return type(node) in (str, int, bool)

    assert plain(unstructure(plan))

"""A document with several bad fields reports every one of them, in one go."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import welfare_ambito as wa
from welfare_ambito.convert import format_path

Path = tuple[str | int, ...]


def _leaves(value: Any, path: Path = ()) -> list[Path]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list) and value:
        return [leaf for index, item in enumerate(value) for leaf in _leaves(item, (*path, index))]
    return [path]


def _set(document: Any, path: Path, value: Any) -> None:
    for part in path[:-1]:
        document = document[part]
    document[path[-1]] = value


DOCUMENTS = {
    name: wa.dump(wa.data.example(name), "dict")
    for name in ("pippi_seregno", "tutela_minori_seregno")
}
# A table where a leaf stood is wrong for every leaf of our documents.
CORRUPT = {"corrupted": [1]}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_corrupted_leaf_is_reported(name: str, data: st.DataObject) -> None:
    document = copy.deepcopy(DOCUMENTS[name])
    leaves = _leaves(document)
    chosen = data.draw(st.lists(st.sampled_from(leaves), min_size=1, max_size=5, unique=True))
    for path in chosen:
        _set(document, path, copy.deepcopy(CORRUPT))
    with pytest.raises(wa.InvalidInput) as caught:
        wa.load(document)
    reported = {detail.path for detail in caught.value.errors}
    for path in chosen:
        text = format_path(path)
        assert any(p == text or p.startswith(text + ".") for p in reported), (text, reported)


def test_type_error_and_wrong_comune_come_together() -> None:
    """The cross-reference check runs even when a field elsewhere has the wrong type."""
    document = copy.deepcopy(DOCUMENTS["pippi_seregno"])
    document["families"][0]["comune"] = "Milano"
    document["families"][1]["children"][0]["birth_date"] = 5
    document["interventions"][0]["weekly_hours"] = "many"
    with pytest.raises(wa.InvalidInput) as caught:
        wa.load(document)
    assert {d.path for d in caught.value.errors} == {
        "families[0].comune",
        "families[1].children[0].birth_date",
        "interventions[0].weekly_hours",
    }

"""configure_converter adds hooks for welfare_ambito's types only; errors read as cattrs groups."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import welfare_ambito as wa
from welfare_ambito import _toml
from welfare_ambito.convert import StructureError, _Problems, configure_converter, structure
from welfare_ambito.model import Child, Family, Partner


@attrs.define
class Shipment:
    """A host application's own class, with defaults and primitives of every kind."""

    name: str
    count: int = 3
    price: Decimal = Decimal("1.5")
    when: dt.date = dt.date(2024, 1, 2)
    flags: tuple[bool, ...] = (True,)
    partner: Partner | None = None


def _host_hooks(conv: cattrs.Converter) -> None:
    """What a host application registers for its own Decimal and date fields."""
    conv.register_structure_hook(Decimal, lambda value, _: Decimal(value))
    conv.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))


def test_host_attrs_class_unstructures_the_same() -> None:
    item = Shipment(name="x", partner=Partner(name="Cooperativa Esempio"))
    plain = cattrs.Converter()
    ours = configure_converter(cattrs.Converter())
    expected = plain.unstructure(Shipment(name="x"))
    assert ours.unstructure(Shipment(name="x")) == expected
    assert ours.unstructure(item)["count"] == 3  # defaults are kept, as cattrs does
    assert ours.unstructure(item)["partner"] == {"name": "Cooperativa Esempio"}


def test_host_primitives_keep_their_hooks() -> None:
    ours = configure_converter(cattrs.Converter())
    plain = cattrs.Converter()
    for value, type_ in (("10", int), (1, str), (1, bool), ("1.5", float)):
        assert ours.structure(value, type_) == plain.structure(value, type_)
    _host_hooks(ours)
    data = {"name": "x", "count": "4", "partner": {"name": "Cooperativa Esempio"}}
    item = ours.structure(data, Shipment)
    assert item.count == 4  # the host's lenient int hook
    assert item.partner == Partner(name="Cooperativa Esempio")  # our hook


def test_our_types_stay_strict_inside_a_host_converter() -> None:
    ours = configure_converter(cattrs.Converter(detailed_validation=True))
    _host_hooks(ours)
    with pytest.raises(cattrs.BaseValidationError) as caught:
        ours.structure({"name": "x", "partner": {"name": 5}}, Shipment)
    messages = cattrs.transform_error(caught.value)
    assert any(m.endswith("@ $.partner.name") for m in messages), messages


def test_structure_errors_are_cattrs_groups_and_invalid_input() -> None:
    bad = {"id": "F1", "children": [{"id": "C1", "birth_date": 5}], "pre_assessment": "maybe"}
    with pytest.raises(StructureError) as caught:
        structure(bad, Family)
    error = caught.value
    assert isinstance(error, wa.InvalidInput)
    assert isinstance(error, cattrs.ClassValidationError)
    assert not isinstance(error, _Problems)
    paths = sorted(m.split(" @ ")[1] for m in cattrs.transform_error(error))
    assert paths == ["$.children[0].birth_date", "$.pre_assessment"]
    assert sorted(d.path for d in error.errors) == ["children[0].birth_date", "pre_assessment"]
    # The message is the document's, not the private carrier's bare "problems".
    assert str(error).startswith("2 problems in the input:")


def test_private_carrier_never_surfaces_from_a_host_converter() -> None:
    ours = configure_converter(cattrs.Converter())
    with pytest.raises(wa.InvalidInput) as caught:
        ours.structure({"id": "C1", "birth_date": "x"}, Child)
    assert type(caught.value) is StructureError


@given(st.text())
def test_toml_strings_round_trip_over_all_of_unicode(text: str) -> None:
    document = {"value": text, text or "empty": [text]}
    assert tomllib.loads(_toml.dumps(document)) == document


def test_delete_character_is_escaped() -> None:
    assert "\\u007F" in _toml.dumps({"name": "a\x7fb"})
    assert tomllib.loads(_toml.dumps({"name": "a\x7fb"})) == {"name": "a\x7fb"}

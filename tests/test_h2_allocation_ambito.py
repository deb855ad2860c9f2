"""allocate(..., ambito=...): recipients are Comuni of the Ambito, with a did-you-mean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import Money, data
from welfare_ambito.budget import allocate, compare_split
from welfare_ambito.cli import main
from welfare_ambito.errors import InvalidValue, NotFound

SEREGNO = data.seregno()


def test_aliases_are_accepted_and_official_names_returned() -> None:
    split = allocate("1000", {"Lentate S/S": 1, "Meda": 2}, ambito="seregno")
    assert list(split) == ["Lentate sul Seveso", "Meda"]
    assert split["Lentate sul Seveso"] == Money("333.33")
    same = allocate("1000", {"Lentate S/S": 1, "Meda": 2}, ambito=SEREGNO)
    assert same.cents() == split.cents()


@pytest.mark.parametrize("method", ["largest_remainder", "webster", "equal", "fixed"])
def test_an_unknown_comune_gets_a_did_you_mean_on_every_method(method: str) -> None:
    with pytest.raises(NotFound) as caught:
        allocate(
            "300", {"Lentate sul Sevso": "100", "Meda": "200"}, method=method, ambito="seregno"
        )
    error = caught.value
    assert error.code == "unknown_comune_suggest"
    assert error.path == "weights.Lentate sul Sevso"
    assert "'Lentate sul Seveso'" in error.text("it")
    assert "forse intendevi" in error.text("it")
    assert "did you mean" in error.text("en")


def test_a_name_far_from_every_comune_is_refused_without_a_suggestion() -> None:
    with pytest.raises(NotFound) as caught:
        allocate("100", {"Roma": 1}, ambito="seregno")
    assert caught.value.code == "unknown_comune"
    assert caught.value.path == "weights.Roma"


def test_bounds_name_comuni_too_and_a_comune_given_twice_is_refused() -> None:
    split = allocate(
        "1000", {"Lentate S/S": 1, "Meda": 1}, minimum={"Lentate S/S": "600"}, ambito="seregno"
    )
    assert split["Lentate sul Seveso"] == Money("600")
    with pytest.raises(NotFound) as caught:
        allocate("1000", {"Meda": 1}, maximum={"Sevesoo": "10"}, ambito="seregno")
    assert caught.value.path == "maximum.Sevesoo"
    with pytest.raises(InvalidValue) as twice:
        allocate("1000", {"Lentate S/S": 1, "Lentate sul Seveso": 1}, ambito="seregno")
    assert twice.value.code == "budget.duplicate_recipient"


@given(st.dictionaries(st.sampled_from(SEREGNO.names()), st.integers(1, 1000), min_size=1))
def test_without_ambito_nothing_changes(weights: dict[str, int]) -> None:
    """Official names: the same split with and without the Ambito."""
    assert (
        allocate("12345.67", weights).cents()
        == allocate("12345.67", weights, ambito="seregno").cents()
    )


def test_compare_split_resolves_comuni() -> None:
    c = compare_split(
        {"Lentate S/S": "100", "Meda": "200"},
        {"utenza": {"Lentate sul Seveso": 1, "Meda": 1}},
        ambito="seregno",
    )
    assert list(c.stated) == ["Lentate sul Seveso", "Meda"]
    with pytest.raises(NotFound) as caught:
        compare_split({"Meda": "1"}, {"utenza": {"Medda": 1}}, ambito="seregno")
    assert caught.value.path == "keys.utenza.Medda"


def test_cli_split_takes_an_ambito_by_id_or_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["budget", "split", "1000", "--weights", "Lentate S/S=1", "Meda=2", "--ambito", "seregno"]
    )
    out, _ = capsys.readouterr()
    assert code == 0
    assert "Lentate sul Seveso" in out
    code = main(
        ["budget", "split", "1000", "--weights", "Lentate sul Sevso=1", "--ambito", "seregno"]
    )
    _, err = capsys.readouterr()
    assert code == 2
    assert "[pesi › Lentate sul Sevso]" in err
    assert "forse intendevi 'Lentate sul Seveso'" in err
    document = {
        "id": "piccolo",
        "name": "Ambito Piccolo",
        "lead": "Meda",
        "comuni": [{"name": "Meda", "istat_code": "108031", "aliases": ["Meda MB"]}],
    }
    path = tmp_path / "ambito.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code = main(
        ["budget", "split", "10", "--weights", "Meda=1", "--ambito", str(path), "--format", "csv"]
    )
    out, _ = capsys.readouterr()
    assert code == 0
    assert "Meda,1" in out

"""Hostile spreadsheets: every bad file is a typed error with a location, never a traceback."""

from __future__ import annotations

import contextlib
import functools
import io
import pathlib
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from welfare_ambito import InvalidValue, WelfareAmbitoError
from welfare_ambito.budget import read_table
from welfare_ambito.cli import main
from welfare_ambito.tables import (
    UNCOMPUTED,
    csv_rows,
    read_families,
    valid_separator,
    xlsx_rows,
)

openpyxl = pytest.importorskip("openpyxl")


def _workbook(path: pathlib.Path, rows: list[list[object]]) -> pathlib.Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("sep", [";;", "", "ab", '"', "\n", "1"])
def test_bad_separators_are_typed_errors(sep: str) -> None:
    """A separator of two characters, a quote or a letter is refused with path 'sep'."""
    with pytest.raises(InvalidValue) as caught:
        valid_separator(sep)
    assert caught.value.path == "sep"
    assert caught.value.code == "tables.separator"


def test_reconcile_with_a_double_separator_exits_2(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`budget reconcile --sep ';;'` exits 2 with a message, no _csv.Error traceback."""
    path = tmp_path / "t.csv"
    path.write_text("x;a;TOTALE\nr;1;1\n", encoding="utf-8")
    assert main(["budget", "reconcile", str(path), "--sep", ";;"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_cell_over_the_limit_is_a_typed_error_with_its_line() -> None:
    """A cell of 131,073 characters is refused at its line, not truncated."""
    text = "famiglia;data di nascita\nF01;" + "x" * 131_073 + "\n"
    with pytest.raises(InvalidValue) as caught:
        list(csv_rows(io.StringIO(text)))
    assert caught.value.code == "tables.cell_too_long"
    assert caught.value.path == "CSV:2"


def test_bytes_that_are_not_the_named_encoding(tmp_path: pathlib.Path) -> None:
    """A UTF-8 file with a Windows-1252 byte deep inside: a typed error at that line, naming
    the way out (an encoding), in words that fit the library and every command."""
    path = tmp_path / "f.csv"
    head = ("famiglia;data di nascita;comune\n" + "F01;01/01/2015;Meda\n" * 8000).encode()
    path.write_bytes(head + b"F02;01/01/2016;Cant\xf9\n")
    with pytest.raises(InvalidValue) as caught:
        read_families(path)
    assert caught.value.code == "tables.encoding"
    assert caught.value.path == "f.csv:8002"
    assert "name its encoding" in caught.value.message
    assert read_families(path, encoding="cp1252")  # named, it reads


def test_not_a_zip_is_a_typed_error(tmp_path: pathlib.Path) -> None:
    """A text file named .xlsx: InvalidValue 'tables.not_xlsx', not BadZipFile."""
    path = tmp_path / "piano.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(InvalidValue) as caught:
        list(xlsx_rows(path))
    assert caught.value.code == "tables.not_xlsx"
    with pytest.raises(WelfareAmbitoError):
        read_table(path)


def _replace_member(source: pathlib.Path, target: pathlib.Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, data if info.filename == name else old.read(info))


@pytest.mark.parametrize(
    "prolog",
    [
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>',
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
        b'<?xml version="1.0"?>\n<!-- ' + b" " * 70_000 + b" -->\n<!doctype x>",
    ],
)
def test_xml_entities_and_dtds_are_refused(tmp_path: pathlib.Path, prolog: bytes) -> None:
    """Billion laughs and external entities in any XML part: 'tables.xlsx_entities'."""
    good = _workbook(tmp_path / "good.xlsx", [["Comune", "TOTALE"], ["Meda", 1]])
    original = zipfile.ZipFile(good).read("xl/worksheets/sheet1.xml")
    body = original[original.index(b"<worksheet") :]
    bad = tmp_path / "bad.xlsx"
    _replace_member(good, bad, "xl/worksheets/sheet1.xml", prolog + body)
    with pytest.raises(InvalidValue) as caught:
        list(xlsx_rows(bad))
    assert caught.value.code == "tables.xlsx_entities"


def test_a_whitespace_bomb_stops_at_the_size_cap(tmp_path: pathlib.Path) -> None:
    """A sheet part that inflates past the cap is refused before parsing."""
    good = _workbook(tmp_path / "good.xlsx", [["Comune", "TOTALE"], ["Meda", 1]])
    original = zipfile.ZipFile(good).read("xl/worksheets/sheet1.xml")
    split = original.index(b"<sheetData>")
    bomb = original[:split] + b" " * 3_000_000 + original[split:]
    bad = tmp_path / "bomb.xlsx"
    _replace_member(good, bad, "xl/worksheets/sheet1.xml", bomb)
    assert bad.stat().st_size < 100_000
    with pytest.raises(InvalidValue) as caught:
        list(xlsx_rows(bad, max_bytes=1_000_000))
    assert caught.value.code == "tables.xlsx_too_large"
    assert [r for _, r in xlsx_rows(bad)] == [["Comune", "TOTALE"], ["Meda", 1]]


def test_rows_over_the_cap_are_refused(tmp_path: pathlib.Path) -> None:
    """More rows than allowed: 'tables.too_many_rows' at the first row over."""
    path = _workbook(tmp_path / "f.xlsx", [["a"], *([[i] for i in range(10)])])
    with pytest.raises(InvalidValue) as caught:
        list(xlsx_rows(path, max_rows=5))
    assert caught.value.code == "tables.too_many_rows"
    assert caught.value.path == "Sheet!A6"


def test_formulas_without_cached_values_are_reported_not_dropped(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A table saved by a library (formulas never computed): reconcile exits 2, not '0 differ'."""
    path = _workbook(
        tmp_path / "t.xlsx",
        [["Comune", "A", "TOTALE"], ["Meda", "=1+1", "=B2"], ["TOTALE", "=B2", "=C2"]],
    )
    rows = [r for _, r in xlsx_rows(path)]
    assert rows[1] == ["Meda", UNCOMPUTED, UNCOMPUTED]
    with pytest.raises(InvalidValue) as caught:
        read_table(path)
    assert caught.value.code == "budget.table_uncomputed"
    assert main(["budget", "reconcile", str(path)]) == 2
    assert "formula" in capsys.readouterr().err


def test_a_family_cell_with_an_uncomputed_formula_is_reported(tmp_path: pathlib.Path) -> None:
    """In a families sheet, an uncomputed formula is an error at its cell."""
    from welfare_ambito import InvalidInput

    path = _workbook(tmp_path / "f.xlsx", [["famiglia", "data di nascita"], ["F01", "=TODAY()"]])
    with pytest.raises(InvalidInput) as caught:
        read_families(path)
    assert caught.value.errors[0].path == "Sheet!B2"
    assert caught.value.errors[0].code == "tables.uncomputed_formula"


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_as_a_families_csv_raise_only_typed_errors(data: bytes) -> None:
    """Fuzz: arbitrary bytes through the CSV door give families or a WelfareAmbitoError."""
    with contextlib.suppress(WelfareAmbitoError):
        read_families(io.StringIO(data.decode("cp1252", errors="replace")))


@functools.cache
def _good_workbook_bytes() -> bytes:
    buffer = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.append(["famiglia", "data di nascita"])
    book.active.append(["F01", "01/01/2015"])
    book.save(buffer)
    return buffer.getvalue()


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data())
def test_mutated_workbooks_raise_only_typed_errors(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Fuzz: a valid workbook with bytes flipped reads or fails with a WelfareAmbitoError."""
    folder = tmp_path_factory.mktemp("fuzz")
    raw = bytearray(_good_workbook_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    bad = folder / "bad.xlsx"
    bad.write_bytes(bytes(raw))
    with contextlib.suppress(WelfareAmbitoError):
        read_families(bad)

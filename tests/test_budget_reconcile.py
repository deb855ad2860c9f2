"""Tables and reconciliation: the 2011 Rhodense spending table of seed 003, CSV and XLSX."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import Money
from welfare_ambito.budget import (
    Table,
    embedded_tables,
    load_table,
    parse_table_csv,
    read_table,
    reconcile,
    rhodense_spesa_2011,
)
from welfare_ambito.errors import InvalidValue, NotFound

REPO = Path(__file__).resolve().parent.parent
AREAS = (
    "Anziani", "Disabili", "Minori", "Immigrazione", "Emarginazione", "Dipendenze",
    "Salute Mentale", "Compartecipazione Socio Sanitaria", "Segr Sociale/Serv Sociale di base",
)  # fmt: skip
COMUNI = (
    "Arese", "Cornaredo", "Lainate", "Pero", "Pogliano M.se", "Pregnana M.se", "Rho",
    "Settimo M.se", "Vanzago",
)  # fmt: skip


def test_seed_003_table_is_embedded_with_its_citation() -> None:
    """Nine Comuni plus TOTALE × nine areas plus TOTALE, with the seed and section cited."""
    table = rhodense_spesa_2011()
    assert "rhodense_spesa_2011" in embedded_tables()
    assert table.rows == (*COMUNI, "TOTALE")
    assert table.columns == (*AREAS, "TOTALE")
    assert table.cell("Pregnana M.se", "Compartecipazione Socio Sanitaria") == Money("506212")
    assert table.cell("Rho", "Dipendenze") == Money(0)  # "-" in the seed
    assert table.cell("TOTALE", "TOTALE") == Money("28955492.87")
    meta = tomllib.loads(
        resources.files("welfare_ambito")
        .joinpath("data/tables/rhodense_spesa_2011.toml")
        .read_text("utf-8")
    )
    assert meta["source"]["seed"] == "sercop-bilancio-sociale-2011"
    assert meta["source"]["section"] == (
        "SPESA SOCIALE DEI COMUNI DEL RHODENSE PER AREE DI INTERVENTO – ANNO 2011"
    )
    assert table.citation is not None
    assert "Bilancio sociale 2011" in table.citation
    assert "003_9e96d65d23ab23e3" not in table.citation


def test_seed_003_figures_match_the_seed_text(seeds_dir: Path) -> None:
    """Every figure of the embedded table appears, row by row, in the seed as published."""
    text = (seeds_dir / "003_9e96d65d23ab23e3.txt").read_text("utf-8")
    table = rhodense_spesa_2011()
    lines = [ln.split() for ln in text.splitlines()]
    for label, record in zip(table.rows, table.to_csv().splitlines()[1:], strict=True):
        cells = record.split(";")[1:]
        assert any(tokens[-len(cells) :] == cells for tokens in lines), label


def test_example_csv_is_identical_to_the_embedded_one() -> None:
    """examples/rhodense_spesa_2011.csv is a byte-for-byte copy of the embedded data."""
    embedded = resources.files("welfare_ambito").joinpath("data/tables/rhodense_spesa_2011.csv")
    assert (REPO / "examples" / "rhodense_spesa_2011.csv").read_bytes() == embedded.read_bytes()


def test_seed_003_reconciliation_finds_three_cent_discrepancies() -> None:
    """As published, two row totals and one column total are off by cents; nothing else."""
    result = reconcile(rhodense_spesa_2011())
    assert result.total_row
    assert result.total_column
    assert result.checked == 20
    found = [(f.code, f.row, f.column, f.stated, f.computed, f.difference) for f in result.findings]
    assert found == [
        ("budget.table_row_total", "Cornaredo", "TOTALE",
         Money("3288012.25"), Money("3288012.26"), Money("-0.01")),
        ("budget.table_row_total", "Pero", "TOTALE",
         Money("2122116.11"), Money("2122116.09"), Money("0.02")),
        ("budget.table_column_total", "TOTALE", "Segr Sociale/Serv Sociale di base",
         Money("3272311.69"), Money("3272311.68"), Money("0.01")),
    ]  # fmt: skip
    assert not result.ok
    assert "Cornaredo" in str(result)
    assert "<table" in result._repr_html_()
    record = result.to_records()[1]
    assert record["row"] == "Pero"
    assert str(record["difference"]) == "0.02"


def test_grand_total_agrees_both_ways() -> None:
    """The published TOTALE/TOTALE equals both the sum of row totals and of column totals."""
    table = rhodense_spesa_2011()
    grand = table.cell("TOTALE", "TOTALE")
    assert sum(table.column("TOTALE").values(), Money(0)) - grand == grand
    assert sum(table.row("TOTALE").values(), Money(0)) - grand == grand


@st.composite
def consistent_tables(draw: Any) -> Table:
    rows = draw(st.integers(1, 6))
    cols = draw(st.integers(1, 5))
    body = [[draw(st.integers(0, 10**8)) for _ in range(cols)] for _ in range(rows)]
    full = [[*r, sum(r)] for r in body]
    full.append([sum(c) for c in zip(*full, strict=True)])
    return Table(
        columns=[*(f"c{j}" for j in range(cols)), "TOTALE"],
        rows=[*(f"r{i}" for i in range(rows)), "TOTALE"],
        cents=full,
    )


@given(table=consistent_tables(), data=st.data())
def test_one_wrong_body_cell_gives_one_row_and_one_column_finding(table: Table, data: Any) -> None:
    """Changing one inner cell makes exactly its row total and its column total differ."""
    assert reconcile(table).ok
    i = data.draw(st.integers(0, len(table.rows) - 2))
    j = data.draw(st.integers(0, len(table.columns) - 2))
    delta = data.draw(st.integers(-1000, 1000).filter(bool))
    cents = [list(r) for r in table.cents]
    cents[i][j] += delta
    changed = Table(columns=table.columns, rows=table.rows, cents=cents)
    findings = reconcile(changed).findings
    assert [(f.row, f.column) for f in findings] == [(f"r{i}", "TOTALE"), ("TOTALE", f"c{j}")]
    assert all(f.difference == Money.from_cents(-delta) for f in findings)


@given(table=consistent_tables())
def test_csv_round_trip(table: Table) -> None:
    """A table written as Italian CSV reads back identical."""
    assert parse_table_csv(table.to_csv()).cents == table.cents
    assert parse_table_csv(table.to_csv(sep=",")).cents == table.cents


def test_comma_separated_csv_with_quoted_italian_numbers() -> None:
    """Comma-separated files quote Italian amounts; '-' is zero."""
    table = parse_table_csv('Comune,A,TOTALE\nX,"1.234,50",-\nTOTALE,"1.234,50","1.234,50"\n')
    findings = reconcile(table).findings
    assert [(f.row, f.column, f.stated) for f in findings] == [
        ("X", "TOTALE", Money(0)),
        ("TOTALE", "TOTALE", Money("1234.50")),
    ]


def test_totals_are_detected_by_label_or_given() -> None:
    """Only a total column: rows are checked; no total at all is a clear error."""
    only_column = parse_table_csv("x;a;b;Totale\nr;1;2;3\n")
    assert reconcile(only_column).checked == 1
    assert reconcile(only_column).ok
    plain = parse_table_csv("x;a;b\nr;1;2\n")
    with pytest.raises(InvalidValue) as info:
        reconcile(plain)
    assert info.value.code == "budget.no_totals"
    assert reconcile(plain, total_column=True).findings[0].computed == Money(1)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("x;a\nr;1;2\n", "budget.table_shape"),
        ("x;a\nr;\n", "budget.table_empty_cell"),
        ("x;a\nr;abc\n", "budget.table_number"),
        ("x\nr\n", "budget.table_header"),
        ("", "budget.table_empty"),
        ("x;a\nr;1\nr;2\n", "budget.table_duplicate"),
    ],
)
def test_malformed_csv_is_a_clear_error(text: str, code: str) -> None:
    """Malformed tables raise InvalidValue with a code and a location."""
    with pytest.raises(InvalidValue) as info:
        parse_table_csv(text)
    assert info.value.code == code


def test_unknown_embedded_table_and_cell() -> None:
    """Unknown names are NotFound."""
    with pytest.raises(NotFound):
        load_table("nope")
    with pytest.raises(NotFound):
        rhodense_spesa_2011().cell("Milano", "Minori")


def test_xlsx_reads_numbers_and_text(tmp_path: Path) -> None:
    """An XLSX table (numbers or Italian text) reads like the CSV one (openpyxl extra)."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    source = rhodense_spesa_2011()
    sheet.append([source.row_header, *source.columns])
    for label, values in zip(source.rows, source.cents, strict=True):
        sheet.append(
            [
                label,
                *(
                    v / 100 if k % 2 else f"{Money.from_cents(v).amount}"
                    for k, v in enumerate(values)
                ),
            ]
        )
    path = tmp_path / "spesa.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.cents == source.cents
    assert len(reconcile(table).findings) == 3


def test_table_to_pandas() -> None:
    """to_pandas gives a frame indexed by Comune with exact Decimal amounts."""
    pytest.importorskip("pandas")
    frame = rhodense_spesa_2011().to_pandas()
    assert frame.loc["Rho", "TOTALE"] == Money("9459025.88").amount

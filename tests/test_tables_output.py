"""Tables out: results, reports and budget outputs to CSV/XLSX/JSON, safe against formula injection."""

from __future__ import annotations

import csv
import io
import json
import pathlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import data
from welfare_ambito.budget import allocate, phase, reconcile, rhodense_spesa_2011
from welfare_ambito.periods import Period
from welfare_ambito.rules import evaluate
from welfare_ambito.tables import escape_cell, export, write_rows


@given(st.text(max_size=30))
def test_no_escaped_text_starts_like_a_formula(text: str) -> None:
    """After escaping, no text begins with = + - @ tab or CR; safe text is unchanged."""
    escaped = escape_cell(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert escaped in (text, "'" + text)


@given(st.lists(st.text(max_size=20), min_size=1, max_size=5))
def test_csv_cells_round_trip_apart_from_the_escape(cells: list[str]) -> None:
    """What write_rows writes to CSV reads back as the escaped cells."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder, "x.csv")
        write_rows(path, ["a"] * len(cells), [cells])
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
    assert rows[1] == [escape_cell(c) for c in cells]


def test_report_allocation_phasing_reconciliation_export_to_xlsx(tmp_path: pathlib.Path) -> None:
    """Each result with to_records() exports to XLSX with numbers as numbers."""
    openpyxl = pytest.importorskip("openpyxl")
    report = evaluate(data.example("pippi_seregno_mistakes"), "seregno-pippi-2023")
    results = {
        "report": report,
        "split": allocate("430900", {"Meda": 108, "Seregno": 255}),
        "phasing": phase("211500", Period.parse("2023-06-01/2026-05-31"), unit="semester"),
        "reconciliation": reconcile(rhodense_spesa_2011()),
    }
    for name, result in results.items():
        path = tmp_path / f"{name}.xlsx"
        assert export(result, path) == len(result.to_records())
        rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
        assert len(rows) == len(result.to_records()) + 1
    phased = list(
        openpyxl.load_workbook(tmp_path / "phasing.xlsx").active.iter_rows(values_only=True)
    )
    amount = phased[0].index("amount")
    assert sum(Decimal(str(r[amount])) for r in phased[1:]) == Decimal("211500")


def test_json_export_keeps_exact_amount_strings(tmp_path: pathlib.Path) -> None:
    """JSON export writes Decimal amounts as exact strings."""
    path = tmp_path / "split.json"
    export(allocate("100", {"a": 1, "b": 2}), path)
    records = json.loads(path.read_text(encoding="utf-8"))
    assert sum(Decimal(r["amount"]) for r in records) == Decimal("100")
    assert isinstance(io.StringIO, type)


def test_tables_public_names_have_docstrings_and_import_lightly() -> None:
    """Every name in welfare_ambito.tables.__all__ exists and is documented; no pandas on import."""
    import inspect
    import subprocess
    import sys

    import welfare_ambito.tables as tables

    for name in tables.__all__:
        obj = getattr(tables, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert inspect.getdoc(obj), name
    code = "import sys, welfare_ambito.tables; print('pandas' in sys.modules, 'openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]

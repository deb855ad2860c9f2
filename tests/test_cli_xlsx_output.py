"""Reports and budget results go to a workbook (`--format xlsx -o FILE`) or any file (`-o`)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from welfare_ambito import data
from welfare_ambito.cli import main

openpyxl = pytest.importorskip("openpyxl")


def _rows(path: Path) -> tuple[str, list[tuple[object, ...]]]:
    sheet = openpyxl.load_workbook(path).active
    return sheet.title, list(sheet.iter_rows(values_only=True))


def test_check_writes_one_row_per_finding_to_a_workbook(tmp_path: Path) -> None:
    """The workbook holds every finding; the exit code is the check's, the terminal gets text."""
    plan = tmp_path / "piano.toml"
    plan.write_text(data.example_text("pippi_seregno_mistakes"), encoding="utf-8")
    out = tmp_path / "esito.xlsx"
    code = main(["check", str(plan), "--format", "xlsx", "-o", str(out), "--verbose"])
    title, rows = _rows(out)
    assert code == 1
    assert title == "Esito"
    header, body = rows[0], rows[1:]
    failed = [r for r in body if r[header.index("outcome")] == "fail"]
    assert len(body) > len(failed) > 0
    assert {"rule", "outcome", "severity", "message"} <= set(header)


def test_check_output_file_holds_the_chosen_format(tmp_path: Path) -> None:
    """`-o` with json writes the same document the terminal would get."""
    plan = tmp_path / "piano.toml"
    plan.write_text(data.example_text("pippi_seregno"), encoding="utf-8")
    out = tmp_path / "esito.json"
    code = main(["check", str(plan), "--format", "json", "-o", str(out)])
    assert code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["ok"] is True


@pytest.mark.parametrize("argv", [["check", "x.toml", "--format", "xlsx"]])
def test_xlsx_without_a_workbook_name_is_a_usage_error(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format xlsx needs -o FILE.xlsx: a typed error naming --output, exit 2."""
    plan = tmp_path / "x.toml"
    plan.write_text(data.example_text("pippi_seregno"), encoding="utf-8")
    code = main([argv[0], str(plan), *argv[2:]])
    assert code == 2
    assert "-o FILE.xlsx" in capsys.readouterr().err


def test_budget_split_to_a_workbook_keeps_amounts_exact(tmp_path: Path) -> None:
    """Amounts are numbers to the cent; a quota that does not terminate is exact text."""
    out = tmp_path / "riparto.xlsx"
    code = main(
        [
            "budget",
            "split",
            "100",
            "--weights",
            "a=1",
            "b=1",
            "c=1",
            "--format",
            "xlsx",
            "-o",
            str(out),
        ]
    )
    title, rows = _rows(out)
    assert code == 0
    assert title == "Riparto"
    header, body = rows[0], rows[1:]
    amounts = [Decimal(str(r[header.index("amount")])) for r in body]
    assert sum(amounts) == Decimal("100")
    assert [r[header.index("quota")] for r in body] == ["100/3"] * 3


def test_budget_csv_to_a_file(tmp_path: Path) -> None:
    """`-o` writes the chosen format to the file instead of the terminal."""
    out = tmp_path / "riparto.csv"
    code = main(
        ["budget", "split", "100", "--weights", "a=1", "b=3", "--format", "csv", "-o", str(out)]
    )
    assert code == 0
    assert out.read_text(encoding="utf-8").splitlines()[1] == "a,1,25,25.00,0,"

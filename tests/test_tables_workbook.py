"""Plan workbooks: the template a partner fills, read back and checked with findings at the cell."""

from __future__ import annotations

import pathlib

import pytest

from welfare_ambito import InvalidInput, data
from welfare_ambito.cli import main
from welfare_ambito.tables import SHEETS, read_plan_workbook, write_plan_template

openpyxl = pytest.importorskip("openpyxl")


def test_template_has_a_sheet_per_part_dropdowns_and_notes(tmp_path: pathlib.Path) -> None:
    """`plan template pippi` writes Italian sheets, list validations and the notice's sentences."""
    path = tmp_path / "piano.xlsx"
    assert main(["plan", "template", "pippi", "-o", str(path)]) == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Piano", *SHEETS.values(), "Note"]
    hours = book["Monte ore"]
    assert [c.value for c in hours[1]] == ["professione", "ore", "costo orario"]
    assert [r[0].value for r in hours.iter_rows(min_row=2)] == [
        "educatore",
        "psicologo/a",
        "pedagogista",
        "mediatore culturale",
    ]
    lists = [v.formula1 for v in hours.data_validations.dataValidation]
    assert any("psicologo/a" in f for f in lists)
    assert "6.000" in hours["A1"].comment.text
    quotes = [r[2] for r in book["Note"].iter_rows(min_row=2, values_only=True)]
    assert any("otto ore settimanali" in q for q in quotes)
    families = book["Famiglie"]
    assert any(v.formula1 == '"sì,no"' for v in families.data_validations.dataValidation)


def test_empty_template_reports_the_cells_to_fill(tmp_path: pathlib.Path) -> None:
    """Checking the blank template exits 2 naming the required cells, not a traceback."""
    path = tmp_path / "piano.xlsx"
    write_plan_template(path)
    with pytest.raises(InvalidInput) as caught:
        read_plan_workbook(path)
    paths = [e.path for e in caught.value.errors]
    assert "Piano!B2" in paths
    assert "Monte ore!B2" in paths


@pytest.mark.parametrize("name", ["pippi_seregno", "pippi_seregno_mistakes"])
def test_a_plan_written_to_a_workbook_reads_back_equal(tmp_path: pathlib.Path, name: str) -> None:
    """Every part of the P.I.P.P.I. examples survives the workbook round trip."""
    path = tmp_path / "piano.xlsx"
    plan = data.example(name)
    write_plan_template(path, plan=plan)
    assert read_plan_workbook(path).plan == plan


def test_filled_template_is_checked_with_findings_at_the_cell(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check piano.xlsx` reports the mistakes at their cells: «Monte ore!B2», «Gruppi!C2»."""
    path = tmp_path / "piano.xlsx"
    write_plan_template(path, plan=data.example("pippi_seregno_mistakes"))
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "pippi.hours.educator @ Monte ore!B2" in out
    assert "pippi.groups.meetings @ Gruppi!C2" in out
    assert "pippi.sedt.weekly_hours @ Interventi!C4" in out
    assert "pippi.target.trust @ Famiglie!E7" in out


def test_bad_cells_and_dangling_references_are_reported_at_their_cells(
    tmp_path: pathlib.Path,
) -> None:
    """A word in a number cell and an intervention for an unknown family: errors at the cells."""
    path = tmp_path / "piano.xlsx"
    write_plan_template(path, plan=data.example("pippi_seregno"))
    book = openpyxl.load_workbook(path)
    book["Interventi"]["C3"] = "otto"
    book.save(path)
    with pytest.raises(InvalidInput) as caught:
        read_plan_workbook(path)
    assert [e.path for e in caught.value.errors] == ["Interventi!C3"]
    book = openpyxl.load_workbook(path)
    book["Interventi"]["C3"] = 8
    book["Interventi"]["D2"] = "F99"
    book.save(path)
    with pytest.raises(InvalidInput) as caught:
        read_plan_workbook(path)
    assert [e.path for e in caught.value.errors] == ["Interventi!D2"]

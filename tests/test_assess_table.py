"""Batch screening: assess_table streams families; `welfare-ambito assess` writes results files."""

from __future__ import annotations

import datetime as dt
import io
import json
import pathlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests._tables_data import as_csv

from welfare_ambito.cli import main
from welfare_ambito.eligibility import assess, assess_table
from welfare_ambito.model import Family
from welfare_ambito.testing.strategies import families

ON = dt.date(2023, 6, 1)
HEADER = (
    "Famiglia;Comune;Minore;Data di nascita;Valutazione preliminare;Orientamento EM;"
    "Fiducia nei servizi;Abuso o maltrattamento grave;Allontanamento in corso;Fragilità"
)
_PRE = ["Preoccupante", "preoccupante", "non preoccupante", ""]
_ORIENT = ["Mantenimento in famiglia", "riunificazione", "allontanamento", ""]
_FLAG = ["Sì", "no", "", "SI"]


def italian_export(path: pathlib.Path, count: int = 50) -> pathlib.Path:
    """An Excel-on-Italian-Windows export: cp1252, ';', CRLF, dd/mm/yyyy, labels, blanks."""
    lines = [HEADER]
    for n in range(1, count + 1):
        fid = f"F{n:03d}"
        for child in range(1 + n % 3):
            first = child == 0
            year = 2008 + (n + child * 5) % 15
            lines.append(
                ";".join(
                    [
                        fid,
                        "Seregno" if first else "",
                        f"{fid}-C{child + 1}",
                        f"{1 + n % 28:02d}/{1 + child * 4:02d}/{year}",
                        _PRE[n % 4] if first else "",
                        _ORIENT[(n // 4) % 4] if first else "",
                        _FLAG[n % 4] if first else "",
                        ("" if n % 7 == 0 else "no") if first else "",
                        "no" if first else "",
                        "Disabilità" if first and n % 5 == 0 else "",
                    ]
                )
            )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def test_acceptance_excel_italian_export_to_results_xlsx(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """50 families from an Italian Excel CSV, one command, a results XLSX naming the missing inputs."""
    openpyxl = pytest.importorskip("openpyxl")
    source = italian_export(tmp_path / "famiglie.csv")
    out = tmp_path / "esiti.xlsx"
    code = main(["assess", str(source), "--on", "01/06/2023", "-o", str(out)])
    assert code == 0
    summary = capsys.readouterr().out
    assert "Famiglie esaminate: 50" in summary
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book["Esiti"].iter_rows(values_only=True))
    assert rows[0][:3] == ("famiglia", "righe", "esito")
    assert len(rows) == 51
    review = [r for r in rows[1:] if r[2] == "da valutare"]
    assert review
    assert all(r[7] for r in review)
    assert any("Fiducia nei servizi" in (r[7] or "") for r in rows[1:])
    assert sum(r[2] == "rientra nel target" for r in rows[1:]) >= 1
    counts = dict(book["Riepilogo"].iter_rows(values_only=True))
    assert sum(counts.values()) == 50
    assert counts["da valutare"] == len(review)


def test_screening_agrees_with_assess_on_prebuilt_families(tmp_path: pathlib.Path) -> None:
    """Each streamed result has the outcome assess() gives the same family built by hand."""
    from welfare_ambito.tables import read_families

    source = italian_export(tmp_path / "famiglie.csv", count=12)
    built = read_families(source)
    streamed = list(assess_table(source, on=ON))
    assert [r.family for r in streamed] == [f.id for f in built]
    assert [r.outcome for r in streamed] == [assess(f, on=ON).outcome.value for f in built]


def test_csv_and_json_outputs_escape_formulas_and_type_values(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text starting like a formula (here the file name in an error) is escaped; JSON has codes."""
    source = tmp_path / "+f.csv"
    source.write_text(
        "famiglia;data di nascita;comune\n-F1;01/01/2016;=HYPERLINK(1)\nF2;01/01/2016;\n"
        "F3;01/01/2016;\n",
        encoding="utf-8",
    )
    out = tmp_path / "esiti.csv"
    assert main(["assess", str(source), "--on", "2023-06-01", "-o", str(out), "--lang", "en"]) == 2
    text = out.read_text(encoding="utf-8-sig")
    assert ";'+f.csv!A2: " in text
    out_json = tmp_path / "esiti.json"
    assert main(["assess", str(source), "--on", "2023-06-01", "-o", str(out_json)]) == 2
    records = json.loads(out_json.read_text(encoding="utf-8"))
    assert [r["outcome"] for r in records] == ["invalid", "needs_review", "needs_review"]
    assert "Families screened: 3" in capsys.readouterr().out


def test_bad_rows_are_reported_and_the_others_go_on(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row with a bad date: exit 2, its result says invalid with the cell; others are assessed."""
    source = tmp_path / "f.csv"
    source.write_text(
        "famiglia;data di nascita\nF1;01/01/2016\nF2;31/02/2016\nF3;01/01/2030\n", encoding="utf-8"
    )
    out = tmp_path / "esiti.json"
    assert main(["assess", str(source), "--on", "2023-06-01", "-o", str(out)]) == 2
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [r["outcome"] for r in records] == ["needs_review", "invalid", "invalid"]
    assert records[1]["errors"].startswith("f.csv!B3")
    assert "2030" not in records[2]["errors"]


def test_a_missing_column_or_file_exits_2_without_traceback(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No birth-date column, or no such file: exit 2 with a message."""
    source = tmp_path / "f.csv"
    source.write_text("famiglia;comune\nF1;Meda\n", encoding="utf-8")
    out = str(tmp_path / "o.csv")
    assert main(["assess", str(source), "--on", "2023-06-01", "-o", out]) == 2
    assert "data di nascita" in capsys.readouterr().err
    assert main(["assess", str(tmp_path / "none.csv"), "--on", "2023-06-01", "-o", out]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert main(["assess", str(source), "--on", "2023-06-01", "-o", str(tmp_path / "o.txt")]) == 2


def test_to_pandas_has_categorical_outcomes(tmp_path: pathlib.Path) -> None:
    """TableScreening.to_pandas: outcome and group categorical with every allowed value."""
    pytest.importorskip("pandas")
    source = italian_export(tmp_path / "famiglie.csv", count=8)
    frame = assess_table(source, on=ON).to_pandas()
    assert str(frame["outcome"].dtype) == "category"
    assert list(frame["outcome"].cat.categories) == [
        "eligible",
        "not_eligible",
        "needs_review",
        "invalid",
    ]
    assert len(frame) == 8


def test_assessment_and_report_records() -> None:
    """Assessment.to_records has one row per finding; Report.to_pandas types outcomes."""
    pytest.importorskip("pandas")
    from welfare_ambito import data
    from welfare_ambito.rules import evaluate

    plan = data.example("pippi_seregno_mistakes")
    result = assess(plan.families[0], on=plan.period.start)
    assert len(result.to_records()) == len(result.findings)
    assert str(result.to_pandas()["outcome"].dtype) == "category"
    report = evaluate(plan, "seregno-pippi-2023")
    frame = report.to_pandas()
    assert len(frame) == len(report.findings)
    assert frame["severity"].cat.categories.tolist() == ["error", "warning", "info"]


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(families(on=ON), min_size=1, max_size=4, unique_by=lambda f: f.id))
def test_streamed_outcomes_equal_assess_for_any_families(rows: list[Family]) -> None:
    """For any families written as a table, the streamed outcome is assess()'s outcome."""
    results = list(assess_table(io.StringIO(as_csv(rows, ";")), on=ON))
    assert [r.outcome for r in results] == [assess(f, on=ON).outcome.value for f in rows]


def test_no_progress_output_when_not_a_terminal(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a pipe (not a TTY) the command prints no progress bar: stderr stays empty."""
    source = italian_export(tmp_path / "famiglie.csv", count=5)
    assert main(["assess", str(source), "--on", "2023-06-01", "-o", str(tmp_path / "e.csv")]) == 0
    assert capsys.readouterr().err == ""


def test_openpyxl_parses_through_defusedxml() -> None:
    """With the xlsx extra installed, openpyxl's XML parser is defusedxml's."""
    pytest.importorskip("defusedxml")
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_cli_mapping_encoding_and_separator_options(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--mapping, --encoding and --sep adapt a vendor's cp1252 export from the shell."""
    (tmp_path / "mappa.toml").write_text(
        '[columns]\n"Cod. Nucleo" = "family"\n"Nato il" = "birth_date"\n"Città" = "comune"\n',
        encoding="utf-8",
    )
    source = tmp_path / "export.csv"
    source.write_bytes("Cod. Nucleo|Nato il|Città\r\nN1|12/04/2016|Cantù\r\n".encode("cp1252"))
    out = tmp_path / "esiti.json"
    argv = ["assess", str(source), "--on", "2023-06-01", "-o", str(out)]
    options = ["--mapping", str(tmp_path / "mappa.toml"), "--encoding", "cp1252", "--sep", "|"]
    assert main([*argv, *options]) == 0
    (record,) = json.loads(out.read_text(encoding="utf-8"))
    assert record["family"] == "N1"
    assert record["outcome"] == "needs_review"

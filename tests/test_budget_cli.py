"""The `welfare-ambito budget` commands: split, phase, reconcile, and their exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from welfare_ambito.cli import main

REPO = Path(__file__).resolve().parent.parent
CASELOAD_ARGS = [
    "Barlassina=44", "Giussano=129", "Lentate sul Seveso=86", "Meda=108", "Seregno=255", "Seveso=140",
]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["budget", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_split_by_caseload_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    """budget split prints the shares; JSON amounts are exact decimal strings."""
    code, out, _ = run(
        capsys, "split", "430.900,00", "--weights", *CASELOAD_ARGS, "--format", "json"
    )
    assert code == 0
    document = json.loads(out)
    assert (document["schema"], document["version"]) == ("welfare-ambito/budget-split", 1)
    shares = {r["recipient"]: r["amount"] for r in document["records"]}
    assert shares["Seregno"] == "144198.82"
    assert shares["Meda"] == "61072.44"


def test_split_from_a_weights_file_as_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--weights-file reads name;weight lines (a header is allowed)."""
    path = tmp_path / "caseloads.csv"
    path.write_text("comune;utenti\nMeda;108\nSeveso;140\n", encoding="utf-8")
    code, out, _ = run(
        capsys,
        "split",
        "1000",
        "--weights-file",
        str(path),
        "--method",
        "webster",
        "--format",
        "csv",
    )
    assert code == 0
    assert out.splitlines()[0].startswith("recipient,weight")
    assert "Meda,108" in out


def test_split_text_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The default output is a text table with the total."""
    code, out, _ = run(capsys, "split", "100", "--weights", "a=1", "b=2")
    assert code == 0
    assert "€ 33,33" in out
    assert "€ 100,00" in out


def test_phase_by_semester(capsys: pytest.CaptureFixture[str]) -> None:
    """budget phase spreads € 211.500 over June 2023 – May 2026 by half-year."""
    code, out, _ = run(
        capsys,
        "phase",
        "211500",
        "2023-06/2026-05",
        "--by",
        "semester",
        "--basis",
        "months",
        "--format",
        "json",
    )
    assert code == 0
    document = json.loads(out)
    assert document["schema"] == "welfare-ambito/budget-phase"
    assert [r["amount"] for r in document["records"]] == ["35250.00"] * 6
    assert [r["weight"] for r in document["records"]] == ["6"] * 6


def test_reconcile_the_seed_003_example_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """The published Rhodense table has discrepancies: exit status 1, each listed."""
    code, out, _ = run(
        capsys, "reconcile", str(REPO / "examples" / "rhodense_spesa_2011.csv"), "--format", "json"
    )
    assert code == 1
    records = json.loads(out)["records"]
    assert [(r["row"], r["difference"]) for r in records] == [
        ("Cornaredo", "-0.01"), ("Pero", "0.02"), ("TOTALE", "0.01"),
    ]  # fmt: skip


def test_reconcile_a_consistent_table_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A table whose totals add up exits 0."""
    path = tmp_path / "ok.csv"
    path.write_text("x;a;TOTALE\nr;1,50;1,50\nTOTALE;1,50;1,50\n", encoding="utf-8")
    code, out, _ = run(capsys, "reconcile", str(path), "--lang", "en")
    assert code == 0
    assert "0 differ" in out
    code, out, _ = run(capsys, "reconcile", str(path))
    assert "0 discordanti" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("split", "abc", "--weights", "a=1"),
        ("split", "10", "--weights", "a=-1"),
        ("split", "10", "--weights", "novalue"),
        ("split", "10", "--weights", "a=1", "--minimum", "20"),
        ("split", "10", "--weights-file", "/nonexistent/weights.csv"),
        ("phase", "10", "2023-06"),
        ("phase", "10", "2026-06-01/2023-01-01"),
        ("reconcile", "/nonexistent/table.csv"),
    ],
)
def test_invalid_input_exits_2_without_traceback(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    """Invalid input: exit 2 and a bilingual message on stderr, no traceback."""
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "Traceback" not in err
    assert err.startswith("errore")


def test_reconcile_a_malformed_table_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A table with a non-number cell exits 2 naming the cell."""
    path = tmp_path / "bad.csv"
    path.write_text("x;a;TOTALE\nr;uno;1\n", encoding="utf-8")
    code, _, err = run(capsys, "reconcile", str(path))
    assert code == 2
    assert "r / a" in err


def _weights_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pesi.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_weights_file_with_an_ambiguous_cell_is_refused_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """'1.500' in a weights file is refused with its line and name, never read as 1.5."""
    path = _weights_file(tmp_path, "Comune Piccolo;950\nComune Grande;1.500\n")
    code, out, err = run(capsys, "split", "10000", "--weights-file", str(path), "--lang", "en")
    assert code == 2
    assert out == ""
    assert f"[{path} › line 2 (Comune Grande)]" in err
    assert "'1.500' could be 1500 or 1.5" in err
    assert "15,76" not in out + err


def test_the_ambiguous_cell_on_the_first_line_is_not_taken_for_a_header(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A first line whose weight holds digits is data: it is read or refused, never skipped."""
    path = _weights_file(tmp_path, "Comune Grande;1.500\nComune Piccolo;950\n")
    code, _, err = run(capsys, "split", "10000", "--weights-file", str(path))
    assert code == 2
    assert "› riga 1 (Comune Grande)]" in err


@pytest.mark.parametrize("grande", ["1500", "1.500,0", "1.500,00"])
def test_a_weights_file_in_an_unambiguous_form_splits_950_to_1500(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, grande: str
) -> None:
    """950 : 1500 of € 10.000 is € 3.877,55 and € 6.122,45, from the file and from Python."""
    path = _weights_file(tmp_path, f"Comune Piccolo;950\nComune Grande;{grande}\n")
    code, out, _ = run(capsys, "split", "10000", "--weights-file", str(path), "--format", "json")
    assert code == 0
    amounts = {r["recipient"]: r["amount"] for r in json.loads(out)["records"]}
    assert amounts == {"Comune Piccolo": "3877.55", "Comune Grande": "6122.45"}


def test_the_python_api_reads_the_weights_as_the_cli_does() -> None:
    """allocate() refuses '1.500' as a weight and splits '1.500,0' as fifteen hundred."""
    from welfare_ambito import InvalidValue
    from welfare_ambito.budget import allocate

    with pytest.raises(InvalidValue) as info:
        allocate("10000", {"Comune Piccolo": "950", "Comune Grande": "1.500"})
    assert info.value.path == "weights.Comune Grande"
    assert info.value.code == "number_ambiguous"
    split = allocate("10.000,00", {"Comune Piccolo": "950", "Comune Grande": "1.500,0"})
    assert [str(m) for m in split.values()] == ["€ 3.877,55", "€ 6.122,45"]


def test_json_numbers_are_exact_strings_without_ellipsis(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A quota of 100/3 is written '100/3', never '33.33…'."""
    code, out, _ = run(capsys, "split", "100", "--weights", "a=1", "b=2", "--format", "json")
    assert code == 0
    assert "…" not in out
    records = json.loads(out)["records"]
    assert [r["quota"] for r in records] == ["100/3", "200/3"]
    assert [r["rounding"] for r in records] == ["-1/300", "1/300"]
    assert [r["amount"] for r in records] == ["33.33", "66.67"]


def test_split_fixed_works_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """--method fixed takes the amounts themselves, written as the grammar allows."""
    code, out, _ = run(
        capsys,
        "split",
        "430.900,00",
        "--method",
        "fixed",
        "--weights",
        "Seregno=210.000,00",
        "Altri=220900",
        "--format",
        "json",
    )
    assert code == 0
    amounts = [r["amount"] for r in json.loads(out)["records"]]
    assert amounts == ["210000.00", "220900.00"]


def test_lang_en_prints_only_english(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang en: one English message; the default is Italian, like `check`."""
    code, _, err = run(capsys, "split", "abc", "--weights", "a=1", "--lang", "en")
    assert code == 2
    assert err.startswith("error: ")
    assert "errore" not in err
    code, _, err = run(capsys, "split", "abc", "--weights", "a=1")
    assert err.startswith("errore: ")
    assert "\nerror" not in err


def test_standard_input_for_the_weights_and_the_table(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'-' reads the weights file or the CSV table from standard input."""
    import io

    class Stdin:
        def __init__(self, text: str) -> None:
            self.buffer = io.BytesIO(text.encode("utf-8-sig"))

    monkeypatch.setattr("sys.stdin", Stdin("comune;utenti\nMeda;1\nSeveso;3\n"))
    code, out, _ = run(capsys, "split", "100", "--weights-file", "-", "--format", "csv")
    assert code == 0
    assert "Seveso,3,75,75.00,0," in out
    monkeypatch.setattr("sys.stdin", Stdin("x;a;TOTALE\nr;1,50;1,50\nTOTALE;1,50;1,60\n"))
    code, out, _ = run(capsys, "reconcile", "-", "--format", "json")
    assert code == 1
    assert json.loads(out)["schema"] == "welfare-ambito/budget-reconcile"


def test_csv_output_escapes_cells_a_spreadsheet_would_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A recipient named '=HYPERLINK(...)' is written with a leading quote; numbers are not."""
    path = _weights_file(tmp_path, '=HYPERLINK("http://x");1\n@SUM(A1);1\nMeda;2\n')
    code, out, _ = run(capsys, "split", "100", "--weights-file", str(path), "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[1].startswith("\"'=HYPERLINK(")
    assert lines[2].startswith("'@SUM(A1)")
    assert all(not line.startswith(("=", "@", "+")) for line in lines)
    assert ",'-" not in out  # negative numbers stay numbers


def test_python_m_runs_the_budget_commands() -> None:
    """`python -m welfare_ambito.budget.cli split ...` prints the split."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "welfare_ambito.budget.cli", "split", "100", "--weights", "a=1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "€ 100,00" in result.stdout


def test_a_closed_pipe_ends_quietly() -> None:
    """`budget phase ... | head -1` prints no traceback and no 'Broken pipe'."""
    import subprocess
    import sys

    command = (
        # a century by month (the most pieces phased) as JSON: far more than a pipe's buffer
        f"{sys.executable} -m welfare_ambito.budget.cli phase 211500 1900-01/1999-12 --by month"
        " --format json | head -1"
    )
    result = subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, check=False, timeout=300
    )
    assert result.stdout.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert "Broken pipe" not in result.stderr
    assert "BrokenPipe" not in result.stderr


def test_unreadable_csv_exits_2_without_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A cell beyond the csv module's field limit is a message and exit 2, not a traceback."""
    path = _weights_file(tmp_path, "Meda;" + "1" * 200_000 + "\n")
    code, _, err = run(capsys, "split", "100", "--weights-file", str(path))
    assert code == 2
    assert err.startswith("errore")
    assert "Traceback" not in err

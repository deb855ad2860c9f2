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
    shares = {r["recipient"]: r["amount"] for r in json.loads(out)}
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
    assert [r["amount"] for r in json.loads(out)] == ["35250.00"] * 6


def test_reconcile_the_seed_003_example_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """The published Rhodense table has discrepancies: exit status 1, each listed."""
    code, out, _ = run(
        capsys, "reconcile", str(REPO / "examples" / "rhodense_spesa_2011.csv"), "--format", "json"
    )
    assert code == 1
    assert [(r["row"], r["difference"]) for r in json.loads(out)] == [
        ("Cornaredo", "-0.01"), ("Pero", "0.02"), ("TOTALE", "0.01"),
    ]  # fmt: skip


def test_reconcile_a_consistent_table_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A table whose totals add up exits 0."""
    path = tmp_path / "ok.csv"
    path.write_text("x;a;TOTALE\nr;1,50;1,50\nTOTALE;1,50;1,50\n", encoding="utf-8")
    code, out, _ = run(capsys, "reconcile", str(path))
    assert code == 0
    assert "0 differ" in out


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

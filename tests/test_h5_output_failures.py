"""An XLSX output that cannot be finished leaves no traceback and no half-written file.

openpyxl's streaming sheets print "Exception ignored … Traceback" when an abandoned
one is collected, at the latest when the interpreter exits: so these run as real processes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("openpyxl")

SRC = str(Path(__file__).resolve().parent.parent / "src")

SCRIPT = """
import sys
from welfare_ambito.tables import write_rows

target, how = sys.argv[1], sys.argv[2]


def rows():
    yield ["F01", 1]
    if how == "raise":
        raise KeyError("a row that cannot be made")
    yield ["F02", 2]


try:
    write_rows(target, ["famiglia", "n"], rows(), fmt="xlsx")
except (OSError, KeyError) as exc:
    print("refused", type(exc).__name__)
else:
    print("written")
"""


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run(
        [sys.executable, *argv], capture_output=True, text=True, env=env, timeout=120, check=False
    )


@pytest.mark.parametrize(
    ("where", "how", "said"),
    [
        ("missing/folder/out.xlsx", "ok", "refused FileNotFoundError"),
        (".", "ok", "refused IsADirectoryError"),
        ("out.xlsx", "raise", "refused KeyError"),
        ("out.xlsx", "ok", "written"),
    ],
)
def test_a_failed_xlsx_output_is_quiet_and_leaves_no_partial_file(
    tmp_path: Path, where: str, how: str, said: str
) -> None:
    target = tmp_path / where
    done = _run("-c", SCRIPT, str(target), how)
    assert done.stdout.strip() == said
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr
    if said == "written":
        import openpyxl

        assert list(openpyxl.load_workbook(target).active.values) == [
            ("famiglia", "n"),
            ("F01", 1),
            ("F02", 2),
        ]
    elif how == "raise":
        assert not target.exists()


def test_assess_to_an_unwritable_xlsx_exits_2_naming_it(tmp_path: Path) -> None:
    families = tmp_path / "famiglie.csv"
    families.write_text("famiglia;data di nascita\nF01;03/09/2016\n", encoding="utf-8")
    out = tmp_path / "no" / "esiti.xlsx"
    done = _run(
        "-m", "welfare_ambito", "assess", str(families), "--on", "2023-09-01", "-o", str(out)
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr
    assert "esiti.xlsx" in done.stderr

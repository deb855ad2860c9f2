"""The example scripts and the notebook in examples/ run from start to end without an error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["MPLBACKEND"] = "Agg"  # no display: charts draw off-screen
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def test_examples_exist() -> None:
    """Every example the documentation points to is there."""
    names = {p.name for p in SCRIPTS} | {p.name for p in NOTEBOOKS}
    for expected in (
        "check_pippi_plan.py",
        "assess_family.py",
        "what_if.py",
        "split_budget.py",
        "phase_funding.py",
        "reconcile_table.py",
        "budget_seregno.ipynb",
    ):
        assert expected in names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_script_runs(script: Path) -> None:
    """`python examples/<script>` exits 0 and prints what it shows."""
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert result.stdout.strip(), "the example printed nothing"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean(notebook: Path) -> None:
    """Notebooks are committed without outputs, so their diffs stay small."""
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {cell.source[:40]!r} has outputs"
            assert cell.execution_count is None


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(notebook: Path) -> None:
    """Every cell of the notebook runs without an error on the python3 kernel."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(notebook, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT)}},
    )
    old = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    try:
        client.execute()  # raises CellExecutionError naming the failing cell
    finally:
        if old is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = old
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the bar chart was not drawn"

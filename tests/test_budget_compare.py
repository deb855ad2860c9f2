"""Comparisons of the notice's split with splits by caseload, and notebook output."""

from __future__ import annotations

import sys

import pytest

from welfare_ambito import Money
from welfare_ambito.budget import MissingOptionalDependency, allocate, compare_split
from welfare_ambito.errors import InvalidValue, NotFound

# Seed 002, "RISORSE FINANZIARIE…" and "L'utenza in carico al 31/12/2021".
TEAMS = {
    "Barlassina": "35600", "Giussano": "51000", "Lentate sul Seveso": "38000",
    "Meda": "32600", "Seregno": "210000", "Seveso": "63700",
}  # fmt: skip
CASELOADS = {
    "Barlassina": 44, "Giussano": 129, "Lentate sul Seveso": 86,
    "Meda": 108, "Seregno": 255, "Seveso": 140,
}  # fmt: skip


def test_notice_split_beside_caseload_split() -> None:
    """Per Comune: stated amount, amount per case, split by caseload and the difference."""
    comparison = compare_split(TEAMS, {"caseload": CASELOADS})
    records = {r["recipient"]: r for r in comparison.to_records()}
    meda = records["Meda"]
    assert meda["stated"] == Money("32600").amount
    assert meda["caseload"] == 108
    assert str(meda["stated_per_caseload"]) == "301.85"
    assert str(meda["by_caseload"]) == "61072.44"
    assert str(meda["diff_caseload"]) == "-28472.44"
    assert str(records["Seregno"]["diff_caseload"]) == "65801.18"
    assert sum(r["diff_caseload"] for r in records.values()) == 0


def test_any_other_key_and_method() -> None:
    """A second key (an equal share per team) sits beside the caseload, with webster."""
    comparison = compare_split(
        TEAMS, {"caseload": CASELOADS, "teams": dict.fromkeys(TEAMS, 1)}, method="webster"
    )
    assert comparison.keys == ("caseload", "teams")
    assert comparison.split("teams")["Meda"] == Money("71816.67")
    assert "by teams" in comparison.to_text("en")
    assert "secondo teams" in str(comparison)


def test_keys_must_cover_the_same_comuni() -> None:
    """A key missing a Comune, or naming an extra one, is a clear error."""
    with pytest.raises(InvalidValue) as info:
        compare_split(TEAMS, {"caseload": {k: v for k, v in CASELOADS.items() if k != "Meda"}})
    assert info.value.code == "budget.key_missing_recipient"
    with pytest.raises(NotFound):
        compare_split(TEAMS, {"caseload": {**CASELOADS, "Cogliate": 3}})


def test_html_and_records_for_notebooks() -> None:
    """Allocations and comparisons render as HTML tables and escape names."""
    allocation = allocate("10", {"<Meda>": 1})
    assert "&lt;Meda&gt;" in allocation._repr_html_()
    assert allocation.to_records()[0]["amount"] == Money("10").amount
    html = compare_split(TEAMS, {"caseload": CASELOADS})._repr_html_()
    assert html.startswith('<table class="welfare-ambito">')
    assert "Seregno" in html


def test_to_pandas_when_installed() -> None:
    """to_pandas returns a frame indexed by Comune (pandas is optional)."""
    pytest.importorskip("pandas")
    frame = compare_split(TEAMS, {"caseload": CASELOADS}).to_pandas()
    assert list(frame.index) == list(TEAMS)
    assert allocate("1", {"a": 1}).to_pandas().shape == (1, 6)


def test_missing_optional_library_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas or matplotlib, to_pandas and plot say what to install."""
    for name in ("pandas", "matplotlib", "matplotlib.pyplot"):
        monkeypatch.setitem(sys.modules, name, None)  # makes the import fail
    comparison = compare_split(TEAMS, {"caseload": CASELOADS})
    with pytest.raises(MissingOptionalDependency) as info:
        comparison.plot()
    assert info.value.code == "budget.missing_matplotlib"
    assert isinstance(info.value, ImportError)
    assert "pip install 'welfare-ambito[plot]'" in str(info.value)
    with pytest.raises(ImportError, match=r"pip install 'welfare-ambito\[notebook\]'"):
        comparison.to_pandas()


def test_plot_when_matplotlib_is_installed() -> None:
    """plot draws one group of bars per Comune."""
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    ax = compare_split(TEAMS, {"caseload": CASELOADS}).plot()
    assert len(ax.patches) == 12


def test_importing_the_package_loads_no_optional_library() -> None:
    """import welfare_ambito.budget loads neither pandas, matplotlib, openpyxl nor hypothesis."""
    import subprocess
    import sys

    code = (
        "import sys, welfare_ambito.budget, welfare_ambito.budget.cli;"
        "print(sorted(m for m in ('pandas','matplotlib','openpyxl','hypothesis','pytest') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

"""Case files: the shipped example passes, wrong expectations show a diff, bad files exit 2."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from welfare_ambito.errors import InvalidInput
from welfare_ambito.testing.cases import load_cases, render_results, run_cases
from welfare_ambito.testing.cli import register

REPO = Path(__file__).resolve().parent.parent
CASE_FILES = sorted((REPO / "examples").glob("*.welfare.toml"))
EXAMPLE_CASES = [
    pytest.param(path, case, id=f"{path.name}[{case.index + 1}]")
    for path in CASE_FILES
    for case in load_cases(path).cases
]


@pytest.mark.parametrize(("path", "case"), EXAMPLE_CASES)
def test_example_case_files_pass(path: Path, case: object) -> None:
    """Every case of the shipped examples/*.welfare.toml passes."""
    result = case.run()  # type: ignore[attr-defined]
    assert result.passed, result.render()


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="welfare-ambito")
    register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return int(args.handler(args))


WRONG = """
profile = "seregno-pippi-2023"
on = 2024-01-15

[[cases]]
name = "expected eligible, but trust is not recorded"
[cases.family]
id = "F9"
pre_assessment = "worrying"
em_orientation = "keep_in_family"
abuse_or_severe_maltreatment = false
children = [{ id = "F9-C1", birth_date = 2017-03-03 }]
[cases.expect]
outcome = "eligible"

[[cases]]
name = "a passing plan"
plan = "pippi_seregno"
[cases.expect]
ok = true
"""


def test_failing_cases_show_expected_and_actual(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong expectation exits 1 with a diff of expected and actual, and the reasons."""
    file = tmp_path / "cases.welfare.toml"
    file.write_text(WRONG, encoding="utf-8")
    assert _main(["test", str(file), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  [1] expected eligible, but trust is not recorded" in out
    assert "- expected: eligible" in out
    assert "+ actual:   needs_review" in out
    assert "PASS  [2] a passing plan" in out
    assert "1 passed, 1 failed" in out
    assert "2017-03-03" not in out


def test_all_passing_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """The shipped example exits 0."""
    assert _main(["test", str(CASE_FILES[0]), "-q"]) == 0
    assert "0 non superati" in capsys.readouterr().out


def test_invalid_files_exit_2_listing_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unknown keys, missing inputs and bad values are all reported with their paths; exit 2."""
    file = tmp_path / "bad.welfare.toml"
    file.write_text(
        """
profile = "seregno-pippi-2023"
colour = 1
[[cases]]
name = "no input"
[cases.expect]
outcome = "eligible"
[[cases]]
name = "bad child"
on = 2024-01-01
family = { id = "F1", children = [{ id = "C1", birth_date = "2015-02-30" }] }
expect = { outcome = "maybe" }
""",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as info:
        load_cases(file)
    paths = sorted(e.path for e in info.value.errors)
    assert paths == [
        "cases[0]",
        "cases[1].expect.outcome",
        "cases[1].family.children[0].birth_date",
        "colour",
    ]
    assert _main(["test", str(file)]) == 2
    # Locations read as the user counts: from 1, with the kind of item.
    assert "2º caso › famiglia › 1º bambino › birth_date" in capsys.readouterr().err
    (tmp_path / "syntax.welfare.toml").write_text("[[cases]\n", encoding="utf-8")
    assert _main(["test", str(tmp_path / "syntax.welfare.toml")]) == 2
    assert _main(["test", str(tmp_path / "missing.welfare.toml")]) == 2


def test_budget_and_allocation_cases(tmp_path: Path) -> None:
    """A budget is checked with the profile's budget rules; allocations compare shares."""
    file = tmp_path / "b.welfare.toml"
    file.write_text(
        """
profile = "seregno-tutela-minori-2022"
on = 2022-07-01
[[cases]]
name = "lines that do not add up"
[cases.budget]
total = "100.00"
lines = [{ id = "a", label = "A", amount = "60.00" }, { id = "b", label = "B", amount = "30.00" }]
[cases.expect]
ok = false
findings = [{ rule = "budget.total", outcome = "fail" }, { rule = "budget.lines_not_negative", outcome = "pass" }]

[[cases]]
name = "equal split"
[cases.allocation]
total = "100.00"
weights = { a = 1, b = 1, c = 1 }
[cases.expect.shares]
a = "33.34"
b = "33.33"
c = "33.33"
""",
        encoding="utf-8",
    )
    results = run_cases(file, lang="en")
    assert [r.passed for r in results] == [True, True], render_results(results, lang="en")

"""A downstream user's checker and tools follow our types: mypy, dir(), st.from_type."""

from __future__ import annotations

import enum
import importlib.util
import inspect
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import welfare_ambito as wa
from welfare_ambito import data

SCRIPT = """
from typing import assert_type

import welfare_ambito as wa
from welfare_ambito.rules import Report, evaluate
from welfare_ambito.model import Family

plan = wa.load("plan.toml")
assert_type(plan, wa.CoDesignPlan)
again = wa.loads(wa.dumps(plan))
assert_type(again, wa.CoDesignPlan)
family = wa.load({"id": "F1"}, into=Family)
assert_type(family, Family)
family_too = wa.loads("id = 'F1'", into=Family)
assert_type(family_too, Family)
text: str = wa.dump(plan)
report = evaluate(plan, "seregno-pippi-2023", lang="en")
assert_type(report, Report)
shown: str = report.to_text()
ok: bool = report.ok
"""

WRONG = """
import welfare_ambito as wa
from welfare_ambito.rules import evaluate
from welfare_ambito.model import Family

evaluate(wa.load({"id": "F1"}, into=Family), "seregno-pippi-2023")
evaluate(wa.load("plan.toml"), "seregno-pippi-2023", lang="fr")
"""


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed")
    script = tmp_path / "downstream.py"
    script.write_text(source, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )


def test_mypy_strict_follows_load_evaluate_report(tmp_path: Path) -> None:
    """load → evaluate → report → to_text type-checks under --strict with real types."""
    done = _mypy(tmp_path, SCRIPT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_sees_a_family_and_a_wrong_language(tmp_path: Path) -> None:
    done = _mypy(tmp_path, WRONG)
    assert done.returncode == 1
    assert done.stdout.count("error:") == 2, done.stdout


def test_evaluating_a_family_is_a_typed_error() -> None:
    family = data.example("pippi_seregno").families[0]
    with pytest.raises(wa.IncompatibleTypes) as caught:
        wa.rules.evaluate(family, "seregno-pippi-2023")  # type: ignore[arg-type]
    assert "Family" in str(caught.value)


def test_dir_lists_the_lazy_names() -> None:
    listed = dir(wa)
    for name in ("load", "loads", "dump", "dumps", "make_converter", "rules", "data", "budget"):
        assert name in listed
    assert set(wa.__all__) <= set(listed)


CLASSES = sorted(
    name
    for name in wa.__all__
    if inspect.isclass(getattr(wa, name))
    and not issubclass(getattr(wa, name), BaseException | enum.Enum)
)


@pytest.mark.parametrize("name", CLASSES)
def test_from_type_draws_every_public_class(name: str) -> None:
    cls = getattr(wa, name)

    @settings(max_examples=5, deadline=None)
    @given(st.from_type(cls))
    def draws(value: object) -> None:
        assert isinstance(value, cls)

    draws()


def test_testing_kit_without_hypothesis_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import welfare_ambito.testing.strategies\n"
        "except ImportError as exc:\n"
        "    print(type(exc).__name__, exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "MissingTestingExtra" in done.stdout
    assert "welfare-ambito[testing]" in done.stdout

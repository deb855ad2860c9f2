"""From outside: a separate project uses the suites and the plugin as a downstream CI would."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

PACKAGE = '''
"""A downstream project's own code: one right allocator, two wrong functions."""
import datetime as dt
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal


def split_right(total, weights):
    """Largest remainder, written independently."""
    whole = sum(weights.values())
    cents = int(Decimal(str(total.amount)) * 100)
    exact = {k: Decimal(cents) * w / whole for k, w in weights.items()}
    floors = {k: int(v.to_integral_value(rounding=ROUND_DOWN)) for k, v in exact.items()}
    left = cents - sum(floors.values())
    order = sorted(exact, key=lambda k: (-(exact[k] - floors[k]), -weights[k], k))
    for k in order[:left]:
        floors[k] += 1
    return {k: Decimal(v) / 100 for k, v in floors.items()}


def split_rounding_each(total, weights):
    """Rounds each share on its own: loses (or makes up) a cent on some inputs."""
    whole = sum(weights.values())
    return {
        k: (total.amount * w / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        for k, w in weights.items()
    }


def age(birth, on):
    return on.year - birth.year  # forgets whether the birthday has come yet


def screen(family, on):
    """A hand-written P.I.P.P.I. screen that counts ages by calendar year."""
    ages = [age(c.birth_date, on) for c in family.children]
    judgements = (family.pre_assessment, family.em_orientation, family.trust_in_services,
                  family.abuse_or_severe_maltreatment)
    if (family.abuse_or_severe_maltreatment or family.trust_in_services is False
            or (family.pre_assessment is not None and family.pre_assessment.value == "not_worrying")
            or (family.em_orientation is not None and family.em_orientation.value == "removal")
            or not any(a <= 14 for a in ages)):
        return "not_eligible"
    if any(j is None for j in judgements):
        return "needs_review"
    removal = family.removal_in_progress
    if family.em_orientation.value == "keep_in_family" and removal:
        return "needs_review"
    if family.em_orientation.value == "reunification" and removal is False:
        return "needs_review"
    return "eligible"
'''

TESTS = """
from welfare_ambito.testing.suites import AllocatorContract, EligibilityScreenContract

import ourcode


class TestRightSplit(AllocatorContract):
    def allocate(self, total, weights, **bounds):
        return ourcode.split_right(total, weights)


class TestRoundingEachSplit(AllocatorContract):
    def allocate(self, total, weights, **bounds):
        return ourcode.split_rounding_each(total, weights)


class TestOurScreen(EligibilityScreenContract):
    def screen(self, family, on):
        return ourcode.screen(family, on)


def test_fixtures(welfare_ambito_seregno, welfare_profile, welfare_example_plan):
    assert welfare_ambito_seregno.lead == "Seregno"
    assert welfare_profile.id == "seregno-pippi-2023"
    assert welfare_example_plan.programme.value == "pippi"
"""

CASES = """
profile = "seregno-pippi-2023"
on = 2024-01-15
[[cases]]
name = "otto anni, tutto registrato"
family = { id = "F1", pre_assessment = "worrying", em_orientation = "keep_in_family", trust_in_services = true, abuse_or_severe_maltreatment = false, children = [{ id = "C1", birth_date = 2015-09-01 }] }
expect = { outcome = "eligible" }
[[cases]]
name = "atteso sbagliato"
family = { id = "F2", pre_assessment = "worrying", em_orientation = "keep_in_family", abuse_or_severe_maltreatment = false, children = [{ id = "C2", birth_date = 2015-09-01 }] }
expect = { outcome = "eligible" }
"""


def _plugin_installed() -> bool:
    return any(
        ep.value.startswith("welfare_ambito.testing.plugin")
        for ep in metadata.entry_points(group="pytest11")
    )


@pytest.fixture(scope="module")
def downstream_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """Build the tiny project and run its pytest in a subprocess, once."""
    root = tmp_path_factory.mktemp("downstream")
    (root / "pyproject.toml").write_text(
        textwrap.dedent(
            """
            [project]
            name = "ourcode"
            version = "0.0.1"
            dependencies = ["welfare-ambito[testing]"]

            [tool.pytest.ini_options]
            testpaths = ["tests"]
            """
        ),
        encoding="utf-8",
    )
    (root / "src").mkdir()
    (root / "src" / "ourcode.py").write_text(PACKAGE, encoding="utf-8")
    (root / "tests").mkdir()
    (root / "tests" / "test_ourcode.py").write_text(TESTS, encoding="utf-8")
    (root / "tests" / "test_ours.welfare.toml").write_text(CASES, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(root / "src"),
        "HYPOTHESIS_PROFILE": "default",
    }
    env.pop("PYTEST_ADDOPTS", None)
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly"]
    if not _plugin_installed():
        command += ["-p", "welfare_ambito.testing.plugin"]
    return subprocess.run(
        [*command, "-o", "console_output_style=classic", "-rA", "tests"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_right_allocator_passes(downstream_run: subprocess.CompletedProcess[str]) -> None:
    """Every property of the right allocator passes in the downstream project."""
    out = downstream_run.stdout
    for name in (
        "test_shares_add_up_to_the_total",
        "test_shares_are_not_negative",
        "test_order_of_recipients_does_not_matter",
        "test_agrees_with_largest_remainder",
    ):
        assert f"PASSED tests/test_ourcode.py::TestRightSplit::{name}" in out, out[-3000:]
    assert "SKIPPED" in out
    assert "supports_bounds = False" in out
    assert "PASSED tests/test_ourcode.py::test_fixtures" in out


def test_the_allocator_that_loses_a_cent_fails_with_a_counterexample(
    downstream_run: subprocess.CompletedProcess[str],
) -> None:
    """Rounding each share alone fails the exact-sum property, showing total, weights, shares."""
    out = downstream_run.stdout
    assert (
        "FAILED tests/test_ourcode.py::TestRoundingEachSplit::test_shares_add_up_to_the_total"
        in out
    )
    assert "not to the total" in out
    assert "money was lost or made up" in out
    assert "weights: {" in out
    assert "Failing test case" in out or "Falsifying example" in out


def test_the_screen_that_mishandles_birthdays_fails_readably(
    downstream_run: subprocess.CompletedProcess[str],
) -> None:
    """The year-difference screen fails on birthdays, naming ids and ages, never birth dates."""
    out = downstream_run.stdout
    assert "FAILED tests/test_ourcode.py::TestOurScreen::test_agrees_on_birthdays" in out
    assert "welfare_ambito says" in out
    assert "children (id: age)" in out
    assert "birth_date" not in out


def test_case_files_are_collected_by_the_plugin(
    downstream_run: subprocess.CompletedProcess[str],
) -> None:
    """Each case of a *.welfare.toml file is a test; a wrong expectation shows the diff."""
    out = downstream_run.stdout
    assert "PASSED tests/test_ours.welfare.toml::otto anni, tutto registrato" in out
    assert "FAILED tests/test_ours.welfare.toml::atteso sbagliato" in out
    assert "+ ottenuto: needs_review" in out
    assert downstream_run.returncode == 1

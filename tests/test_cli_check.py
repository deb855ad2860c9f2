"""The ``check``, ``rules``, ``explain`` and ``profiles`` commands and their exit codes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_rules_engine import make_plan, pre_assessment, sedt_hours
from welfare_ambito.cli import main
from welfare_ambito.convert import dumps
from welfare_ambito.rules import REGISTRY, load_profile

# The test rules alone: every rule inherited from the Seregno profile is switched off.
PROFILE = """
id = "test-cli"
title = "Test CLI"
ambito = "seregno"
extends = "seregno-pippi-2023"

[rules."test.sedt.weekly_hours"]
[rules."test.family.pre_assessment"]
""" + "".join(
    f'[rules."{item.id}"]\nenabled = false\n' for item in load_profile("seregno-pippi-2023").rules
)


@pytest.fixture
def profile_file(tmp_path: Path) -> Iterator[Path]:
    """A profile file using the test rules, registered for the test only."""
    path = tmp_path / "profile.toml"
    path.write_text(PROFILE, encoding="utf-8")
    with REGISTRY.scoped(sedt_hours, pre_assessment):
        yield path


def _plan_file(tmp_path: Path, hours: tuple[int, ...]) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(dumps(make_plan(hours)), encoding="utf-8")
    return path


def test_check_exits_0_on_a_valid_plan(
    tmp_path: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan without error findings exits 0."""
    plan = _plan_file(tmp_path, (8, 10))
    code = main(["check", str(plan), "--profile", str(profile_file), "--on", "2024-01-01"])
    assert code == 0
    assert "OK" in capsys.readouterr().out


def test_check_exits_1_on_error_findings(
    tmp_path: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan with a failing error rule exits 1 and names the rule and path."""
    plan = _plan_file(tmp_path, (6,))
    code = main(["check", str(plan), "--profile", str(profile_file), "--on", "2024-01-01"])
    out = capsys.readouterr().out
    assert code == 1
    assert "test.sedt.weekly_hours" in out
    assert "intervento I0 (1º)" in out  # the user's id and position, not a machine path


def test_check_set_overrides_a_parameter(
    tmp_path: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--set`` lowers the floor: the same plan exits 0, as JSON."""
    plan = _plan_file(tmp_path, (6,))
    args = ["check", str(plan), "--profile", str(profile_file), "--on", "2024-01-01"]
    code = main([*args, "--set", "pippi.sedt.min_weekly_hours=6", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["overrides"] == ["pippi.sedt.min_weekly_hours"]
    assert data["ok"] is True


def test_check_exits_2_on_an_invalid_plan(
    tmp_path: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An invalid plan exits 2 and prints every problem with its path, no traceback."""
    path = tmp_path / "bad.toml"
    path.write_text('id = "p"\nprogramme = "pippi"\ncolour = 1\n', encoding="utf-8")
    code = main(["check", str(path), "--profile", str(profile_file)])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    assert "ambito" in err
    assert "partner" in err


def test_check_exits_2_on_a_bad_set(
    tmp_path: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed or unknown ``--set`` is invalid input."""
    plan = _plan_file(tmp_path, (8,))
    base = ["check", str(plan), "--profile", str(profile_file), "--on", "2024-01-01"]
    assert main([*base, "--set", "nonsense"]) == 2
    assert main([*base, "--set", "pippi.no_such=1"]) == 2
    assert main([*base, "--set", "pippi.sedt.min_weekly_hours=lots"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_check_exits_2_on_an_unknown_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown profile is invalid input."""
    plan = _plan_file(tmp_path, (8,))
    assert main(["check", str(plan), "--profile", "nope"]) == 2


def test_profiles_lists_the_embedded_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    """``profiles`` prints the embedded ids."""
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    assert "seregno-pippi-2023" in out
    assert "seregno-tutela-minori-2022" in out


def test_rules_and_explain_show_citations(
    profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``rules`` and ``explain`` show the rule, its parameter and its quoted source."""
    assert main(["rules", "--profile", str(profile_file)]) == 0
    assert "test.sedt.weekly_hours" in capsys.readouterr().out
    assert main(["explain", "test.sedt.weekly_hours", "--profile", str(profile_file)]) == 0
    out = capsys.readouterr().out
    assert "pippi.sedt.min_weekly_hours" in out
    assert "otto ore settimanali" in out
    assert main(["explain", "no.such.rule"]) == 2

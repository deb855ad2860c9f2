"""The command line: demo, help, and the exit codes of invalid input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from welfare_ambito.cli import main


def test_demo_prints_the_embedded_examples(capsys: pytest.CaptureFixture[str]) -> None:
    """`welfare-ambito demo` runs on the embedded Seregno examples."""
    code = main(["demo"])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert "pippi_seregno" in out or "seregno-pippi" in out
    assert "tutela" in out


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command the CLI prints help and exits 2."""
    assert main([]) == 2
    assert "welfare-ambito" in capsys.readouterr().out


def test_console_script_runs_as_a_module() -> None:
    """`python -m welfare_ambito` is the same command."""
    result = subprocess.run(
        [sys.executable, "-m", "welfare_ambito", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "welfare-ambito" in result.stdout

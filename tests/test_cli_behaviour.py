"""The command behaves like one: pipes, standard input, JSON errors, --lang, completion."""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from welfare_ambito import data
from welfare_ambito.cli import build_parser, main


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((*path, name))
                found += _commands(sub, (*path, name))
    return found


def _leaf_commands() -> list[tuple[str, ...]]:
    every = _commands(build_parser())
    return [c for c in every if not any(o[: len(c)] == c and o != c for o in every)]


def _required_arguments(parser: argparse.ArgumentParser, command: tuple[str, ...]) -> list[str]:
    """Placeholder values for what ``command`` requires, read from its own parser."""
    for word in command:
        choices = next(
            a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)
        )
        parser = choices[word]
    chosen = [g._group_actions[0] for g in parser._mutually_exclusive_groups if g.required]
    filled: list[str] = []
    for action in parser._actions:
        value = str(next(iter(action.choices))) if action.choices else "2023-01-01"
        if not action.option_strings and action.nargs != "?":
            filled.append(value)
        elif action.required or action in chosen:
            filled += [action.option_strings[0], value]
    return filled


@pytest.mark.parametrize("command", ["rules", "demo", "profiles"])
def test_a_closed_pipe_ends_quietly(command: str) -> None:
    """`welfare-ambito rules | head -1`: no traceback, exit 141 (128 + SIGPIPE)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "welfare_ambito", command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    code = process.wait(timeout=60)
    assert "Traceback" not in stderr
    assert "Broken pipe" not in stderr
    assert code in (0, 141)


def test_budget_command_in_a_closed_pipe_ends_quietly() -> None:
    """The budget commands share the main command's pipe handling."""
    process = subprocess.run(
        f"{sys.executable} -m welfare_ambito budget split 1000 --weights "
        + " ".join(f"r{i}=1" for i in range(3000))
        + " | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in process.stderr
    assert "Broken pipe" not in process.stderr


def test_check_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check -` reads the plan (TOML, or JSON, even with a BOM) from standard input."""
    text = data.example_text("pippi_seregno")
    monkeypatch.setattr(sys, "stdin", io.StringIO("\ufeff" + text))
    code = main(["check", "-", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert report["plan"] == "seregno-pippi-2023-partner-a"


def test_check_json_on_an_invalid_file_writes_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check --format json` on an invalid plan: a JSON error document on stdout, exit 2."""
    plan = tmp_path / "plan.toml"
    plan.write_text('id = 3\n[[families]]\nid = "F01"\nchildren = "none"\n', encoding="utf-8")
    code = main(["check", str(plan), "--format", "json", "--lang", "en"])
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert code == 2
    assert document["schema"] == "welfare-ambito/errors"
    assert document["ok"] is False
    paths = {e["path"] for e in document["errors"]}
    assert {"id", "families[0].children"} <= paths
    located = {e["path"]: e["location"] for e in document["errors"]}
    assert located["families[0].children"] == "1st family › children"
    assert all(e["message"] and e["code"] for e in document["errors"])
    assert "Invalid input" in captured.err


def test_check_json_on_a_missing_file_is_json_too(capsys: pytest.CaptureFixture[str]) -> None:
    """A file that cannot be read is reported in the same JSON form."""
    code = main(["check", "/nonexistent/plan.toml", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 2
    assert document["errors"]
    assert document["errors"][0]["message"]


@pytest.mark.parametrize("command", _leaf_commands())
def test_lang_before_or_after_every_command(command: tuple[str, ...]) -> None:
    """`--lang` is a global option and an option of every command; the written one wins."""
    parser = build_parser()
    positional = _required_arguments(parser, command)
    assert parser.parse_args([*command, *positional]).lang == "it"
    assert parser.parse_args(["--lang", "en", *command, *positional]).lang == "en"
    assert parser.parse_args([*command, *positional, "--lang", "en"]).lang == "en"
    assert parser.parse_args(["--lang", "en", *command, *positional, "--lang", "it"]).lang == "it"


def test_rules_json_has_one_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """`rules --format json` is the same object for one profile and for all."""
    main(["rules", "--format", "json"])
    every = json.loads(capsys.readouterr().out)
    main(["rules", "--format", "json", "--profile", "pippi-national"])
    one = json.loads(capsys.readouterr().out)
    assert set(every) == set(one) == {"schema", "version", "profiles"}
    assert [p["profile"] for p in one["profiles"]] == ["pippi-national"]
    assert len(every["profiles"]) > 1


def test_every_option_has_help() -> None:
    """Every option and argument has a help text (the CLI reference is generated from them).

    The budget commands are checked by their own tests.
    """
    parser = build_parser()
    ours = [c for c in _commands(parser) if c[0] != "budget"]
    for sub in [parser, *(_subparser(parser, c) for c in ours)]:
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help, f"{sub.prog}: {action.dest} has no help"


def _subparser(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> argparse.ArgumentParser:
    for name in path:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = action.choices[name]
    return parser


def _complete(script: str, words: list[str]) -> list[str]:
    program = (
        script
        + "\nCOMP_WORDS=("
        + " ".join(f"'{w}'" for w in words)
        + f")\nCOMP_CWORD={len(words) - 1}\n_welfare_ambito\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
    )
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completion_completes_commands_options_and_choices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The generated bash script completes commands, subcommands, options and their choices."""
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    assert {"check", "rules", "budget", "completion"} <= set(
        _complete(script, ["welfare-ambito", ""])
    )
    assert _complete(script, ["welfare-ambito", "bu"]) == ["budget"]
    assert "split" in _complete(script, ["welfare-ambito", "budget", ""])
    assert set(_complete(script, ["welfare-ambito", "check", "x.toml", "--format", ""])) == {
        "text",
        "markdown",
        "json",
        "html",
        "xlsx",
    }
    assert _complete(script, ["welfare-ambito", "--lang", ""]) == ["it", "en"]
    assert "--method" in _complete(script, ["welfare-ambito", "budget", "split", "--m"])


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_completion_script_parses(capsys: pytest.CaptureFixture[str]) -> None:
    """The zsh script is valid zsh."""
    main(["completion", "zsh"])
    result = subprocess.run(["zsh", "-n", "-c", capsys.readouterr().out], capture_output=True)
    assert result.returncode == 0

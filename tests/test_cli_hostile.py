"""Every command with hostile arguments, in-process: an exit code, never an exception."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from welfare_ambito.cli import main


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Hostile files: binary, Latin-1, deep nesting, huge integers, a directory, a BOM."""
    base = tmp_path_factory.mktemp("hostile")
    contents: dict[str, bytes] = {
        "binary.toml": bytes(range(256)) * 4,
        "latin1.toml": 'id = "caf\xe9"\n'.encode("latin-1"),
        "nested.json": b"[" * 100_000 + b"]" * 100_000,
        "nested.toml": b"a = " + b"[" * 100_000 + b"]" * 100_000,
        "bigint.toml": b"id = " + b"9" * 5_000 + b"\n",
        "bom.toml": "\ufeffid = 'x'\n".encode(),
        "empty.toml": b"",
        "script.toml": b'id = "<script>alert(1)</script>"\n',
        "plan.xlsx": b"not a zip",
        "cases.toml": b"[[cases]]\nname = 3\n",
    }
    paths = {}
    for name, content in contents.items():
        path = base / name
        path.write_bytes(content)
        paths[name] = str(path)
    paths["dir"] = str(base)
    paths["long"] = str(base / ("x" * 300 + ".toml"))
    paths["missing"] = str(base / "missing.toml")
    return paths


def _hostile(files: dict[str, str]) -> list[list[str]]:
    names = list(files.values())
    runs: list[list[str]] = []
    for name in names:
        runs += [
            ["check", name],
            ["check", name, "--format", "json"],
            ["check", "-", "--profile", name],
            ["test", name],
            ["rules", "--profile", name, "--format", "json"],
            ["explain", "pippi.target.age_group", "--profile", name],
        ]
    runs += [
        ["check", files["bom.toml"], "--on", "9999-12-31"],
        ["check", files["bom.toml"], "--on", "0001-01-01"],
        ["check", files["bom.toml"], "--on", "not-a-day"],
        ["check", files["bom.toml"], "--set", "x"],
        ["check", files["bom.toml"], "--set", "=1"],
        ["check", files["bom.toml"], "--set", "no.such=1"],
        ["check", files["bom.toml"], "--format", "yaml"],
        ["explain", ""],
        ["explain", "no.such.rule"],
        ["explain", "\x00"],
        ["explain", "a" * 10_000],
        ["rules", "--profile", ""],
        ["rules", "--profile", "../../etc/passwd"],
        ["rules", "--lang", "fr"],
        ["--lang", "xx", "demo"],
        ["completion", "fish"],
        ["completion"],
        ["nonsense"],
        ["--help"],
        ["check", "--help"],
        ["budget", "split", "abc", "--weights", "a=1"],
        ["budget", "split", "100", "--weights", "a=x"],
        ["budget", "split", "100", "--weights", "=", "--format", "json"],
        ["budget", "split", "-5", "--weights", "a=1", "b=0"],
        ["budget", "phase", "100", "2023-13/2023-01"],
        ["budget", "phase", "100", "9999-12/9999-12"],
        ["budget", "reconcile", files["plan.xlsx"]],
        ["budget", "reconcile", files["binary.toml"], "--sep", ";;"],
        ["budget", "reconcile", files["missing"]],
        ["budget"],
    ]
    return runs


# Inputs whose loader still lets a plain exception through (caught by main: exit 70, one line).
# Owned by the loaders' and budget's authors; empty this list as they raise typed errors.
_KNOWN_GAPS: tuple[str, ...] = ()


def test_every_command_with_hostile_arguments_returns_a_code(
    files: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No run raises or reports an internal error; each ends with a documented code."""
    failures = []
    for argv in _hostile(files):
        monkeypatch.setattr(sys, "stdin", io.StringIO("id = [[[\n"))
        try:
            code = main(argv)
        except BaseException as exc:  # the test is that nothing escapes
            failures.append((argv, repr(exc)[:200]))
            continue
        captured = capsys.readouterr()
        known_gap = code == 70 and any(gap in " ".join(argv) for gap in _KNOWN_GAPS)
        if "Traceback" in captured.err + captured.out or (code not in (0, 1, 2) and not known_gap):
            failures.append((argv, f"exit {code}: {captured.err[-300:]}"))
    assert not failures, "\n".join(f"{[a[:60] for a in argv]}: {why}" for argv, why in failures)


def test_an_unexpected_error_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug in a command prints one line and exits 70; the details only on request."""
    import welfare_ambito.rules.cli as rules_cli

    def broken(_: object) -> int:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(rules_cli, "cmd_profiles", broken)
    monkeypatch.delenv("WELFARE_AMBITO_DEBUG", raising=False)
    assert main(["profiles"]) in (0, 70)  # the handler is bound when the parser is built
    parser_handler = main.__globals__["build_parser"]().parse_args(["profiles"]).handler
    assert parser_handler is broken
    assert main(["profiles"]) == 70
    err = capsys.readouterr().err
    assert "internal error (ZeroDivisionError)" in err
    assert "Traceback" not in err


def test_help_and_usage_errors_return_instead_of_exiting(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`--help` returns 0 and a usage error 2, without raising SystemExit."""
    assert main(["--help"]) == 0
    assert main(["check"]) == 2
    assert "usage" in capsys.readouterr().err


def test_the_missing_file_message_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that does not exist: exit 2 and a message naming it."""
    assert main(["check", str(tmp_path / "nope.toml")]) == 2
    assert "nope.toml" in capsys.readouterr().err

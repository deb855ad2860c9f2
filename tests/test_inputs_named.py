"""Every file or standard input a command reads is named in its error.

The class of defect: a command refuses what it read without saying which file (or that
it was standard input), or reads a Windows-1252 CSV (Excel's Italian default) at one
door and refuses it at another. Each door below is given a file that is not UTF-8, a
file whose syntax is broken, and the same through ``-`` where the door takes standard
input; the error must name the file, or «input standard» / "standard input".
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from welfare_ambito.cli import main

LATIN1_TOML = 'id = "x"\nname = "Città"\n'.encode("latin-1")
BROKEN_TOML = b'id = "x"\nname = [1\n'
NOT_CP1252 = b"Comune;peso\n\x81\x8d;1\n"  # bytes Windows-1252 leaves undefined


def _run(argv: list[str], stdin: bytes, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    kept = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        code = main(argv)
    finally:
        sys.stdin = kept
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# (door, argv with FILE in place of the input, the bytes of bad inputs, takes standard input)
Door = tuple[str, Callable[[str], list[str]], tuple[bytes, ...], bool]

DOORS: list[Door] = [
    (
        "profile new --extends",
        lambda f: ["profile", "new", "--extends", f],
        (LATIN1_TOML, BROKEN_TOML),
        False,
    ),
    (
        "plan new --profile",
        lambda f: ["plan", "new", "--profile", f],
        (LATIN1_TOML, BROKEN_TOML),
        False,
    ),
    ("profile verify", lambda f: ["profile", "verify", f], (LATIN1_TOML, BROKEN_TOML), False),
    ("profile lint", lambda f: ["profile", "lint", f], (LATIN1_TOML, BROKEN_TOML), False),
    (
        "profile new --ambito",
        lambda f: ["profile", "new", "--ambito", f],
        (LATIN1_TOML, BROKEN_TOML),
        False,
    ),
    (
        "plan new --ambito",
        lambda f: ["plan", "new", "--profile", "seregno-pippi-2023", "--ambito", f],
        (LATIN1_TOML, BROKEN_TOML),
        False,
    ),
    (
        "budget split --ambito",
        lambda f: ["budget", "split", "100", "--weights", "Meda=1", "--ambito", f],
        (LATIN1_TOML, BROKEN_TOML),
        False,
    ),
    (
        "budget split --weights-file",
        lambda f: ["budget", "split", "100", "--weights-file", f],
        (NOT_CP1252, b"a;1;2\n"),
        True,
    ),
    (
        "budget reconcile",
        lambda f: ["budget", "reconcile", f],
        (NOT_CP1252, b"Comune;A;TOTALE\nMeda;x;1\n"),
        True,
    ),
    (
        "profile verify --source",
        lambda f: ["profile", "verify", "seregno-pippi-2023", "--source", f],
        (b"\xff\xfe\x00",),
        False,
    ),
]


def _cases() -> Iterator[tuple[str, Callable[[str], list[str]], bytes, bool]]:
    for name, argv, contents, stdin in DOORS:
        for content in contents:
            yield name, argv, content, False
            if stdin:
                yield name, argv, content, True


@pytest.mark.parametrize(("door", "argv", "content", "through_stdin"), list(_cases()))
@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_refused_input_is_named(
    door: str,
    argv: Callable[[str], list[str]],
    content: bytes,
    through_stdin: bool,
    lang: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / ("pesi.csv" if "csv" in door or "budget" in door else "mio-ambito.toml")
    if door == "budget split --ambito":
        path = tmp_path / "mio-ambito.toml"
    if door == "profile verify --source":
        path = tmp_path / "avviso.txt"
    path.write_bytes(content)
    name = "-" if through_stdin else str(path)
    code, text = _run([*argv(name), "--lang", lang], content if through_stdin else b"", capsys)
    assert code == 2, text
    assert "Traceback" not in text
    if through_stdin:
        assert ("input standard" if lang == "it" else "standard input") in text, text
    else:
        assert path.name in text, text


@pytest.mark.parametrize("through_stdin", [False, True])
def test_a_windows_1252_weights_file_is_read_as_excel_saved_it(
    through_stdin: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = "Comune;peso\nCittà di Meda;1\nSeveso;3\n".encode("cp1252")
    path = tmp_path / "pesi.csv"
    path.write_bytes(content)
    name = "-" if through_stdin else str(path)
    code, text = _run(
        ["budget", "split", "100", "--weights-file", name, "--format", "csv"],
        content if through_stdin else b"",
        capsys,
    )
    assert code == 0, text
    assert "Città di Meda,1,25,25.00" in text


@pytest.mark.parametrize("through_stdin", [False, True])
def test_a_windows_1252_table_is_reconciled_as_excel_saved_it(
    through_stdin: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = "Comune;Minori;TOTALE\nCittà;1;1\nTOTALE;1;1\n".encode("cp1252")
    path = tmp_path / "tabella.csv"
    path.write_bytes(content)
    name = "-" if through_stdin else str(path)
    code, text = _run(["budget", "reconcile", name], content if through_stdin else b"", capsys)
    assert code == 0, text
    assert "0 discordanti" in text

"""Every document loader turns hostile files into a typed InvalidInput, and accepts a BOM."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import welfare_ambito as wa
from welfare_ambito import _documents
from welfare_ambito.errors import InvalidInput, InvalidValue, NotFound, WelfareAmbitoError
from welfare_ambito.model import Intervention
from welfare_ambito.rules import Report, evaluate, load_profile
from welfare_ambito.testing.cases import load_cases

HOSTILE: dict[str, tuple[str, bytes]] = {
    "long integer in TOML": ("p.toml", b"x = " + b"9" * 5000),
    "long integer in JSON": ("p.json", b'{"id": ' + b"9" * 5000 + b"}"),
    "deep TOML": ("p.toml", b"x = " + b"[" * 100_000),
    "deep JSON array": ("p.json", b"[" * 100_000),
    "deep JSON object": ("p.json", b'{"a":' * 100_000),
    "Latin-1 text": ("p.toml", 'id = "città"'.encode("latin-1")),
    "NaN in JSON": ("p.json", b'{"id": NaN}'),
    "not a table": ("p.json", b"[1, 2]"),
    "empty": ("p.toml", b"x ="),
}

LOADERS: dict[str, Callable[[Path], Any]] = {
    "plan": lambda path: wa.load(path),
    "profile": lambda path: load_profile(str(path)),
    "case file": lambda path: load_cases(path),
    "report": lambda path: Report.from_json(path.read_bytes().decode("utf-8", "replace")),
}


def _typed(call: Callable[[], Any]) -> WelfareAmbitoError:
    with pytest.raises(WelfareAmbitoError) as caught:
        call()
    assert isinstance(caught.value, InvalidInput | NotFound), caught.value
    return caught.value


@pytest.mark.parametrize("loader", sorted(LOADERS))
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_give_invalid_input(case: str, loader: str, tmp_path: Path) -> None:
    """Each loader refuses each hostile file with InvalidInput (never ValueError & co)."""
    name, content = HOSTILE[case]
    path = tmp_path / name
    path.write_bytes(content)
    error = _typed(lambda: LOADERS[loader](path))
    assert isinstance(error, InvalidInput)
    assert error.errors
    assert all(d.message for d in error.errors)


@pytest.mark.parametrize("loader", ["plan", "profile", "case file"])
@pytest.mark.parametrize(
    "name",
    ["a" * 300, "a" * 300 + ".toml", "missing/plan.toml", "x\0y.toml", "."],
)
def test_unreadable_paths_are_typed(loader: str, name: str) -> None:
    """Names too long, missing files, folders and NUL bytes are typed errors."""
    _typed(lambda: LOADERS[loader](Path(name)))


def test_a_folder_is_named_as_such(tmp_path: Path) -> None:
    folder = tmp_path / "plan.toml"
    folder.mkdir()
    error = _typed(lambda: wa.load(folder))
    assert "folder" in str(error)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """Notepad writes UTF-8 with a BOM: plans in TOML and JSON load the same."""
    plan = wa.data.example("pippi_seregno")
    toml_file = tmp_path / "plan.toml"
    toml_file.write_bytes(b"\xef\xbb\xbf" + wa.dumps(plan).encode())
    json_file = tmp_path / "plan.json"
    json_file.write_bytes(b"\xef\xbb\xbf" + wa.dumps(plan, "json").encode())
    assert wa.load(toml_file) == plan
    assert wa.load(json_file) == plan
    assert wa.loads("\ufeff" + wa.dumps(plan)) == plan


def test_profile_with_bom_loads(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_bytes(
        b"\xef\xbb\xbf" + b'id = "mine"\ntitle = "Mine"\nextends = "seregno-pippi-2023"\n'
    )
    profile = load_profile(str(path))
    assert evaluate(wa.data.example("pippi_seregno"), profile).ok


def test_report_with_bom_reads_back() -> None:
    report = evaluate(wa.data.example("pippi_seregno"), "seregno-pippi-2023")
    assert Report.from_json("\ufeff" + report.to_json()) == report


def test_long_number_keeps_its_field_path() -> None:
    """A 5,000-digit number is reported at its field, and the message builds."""
    text = '{"id": "S1", "kind": "sedt", "weekly_hours": 1, "id": ' + "9" * 5000 + "}"
    with pytest.raises(InvalidInput) as caught:
        wa.loads(text, "json", into=Intervention)
    assert [d.path for d in caught.value.errors] == ["id"]


def test_message_building_never_raises_on_huge_values() -> None:
    error = InvalidValue.of("negative", value=-(10**5000))
    assert "5001" in error.message
    assert "5001" in error.message_it
    long_text = InvalidValue.of("choice", value="x" * 100_000, choices="a, b")
    assert len(long_text.message) < 400


def test_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"# " + b"x" * 200)
    with pytest.raises(InvalidInput):
        _documents.read_bytes(path, max_bytes=100)

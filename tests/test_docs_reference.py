"""The generated reference pages: every command, option and document field is in them."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from welfare_ambito import schema
from welfare_ambito.cli import build_parser

HOOK = Path(__file__).resolve().parent.parent / "docs" / "hooks" / "reference_pages.py"


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_pages", HOOK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ("welfare-ambito",)
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = [(path, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _parsers(sub, (*path, name))
    return found


def test_cli_reference_has_every_command_and_option() -> None:
    """Each command (test and schema included) and each of its options is in the page."""
    text = _hook().cli_markdown()
    parsers = _parsers(build_parser())
    assert {"test", "schema", "check", "budget"} <= {p[1] for p, _ in parsers if len(p) > 1}
    for path, parser in parsers:
        assert f"`{' '.join(path)}`" in text, path
        for action in parser._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert f"`{option}`" in text, (path, option)


@pytest.mark.parametrize("kind", list(schema.KINDS))
def test_format_page_has_every_field(kind: str) -> None:
    """The file-format page of each document lists every field of every table."""
    text = _hook().schema_markdown(kind)
    document = schema.build(kind)
    tables = [document, document.get("items", {}), *document.get("$defs", {}).values()]
    for table in tables:
        for variant in table.get("oneOf", [table]):
            for name in variant.get("properties", {}):
                assert f"| `{name}`" in text, (kind, name)

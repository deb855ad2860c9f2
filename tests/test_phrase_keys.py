"""Every phrase a module quotes in a message is in the catalogue once that module is imported.

A ``Phrase("documents.stdin")`` made in a module that does not import the module defining
the key rendered, on the day, as the bare error code («tables.not_encoded»): building a
message never fails, so the gap was silent. ``Phrase`` now refuses an unknown key, and this
test imports each module that writes a phrase key in a fresh interpreter, alone, and checks
that every key it writes is known there.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import welfare_ambito

SRC = Path(welfare_ambito.__file__).parent


def _phrase_keys() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        module = ".".join(("welfare_ambito", *path.relative_to(SRC).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Phrase"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and not node.args[0].value.startswith("example.")  # doctest examples
            ):
                found.setdefault(module, set()).add(node.args[0].value)
    return found


KEYS = _phrase_keys()


def test_the_walk_finds_the_phrases() -> None:
    assert sum(len(keys) for keys in KEYS.values()) > 15


@pytest.mark.parametrize("module", sorted(KEYS))
def test_a_module_defines_or_imports_every_phrase_it_writes(module: str) -> None:
    keys = sorted(KEYS[module])
    script = (
        f"import {module}\n"
        "from welfare_ambito import i18n\n"
        f"print([k for k in {keys!r} if not i18n.known(k)])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", (module, done.stdout)

"""Examples in attribute docstrings (the string after a constant) run too.

pytest's doctest collection sees modules, classes and functions; the examples of
module constants (``METHODS``, ``STEPS`` …) live in the string that follows
their assignment, so they are collected here.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import itertools
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "welfare_ambito"


def _attribute_docstrings() -> list[tuple[str, str, str, int]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        module = ".".join(("welfare_ambito", *path.relative_to(SRC).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        body = tree.body
        for before, after in itertools.pairwise(body):
            if not isinstance(before, ast.Assign | ast.AnnAssign):
                continue
            if not (isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)):
                continue
            text = after.value.value
            if not isinstance(text, str) or ">>>" not in text:
                continue
            target = before.targets[0] if isinstance(before, ast.Assign) else before.target
            name = target.id if isinstance(target, ast.Name) else "?"
            found.append((module, name, text, after.lineno))
    return found


EXAMPLES = _attribute_docstrings()


@pytest.mark.parametrize(
    ("module", "name", "text", "line"), EXAMPLES, ids=[f"{m}.{n}" for m, n, _, _ in EXAMPLES]
)
def test_attribute_docstring_examples_pass(module: str, name: str, text: str, line: int) -> None:
    """The example in a constant's docstring runs and prints what it says."""
    namespace = dict(vars(importlib.import_module(module)))
    test = doctest.DocTestParser().get_doctest(text, namespace, f"{module}.{name}", module, line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, f"{module}.{name}: {runner.failures} example(s) failed"


def test_some_constants_have_examples() -> None:
    """The collector finds the constants' examples (it is not silently empty)."""
    assert len(EXAMPLES) >= 3

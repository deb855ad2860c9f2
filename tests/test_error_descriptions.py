"""Descriptions written in the code (``expected=``, ``actual=``, ``what=``) read in Italian too.

An error's template is in both languages, but a description the raising code passes as a
parameter («a table», «ISTAT code (6 digits)») used to reach Italian messages in English
(«'x' non è un ISTAT code (6 digits) valido»). This walks every ``.of(...)`` call in src/
and holds each literal description to the rule: it has an Italian reading, and the Italian
message built with it does not repeat the English words.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import welfare_ambito
from welfare_ambito import _messages
from welfare_ambito.errors import InvalidValue

SRC = Path(welfare_ambito.__file__).parent
DESCRIBED = ("expected", "actual", "what")


def _literals(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _descriptions() -> list[tuple[str, str, str, str]]:
    """(where, code, parameter, description) for every literal description in src/."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "of"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                continue
            code = node.args[0].value
            for keyword in node.keywords:
                if keyword.arg in DESCRIBED:
                    for text in _literals(keyword.value):
                        where = f"{path.relative_to(SRC).as_posix()}:{node.lineno}"
                        found.append((where, code, keyword.arg, text))
    return found


DESCRIPTIONS = _descriptions()


def test_the_walk_finds_the_descriptions() -> None:
    """The walk itself: the validators' descriptions are there to check."""
    assert any(text == "ISTAT code (6 digits)" for *_, text in DESCRIPTIONS)
    assert len(DESCRIPTIONS) > 40


@pytest.mark.parametrize(("where", "code", "parameter", "text"), DESCRIPTIONS)
def test_a_description_in_the_code_reads_in_italian(
    where: str, code: str, parameter: str, text: str
) -> None:
    assert text in _messages.DESCRIPTIONS_IT, f"{where}: {parameter}={text!r} has no Italian"
    italian = _messages.DESCRIPTIONS_IT[text]
    params = {"value": "x", "expected": "x", "actual": "x", "what": "x", "choices": "x"}
    error = InvalidValue.of(code, **(params | {parameter: text}))
    assert italian in error.text("it"), (where, error.text("it"))
    assert text in error.text("en"), (where, error.text("en"))


def test_italian_messages_name_the_type_found_in_italian() -> None:
    """The types a hook reports a value to be (``type(value).__name__``) read in Italian."""
    error = InvalidValue.of("type", expected="a date", actual="int")
    assert error.text("it") == "atteso una data, trovato un intero (int)"
    assert error.text("en") == "expected a date, got int"


def test_a_user_value_is_never_translated() -> None:
    """Only descriptions are read in Italian: the user's own value stays as typed."""
    error = InvalidValue.of("pattern", value="case", what="identifier")
    assert error.text("it") == "'case' non è un identificativo valido"

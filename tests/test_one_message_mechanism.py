"""One way to speak Italian and English (issue 13): every message comes from the catalogue.

The guard walks every module of ``src/welfare_ambito`` with :mod:`ast` and fails, naming
``file:line``, on the three other mechanisms the library once had:

(a) a ``message_it=`` keyword whose value is written in place (a literal or an f-string);
(b) ``Text("…", "…")``: a pair of literal sentences instead of ``Text.message(key)``;
(c) a comparison of ``lang`` with ``"it"`` or ``"en"`` (``==``, ``!=``, ``in``): a branch
    choosing between two texts instead of ``i18n.message(key, lang)``.

Only the catalogue itself may compare languages: ``i18n.py``, ``_messages.py``,
``_lang.py``, the classes of ``errors.py`` (which store a built message in each language
and hand out one) and ``rules/_values.Text.display``.

The catalogue tests render every message in both languages and look for words of the
other language, and check that an error template names the same parameters in both
languages (a parameter one language lacks is a ``KeyError`` when the error is raised).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import welfare_ambito
from test_i18n_words import leaks
from welfare_ambito import i18n

SRC = Path(welfare_ambito.__file__).parent

CATALOGUE_FILES: frozenset[str] = frozenset({"i18n.py", "_messages.py", "_lang.py"})
"""The catalogue and the language type: they alone choose a text by language."""

# (file, where): a comparison of lang is allowed inside these scopes only.
#   "class"        any class definition of the file (errors.py: the stored messages);
#   "Text.display" that method (rules/_values.py: a rule's two-language sentence).
ALLOWED_SCOPES: frozenset[tuple[str, str]] = frozenset(
    {("errors.py", "class"), ("rules/_values.py", "Text.display")}
)

_LANGUAGE_CODES = frozenset({"it", "en"})


def _written_in_place(node: ast.expr) -> bool:
    """A text written in the code: a literal, an f-string, or a sum or choice of them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _written_in_place(node.left) and _written_in_place(node.right)
    if isinstance(node, ast.IfExp):
        return _written_in_place(node.body) and _written_in_place(node.orelse)
    return False


def _empty(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value == ""


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _language_codes(node: ast.expr) -> bool:
    """``"it"``/``"en"``, or a tuple, list or set holding one."""
    if isinstance(node, ast.Constant):
        return node.value in _LANGUAGE_CODES
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_language_codes(item) for item in node.elts)
    return False


class _Finder(ast.NodeVisitor):
    """Every use of a second message mechanism, with the scope it sits in."""

    def __init__(self) -> None:
        self.scope: list[tuple[str, str]] = []  # ("class" | "def", name)
        self.found: list[tuple[int, str, tuple[tuple[str, str], ...]]] = []

    def _enter(
        self, kind: str, node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
    ) -> None:
        self.scope.append((kind, node.name))
        self.generic_visit(node)
        self.scope.pop()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._enter("class", node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._enter("def", node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._enter("def", node)

    def _report(self, node: ast.AST, what: str) -> None:
        self.found.append((getattr(node, "lineno", 0), what, tuple(self.scope)))

    def visit_Call(self, node: ast.Call) -> None:
        for keyword in node.keywords:
            if keyword.arg == "message_it" and _written_in_place(keyword.value):
                self._report(node, "message_it= written in place (use Error.of(code))")
        if _name(node.func) == "Text":
            texts = list(node.args[:2]) + [k.value for k in node.keywords if k.arg in ("it", "en")]
            if (
                len(texts) == 2
                and all(_written_in_place(t) for t in texts)
                and not all(_empty(t) for t in texts)
            ):
                self._report(node, "Text(<it>, <en>) written in place (use Text.message(key))")
        if _name(node.func) in _VERDICT_NOTES and any(
            _written_in_place(a) and not _empty(a) for a in node.args[:1]
        ):
            # A note is shown to the reader: a plain string holds one language, or two glued.
            self._report(node, "a rule's note written in place (use Text.message(key))")
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        operands = [node.left, *node.comparators]
        choosing = any(isinstance(op, ast.Eq | ast.NotEq | ast.In | ast.NotIn) for op in node.ops)
        if (
            choosing
            and any(_name(o) == "lang" for o in operands)
            and any(_language_codes(o) for o in operands)
        ):
            self._report(node, "lang compared with a language (use i18n.message(key, lang))")
        self.generic_visit(node)


def _allowed(relative: str, scope: tuple[tuple[str, str], ...]) -> bool:
    if relative in CATALOGUE_FILES:
        return True
    for file, where in ALLOWED_SCOPES:
        if file != relative:
            continue
        if where == "class" and any(kind == "class" for kind, _ in scope):
            return True
        if ".".join(name for _, name in scope).startswith(where):
            return True
    return False


def second_mechanisms(source: str, relative: str) -> list[str]:
    """``file:line: what`` for each use of a second mechanism in ``source`` not allowed there."""
    finder = _Finder()
    finder.visit(ast.parse(source))
    return [
        f"{relative}:{line}: {what}"
        for line, what, scope in finder.found
        if not _allowed(relative, scope)
    ]


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(SRC.rglob("*.py")):
        yield path.relative_to(SRC).as_posix(), path


def test_every_message_comes_from_the_catalogue() -> None:
    """No module outside the catalogue writes a text pair or chooses a text by language."""
    problems = [
        problem
        for relative, path in _modules()
        for problem in second_mechanisms(path.read_text(encoding="utf-8"), relative)
    ]
    assert not problems, "\n".join(problems)


_VERDICT_NOTES = frozenset({"not_applicable"})
"""Verdict helpers whose first argument is a note shown to the reader."""

_SNIPPETS = [
    ('return not_applicable("servizio non offerto / service not offered")', 1),
    ('return not_applicable(Text.message("tutela.partner.service_not_offered"))', 0),
    ('raise InvalidValue("x", code="c", message_it="y")', 1),
    ('raise InvalidValue("x", code="c", message_it=f"y {z}")', 1),
    ('raise InvalidValue("x", code="c", message_it="y" + f"{z}")', 1),
    ('verdict = Text("sì", "yes")', 1),
    ('verdict = Text(f"{n} ore", f"{n} hours")', 1),
    ('verdict = Text(it="sì", en="yes")', 1),
    ('verdict = rules.Text("sì", "yes")', 1),
    ('word = "ore" if lang == "it" else "hours"', 1),
    ('word = "hours" if lang != "it" else "ore"', 1),
    ('word = "hours" if "en" == report.lang else "ore"', 1),
    ('word = "ore" if lang in ("it",) else "hours"', 1),
    # Not a second mechanism: built messages, catalogue calls, no text at all.
    ('raise InvalidValue(english, code="c", message_it=italian)', 0),
    ('raise InvalidValue.of("budget.no_recipients", path="x")', 0),
    ('verdict = Text.message("pippi.period.not_stated")', 0),
    ('verdict = Text("", "")', 0),
    ("verdict = Text(describe(r, 'it'), describe(r, 'en'))", 0),
    ('word = i18n.message("report.label.source", lang)', 0),
    ("same = lang == other_lang", 0),
    ('fmt = "json" if kind == "it" else "toml"', 0),
]


@pytest.mark.parametrize(("source", "count"), _SNIPPETS)
def test_the_guard_sees_each_form(source: str, count: int) -> None:
    """Each form of a second mechanism is found once; catalogue calls are not."""
    assert len(second_mechanisms(source, "example.py")) == count


def test_the_guard_allows_the_catalogue_and_stored_messages_only() -> None:
    """errors.py's classes may hand out a stored message by language; its functions may not."""
    source = (
        "class E:\n"
        "    def text(self, lang):\n"
        '        return self.message_it if lang == "it" else self.message\n'
        "def shorten(lang):\n"
        '    return "cifre" if lang == "it" else "digits"\n'
    )
    assert second_mechanisms(source, "errors.py") == ["errors.py:5: " + _COMPARE]
    assert second_mechanisms(source, "i18n.py") == []
    assert len(second_mechanisms(source, "sercop/checks.py")) == 2
    values = (
        "class Text:\n"
        "    def display(self, lang):\n"
        '        return self.it if lang == "it" else self.en\n'
        "def display(value, lang):\n"
        '    return "sì" if lang == "it" else "yes"\n'
    )
    assert second_mechanisms(values, "rules/_values.py") == ["rules/_values.py:5: " + _COMPARE]


_COMPARE = "lang compared with a language (use i18n.message(key, lang))"


# --- the catalogue itself ---------------------------------------------------------------


def _import_everything() -> None:
    """Import every module: each defines its messages at import."""
    for info in pkgutil.walk_packages(welfare_ambito.__path__, "welfare_ambito."):
        if info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError as exc:  # an optional dependency (dask, openpyxl) not installed
            if (exc.name or "").startswith("welfare_ambito"):
                raise


_import_everything()
# Keys a doctest defines while the suite runs are examples, not the library's messages.
_KEYS = tuple(k for k in i18n.message_keys() if not k.startswith("example."))


class _Sample:
    """A stand-in parameter: formats as a neutral token whatever the field asks of it."""

    def __format__(self, spec: str) -> str:
        return "X7"

    def __repr__(self) -> str:
        return "'X7'"

    __str__ = __repr__

    def __getattr__(self, name: str) -> _Sample:
        return self

    def __getitem__(self, key: object) -> _Sample:
        return self


def _templates(key: str, lang: str) -> list[str]:
    entry = i18n._CATALOGUE[key][lang]  # type: ignore[index]
    return [entry] if isinstance(entry, str) else list(entry.values())


def _fields(template: str) -> set[str]:
    """The parameter names of a template: ``{value!r}`` and ``{a.b:>6}`` name value and a."""
    names = set()
    for _, field, _, _ in string.Formatter().parse(template):
        if field:
            names.add(field.split(".")[0].split("[")[0])
    return names


def _params(key: str) -> dict[str, Any]:
    names = set().union(*(_fields(t) for lang in ("it", "en") for t in _templates(key, lang)))
    return {name: _Sample() for name in names if name != "count"}


def _plural(key: str) -> bool:
    return any(not isinstance(i18n._CATALOGUE[key][lang], str) for lang in ("it", "en"))  # type: ignore[index]


def test_the_catalogue_holds_the_library_messages() -> None:
    """Importing the library defines its messages (a few hundred), not only the base units."""
    assert len(_KEYS) > 200
    for key in ("report.label.source", "pippi.budget.margin", "error.sercop.not_found"):
        assert key in _KEYS


@pytest.mark.parametrize("key", _KEYS)
def test_every_message_renders_in_its_own_language(key: str) -> None:
    """Each message renders in both languages (plurals at 1 and 2), with no word of the other."""
    counts: tuple[int | Decimal | None, ...] = (1, 2, Decimal("1.5")) if _plural(key) else (None,)
    for count in counts:
        params = _params(key) | ({} if count is None else {"count": count})
        for lang in ("it", "en"):
            text = i18n.message(key, lang, **params)  # type: ignore[arg-type]
            assert text.strip(), (key, lang)
            assert not leaks(text, lang), (key, lang, text, leaks(text, lang))


@pytest.mark.parametrize("key", [k for k in _KEYS if k.startswith("error.")])
def test_error_templates_name_the_same_parameters_in_both_languages(key: str) -> None:
    """A parameter named in one language only is a KeyError the day the error is raised."""
    italian = set().union(*(_fields(t) for t in _templates(key, "it")))
    english = set().union(*(_fields(t) for t in _templates(key, "en")))
    assert italian == english, (key, italian ^ english)


def test_every_error_template_raises_with_its_own_parameters() -> None:
    """Error.of with the template's parameters gives a message in each language, never the code."""
    from welfare_ambito.errors import InvalidValue

    for key in _KEYS:
        if not key.startswith("error."):
            continue
        code = key.removeprefix("error.")
        params = _params(key) | ({"count": 2} if _plural(key) else {})
        error = InvalidValue.of(code, path="x", **params)
        assert error.text("it") != code, key
        assert error.text("en") != code, key

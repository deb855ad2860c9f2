"""Errors of the table readers: one bilingual constructor, cell addresses like ``Foglio!C4``."""

from __future__ import annotations

from typing import Any, cast

from welfare_ambito import i18n
from welfare_ambito.errors import ErrorDetail, InvalidValue, WelfareAmbitoError

__all__ = ["cell_address", "column_letter", "detail", "labelled", "table_error", "unreadable"]

i18n.define("tables.labelled", it="«{label}»: {text}", en="«{label}»: {text}")

i18n.define(
    "error.tables.unreadable",
    it="impossibile aprire {name}: {reason}",
    en="cannot open {name}: {reason}",
)


def table_error(
    code: str, path: str, /, template: str | None = None, **params: Any
) -> InvalidValue:
    """An :class:`InvalidValue` with code ``tables.<code>`` located at ``path``.

    Its texts are the catalogue's ``error.tables.<template>`` (default: ``<code>``)
    filled with ``params``: one stable code may have several wordings.

    >>> print(table_error("unreadable", "f.csv", name="f.csv", reason="Is a directory"))
    f.csv: cannot open f.csv: Is a directory
    """
    error = cast(InvalidValue, InvalidValue.of(f"tables.{template or code}", path=path, **params))
    error.code = f"tables.{code}"
    return error


def detail(code: str, path: str, /, **params: Any) -> ErrorDetail:
    """An :class:`ErrorDetail` at ``path`` from the catalogue's ``error.tables.<code>``.

    >>> detail("unreadable", "f.csv", name="f.csv", reason="x").text("it")
    'impossibile aprire f.csv: x'
    """
    return ErrorDetail.from_error(table_error(code, path, **params), path)


def labelled(path: str, label: str, problem: WelfareAmbitoError | Any) -> ErrorDetail:
    """``problem`` (an error, a detail or a cell problem) at ``path``, its text led by «label».

    >>> error = table_error("unreadable", "x", name="f.csv", reason="x")
    >>> labelled("Foglio!B2", "ore", error).text("en")
    '«ore»: cannot open f.csv: x'
    """
    english, italian = (
        i18n.message("tables.labelled", lang, label=label, text=problem.text(lang))
        for lang in ("en", "it")
    )
    return ErrorDetail(path, problem.code, english, italian)


def unreadable(name: str, error: OSError) -> InvalidValue:
    """A file the table readers cannot open (missing, a folder, no permission), by its name.

    >>> print(unreadable("f.csv", FileNotFoundError(2, "No such file or directory")))
    f.csv: cannot open f.csv: No such file or directory
    """
    reason = error.strerror or type(error).__name__
    return cast(
        InvalidValue, InvalidValue.of("tables.unreadable", path=name, name=name, reason=reason)
    )


def column_letter(index: int) -> str:
    """The spreadsheet letter of a zero-based column index.

    >>> column_letter(0), column_letter(2), column_letter(26), column_letter(16383)
    ('A', 'C', 'AA', 'XFD')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_address(source: str, column: int, row: int) -> str:
    """Where a cell is, as a spreadsheet says it: ``Monte ore!C4`` (column zero-based, row one-based).

    >>> cell_address("Monte ore", 2, 4)
    'Monte ore!C4'
    """
    return f"{source}!{column_letter(column)}{row}"

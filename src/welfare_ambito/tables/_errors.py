"""Errors of the table readers: one bilingual constructor, cell addresses like ``Foglio!C4``."""

from __future__ import annotations

from typing import cast

from welfare_ambito import i18n
from welfare_ambito.errors import InvalidValue

__all__ = ["cell_address", "column_letter", "table_error", "unreadable"]

i18n.define(
    "error.tables.unreadable",
    it="impossibile aprire {name}: {reason}",
    en="cannot open {name}: {reason}",
)


def table_error(code: str, path: str, message: str, message_it: str) -> InvalidValue:
    """An :class:`InvalidValue` with code ``tables.<code>`` located at ``path``."""
    return InvalidValue(message, code=f"tables.{code}", message_it=message_it, path=path)


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

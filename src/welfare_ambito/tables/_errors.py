"""Errors of the table readers: one bilingual constructor, cell addresses like ``Foglio!C4``."""

from __future__ import annotations

from welfare_ambito.errors import InvalidValue

__all__ = ["cell_address", "column_letter", "table_error"]


def table_error(code: str, path: str, message: str, message_it: str) -> InvalidValue:
    """An :class:`InvalidValue` with code ``tables.<code>`` located at ``path``."""
    return InvalidValue(message, code=f"tables.{code}", message_it=message_it, path=path)


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

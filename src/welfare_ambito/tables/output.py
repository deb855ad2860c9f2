"""Writing rows out: CSV, XLSX and JSON, streamed, safe against formula injection.

A cell whose text begins with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return) would run as a formula when a spreadsheet opens the file; such text is
written with a leading apostrophe (OWASP's CSV-injection guidance). Numbers
and Decimals are written as numbers, never escaped.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import enum
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from welfare_ambito import i18n
from welfare_ambito.money import Money
from welfare_ambito.tables._errors import table_error

i18n.define(
    "error.tables.output_format",
    it="impossibile scrivere {file!r}: indica un file .csv, .xlsx o .json",
    en="cannot write {file!r}: name a .csv, .xlsx or .json file",
)

__all__ = ["FORMATS", "escape_cell", "export", "format_of", "write_rows"]

FORMATS = ("csv", "xlsx", "json")
"""The formats :func:`write_rows` writes.

>>> "xlsx" in FORMATS
True
"""

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: Any) -> Any:
    """``value`` made safe for a spreadsheet cell: text that starts like a formula gets a ``'``.

    >>> escape_cell("=HYPERLINK(\\"http://x\\")"), escape_cell("-1"), escape_cell(-1)
    ('\\'=HYPERLINK("http://x")', "'-1", -1)
    >>> escape_cell("Famiglia F01")
    'Famiglia F01'
    """
    if isinstance(value, str) and value.startswith(_TRIGGERS):
        return "'" + value
    return value


def format_of(path: str | os.PathLike[str], given: str | None = None) -> str:
    """The output format: ``given``, else from the suffix of ``path`` (``.csv``/``.xlsx``/``.json``).

    >>> format_of("esiti.xlsx"), format_of("out.txt", "json")
    ('xlsx', 'json')
    """
    if given is not None:
        chosen = given
    else:
        chosen = os.path.splitext(os.fspath(path))[1].lower().lstrip(".")
    if chosen not in FORMATS:
        raise table_error("output_format", "output", file=os.fspath(path))
    return chosen


def _plain(value: Any) -> Any:
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple | frozenset | set):
        return "; ".join(str(_plain(v)) for v in value)
    return value


def _json_value(value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_rows(
    path: str | os.PathLike[str],
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    fmt: str | None = None,
    sheet: str = "Esiti",
    sep: str = ";",
    extra_sheets: Callable[[], Mapping[str, Sequence[Sequence[Any]]]] | None = None,
) -> int:
    """Write ``header`` and ``rows`` to ``path``, streaming; returns the number of rows.

    CSV is UTF-8 with a BOM (Excel opens it right) and ``;``; XLSX writes one
    sheet (plus the sheets ``extra_sheets()`` returns once the rows are written,
    e.g. a summary) in write-only mode; JSON is a
    list of objects keyed by the header.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = pathlib.Path(folder, "esiti.csv")
    ...     write_rows(out, ["famiglia", "nota"], [["F01", "=1+1"]])
    ...     out.read_text(encoding="utf-8-sig")
    1
    "famiglia;nota\\nF01;'=1+1\\n"
    """
    chosen = format_of(path, fmt)
    if chosen == "csv":
        return _write_csv(path, header, rows, sep)
    if chosen == "json":
        return _write_json(path, header, rows)
    return _write_xlsx(path, header, rows, sheet, extra_sheets or dict)


def _write_csv(
    path: str | os.PathLike[str], header: Sequence[str], rows: Iterable[Sequence[Any]], sep: str
) -> int:
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=sep, lineterminator="\r\n")
        writer.writerow([escape_cell(h) for h in header])
        for row in rows:
            writer.writerow([escape_cell(_csv_text(v)) for v in row])
            count += 1
    return count


def _csv_text(value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "sì" if value else "no"
    if value is None:
        return ""
    return value if isinstance(value, int | float) else str(value)


def _write_json(
    path: str | os.PathLike[str], header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("[")
        for row in rows:
            handle.write(",\n  " if count else "\n  ")
            record = {h: _json_value(v) for h, v in zip(header, row, strict=False)}
            handle.write(json.dumps(record, ensure_ascii=False))
            count += 1
        handle.write("\n]\n" if count else "]\n")
    return count


def _write_xlsx(
    path: str | os.PathLike[str],
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    sheet: str,
    extra: Callable[[], Mapping[str, Sequence[Sequence[Any]]]],
) -> int:
    from welfare_ambito.budget._common import optional_module

    openpyxl = optional_module("openpyxl", feature="writing XLSX", extra="xlsx")
    target = os.fspath(path)
    # The destination is opened first: a path that cannot be written fails before any
    # streaming sheet exists (an abandoned one prints a traceback when collected).
    with open(target, "wb") as handle:
        book = openpyxl.Workbook(write_only=True)
        try:
            main = book.create_sheet(sheet[:31])
            main.append([escape_cell(h) for h in header])
            count = 0
            for row in rows:
                main.append([_xlsx_value(v) for v in row])
                count += 1
            for title, extra_rows in extra().items():
                other = book.create_sheet(title[:31])
                for extra_row in extra_rows:
                    other.append([_xlsx_value(v) for v in extra_row])
            book.save(handle)
        except BaseException:
            _discard(book)
            handle.close()
            with contextlib.suppress(OSError):
                os.remove(target)
            raise
    return count


def _discard(book: Any) -> None:
    """Finish the streaming sheets of an abandoned write-only ``book`` quietly."""
    for worksheet in book.worksheets:
        with contextlib.suppress(Exception):
            worksheet.close()


def _xlsx_value(value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, Decimal | int | float | dt.date):
        return value
    if value is None:
        return None
    return escape_cell(str(value))


def export(
    result: Any, path: str | os.PathLike[str], *, fmt: str | None = None, title: str | None = None
) -> int:
    """Write anything with ``to_records()`` — a Report, Allocation, Phasing, Reconciliation,
    Table or TableScreening — to CSV, XLSX or JSON (by the suffix or ``fmt``); returns the rows.

    Decimal amounts stay numbers in the spreadsheet; text is escaped against
    formula injection. The sheet is named ``title`` (default: the result's class).

    >>> import pathlib, tempfile, openpyxl
    >>> from welfare_ambito.budget import allocate
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "riparto.xlsx")
    ...     export(allocate("430900", {"Meda": 108, "Seregno": 255}), path)
    ...     rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    2
    >>> rows[0][:2], rows[1][0]
    (('recipient', 'weight'), 'Meda')
    """
    records = result.to_records()
    header: list[str] = []
    for record in records:
        for key in record:
            if key not in header:
                header.append(key)
    rows = ([record.get(key) for key in header] for record in records)
    return write_rows(path, header, rows, fmt=fmt, sheet=title or type(result).__name__)

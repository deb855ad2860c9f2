"""The one safe opener of XLSX workbooks (needs the ``xlsx`` extra: openpyxl, defusedxml).

Before openpyxl parses anything the file is checked: it must be a zip archive
(else a typed error, never ``BadZipFile``); its declared uncompressed size must
stay under ``max_bytes`` (zipfile never inflates a member past its declared
size, so zip and whitespace bombs stop here); no XML part may declare a DOCTYPE
or an entity (billion laughs, external entities). openpyxl itself parses through
defusedxml when it is installed. Rows are streamed (read-only mode, cached
values of formulas); a formula cell without a cached value comes out as
:data:`UNCOMPUTED` so the caller reports it instead of reading a blank.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from welfare_ambito import i18n
from welfare_ambito.errors import InvalidValue, NotFound, Phrase, WelfareAmbitoError
from welfare_ambito.tables._errors import table_error, unreadable

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "MAX_XLSX_BYTES", "UNCOMPUTED", "open_sheet", "xlsx_rows"]

MAX_XLSX_BYTES = 512 * 1024 * 1024
"""Default cap on the uncompressed size of a workbook (all its parts).

>>> MAX_XLSX_BYTES // 2**20
512
"""
MAX_ROWS = 1_048_576
"""Default cap on the rows of a sheet (Excel's own limit).

>>> MAX_ROWS
1048576
"""
MAX_COLUMNS = 16_384
"""Columns of a sheet (Excel's own limit): a cell beyond is refused."""


class _Uncomputed:
    """A formula cell whose value was never computed (saved by a library, not by Excel)."""

    def __repr__(self) -> str:
        return "UNCOMPUTED"


UNCOMPUTED: Any = _Uncomputed()
"""Stands for a formula cell without a cached value.

>>> UNCOMPUTED
UNCOMPUTED
"""

i18n.define(
    "error.tables.not_xlsx",
    it="{name} non è una cartella di lavoro XLSX leggibile ({why}); salvala di nuovo come .xlsx",
    en="{name} is not a readable XLSX workbook ({why}); save it again as .xlsx",
)
i18n.define(
    "error.tables.not_zip",
    it="{name} non è una cartella di lavoro XLSX leggibile (non è un archivio zip); "
    "salvala di nuovo come .xlsx",
    en="{name} is not a readable XLSX workbook (not a zip archive); save it again as .xlsx",
)
i18n.define(
    "error.tables.too_many_columns",
    it="{name} non è una cartella di lavoro XLSX leggibile (una cella oltre la colonna {limit}); "
    "salvala di nuovo come .xlsx",
    en="{name} is not a readable XLSX workbook (a cell beyond column {limit}); "
    "save it again as .xlsx",
)
i18n.define(
    "error.tables.xlsx_too_large",
    it="{name} decompresso occupa {total} byte, oltre il limite di {limit}: "
    "dividi la cartella o esporta in CSV",
    en="{name} unpacks to {total} bytes, over the limit of {limit}: "
    "split the workbook or export CSV",
)
i18n.define(
    "error.tables.xlsx_entities",
    it="{name} dichiara entità XML o una DTD ({part}): rifiutato perché non sicuro",
    en="{name} declares XML entities or a DTD ({part}): refused as unsafe",
)
i18n.define(
    "error.tables.no_sheet",
    it="nessun foglio {sheet!r} in {name}; i suoi fogli: {known}",
    en="no sheet {sheet!r} in {name}; its sheets: {known}",
)
i18n.define(
    "error.tables.too_many_rows",
    it="{name} ha più di {limit} righe nel foglio {sheet!r}",
    en="{name} has more than {limit} rows in sheet {sheet!r}",
)


_ROOT = re.compile(rb"<[A-Za-z_]")
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _not_xlsx(name: str, why: str) -> InvalidValue:
    return table_error("not_xlsx", name, name=name, why=why)


def _check_archive(path: str, name: str, max_bytes: int) -> None:
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise unreadable(name, exc) from None
    if not zipfile.is_zipfile(path):
        raise table_error("not_xlsx", name, template="not_zip", name=name)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            total = sum(info.file_size for info in infos)
            if total > max_bytes:
                raise table_error(
                    "xlsx_too_large",
                    name,
                    name=name,
                    total=Phrase.number(total),
                    limit=Phrase.number(max_bytes),
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    _check_prolog(archive, info, name)
    except WelfareAmbitoError:
        raise
    except (
        Exception
    ) as exc:  # zipfile, zlib and the file system fail in many ways on a damaged file
        raise _not_xlsx(name, type(exc).__name__) from None


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Refuse a DOCTYPE or ENTITY declaration before the root element of an XML part."""
    seen = b""
    with archive.open(info) as member:
        while True:
            chunk = member.read(65_536)
            if not chunk:
                return
            seen = seen[-16:] + chunk
            if seen.startswith((b"\xff\xfe", b"\xfe\xff")):
                break
            root = _ROOT.search(seen)
            head = seen if root is None else seen[: root.start()]
            if _DECLARATION.search(head):
                break
            if root is not None:
                return
    raise table_error("xlsx_entities", name, name=name, part=info.filename)


def _parser_class() -> Any:
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class CachedValueParser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> Any:
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = UNCOMPUTED
            return cell

    return CachedValueParser


def xlsx_rows(
    path: str | os.PathLike[str],
    *,
    sheet: str | int | None = None,
    max_bytes: int = MAX_XLSX_BYTES,
    max_rows: int = MAX_ROWS,
) -> Iterator[tuple[int, list[Any]]]:
    """``(row number, values)`` of a sheet (the first, or named, or by index), streamed.

    Blank rows are skipped; trailing empty cells are dropped; a formula without
    a cached value is :data:`UNCOMPUTED`. Raises
    :class:`~welfare_ambito.errors.InvalidValue` (``tables.not_xlsx``,
    ``tables.xlsx_too_large``, ``tables.xlsx_entities``, ``tables.too_many_rows``)
    or :class:`~welfare_ambito.errors.NotFound` for an unknown sheet.

    >>> import pathlib, tempfile, openpyxl
    >>> book = openpyxl.Workbook()
    >>> book.active.append(["famiglia", "ore"])
    >>> book.active.append(["F01", 8])
    >>> book.active.append(["F02", "=B2*2"])
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     book.save(pathlib.Path(folder, "f.xlsx"))
    ...     rows = list(xlsx_rows(pathlib.Path(folder, "f.xlsx")))
    >>> rows
    [(1, ['famiglia', 'ore']), (2, ['F01', 8]), (3, ['F02', UNCOMPUTED])]
    """
    _, rows = open_sheet(path, sheet=sheet, max_bytes=max_bytes, max_rows=max_rows)
    yield from rows


def open_sheet(
    path: str | os.PathLike[str],
    *,
    sheet: str | int | None = None,
    max_bytes: int = MAX_XLSX_BYTES,
    max_rows: int = MAX_ROWS,
) -> tuple[str, Iterator[tuple[int, list[Any]]]]:
    """Check and open a workbook now; return the sheet's title and its rows (see :func:`xlsx_rows`)."""
    from welfare_ambito.budget._common import optional_module

    file = os.fspath(path)
    name = os.path.basename(file)
    _check_archive(file, name, max_bytes)
    openpyxl = optional_module("openpyxl", feature="reading XLSX", extra="xlsx")
    try:
        book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except WelfareAmbitoError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise _not_xlsx(name, type(exc).__name__) from None
    try:
        worksheet = _sheet(book, sheet, name)
    except BaseException:
        book.close()
        raise
    return str(worksheet.title), _closing(book, _sheet_rows(book, worksheet, name, max_rows))


def _closing(book: Any, rows: Iterator[tuple[int, list[Any]]]) -> Iterator[tuple[int, list[Any]]]:
    try:
        yield from rows
    finally:
        book.close()


def _sheet(book: Any, sheet: str | int | None, name: str) -> Any:
    if sheet is None:
        return book.worksheets[0]
    if isinstance(sheet, int) and 0 <= sheet < len(book.worksheets):
        return book.worksheets[sheet]
    if isinstance(sheet, str) and sheet in book.sheetnames:
        return book[sheet]
    known = ", ".join(book.sheetnames)
    raise NotFound.of("tables.no_sheet", path="sheet", sheet=sheet, name=name, known=known)


def _sheet_rows(
    book: Any, worksheet: Any, name: str, max_rows: int
) -> Iterator[tuple[int, list[Any]]]:
    parser_class = _parser_class()
    count = 0
    try:
        with book._archive.open(worksheet._worksheet_path) as source:
            parser = parser_class(
                source,
                worksheet._shared_strings,
                data_only=True,
                epoch=book.epoch,
                date_formats=book._date_formats,
                timedelta_formats=book._timedelta_formats,
            )
            for number, cells in parser.parse():
                values = _values(cells, name, number)
                if not values:
                    continue
                count += 1
                if count > max_rows or number > MAX_ROWS:
                    raise table_error(
                        "too_many_rows",
                        f"{worksheet.title}!A{number}",
                        name=name,
                        sheet=str(worksheet.title),
                        limit=Phrase.number(max_rows),
                    )
                yield number, values
    except WelfareAmbitoError:
        raise
    except Exception as exc:  # a damaged or hostile sheet part
        raise _not_xlsx(name, type(exc).__name__) from None


def _values(cells: list[dict[str, Any]], name: str, number: int) -> list[Any]:
    filled = [c for c in cells if c["value"] is not None and c["value"] != ""]
    if not filled:
        return []
    width = max(c["column"] for c in filled)
    if width > MAX_COLUMNS:
        raise table_error(
            "not_xlsx",
            name,
            template="too_many_columns",
            name=name,
            limit=Phrase.number(MAX_COLUMNS),
        )
    row: list[Any] = [None] * width
    for cell in filled:
        if cell["column"] >= 1:
            row[cell["column"] - 1] = cell["value"]
    return row

"""Sercop's published tables (seeds 000, 001, 003), shipped as cited data.

Each table lives in ``welfare_ambito/data/sercop/<id>.toml`` with its citation (seed file,
section, a verbatim quote) and every cell **as printed** (``"17.205"``, ``"-11,90%"``,
``"7,7"``); :class:`Cell` keeps that text and the value read from it: counts as ``int``,
percentages and other numbers as :class:`~decimal.Decimal`, amounts as
:class:`~welfare_ambito.Money`. Published figures are never corrected here: the checks in
:mod:`welfare_ambito.sercop.checks` report where they disagree with their inputs.

>>> table = published_table("sesei_scuole_2016")
>>> table.value("infanzia", "n"), table.citation.document
(24, 'sercop-sesei-relazione-2013-2016')
"""

from __future__ import annotations

import enum
import tomllib
from collections.abc import Callable, Mapping
from decimal import Decimal
from importlib import resources
from typing import Any, TypeVar

import attrs

from welfare_ambito import i18n
from welfare_ambito.citations import Citation
from welfare_ambito.errors import InvalidValue, NotFound, Phrase, WelfareAmbitoError
from welfare_ambito.model import _validate as v
from welfare_ambito.money import Money
from welfare_ambito.parsing import read_count, read_decimal

__all__ = [
    "Cell",
    "CellKind",
    "Citation",
    "Column",
    "PublishedTable",
    "Row",
    "RowRole",
    "load_table",
    "published_table",
    "published_tables",
]

i18n.define(
    "error.sercop.not_found",
    it="{what} {key!r} non trovata nella tabella pubblicata {table!r}",
    en="{what} {key!r} not found in published table {table!r}",
)
i18n.define("sercop.noun.column", it="colonna", en="column")
i18n.define("sercop.noun.row", it="riga", en="row")
i18n.define("sercop.noun.table", it="tabella", en="table")
i18n.define(
    "error.sercop.cells",
    it={
        "one": "la riga {index} della tabella {table!r} deve avere 1 cella",
        "other": "la riga {index} della tabella {table!r} deve avere {count} celle",
    },
    en={
        "one": "row {index} of table {table!r} must have 1 cell",
        "other": "row {index} of table {table!r} must have {count} cells",
    },
)
i18n.define(
    "error.sercop.cell_kind",
    it="la cella {where} non ha un tipo: indicalo sulla riga o sulla colonna",
    en="cell {where} has no kind: give the row or the column a kind",
)
i18n.define(
    "error.sercop.unknown_table",
    it="nessuna tabella Sercop pubblicata {table!r}; note: {known}",
    en="no published Sercop table {table!r}; known: {known}",
)

_DATA = ("data", "sercop")
T = TypeVar("T")


def _as_kind(value: Any) -> Any:
    return v.enum_value(CellKind)(value)


def _as_role(value: Any) -> Any:
    return v.enum_value(RowRole)(value)


class CellKind(enum.StrEnum):
    """How a cell's text is read.

    >>> CellKind("percent")
    <CellKind.PERCENT: 'percent'>
    >>> Cell.read("7,7", CellKind.NUMBER).value
    Decimal('7.7')
    """

    COUNT = "count"
    """A whole number; Italian thousands dots allowed (``"17.205"``)."""
    PERCENT = "percent"
    """A percentage, ``"-11,90%"`` → ``Decimal("-11.90")`` (percent points)."""
    NUMBER = "number"
    """A decimal number, ``"7,7"`` → ``Decimal("7.7")``."""
    MONEY = "money"
    """An amount in euros, read with :meth:`welfare_ambito.Money.parse`."""


class RowRole(enum.StrEnum):
    """What a row is in its table, as the publication lays it out.

    >>> table = published_table("sesei_casi_2016")
    >>> table.row("cases").role, table.value("cases", "n")
    (<RowRole.TOTAL: 'total'>, 590)
    >>> [row.key for row in table.rows_with(RowRole.PART)]
    ['sensory_disability', 'upper_secondary_metropolitan']
    """

    ITEM = "item"
    """A row summed by the table's total row."""
    TOTAL = "total"
    """The published total of the ``item`` rows."""
    PART = "part"
    """A "di cui": part of the total, not summed with the items."""
    FIGURE = "figure"
    """A figure on its own."""


@attrs.frozen(kw_only=True)
class Cell:
    """One published cell: the ``text`` as printed and the ``value`` read from it.

    ``decimals`` is the precision the figure is published with (``"-11,90%"``: 2), the
    basis of every comparison with a recomputed figure.

    >>> Cell.read("-11,90%", CellKind.PERCENT).value
    Decimal('-11.90')
    >>> Cell.read("17.205", CellKind.COUNT).value
    17205
    """

    text: str
    kind: CellKind
    value: int | Decimal | Money
    decimals: int

    @classmethod
    def read(cls, text: str, kind: CellKind, *, path: str = "") -> Cell:
        """Read ``text`` as a cell of ``kind``; :class:`InvalidValue` if it is not one."""
        if not isinstance(text, str):
            raise InvalidValue.of("type", path=path, expected="text", actual=type(text).__name__)
        raw = text.strip()
        if kind is CellKind.MONEY:
            money = Money.parse(raw)
            return cls(text=text, kind=kind, value=money, decimals=2)
        if kind is CellKind.COUNT:
            return cls(text=text, kind=kind, value=read_count(raw, path=path), decimals=0)
        body = raw.removesuffix("%").strip() if kind is CellKind.PERCENT else raw
        number = read_decimal(body, path=path)
        exponent = number.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return cls(text=text, kind=kind, value=number, decimals=decimals)


@attrs.frozen(kw_only=True)
class Column:
    """A column: stable ``key``, published ``label``, English ``label_en``, optional ``kind``.

    >>> published_table("sesei_scuole_2016").columns[0]
    Column(key='n', label='N.', label_en='number', kind=<CellKind.COUNT: 'count'>)
    >>> Column(key="share", label="%", label_en="share", kind="percent").kind
    <CellKind.PERCENT: 'percent'>
    """

    key: str = attrs.field(validator=v.identifier)
    label: str = attrs.field(validator=v.text)
    label_en: str = attrs.field(validator=v.text)
    kind: CellKind | None = attrs.field(
        default=None,
        converter=_as_kind,
        validator=v.optional(v.member_of(CellKind)),
    )


@attrs.frozen(kw_only=True)
class Row:
    """A row: stable ``key``, published ``label``, ``role`` and its cells (``None``: blank).

    >>> row = published_table("sesei_scuole_2016").row("infanzia")
    >>> row.label, row.role, row.cells[0].text
    ('INFANZIA', <RowRole.ITEM: 'item'>, '24')
    """

    key: str = attrs.field(validator=v.identifier)
    label: str = attrs.field(validator=v.text)
    label_en: str = attrs.field(validator=v.text)
    cells: tuple[Cell | None, ...] = attrs.field(converter=v.to_tuple)
    role: RowRole = attrs.field(
        default=RowRole.ITEM, converter=_as_role, validator=v.member_of(RowRole)
    )
    kind: CellKind | None = attrs.field(
        default=None,
        converter=_as_kind,
        validator=v.optional(v.member_of(CellKind)),
    )


@attrs.frozen(kw_only=True)
class PublishedTable:
    """A table as published, with its citation; look values up by row and column key.

    >>> table = published_table("sesei_scuole_2016")
    >>> table.title_it, table.value("total", "n")
    ('N. SCUOLE COINVOLTE', 94)
    >>> sum(table.value(row.key, "n") for row in table.rows_with(RowRole.ITEM))
    94
    >>> table.to_records()[1]
    {'table': 'sesei_scuole_2016', 'row': 'infanzia', 'column': 'n', 'text': '24', 'value': 24}
    """

    id: str = attrs.field(validator=v.identifier)
    title_it: str = attrs.field(validator=v.text)
    title_en: str = attrs.field(validator=v.text)
    as_of: str = attrs.field(validator=v.text)
    """The date or period the figures refer to, as far as the source says."""
    citation: Citation
    columns: tuple[Column, ...] = attrs.field(converter=v.to_tuple, validator=v.non_empty)
    rows: tuple[Row, ...] = attrs.field(converter=v.to_tuple, validator=v.non_empty)
    notes: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple)

    def column_index(self, key: str) -> int:
        """Position of column ``key``; :class:`NotFound` if the table has none."""
        for index, column in enumerate(self.columns):
            if column.key == key:
                return index
        raise _missing("column", key, self.id)

    def row(self, key: str) -> Row:
        """Row ``key``; :class:`NotFound` if the table has none."""
        for row in self.rows:
            if row.key == key:
                return row
        raise _missing("row", key, self.id)

    def cell(self, row: str, column: str) -> Cell | None:
        """The cell at ``row``, ``column`` (``None`` if blank)."""
        return self.row(row).cells[self.column_index(column)]

    def value(self, row: str, column: str) -> int | Decimal | Money | None:
        """The value at ``row``, ``column`` (``None`` if blank)."""
        cell = self.cell(row, column)
        return None if cell is None else cell.value

    def rows_with(self, role: RowRole) -> tuple[Row, ...]:
        """The rows of ``role``, in published order."""
        return tuple(row for row in self.rows if row.role is role)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain record per non-blank cell: table, row, column, text and value."""
        return [
            {
                "table": self.id,
                "row": row.key,
                "column": column.key,
                "text": cell.text,
                "value": cell.value,
            }
            for row in self.rows
            for column, cell in zip(self.columns, row.cells, strict=True)
            if cell is not None
        ]


def _missing(what: str, key: str, table: str) -> WelfareAmbitoError:
    """``what`` is ``column``, ``row`` or ``table``."""
    return NotFound.of(
        "sercop.not_found", path=key, what=Phrase(f"sercop.noun.{what}"), key=key, table=table
    )


def load_table(data: Mapping[str, Any]) -> PublishedTable:
    """Build a :class:`PublishedTable` from plain data (a parsed TOML document).

    Cells are the published text; ``""`` is a blank cell. Each cell's kind comes from its
    row's ``kind`` or else its column's. Errors carry the path, e.g. ``rows[3].cells[2]``.

    >>> table = load_table({
    ...     "id": "scuole", "title_it": "N. SCUOLE COINVOLTE", "title_en": "Schools",
    ...     "as_of": "2016", "citation": {"seed": "sercop-sesei-relazione-2013-2016",
    ...     "section": "N. SCUOLE COINVOLTE", "quote": "INFANZIA 24"},
    ...     "columns": [{"key": "n", "label": "N.", "label_en": "number", "kind": "count"}],
    ...     "rows": [{"key": "infanzia", "label": "INFANZIA", "label_en": "pre-school",
    ...               "cells": ["24"]}]})
    >>> table.value("infanzia", "n"), table.citation.section
    (24, 'N. SCUOLE COINVOLTE')
    """
    if not isinstance(data, Mapping):
        raise InvalidValue.of("type", expected="a table", actual=type(data).__name__)
    try:
        cited = _fields(data, "citation", ("seed", "section", "quote"))
        citation = Citation(document=cited["seed"], section=cited["section"], quote=cited["quote"])
        columns = tuple(
            _at(f"columns[{i}]", Column, **_fields(c, "", ("key", "label", "label_en"), ("kind",)))
            for i, c in enumerate(_items(data, "columns"))
        )
        rows = tuple(
            _row(i, r, columns, str(data.get("id", "?")))
            for i, r in enumerate(_items(data, "rows"))
        )
        head = _fields(
            data,
            "",
            ("id", "title_it", "title_en", "as_of"),
            ("notes",),
            also=("citation", "columns", "rows"),
        )
        return _at("", PublishedTable, citation=citation, columns=columns, rows=rows, **head)
    except TypeError as exc:  # a wrong shape in the document, never a bug to leak
        raise InvalidValue.of("type", expected="a published table", actual=str(exc)) from None


def _at(path: str, cls: Callable[..., T], **fields: Any) -> T:
    try:
        return cls(**fields)
    except InvalidValue as exc:
        exc.path = f"{path}.{exc.path}" if path and exc.path else (path or exc.path)
        raise


def _items(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise InvalidValue.of("type", path=key, expected="a list", actual=type(value).__name__)
    return value


def _fields(
    data: Any,
    key: str,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
    also: tuple[str, ...] = (),
) -> dict[str, Any]:
    table = data.get(key) if key else data
    if not isinstance(table, Mapping):
        raise InvalidValue.of("type", path=key, expected="a table", actual=type(table).__name__)
    for name in table:
        if name not in (*required, *optional, *also):
            raise InvalidValue.of("unknown_key", path=f"{key}.{name}" if key else name, key=name)
    out: dict[str, Any] = {}
    for name in required:
        if name not in table:
            raise InvalidValue.of("missing", path=f"{key}.{name}" if key else name)
        out[name] = table[name]
    out.update({name: table[name] for name in optional if name in table})
    return out


def _row(index: int, data: Any, columns: tuple[Column, ...], table: str) -> Row:
    path = f"rows[{index}]"
    fields = _fields(data, "", ("key", "label", "label_en", "cells"), ("role", "kind"))
    cells = fields.pop("cells")
    if not isinstance(cells, list) or len(cells) != len(columns):
        raise InvalidValue.of(
            "sercop.cells", path=f"{path}.cells", index=index, table=table, count=len(columns)
        )
    row_kind = _as_kind(fields.get("kind"))
    read: list[Cell | None] = []
    for position, (text, column) in enumerate(zip(cells, columns, strict=True)):
        where = f"{path}.cells[{position}]"
        kind = row_kind if isinstance(row_kind, CellKind) else column.kind
        if kind is None:
            raise InvalidValue.of("sercop.cell_kind", path=where, where=where)
        blank = isinstance(text, str) and not text.strip()
        read.append(None if blank else Cell.read(text, kind, path=where))
    return _at(path, Row, cells=tuple(read), **fields)


def _resource_names() -> list[str]:
    folder = resources.files("welfare_ambito").joinpath(*_DATA)
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    )


def published_table(table_id: str) -> PublishedTable:
    """The shipped table ``table_id``; :class:`NotFound` lists the known ids otherwise.

    >>> table = published_table("tutela_minori_2008_2011")
    >>> table.cell("variation", "b_2009").text, table.value("variation", "b_2009")
    ('-11,90%', Decimal('-11.90'))
    >>> table.citation.document
    'sercop-bilancio-sociale-2011'
    """
    names = _resource_names()
    if table_id not in names:
        raise NotFound.of(
            "sercop.unknown_table", path=str(table_id), table=table_id, known=", ".join(names)
        )
    resource = resources.files("welfare_ambito").joinpath(*_DATA, f"{table_id}.toml")
    return load_table(tomllib.loads(resource.read_text(encoding="utf-8")))


def published_tables() -> tuple[PublishedTable, ...]:
    """Every shipped Sercop table, ordered by id.

    >>> tables = published_tables()
    >>> len(tables), [t.id for t in tables][:3]
    (11, ['nidi_accreditati_2011', 'nidi_posti_2011', 'nidi_prescrizioni_per_visita_2011'])
    """
    return tuple(published_table(name) for name in _resource_names())

"""Tables of amounts (rows × columns, e.g. Comuni × areas of intervention) and how to read them.

Published spending tables are read from CSV in Italian number format
(``"1.234.567,89"``, ``"-"`` for zero, ``;`` or ``,`` between cells) or, with the
``xlsx`` extra (openpyxl), from a spreadsheet. Amounts are kept in integer cents.

Embedded tables (see :func:`embedded_tables`) carry their citation:

>>> t = load_table("rhodense_spesa_2011")
>>> t.cell("Rho", "Minori")
Money('3422214.60')
>>> t.citation.split(" — ")[0]
'Bilancio sociale 2011'
"""

from __future__ import annotations

import csv
import io
import os
import tomllib
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from importlib import resources
from typing import Any, Final, overload

import attrs

from welfare_ambito import i18n
from welfare_ambito._lang import DEFAULT_LANG, Lang
from welfare_ambito.budget._common import (
    Amount,
    cents_of,
    euro_text,
    optional_module,
    records_frame,
    word,
)
from welfare_ambito.budget._html import html_table, text_table
from welfare_ambito.errors import InvalidValue, NotFound, Phrase
from welfare_ambito.money import Money, format_euro
from welfare_ambito.parsing import fast_amount_cents, read_decimal
from welfare_ambito.tables import UNCOMPUTED, csv_rows, sniff_separator, xlsx_rows

__all__ = [
    "Table",
    "embedded_tables",
    "load_table",
    "parse_table_csv",
    "read_table",
    "read_table_csv",
    "read_table_xlsx",
    "rhodense_spesa_2011",
    "sniff_separator",
]

i18n.define_group(
    "error.budget",
    (
        ("table_duplicate", "due {what} hanno lo stesso nome", "two {what} have the same name"),
        (
            "table_row_count",
            {"one": "{labels} ma 1 riga di valori", "other": "{labels} ma {count} righe di valori"},
            {"one": "{labels} but 1 row of values", "other": "{labels} but {count} rows of values"},
        ),
        (
            "table_row_width",
            {
                "one": "la riga {label!r} ha 1 valore, la tabella ha {width}",
                "other": "la riga {label!r} ha {count} valori, la tabella ha {width}",
            },
            {
                "one": "row {label!r} has 1 value, the table has {width}",
                "other": "row {label!r} has {count} values, the table has {width}",
            },
        ),
        (
            "table_line_width",
            {
                "one": "la riga {line} ({label!r}) ha 1 cella, l'intestazione {width}",
                "other": "la riga {line} ({label!r}) ha {count} celle, l'intestazione {width}",
            },
            {
                "one": "line {line} ({label!r}) has 1 cell, the header has {width}",
                "other": "line {line} ({label!r}) has {count} cells, the header has {width}",
            },
        ),
        ("table_no_row", "nessuna riga {label!r} nella tabella", "no row {label!r} in the table"),
        (
            "table_no_column",
            "nessuna colonna {label!r} nella tabella",
            "no column {label!r} in the table",
        ),
        ("table_empty", "{source} non contiene una tabella", "{source} holds no table"),
        (
            "table_empty_text",
            "il testo CSV non contiene una tabella",
            "the CSV text holds no table",
        ),
        (
            "table_header",
            "la prima riga deve contenere l'intestazione e almeno un nome di colonna",
            "the first row must hold the row heading and at least one column name",
        ),
        ("table_label", "la riga {line} non ha etichetta", "line {line} has no label"),
        (
            "table_uncomputed",
            "una formula alla riga {line} non ha un valore calcolato: apri e salva il file con "
            "Excel o LibreOffice, oppure scrivi il valore",
            "a formula on line {line} has no computed value: open and save the file in Excel "
            "or LibreOffice, or write the value",
        ),
        (
            "table_empty_cell",
            "cella vuota alla riga {line} (scrivi '-' per zero)",
            "empty cell on line {line} (write '-' for zero)",
        ),
        (
            "table_number",
            "{value!r} alla riga {line} non è un importo in euro",
            "{value!r} on line {line} is not an amount in euros",
        ),
        (
            "table_not_cents",
            "{value!r} alla riga {line} non è un importo al centesimo",
            "{value!r} on line {line} is not an amount to the cent",
        ),
        (
            "unknown_table",
            "nessuna tabella {name!r} inclusa; disponibili: {known}",
            "no embedded table {name!r}; known: {known}",
        ),
    ),
)

# Messages that share the stable code of a wider class of error (tools match on codes).
# Words quoted inside the error messages above, in the message's language.
i18n.define_group(
    "budget.table",
    (
        ("noun.columns", "colonne", "columns"),
        ("noun.rows", "righe", "rows"),
        (
            "unit.row_labels",
            {"one": "1 etichetta di riga", "other": "{count} etichette di riga"},
            {"one": "1 row label", "other": "{count} row labels"},
        ),
        (
            "unit.columns",
            {"one": "1 colonna", "other": "{count} colonne"},
            {"one": "1 column", "other": "{count} columns"},
        ),
    ),
)


def _phrase(key: str, **params: Any) -> Phrase:
    """Message ``budget.table.<key>`` as a parameter of an error message.

    >>> _phrase("unit.columns", count=1).display("it"), _phrase("noun.rows").display("en")
    ('1 colonna', 'rows')
    """
    return Phrase(f"budget.table.{key}", params)


_CODES: Final = {
    "budget.table_row_count": "budget.table_shape",
    "budget.table_row_width": "budget.table_shape",
    "budget.table_line_width": "budget.table_shape",
    "budget.table_empty_text": "budget.table_empty",
    "budget.table_not_cents": "budget.table_number",
}


def _invalid(key: str, *, path: str, **params: Any) -> InvalidValue:
    """An :class:`InvalidValue` from message ``key``, carrying the stable code of its class."""
    error = InvalidValue.of(key, path=path, **params)
    error.code = _CODES.get(key, key)
    assert isinstance(error, InvalidValue)
    return error


_CHUNK: Final = 1024
"""Labels per chunk of the label store."""


class _Labels(Sequence[str]):
    """Row labels kept compactly: chunks of joined text and the end of each label.

    A million labels cost a few bytes each (their characters and an offset), not
    a Python string object each.

    >>> labels = _Labels.of(["Meda", "", "Seveso"])
    >>> list(labels), labels[-1], len(labels), labels.index("Seveso")
    (['Meda', '', 'Seveso'], 'Seveso', 3, 2)
    """

    __slots__ = ("_chunks", "_ends", "_open", "_open_end")

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self._ends = array("l")
        self._open: list[str] = []
        self._open_end = 0

    @classmethod
    def of(cls, labels: Iterable[str]) -> _Labels:
        """A store holding ``labels``, in order."""
        store = cls()
        for label in labels:
            store.append(label)
        store.close()
        return store

    def append(self, label: str) -> None:
        """Add ``label`` at the end (call :meth:`close` when done)."""
        self._open.append(label)
        self._open_end += len(label)
        self._ends.append(self._open_end)
        if len(self._open) == _CHUNK:
            self.close()

    def close(self) -> None:
        """Join the labels appended since the last chunk into a chunk."""
        if self._open:
            self._chunks.append("".join(self._open))
            self._open = []
            self._open_end = 0

    def __len__(self) -> int:
        return len(self._ends)

    def _at(self, index: int) -> str:
        chunk, place = divmod(index, _CHUNK)
        start = self._ends[index - 1] if place else 0
        if chunk == len(self._chunks):  # not yet closed
            return "".join(self._open)[start : self._ends[index]]
        return self._chunks[chunk][start : self._ends[index]]

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        if isinstance(index, slice):
            return tuple(self._at(i) for i in range(*index.indices(len(self))))
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("label index out of range")
        return self._at(index)

    def __iter__(self) -> Iterator[str]:
        ends = self._ends
        for number, chunk in enumerate(self._chunks):
            start = 0
            for i in range(number * _CHUNK, min((number + 1) * _CHUNK, len(ends))):
                end = ends[i]
                yield chunk[start:end]
                start = end

    def duplicate(self) -> str | None:
        """A label held twice, or ``None``; memory stays small for a million labels."""
        if len(self) <= _CHUNK:
            seen: set[str] = set()
            for label in self:
                if label in seen:
                    return label
                seen.add(label)
            return None
        hashes = array("q", sorted(hash(label) for label in self))
        clashes = {hashes[i] for i in range(1, len(hashes)) if hashes[i] == hashes[i - 1]}
        del hashes
        if not clashes:
            return None
        seen = set()
        for label in self:
            if hash(label) in clashes:
                if label in seen:
                    return label
                seen.add(label)
        return None


def _column_store(values: Iterable[int]) -> Sequence[int]:
    """Cents of one column: a compact ``array('q')``, or a tuple when a value does not fit."""
    collected = values if isinstance(values, list | tuple) else list(values)
    try:
        return array("q", collected)
    except OverflowError:
        return tuple(collected)


class _ColumnBuilder:
    """Cents of one column appended one at a time (a list only past 64-bit integers)."""

    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values: array[int] | list[int] = array("q")

    def append(self, value: int) -> None:
        try:
            self.values.append(value)
        except OverflowError:
            self.values = list(self.values)
            self.values.append(value)

    def done(self) -> Sequence[int]:
        return self.values if isinstance(self.values, array) else tuple(self.values)


def _check_shape(
    columns: tuple[str, ...], labels: _Labels, data: tuple[Sequence[int], ...]
) -> None:
    width = len(columns)
    if len(set(columns)) != width:
        raise _invalid("budget.table_duplicate", path="columns", what=_phrase("noun.columns"))
    if labels.duplicate() is not None:
        raise _invalid("budget.table_duplicate", path="rows", what=_phrase("noun.rows"))
    if len(data) != width or any(len(column) != len(labels) for column in data):
        raise _invalid(
            "budget.table_row_count",
            path="rows",
            labels=_phrase("unit.row_labels", count=len(labels)),
            count=len(data[0]) if data else 0,
        )


def _matrix_columns(
    labels: _Labels, matrix: Iterable[Iterable[int]], width: int
) -> tuple[Sequence[int], ...]:
    """Column stores of a row-major matrix, refusing a row of the wrong width."""
    builders = [_ColumnBuilder() for _ in range(width)]
    count = 0
    for index, row in enumerate(matrix):
        values = tuple(row)
        if index < len(labels) and len(values) != width:
            raise _invalid(
                "budget.table_row_width",
                path=f"rows[{labels[index]}]",
                label=labels[index],
                count=len(values),
                width=_phrase("unit.columns", count=width),
            )
        for builder, value in zip(builders, values, strict=False):
            builder.append(value)
        count += 1
    if count != len(labels):
        raise _invalid(
            "budget.table_row_count",
            path="rows",
            labels=_phrase("unit.row_labels", count=len(labels)),
            count=count,
        )
    return tuple(builder.done() for builder in builders)


class Table:
    """A table of amounts: labelled ``rows`` × ``columns``, values in integer ``cents``.

    Build it with :meth:`from_rows` (amounts as Money or text) or read it with
    :func:`read_table`. ``citation`` says where published figures come from.
    The values are kept by column (one ``array('q')`` of cents each) and the row
    labels in a compact store, so a table of a million rows fits in little memory;
    ``rows`` and ``cents`` give them back as tuples.

    >>> table = Table.from_rows(["Minori", "TOTALE"], {"Meda": ["32.600,00", "32.600,00"]},
    ...                         row_header="Comune")
    >>> table.shape, table.cell("Meda", "Minori")
    ((1, 2), Money('32600.00'))
    >>> table.to_records()
    [{'Comune': 'Meda', 'Minori': Decimal('32600.00'), 'TOTALE': Decimal('32600.00')}]
    """

    __slots__ = ("_data", "_labels", "citation", "columns", "row_header", "title")

    columns: tuple[str, ...]
    title: str
    row_header: str
    """The heading of the label column (``"Comune"``)."""
    citation: str | None
    _labels: _Labels
    _data: tuple[Sequence[int], ...]

    def __init__(
        self,
        *,
        columns: Iterable[str],
        rows: Iterable[str],
        cents: Iterable[Iterable[int]],
        title: str = "",
        row_header: str = "",
        citation: str | None = None,
    ) -> None:
        names = tuple(columns)
        labels = rows if isinstance(rows, _Labels) else _Labels.of(rows)
        data = _matrix_columns(labels, cents, len(names))
        self._set(names, labels, data, title, row_header, citation)

    def _set(
        self,
        columns: tuple[str, ...],
        labels: _Labels,
        data: tuple[Sequence[int], ...],
        title: str,
        row_header: str,
        citation: str | None,
    ) -> None:
        _check_shape(columns, labels, data)
        for name, value in (
            ("columns", columns),
            ("_labels", labels),
            ("_data", data),
            ("title", title),
            ("row_header", row_header),
            ("citation", citation),
        ):
            object.__setattr__(self, name, value)

    @classmethod
    def _of_columns(
        cls,
        columns: tuple[str, ...],
        labels: _Labels,
        data: tuple[Sequence[int], ...],
        *,
        title: str = "",
        row_header: str = "",
        citation: str | None = None,
    ) -> Table:
        table = cls.__new__(cls)
        table._set(columns, labels, data, title, row_header, citation)
        return table

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _restore,
            (
                self.columns,
                tuple(self._labels),
                tuple(self._data),
                self.title,
                self.row_header,
                self.citation,
            ),
        )

    def _key(self) -> tuple[Any, ...]:
        return (
            self.columns,
            len(self._labels),
            self.title,
            self.row_header,
            self.citation,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Table)
        return (
            self._key() == other._key()
            and all(a == b for a, b in zip(self._labels, other._labels, strict=True))
            and all(
                len(a) == len(b) and all(x == y for x, y in zip(a, b, strict=True))
                for a, b in zip(self._data, other._data, strict=True)
            )
        )

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash((*self._key(), tuple(self._labels), tuple(tuple(c) for c in self._data)))

    def __repr__(self) -> str:
        return (
            f"Table(columns={self.columns!r}, rows={self.rows!r}, cents={self.cents!r}, "
            f"title={self.title!r}, row_header={self.row_header!r}, citation={self.citation!r})"
        )

    @property
    def rows(self) -> tuple[str, ...]:
        """The row labels, in order."""
        return tuple(self._labels)

    @property
    def cents(self) -> tuple[tuple[int, ...], ...]:
        """The values in cents, row by row (built on each access: prefer :meth:`column_cents`)."""
        return tuple(zip(*self._data, strict=True)) if self._data else ((),) * len(self._labels)

    def column_cents(self, index: int) -> Sequence[int]:
        """The cents of the column at ``index`` (0-based), without copying them.

        >>> rhodense_spesa_2011().column_cents(-1)[-1]
        2895549287
        """
        return self._data[index]

    def label(self, index: int) -> str:
        """The label of the row at ``index`` (0-based).

        >>> rhodense_spesa_2011().label(-1)
        'TOTALE'
        """
        return self._labels[index]

    @classmethod
    def from_rows(
        cls,
        columns: Sequence[str],
        rows: Mapping[str, Sequence[Amount]],
        *,
        title: str = "",
        row_header: str = "",
        citation: str | None = None,
    ) -> Table:
        """A table from ``{row label: [amount per column]}``.

        >>> Table.from_rows(["a", "TOTALE"], {"x": ["1,50", "1,50"]}).cell("x", "a")
        Money('1.50')
        """
        return cls(
            columns=tuple(columns),
            rows=tuple(rows),
            cents=tuple(
                tuple(
                    cents_of(v, path=f"{label} / {columns[j] if j < len(columns) else j}")
                    for j, v in enumerate(values)
                )
                for label, values in rows.items()
            ),
            title=title,
            row_header=row_header,
            citation=citation,
        )

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns)."""
        return len(self._labels), len(self.columns)

    def cell(self, row: str, column: str) -> Money:
        """The amount at ``row``, ``column``."""
        return Money.from_cents(self._data[self._column_index(column)][self._row_index(row)])

    def row(self, label: str) -> dict[str, Money]:
        """The amounts of a row, by column."""
        i = self._row_index(label)
        return {c: Money.from_cents(v[i]) for c, v in zip(self.columns, self._data, strict=True)}

    def column(self, label: str) -> dict[str, Money]:
        """The amounts of a column, by row."""
        values = self._data[self._column_index(label)]
        return {r: Money.from_cents(v) for r, v in zip(self._labels, values, strict=True)}

    def _row_index(self, label: str) -> int:
        try:
            return self._labels.index(label)
        except ValueError:
            raise NotFound.of("budget.table_no_row", path=f"rows[{label}]", label=label) from None

    def _column_index(self, label: str) -> int:
        try:
            return self.columns.index(label)
        except ValueError:
            raise NotFound.of(
                "budget.table_no_column", path=f"columns[{label}]", label=label
            ) from None

    def _value_rows(self) -> Iterator[tuple[str, tuple[int, ...]]]:
        """(label, cents of the row) one row at a time."""
        if not self._data:
            return ((label, ()) for label in self._labels)
        return zip(self._labels, zip(*self._data, strict=True), strict=True)

    # -- output ---------------------------------------------------------------------
    def to_records(self) -> list[dict[str, Any]]:
        """One dict per row: the label (under ``row_header`` or ``"row"``) and Decimal amounts."""
        key = self.row_header or "row"
        return [
            {
                key: label,
                **{c: Decimal(v).scaleb(-2) for c, v in zip(self.columns, values, strict=True)},
            }
            for label, values in self._value_rows()
        ]

    def to_pandas(self) -> Any:
        """A pandas DataFrame indexed by row label, Decimal amounts (needs pandas)."""
        frame = records_frame(self.to_records(), feature="Table.to_pandas")
        return frame.set_index(self.row_header or "row")

    def to_csv(self, *, sep: str = ";") -> str:
        """The table as CSV in Italian number format, ``"-"`` for zero."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=sep, lineterminator="\n")
        writer.writerow([self.row_header, *self.columns])
        for label, values in self._value_rows():
            writer.writerow([label, *(_it(v) for v in values)])
        return out.getvalue()

    def _text_rows(self, lang: Lang) -> list[list[str]]:
        return [
            [label, *(_amount_text(v, lang) for v in values)]
            for label, values in self._value_rows()
        ]

    def to_html(self, lang: Lang = DEFAULT_LANG) -> str:
        """The table as HTML, amounts written for ``lang``, the source cited below."""
        width = len(self.columns)
        return html_table(
            [self.row_header, *self.columns],
            self._text_rows(lang),
            caption=self.title or None,
            right=range(1, width + 1),
            footer=word("table.source", lang, citation=self.citation) if self.citation else None,
        )

    def to_text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The table as text, amounts written for ``lang`` (``-`` for zero).

        >>> table = Table.from_rows(["A", "TOTALE"], {"Meda": ["1.500,5", "1.500,5"]})
        >>> print(table.to_text("en").splitlines()[-1])
        Meda  1,500.50  1,500.50
        """
        return text_table(
            [self.row_header, *self.columns],
            self._text_rows(lang),
            right=range(1, len(self.columns) + 1),
        )

    def _repr_html_(self) -> str:
        return self.to_html(DEFAULT_LANG)

    def __str__(self) -> str:
        return self.to_text(DEFAULT_LANG)


def _restore(
    columns: tuple[str, ...],
    labels: tuple[str, ...],
    data: tuple[Sequence[int], ...],
    title: str,
    row_header: str,
    citation: str | None,
) -> Table:
    return Table._of_columns(
        columns, _Labels.of(labels), data, title=title, row_header=row_header, citation=citation
    )


def _amount_text(cents: int, lang: Lang) -> str:
    return "-" if cents == 0 else euro_text(Money.from_cents(cents), lang, symbol=False)


def _it(cents: int) -> str:
    return "-" if cents == 0 else format_euro(Money.from_cents(cents), symbol=False)


# -- reading -------------------------------------------------------------------------------


def _rows_to_table(
    raw: Iterable[tuple[int, Sequence[object]]], *, title: str, citation: str | None, source: str
) -> Table:
    """Build a table from ``(line, cells)`` rows streamed by the one opener of each format.

    Values go straight into one column store each and labels into the compact
    label store: no row is kept as Python objects.
    """
    rows = iter(raw)
    first = next(rows, None)
    if first is None:
        if source == "":
            raise _invalid("budget.table_empty_text", path="")
        raise _invalid("budget.table_empty", path="", source=source)
    header = [("" if c is None else str(c)).strip() for c in first[1]]
    while header and not header[-1]:
        header.pop()
    if len(header) < 2:
        raise _invalid("budget.table_header", path=f"line {first[0]}")
    columns = header[1:]
    width = len(header)
    labels = _Labels()
    builders = [_ColumnBuilder() for _ in columns]
    pairs = tuple(zip(columns, builders, strict=True))
    fast = fast_amount_cents
    for number, row in rows:
        cells = row if isinstance(row, list) else list(row)
        if len(cells) != width:
            cells = _fit(cells, width, number)
        label = cells[0]
        label = ("" if label is None else str(label)).strip()
        if not label:
            raise _invalid("budget.table_label", path=f"line {number}", line=number)
        for (column, builder), cell in zip(pairs, cells[1:], strict=True):
            cents = fast(cell, dash_zero=True) if isinstance(cell, str) else None
            if cents is None:
                cents = _cell_cents(cell, f"{label} / {column}", number)
            builder.append(cents)
        labels.append(label)
    labels.close()
    return Table._of_columns(
        tuple(columns),
        labels,
        tuple(builder.done() for builder in builders),
        title=title,
        row_header=header[0],
        citation=citation,
    )


def _fit(cells: list[object], width: int, number: int) -> list[object]:
    """``cells`` without trailing blanks beyond ``width`` and, for XLSX, padded; else an error."""
    cells = list(cells)
    while len(cells) > width and (cells[-1] is None or not str(cells[-1]).strip()):
        cells.pop()
    label = ("" if cells[0] is None else str(cells[0])).strip() if cells else ""
    if len(cells) < width and all(c is None for c in cells[1:]) and label:
        cells.extend([None] * (width - len(cells)))  # XLSX drops trailing blank cells
    if len(cells) != width:
        raise _invalid(
            "budget.table_line_width",
            path=f"line {number}",
            line=number,
            label=label,
            count=len(cells),
            width=width,
        )
    return cells


def _cell_cents(cell: object, path: str, line: int) -> int:
    if cell is UNCOMPUTED:
        raise _invalid("budget.table_uncomputed", path=path, line=line)
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        raise _invalid("budget.table_empty_cell", path=path, line=line)
    if isinstance(cell, float):
        # A spreadsheet's binary float (numpy's too) is read by its shortest decimal form
        # (the one grammar's rule for floats) and taken only when it is an amount to the
        # cent (within 10^-6 of a cent value: the residue of a spreadsheet's own sums).
        try:
            exact = read_decimal(cell, floats="shortest")
        except InvalidValue:
            raise _invalid("budget.table_number", path=path, value=cell, line=line) from None
        rounded = exact.quantize(Decimal("0.01"))
        if abs(exact - rounded) > Decimal("0.000001"):
            raise _invalid("budget.table_not_cents", path=path, value=cell, line=line)
        return Money(rounded).cents
    try:
        return cents_of(cell, path=path)
    except InvalidValue as exc:
        raise _invalid("budget.table_number", path=path, value=cell, line=line) from exc


def parse_table_csv(
    text: str, *, sep: str | None = None, title: str = "", citation: str | None = None
) -> Table:
    """A :class:`Table` from CSV text; ``sep`` is guessed (``;``, tab, ``,``) when not given.

    The first row holds the row heading and the column names; each other row a
    label and one amount per column.

    >>> text = "Comune;Minori;TOTALE\\nMeda;32.600,00;32.600,00\\nSeveso;-;63.700,00\\n"
    >>> table = parse_table_csv(text, title="Equipe territoriali")
    >>> table.rows, table.columns, table.cell("Seveso", "Minori")
    (('Meda', 'Seveso'), ('Minori', 'TOTALE'), Money('0.00'))
    """
    rows = csv_rows(io.StringIO(text), sep=sep, name="CSV")
    return _rows_to_table(rows, title=title, citation=citation, source="")


def read_table_csv(
    path: str | os.PathLike[str],
    *,
    sep: str | None = None,
    encoding: str | None = None,
    title: str = "",
) -> Table:
    """A :class:`Table` from a CSV file (see :func:`parse_table_csv`).

    The encoding is detected (UTF-8 with or without BOM, else Windows-1252)
    unless named; the file is streamed through :func:`welfare_ambito.tables.csv_rows`.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "spesa.csv")
    ...     _ = path.write_text(rhodense_spesa_2011().to_csv(), encoding="utf-8")
    ...     table = read_table_csv(path)
    >>> table.title, table.cell("Rho", "Minori")
    ('spesa.csv', Money('3422214.60'))
    """
    name = os.path.basename(os.fspath(path))
    rows = csv_rows(path, encoding=encoding, sep=sep, name=name)
    return _rows_to_table(rows, title=title or name, citation=None, source=name)


def read_table_xlsx(
    path: str | os.PathLike[str], *, sheet: str | None = None, title: str = ""
) -> Table:
    """A :class:`Table` from the first (or the named) sheet of an XLSX file (needs ``openpyxl``).

    Cells may hold numbers or Italian-format text; formulas are read as their
    last computed values, and a formula never computed is an error, not a blank.
    The workbook goes through :func:`welfare_ambito.tables.xlsx_rows` (zip and
    XML-entity checks, size and row caps).

    >>> import pathlib, tempfile
    >>> import openpyxl
    >>> book = openpyxl.Workbook()
    >>> book.active.append(["Comune", "Minori", "TOTALE"])
    >>> book.active.append(["Meda", 32600, "32.600,00"])
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     book.save(pathlib.Path(folder, "equipe.xlsx"))
    ...     table = read_table_xlsx(pathlib.Path(folder, "equipe.xlsx"))
    >>> table.row("Meda")
    {'Minori': Money('32600.00'), 'TOTALE': Money('32600.00')}
    """
    name = os.path.basename(os.fspath(path))
    optional_module("openpyxl", feature="read_table_xlsx", extra="xlsx")
    try:
        rows = xlsx_rows(path, sheet=sheet)
        return _rows_to_table(rows, title=title or name, citation=None, source=name)
    except NotFound as exc:
        exc.code = "budget.table_no_sheet"
        raise


def read_table(
    path: str | os.PathLike[str], *, sep: str | None = None, sheet: str | None = None
) -> Table:
    """Read a CSV or (by the ``.xlsx`` suffix) an XLSX table.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "spesa.csv")
    ...     _ = path.write_text(rhodense_spesa_2011().to_csv(), encoding="utf-8")
    ...     table = read_table(path)
    >>> table.shape, table.row_header
    ((10, 10), 'Comune')
    """
    if os.fspath(path).lower().endswith((".xlsx", ".xlsm")):
        return read_table_xlsx(path, sheet=sheet)
    return read_table_csv(path, sep=sep)


# -- embedded data ---------------------------------------------------------------------------


def _tables_dir() -> Any:
    return resources.files("welfare_ambito").joinpath("data").joinpath("tables")


def embedded_tables() -> tuple[str, ...]:
    """Names of the tables shipped with the package.

    >>> embedded_tables()
    ('rhodense_spesa_2011',)
    """
    return tuple(
        sorted(e.name[: -len(".csv")] for e in _tables_dir().iterdir() if e.name.endswith(".csv"))
    )


def load_table(name: str) -> Table:
    """An embedded table by name, with the citation of its sidecar TOML.

    >>> table = load_table("rhodense_spesa_2011")
    >>> table.title
    'Spesa sociale dei Comuni del Rhodense per aree di intervento – anno 2011'
    >>> table.cell("TOTALE", "TOTALE")
    Money('28955492.87')
    """
    if name not in embedded_tables():
        raise NotFound.of(
            "budget.unknown_table", path="name", name=name, known=", ".join(embedded_tables())
        )
    folder = _tables_dir()
    meta = tomllib.loads(folder.joinpath(f"{name}.toml").read_text(encoding="utf-8"))
    source = meta.get("source", {})
    from welfare_ambito.citations import Citation

    cited = Citation(
        document=str(source.get("seed")), section=str(source.get("section")), quote="-"
    )
    citation = cited.where()
    text = folder.joinpath(f"{name}.csv").read_text(encoding="utf-8")
    return parse_table_csv(text, sep=";", title=str(meta.get("title", name)), citation=citation)


def rhodense_spesa_2011() -> Table:
    """Social spending 2011 of the nine Comuni of the Rhodense by area (seed 003), as published.

    >>> table = rhodense_spesa_2011()
    >>> table.shape, table.rows[:3]
    ((10, 10), ('Arese', 'Cornaredo', 'Lainate'))
    >>> table.column("Minori")["Rho"]
    Money('3422214.60')
    """
    return load_table("rhodense_spesa_2011")

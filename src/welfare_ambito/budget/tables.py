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
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

from welfare_ambito.budget._common import Amount, cents_of, optional_module, records_frame
from welfare_ambito.budget._html import html_table, text_table
from welfare_ambito.errors import InvalidValue, NotFound
from welfare_ambito.money import Money, format_euro
from welfare_ambito.parsing import read_decimal
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


def _shape(instance: Table) -> None:
    width = len(instance.columns)
    if len(set(instance.columns)) != width:
        raise _table_error(
            "two columns have the same name",
            "due colonne hanno lo stesso nome",
            "columns",
            "budget.table_duplicate",
        )
    if len(set(instance.rows)) != len(instance.rows):
        raise _table_error(
            "two rows have the same label",
            "due righe hanno la stessa etichetta",
            "rows",
            "budget.table_duplicate",
        )
    if len(instance.cents) != len(instance.rows):
        raise _table_error(
            f"{len(instance.rows)} row labels but {len(instance.cents)} rows of values",
            f"{len(instance.rows)} etichette di riga ma {len(instance.cents)} righe di valori",
            "rows",
            "budget.table_shape",
        )
    for label, values in zip(instance.rows, instance.cents, strict=True):
        if len(values) != width:
            raise _table_error(
                f"row {label!r} has {len(values)} values, the table has {width} columns",
                f"la riga {label!r} ha {len(values)} valori, la tabella ha {width} colonne",
                f"rows[{label}]",
                "budget.table_shape",
            )


def _labels(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _matrix(value: Iterable[Iterable[int]]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(row) for row in value)


def _table_error(message: str, message_it: str, path: str, code: str) -> InvalidValue:
    return InvalidValue(message, code=code, message_it=message_it, path=path)


@attrs.frozen(kw_only=True)
class Table:
    """A table of amounts: labelled ``rows`` × ``columns``, values in integer ``cents``.

    Build it with :meth:`from_rows` (amounts as Money or text) or read it with
    :func:`read_table`. ``citation`` says where published figures come from.

    >>> table = Table.from_rows(["Minori", "TOTALE"], {"Meda": ["32.600,00", "32.600,00"]},
    ...                         row_header="Comune")
    >>> table.shape, table.cell("Meda", "Minori")
    ((1, 2), Money('32600.00'))
    >>> table.to_records()
    [{'Comune': 'Meda', 'Minori': Decimal('32600.00'), 'TOTALE': Decimal('32600.00')}]
    """

    columns: tuple[str, ...] = attrs.field(converter=_labels)
    rows: tuple[str, ...] = attrs.field(converter=_labels)
    cents: tuple[tuple[int, ...], ...] = attrs.field(converter=_matrix)
    title: str = ""
    row_header: str = ""
    """The heading of the label column (``"Comune"``)."""
    citation: str | None = None

    def __attrs_post_init__(self) -> None:
        _shape(self)

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
        return len(self.rows), len(self.columns)

    def cell(self, row: str, column: str) -> Money:
        """The amount at ``row``, ``column``."""
        return Money.from_cents(self.cents[self._row_index(row)][self._column_index(column)])

    def row(self, label: str) -> dict[str, Money]:
        """The amounts of a row, by column."""
        values = self.cents[self._row_index(label)]
        return {c: Money.from_cents(v) for c, v in zip(self.columns, values, strict=True)}

    def column(self, label: str) -> dict[str, Money]:
        """The amounts of a column, by row."""
        j = self._column_index(label)
        return {r: Money.from_cents(v[j]) for r, v in zip(self.rows, self.cents, strict=True)}

    def _row_index(self, label: str) -> int:
        try:
            return self.rows.index(label)
        except ValueError:
            raise NotFound(
                f"no row {label!r} in the table",
                code="budget.table_no_row",
                message_it=f"nessuna riga {label!r} nella tabella",
                path=f"rows[{label}]",
            ) from None

    def _column_index(self, label: str) -> int:
        try:
            return self.columns.index(label)
        except ValueError:
            raise NotFound(
                f"no column {label!r} in the table",
                code="budget.table_no_column",
                message_it=f"nessuna colonna {label!r} nella tabella",
                path=f"columns[{label}]",
            ) from None

    # -- output ---------------------------------------------------------------------
    def to_records(self) -> list[dict[str, Any]]:
        """One dict per row: the label (under ``row_header`` or ``"row"``) and Decimal amounts."""
        key = self.row_header or "row"
        return [
            {
                key: label,
                **{c: Decimal(v).scaleb(-2) for c, v in zip(self.columns, values, strict=True)},
            }
            for label, values in zip(self.rows, self.cents, strict=True)
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
        for label, values in zip(self.rows, self.cents, strict=True):
            writer.writerow([label, *(_it(v) for v in values)])
        return out.getvalue()

    def _text_rows(self) -> list[list[str]]:
        return [
            [label, *(_it(v) for v in values)]
            for label, values in zip(self.rows, self.cents, strict=True)
        ]

    def _repr_html_(self) -> str:
        width = len(self.columns)
        return html_table(
            [self.row_header, *self.columns],
            self._text_rows(),
            caption=self.title or None,
            right=range(1, width + 1),
            footer=f"Fonte: {self.citation}" if self.citation else None,
        )

    def __str__(self) -> str:
        return text_table(
            [self.row_header, *self.columns],
            self._text_rows(),
            right=range(1, len(self.columns) + 1),
        )


def _it(cents: int) -> str:
    return "-" if cents == 0 else format_euro(Money.from_cents(cents), symbol=False)


# -- reading -------------------------------------------------------------------------------


def _rows_to_table(
    raw: Iterable[tuple[int, Sequence[object]]], *, title: str, citation: str | None, source: str
) -> Table:
    """Build a table from ``(line, cells)`` rows streamed by the one opener of each format."""
    rows = iter(raw)
    first = next(rows, None)
    if first is None:
        raise _table_error(
            f"{source} holds no table",
            f"{source} non contiene una tabella",
            "",
            "budget.table_empty",
        )
    header = [("" if c is None else str(c)).strip() for c in first[1]]
    while header and not header[-1]:
        header.pop()
    if len(header) < 2:
        raise _table_error(
            "the first row must hold the row heading and at least one column name",
            "la prima riga deve contenere l'intestazione e almeno un nome di colonna",
            f"line {first[0]}",
            "budget.table_header",
        )
    columns = header[1:]
    labels: list[str] = []
    body: list[tuple[int, ...]] = []
    for number, row in rows:
        cells = list(row)
        while len(cells) > len(header) and (cells[-1] is None or not str(cells[-1]).strip()):
            cells.pop()
        label = ("" if cells[0] is None else str(cells[0])).strip()
        if len(cells) < len(header) and all(c is None for c in cells[1:]) and label:
            cells.extend([None] * (len(header) - len(cells)))  # XLSX drops trailing blank cells
        if len(cells) != len(header):
            raise _table_error(
                f"line {number} ({label!r}) has {len(cells)} cells, the header has {len(header)}",
                f"la riga {number} ({label!r}) ha {len(cells)} celle, l'intestazione {len(header)}",
                f"line {number}",
                "budget.table_shape",
            )
        if not label:
            raise _table_error(
                f"line {number} has no label",
                f"la riga {number} non ha etichetta",
                f"line {number}",
                "budget.table_label",
            )
        values = []
        for column, cell in zip(columns, cells[1:], strict=True):
            values.append(_cell_cents(cell, f"{label} / {column}", number))
        labels.append(label)
        body.append(tuple(values))
    return Table(
        columns=columns,
        rows=labels,
        cents=body,
        title=title,
        row_header=header[0],
        citation=citation,
    )


def _cell_cents(cell: object, path: str, line: int) -> int:
    if cell is UNCOMPUTED:
        raise _table_error(
            f"a formula on line {line} has no computed value: open and save the file in Excel "
            "or LibreOffice, or write the value",
            f"una formula alla riga {line} non ha un valore calcolato: apri e salva il file con "
            "Excel o LibreOffice, oppure scrivi il valore",
            path,
            "budget.table_uncomputed",
        )
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        raise _table_error(
            f"empty cell on line {line} (write '-' for zero)",
            f"cella vuota alla riga {line} (scrivi '-' per zero)",
            path,
            "budget.table_empty_cell",
        )
    if isinstance(cell, float):
        # A spreadsheet's binary float (numpy's too) is read by its shortest decimal form
        # (the one grammar's rule for floats) and taken only when it is an amount to the
        # cent (within 10^-6 of a cent value: the residue of a spreadsheet's own sums).
        try:
            exact = read_decimal(cell, floats="shortest")
        except InvalidValue:
            raise _table_error(
                f"{cell!r} on line {line} is not an amount in euros",
                f"{cell!r} alla riga {line} non è un importo in euro",
                path,
                "budget.table_number",
            ) from None
        rounded = exact.quantize(Decimal("0.01"))
        if abs(exact - rounded) > Decimal("0.000001"):
            raise _table_error(
                f"{cell!r} on line {line} is not an amount to the cent",
                f"{cell!r} alla riga {line} non è un importo al centesimo",
                path,
                "budget.table_number",
            )
        return Money(rounded).cents
    try:
        return cents_of(cell, path=path)
    except InvalidValue as exc:
        raise _table_error(
            f"{cell!r} on line {line} is not an amount in euros",
            f"{cell!r} alla riga {line} non è un importo in euro",
            path,
            "budget.table_number",
        ) from exc


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
    return _rows_to_table(rows, title=title, citation=citation, source="the CSV text")


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
        raise NotFound(
            f"no embedded table {name!r}; known: {', '.join(embedded_tables())}",
            code="budget.unknown_table",
            message_it=f"nessuna tabella {name!r} inclusa; disponibili: {', '.join(embedded_tables())}",
            path="name",
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

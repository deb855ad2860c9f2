"""From a source (CSV, XLSX, DataFrame) to rows of typed values, every bad cell reported.

The header row is the first non-blank row. Each header is matched, after
normalising, against the mapping first and then the kind's known headers;
unknown headers are ignored (exports carry many columns the library does not
need). A missing required column, two headers for one field, and every cell
that cannot be read become :class:`~welfare_ambito.errors.ErrorDetail`s located
at the cell (``famiglie.csv!E7``), naming the header and what to write.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any, TypeGuard

import attrs

from welfare_ambito import i18n
from welfare_ambito.errors import ErrorDetail, InvalidInput, Phrase
from welfare_ambito.tables import _cells
from welfare_ambito.tables._cells import CellProblem, normalise
from welfare_ambito.tables._csv_source import csv_rows
from welfare_ambito.tables._errors import cell_address, detail, labelled
from welfare_ambito.tables._schema import KINDS, Column, labels_of, shown_choices
from welfare_ambito.tables._xlsx_source import UNCOMPUTED, open_sheet
from welfare_ambito.tables.mapping import ColumnMapping, load_mapping

__all__ = ["Header", "Source", "bind", "decode", "is_xlsx", "raw_rows"]

Source = str | os.PathLike[str] | IO[str] | Any
"""A CSV or XLSX path, a text stream of CSV, or a pandas DataFrame."""


def is_xlsx(source: object) -> TypeGuard[str | os.PathLike[str]]:
    """Whether ``source`` is a path to an XLSX workbook (by its suffix)."""
    return isinstance(source, str | os.PathLike) and os.fspath(source).lower().endswith(
        (".xlsx", ".xlsm")
    )


def _is_frame(source: object) -> bool:
    return hasattr(source, "itertuples") and hasattr(source, "columns")


def raw_rows(
    source: Source,
    *,
    encoding: str | None = None,
    sep: str | None = None,
    sheet: str | int | None = None,
    name: str | None = None,
) -> tuple[str, Iterator[tuple[int, list[Any]]]]:
    """The display name of ``source`` (sheet or file) and its non-blank rows, streamed."""
    if _is_frame(source):
        return name or "DataFrame", _frame_rows(source)
    if is_xlsx(source):
        title, rows = open_sheet(source, sheet=sheet)
        return name or title, rows
    shown = name or (
        os.path.basename(os.fspath(source)) if isinstance(source, str | os.PathLike) else "CSV"
    )
    return shown, csv_rows(source, encoding=encoding, sep=sep, name=shown)


def _frame_rows(frame: Any) -> Iterator[tuple[int, list[Any]]]:
    yield 1, [str(c) for c in frame.columns]
    for number, values in enumerate(frame.itertuples(index=False, name=None), start=2):
        row = [_scalar(v) for v in values]
        if any(not _cells.is_blank(v) for v in row):
            yield number, row


def _scalar(value: Any) -> Any:
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


@attrs.frozen(kw_only=True)
class Header:
    """The header row as bound to a kind's columns.

    ``columns`` lists ``(position, column, header as written)``.
    """

    source: str
    row: int
    kind: str
    columns: tuple[tuple[int, Column, str], ...]
    labels: Mapping[str, Mapping[str, Any]]
    """Per choice field: normalised label → member (built-in and mapped labels)."""

    def written(self, field: str) -> str | None:
        """The header of ``field`` as the file writes it, or ``None`` if absent."""
        return next((h for _, c, h in self.columns if c.field == field), None)

    def position(self, field: str) -> int | None:
        """The zero-based position of ``field``'s column, or ``None``."""
        return next((i for i, c, _ in self.columns if c.field == field), None)

    def address(self, field: str, row: int) -> str:
        """The cell of ``field`` on ``row`` (the row itself when the column is absent)."""
        position = self.position(field)
        return (
            f"{self.source}!{row}" if position is None else cell_address(self.source, position, row)
        )


def bind(
    cells: Sequence[Any], row: int, *, kind: str, source: str, mapping: ColumnMapping | None = None
) -> Header:
    """Bind a header row to ``kind``'s columns; raise :class:`InvalidInput` listing every problem."""
    mapping = mapping or ColumnMapping()
    by_field = {c.field: c for c in KINDS[kind]}
    by_header = {normalise(h): c for c in KINDS[kind] for h in (*c.headers, c.field)}
    bound: list[tuple[int, Column, str]] = []
    problems: list[ErrorDetail] = []
    seen: dict[str, int] = {}
    for position, cell in enumerate(cells):
        if _cells.is_blank(cell):
            continue
        text = str(cell).strip()
        mapped = mapping.field_of(text)
        column = by_field.get(mapped) if mapped is not None else by_header.get(normalise(text))
        if mapped is not None and column is None:
            problems.append(
                _detail(
                    cell_address(source, position, row),
                    "mapping",
                    "mapping_field",
                    header=text,
                    field=mapped,
                    kind=kind,
                    fields=", ".join(by_field),
                )
            )
            continue
        if column is None:
            continue
        if column.field in seen:
            problems.append(
                _detail(
                    cell_address(source, position, row),
                    "duplicate_column",
                    header=text,
                    column=_column_name(kind, column),
                )
            )
            continue
        seen[column.field] = position
        bound.append((position, column, text))
    for column in KINDS[kind]:
        if column.required and column.field not in seen:
            problems.append(
                _detail(
                    f"{source}!{row}",
                    "missing_column",
                    column=_column_name(kind, column),
                    headers=", ".join(column.headers),
                )
            )
    if problems:
        raise InvalidInput(problems)
    labels: dict[str, Mapping[str, Any]] = {}
    for _, column, _ in bound:
        if column.choices is not None:
            known = labels_of(column.choices)
            for label, value in mapping.values.get(column.field, {}).items():
                try:
                    known[label] = column.choices(value)
                except ValueError:
                    raise InvalidInput(
                        [
                            _detail(
                                f"mapping.values.{column.field}",
                                "mapping",
                                "mapping_value",
                                value=value,
                                field=column.field,
                                values=", ".join(str(m.value) for m in column.choices),
                            )
                        ]
                    ) from None
            labels[column.field] = known
    return Header(source=source, row=row, kind=kind, columns=tuple(bound), labels=labels)


i18n.define(
    "error.tables.mapping_field",
    it="la mappatura assegna «{header}» a {field!r}, che non è un campo di {kind}: "
    "usa uno tra {fields}",
    en="the mapping sends «{header}» to {field!r}, which is not a field of {kind}: "
    "use one of {fields}",
)
i18n.define(
    "error.tables.mapping_value",
    it="{value!r} non è un valore di {field}: usa uno tra {values}",
    en="{value!r} is not a value of {field}: use one of {values}",
)
i18n.define(
    "error.tables.duplicate_column",
    it="«{header}» è una seconda colonna per {column}: tienine una",
    en="«{header}» is a second column for {column}: keep one",
)
i18n.define(
    "error.tables.missing_column",
    it="manca la colonna {column}; intestazioni accettate: {headers} — "
    "oppure indicala in una mappatura",
    en="no column {column}; headers accepted: {headers} — or name it in a column mapping",
)


def _literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


# Each column of each kind by name, as a message names it: the Italian header a template
# writes (in English followed by the English name, when it differs).
for _kind, _columns in KINDS.items():
    i18n.define_group(
        f"tables.column.{_kind}",
        (
            (
                column.field,
                _literal(f"«{column.label_it}»"),
                _literal(
                    f"«{column.label_it}»"
                    if column.label_en == column.label_it
                    else f"«{column.label_it}» ({column.label_en})"
                ),
            )
            for column in _columns
        ),
    )


def _column_name(kind: str, column: Column) -> Phrase:
    """The column named in a message in its reader's language: «data di nascita» (birth date).

    >>> from welfare_ambito.tables._schema import schema
    >>> name = _column_name("families", schema("families")["birth_date"])
    >>> name.display("it"), name.display("en")
    ('«data di nascita»', '«data di nascita» (birth date)')
    """
    return Phrase(f"tables.column.{kind}.{column.field}")


i18n.define(
    "error.tables.empty",
    it="{name} non contiene una tabella: la prima riga deve contenere le intestazioni",
    en="{name} holds no table: the first row must hold the headers",
)
i18n.define(
    "error.tables.required",
    it="«{label}» è obbligatorio: compila la cella",
    en="«{label}» is required: fill in the cell",
)


def _detail(path: str, code: str, template: str | None = None, **params: Any) -> ErrorDetail:
    return detail(code, path, template=template, **params)


def decode(
    cells: Sequence[Any], row: int, header: Header
) -> tuple[dict[str, Any], list[ErrorDetail]]:
    """The typed values of a row by field (``None`` for blanks) and the problems of its cells."""
    values: dict[str, Any] = {}
    problems: list[ErrorDetail] = []
    width = len(cells)
    for position, column, written in header.columns:
        cell = cells[position] if position < width else None
        try:
            if cell is UNCOMPUTED:
                raise CellProblem("tables.uncomputed_formula")
            value = _read(column, cell, header)
        except CellProblem as problem:
            problems.append(labelled(cell_address(header.source, position, row), written, problem))
            continue
        if value is None and column.required:
            problems.append(
                _detail(cell_address(header.source, position, row), "required", label=written)
            )
        values[column.field] = value
    return values, problems


def _read(column: Column, cell: Any, header: Header) -> Any:
    kind = column.kind
    if kind == "text":
        return _cells.read_text(cell)
    if kind == "bool":
        return _cells.read_bool(cell)
    if kind == "date":
        return _cells.read_date(cell)
    if kind == "decimal":
        return _cells.read_decimal(cell)
    if kind == "int":
        return _cells.read_int(cell)
    if kind == "money":
        return _cells.read_money(cell)
    assert column.choices is not None
    labels = header.labels[column.field]
    shown = shown_choices(column.choices)
    if kind == "choices":
        return _cells.read_choices(cell, labels, shown)
    return _cells.read_choice(cell, labels, shown)


def open_table(
    source: Source,
    kind: str,
    *,
    encoding: str | None = None,
    sep: str | None = None,
    sheet: str | int | None = None,
    mapping: Any = None,
    name: str | None = None,
) -> tuple[Header, Iterator[tuple[int, list[Any]]]]:
    """Read the header of ``source`` as ``kind``; return it and the remaining rows."""
    resolved = load_mapping(mapping)
    shown, rows = raw_rows(source, encoding=encoding, sep=sep, sheet=sheet, name=name)
    for number, cells in rows:
        return bind(cells, number, kind=kind, source=shown, mapping=resolved), rows
    raise InvalidInput([_detail(shown, "empty", name=shown)])

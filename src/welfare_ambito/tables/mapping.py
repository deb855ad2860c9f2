"""A column mapping: adapt a vendor's export to the readers without code.

A mapping names, for the headers of a file, the field each one holds, and may
add labels for choices. It is a dict or a small TOML file::

    [columns]
    "Cod. nucleo" = "family"
    "Esito scheda" = "pre_assessment"

    [values.pre_assessment]
    "Rischio alto" = "worrying"
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito.errors import InvalidValue
from welfare_ambito.tables._cells import normalise
from welfare_ambito.tables._errors import table_error, unreadable

i18n.define(
    "error.tables.mapping",
    it="una mappatura delle colonne contiene {expected}",
    en="a column mapping holds {expected}",
)
i18n.define(
    "error.tables.mapping_file",
    it="{name} non è un file TOML di mappatura ({reason})",
    en="{name} is not a TOML mapping file ({reason})",
)

__all__ = ["ColumnMapping", "load_mapping"]


def _texts(value: Mapping[str, Any]) -> dict[str, str]:
    return {normalise(str(k)): str(v) for k, v in value.items()}


def _nested(value: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, str]]:
    return {str(k): _texts(v) for k, v in value.items()}


@attrs.frozen(kw_only=True)
class ColumnMapping:
    """Header → field, and extra labels per field (``{field: {label: value}}``).

    >>> mapping = ColumnMapping.from_dict({"columns": {"Cod. Nucleo": "family"},
    ...                                    "values": {"pre_assessment": {"Alto": "worrying"}}})
    >>> mapping.field_of("cod. nucleo"), mapping.values["pre_assessment"]
    ('family', {'alto': 'worrying'})
    """

    columns: dict[str, str] = attrs.field(factory=dict, converter=_texts)
    """Normalised header → field name."""
    values: dict[str, dict[str, str]] = attrs.field(factory=dict, converter=_nested)
    """Field → {normalised label → value of the field's enum}."""

    def field_of(self, header: str) -> str | None:
        """The field a header holds under this mapping, or ``None``."""
        return self.columns.get(normalise(header))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "mapping") -> ColumnMapping:
        """A mapping from ``{"columns": {...}, "values": {...}}`` (or just the columns)."""
        if not isinstance(data, Mapping):
            raise _bad(path, "a table with [columns] and [values]")
        if "columns" not in data and "values" not in data:
            data = {"columns": data}
        unknown = set(data) - {"columns", "values"}
        if unknown:
            raise _bad(f"{path}.{sorted(unknown)[0]}", "only [columns] and [values]")
        columns = data.get("columns", {})
        values = data.get("values", {})
        if not isinstance(columns, Mapping) or not all(
            isinstance(v, str) for v in columns.values()
        ):
            raise _bad(f"{path}.columns", '"header" = "field" lines')
        if not isinstance(values, Mapping) or not all(
            isinstance(v, Mapping) and all(isinstance(x, str) for x in v.values())
            for v in values.values()
        ):
            raise _bad(f"{path}.values", '[values.FIELD] tables of "label" = "value"')
        return cls(columns=columns, values=values)


def _bad(path: str, expected: str) -> InvalidValue:
    return table_error("mapping", path, expected=expected)


def load_mapping(
    source: str | os.PathLike[str] | Mapping[str, Any] | ColumnMapping | None,
) -> ColumnMapping:
    """A :class:`ColumnMapping` from a TOML file, a dict, a mapping, or ``None`` (empty).

    >>> load_mapping({"Cod. Nucleo": "family"}).columns
    {'cod. nucleo': 'family'}
    """
    if source is None:
        return ColumnMapping()
    if isinstance(source, ColumnMapping):
        return source
    if isinstance(source, Mapping):
        return ColumnMapping.from_dict(source)
    name = os.path.basename(os.fspath(source))
    try:
        with open(source, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise unreadable(name or os.fspath(source), exc) from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError, ValueError) as exc:
        reason = type(exc).__name__ if isinstance(exc, RecursionError) else str(exc)[:200]
        raise table_error(
            "mapping", name, template="mapping_file", name=name, reason=reason
        ) from None
    return ColumnMapping.from_dict(data, path=name)

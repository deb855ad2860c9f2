"""Families with their children from a case-record export (CSV, XLSX or DataFrame).

Layout: **one row per child**. The family columns (``famiglia``, ``comune``,
``valutazione preliminare``, ``orientamento EM``, ``fiducia nei servizi``,
``abuso o maltrattamento grave``, ``allontanamento in corso``, ``fragilità``)
hold the family's values; the child columns (``minore``, ``data di nascita``)
hold one child. A family with three children takes three consecutive rows with
the same ``famiglia``; on the second and third row the family columns may be
left blank or repeated, never different. ``minore`` may be left blank
(ids ``F01-1``, ``F01-2``… are given). Blank family cells are *not recorded*:
the assessment answers ``needs_review`` and names them.

>>> import io
>>> text = ("famiglia;minore;data di nascita;valutazione preliminare;fiducia nei servizi\\r\\n"
...         "F01;F01-C1;12/04/2016;preoccupante;sì\\r\\n"
...         "F01;F01-C2;03/09/2012;;\\r\\n"
...         "F02;;01/02/2019;non preoccupante;\\r\\n")
>>> families = read_families(io.StringIO(text))
>>> [(f.id, [c.id for c in f.children], f.trust_in_services) for f in families]
[('F01', ['F01-C1', 'F01-C2'], True), ('F02', ['F02-1'], None)]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito.errors import ErrorDetail, InvalidInput, InvalidValue
from welfare_ambito.model import Child, Family
from welfare_ambito.tables._errors import detail, labelled
from welfare_ambito.tables._rows import Header, Source, decode, open_table

i18n.define(
    "error.tables.family_conflict",
    it="«{label}» è diverso dalla riga {first} della stessa famiglia: "
    "scrivi lo stesso valore o lascia vuoto",
    en="«{label}» differs from row {first} of the same family: "
    "write the same value or leave it blank",
)
i18n.define(
    "error.tables.family_split",
    it="le righe della famiglia {family} non sono consecutive (ricomincia dopo la riga {after}): "
    "tieni insieme le righe di una famiglia",
    en="the rows of family {family} are not consecutive (it starts again after row {after}): "
    "keep a family's rows together",
)

__all__ = ["FAMILY_FIELDS", "FamilyRecord", "FamilyTable", "read_families"]

FAMILY_FIELDS = (
    "comune",
    "pre_assessment",
    "em_orientation",
    "trust_in_services",
    "abuse_or_severe_maltreatment",
    "removal_in_progress",
    "adversities",
)
"""The family-level fields of the layout (beside ``family``).

>>> FAMILY_FIELDS[:2]
('comune', 'pre_assessment')
"""


@attrs.frozen(kw_only=True)
class FamilyRecord:
    """One family as read: the :class:`Family`, or the problems of its cells.

    ``first_row`` and ``last_row`` are the rows (one-based, header included) it spans.

    >>> import io
    >>> text = "famiglia;data di nascita\\nF1;01/01/2016\\nF1;02/02/2018\\n"
    >>> (record,) = FamilyTable(io.StringIO(text))
    >>> record.id, record.first_row, record.last_row, record.ok
    ('F1', 2, 3, True)
    """

    id: str | None
    first_row: int
    last_row: int
    family: Family | None
    errors: tuple[ErrorDetail, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the family was read without problems."""
        return self.family is not None


class FamilyTable:
    """A families export opened for streaming: the bound header, then one record per family.

    Iterating reads the rows once, one family at a time (flat memory); rows of a
    family must be consecutive.

    >>> import io
    >>> table = FamilyTable(io.StringIO("Famiglia,Data di nascita\\nF01,2016-04-12\\n"))
    >>> table.header.written("birth_date")
    'Data di nascita'
    >>> [record.id for record in table]
    ['F01']
    """

    def __init__(
        self,
        source: Source,
        *,
        encoding: str | None = None,
        sep: str | None = None,
        sheet: str | int | None = None,
        mapping: Any = None,
        name: str | None = None,
    ) -> None:
        self.header: Header
        self.header, self._rows = open_table(
            source, "families", encoding=encoding, sep=sep, sheet=sheet, mapping=mapping, name=name
        )

    def __iter__(self) -> Iterator[FamilyRecord]:
        header = self.header
        current: _Pending | None = None
        for number, cells in self._rows:
            values, problems = decode(cells, number, header)
            family_id = values.get("family")
            if current is not None and family_id is not None and family_id == current.id:
                current.add(values, problems, number, header)
                continue
            if current is not None:
                yield current.finish(header)
            current = _Pending(family_id, number, values, problems, header)
        if current is not None:
            yield current.finish(header)


class _Pending:
    """The rows of the family being read."""

    __slots__ = ("children", "errors", "first", "id", "last", "values")

    def __init__(
        self,
        family_id: str | None,
        row: int,
        values: dict[str, Any],
        problems: list[ErrorDetail],
        header: Header,
    ) -> None:
        self.id = family_id
        self.first = self.last = row
        self.values = {k: values.get(k) for k in FAMILY_FIELDS}
        self.errors = problems
        self.children: list[tuple[int, str | None, Any]] = []
        self._child(values, row)

    def _child(self, values: dict[str, Any], row: int) -> None:
        self.children.append((row, values.get("child"), values.get("birth_date")))

    def add(
        self, values: dict[str, Any], problems: list[ErrorDetail], row: int, header: Header
    ) -> None:
        self.last = row
        self.errors.extend(problems)
        for field in FAMILY_FIELDS:
            value = values.get(field)
            if value is None or value == frozenset():
                continue
            known = self.values.get(field)
            if known is None or known == frozenset():
                self.values[field] = value
            elif known != value:
                written = header.written(field) or field
                self.errors.append(
                    detail(
                        "family_conflict",
                        header.address(field, row),
                        label=written,
                        first=self.first,
                    )
                )
        self._child(values, row)

    def finish(self, header: Header) -> FamilyRecord:
        if self.errors or self.id is None:
            return self._record(None)
        children = []
        for position, (row, child_id, birth) in enumerate(self.children, start=1):
            try:
                children.append(Child(id=child_id or f"{self.id}-{position}", birth_date=birth))
            except InvalidValue as exc:
                field = "child" if child_id else ("family" if exc.path == "id" else "birth_date")
                self.errors.append(_at(exc, header, field, row))
        if self.errors:
            return self._record(None)
        values = {k: v for k, v in self.values.items() if v is not None}
        try:
            family = Family(id=self.id, children=children, **values)
        except InvalidValue as exc:
            field = {"id": "family"}.get(exc.path, exc.path.split("[")[0])
            self.errors.append(_at(exc, header, field, self.first))
            return self._record(None)
        return self._record(family)

    def _record(self, family: Family | None) -> FamilyRecord:
        return FamilyRecord(
            id=self.id,
            first_row=self.first,
            last_row=self.last,
            family=family,
            errors=tuple(self.errors),
        )


def _at(error: InvalidValue, header: Header, field: str, row: int) -> ErrorDetail:
    written = header.written(field) or field
    return labelled(header.address(field, row), written, error)


def read_families(
    source: Source,
    *,
    encoding: str | None = None,
    sep: str | None = None,
    sheet: str | int | None = None,
    mapping: Any = None,
) -> tuple[Family, ...]:
    """Every family of an export (see the module for the layout), or :class:`InvalidInput`.

    Every bad cell of the whole table is reported at once, at its cell; a
    family id that comes back after other families is reported too.

    >>> import io
    >>> try:
    ...     read_families(io.StringIO("famiglia;data di nascita;fiducia\\nF1;31/02/2016;boh\\n"))
    ... except InvalidInput as error:
    ...     print([e.path for e in error.errors])
    ['CSV!B2', 'CSV!C2']
    """
    families: list[Family] = []
    problems: list[ErrorDetail] = []
    seen: dict[str, int] = {}
    table = FamilyTable(source, encoding=encoding, sep=sep, sheet=sheet, mapping=mapping)
    for record in table:
        problems.extend(record.errors)
        if record.id is not None:
            if record.id in seen:
                problems.append(
                    detail(
                        "family_split",
                        table.header.address("family", record.first_row),
                        family=record.id,
                        after=seen[record.id],
                    )
                )
            seen[record.id] = record.last_row
        if record.family is not None:
            families.append(record.family)
    if problems:
        raise InvalidInput(problems)
    return tuple(families)

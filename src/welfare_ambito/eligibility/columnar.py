"""Screen a population of families over columns: the P.I.P.P.I. target rules in numpy.

:func:`screen` takes a batch of families as columns — a pandas or Polars
DataFrame, an Arrow table, a mapping of columns, or a sequence of records or
:class:`~welfare_ambito.model.Family` objects — and evaluates the profile's
``pippi.target.*`` rules in a handful of array operations. It returns a
:class:`Screening`: one outcome per family (``eligible``, ``not_eligible``,
``needs_review``), the group, each rule's outcome column, the missing inputs on
demand and, for any family, the full row-path :class:`~welfare_ambito.eligibility.Assessment`
with its reasons and citations.

The row rules are the reference. Each rule with a columnar form here (see
:data:`FORMS`) is proven equal to its row form by the property in
:mod:`welfare_ambito.testing.suites.columnar`; a profile rule without a
columnar form is run on the row path for the batch, transparently, and
:attr:`Screening.paths` says which path ran for each rule.

Columns (named as the fields of :class:`~welfare_ambito.model.Family`):

* ``id`` — the pseudonymous id (required);
* ``birth_dates`` — per family, a list of the children's birth dates
  (``datetime.date`` or ISO text ``"2016-04-12"``), or in one text cell
  joined by ``;`` (``"2016-04-12;2019-03-01"``, as a CSV holds them); never
  empty (required);
* ``pre_assessment``, ``em_orientation`` — the enums' values, or missing;
* ``abuse_or_severe_maltreatment``, ``trust_in_services``,
  ``removal_in_progress`` — ``True``/``False``, or missing.

Missing is ``None`` (or pandas' ``NaN``/``NA``); an absent column is missing
for every family. A value the row path would refuse is refused here too, with
the path ``families[i].field``. numpy is needed (and pandas only for DataFrames);
they are imported when this module is.

>>> import datetime as dt
>>> result = screen({"id": ["F1", "F2"],
...                  "birth_dates": [[dt.date(2016, 4, 12)], [dt.date(2007, 1, 5)]],
...                  "pre_assessment": ["worrying", "worrying"],
...                  "em_orientation": ["keep_in_family", "keep_in_family"],
...                  "abuse_or_severe_maltreatment": [False, False],
...                  "trust_in_services": [True, None]}, on=dt.date(2023, 6, 1))
>>> list(result.outcome), list(result.group)
(['eligible', 'not_eligible'], ['core', 'adolescent'])
>>> result.paths["pippi.target.trust"], result.missing()[1]
('columnar', ('trust_in_services',))
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from welfare_ambito import i18n
from welfare_ambito._lang import Lang
from welfare_ambito.eligibility.pippi import (
    TARGET_RULES,
    AgeBands,
    Assessment,
    EligibilityOutcome,
    assess,
)
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import Child, EMOrientation, Family, PreAssessment

__all__ = [
    "CODES",
    "FORMS",
    "ColumnarForm",
    "FamilyBatch",
    "Screening",
    "screen",
]

Codes = npt.NDArray[np.int8]

PASS, FAIL, REVIEW, NA = 0, 1, 2, 3
CODES = ("pass", "fail", "needs_review", "not_applicable")
"""Outcome codes of a columnar form: index → :class:`~welfare_ambito.rules.Outcome` value."""

_FLAGS = ("abuse_or_severe_maltreatment", "trust_in_services", "removal_in_progress")
_ENUMS: dict[str, type[Any]] = {
    "pre_assessment": PreAssessment,
    "em_orientation": EMOrientation,
}
_GROUPS = np.array(["core", "preadolescent", "adolescent", "outside"], dtype=object)
_OUTCOMES = np.array(
    [e.value for e in EligibilityOutcome], dtype=object
)  # eligible, not_eligible, needs_review
_UNIX_ORDINAL = dt.date(1970, 1, 1).toordinal()

i18n.define(
    "error.columnar.length",
    it={
        "one": "la colonna {name} ha 1 valore, ma la colonna id ne ha {size}",
        "other": "la colonna {name} ha {count} valori, ma la colonna id ne ha {size}",
    },
    en={
        "one": "column {name} has 1 value, but column id has {size}",
        "other": "column {name} has {count} values, but column id has {size}",
    },
)


def _bad(index: int, field: str, expected: str, value: object) -> InvalidValue:
    return InvalidValue.of(  # type: ignore[return-value]
        "type", path=f"families[{index}].{field}", expected=expected, actual=type(value).__name__
    )


_ABSENT: Any = object()


def _lookup(data: Any, name: str) -> Any:
    """One column as the table holds it (``_ABSENT`` if the table has no such column)."""
    if isinstance(data, Mapping):
        return data.get(name, _ABSENT)
    names = getattr(data, "column_names", None)  # pyarrow.Table
    if names is not None:
        return data.column(name) if name in names else _ABSENT
    columns = getattr(data, "columns", None)
    if columns is None or name not in list(columns):
        return _ABSENT
    return data[name]


def _is_pandas(values: Any) -> bool:
    return hasattr(values, "isna") and hasattr(values, "to_numpy") and hasattr(values, "dtype")


def _column(data: Any, name: str, size: int | None, *, blanks: bool = True) -> list[Any] | None:
    """One column as a list of Python objects (``None`` if the table has no such column).

    With ``blanks``, pandas' ``NaN``, ``NA`` and ``NaT`` become ``None``, as on the row path.
    """
    values = _lookup(data, name)
    if values is _ABSENT:
        return None
    return _as_list(values, name, size, blanks=blanks)


def _as_list(values: Any, name: str, size: int | None, *, blanks: bool = True) -> list[Any]:
    missing: Any = None
    if blanks and hasattr(values, "isna"):
        missing = np.flatnonzero(values.isna().to_numpy())
    if hasattr(values, "to_pylist"):  # pyarrow: nulls are None
        values = values.to_pylist()
    elif hasattr(values, "to_list"):  # pandas or Polars Series
        values = values.to_list()
    elif hasattr(values, "tolist"):
        values = values.tolist()
    out = list(values)
    if missing is not None:
        for index in missing.tolist():
            out[index] = None
    if size is not None and len(out) != size:
        raise InvalidValue.of("columnar.length", path=name, name=name, count=len(out), size=size)
    return out


def _check_length(values: Any, name: str, size: int) -> None:
    if len(values) != size:
        raise InvalidValue.of("columnar.length", path=name, name=name, count=len(values), size=size)


def _missing(values: npt.NDArray[Any]) -> npt.NDArray[np.bool_]:
    # None, NaN and pandas' NA are missing; `x != x` holds only for NaN-like values.
    missing = np.equal(values, None)  # type: ignore[call-overload]
    try:
        with np.errstate(invalid="ignore"):
            unequal = np.asarray(values != values, dtype=bool)
    except TypeError:  # pandas.NA refuses to be a bool
        unequal = np.fromiter(
            (v is not None and _is_na(v) for v in values.tolist()), dtype=bool, count=len(values)
        )
    return missing | unequal  # type: ignore[no-any-return]


def _is_na(value: Any) -> bool:
    try:
        return bool(value != value)
    except TypeError:
        return True


class FamilyBatch:
    """A batch of families as columns (numpy arrays): what the columnar forms read.

    ``child_family[k]`` is the family of the k-th child, ``birth`` its birth
    date as a day number (days since 1970-01-01); ``starts[i]`` is the index
    of family i's first child. Flags and enums are object arrays of
    ``True``/``False``/``None`` and of enum values/``None``.

    >>> batch = FamilyBatch.from_columns({"id": ["F1"], "birth_dates": [["2016-04-12"]]})
    >>> len(batch), batch.family(0).ages_on(dt.date(2023, 6, 1)), batch.pre_assessment[0]
    (1, (7,), None)
    """

    def __init__(
        self,
        *,
        ids: npt.NDArray[Any],
        counts: npt.NDArray[np.int64],
        birth: npt.NDArray[np.int64],
        fields: Mapping[str, tuple[npt.NDArray[Any], Codes]],
    ) -> None:
        self.ids = ids
        self.counts = counts
        self.starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
        self.birth = birth
        self.child_family = np.repeat(np.arange(len(ids)), counts)
        self.pre_assessment = fields["pre_assessment"][0]
        self.em_orientation = fields["em_orientation"][0]
        self.abuse_or_severe_maltreatment = fields["abuse_or_severe_maltreatment"][0]
        self.trust_in_services = fields["trust_in_services"][0]
        self.removal_in_progress = fields["removal_in_progress"][0]
        self.codes: dict[str, Codes] = {name: pair[1] for name, pair in fields.items()}
        """Each flag and enum column as int8 codes: -1 missing; flags 0/1; enums the member's index."""
        self._groups: dict[Any, Any] = {}

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_families(cls, families: Sequence[Family]) -> FamilyBatch:
        """A batch from :class:`Family` objects (already valid).

        >>> batch = FamilyBatch.from_families([Family(id="F1", children=[
        ...     Child(id="C1", birth_date=dt.date(2016, 4, 12))], trust_in_services=True)])
        >>> batch.trust_in_services[0], int(batch.counts[0])
        (True, 1)
        """
        return cls.from_columns(
            {
                "id": [f.id for f in families],
                "birth_dates": [[c.birth_date for c in f.children] for f in families],
                "pre_assessment": [f.pre_assessment for f in families],
                "em_orientation": [f.em_orientation for f in families],
                **{name: [getattr(f, name) for f in families] for name in _FLAGS},
            }
        )

    @classmethod
    def from_columns(cls, data: Any) -> FamilyBatch:
        """A batch from a DataFrame, an Arrow table, a mapping of columns or a list of records.

        Values are checked as the row path checks them; a bad one raises
        :class:`~welfare_ambito.errors.InvalidValue` at ``families[i].field``.
        """
        if isinstance(data, Sequence) and not isinstance(data, str):
            if data and isinstance(data[0], Family):
                return cls.from_families(data)
            records: Sequence[Mapping[str, Any]] = data
            names = ("id", "birth_dates", *_ENUMS, *_FLAGS)
            data = {n: [r.get(n) for r in records] for n in names if any(n in r for r in records)}
            data.setdefault("id", [])
            data.setdefault("birth_dates", [])
        ids = _column(data, "id", None)
        if ids is None:
            raise InvalidValue.of("missing", path="id")
        size = len(ids)
        births = _column(data, "birth_dates", size, blanks=False)  # the reading names blanks
        if births is None:
            raise InvalidValue.of("missing", path="birth_dates")
        if set(map(type, ids)) - {str} or "" in ids:
            for index, value in enumerate(ids):
                if not isinstance(value, str) or not value:
                    raise _bad(index, "id", "a pseudonymous id (text)", value)
        counts, birth = _births(births)
        fields: dict[str, tuple[Any, Codes]] = {}
        for name, enum in _ENUMS.items():
            raw = _lookup(data, name)
            fast = _pandas_enum_column(raw, enum, name, size)
            if fast is None:
                fast = _enum_column(_column(data, name, size), enum, name, size)
            fields[name] = fast
        for name in _FLAGS:
            raw = _lookup(data, name)
            fast = _pandas_flag_column(raw, name, size)
            if fast is None:
                fast = _flag_column(_column(data, name, size), name, size)
            fields[name] = fast
        return cls(ids=np.array(ids, dtype=object), counts=counts, birth=birth, fields=fields)

    def family(self, index: int) -> Family:
        """Family ``index`` as a row object (children numbered ``<id>-1``, ``<id>-2``, …)."""
        start, count = int(self.starts[index]), int(self.counts[index])
        family_id = str(self.ids[index])
        return Family(
            id=family_id,
            children=[
                Child(
                    id=f"{family_id}-{j + 1}",
                    birth_date=dt.date.fromordinal(int(day) + _UNIX_ORDINAL),
                )
                for j, day in enumerate(self.birth[start : start + count])
            ],
            pre_assessment=self.pre_assessment[index],
            em_orientation=self.em_orientation[index],
            abuse_or_severe_maltreatment=self.abuse_or_severe_maltreatment[index],
            trust_in_services=self.trust_in_services[index],
            removal_in_progress=self.removal_in_progress[index],
        )

    def families(self) -> Iterator[Family]:
        """Every family as a row object, one at a time."""
        return (self.family(i) for i in range(len(self)))

    def ages_on(self, on: dt.date) -> npt.NDArray[np.int64]:
        """Every child's age in whole years on ``on`` (29 February birthdays as the row path).

        >>> FamilyBatch.from_columns({"id": ["F"], "birth_dates": [["2012-02-29"]]}).ages_on(
        ...     dt.date(2013, 2, 28)).tolist()
        [1]
        """
        year, month, day = _civil(self.birth)
        if not _leap(on.year):
            day = np.where((month == 2) & (day == 29), 28, day)
        before = (on.month < month) | ((on.month == month) & (on.day < day))
        return on.year - year - before


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# Day numbers and calendar dates in integer arithmetic (H. Hinnant's "chrono-compatible
# low-level date algorithms"): years of 400 (146,097 days) starting on 1 March.
_SHIFT = 719_468  # days from 0000-03-01 to 1970-01-01
Ints = npt.NDArray[np.int64]


def _civil(days: Ints) -> tuple[Ints, Ints, Ints]:
    """Year, month and day of each day number (days since 1970-01-01)."""
    z = days + _SHIFT
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = np.where(mp < 10, mp + 3, mp - 9)
    return yoe + era * 400 + (month <= 2), month, day


def _day_numbers(year: Ints, month: Ints, day: Ints) -> Ints:
    """Day numbers (days since 1970-01-01) of valid calendar dates."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146_097 + doe - _SHIFT  # type: ignore[no-any-return]


_SEMICOLON, _DASH, _ZERO = ord(";"), ord("-"), ord("0")
_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9]  # YYYY-MM-DD: the digit positions of a date
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)
_EMPTY_DAYS: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)


def _births(cells: list[Any]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The ``birth_dates`` column: children per family and their birth dates as day numbers.

    The common forms take a vectorised path: every cell ISO dates joined by
    ``;`` (a CSV's form), or every cell a list of ``datetime.date`` or of ISO
    text. Anything else, and any cell those paths cannot read, goes to
    :func:`_reference_births`, which reads the cells one by one as the row
    path does and names the first bad one: the result (or the error) is the
    reference's either way, as the property in ``tests/test_columnar_parsing.py``
    holds it.
    """
    kinds = set(map(type, cells))
    if kinds == {str}:
        fast = _joined_iso_days(cells)
        if fast is not None:
            return fast
    elif kinds and kinds <= {list, tuple}:
        counts = np.fromiter(map(len, cells), dtype=np.int64, count=len(cells))
        if counts.all():
            flat = list(itertools.chain.from_iterable(cells))
            items = set(map(type, flat))
            if items == {dt.date}:
                days = np.fromiter(map(dt.date.toordinal, flat), dtype=np.int64, count=len(flat))
                return counts, days - _UNIX_ORDINAL
            if items == {str}:
                fixed = _iso_days(";".join(flat) + ";", len(flat))
                if fixed is not None:
                    return counts, fixed
    elif not cells:
        return np.zeros(0, dtype=np.int64), _EMPTY_DAYS
    return _reference_births(cells)


def _joined_iso_days(
    cells: list[str],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
    """Cells of ``YYYY-MM-DD`` dates joined by ``;``, read at once (``None``: not all are)."""
    lengths = np.fromiter(map(len, cells), dtype=np.int64, count=len(cells))
    if not lengths.all() or ((lengths + 1) % 11).any():
        return None
    counts = (lengths + 1) // 11
    days = _iso_days(";".join(cells) + ";", int(counts.sum()))
    return None if days is None else (counts, days)


def _iso_days(joined: str, count: int) -> npt.NDArray[np.int64] | None:
    """``count`` dates, each ``YYYY-MM-DD;``, as day numbers (``None`` unless all are valid).

    The text is read as one block of bytes, 11 a date: a ``;`` at the end of
    every date and nowhere else, the dashes in place, digits elsewhere, a real
    day of a real month of a year from 1 (what :meth:`datetime.date.fromisoformat`
    accepts in this form).
    """
    try:
        raw = joined.encode("ascii")
    except UnicodeEncodeError:
        return None
    if len(raw) != 11 * count:
        return None
    if not count:
        return _EMPTY_DAYS
    block = np.frombuffer(raw, dtype=np.uint8).reshape(count, 11)
    digits = block[:, _DIGITS] - np.uint8(_ZERO)  # a non-digit wraps past 9
    if (
        (digits > 9).any()
        or (block[:, 10] != _SEMICOLON).any()
        or (block[:, 4] != _DASH).any()
        or (block[:, 7] != _DASH).any()
    ):
        return None
    d = digits.astype(np.int64)
    year = d[:, 0] * 1000 + d[:, 1] * 100 + d[:, 2] * 10 + d[:, 3]
    month = d[:, 4] * 10 + d[:, 5]
    day = d[:, 6] * 10 + d[:, 7]
    if (year < 1).any() or (month < 1).any() or (month > 12).any() or (day < 1).any():
        return None
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    if (day > _MONTH_DAYS[month] + (leap & (month == 2))).any():
        return None
    return _day_numbers(year, month, day)


def _reference_births(
    cells: list[Any],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The ``birth_dates`` column read cell by cell and date by date: the reference reading.

    A cell is a list (or tuple, or array) of dates or ISO texts, or one text
    with the dates joined by ``;``. A missing cell, an empty family, a cell of
    another kind and a value that is not a date (``datetime.date``, or
    ``YYYY-MM-DD`` as :meth:`datetime.date.fromisoformat` reads it; a
    ``datetime`` is refused as on the row path) raise
    :class:`~welfare_ambito.errors.InvalidValue` at the first one's path.
    """
    families: list[list[Any]] = []
    for index, cell in enumerate(cells):
        if isinstance(cell, str):
            items = cell.split(";") if cell else []
        elif isinstance(cell, list | tuple | np.ndarray):
            items = list(cell)
        elif cell is None or _is_na(cell):  # None, NaN, pandas' NA or NaT: not recorded
            raise InvalidValue.of("missing", path=f"families[{index}].children")
        else:
            raise _bad(index, "birth_dates", "birth dates (a list, or ISO dates joined by ;)", cell)
        if not items:
            raise InvalidValue.of("empty", path=f"families[{index}].children")
        families.append(items)
    counts = np.fromiter(map(len, families), dtype=np.int64, count=len(families))
    out = np.empty(int(counts.sum()), dtype=np.int64)
    k = 0
    for index, items in enumerate(families):
        for child, item in enumerate(items):
            path = f"children[{child}].birth_date"
            value: Any = item
            if isinstance(value, str):
                try:
                    value = dt.date.fromisoformat(value)
                except ValueError:
                    raise _bad(index, path, "a date (YYYY-MM-DD)", value) from None
            if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
                raise _bad(index, path, "a date", value)
            out[k] = value.toordinal() - _UNIX_ORDINAL
            k += 1
    return counts, out


def _enum_column(
    values: list[Any] | None, enum: type[Any], name: str, size: int
) -> tuple[Any, Codes]:
    """The column as enum members (object array) and as codes (-1 missing, else the index)."""
    members: list[Any] = list(enum.__members__.values())
    if values is None:
        return np.full(size, None, dtype=object), np.full(size, -1, dtype=np.int8)
    array = np.array(values, dtype=object)
    try:
        present = set(values) - {None}
    except TypeError:  # an unhashable value: found and named below
        present = {object()}
    allowed = {member.value for member in members}
    missing = None
    if not present <= allowed:
        missing = _missing(array)
        for index, value in enumerate(values):
            if not missing[index] and value not in allowed:
                raise InvalidValue.of(
                    "choice",
                    path=f"families[{index}].{name}",
                    value=value,
                    choices=", ".join(sorted(allowed)),
                )
    codes = np.full(size, -1, dtype=np.int8)
    for code, member in enumerate(members):
        if member.value in present:
            codes[array == member.value] = code
    return np.array([*members, None], dtype=object)[codes], codes


_FLAG_OBJECTS = np.array([False, True, None], dtype=object)  # by code: 0, 1, -1


def _pandas_flag_column(raw: Any, name: str, size: int) -> tuple[Any, Codes] | None:
    """A pandas column of a boolean type read at once (``None``: not one; read it as a list)."""
    if raw is _ABSENT or not _is_pandas(raw) or getattr(raw.dtype, "kind", None) != "b":
        return None
    _check_length(raw, name, size)
    codes = np.asarray(raw.to_numpy(dtype=bool, na_value=False), dtype=np.int8)
    codes[np.asarray(raw.isna().to_numpy(), dtype=bool)] = -1
    return _FLAG_OBJECTS[codes], codes


def _pandas_enum_column(
    raw: Any, enum: type[Any], name: str, size: int
) -> tuple[Any, Codes] | None:
    """A pandas column of enum values read at once (``None``: a value to look at one by one)."""
    if raw is _ABSENT or not _is_pandas(raw):
        return None
    import pandas as pd

    _check_length(raw, name, size)
    members: list[Any] = list(enum.__members__.values())
    by_value = {member.value: code for code, member in enumerate(members)}
    try:  # each distinct value once; None, NaN and NA are -1
        found, distinct = pd.factorize(raw, use_na_sentinel=True)
        lookup = np.full(len(distinct) + 1, -1, dtype=np.int8)
        for k, value in enumerate(distinct):
            lookup[k] = by_value[value]
    except (TypeError, ValueError, KeyError):  # not a member: the reading by value names it
        return None
    codes = lookup[found]
    return np.array([*members, None], dtype=object)[codes], codes


def _flag_column(values: list[Any] | None, name: str, size: int) -> tuple[Any, Codes]:
    """The column as ``True``/``False``/``None`` and as codes (-1 missing, 0 false, 1 true)."""
    if values is None:
        return np.full(size, None, dtype=object), np.full(size, -1, dtype=np.int8)
    array = np.array(values, dtype=object)
    kinds = set(map(type, values))
    if not kinds <= {bool, type(None)}:  # 1 or "yes" is not a flag, as on the row path
        missing = _missing(array)
        for index, value in enumerate(values):
            if not missing[index] and not isinstance(value, bool):
                raise _bad(index, name, "true or false", value)
    codes = np.full(size, -1, dtype=np.int8)
    codes[np.equal(array, True)] = 1
    codes[np.equal(array, False)] = 0
    return np.array([False, True, None], dtype=object)[codes], codes


# -- the columnar forms of the rules ---------------------------------------------------------

ColumnarForm = Callable[[FamilyBatch, Mapping[str, Any], dt.date], Codes]
"""A rule over a batch: ``form(batch, parameters, on)`` → one outcome code per family."""


def _codes(size: int, code: int) -> Codes:
    return np.full(size, code, dtype=np.int8)


def _group_codes(batch: FamilyBatch, parameters: Mapping[str, Any], on: dt.date) -> Any:
    """Per family: 0 core, 1 11–14, 2 15–17 only, 3 none; and whether a child is born after ``on``."""
    bands = AgeBands.from_parameters(parameters)
    key = (bands, on)
    cached = batch._groups.get(key)
    if cached is not None:
        return cached
    ages = batch.ages_on(on)
    table = np.array(bands._table, dtype=np.int8)
    inside = (ages >= 0) & (ages < len(table))
    found = np.zeros(len(ages), dtype=np.int8)
    found[inside] = table[ages[inside]]
    for k in np.flatnonzero(~inside & (ages >= 0)).tolist():  # past the table: the row answer
        found[k] = bands._bands(int(ages[k]))
    size = len(batch)
    if size:  # children are stored family by family, and no family is empty
        bits = np.bitwise_or.reduceat(found, batch.starts)
        unborn = np.logical_or.reduceat(ages < 0, batch.starts)
    else:
        bits = np.zeros(0, dtype=np.int8)
        unborn = np.zeros(0, dtype=bool)
    group = np.where(bits & 1, 0, np.where(bits & 2, 1, np.where(bits & 4, 2, 3))).astype(np.int8)
    batch._groups[key] = (group, unborn)
    return group, unborn


def age_group(batch: FamilyBatch, parameters: Mapping[str, Any], on: dt.date) -> Codes:
    """``pippi.target.age_group``: pass in the core or 11–14 group; a child born after ``on``: review."""
    group, unborn = _group_codes(batch, parameters, on)
    codes = np.where(group <= 1, PASS, FAIL).astype(np.int8)
    codes[unborn] = REVIEW
    return codes


def _flag_rule(codes_in: Codes, *, passing: bool) -> Codes:
    codes = _codes(len(codes_in), REVIEW)
    codes[codes_in == int(passing)] = PASS
    codes[codes_in == int(not passing)] = FAIL
    return codes


def no_abuse(batch: FamilyBatch, parameters: Mapping[str, Any], on: dt.date) -> Codes:
    """``pippi.target.no_abuse``: no → pass, yes → fail, not recorded → review."""
    return _flag_rule(batch.codes["abuse_or_severe_maltreatment"], passing=False)


def trust(batch: FamilyBatch, parameters: Mapping[str, Any], on: dt.date) -> Codes:
    """``pippi.target.trust``: yes → pass, no → fail, not recorded → review."""
    return _flag_rule(batch.codes["trust_in_services"], passing=True)


_WORRYING = list(PreAssessment).index(PreAssessment.WORRYING)
_KEEP = list(EMOrientation).index(EMOrientation.KEEP_IN_FAMILY)
_REUNIFY = list(EMOrientation).index(EMOrientation.REUNIFICATION)


def pre_assessment(batch: FamilyBatch, parameters: Mapping[str, Any], on: dt.date) -> Codes:
    """``pippi.target.pre_assessment``: worrying → pass, not worrying → fail, none → review."""
    values = batch.codes["pre_assessment"]
    codes = _codes(len(values), FAIL)
    codes[values == -1] = REVIEW
    codes[values == _WORRYING] = PASS
    return codes


def em_orientation(batch: FamilyBatch, parameters: Mapping[str, Any], on: dt.date) -> Codes:
    """``pippi.target.em_orientation``: keep (no removal) or reunification (removal not denied)."""
    orientation, removal = batch.codes["em_orientation"], batch.codes["removal_in_progress"]
    codes = _codes(len(orientation), FAIL)
    codes[orientation == -1] = REVIEW
    keep = orientation == _KEEP
    reunify = orientation == _REUNIFY
    codes[keep] = np.where(removal[keep] == 1, REVIEW, PASS)
    codes[reunify] = np.where(removal[reunify] == 0, REVIEW, PASS)
    return codes


def adversities(batch: FamilyBatch, parameters: Mapping[str, Any], on: dt.date) -> Codes:
    """``pippi.target.adversities``: always passes (adversities never exclude a family)."""
    return _codes(len(batch), PASS)


FORMS: Mapping[str, ColumnarForm] = {
    "pippi.target.age_group": age_group,
    "pippi.target.no_abuse": no_abuse,
    "pippi.target.pre_assessment": pre_assessment,
    "pippi.target.em_orientation": em_orientation,
    "pippi.target.trust": trust,
    "pippi.target.adversities": adversities,
}
"""The library's columnar forms, by rule id (each proven equal to its row form)."""

_MISSING_FIELD = {
    "pippi.target.no_abuse": "abuse_or_severe_maltreatment",
    "pippi.target.pre_assessment": "pre_assessment",
    "pippi.target.trust": "trust_in_services",
}


# -- screening -------------------------------------------------------------------------------


class Screening:
    """The outcome columns of a screened batch, with explanations on demand.

    ``outcome`` and ``group`` are object arrays of the values of
    :class:`~welfare_ambito.eligibility.EligibilityOutcome` and
    :class:`~welfare_ambito.eligibility.TargetGroup`; ``rules`` maps each rule
    id to its outcome codes (see :data:`CODES`); ``paths`` says, per rule,
    whether it ran on the ``"columnar"`` or the ``"row"`` path.

    >>> result = screen([{"id": "F1", "birth_dates": ["2016-04-12"]}], on=dt.date(2023, 6, 1))
    >>> result.counts()
    {'eligible': 0, 'not_eligible': 0, 'needs_review': 1}
    >>> print(result.assessment(0, lang="en").message.splitlines()[0])
    Family F1: needs review for the P.I.P.P.I. target on 2023-06-01.
    """

    def __init__(
        self,
        *,
        batch: FamilyBatch,
        on: dt.date,
        profile: Any,
        outcome: npt.NDArray[Any],
        group: npt.NDArray[Any],
        rules: Mapping[str, Codes],
        paths: Mapping[str, str],
    ) -> None:
        self.batch = batch
        self.on = on
        self.profile = profile
        self.ids = batch.ids
        self.outcome = outcome
        self.group = group
        self.rules = dict(rules)
        self.paths = dict(paths)

    def __len__(self) -> int:
        return len(self.ids)

    def counts(self) -> dict[str, int]:
        """Families per outcome."""
        return {value: int(np.count_nonzero(self.outcome == value)) for value in _OUTCOMES}

    def rule_outcomes(self, rule_id: str) -> list[str]:
        """The outcome values of one rule, per family."""
        return [CODES[c] for c in self.rules[rule_id].tolist()]

    def missing(self) -> list[tuple[str, ...]]:
        """Per family, the inputs to record before a decision (as :attr:`Assessment.missing`)."""
        inverse, table, row = self._missing_groups()
        out = [table[k] for k in inverse.tolist()]
        for index, extra in row.items():
            out[index] = extra
        return out

    def missing_joined(self, sep: str = ";") -> npt.NDArray[Any]:
        """:meth:`missing` as one text per family, the inputs joined by ``sep`` (object array).

        Built from the handful of distinct combinations, not family by family.

        >>> result = screen({"id": ["F1", "F2"], "birth_dates": ["2016-04-12", "2015-01-01"],
        ...                  "pre_assessment": ["worrying", None]}, on=dt.date(2023, 6, 1))
        >>> result.missing_joined().tolist()[1]
        'abuse_or_severe_maltreatment;pre_assessment;em_orientation;trust_in_services'
        """
        inverse, table, row = self._missing_groups()
        out: npt.NDArray[Any] = np.array([sep.join(t) for t in table], dtype=object)[inverse]
        for index, extra in row.items():
            out[index] = sep.join(extra)
        return out

    def _missing_groups(
        self,
    ) -> tuple[npt.NDArray[np.intp], list[tuple[str, ...]], dict[int, tuple[str, ...]]]:
        """Per family, an index into the distinct tuples of missing inputs; the row rules' apart.

        Each columnar rule adds its input to a family's missing inputs when it
        needs review there: one bit per (rule, input), in the rules' order, so
        a family's bits read in order give its inputs in :meth:`missing`'s
        order. Families that a row-path rule sends to review get their tuple
        from the row path (the third element, by family).
        """
        batch = self.batch
        size = len(self)
        masks = np.zeros(size, dtype=np.int64)
        fields: list[str] = []

        def add(field: str, where: npt.NDArray[np.bool_]) -> None:
            masks[where] |= np.int64(1) << np.int64(len(fields))
            fields.append(field)

        for rule_id, codes in self.rules.items():
            if self.paths.get(rule_id) != "columnar":
                continue
            review = codes == REVIEW
            if rule_id in _MISSING_FIELD:
                add(_MISSING_FIELD[rule_id], review)
            elif rule_id == "pippi.target.em_orientation":
                orientation = batch.codes["em_orientation"]
                blank_or_keep = (orientation == -1) | (orientation == _KEEP)
                add("em_orientation", review & blank_or_keep)
                add("removal_in_progress", review & ~blank_or_keep)
        distinct, inverse = np.unique(masks, return_inverse=True)
        table = [
            tuple(dict.fromkeys(f for bit, f in enumerate(fields) if mask >> bit & 1))
            for mask in distinct.tolist()
        ]
        row: dict[int, tuple[str, ...]] = {}
        for rule_id, path in self.paths.items():
            if path != "row":
                continue
            for index in np.flatnonzero(self.rules[rule_id] == REVIEW).tolist():
                found = row.get(index, table[inverse[index]])
                extra = (
                    m for f in self._row_findings(index) if f.rule == rule_id for m in f.missing
                )
                row[index] = tuple(dict.fromkeys((*found, *extra)))
        return inverse.reshape(-1), table, row

    def _row_findings(self, index: int) -> tuple[Any, ...]:
        return assess(self.batch.family(index), on=self.on, profile=self.profile).findings

    def assessment(self, index: int, *, lang: Lang = "it") -> Assessment:
        """Family ``index`` assessed on the row path: the reasons, values and citations.

        Explanations are built only for the families asked about (usually the
        few that fail or need review), never for the whole population.
        """
        return assess(self.batch.family(index), on=self.on, profile=self.profile, lang=lang)

    def reasons(self, index: int, *, lang: Lang = "it") -> tuple[str, ...]:
        """The reasons of family ``index`` (see :meth:`Assessment.reasons`)."""
        return self.assessment(index, lang=lang).reasons()

    def columns(self) -> dict[str, list[Any]]:
        """The result as plain columns: ``family``, ``outcome``, ``group`` and one per rule."""
        out: dict[str, list[Any]] = {
            "family": self.ids.tolist(),
            "outcome": self.outcome.tolist(),
            "group": self.group.tolist(),
        }
        for rule_id in self.rules:
            out[rule_id] = self.rule_outcomes(rule_id)
        return out

    def to_pandas(self) -> Any:
        """The result as a pandas DataFrame (pandas must be installed)."""
        import pandas as pd

        return pd.DataFrame(self.columns())

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_screening,
            (self.batch, self.on, self.profile, self.outcome, self.group, self.rules, self.paths),
        )


def _rebuild_screening(
    batch: FamilyBatch,
    on: dt.date,
    profile: Any,
    outcome: Any,
    group: Any,
    rules: Any,
    paths: Any,
) -> Screening:
    return Screening(
        batch=batch, on=on, profile=profile, outcome=outcome, group=group, rules=rules, paths=paths
    )


def screen(
    families: Any,
    *,
    on: dt.date,
    profile: Any = "seregno-pippi-2023",
    forms: Mapping[str, ColumnarForm] | None = None,
) -> Screening:
    """Screen a batch of families against the profile's ``pippi.target.*`` rules, over columns.

    ``families`` is a DataFrame (pandas, Polars), an Arrow table, a mapping of
    columns, a list of records or a list of :class:`Family`. ``forms``
    replaces or adds columnar forms by rule id (default :data:`FORMS`). As
    :func:`~welfare_ambito.eligibility.assess`, a child born after ``on`` is
    invalid input (:class:`~welfare_ambito.errors.InvalidValue`).

    >>> screen({"id": [], "birth_dates": []}, on=dt.date(2024, 1, 1)).counts()
    {'eligible': 0, 'not_eligible': 0, 'needs_review': 0}
    """
    from welfare_ambito.eligibility.pippi import _screening, check_birth_dates
    from welfare_ambito.rules import Severity

    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise InvalidValue.of("type", path="on", expected="a date", actual=type(on).__name__)
    batch = families if isinstance(families, FamilyBatch) else FamilyBatch.from_columns(families)
    checker = _screening(profile, on, "it", None).checker
    resolved = checker.profile
    chosen = dict(FORMS if forms is None else {**FORMS, **forms})
    size = len(batch)
    rules: dict[str, Codes] = {}
    paths: dict[str, str] = {}
    row_rules = []
    parameters = resolved.parameters
    for item in resolved.rules:
        if not item.id.startswith(TARGET_RULES):
            continue
        form = chosen.get(item.id)
        if form is None:
            row_rules.append(item.id)
            continue
        values = parameters.at(on, item.rule.all_parameters) if item.rule.all_parameters else {}
        rules[item.id] = form(batch, values, on)
        paths[item.id] = "columnar"
    if "pippi.target.age_group" in rules and (rules["pippi.target.age_group"] == REVIEW).any():
        index = int(np.argmax(rules["pippi.target.age_group"] == REVIEW))
        check_birth_dates(batch.family(index), on)  # raises, naming the child
    if row_rules:  # no columnar form: the reference path, family by family
        row = _row_codes(batch, resolved, on, row_rules)
        for rule_id in row_rules:
            rules[rule_id] = row[rule_id]
            paths[rule_id] = "row"
    errors = np.zeros(size, dtype=bool)
    review = np.zeros(size, dtype=bool)
    severities = {item.id: item.severity for item in resolved.rules}
    for rule_id, codes in rules.items():
        if severities[rule_id] is Severity.ERROR:
            errors |= codes == FAIL
        review |= codes == REVIEW
    outcome = _OUTCOMES[np.where(errors, 1, np.where(review, 2, 0))]
    if all(n in parameters for n in AgeBands.PARAMETERS):
        group = _GROUPS[_group_codes(batch, parameters.at(on, AgeBands.PARAMETERS), on)[0]]
    else:
        group = np.full(size, None, dtype=object)
    return Screening(
        batch=batch,
        on=on,
        profile=resolved,
        outcome=outcome,
        group=group,
        rules=rules,
        paths=paths,
    )


def _row_codes(
    batch: FamilyBatch, profile: Any, on: dt.date, rule_ids: list[str]
) -> dict[str, Codes]:
    from welfare_ambito.rules import Checker

    checker = Checker(profile, on=on, rules=rule_ids)
    order = [b.rule.id for b in checker._rules_for("family")]
    index = {value: code for code, value in enumerate(CODES)}
    out = {rule_id: _codes(len(batch), PASS) for rule_id in order}
    stream = checker.outcomes(batch.families(), kind="family")
    for family in range(len(batch)):
        for rule_id in order:
            out[rule_id][family] = index[next(stream).value]
    return out

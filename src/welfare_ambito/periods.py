"""Period: an inclusive range of dates, with calendar arithmetic from python-dateutil."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from welfare_ambito import i18n
from welfare_ambito.errors import InvalidValue
from welfare_ambito.parsing import read_date

i18n.define(
    "error.period_too_long",
    it="un periodo di oltre 9.600 anni non ha una lunghezza misurabile",
    en="a period of more than 9,600 years has no measured length",
)

__all__ = ["Period", "parse_date"]


def parse_date(value: object, *, path: str = "") -> dt.date:
    """A :class:`datetime.date` from a date, ``YYYY-MM-DD`` or ``DD/MM/YYYY`` text.

    A ``datetime`` (or ``pandas.Timestamp``) at midnight is its date; a time of
    day is refused. The grammar is :func:`welfare_ambito.parsing.read_date`.

    >>> parse_date("2023-06-01"), parse_date("01/06/2023")
    (datetime.date(2023, 6, 1), datetime.date(2023, 6, 1))
    >>> parse_date("2023/06/01", path="period.start")
    Traceback (most recent call last):
    ...
    welfare_ambito.errors.InvalidValue: period.start: not a date (write YYYY-MM-DD or DD/MM/YYYY)
    """
    return read_date(value, path=path)


def _add_months(day: dt.date, months: int) -> dt.date | None:
    """``day`` plus ``months`` calendar months, or ``None`` past 9999-12-31."""
    try:
        return day + relativedelta(months=months)
    except (OverflowError, ValueError):
        return None


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


# A 400-year shift keeps weekdays, leap years and month lengths: it lets lengths be
# measured for periods ending on 9999-12-31, whose next day does not exist.
_CYCLE: Final = 400

# "2023-06-01/2026-05-31", "01/06/2023 - 31/05/2026", "01/06/2023/31/05/2026".
_ITALIAN_PERIOD = re.compile(
    r"^(\d{1,2}/\d{1,2}/\d{4})\s*(?:/|-|–|—)\s*(\d{1,2}/\d{1,2}/\d{4})\Z", re.ASCII
)


def _end_not_before_start(
    instance: Period, attribute: attrs.Attribute[dt.date], end: dt.date
) -> None:
    if end < instance.start:
        raise InvalidValue.of("date_order", path="end", start=instance.start, end=end)


def _is_date(instance: object, attribute: attrs.Attribute[dt.date], value: object) -> None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidValue.of(
            "type", path=attribute.name, expected="a date", actual=type(value).__name__
        )


@attrs.frozen(order=True)
class Period:
    """An inclusive range of dates: ``start`` to ``end``, both days included.

    >>> p = Period.of_months("2023-06", "2026-05")
    >>> p
    Period(start=datetime.date(2023, 6, 1), end=datetime.date(2026, 5, 31))
    >>> p.months, p.days
    (36, 1096)
    >>> [str(s) for s in p.semesters()][:2]
    ['2023-06-01/2023-11-30', '2023-12-01/2024-05-31']
    """

    start: dt.date = attrs.field(validator=_is_date)
    end: dt.date = attrs.field(validator=[_is_date, _end_not_before_start])

    # -- construction -----------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``"2023-06-01/2026-05-31"`` (ISO 8601) or ``"01/06/2023 - 31/05/2026"``.

        >>> str(Period.parse("01/06/2023 - 31/05/2026"))
        '2023-06-01/2026-05-31'
        >>> Period.parse(20230601)
        Traceback (most recent call last):
        ...
        welfare_ambito.errors.InvalidValue: expected text, got int
        """
        if not isinstance(text, str):
            raise InvalidValue.of("type", expected="text", actual=type(text).__name__)
        italian = _ITALIAN_PERIOD.match(text.strip())
        if italian:
            start, end = italian.groups()
        else:
            start, sep, end = text.partition("/")
            if not sep:
                raise InvalidValue.of("pattern", value=text[:40], what="period (start/end)")
        return cls(parse_date(start, path="start"), parse_date(end, path="end"))

    @classmethod
    def of_months(cls, first: str, last: str) -> Period:
        """From the first day of month ``first`` to the last day of ``last`` (``"YYYY-MM"``).

        >>> str(Period.of_months("2023-05", "2026-04"))
        '2023-05-01/2026-04-30'
        """
        if not isinstance(first, str) or not isinstance(last, str):
            raise InvalidValue.of("type", expected="text (YYYY-MM)", actual="not text")
        start = parse_date(f"{first.strip()}-01", path="start")
        end_month = parse_date(f"{last.strip()}-01", path="end")
        return cls(start, _month_end(end_month))

    # -- size -------------------------------------------------------------------
    @property
    def days(self) -> int:
        """Number of days, both ends included."""
        return (self.end - self.start).days + 1

    @property
    def length(self) -> relativedelta:
        """Exact length as whole months and remaining days (ends included)."""
        if self.end < dt.date.max:
            return relativedelta(self.end + dt.timedelta(days=1), self.start)
        if self.start.year <= _CYCLE:
            raise InvalidValue.of("period_too_long")
        shift = relativedelta(years=-_CYCLE)
        return Period(self.start + shift, self.end + shift).length

    @property
    def months(self) -> int:
        """Whole months in the period (a 1 June – 31 May period of 3 years is 36)."""
        delta = self.length
        return delta.years * 12 + delta.months

    # -- relations --------------------------------------------------------------
    def __contains__(self, item: object) -> bool:
        if isinstance(item, Period):
            return self.start <= item.start and item.end <= self.end
        if isinstance(item, dt.date) and not isinstance(item, dt.datetime):
            return self.start <= item <= self.end
        return False

    def contains(self, item: dt.date | Period) -> bool:
        """Whether a date or a whole period lies inside this one."""
        return item in self

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: Period) -> Period | None:
        """The days both periods share, or ``None``."""
        if not self.overlaps(other):
            return None
        return Period(max(self.start, other.start), min(self.end, other.end))

    # -- iteration --------------------------------------------------------------
    def months_iter(self) -> Iterator[Period]:
        """Calendar months, the first and last cut to the period."""
        cursor: dt.date | None = self.start.replace(day=1)
        while cursor is not None and cursor <= self.end:
            yield Period(max(cursor, self.start), min(_month_end(cursor), self.end))
            cursor = _add_months(cursor, 1)

    def _steps(self, months: int) -> Iterator[Period]:
        index = 0
        while True:
            first = _add_months(self.start, months * index)
            if first is None or first > self.end:
                return
            following = _add_months(self.start, months * (index + 1))
            last = self.end if following is None else following - dt.timedelta(days=1)
            yield Period(first, min(last, self.end))
            index += 1

    def semesters(self) -> Iterator[Period]:
        """Half-years aligned to the period's start; the last may be shorter."""
        return self._steps(6)

    def years(self) -> Iterator[Period]:
        """Years aligned to the period's start; the last may be shorter."""
        return self._steps(12)

    def calendar_years(self) -> Iterator[Period]:
        """Calendar years (1 January – 31 December), cut to the period."""
        for year in range(self.start.year, self.end.year + 1):
            yield Period(max(self.start, dt.date(year, 1, 1)), min(self.end, dt.date(year, 12, 31)))

    def split(self, unit: str) -> Iterator[Period]:
        """Iterate by ``unit``: ``"month"``, ``"semester"``, ``"year"`` or ``"calendar_year"``."""
        steps = {
            "month": self.months_iter,
            "semester": self.semesters,
            "year": self.years,
            "calendar_year": self.calendar_years,
        }
        if unit not in steps:
            raise InvalidValue.of("choice", path="unit", value=unit, choices=", ".join(steps))
        return steps[unit]()

    def __str__(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

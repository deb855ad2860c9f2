"""Period: an inclusive range of dates, with calendar arithmetic from python-dateutil."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs
from dateutil.relativedelta import relativedelta

from welfare_ambito.errors import InvalidValue
from welfare_ambito.parsing import read_date

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
        """Read ``"2023-06-01/2026-05-31"`` (ISO 8601 interval of dates)."""
        start, sep, end = text.partition("/")
        if not sep:
            raise InvalidValue.of("pattern", value=text, what="period (start/end)")
        return cls(parse_date(start, path="start"), parse_date(end, path="end"))

    @classmethod
    def of_months(cls, first: str, last: str) -> Period:
        """From the first day of month ``first`` to the last day of ``last`` (``"YYYY-MM"``).

        >>> str(Period.of_months("2023-05", "2026-04"))
        '2023-05-01/2026-04-30'
        """
        start = parse_date(f"{first}-01", path="start")
        end_month = parse_date(f"{last}-01", path="end")
        return cls(start, end_month + relativedelta(months=1, days=-1))

    # -- size -------------------------------------------------------------------
    @property
    def days(self) -> int:
        """Number of days, both ends included."""
        return (self.end - self.start).days + 1

    @property
    def length(self) -> relativedelta:
        """Exact length as whole months and remaining days (ends included)."""
        return relativedelta(self.end + dt.timedelta(days=1), self.start)

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
        cursor = self.start.replace(day=1)
        while cursor <= self.end:
            month_end = cursor + relativedelta(months=1, days=-1)
            yield Period(max(cursor, self.start), min(month_end, self.end))
            cursor += relativedelta(months=1)

    def _steps(self, months: int) -> Iterator[Period]:
        index = 0
        while True:
            first = self.start + relativedelta(months=months * index)
            if first > self.end:
                return
            last = self.start + relativedelta(months=months * (index + 1)) - dt.timedelta(days=1)
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

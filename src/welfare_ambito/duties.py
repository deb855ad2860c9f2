"""Reporting duties: the calendar a notice implies, and a plan's declared calendar against it.

Both Seregno notices (P.I.P.P.I., seed 004; Tutela Minori, seed 002) ask for a
half-yearly report, a yearly summary and an overall evaluation. The calendar is
generated from the project period with :meth:`Period.semesters` and
:meth:`Period.years` (aligned to the period's start; the last step may be
shorter). A declared calendar is accepted when every expected step is covered
by declared reports of that kind, none is longer than its step and none falls
outside the period: a partner may align its half-years differently, as long
as no day goes unreported.

>>> from welfare_ambito import Period
>>> calendar = reporting_calendar(Period.parse("2023-06-01/2026-05-31"))
>>> [(r.kind.value, str(r.covers)) for r in calendar][:2]
[('semiannual_accounting', '2023-06-01/2023-11-30'), ('semiannual_accounting', '2023-12-01/2024-05-31')]
>>> len(calendar)
10
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs
from dateutil.relativedelta import relativedelta

from welfare_ambito._frozendict import FrozenDict
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import ReportDue, ReportKind
from welfare_ambito.periods import Period

__all__ = [
    "DEFAULT_KINDS",
    "STEPS",
    "CalendarCheck",
    "check_calendar",
    "reporting_calendar",
    "uncovered",
]

STEPS: Mapping[ReportKind, str | None] = FrozenDict(
    {
        ReportKind.SEMIANNUAL_ACCOUNTING: "semester",
        ReportKind.ANNUAL_SUMMARY: "year",
        ReportKind.SATISFACTION_SURVEY: "year",
        ReportKind.OVERALL_EVALUATION: None,
    }
)
"""The step of each kind of report: ``"semester"``, ``"year"``, or ``None`` (the whole period).

>>> STEPS[ReportKind.SEMIANNUAL_ACCOUNTING], STEPS[ReportKind.OVERALL_EVALUATION]
('semester', None)
"""

DEFAULT_KINDS: tuple[ReportKind, ...] = (
    ReportKind.SEMIANNUAL_ACCOUNTING,
    ReportKind.ANNUAL_SUMMARY,
    ReportKind.OVERALL_EVALUATION,
)
"""The duties both Seregno notices set: half-yearly, yearly and overall reports.

>>> [kind.value for kind in DEFAULT_KINDS]
['semiannual_accounting', 'annual_summary', 'overall_evaluation']
"""

_MONTHS = {"semester": 6, "year": 12}
# The longest a half-year or a year can be (in days): a report longer than that spans two steps.
_MAX_DAYS = {"semester": 184, "year": 366}


def _kind(value: ReportKind | str) -> ReportKind:
    try:
        return ReportKind(value)
    except ValueError:
        raise InvalidValue.of(
            "choice", path="kind", value=value, choices=", ".join(k.value for k in ReportKind)
        ) from None


def _step_of(kind: ReportKind, steps: Mapping[ReportKind, str | None] | None) -> str | None:
    table = {**STEPS, **(steps or {})}
    step = table.get(kind)
    if step is not None and step not in _MONTHS:
        raise InvalidValue.of(
            "choice", path=f"steps.{kind.value}", value=step, choices="semester, year"
        )
    return step


def _expected(period: Period, step: str | None) -> tuple[Period, ...]:
    if step is None:
        return (period,)
    return tuple(period.split(step))


def reporting_calendar(
    period: Period,
    kinds: Iterable[ReportKind | str] = DEFAULT_KINDS,
    *,
    steps: Mapping[ReportKind, str | None] | None = None,
    due_after: relativedelta | None = None,
) -> tuple[ReportDue, ...]:
    """The reports due over ``period``: one per step of each kind, in the order of ``kinds``.

    ``steps`` overrides :data:`STEPS` (e.g. yearly satisfaction surveys or
    none); ``due_after`` sets each report's due date that long after the end of
    what it covers (the seeds set no deadline: by default ``due`` is ``None``).

    >>> period = Period.parse("2023-06-01/2026-05-31")
    >>> yearly = reporting_calendar(period, ["annual_summary"], due_after=relativedelta(months=1))
    >>> [(str(r.covers), str(r.due)) for r in yearly]
    [('2023-06-01/2024-05-31', '2024-06-30'), ('2024-06-01/2025-05-31', '2025-06-30'),
     ('2025-06-01/2026-05-31', '2026-06-30')]
    """
    if not isinstance(period, Period):
        raise InvalidValue.of(
            "type", path="period", expected="a period", actual=type(period).__name__
        )
    calendar: list[ReportDue] = []
    for raw in kinds:
        kind = _kind(raw)
        for covers in _expected(period, _step_of(kind, steps)):
            due = None if due_after is None else covers.end + due_after
            calendar.append(ReportDue(kind=kind, covers=covers, due=due))
    return tuple(calendar)


def uncovered(period: Period, covers: Iterable[Period]) -> tuple[Period, ...]:
    """The days of ``period`` that no period of ``covers`` includes, as ranges.

    >>> [str(p) for p in uncovered(Period.parse("2024-01-01/2024-12-31"),
    ...     [Period.parse("2024-01-01/2024-06-30"), Period.parse("2024-08-01/2024-12-31")])]
    ['2024-07-01/2024-07-31']
    """
    gaps: list[Period] = []
    cursor = period.start
    for item in sorted(covers):
        if item.end < cursor:
            continue
        if item.start > period.end:
            break
        if item.start > cursor:
            gaps.append(Period(cursor, item.start - dt.timedelta(days=1)))
        cursor = max(cursor, item.end + dt.timedelta(days=1))
        if cursor > period.end:
            return tuple(gaps)
    if cursor <= period.end:
        gaps.append(Period(cursor, period.end))
    return tuple(gaps)


@attrs.frozen(kw_only=True)
class CalendarCheck:
    """How a plan's declared reports of one ``kind`` compare with the expected calendar.

    ``missing`` are expected steps with at least one day no declared report
    covers; ``too_long`` declared reports longer than the step; ``outside``
    declared reports with days outside the period.

    >>> from welfare_ambito import data
    >>> plan = data.example("pippi_seregno")
    >>> check = check_calendar(plan.period, plan.reports, ReportKind.ANNUAL_SUMMARY)
    >>> check.ok, check.step, [str(p) for p in check.expected]
    (True, 'year', ['2023-06-01/2024-05-31', '2024-06-01/2025-05-31', '2025-06-01/2026-05-31'])
    """

    kind: ReportKind
    period: Period
    step: str | None
    expected: tuple[Period, ...]
    declared: tuple[Period, ...]
    missing: tuple[Period, ...]
    too_long: tuple[Period, ...]
    outside: tuple[Period, ...]

    @property
    def ok(self) -> bool:
        """Every step is covered, by reports no longer than the step and inside the period."""
        return not (self.missing or self.too_long or self.outside)


def check_calendar(
    period: Period,
    reports: Iterable[ReportDue],
    kind: ReportKind | str,
    *,
    steps: Mapping[ReportKind, str | None] | None = None,
) -> CalendarCheck:
    """Compare the declared ``reports`` of ``kind`` with the calendar of ``period``.

    >>> from welfare_ambito import Period
    >>> period = Period.parse("2023-06-01/2026-05-31")
    >>> check = check_calendar(period, reporting_calendar(period)[:5], "semiannual_accounting")
    >>> [str(p) for p in check.missing]
    ['2025-12-01/2026-05-31']
    """
    wanted = _kind(kind)
    step = _step_of(wanted, steps)
    expected = _expected(period, step)
    declared = tuple(r.covers for r in reports if r.kind is wanted)
    missing = tuple(e for e in expected if uncovered(e, declared))
    too_long: tuple[Period, ...] = ()
    if step is not None:
        too_long = tuple(d for d in declared if d.days > _MAX_DAYS[step])
    outside = tuple(d for d in declared if d not in period)
    return CalendarCheck(
        kind=wanted,
        period=period,
        step=step,
        expected=expected,
        declared=declared,
        missing=missing,
        too_long=too_long,
        outside=outside,
    )

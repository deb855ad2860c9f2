"""Spread an amount over a :class:`~welfare_ambito.Period`, exact to the cent.

The period is cut by ``unit`` (``"month"``, ``"semester"``, ``"year"`` or
``"calendar_year"``, see :meth:`~welfare_ambito.Period.split`) and the amount is
split among the pieces by largest remainder, pro rata:

``basis="days"``
    by the number of days of each piece (a 184-day half-year weighs more than
    a 181-day one);
``basis="months"``
    by months, every calendar month weighing the same whatever its days; a month
    cut by the period counts as the fraction of its days inside the period.

Over whole months both bases give the same monthly amounts only when the
months have equal days; by months, € 211.500,00 over June 2023 – May 2026 is
exactly € 35.250,00 a half-year, by days it is not. Leftover cents go to the
larger remainders, ties to the earlier piece.

>>> from welfare_ambito import Period
>>> p = phase("211500", Period.of_months("2023-06", "2026-05"), unit="semester", basis="months")
>>> [str(x.amount) for x in p]
['€ 35.250,00', '€ 35.250,00', '€ 35.250,00', '€ 35.250,00', '€ 35.250,00', '€ 35.250,00']
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any, Final, Literal, overload

import attrs

from welfare_ambito.budget._common import Amount, fraction_text, records_frame
from welfare_ambito.budget._html import html_table, text_table
from welfare_ambito.budget.allocation import allocate
from welfare_ambito.errors import InvalidValue
from welfare_ambito.money import Money
from welfare_ambito.periods import Period

__all__ = ["BASES", "UNITS", "Phase", "Phasing", "phase"]

UNITS: Final[tuple[str, ...]] = ("month", "semester", "year", "calendar_year")
BASES: Final[tuple[str, ...]] = ("days", "months")
Basis = Literal["days", "months"]


@attrs.frozen(kw_only=True)
class Phase:
    """One piece of the period and its amount; ``weight`` is its days or months.

    >>> from welfare_ambito import Period
    >>> first = phase("211500", Period.parse("2023-06-01/2026-05-31"), unit="year")[0]
    >>> str(first.period), first.weight, str(first.amount)
    ('2023-06-01/2024-05-31', Fraction(366, 1), '€ 70.628,65')
    """

    period: Period
    weight: Fraction
    amount: Money


@attrs.frozen(kw_only=True)
class Phasing(Sequence[Phase]):
    """The pieces of a phased amount, in date order; they add up to ``amount``.

    >>> from welfare_ambito import Period
    >>> phasing = phase("211500", Period.parse("2023-06-01/2026-05-31"), unit="year")
    >>> len(phasing), phasing.unit, phasing.basis
    (3, 'year', 'days')
    >>> [str(p.amount) for p in phasing], str(sum(p.amount for p in phasing))
    (['€ 70.628,65', '€ 70.435,68', '€ 70.435,67'], '€ 211.500,00')
    """

    amount: Money
    period: Period
    unit: str
    basis: str
    phases: tuple[Phase, ...]

    @overload
    def __getitem__(self, index: int) -> Phase: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Phase]: ...
    def __getitem__(self, index: int | slice) -> Phase | Sequence[Phase]:
        return self.phases[index]

    def __len__(self) -> int:
        return len(self.phases)

    def __iter__(self) -> Iterator[Phase]:
        return iter(self.phases)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per piece: start, end, days, weight, amount (Decimal)."""
        return [
            {
                "start": p.period.start,
                "end": p.period.end,
                "days": p.period.days,
                "weight": fraction_text(p.weight, 6),
                "amount": p.amount.amount,
            }
            for p in self.phases
        ]

    def to_pandas(self) -> Any:
        """A pandas DataFrame of :meth:`to_records` (needs pandas)."""
        return records_frame(self.to_records(), feature="Phasing.to_pandas")

    _HEADER: Final = ("start", "end", "days", "weight", "amount")

    def _rows(self) -> list[list[str]]:
        rows = [
            [
                p.period.start.isoformat(),
                p.period.end.isoformat(),
                str(p.period.days),
                fraction_text(p.weight, 4),
                str(p.amount),
            ]
            for p in self.phases
        ]
        rows.append(["total", "", str(self.period.days), "", str(self.amount)])
        return rows

    def _repr_html_(self) -> str:
        return html_table(
            self._HEADER,
            self._rows(),
            caption=f"{self.amount} over {self.period} by {self.unit}, pro rata by {self.basis}",
            right=(2, 3, 4),
        )

    def __str__(self) -> str:
        return text_table(self._HEADER, self._rows(), right=(2, 3, 4))


def _month_weight(piece: Period) -> Fraction:
    weight = Fraction(0)
    for month in piece.months_iter():
        length = calendar.monthrange(month.start.year, month.start.month)[1]
        weight += Fraction(month.days, length)
    return weight


def phase(
    amount: Amount,
    period: Period,
    *,
    unit: str = "month",
    basis: Basis | str = "days",
) -> Phasing:
    """Split ``amount`` over ``period`` by ``unit``, pro rata by ``basis`` (see the module).

    Every piece is non-negative and the pieces add up to ``amount`` exactly.

    By days, the half-years of June 2023 – May 2026 differ with their length
    (by months they are equal, see the module):

    >>> from welfare_ambito import data
    >>> plan = data.example("pippi_seregno")
    >>> [str(p.amount) for p in phase(plan.funding.amount, plan.period, unit="semester")]
    ['€ 35.314,33', '€ 35.314,33', '€ 35.314,32', '€ 35.121,35', '€ 35.314,32', '€ 35.121,35']
    """
    if not isinstance(period, Period):
        raise InvalidValue(
            f"expected a Period, got {type(period).__name__}",
            code="budget.period_type",
            message_it=f"atteso un Period, trovato {type(period).__name__}",
            path="period",
        )
    if unit not in UNITS:
        raise InvalidValue(
            f"unknown unit {unit!r}; use one of {', '.join(UNITS)}",
            code="budget.unknown_unit",
            message_it=f"unità sconosciuta {unit!r}; usa una tra {', '.join(UNITS)}",
            path="unit",
        )
    if basis not in BASES:
        raise InvalidValue(
            f"unknown basis {basis!r}; use 'days' or 'months'",
            code="budget.unknown_basis",
            message_it=f"base sconosciuta {basis!r}; usa 'days' (giorni) o 'months' (mesi)",
            path="basis",
        )
    pieces = list(period.split(unit))
    weights = {
        str(piece): Fraction(piece.days) if basis == "days" else _month_weight(piece)
        for piece in pieces
    }
    # ISO keys sort in date order: ties go to the earlier piece.
    split = allocate(amount, weights)
    phases = tuple(
        Phase(period=piece, weight=weights[str(piece)], amount=split[str(piece)])
        for piece in pieces
    )
    return Phasing(amount=split.total, period=period, unit=unit, basis=basis, phases=phases)

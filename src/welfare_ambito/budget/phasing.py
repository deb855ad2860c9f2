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

A period is cut into at most :data:`MAX_PHASES` pieces (a century by month): more is
refused with an :class:`~welfare_ambito.errors.InvalidValue` at ``period``, before
any work, rather than computing and printing a table nobody reads.

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
import itertools
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any, Final, Literal, overload

import attrs

from welfare_ambito import i18n
from welfare_ambito._lang import DEFAULT_LANG, Lang
from welfare_ambito.budget._common import (
    Amount,
    euro_text,
    fraction_text,
    number_text,
    records_frame,
    word,
)
from welfare_ambito.budget._html import html_table, text_table
from welfare_ambito.budget.allocation import allocate
from welfare_ambito.errors import InvalidValue, Phrase
from welfare_ambito.money import Money
from welfare_ambito.periods import Period

__all__ = ["BASES", "MAX_PHASES", "UNITS", "Phase", "Phasing", "phase"]

UNITS: Final[tuple[str, ...]] = ("month", "semester", "year", "calendar_year")
BASES: Final[tuple[str, ...]] = ("days", "months")
Basis = Literal["days", "months"]

i18n.define(
    "error.budget.period_type",
    it="atteso un Period, trovato {actual}",
    en="expected a Period, got {actual}",
)
i18n.define(
    "error.budget.unknown_unit",
    it="unità sconosciuta {unit!r}; usa una tra {choices}",
    en="unknown unit {unit!r}; use one of {choices}",
)
i18n.define(
    "error.budget.unknown_basis",
    it="base sconosciuta {basis!r}; usa 'days' (giorni) o 'months' (mesi)",
    en="unknown basis {basis!r}; use 'days' or 'months'",
)
i18n.define("budget.period", it="{start} – {end}", en="{start} – {end}")
i18n.define(
    "error.budget.too_many_phases",
    it="il periodo {start} – {end} diviso per {unit} dà più di {pieces}: "
    "scegli un'unità più lunga o un periodo più breve",
    en="the period {start} – {end} cut by {unit} gives more than {pieces}: "
    "choose a longer unit or a shorter period",
)
i18n.define("budget.pieces", it="{limit} parti", en="{limit} pieces")

MAX_PHASES: Final = 1200
"""The most pieces a period is cut into: a hundred years by month.

A plan's period spans a few years; ``0001-01-01/9999-12-31`` by month (119,988 pieces)
is a typing slip, and computing it would take minutes.
"""


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

    def _header(self, lang: Lang) -> list[str]:
        return [word(f"header.{name}", lang) for name in self._HEADER]

    def _rows(self, lang: Lang) -> list[list[str]]:
        rows = [
            [
                i18n.date(p.period.start, lang),
                i18n.date(p.period.end, lang),
                i18n.number(p.period.days, lang),
                number_text(p.weight, lang, 4),
                euro_text(p.amount, lang),
            ]
            for p in self.phases
        ]
        rows.append(
            [
                word("header.total", lang),
                "",
                i18n.number(self.period.days, lang),
                "",
                euro_text(self.amount, lang),
            ]
        )
        return rows

    def to_html(self, lang: Lang = DEFAULT_LANG) -> str:
        """The pieces as an HTML table in ``lang``."""
        period = i18n.message(
            "budget.period",
            lang,
            start=i18n.date(self.period.start, lang),
            end=i18n.date(self.period.end, lang),
        )
        caption = word(
            "caption.phasing",
            lang,
            amount=euro_text(self.amount, lang),
            period=period,
            unit=word(f"unit.{self.unit}", lang),
            basis=word(f"basis.{self.basis}", lang),
        )
        return html_table(self._header(lang), self._rows(lang), caption=caption, right=(2, 3, 4))

    def to_text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The pieces as a text table in ``lang`` (dates, numbers and amounts as its readers write them).

        >>> from welfare_ambito import Period
        >>> print(phase("100", Period.parse("2023-01-01/2023-12-31"), unit="semester").to_text())
        inizio      fine        giorni  peso   importo
        ----------  ----------  ------  ----  --------
        01/01/2023  30/06/2023     181   181   € 49,59
        01/07/2023  31/12/2023     184   184   € 50,41
        totale                     365        € 100,00
        """
        return text_table(self._header(lang), self._rows(lang), right=(2, 3, 4))

    def _repr_html_(self) -> str:
        return self.to_html(DEFAULT_LANG)

    def __str__(self) -> str:
        return self.to_text(DEFAULT_LANG)


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

    More than :data:`MAX_PHASES` pieces are refused before any work:

    >>> try:
    ...     phase("100", Period.parse("0001-01-01/9999-12-31"))
    ... except InvalidValue as exc:
    ...     print(exc.path, exc.code)
    ...     print(exc.text("it"))
    period budget.too_many_phases
    il periodo 01/01/0001 – 31/12/9999 diviso per mese dà più di 1.200 parti: scegli un'unità più lunga o un periodo più breve
    """
    if not isinstance(period, Period):
        raise InvalidValue.of("budget.period_type", path="period", actual=type(period).__name__)
    if unit not in UNITS:
        raise InvalidValue.of(
            "budget.unknown_unit", path="unit", unit=unit, choices=", ".join(UNITS)
        )
    if basis not in BASES:
        raise InvalidValue.of("budget.unknown_basis", path="basis", basis=basis)
    pieces = list(itertools.islice(period.split(unit), MAX_PHASES + 1))
    if len(pieces) > MAX_PHASES:
        raise InvalidValue.of(
            "budget.too_many_phases",
            path="period",
            start=period.start,
            end=period.end,
            unit=Phrase(f"budget.unit.{unit}"),
            pieces=Phrase("budget.pieces", {"limit": MAX_PHASES}),
        )
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

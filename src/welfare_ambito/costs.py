"""Hourly labour costs: the Ministry's cited range for social cooperatives, user tables, affordability.

The Ministry of Labour sets the average hourly labour cost of the workers of
social cooperatives (Decreto direttoriale n. 30 of 14 June 2024, replacing
DD n. 7 of 17 February 2020). Only what is public and sure is shipped: the
range from the lowest level (A1) to the highest (F2), IRAP excluded, from
February 2024. Per-level figures are *not* shipped: supply them with
:class:`LevelCosts`. Before February 2024 no figure is in force here, and the
functions say so (:func:`labour_cost_on` returns ``None``) instead of guessing.

>>> import datetime as dt
>>> str(labour_cost_on(dt.date(2024, 3, 1)).lowest)
'€ 18,57'
>>> labour_cost_on(dt.date(2023, 6, 1)) is None
True
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections.abc import Iterable, Mapping
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from importlib import resources
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito._lang import Lang, is_lang
from welfare_ambito.citations import Citation
from welfare_ambito.errors import InvalidValue, NotFound
from welfare_ambito.model import Profession
from welfare_ambito.model import _validate as v
from welfare_ambito.money import Money
from welfare_ambito.periods import Period

for _msg, _it, _en in (
    (
        "error.costs.no_level",
        "nessun livello CCNL indicato per {profession}: aggiungilo a levels",
        "no CCNL level given for {profession}: add it to levels",
    ),
    (
        "error.costs.no_level_cost",
        "nessun costo orario indicato per il livello {level}",
        "no hourly cost given for level {level}",
    ),
    (
        "error.costs.no_cost",
        "nessun costo orario indicato per {profession}",
        "no hourly cost given for {profession}",
    ),
    (
        "costs.floor_line",
        "  {profession}: {hours} h × {cost} = {total}",
        "  {profession}: {hours} h × {cost} = {total}",
    ),
    (
        "costs.head",
        "Minimi orari {floors} + altre voci {other} = {total} su {funding}: {verdict}",
        "Hour floors {floors} + other lines {other} = {total} of {funding}: {verdict}",
    ),
    ("costs.fit", "rientrano, margine {margin}.", "they fit, margin {margin}."),
    ("costs.no_fit", "NON rientrano, eccedenza {excess}.", "they do NOT fit, excess {excess}."),
    (
        "costs.extra",
        "Ore aggiuntive acquistabili con il margine (ciascuna figura da sola): ",
        "Extra hours the margin buys (each profession alone): ",
    ),
    (
        "costs.below_lowest",
        "Attenzione: {profession} a {cost}/h, sotto il costo minimo contrattuale {lowest}/h "
        "in vigore dal {since}",
        "Warning: {profession} at {cost}/h, below the lowest contractual labour cost "
        "{lowest}/h in force from {since}",
    ),
    (
        "costs.unsourced",
        "Nessun costo del lavoro ufficiale disponibile per {period}",
        "No sourced labour cost for {period}",
    ),
):
    i18n.define(_msg, it=_it, en=_en)

__all__ = [
    "DEFAULT_LEVELS",
    "Affordability",
    "CostWarning",
    "LabourCostRange",
    "LevelCosts",
    "affordability",
    "below_contract",
    "labour_cost_on",
    "labour_cost_ranges",
    "labour_costs_during",
    "unsourced_days",
]

DEFAULT_LEVELS: Mapping[Profession, str] = FrozenDict({Profession.EDUCATOR: "D2"})
"""CCNL levels usually applied (educators are usually level D2); other professions: ask the user.

>>> DEFAULT_LEVELS[Profession.EDUCATOR]
'D2'
>>> Profession.PSYCHOLOGIST in DEFAULT_LEVELS
False
"""


@attrs.frozen(kw_only=True)
class LabourCostRange:
    """The average hourly labour cost range in force from ``since`` to ``until`` (inclusive).

    >>> first = labour_cost_ranges()[0]
    >>> str(first.period), first.lowest_level, str(first.lowest), first.highest_level
    ('2024-02-01/2024-09-30', 'A1', '€ 18,57', 'F2')
    >>> first.covers(dt.date(2024, 3, 1)), first.covers(dt.date(2024, 10, 1))
    (True, False)
    """

    since: dt.date
    until: dt.date | None
    lowest: Money
    """Cost of the lowest level (``lowest_level``, A1): nothing contractual costs less."""
    highest: Money
    """Cost of the highest level (``highest_level``, F2)."""
    lowest_level: str
    highest_level: str
    citation: Citation

    @property
    def period(self) -> Period | None:
        """The days in force, when closed."""
        return None if self.until is None else Period(self.since, self.until)

    def covers(self, on: dt.date) -> bool:
        """Whether the figures are in force on ``on``."""
        return self.since <= on and (self.until is None or on <= self.until)

    def overlaps(self, period: Period) -> bool:
        """Whether the figures are in force on at least one day of ``period``."""
        return self.since <= period.end and (self.until is None or period.start <= self.until)


@functools.cache
def labour_cost_ranges() -> tuple[LabourCostRange, ...]:
    """Every cited range, oldest first (from ``data/costs/social_cooperatives.toml``).

    >>> [(str(r.since), str(r.lowest), str(r.highest)) for r in labour_cost_ranges()][:2]
    [('2024-02-01', '€ 18,57', '€ 38,12'), ('2024-10-01', '€ 18,93', '€ 38,78')]
    >>> labour_cost_ranges()[0].citation.paraphrase
    True
    """
    node = resources.files("welfare_ambito") / "data" / "costs" / "social_cooperatives.toml"
    raw: dict[str, Any] = tomllib.loads(node.read_text(encoding="utf-8"), parse_float=Decimal)
    ranges = [
        LabourCostRange(
            since=item["since"],
            until=item.get("until"),
            lowest=Money(item["lowest"]),
            highest=Money(item["highest"]),
            lowest_level=raw["lowest_level"],
            highest_level=raw["highest_level"],
            citation=Citation(
                document=raw["document"], section=raw["section"], quote=item["quote"]
            ),
        )
        for item in raw["periods"]
    ]
    return tuple(sorted(ranges, key=lambda r: r.since))


def labour_cost_on(on: dt.date) -> LabourCostRange | None:
    """The range in force on ``on``; ``None`` when no sourced figure is in force that day.

    >>> in_force = labour_cost_on(dt.date(2025, 3, 1))
    >>> str(in_force.since), str(in_force.lowest), str(in_force.highest)
    ('2025-01-01', '€ 19,70', '€ 40,31')
    >>> labour_cost_on(dt.date(2023, 6, 1)) is None
    True
    """
    return next((r for r in labour_cost_ranges() if r.covers(on)), None)


def labour_costs_during(period: Period) -> tuple[LabourCostRange, ...]:
    """The ranges in force on at least one day of ``period``, oldest first.

    Over the P.I.P.P.I. project of the Ambito di Seregno (June 2023 – May 2026):

    >>> ranges = labour_costs_during(Period.parse("2023-06-01/2026-05-31"))
    >>> [str(r.lowest) for r in ranges]
    ['€ 18,57', '€ 18,93', '€ 19,70', '€ 20,07']
    """
    return tuple(r for r in labour_cost_ranges() if r.overlaps(period))


def unsourced_days(period: Period) -> tuple[Period, ...]:
    """The parts of ``period`` on which no sourced figure is in force.

    >>> [str(p) for p in unsourced_days(Period.parse("2023-06-01/2026-05-31"))]
    ['2023-06-01/2024-01-31']
    """
    gaps: list[Period] = []
    cursor = period.start
    for item in labour_costs_during(period):
        if item.since > cursor:
            gaps.append(Period(cursor, min(item.since - dt.timedelta(days=1), period.end)))
        if item.until is None:
            return tuple(gaps)
        cursor = max(cursor, item.until + dt.timedelta(days=1))
        if cursor > period.end:
            return tuple(gaps)
    if cursor <= period.end:
        gaps.append(Period(cursor, period.end))
    return tuple(gaps)


@attrs.frozen(kw_only=True)
class CostWarning:
    """An hourly cost below the lowest contractual labour cost in force from ``since``.

    >>> warning, = below_contract({Profession.EDUCATOR: Money("18")}, dt.date(2024, 3, 1))
    >>> warning.profession.value, str(warning.lowest), str(warning.since), str(warning.gap)
    ('educator', '€ 18,57', '2024-02-01', '€ 0,57')
    """

    profession: Profession
    cost: Money
    lowest: Money
    """The highest lowest-level cost in force during the window (the strictest)."""
    since: dt.date
    """From when ``lowest`` is in force."""
    citation: Citation
    first_below_since: dt.date | None = None
    """The first day of the window on which the cost is below the lowest level's."""

    @property
    def gap(self) -> Money:
        """How much the cost is below the lowest level's cost."""
        return self.lowest - self.cost


def below_contract(
    hourly_costs: Mapping[Profession, Money], window: Period | dt.date
) -> tuple[CostWarning, ...]:
    """Costs below the lowest contractual labour cost in force on some day of ``window``.

    For each profession only the highest such figure is reported (the strictest).

    >>> import datetime as dt
    >>> [w.profession.value for w in below_contract({Profession.CULTURAL_MEDIATOR: Money("18")},
    ...     dt.date(2024, 3, 1))]
    ['cultural_mediator']
    """
    period = window if isinstance(window, Period) else Period(window, window)
    ranges = labour_costs_during(period)
    warnings: list[CostWarning] = []
    for profession, cost in hourly_costs.items():
        above = [r for r in ranges if cost < r.lowest]
        if above:
            worst = max(above, key=lambda r: (r.lowest.amount, r.since))
            first = min(above, key=lambda r: r.since)
            warnings.append(
                CostWarning(
                    profession=_profession(profession, "hourly_costs"),
                    cost=cost,
                    lowest=worst.lowest,
                    since=worst.since,
                    citation=worst.citation,
                    first_below_since=max(first.since, period.start),
                )
            )
    return tuple(warnings)


def _costs_table(value: object) -> object:
    if isinstance(value, Mapping):
        return FrozenDict({str(k): _money(item, f"costs.{k}") for k, item in value.items()})
    return value


def _levels_table(value: object) -> object:
    if isinstance(value, Mapping):
        return FrozenDict({_profession(k, f"levels.{k}"): str(item) for k, item in value.items()})
    return value


@attrs.frozen(kw_only=True)
class LevelCosts:
    """The user's hourly cost per CCNL level, and which level each profession is paid at.

    >>> table = LevelCosts(costs={"D2": "23.10", "E1": "25.40"}, levels={"psychologist": "E1"})
    >>> str(table.hourly_cost("educator")), str(table.hourly_cost("psychologist"))
    ('€ 23,10', '€ 25,40')
    """

    costs: FrozenDict[str, Money] = attrs.field(converter=_costs_table)
    levels: FrozenDict[Profession, str] = attrs.field(factory=FrozenDict, converter=_levels_table)
    """Level per profession; :data:`DEFAULT_LEVELS` fills the ones not given."""

    @costs.validator
    def _check_costs(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, FrozenDict):
            raise InvalidValue.of(
                "type", path="costs", expected="a table", actual=type(value).__name__
            )
        for level, cost in value.items():
            if not isinstance(cost, Money):
                raise InvalidValue.of(
                    "type", path=f"costs.{level}", expected="an amount", actual=type(cost).__name__
                )
            if cost < Money(0):
                raise InvalidValue.of("negative", path=f"costs.{level}", value=cost)

    def level_of(self, profession: Profession | str) -> str:
        """The CCNL level ``profession`` is paid at; :class:`NotFound` when not given."""
        key = _profession(profession, "profession")
        level = self.levels.get(key, DEFAULT_LEVELS.get(key))
        if level is None:
            raise NotFound.of("costs.no_level", path=f"levels.{key.value}", profession=key.value)
        return level

    def hourly_cost(self, profession: Profession | str) -> Money:
        """The hourly cost of ``profession`` at its level; :class:`NotFound` when unknown."""
        level = self.level_of(profession)
        try:
            return self.costs[level]
        except KeyError:
            error = NotFound.of("costs.no_level_cost", path=f"costs.{level}", level=level)
            error.code = "costs.no_cost"
            raise error from None

    def hourly_costs(
        self, professions: Iterable[Profession | str]
    ) -> FrozenDict[Profession, Money]:
        """``{profession: hourly cost}`` for ``professions``."""
        return FrozenDict({_profession(p, "profession"): self.hourly_cost(p) for p in professions})


@attrs.frozen(kw_only=True)
class Affordability:
    """Whether the hour floors fit the funding at given hourly costs, and what the rest buys.

    ``remainder`` is funding − floors' cost − other costs (negative: they do not
    fit); ``extra_hours`` are the whole hours of *each* profession the remainder
    alone would buy (zero when nothing remains); ``warnings`` are costs below the
    lowest contractual labour cost; ``unsourced`` the days with no sourced figure.

    The hour plan of the example P.I.P.P.I. plan (6.000 educator hours…) fits
    € 211.500,00 exactly once the other lines (€ 6.800,00) are paid:

    >>> from welfare_ambito import data
    >>> plan = data.example("pippi_seregno")
    >>> answer = affordability(plan.hour_plan.hourly_cost, floors=plan.hour_plan.hours,
    ...     funding=plan.funding.amount, other_costs=Money("6800"))
    >>> answer.fits, str(answer.floors_cost), str(answer.remainder)
    (True, '€ 204.700,00', '€ 0,00')
    """

    floors: FrozenDict[Profession, Decimal]
    hourly_costs: FrozenDict[Profession, Money]
    floor_costs: FrozenDict[Profession, Money]
    floors_cost: Money
    other_costs: Money
    funding: Money
    remainder: Money
    extra_hours: FrozenDict[Profession, Decimal]
    warnings: tuple[CostWarning, ...] = ()
    unsourced: tuple[Period, ...] = ()

    @property
    def fits(self) -> bool:
        """Whether the floors and the other costs fit the funding."""
        return self.remainder >= Money(0)

    def to_text(self, lang: str = "it") -> str:
        """A short answer for a planner, in ``lang``."""
        from welfare_ambito.rules._values import display

        language: Lang = lang if is_lang(lang) else "en"

        def euro(value: Money) -> str:
            sign = "-" if value.amount < 0 else ""
            return f"{sign}€ {i18n.number(abs(value.amount), language)}"

        def name(profession: Profession) -> str:
            return _profession_name(profession, language)

        lines = [
            i18n.message(
                "costs.floor_line",
                language,
                profession=name(profession),
                hours=display(hours, language),
                cost=euro(self.hourly_costs[profession]),
                total=euro(self.floor_costs[profession]),
            )
            for profession, hours in self.floors.items()
        ]
        total = self.floors_cost + self.other_costs
        verdict = (
            i18n.message("costs.fit", language, margin=euro(self.remainder))
            if self.fits
            else i18n.message("costs.no_fit", language, excess=euro(-self.remainder))
        )
        head = i18n.message(
            "costs.head",
            language,
            floors=euro(self.floors_cost),
            other=euro(self.other_costs),
            total=euro(total),
            funding=euro(self.funding),
            verdict=verdict,
        )
        extra = i18n.message("costs.extra", language) + ", ".join(
            f"{name(p)} {display(h, language)}" for p, h in self.extra_hours.items()
        )
        out = [head, *lines, extra]
        for w in self.warnings:
            out.append(
                i18n.message(
                    "costs.below_lowest",
                    language,
                    profession=name(w.profession),
                    cost=euro(w.cost),
                    lowest=euro(w.lowest),
                    since=display(w.since, language),
                )
            )
        for gap in self.unsourced:
            out.append(i18n.message("costs.unsourced", language, period=display(gap, language)))
        return "\n".join(out)


def _profession_name(profession: Profession, lang: Lang) -> str:
    """A profession as its readers name it (``mediatore culturale`` / ``cultural mediator``)."""
    from welfare_ambito.model._labels import label_it

    names = {"it": label_it(profession.value), "en": profession.value.replace("_", " ")}
    return names[lang]


def affordability(
    hourly_costs: Mapping[Profession, Money | str | int]
    | Mapping[str, Money | str | int]
    | LevelCosts,
    *,
    floors: Mapping[Profession, Decimal | int | str] | Mapping[str, Decimal | int | str],
    funding: Money,
    other_costs: Money | None = None,
    window: Period | dt.date | None = None,
) -> Affordability:
    """Do the hour ``floors`` fit ``funding`` at ``hourly_costs``, and what does the rest buy?

    ``hourly_costs`` is ``{profession: cost}`` or a :class:`LevelCosts` table.
    ``window`` (a day or a period) is when the hours are worked: costs below the
    lowest contractual labour cost in force then are returned as warnings.

    >>> answer = affordability({"educator": "22.50", "psychologist": "30"},
    ...     floors={"educator": 6000, "psychologist": 1400}, funding=Money("180000"))
    >>> str(answer.remainder), answer.extra_hours[Profession.EDUCATOR]
    ('€ 3.000,00', Decimal('133'))
    """
    wanted = FrozenDict(
        {_profession(p, f"floors.{p}"): _hours(h, f"floors.{p}") for p, h in floors.items()}
    )
    if isinstance(hourly_costs, LevelCosts):
        costs = hourly_costs.hourly_costs(wanted)
    else:
        given = {
            _profession(p, f"hourly_costs.{p}"): _money(c, f"hourly_costs.{p}")
            for p, c in hourly_costs.items()
        }
        for profession in wanted:
            if profession not in given:
                raise NotFound.of(
                    "costs.no_cost",
                    path=f"hourly_costs.{profession.value}",
                    profession=profession.value,
                )
        costs = FrozenDict({p: given[p] for p in wanted})
    floor_costs = FrozenDict(
        {p: costs[p].times(h, rounding=ROUND_HALF_UP) for p, h in wanted.items()}
    )
    floors_cost = sum(floor_costs.values(), Money(0))
    other = other_costs if other_costs is not None else Money(0)
    remainder = funding - floors_cost - other
    extra = FrozenDict(
        {
            p: (
                (remainder.amount / costs[p].amount).to_integral_value(rounding=ROUND_FLOOR)
                if remainder > Money(0) and costs[p] > Money(0)
                else Decimal(0)
            )
            for p in wanted
        }
    )
    warnings: tuple[CostWarning, ...] = ()
    unsourced: tuple[Period, ...] = ()
    if window is not None:
        warnings = below_contract(costs, window)
        period = window if isinstance(window, Period) else Period(window, window)
        unsourced = unsourced_days(period)
    return Affordability(
        floors=wanted,
        hourly_costs=costs,
        floor_costs=floor_costs,
        floors_cost=floors_cost,
        other_costs=other,
        funding=funding,
        remainder=remainder,
        extra_hours=extra,
        warnings=warnings,
        unsourced=unsourced,
    )


def _profession(value: object, path: str) -> Profession:
    converted = v.enum_value(Profession)(value)
    if not isinstance(converted, Profession):
        raise InvalidValue.of(
            "choice", path=path, value=value, choices=", ".join(p.value for p in Profession)
        )
    return converted


def _money(value: object, path: str) -> Money:
    converted = v.to_money(value)
    if not isinstance(converted, Money):
        raise InvalidValue.of("type", path=path, expected="an amount", actual=type(value).__name__)
    if converted < Money(0):
        raise InvalidValue.of("negative", path=path, value=converted)
    return converted


def _hours(value: object, path: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise InvalidValue.of("type", path=path, expected="hours", actual=type(value).__name__)
    hours = v.parse_decimal(value) if not isinstance(value, Decimal) else value
    if hours < 0:
        raise InvalidValue.of("negative", path=path, value=hours)
    return hours

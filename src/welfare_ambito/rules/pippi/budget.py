"""Money (seed 004): the hour plan's cost within € 211.500,00, and hourly costs against the CCNL.

The budget line marked ``funds_hour_plan`` pays for the hour plan: it is
compared with hours × hourly costs, and only the *other* top-level lines are
added to the hour plan's cost to compare with the funding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from welfare_ambito import costs, i18n
from welfare_ambito._lang import LANGS
from welfare_ambito.model import CoDesignPlan, Profession
from welfare_ambito.money import Money
from welfare_ambito.periods import Period
from welfare_ambito.rules import (
    Parameters,
    Severity,
    Verdict,
    check,
    needs_review,
    not_applicable,
    rule,
)
from welfare_ambito.rules._texts import said, said_in
from welfare_ambito.rules.pippi._common import Text
from welfare_ambito.rules.pippi.hours import FLOORS

__all__ = [
    "affordability",
    "hour_plan_line",
    "labour_floor",
    "lines_within_funding",
    "within_funding",
]

i18n.define("pippi.budget.margin", it="Margine {margin}.", en="Margin {margin}.")
i18n.define(
    "pippi.budget.excess",
    it="Eccedenza {excess}: il piano supera il finanziamento.",
    en="Excess {excess}: the plan exceeds the funding.",
)
i18n.define("pippi.budget.cost_unknown", it="Costo non calcolabile.", en="Cost not computable.")
i18n.define("pippi.budget.unknown", it="Non calcolabile.", en="Not computable.")
i18n.define(
    "pippi.budget.no_hour_plan_line",
    it="nessuna voce finanzia il monte ore (funds_hour_plan)",
    en="no budget item marked funds_hour_plan",
)
i18n.define(
    "pippi.budget.left_over",
    it="Restano {amount} non assegnati a ore.",
    en="{amount} left not assigned to hours.",
)
i18n.define("pippi.budget.match", it="Coincidono.", en="They match.")
i18n.define(
    "pippi.budget.hours_over_line",
    it="Il monte ore costa {amount} più della sua voce.",
    en="The hour plan costs {amount} more than its line.",
)
i18n.define("pippi.budget.no_hour_plan", it="Monte ore non indicato.", en="No hour plan stated.")
i18n.define(
    "pippi.budget.no_hourly_cost",
    it="nessun costo orario nel piano",
    en="no hourly cost in the plan",
)
i18n.define(
    "pippi.budget.no_labour_cost",
    it="Nessun costo del lavoro ministeriale disponibile per {window} (dati dal {since}): "
    "verificare i costi orari con il CCNL.",
    en="No Ministry labour cost is available for {window} (figures from {since}): "
    "check the hourly costs against the CCNL.",
)
i18n.define(
    "pippi.budget.no_figure_for",
    it=" Nessun dato ministeriale per {periods}.",
    en=" No Ministry figure for {periods}.",
)
i18n.define(
    "pippi.budget.above_floor",
    it="Tutti i costi orari sono almeno {lowest} (livello {level}, il più basso del CCNL).{gaps}",
    en="Every hourly cost is at least {lowest} (level {level}, the CCNL's lowest).{gaps}",
)
i18n.define(
    "pippi.budget.below_item",
    it="{profession} {cost}/h, sotto dal {first_below} (fino a {lowest}/h dal {since})",
    en="{profession} {cost}/h, below from {first_below} (up to {lowest}/h from {since})",
)
i18n.define(
    "pippi.budget.below_floor",
    it="Costi orari sotto il costo del lavoro del livello più basso del CCNL "
    "({level}): {listed}.{gaps}",
    en="Hourly costs below the labour cost of the CCNL's lowest level ({level}): {listed}.{gaps}",
)

# The first day of the Ministry's labour-cost figures (DD n. 30 of 14/06/2024).
_FIGURES_SINCE = dt.date(2024, 2, 1)


def _margin_text(margin: Money) -> Text:
    if margin >= Money(0):
        return said("pippi.budget.margin", margin=margin)
    return said("pippi.budget.excess", excess=-margin)


def _hour_plan_cost(plan: CoDesignPlan) -> Money | tuple[str, ...]:
    """The hour plan's cost, or the paths of what is missing to compute it."""
    hour_plan = plan.hour_plan
    if hour_plan is None:
        return ("hour_plan",)
    missing = tuple(
        f"hour_plan.hourly_cost.{p.value}"
        for p in hour_plan.hours
        if p not in hour_plan.hourly_cost
    )
    if missing:
        return missing
    total = hour_plan.total_cost()
    return total if total is not None else ("hour_plan.hourly_cost",)


@rule(
    id="pippi.budget.within_funding",
    subject="plan",
    title={
        "it": "Costo del piano entro il finanziamento",
        "en": "The plan's cost within the funding",
    },
    message={
        "it": "Monte ore × costi orari {hours_cost} + altre voci {other_costs} = {total}; "
        "finanziamento {pippi.budget.max_total}. {verdict}",
        "en": "Hours × hourly costs {hours_cost} + other lines {other_costs} = {total}; "
        "funding {pippi.budget.max_total}. {verdict}",
    },
    condition={
        "it": "costo del monte ore + altre voci ≤ {pippi.budget.max_total}",
        "en": "hour plan cost + other lines ≤ {pippi.budget.max_total}",
    },
    parameters=("pippi.budget.max_total",),
)
def within_funding(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Hours × hourly costs plus the other budget lines do not exceed the funding; report the margin."""
    cost = _hour_plan_cost(plan)
    if isinstance(cost, tuple):
        return needs_review(
            *cost,
            hours_cost=None,
            other_costs=None,
            total=None,
            verdict=Text.message("pippi.budget.cost_unknown"),
        )
    other = Money(0)
    if plan.budget is not None:
        other = sum(
            (line.amount for line in plan.budget.top_level() if not line.funds_hour_plan), Money(0)
        )
    total = cost + other
    margin = p.money("pippi.budget.max_total") - total
    values: dict[str, Any] = {
        "hours_cost": cost,
        "other_costs": other,
        "total": total,
        "margin": margin,
        "verdict": _margin_text(margin),
    }
    if plan.budget is None and margin >= Money(0):
        return needs_review("budget", **values)
    return check(margin >= Money(0), **values)


@rule(
    id="pippi.budget.lines_within_funding",
    subject="budget",
    title={
        "it": "Voci di bilancio entro il finanziamento",
        "en": "Budget lines within the funding",
    },
    message={
        "it": "Le voci di bilancio sommano {lines}; finanziamento {pippi.budget.max_total}. "
        "{verdict}",
        "en": "The budget lines add up to {lines}; funding {pippi.budget.max_total}. {verdict}",
    },
    condition={
        "it": "somma delle voci ≤ {pippi.budget.max_total}",
        "en": "sum of the lines ≤ {pippi.budget.max_total}",
    },
    parameters=("pippi.budget.max_total",),
)
def lines_within_funding(budget: Any, p: Parameters) -> Verdict:
    """The top-level budget lines (or the stated total, without lines) do not exceed the funding."""
    lines = budget.top_level()
    stated = sum((line.amount for line in lines), Money(0)) if lines else budget.total
    margin = p.money("pippi.budget.max_total") - stated
    return check(margin >= Money(0), lines=stated, margin=margin, verdict=_margin_text(margin))


@rule(
    id="pippi.budget.hour_plan_line",
    subject="plan",
    title={
        "it": "La voce del personale copre il monte ore",
        "en": "The staff line covers the hour plan",
    },
    message={
        "it": "La voce che finanzia il monte ore vale {line}; ore × costi orari = {hours_cost}. "
        "{verdict}",
        "en": "The line funding the hour plan is {line}; hours × hourly costs = {hours_cost}. "
        "{verdict}",
    },
    condition={
        "it": "ore × costi orari ≤ voce del monte ore",
        "en": "hours × hourly costs ≤ the hour plan's line",
    },
)
def hour_plan_line(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """The line(s) marked ``funds_hour_plan`` are at least hours × hourly costs."""
    unknown = Text.message("pippi.budget.unknown")
    if plan.budget is None:
        return needs_review("budget", line=None, hours_cost=None, verdict=unknown)
    lines = [line for line in plan.budget.lines if line.funds_hour_plan]
    if not lines:
        return not_applicable(Text.message("pippi.budget.no_hour_plan_line"))
    cost = _hour_plan_cost(plan)
    if isinstance(cost, tuple):
        return needs_review(*cost, line=None, hours_cost=None, verdict=unknown)
    line = sum((item.amount for item in lines), Money(0))
    difference = line - cost
    verdict = (
        said("pippi.budget.left_over", amount=difference)
        if difference > Money(0)
        else Text.message("pippi.budget.match")
        if not difference
        else said("pippi.budget.hours_over_line", amount=-difference)
    )
    return check(difference >= Money(0), line=line, hours_cost=cost, verdict=verdict)


@rule(
    id="pippi.costs.labour_floor",
    subject="plan",
    title={
        "it": "Costi orari non inferiori al costo del lavoro del CCNL",
        "en": "Hourly costs not below the CCNL labour cost",
    },
    message={"it": "{verdict}", "en": "{verdict}"},
    severity=Severity.WARNING,
)
def labour_floor(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Each hourly cost is at least the lowest level's labour cost (A1) in force during the plan.

    The figures are the Ministry's (DD n. 30 of 14/06/2024, see
    :mod:`welfare_ambito.costs`), over the plan's period (the evaluation day
    when the plan has none). Where no figure is in force (before February 2024)
    the finding says so; it never assumes one.
    """
    if plan.hour_plan is None:
        return needs_review("hour_plan", verdict=Text.message("pippi.budget.no_hour_plan"))
    hourly = dict(plan.hour_plan.hourly_cost)
    if not hourly:
        return not_applicable(Text.message("pippi.budget.no_hourly_cost"))
    window = plan.period if plan.period is not None else Period(p.on, p.on)
    ranges = costs.labour_costs_during(window)
    gaps = costs.unsourced_days(window)
    if not ranges:
        return needs_review(
            verdict=said("pippi.budget.no_labour_cost", window=window, since=_FIGURES_SINCE),
            unsourced=gaps,
        )
    warnings = costs.below_contract(hourly, window)
    gap_text = said("pippi.budget.no_figure_for", periods=gaps) if gaps else Text(it="", en="")
    source = ranges[0].citation.where()
    if not warnings:
        lowest = max(r.lowest for r in ranges)
        return check(
            True,
            lowest=lowest,
            source=source,
            unsourced=gaps,
            verdict=said(
                "pippi.budget.above_floor",
                lowest=lowest,
                level=ranges[0].lowest_level,
                gaps=gap_text,
            ),
        )
    listed_it, listed_en = (
        "; ".join(
            said_in(
                "pippi.budget.below_item",
                lang,
                profession=w.profession,
                cost=w.cost,
                first_below=w.first_below_since,
                lowest=w.lowest,
                since=w.since,
            )
            for w in warnings
        )
        for lang in LANGS
    )
    return check(
        False,
        below={w.profession.value: w.cost for w in warnings},
        lowest={w.profession.value: w.lowest for w in warnings},
        source=source,
        unsourced=gaps,
        verdict=said(
            "pippi.budget.below_floor",
            level=ranges[0].lowest_level,
            listed=Text(it=listed_it, en=listed_en),
            gaps=gap_text,
        ),
    )


def affordability(
    hourly_costs: Mapping[Profession, Money | str | int]
    | Mapping[str, Money | str | int]
    | costs.LevelCosts,
    *,
    profile: Any = "seregno-pippi-2023",
    on: dt.date | None = None,
    other_costs: Money | None = None,
    period: Period | None = None,
) -> costs.Affordability:
    """With these hourly costs, do the profile's hour floors fit its funding, and what does the rest buy?

    Floors (``pippi.hours.*_min``) and funding (``pippi.budget.max_total``) are
    the profile's values in force on ``on`` (default: the start of ``period``,
    else today). ``other_costs`` are the budget lines that do not pay for hours.
    Costs below the lowest CCNL labour cost in force during ``period`` (or on
    ``on``) are returned as warnings.

    >>> answer = affordability({"educator": "22.50", "psychologist": "30.00",
    ...     "pedagogist": "28.00", "cultural_mediator": "25.00"}, on=dt.date(2024, 3, 1),
    ...     other_costs=Money("6800.00"))
    >>> answer.fits, str(answer.remainder)
    (True, '€ 0,00')
    """
    from welfare_ambito.rules import load_profile

    resolved = load_profile(profile) if not hasattr(profile, "rules") else profile
    day = on if on is not None else (period.start if period is not None else dt.date.today())
    params = resolved.parameters.at(day, [*FLOORS.values(), "pippi.budget.max_total"])
    floors = {profession: params.decimal(name) for profession, name in FLOORS.items()}
    return costs.affordability(
        hourly_costs,
        floors=floors,
        funding=params.money("pippi.budget.max_total"),
        other_costs=other_costs,
        window=period if period is not None else day,
    )

"""Money (seed 004): the hour plan's cost within € 211.500,00, and hourly costs against the CCNL.

The budget line marked ``funds_hour_plan`` pays for the hour plan: it is
compared with hours × hourly costs, and only the *other* top-level lines are
added to the hour plan's cost to compare with the funding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from welfare_ambito import costs
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
from welfare_ambito.rules._values import display
from welfare_ambito.rules.pippi._common import Text
from welfare_ambito.rules.pippi.hours import FLOORS

__all__ = [
    "affordability",
    "hour_plan_line",
    "labour_floor",
    "lines_within_funding",
    "within_funding",
]


def _margin_text(margin: Money) -> Text:
    if margin >= Money(0):
        return Text(f"Margine {display(margin, 'it')}.", f"Margin {display(margin, 'en')}.")
    excess = -margin
    return Text(
        f"Eccedenza {display(excess, 'it')}: il piano supera il finanziamento.",
        f"Excess {display(excess, 'en')}: the plan exceeds the funding.",
    )


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
            verdict=Text("Costo non calcolabile.", "Cost not computable."),
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
    unknown = Text("Non calcolabile.", "Not computable.")
    if plan.budget is None:
        return needs_review("budget", line=None, hours_cost=None, verdict=unknown)
    lines = [line for line in plan.budget.lines if line.funds_hour_plan]
    if not lines:
        return not_applicable(
            Text(
                "nessuna voce finanzia il monte ore (funds_hour_plan)",
                "no budget item marked funds_hour_plan",
            )
        )
    cost = _hour_plan_cost(plan)
    if isinstance(cost, tuple):
        return needs_review(*cost, line=None, hours_cost=None, verdict=unknown)
    line = sum((item.amount for item in lines), Money(0))
    difference = line - cost
    verdict = (
        Text(
            f"Restano {display(difference, 'it')} non assegnati a ore.",
            f"{display(difference, 'en')} left not assigned to hours.",
        )
        if difference > Money(0)
        else Text("Coincidono.", "They match.")
        if not difference
        else Text(
            f"Il monte ore costa {display(-difference, 'it')} più della sua voce.",
            f"The hour plan costs {display(-difference, 'en')} more than its line.",
        )
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
        return needs_review(
            "hour_plan", verdict=Text("Monte ore non indicato.", "No hour plan stated.")
        )
    hourly = dict(plan.hour_plan.hourly_cost)
    if not hourly:
        return not_applicable(Text("nessun costo orario nel piano", "no hourly cost in the plan"))
    window = plan.period if plan.period is not None else Period(p.on, p.on)
    ranges = costs.labour_costs_during(window)
    gaps = costs.unsourced_days(window)
    if not ranges:
        return needs_review(
            verdict=Text(
                f"Nessun costo del lavoro ministeriale disponibile per {display(window, 'it')} "
                "(dati dal 01/02/2024): verificare i costi orari con il CCNL.",
                f"No Ministry labour cost is available for {display(window, 'en')} (figures "
                "from 2024-02-01): check the hourly costs against the CCNL.",
            ),
            unsourced=gaps,
        )
    warnings = costs.below_contract(hourly, window)
    gap_it = gap_en = ""
    if gaps:
        gap_it = f" Nessun dato ministeriale per {', '.join(display(g, 'it') for g in gaps)}."
        gap_en = f" No Ministry figure for {', '.join(display(g, 'en') for g in gaps)}."
    source = ranges[0].citation.where()
    if not warnings:
        lowest = max(r.lowest for r in ranges)
        return check(
            True,
            lowest=lowest,
            source=source,
            unsourced=gaps,
            verdict=Text(
                f"Tutti i costi orari sono almeno {display(lowest, 'it')} (livello "
                f"{ranges[0].lowest_level}, il più basso del CCNL).{gap_it}",
                f"Every hourly cost is at least {display(lowest, 'en')} (level "
                f"{ranges[0].lowest_level}, the CCNL's lowest).{gap_en}",
            ),
        )
    listed_it = "; ".join(
        f"{display(w.profession, 'it')} {display(w.cost, 'it')}/h, sotto dal "
        f"{display(w.first_below_since, 'it')} (fino a {display(w.lowest, 'it')}/h "
        f"dal {display(w.since, 'it')})"
        for w in warnings
    )
    listed_en = "; ".join(
        f"{display(w.profession, 'en')} {display(w.cost, 'en')}/h, below from "
        f"{display(w.first_below_since, 'en')} (up to {display(w.lowest, 'en')}/h "
        f"from {display(w.since, 'en')})"
        for w in warnings
    )
    return check(
        False,
        below={w.profession.value: w.cost for w in warnings},
        lowest={w.profession.value: w.lowest for w in warnings},
        source=source,
        unsourced=gaps,
        verdict=Text(
            f"Costi orari sotto il costo del lavoro del livello più basso del CCNL "
            f"({ranges[0].lowest_level}): {listed_it}.{gap_it}",
            f"Hourly costs below the labour cost of the CCNL's lowest level "
            f"({ranges[0].lowest_level}): {listed_en}.{gap_en}",
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

"""Budget structure rules, for any programme: the figures add up and the Comuni are in scope.

They wrap :mod:`welfare_ambito.budget.structure` (``check_sums``,
``check_comuni``): each rule reports the figures it compared — the stated one,
the one the other lines give, and their difference (stated − computed) — so a
reader sees at once which number is off and by how much.

``budget.total``, ``budget.overall_total``, ``budget.splits`` and
``budget.lines_not_negative`` look at the plan's budget (subject ``budget``);
``budget.comuni_in_scope`` and ``budget.comuni_shares`` also need the plan's
Ambito, so their subject is the plan (they need review when the plan has no
budget).

The citations point at the Seregno Tutela Minori notice (seed 002), whose
budget is stated as a total "così suddivisi"; a profile may cite its own
notice instead (``[rules."budget.total"] citation = {...}``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from welfare_ambito import i18n
from welfare_ambito.budget import BudgetFinding, check_comuni, check_sums
from welfare_ambito.model import Budget, CoDesignPlan
from welfare_ambito.money import Money
from welfare_ambito.rules._values import Text
from welfare_ambito.rules.definition import (
    Verdict,
    check,
    failed,
    needs_review,
    not_applicable,
    passed,
    rule,
)
from welfare_ambito.rules.parameters import Parameters

__all__ = [
    "budget_total",
    "comuni_in_scope",
    "comuni_shares",
    "lines_not_negative",
    "overall_total",
    "splits",
]

i18n.define("rules.budget.no_lines", it="il budget non ha voci", en="the budget has no items")
i18n.define(
    "rules.budget.not_multi_year",
    it="il budget non è pluriennale",
    en="the budget is not multi-year",
)
i18n.define(
    "rules.budget.overall_total_without_years",
    it="totale complessivo senza numero di anni",
    en="overall total without years",
)
i18n.define(
    "rules.budget.years_without_overall_total",
    it="numero di anni senza totale complessivo",
    en="years without overall total",
)
i18n.define(
    "rules.budget.nothing_split", it="nessuna voce è suddivisa", en="no budget item is split"
)
i18n.define(
    "rules.budget.splits_add_up",
    it={"one": "1 voce suddivisa, torna", "other": "{count} voci suddivise, tutte tornano"},
    en={"one": "1 split line, it adds up", "other": "{count} split lines, all add up"},
)
i18n.define("rules.budget.all_in_scope", it="tutti nell'ambito", en="all within scope")
i18n.define(
    "rules.budget.every_share", it="ogni Comune ha la sua quota", en="every Comune has its share"
)


def _record(finding: BudgetFinding) -> dict[str, Any]:
    """A structure finding as the values of a rule finding (amounts stay Money)."""
    record: dict[str, Any] = {"code": finding.code, "path": f"budget.{finding.path}"}
    for name in ("stated", "computed", "difference"):
        value = getattr(finding, name)
        if value is not None:
            record[name] = value
    return record


def _details(findings: Iterable[BudgetFinding]) -> Text:
    """The structure findings' own messages, joined, in both languages."""
    items = tuple(findings)
    return Text(
        it="; ".join(f"budget.{f.path}: {f.message_it}" for f in items),
        en="; ".join(f"budget.{f.path}: {f.message}" for f in items),
    )


def _sum_findings(budget: Budget, *codes: str) -> tuple[BudgetFinding, ...]:
    return tuple(f for f in check_sums(budget) if f.code in codes)


def _compared(budget: Budget, code: str, stated: Money) -> Verdict:
    """Pass or fail on ``check_sums``' finding ``code``, with stated, computed and difference."""
    found = _sum_findings(budget, code)
    if found:
        return failed(
            stated=found[0].stated, computed=found[0].computed, difference=found[0].difference
        )
    return passed(stated=stated, computed=stated, difference=Money(0))


@rule(
    id="budget.total",
    subject="budget",
    title={
        "it": "Il totale del budget è la somma delle voci principali",
        "en": "The budget total is the sum of its top-level lines",
    },
    message={
        "it": "Totale dichiarato {stated}; somma delle voci principali {computed}; differenza {difference}.",
        "en": "Stated total {stated}; sum of the top-level lines {computed}; difference {difference}.",
    },
    condition={
        "it": "totale = somma delle voci principali",
        "en": "total = sum of top-level lines",
    },
)
def budget_total(budget: Budget, p: Parameters) -> Verdict:
    """The stated ``total`` equals the sum of the lines that have no parent, to the cent."""
    if not budget.top_level():
        return not_applicable(Text.message("rules.budget.no_lines"))
    return _compared(budget, "budget.total", budget.total)


@rule(
    id="budget.overall_total",
    subject="budget",
    title={
        "it": "Il totale complessivo è il totale annuo per il numero di anni",
        "en": "The overall total is the yearly total times the years",
    },
    message={
        "it": "Totale complessivo dichiarato {stated}; {years} × {total} = {computed}; differenza {difference}.",
        "en": "Stated overall total {stated}; {years} × {total} = {computed}; difference {difference}.",
    },
    condition={
        "it": "totale complessivo = anni × totale annuo",
        "en": "overall total = years × yearly total",
    },
    reads=("total", "years"),
)
def overall_total(budget: Budget, p: Parameters) -> Verdict:
    """``overall_total`` equals ``years × total`` (when the budget states both)."""
    if budget.years is None and budget.overall_total is None:
        return not_applicable(Text.message("rules.budget.not_multi_year"))
    if budget.years is None:
        return needs_review("years", note=Text.message("rules.budget.overall_total_without_years"))
    if budget.overall_total is None:
        return needs_review(
            "overall_total",
            note=Text.message("rules.budget.years_without_overall_total"),
        )
    return _compared(budget, "budget.overall_total", budget.overall_total)


@rule(
    id="budget.splits",
    subject="budget",
    title={
        "it": "Le suddivisioni tornano con le voci che suddividono",
        "en": "Each split adds up to the line it splits",
    },
    message={
        "it": "Suddivisioni: {details}",
        "en": "Splits: {details}",
    },
    condition={
        "it": "voce = somma della sua suddivisione («così suddivisi»); quote «di cui» ≤ voce",
        "en": 'line = sum of its split ("così suddivisi"); "di cui" parts ≤ line',
    },
)
def splits(budget: Budget, p: Parameters) -> Verdict:
    """Every full split adds up to its parent; "di cui" parts do not exceed it.

    The finding lists each line that does not add up (``mismatches``: path,
    stated, computed, difference).
    """
    parents = [line for line in budget.lines if budget.children(line.id)]
    if not parents:
        return not_applicable(Text.message("rules.budget.nothing_split"))
    problems = _sum_findings(budget, "budget.split_sum", "budget.parts_exceed")
    if not problems:
        return passed(
            details=Text.message("rules.budget.splits_add_up", count=len(parents)), mismatches=()
        )
    return failed(mismatches=tuple(_record(f) for f in problems), details=_details(problems))


@rule(
    id="budget.lines_not_negative",
    subject="budget",
    title={"it": "Nessuna voce negativa", "en": "No negative line"},
    message={"it": "Voci negative: {negative}", "en": "Negative lines: {negative}"},
)
def lines_not_negative(budget: Budget, p: Parameters) -> Verdict:
    """No budget line has a negative amount."""
    negative = tuple(line.id for line in budget.lines if line.amount < Money(0))
    return check(not negative, negative=negative or None)


def _comuni_findings(plan: CoDesignPlan, severity: str) -> tuple[BudgetFinding, ...] | None:
    if plan.budget is None:
        return None
    return tuple(f for f in check_comuni(plan.budget, plan.ambito) if f.severity == severity)


@rule(
    id="budget.comuni_in_scope",
    subject="plan",
    title={
        "it": "Ogni Comune di una voce è nell'ambito di applicazione della sua voce",
        "en": "Every Comune of a line is within its line's scope",
    },
    message={"it": "Comuni delle voci: {details}", "en": "Comuni of the lines: {details}"},
    condition={
        "it": "ogni Comune è dell'Ambito, nell'ambito della voce madre, una sola volta per suddivisione",
        "en": "every Comune belongs to the Ambito and to its parent line's scope, once per split",
    },
)
def comuni_in_scope(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Every Comune named by a budget line belongs to the Ambito and to its parent's scope."""
    problems = _comuni_findings(plan, "error")
    if problems is None:
        return needs_review("budget")
    if not problems:
        return passed(details=Text.message("rules.budget.all_in_scope"), problems=())
    return failed(problems=tuple(_record(f) for f in problems), details=_details(problems))


@rule(
    id="budget.comuni_shares",
    subject="plan",
    severity="warning",
    title={
        "it": "Ogni Comune dell'ambito di una voce ripartita ha la sua quota",
        "en": "Every Comune in a split line's scope has its share",
    },
    message={"it": "Quote per Comune: {details}", "en": "Shares per Comune: {details}"},
)
def comuni_shares(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """A line split per Comune gives a share to every Comune of its scope."""
    problems = _comuni_findings(plan, "warning")
    if problems is None:
        return needs_review("budget")
    if not problems:
        return passed(details=Text.message("rules.budget.every_share"))
    return failed(problems=tuple(_record(f) for f in problems), details=_details(problems))

"""A readable summary of what a plan contains (no judgement: that is the rules' job)."""

from __future__ import annotations

from welfare_ambito.model import CoDesignPlan
from welfare_ambito.money import Money

__all__ = ["summarise"]


def summarise(plan: CoDesignPlan) -> str:
    """A few lines describing ``plan``: Ambito, period, money, hours, people (by count).

    >>> from welfare_ambito import data
    >>> print(summarise(data.example("pippi_seregno")).splitlines()[0])
    Piano seregno-pippi-2023-partner-a (pippi) – Ambito di Seregno, 10 Comuni, capofila Seregno
    """
    lines = [
        f"Piano {plan.id} ({plan.programme.value}) – {plan.ambito.name}, "
        f"{len(plan.ambito)} Comuni, capofila {plan.ambito.lead}",
        f"  Partner: {plan.partner.name}",
    ]
    if plan.period is not None:
        lines.append(
            f"  Periodo: {plan.period.start:%d/%m/%Y} – {plan.period.end:%d/%m/%Y} "
            f"({plan.period.months} mesi)"
        )
    if plan.funding is not None:
        code = f", CUP {plan.cup}" if plan.cup else ""
        lines.append(f"  Finanziamento: {plan.funding.amount} – {plan.funding.name}{code}")
    if plan.hour_plan is not None and plan.hour_plan.hours:
        parts = [f"{p.value} {h:,}".replace(",", ".") for p, h in plan.hour_plan.hours.items()]
        lines.append(f"  Monte ore: {', '.join(parts)}")
        cost = plan.hour_plan.total_cost()
        if cost is not None:
            lines.append(f"  Costo del monte ore: {cost}")
    if plan.budget is not None:
        budget = plan.budget
        years = f" × {budget.years} anni = {budget.overall_total}" if budget.years else ""
        lines.append(f"  Budget: {budget.total}{years}, {len(budget.lines)} voci")
        for line in budget.lines:
            indent = "      " if line.parent else "    "
            lines.append(f"{indent}{line.label}: {line.amount}")
        stated = sum((line.amount for line in budget.top_level()), Money(0))
        lines.append(f"    Somma delle voci principali: {stated}")
    counts = [
        ("famiglie", len(plan.families)),
        ("interventi", len(plan.interventions)),
        ("moduli di gruppo", len(plan.groups)),
        ("operatori", len(plan.staff)),
        ("servizi", len(plan.services)),
        ("scadenze di rendicontazione", len(plan.reports)),
    ]
    lines.append("  " + ", ".join(f"{n} {label}" for label, n in counts if n))
    return "\n".join(lines)

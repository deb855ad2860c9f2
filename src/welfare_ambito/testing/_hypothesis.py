"""Registration of our strategies with hypothesis (the ``hypothesis`` entry point).

Hypothesis calls :func:`register` when it is imported, for every package that
lists it under ``[project.entry-points.hypothesis]``. It registers a
resolver per domain class: nothing is drawn and
:mod:`welfare_ambito.testing.strategies` is not imported until a test asks
``st.from_type(Family)``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["register"]


def _resolver(name: str) -> Any:
    """A callable hypothesis resolves at ``from_type`` time (importing the strategies then)."""

    def resolve(thing: type) -> Any:
        from welfare_ambito.testing import _declarations_strategies, strategies

        module = strategies if hasattr(strategies, name) else _declarations_strategies
        return getattr(module, name)()

    return resolve


def register() -> None:
    """Register a strategy for each domain class with ``st.register_type_strategy``.

    Safe to call more than once (a later call replaces the earlier strategies).
    """
    from welfare_ambito.testing import MissingTestingExtra

    try:
        from hypothesis import strategies as st
    except ImportError:
        raise MissingTestingExtra.for_package("hypothesis") from None

    from welfare_ambito.citations import Citation
    from welfare_ambito.model import (
        Ambito,
        Budget,
        BudgetLine,
        Child,
        CoDesignPlan,
        Comune,
        Family,
        FundingSource,
        GroupModule,
        HourPlan,
        ImpactEvaluation,
        Intervention,
        Partner,
        PartnerDeclarations,
        ProgrammeTeam,
        ReportDue,
        ServiceOffer,
        StaffMember,
        TechnicalLead,
    )
    from welfare_ambito.money import Money
    from welfare_ambito.periods import Period

    table: dict[type, str] = {
        Money: "money",
        Period: "periods",
        Comune: "comuni",
        Ambito: "ambiti",
        Child: "children",
        Family: "families",
        StaffMember: "staff_members",
        Intervention: "interventions",
        GroupModule: "group_modules",
        HourPlan: "hour_plans",
        BudgetLine: "budget_lines",
        Budget: "budgets",
        CoDesignPlan: "plans",
        Partner: "partners",
        Citation: "citations",
        ReportDue: "report_dues",
        FundingSource: "funding_sources",
        ServiceOffer: "service_offers",
        ImpactEvaluation: "impact_evaluations",
        PartnerDeclarations: "partner_declarations",
        ProgrammeTeam: "programme_teams",
        TechnicalLead: "technical_leads",
    }
    for cls, name in table.items():
        st.register_type_strategy(cls, _resolver(name))

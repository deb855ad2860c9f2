"""The P.I.P.P.I. rules (seed 004, PNRR M5C2 1.1.1): target families, cohort shares, group
modules, educator intensity, professional hours, money, period and reporting duties.

Importing this package registers every rule in :data:`welfare_ambito.rules.REGISTRY`;
the profiles ``pippi-national`` and ``seregno-pippi-2023`` apply them.

>>> from welfare_ambito.rules import REGISTRY
>>> "pippi.sedt.weekly_hours" in REGISTRY
True
"""

from welfare_ambito.rules.pippi import budget, cohort, duties, groups, hours, period, sedt, target
from welfare_ambito.rules.pippi._common import Text
from welfare_ambito.rules.pippi.budget import affordability

__all__ = [
    "RULE_IDS",
    "Text",
    "affordability",
    "budget",
    "cohort",
    "duties",
    "groups",
    "hours",
    "period",
    "sedt",
    "target",
]

RULE_IDS: tuple[str, ...] = (
    "pippi.target.age_group",
    "pippi.target.no_abuse",
    "pippi.target.pre_assessment",
    "pippi.target.em_orientation",
    "pippi.target.trust",
    "pippi.target.adversities",
    "pippi.cohort.reunification_share",
    "pippi.cohort.preadolescent_share",
    "pippi.cohort.families_per_implementation",
    "pippi.groups.meetings",
    "pippi.groups.cadence",
    "pippi.sedt.weekly_hours",
    "pippi.hours.educator",
    "pippi.hours.psychologist",
    "pippi.hours.pedagogist",
    "pippi.hours.cultural_mediator",
    "pippi.budget.within_funding",
    "pippi.budget.lines_within_funding",
    "pippi.budget.hour_plan_line",
    "pippi.costs.labour_floor",
    "pippi.period.matches_notice",
    "pippi.duties.semiannual_accounting",
    "pippi.duties.annual_summary",
    "pippi.duties.satisfaction_surveys",
    "pippi.duties.overall_evaluation",
    "pippi.duties.impact_evaluation",
)
"""Every P.I.P.P.I. rule id (public API: stable)."""

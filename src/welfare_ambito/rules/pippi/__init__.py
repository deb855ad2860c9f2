"""The P.I.P.P.I. rules (seed 004, PNRR M5C2 1.1.1): target families, cohort shares, group
modules, educator intensity, professional hours, money, period, reporting duties, the
partner's declared duties, the educators' qualifications and the programme's structure.

Importing this package registers every rule in :data:`welfare_ambito.rules.REGISTRY`;
the profiles ``pippi-national`` and ``seregno-pippi-2023`` apply them.

>>> from welfare_ambito.rules import REGISTRY
>>> "pippi.sedt.weekly_hours" in REGISTRY
True
"""

from welfare_ambito.rules.pippi import (
    budget,
    cohort,
    duties,
    groups,
    hours,
    partner,
    period,
    sedt,
    staff,
    structure,
    target,
)
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
    "partner",
    "period",
    "sedt",
    "staff",
    "structure",
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
    "pippi.partner.sufficient_staff",
    "pippi.partner.ministry_accounting",
    "pippi.partner.training",
    "pippi.partner.training_documented",
    "pippi.partner.staff_list",
    "pippi.partner.qualified_staff",
    "pippi.partner.ccnl",
    "pippi.partner.workplace_safety",
    "pippi.partner.privacy",
    "pippi.partner.confidentiality",
    "pippi.partner.insurance",
    "pippi.partner.hold_harmless",
    "pippi.partner.controls",
    "pippi.partner.conduct_code",
    "pippi.partner.prior_interventions",
    "pippi.partner.educators_in_em",
    "pippi.partner.no_school_support_replacement",
    "pippi.partner.foster_care_collaboration",
    "pippi.partner.territorial_group",
    "pippi.partner.governance_meetings",
    "pippi.partner.technical_meetings",
    "pippi.partner.survey_beneficiaries",
    "pippi.partner.survey_operators",
    "pippi.partner.survey_report_shared",
    "pippi.partner.survey_report_sent",
    "pippi.partner.summary_complaints",
    "pippi.partner.summary_satisfaction",
    "pippi.partner.summary_controls",
    "pippi.partner.vis_verification",
    "pippi.partner.technical_lead",
    "pippi.partner.cup",
    "pippi.partner.cig",
    "pippi.staff.educator_degree",
    "pippi.staff.educator_prior_training",
    "pippi.structure.services",
    "pippi.structure.support_families",
    "pippi.structure.em_operators",
    "pippi.structure.coaches",
    "pippi.structure.facilitators_from_em",
)
"""Every P.I.P.P.I. rule id (public API: stable)."""

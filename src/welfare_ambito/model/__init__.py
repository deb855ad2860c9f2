"""Domain objects: frozen, validated, and free of personal data.

Every class is a frozen, keyword-only attrs class; use :func:`attrs.evolve`
to derive a changed copy. Invalid objects cannot be built.
"""

from welfare_ambito.model.budget import Budget, BudgetLine, SplitKind
from welfare_ambito.model.declarations import (
    Declaration,
    PartnerDeclarations,
    ProgrammeTeam,
    TechnicalLead,
)
from welfare_ambito.model.people import (
    Adversity,
    Child,
    EMOrientation,
    Family,
    PreAssessment,
    Profession,
    StaffMember,
)
from welfare_ambito.model.plan import (
    CoDesignPlan,
    FundingSource,
    ImpactEvaluation,
    Partner,
    Programme,
    ReportDue,
    ReportKind,
)
from welfare_ambito.model.services import (
    Cadence,
    GroupKind,
    GroupModule,
    HourPlan,
    Intervention,
    InterventionKind,
    ServiceOffer,
    ServiceScope,
)
from welfare_ambito.model.territory import Ambito, Comune, normalise_name

__all__ = [
    "Adversity",
    "Ambito",
    "Budget",
    "BudgetLine",
    "Cadence",
    "Child",
    "CoDesignPlan",
    "Comune",
    "Declaration",
    "EMOrientation",
    "Family",
    "FundingSource",
    "GroupKind",
    "GroupModule",
    "HourPlan",
    "ImpactEvaluation",
    "Intervention",
    "InterventionKind",
    "Partner",
    "PartnerDeclarations",
    "PreAssessment",
    "Profession",
    "Programme",
    "ProgrammeTeam",
    "ReportDue",
    "ReportKind",
    "ServiceOffer",
    "ServiceScope",
    "SplitKind",
    "StaffMember",
    "TechnicalLead",
    "normalise_name",
]

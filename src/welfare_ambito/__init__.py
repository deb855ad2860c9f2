"""welfare_ambito: domain objects, rules and exact budgets for Italian Ambiti Territoriali Sociali.

>>> import welfare_ambito as wa
>>> plan = wa.data.example("pippi_seregno")
>>> plan.ambito.lead, str(plan.funding.amount)
('Seregno', '€ 211.500,00')

Subpackages load on first use: ``welfare_ambito.rules``, ``welfare_ambito.budget``,
``welfare_ambito.eligibility``, ``welfare_ambito.sesei``; ``welfare_ambito.testing``
(hypothesis strategies and property suites) is never imported by the package itself.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from welfare_ambito.citations import Citation
from welfare_ambito.errors import (
    ErrorDetail,
    IncompatibleTypes,
    InvalidInput,
    InvalidValue,
    NotFound,
    WelfareAmbitoError,
)
from welfare_ambito.model import (
    Adversity,
    Ambito,
    Budget,
    BudgetLine,
    Cadence,
    Child,
    CoDesignPlan,
    Comune,
    Declaration,
    EMOrientation,
    Family,
    FundingSource,
    GroupKind,
    GroupModule,
    HourPlan,
    ImpactEvaluation,
    Intervention,
    InterventionKind,
    Partner,
    PartnerDeclarations,
    PreAssessment,
    Profession,
    Programme,
    ProgrammeTeam,
    ReportDue,
    ReportKind,
    ServiceOffer,
    ServiceScope,
    StaffMember,
    TechnicalLead,
)
from welfare_ambito.money import Money
from welfare_ambito.periods import Period

if TYPE_CHECKING:
    from welfare_ambito import budget as budget
    from welfare_ambito import data as data
    from welfare_ambito import eligibility as eligibility
    from welfare_ambito import rules as rules
    from welfare_ambito import sercop as sercop
    from welfare_ambito import sesei as sesei
    from welfare_ambito import tutela as tutela
    from welfare_ambito.convert import dump as dump
    from welfare_ambito.convert import dumps as dumps
    from welfare_ambito.convert import load as load
    from welfare_ambito.convert import loads as loads
    from welfare_ambito.convert import make_converter as make_converter

__version__ = "0.1.0"

_LAZY_SUBPACKAGES = frozenset(
    {"budget", "data", "eligibility", "rules", "sercop", "sesei", "testing", "tutela"}
)
_LAZY_CONVERT = frozenset({"dump", "dumps", "load", "loads", "make_converter"})

__all__ = [
    "Adversity",
    "Ambito",
    "Budget",
    "BudgetLine",
    "Cadence",
    "Child",
    "Citation",
    "CoDesignPlan",
    "Comune",
    "Declaration",
    "EMOrientation",
    "ErrorDetail",
    "Family",
    "FundingSource",
    "GroupKind",
    "GroupModule",
    "HourPlan",
    "ImpactEvaluation",
    "IncompatibleTypes",
    "Intervention",
    "InterventionKind",
    "InvalidInput",
    "InvalidValue",
    "Money",
    "NotFound",
    "Partner",
    "PartnerDeclarations",
    "Period",
    "PreAssessment",
    "Profession",
    "Programme",
    "ProgrammeTeam",
    "ReportDue",
    "ReportKind",
    "ServiceOffer",
    "ServiceScope",
    "StaffMember",
    "TechnicalLead",
    "WelfareAmbitoError",
    "__version__",
    "dump",
    "dumps",
    "load",
    "loads",
    "make_converter",
]


def __getattr__(name: str) -> Any:
    # Subpackages and the cattrs converter load on first use: `import welfare_ambito` stays fast.
    if name in _LAZY_SUBPACKAGES:
        return importlib.import_module(f"welfare_ambito.{name}")
    if name in _LAZY_CONVERT:
        return getattr(importlib.import_module("welfare_ambito.convert"), name)
    raise AttributeError(f"module 'welfare_ambito' has no attribute {name!r}")


def __dir__() -> list[str]:
    # The lazily imported names are part of the package too: tab completion shows them.
    return sorted({*globals(), *_LAZY_SUBPACKAGES, *_LAZY_CONVERT})

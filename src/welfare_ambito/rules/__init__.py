"""The rule engine: cited parameters, typed rules, profiles, evaluation and reports.

>>> import datetime as dt
>>> from welfare_ambito.rules import load_profile
>>> params = load_profile("seregno-pippi-2023").parameters
>>> params.value("pippi.hours.educator_min", dt.date(2024, 1, 1))
Decimal('6000')
"""

from welfare_ambito.citations import Citation
from welfare_ambito.rules._values import UNITS, display, jsonable, parse_value
from welfare_ambito.rules.definition import (
    REGISTRY,
    Registry,
    Result,
    Rule,
    RuleException,
    Verdict,
    check,
    failed,
    needs_review,
    not_applicable,
    passed,
    rule,
)
from welfare_ambito.rules.engine import Checker, evaluate, iterate
from welfare_ambito.rules.outcomes import Outcome, Severity
from welfare_ambito.rules.parameters import (
    DatedValue,
    Parameter,
    Parameters,
    ParameterSet,
    Provenance,
    Reading,
    Readings,
)
from welfare_ambito.rules.profile_tools import lint_profile, verify_profile
from welfare_ambito.rules.profiles import (
    Profile,
    ProfileInfo,
    ProfileRule,
    ensure_fits,
    list_profiles,
    load_profile,
    profile_ids,
)
from welfare_ambito.rules.readings import decide
from welfare_ambito.rules.report import (
    REPORT_SCHEMA,
    REPORT_VERSION,
    Finding,
    Report,
    ReportDiff,
    Summary,
)
from welfare_ambito.rules.rule_catalogue import Catalogue, CatalogueEntry, catalogue
from welfare_ambito.rules.subjects import MISSING, SubjectKind, register_subject_kind, subject_kinds

__all__ = [
    "MISSING",
    "REGISTRY",
    "REPORT_SCHEMA",
    "REPORT_VERSION",
    "UNITS",
    "Catalogue",
    "CatalogueEntry",
    "Checker",
    "Citation",
    "DatedValue",
    "Finding",
    "Outcome",
    "Parameter",
    "ParameterSet",
    "Parameters",
    "Profile",
    "ProfileInfo",
    "ProfileRule",
    "Provenance",
    "Reading",
    "Readings",
    "Registry",
    "Report",
    "ReportDiff",
    "Result",
    "Rule",
    "RuleException",
    "Severity",
    "SubjectKind",
    "Summary",
    "Verdict",
    "catalogue",
    "check",
    "decide",
    "display",
    "ensure_fits",
    "evaluate",
    "failed",
    "iterate",
    "jsonable",
    "lint_profile",
    "list_profiles",
    "load_profile",
    "needs_review",
    "not_applicable",
    "parse_value",
    "passed",
    "profile_ids",
    "register_subject_kind",
    "rule",
    "subject_kinds",
    "verify_profile",
]

"""SESEI, Sercop's integrated educational-support service: cases, workflow and statistics.

A case is a pseudonymous id and a dated history of events (referral, assessment, project,
verifications, re-planning, closure); its state and durations are derived from the events
(:mod:`welfare_ambito.sesei.workflow` holds the state machine and its documented choices).
:func:`statistics` gives the figures Sercop publishes (seed 000).
"""

from welfare_ambito.sesei.cases import (
    SESEI_KINDS,
    Case,
    CaseDurations,
    CaseEvent,
    EducationalProject,
    Referrer,
    SchoolLevel,
    SeseiIntervention,
)
from welfare_ambito.sesei.stats import SeseiStatistics, statistics
from welfare_ambito.sesei.workflow import (
    TRANSITIONS,
    VERIFICATIONS,
    CaseState,
    EventKind,
    IllegalTransition,
    legal_events,
    next_state,
)

__all__ = [
    "SESEI_KINDS",
    "TRANSITIONS",
    "VERIFICATIONS",
    "Case",
    "CaseDurations",
    "CaseEvent",
    "CaseState",
    "EducationalProject",
    "EventKind",
    "IllegalTransition",
    "Referrer",
    "SchoolLevel",
    "SeseiIntervention",
    "SeseiStatistics",
    "legal_events",
    "next_state",
    "statistics",
]

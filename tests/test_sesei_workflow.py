"""The SESEI state machine: every (state, event) pair, legal and illegal."""

from __future__ import annotations

import datetime as dt

import pytest

from welfare_ambito.errors import InvalidValue, WelfareAmbitoError
from welfare_ambito.sesei import (
    TRANSITIONS,
    CaseState,
    EventKind,
    IllegalTransition,
    legal_events,
    next_state,
)

S = CaseState
E = EventKind

EXPECTED: dict[tuple[CaseState | None, EventKind], CaseState] = {
    (None, E.REFERRAL): S.REFERRED,
    (S.REFERRED, E.ASSESSMENT_FEASIBLE): S.PLANNING,
    (S.REFERRED, E.ASSESSMENT_NOT_FEASIBLE): S.CLOSED,
    (S.REFERRED, E.INTERRUPTION): S.CLOSED,
    (S.PLANNING, E.PROJECT): S.ACTIVE,
    (S.PLANNING, E.INTERRUPTION): S.CLOSED,
    (S.ACTIVE, E.KICK_OFF): S.ACTIVE,
    (S.ACTIVE, E.REVIEW): S.MONITORING,
    (S.ACTIVE, E.FAMILY_INTERVIEW): S.MONITORING,
    (S.ACTIVE, E.NETWORK_REVIEW): S.MONITORING,
    (S.ACTIVE, E.INTERRUPTION): S.CLOSED,
    (S.MONITORING, E.REVIEW): S.MONITORING,
    (S.MONITORING, E.FAMILY_INTERVIEW): S.MONITORING,
    (S.MONITORING, E.NETWORK_REVIEW): S.MONITORING,
    (S.MONITORING, E.REPLANNING): S.PLANNING,
    (S.MONITORING, E.CLOSURE): S.CLOSED,
    (S.MONITORING, E.INTERRUPTION): S.CLOSED,
}

MATRIX = [(state, event) for state in (None, *CaseState) for event in EventKind]


def test_table_is_the_documented_one() -> None:
    """The transition table is exactly the documented workflow."""
    assert dict(TRANSITIONS) == EXPECTED


@pytest.mark.parametrize(("state", "event"), [p for p in MATRIX if p in EXPECTED])
def test_legal_transition(state: CaseState | None, event: EventKind) -> None:
    """A legal event moves the case to the documented state."""
    assert next_state(state, event) is EXPECTED[(state, event)]
    assert event in legal_events(state)


@pytest.mark.parametrize(("state", "event"), [p for p in MATRIX if p not in EXPECTED])
def test_illegal_transition(state: CaseState | None, event: EventKind) -> None:
    """An illegal event raises IllegalTransition naming the case, the state and the event."""
    with pytest.raises(IllegalTransition) as info:
        next_state(state, event, case_id="RHO-7", on=dt.date(2016, 3, 1), path="events[2]")
    error = info.value
    assert isinstance(error, InvalidValue)
    assert isinstance(error, ValueError)
    assert isinstance(error, WelfareAmbitoError)
    assert (error.case_id, error.state, error.event) == ("RHO-7", state, event)
    assert error.code == "sesei.illegal_transition"
    assert error.path == "events[2]"
    assert "RHO-7" in error.message
    assert "RHO-7" in error.message_it
    assert repr(event.value) in error.message
    assert event.label_it in error.message_it
    state_it = state.label_it if state is not None else "non ancora aperto"
    assert state_it in error.message_it
    assert "2016-03-01" in error.message
    assert event not in legal_events(state)


def test_closed_is_final() -> None:
    """No event is allowed on a closed case; the message says so in both languages."""
    assert legal_events(CaseState.CLOSED) == ()
    with pytest.raises(IllegalTransition) as info:
        next_state(CaseState.CLOSED, EventKind.REVIEW, case_id="C")
    assert "closed" in info.value.message
    assert "concluso" in info.value.message_it


def test_every_state_is_reachable_and_can_close() -> None:
    """Every state is reached by some transition, and every open state can reach closure."""
    assert set(EXPECTED.values()) == set(CaseState)
    for state in CaseState:
        if state is not CaseState.CLOSED:
            assert EventKind.INTERRUPTION in legal_events(state)


def test_unknown_event_is_invalid_value() -> None:
    """A value that is not an EventKind is an InvalidValue, not a KeyError."""
    with pytest.raises(InvalidValue) as info:
        next_state(CaseState.ACTIVE, "dance")  # type: ignore[arg-type]
    assert info.value.code == "choice"


def test_kick_off_interviews_and_network_reviews_are_distinct_events() -> None:
    """Seed 001: the kick-off keeps the project active; interviews and network reviews verify it."""
    from welfare_ambito.sesei import VERIFICATIONS, Case

    assert next_state(S.ACTIVE, E.KICK_OFF) is S.ACTIVE
    assert {E.FAMILY_INTERVIEW, E.NETWORK_REVIEW} <= VERIFICATIONS
    assert E.KICK_OFF not in VERIFICATIONS
    with pytest.raises(IllegalTransition):
        next_state(S.PLANNING, E.KICK_OFF)
    from decimal import Decimal

    from welfare_ambito.sesei import CaseEvent, EducationalProject, SeseiIntervention

    plan = EducationalProject(
        goals=("autonomia personale",),
        interventions=(SeseiIntervention(kind="school", school_level="primaria", school="SC-1"),),
        weekly_hours=Decimal(6),
        duration_months=9,
        educator="EDU-12",
    )
    case = Case(
        id="RHO-X",
        events=[
            CaseEvent(kind="referral", on=dt.date(2016, 1, 11), referrer="school"),
            CaseEvent(kind="assessment_feasible", on=dt.date(2016, 1, 25)),
            CaseEvent(kind="project", on=dt.date(2016, 2, 1), project=plan),
            CaseEvent(kind="kick_off", on=dt.date(2016, 2, 3)),
            CaseEvent(kind="network_review", on=dt.date(2016, 3, 2)),
        ],
    )
    assert case.state is S.MONITORING
    assert case.durations().project_to_first_review == 30


def test_communication_assistance_is_a_sesei_intervention() -> None:
    """Seed 001: communication assistance for pupils with sensory disabilities is its own kind."""
    from welfare_ambito.model import InterventionKind
    from welfare_ambito.sesei import SESEI_KINDS, SeseiIntervention

    assert InterventionKind.COMMUNICATION_ASSISTANCE in SESEI_KINDS
    item = SeseiIntervention(kind="communication_assistance", school_level="primaria", school="S1")
    assert item.kind is InterventionKind.COMMUNICATION_ASSISTANCE
    with pytest.raises(WelfareAmbitoError):
        SeseiIntervention(kind="sedt")

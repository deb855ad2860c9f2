"""SESEI cases: validated histories, derived state and durations, plain-data round trips."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import InterventionKind
from welfare_ambito.sesei import (
    Case,
    CaseEvent,
    CaseState,
    EducationalProject,
    EventKind,
    IllegalTransition,
    Referrer,
    SeseiIntervention,
    legal_events,
)

D = dt.date


def project(**changes: Any) -> EducationalProject:
    fields: dict[str, Any] = {
        "goals": ("autonomia personale", "relazioni con i pari"),
        "interventions": (
            SeseiIntervention(kind="school", school_level="primaria", school="SC-1"),
        ),
        "weekly_hours": Decimal(6),
        "duration_months": 9,
        "educator": "EDU-12",
    }
    fields.update(changes)
    return EducationalProject(**fields)


def history() -> list[CaseEvent]:
    return [
        CaseEvent(kind="referral", on=D(2015, 9, 14), referrer="school"),
        CaseEvent(kind="assessment_feasible", on=D(2015, 9, 30)),
        CaseEvent(kind="project", on=D(2015, 10, 12), project=project()),
        CaseEvent(kind="review", on=D(2016, 1, 20)),
        CaseEvent(kind="replanning", on=D(2016, 1, 20)),
        CaseEvent(
            kind="project",
            on=D(2016, 2, 1),
            project=project(
                interventions=(SeseiIntervention(kind="edm"),), weekly_hours=Decimal("4.5")
            ),
        ),
        CaseEvent(kind="review", on=D(2016, 5, 10)),
        CaseEvent(kind="closure", on=D(2016, 6, 8)),
    ]


def test_full_history_is_derived() -> None:
    """A history through re-planning to closure gives the state, projects and durations."""
    case = Case(id="RHO-001", comune="Rho", events=history())
    assert case.state is CaseState.CLOSED
    assert not case.is_open
    assert case.referrer is Referrer.SCHOOL
    assert len(case.projects) == 2
    assert case.current_project is None
    assert case.closing_event is not None
    assert case.closing_event.kind is EventKind.CLOSURE
    d = case.durations()
    assert (d.referral_to_assessment, d.referral_to_project) == (16, 28)
    assert d.project_to_first_review == 100
    assert d.referral_to_closure == 268
    assert (d.open_days, d.replannings) == (268, 1)


def test_as_of_gives_the_past_case() -> None:
    """as_of keeps only the events up to a date; the running project is the latest."""
    case = Case(id="RHO-001", events=history())
    past = case.as_of(D(2016, 3, 1))
    assert past is not None
    assert past.state is CaseState.ACTIVE
    assert past.interventions == (SeseiIntervention(kind=InterventionKind.EDM),)
    assert case.as_of(D(2015, 9, 13)) is None
    assert past.durations(on=D(2016, 3, 1)).open_days == 169


def test_not_feasible_closes() -> None:
    """An assessment judged not feasible closes the case (seed 001: 'valuta la fattibilità')."""
    case = Case(
        id="C2",
        events=[
            CaseEvent(kind="referral", on=D(2016, 1, 4), referrer="neuropsychiatry"),
            CaseEvent(kind="assessment_not_feasible", on=D(2016, 1, 18)),
        ],
    )
    assert case.state is CaseState.CLOSED
    assert case.durations().referral_to_project is None
    assert case.durations().referral_to_closure == 14


def test_illegal_event_in_history_names_case_and_position() -> None:
    """A closure straight after the project is illegal: the error names case, state, event."""
    events = [*history()[:3], CaseEvent(kind="closure", on=D(2016, 1, 1))]
    with pytest.raises(IllegalTransition) as info:
        Case(id="RHO-9", events=events)
    assert info.value.path == "events[3]"
    assert info.value.state is CaseState.ACTIVE
    assert info.value.event is EventKind.CLOSURE
    assert "RHO-9" in info.value.message_it


def test_history_must_start_with_referral() -> None:
    """A history that does not start with a referral is illegal."""
    with pytest.raises(IllegalTransition) as info:
        Case(id="C", events=[CaseEvent(kind="review", on=D(2016, 1, 1))])
    assert info.value.state is None


def test_events_out_of_date_order() -> None:
    """An event dated before the previous one is an InvalidValue at its date."""
    events = [*history()[:2], CaseEvent(kind="project", on=D(2015, 9, 1), project=project())]
    with pytest.raises(InvalidValue) as info:
        Case(id="C3", events=events)
    assert info.value.code == "sesei.event_order"
    assert info.value.path == "events[2].on"
    assert "C3" in info.value.message
    assert "C3" in info.value.message_it


def test_apply_leaves_the_case_unchanged() -> None:
    """apply returns a new case; the original history is untouched."""
    case = Case(id="C", events=history()[:3])
    later = case.apply(CaseEvent(kind="review", on=D(2016, 1, 1)))
    assert case.state is CaseState.ACTIVE
    assert later.state is CaseState.MONITORING
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        case.events = ()  # type: ignore[misc]


@pytest.mark.parametrize(
    ("fields", "path", "code"),
    [
        ({"kind": "referral", "on": D(2016, 1, 1)}, "referrer", "sesei.missing_payload"),
        ({"kind": "project", "on": D(2016, 1, 1)}, "project", "sesei.missing_payload"),
        (
            {"kind": "review", "on": D(2016, 1, 1), "referrer": "school"},
            "referrer",
            "sesei.unexpected_payload",
        ),
        ({"kind": "party", "on": D(2016, 1, 1)}, "kind", "choice"),
        ({"kind": "review", "on": "2016-01-01"}, "on", "type"),
    ],
)
def test_event_payloads(fields: dict[str, Any], path: str, code: str) -> None:
    """Each event carries exactly the data of its kind, with typed errors."""
    with pytest.raises(InvalidValue) as info:
        CaseEvent(**fields)
    assert (info.value.path, info.value.code) == (path, code)


def test_intervention_rules() -> None:
    """School interventions need a level, groups a group id; P.I.P.P.I.'s SEDT is not SESEI."""
    with pytest.raises(InvalidValue) as info:
        SeseiIntervention(kind="school")
    assert info.value.path == "school_level"
    with pytest.raises(InvalidValue) as info:
        SeseiIntervention(kind="group")
    assert info.value.path == "group"
    with pytest.raises(InvalidValue) as info:
        SeseiIntervention(kind="sedt")
    assert info.value.path == "kind"


def test_project_rules() -> None:
    """A project needs goals, interventions, positive hours and months, an educator id."""
    with pytest.raises(InvalidValue):
        project(goals=())
    with pytest.raises(InvalidValue):
        project(interventions=())
    with pytest.raises(InvalidValue):
        project(weekly_hours=0)
    with pytest.raises(InvalidValue):
        project(weekly_hours=1.5)
    with pytest.raises(InvalidValue):
        project(duration_months=0)
    assert project().planned_end(D(2015, 10, 12)) == D(2016, 7, 11)


def test_dict_round_trip_and_errors_with_paths() -> None:
    """to_dict/from_dict round-trip; bad input fails at the path of the bad field."""
    case = Case(id="RHO-001", comune="Rho", events=history())
    assert Case.from_dict(case.to_dict()) == case
    data = case.to_dict()
    data["events"][2]["project"]["interventions"][0]["school_level"] = "universita"
    with pytest.raises(InvalidValue) as info:
        Case.from_dict(data)
    assert info.value.path == "events[2].project.interventions[0].school_level"
    with pytest.raises(InvalidValue) as info:
        Case.from_dict({"id": "C", "events": [{"kind": "referral", "on": "2016-13-01"}]})
    assert info.value.path == "events[0].on"
    with pytest.raises(InvalidValue) as info:
        Case.from_dict({"id": "C", "events": [], "colour": "red"})
    assert info.value.path == "colour"
    with pytest.raises(InvalidValue) as info:
        Case.from_dict({"id": "C"})
    assert info.value.path == "events"


def test_loads_from_toml() -> None:
    """A case written in TOML loads through from_dict."""
    import tomllib

    text = """
    id = "RHO-2016-014"
    comune = "Pero"
    [[events]]
    kind = "referral"
    on = 2016-02-01
    referrer = "comune_social_service"
    [[events]]
    kind = "assessment_feasible"
    on = 2016-02-15
    """
    data = tomllib.loads(text)
    for event in data["events"]:
        event["on"] = event["on"].isoformat()
    assert Case.from_dict(data).state is CaseState.PLANNING


# -- properties ------------------------------------------------------------------------------

_PAYLOADS = st.sampled_from(
    [
        project(),
        project(interventions=(SeseiIntervention(kind="edm_tutela"),)),
        project(
            interventions=(
                SeseiIntervention(kind="group", group="G-1"),
                SeseiIntervention(kind="school", school_level="infanzia", school="SC-2"),
            )
        ),
    ]
)


@st.composite
def histories(draw: st.DrawFn, *, max_events: int = 10) -> list[CaseEvent]:
    """Legal histories: a walk on the state machine with non-decreasing dates."""
    on = draw(st.dates(min_value=D(2010, 1, 1), max_value=D(2020, 1, 1)))
    events = [CaseEvent(kind="referral", on=on, referrer=draw(st.sampled_from(Referrer)))]
    state: CaseState | None = CaseState.REFERRED
    for _ in range(draw(st.integers(0, max_events))):
        options = legal_events(state)
        if not options:
            break
        kind = draw(st.sampled_from(options))
        on = on + dt.timedelta(days=draw(st.integers(0, 120)))
        payload = draw(_PAYLOADS) if kind is EventKind.PROJECT else None
        events.append(CaseEvent(kind=kind, on=on, project=payload))
        state = Case(id="X", events=events).state
    return events


_IDS = st.from_regex(r"[A-Z]{2,4}-[0-9]{1,4}", fullmatch=True)


@given(histories(), _IDS, _IDS, st.sampled_from([None, "Rho", "Pero"]))
def test_derived_state_depends_only_on_events(
    events: list[CaseEvent], first: str, second: str, comune: str | None
) -> None:
    """Two cases with the same events have the same state, projects and durations."""
    a = Case(id=first, events=events)
    b = Case(id=second, comune=comune, events=tuple(events))
    assert a.state is b.state
    assert a.projects == b.projects
    assert a.interventions == b.interventions
    assert a.durations() == b.durations()


@given(histories())
def test_replaying_events_gives_the_same_case(events: list[CaseEvent]) -> None:
    """Applying the events one by one builds the same case as the constructor."""
    assert Case.replay("C-1", events) == Case(id="C-1", events=events)


@given(histories())
def test_dict_round_trip_property(events: list[CaseEvent]) -> None:
    """Every legal case survives to_dict/from_dict unchanged."""
    case = Case(id="C-1", events=events)
    assert Case.from_dict(case.to_dict()) == case


@given(histories(), st.dates(min_value=D(2009, 1, 1), max_value=D(2022, 1, 1)))
def test_as_of_is_a_prefix(events: list[CaseEvent], on: dt.date) -> None:
    """The past case is a legal prefix of the history, dated no later than ``on``."""
    case = Case(id="C-1", events=events)
    past = case.as_of(on)
    if past is None:
        assert case.referred_on > on
    else:
        assert past.events == case.events[: len(past.events)]
        assert all(e.on <= on for e in past.events)

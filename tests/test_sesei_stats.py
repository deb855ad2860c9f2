"""SESEI statistics: the figures seed 000 publishes, computed from cases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import InterventionKind
from welfare_ambito.periods import Period
from welfare_ambito.sesei import (
    Case,
    CaseEvent,
    CaseState,
    EducationalProject,
    SchoolLevel,
    SeseiIntervention,
    statistics,
)

D = dt.date


def running(case_id: str, *interventions: SeseiIntervention, review: bool = False) -> Case:
    events = [
        CaseEvent(kind="referral", on=D(2015, 9, 1), referrer="school"),
        CaseEvent(kind="assessment_feasible", on=D(2015, 9, 20)),
        CaseEvent(
            kind="project",
            on=D(2015, 10, 1),
            project=EducationalProject(
                goals=("g",),
                interventions=interventions,
                weekly_hours=Decimal(5),
                duration_months=10,
                educator="E1",
            ),
        ),
    ]
    if review:
        events.append(CaseEvent(kind="review", on=D(2015, 12, 1)))
    return Case(id=case_id, events=events)


def cases() -> list[Case]:
    return [
        running("A", SeseiIntervention(kind="school", school_level="primaria", school="S1")),
        running("B", SeseiIntervention(kind="school", school_level="primaria", school="S1")),
        running(
            "C",
            SeseiIntervention(kind="school", school_level="infanzia", school="S2"),
            SeseiIntervention(kind="edm"),
            review=True,
        ),
        running("D", SeseiIntervention(kind="group", group="G1")),
        running(
            "E", SeseiIntervention(kind="group", group="G1"), SeseiIntervention(kind="edm_tutela")
        ),
        Case(
            id="F",
            events=[
                CaseEvent(kind="referral", on=D(2015, 11, 2), referrer="tutela_minori"),
                CaseEvent(kind="assessment_not_feasible", on=D(2015, 11, 20)),
            ],
        ),
        Case(id="G", events=[CaseEvent(kind="referral", on=D(2016, 1, 7), referrer="school")]),
    ]


def test_figures_on_31_12_2015() -> None:
    """Counts by state, by kind, groups and schools by level, as published on 31.12.15."""
    s = statistics(cases(), on=D(2015, 12, 31), evaluated_in=Period(D(2015, 9, 1), D(2016, 6, 30)))
    assert (s.cases, s.open_cases) == (6, 5)
    assert s.by_state == {
        CaseState.REFERRED: 0,
        CaseState.PLANNING: 0,
        CaseState.ACTIVE: 4,
        CaseState.MONITORING: 1,
        CaseState.CLOSED: 1,
    }
    assert s.interventions_by_kind == {
        InterventionKind.SCHOOL: 3,
        InterventionKind.EDM: 1,
        InterventionKind.EDM_TUTELA: 1,
        InterventionKind.GROUP: 2,
        InterventionKind.COMMUNICATION_ASSISTANCE: 0,
    }
    assert s.groups == 1
    assert s.schools_by_level[SchoolLevel.PRIMARIA] == 1
    assert s.school_interventions_by_level[SchoolLevel.PRIMARIA] == 2
    assert s.schools == 2
    assert s.requests_evaluated == 6


def test_records_text_and_html() -> None:
    """The result is data first (records) and readable in Italian, English and HTML."""
    s = statistics(cases(), on=D(2015, 12, 31))
    records = s.to_records()
    assert {"figure": "interventions_by_kind", "key": "edm_tutela", "value": 1} in records
    assert not any(r["figure"] == "requests_evaluated" for r in records)
    assert "SESEI al 31/12/2015" in s.to_text("it")
    assert "EDM tutela" in s.to_text("it")
    assert "running interventions by kind" in s.to_text("en")
    assert s.to_html().startswith("<table><caption>")
    assert str(s) == s.to_text("it")


def test_duplicate_ids_and_bad_input() -> None:
    """Duplicate case ids and non-cases are InvalidValue with a path."""
    with pytest.raises(InvalidValue) as info:
        statistics([*cases(), cases()[0]], on=D(2016, 1, 1))
    assert info.value.path == "cases[7].id"
    with pytest.raises(InvalidValue):
        statistics(["A"], on=D(2016, 1, 1))  # type: ignore[list-item]


@given(st.permutations(cases()), st.dates(min_value=D(2015, 1, 1), max_value=D(2016, 12, 31)))
def test_order_does_not_matter(shuffled: list[Case], on: dt.date) -> None:
    """Statistics do not depend on the order of the cases; states add up to the cases."""
    s = statistics(shuffled, on=on)
    assert s == statistics(cases(), on=on)
    assert sum(s.by_state.values()) == s.cases

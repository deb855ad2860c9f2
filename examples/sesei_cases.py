"""A small SESEI case history, its derived durations, service statistics and Sercop's checks.

Run with ``python examples/sesei_cases.py``.
"""

from __future__ import annotations

import datetime as dt

from welfare_ambito.periods import Period
from welfare_ambito.sercop import Severity, check_published, published_table
from welfare_ambito.sesei import (
    Case,
    CaseEvent,
    EducationalProject,
    IllegalTransition,
    SeseiIntervention,
    statistics,
)

D = dt.date

school_project = EducationalProject(
    goals=("autonomia personale", "integrazione scolastica"),
    interventions=(SeseiIntervention(kind="school", school_level="primaria", school="SC-RHO-04"),),
    weekly_hours=6,
    duration_months=9,
    educator="EDU-031",
)
home_project = EducationalProject(
    goals=("sostegno alle funzioni genitoriali",),
    interventions=(SeseiIntervention(kind="edm"),),
    weekly_hours=4,
    duration_months=6,
    educator="EDU-031",
)

case = Case(
    id="RHO-2015-0142",
    comune="Rho",
    events=[
        CaseEvent(kind="referral", on=D(2015, 9, 14), referrer="school"),
        CaseEvent(kind="assessment_feasible", on=D(2015, 9, 30)),
        CaseEvent(kind="project", on=D(2015, 10, 12), project=school_project),
        CaseEvent(kind="review", on=D(2016, 1, 20)),
        CaseEvent(kind="replanning", on=D(2016, 1, 20)),
        CaseEvent(kind="project", on=D(2016, 2, 1), project=home_project),
        CaseEvent(kind="review", on=D(2016, 5, 10)),
        CaseEvent(kind="closure", on=D(2016, 6, 8)),
    ],
)
other = Case(
    id="PER-2015-0007",
    comune="Pero",
    events=[
        CaseEvent(kind="referral", on=D(2015, 11, 2), referrer="comune_social_service"),
        CaseEvent(kind="assessment_not_feasible", on=D(2015, 11, 20)),
    ],
)

print(f"Caso {case.id} ({case.comune}) — stato: {case.state.label_it}")
for event in case.events:
    print(f"  {event.on:%d/%m/%Y}  {event.kind.label_it}")
d = case.durations()
print(f"  giorni segnalazione → progetto: {d.referral_to_project}")
print(
    f"  giorni segnalazione → conclusione: {d.referral_to_closure}; riprogettazioni: {d.replannings}"
)

try:
    other.apply(CaseEvent(kind="review", on=D(2015, 12, 1)))
except IllegalTransition as error:
    print(f"\n{error.text('it')}")

print()
school_year = Period(D(2015, 9, 1), D(2016, 8, 31))
print(statistics([case, other], on=D(2015, 12, 31), evaluated_in=school_year).to_text("it"))

print()
published = published_table("sesei_interventi_2015")
print(f"{published.title_it} ({published.citation.document}):")
for row in published.rows:
    print(f"  {row.label:<28} {row.cells[0].text if row.cells[0] else ''}")

print("\nVerifica delle tabelle pubblicate da Sercop:")
for finding in check_published():
    mark = "!" if finding.severity is Severity.MISMATCH else "i"
    print(f"  [{mark}] {finding.text('it')}")

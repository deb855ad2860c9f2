"""Is a family in the P.I.P.P.I. target? Eligible, not eligible or needs review, with the reasons.

Run with ``python examples/assess_family.py``. The families are pseudonymous; birth dates
are used to compute ages and never printed.
"""

from __future__ import annotations

import datetime as dt

import welfare_ambito as wa
from welfare_ambito.eligibility import assess, assess_all

ON = dt.date(2023, 9, 1)

# One family built in code: a child of 7, a worrying pre-assessment, the EM's orientation to
# keep the child in the family, trust in the services.
family = wa.Family(
    id="F-DEMO",
    comune="Meda",
    children=[wa.Child(id="F-DEMO-C1", birth_date=dt.date(2016, 4, 12))],
    pre_assessment="worrying",
    em_orientation="keep_in_family",
    trust_in_services=True,
    abuse_or_severe_maltreatment=False,
)
result = assess(family, on=ON, lang="en")
print(result)
print("outcome:", result.outcome.value, "| eligible:", result.eligible)

# The same family without the EM's pre-assessment: the plan does not record it, so the
# outcome says which facts are missing.
unknown = assess(
    wa.Family(id="F-DEMO-2", children=family.children, em_orientation="keep_in_family"),
    on=ON,
    lang="en",
)
print(unknown)
print("outcome:", unknown.outcome.value, "| missing:", unknown.missing)

# Every family of a plan, counted by outcome.
plan = wa.data.example("pippi_seregno_mistakes")
assessments = assess_all(plan.families, on=ON, lang="en")
counts: dict[str, int] = {}
for assessment in assessments:
    counts[assessment.outcome.value] = counts.get(assessment.outcome.value, 0) + 1
    if not assessment.eligible:
        print(f"{assessment.family}: {assessment.outcome.value} — {assessment.message}")
print(counts)

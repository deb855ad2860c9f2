"""What if a parameter of the notice changed? Compare two reports of the same plan.

Run with ``python examples/what_if.py``: checks the embedded Seregno plan with the notice's
values, then with 7,000 educator hours instead of 6,000 and 10 weekly hours instead of 8,
and prints what changed.
"""

from __future__ import annotations

import welfare_ambito as wa
from welfare_ambito.rules import evaluate, load_profile

plan = wa.data.example("pippi_seregno")
on = plan.period.start

base = load_profile("seregno-pippi-2023")
what_if = base.override({"pippi.hours.educator_min": "7000", "pippi.sedt.min_weekly_hours": "10"})
for name in ("pippi.hours.educator_min", "pippi.sedt.min_weekly_hours"):
    before, after = base.parameters[name], what_if.parameters[name]
    print(f"{name}: {before.at(on)} → {after.at(on)} (overridden: {after.overridden})")

report = evaluate(plan, base, on=on, lang="en")
changed = evaluate(plan, what_if, on=on, lang="en")
print("notice:  ", report.summary.errors, "errors,", report.summary.warnings, "warnings")
print("what-if: ", changed.summary.errors, "errors,", changed.summary.warnings, "warnings")

diff = report.diff(changed)
changes = diff.outcome_changes()
print(len(changes), "findings changed outcome")
for old, new in changes:
    print(f"  {old.rule} @ {old.path}: {old.outcome.value} -> {new.outcome.value}: {new.message}")
print()
print(diff.to_text("en"))

# The same what-if in one call, without building a profile:
quick = evaluate(
    plan, "seregno-pippi-2023", lang="en", overrides={"pippi.hours.educator_min": "7000"}
)
print("one-call what-if ok:", quick.ok)

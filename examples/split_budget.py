"""Split a budget among Comuni, exact to the cent, and compare it with the notice's split.

Run with ``python examples/split_budget.py``: the Seregno Tutela Minori territorial teams'
€ 430.900,00 a year, as the notice splits it and as a split by caseload would.
"""

from __future__ import annotations

from welfare_ambito import data
from welfare_ambito.budget import allocate, budget_view, compare_split

budget = data.tutela_minori_budget()
print(budget_view(budget, ambito=data.seregno()))  # the lines as a tree, checked
print()

caseloads = dict(data.tutela_minori_caseloads())  # minors in care at 31/12/2021
total = next(line.amount for line in budget.lines if line.id == "territorial")

by_caseload = allocate(total, caseloads)
print(by_caseload.explain("en"))
print()
assert sum(by_caseload.values()) == by_caseload.total  # always, to the cent

# Another method: Webster (Sainte-Laguë) never lowers a share when the total grows.
print(allocate(total, caseloads, method="webster"))
print()

stated = {line.comune: line.amount for line in budget.lines if line.comune}
comparison = compare_split(stated, {"caseload": caseloads})
print(comparison)

"""Spread the P.I.P.P.I. funding over the project's half-years, exact to the cent.

Run with ``python examples/phase_funding.py``: € 211.500,00 over June 2023 – May 2026, by
half-year, weighted by months and by days, and by calendar year.
"""

from __future__ import annotations

import welfare_ambito as wa
from welfare_ambito.budget import phase

plan = wa.data.example("pippi_seregno")
amount, period = plan.funding.amount, plan.period
print(f"{amount} over {period} ({period.months} months)")
print()

by_months = phase(amount, period, unit="semester", basis="months")
print("By half-year, every month weighing the same:")
print(by_months)
print()

by_days = phase(amount, period, unit="semester", basis="days")
print("By half-year, pro rata by days:")
print(by_days)
print()

print("By calendar year (for the Comuni's budgets):")
print(phase(amount, period, unit="calendar_year", basis="days"))

assert sum(p.amount for p in by_days) == amount  # the pieces always add up

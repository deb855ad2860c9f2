"""Reconcile a published table: does each stated total equal the sum of its cells?

Run with ``python examples/reconcile_table.py [TABLE.csv]``; without a file it checks the
Rhodense social spending 2011 per Comune and area (seed 003), which has three totals that
differ by a cent or two from the sum of their cells.
"""

from __future__ import annotations

import sys

from welfare_ambito.budget import read_table, reconcile, rhodense_spesa_2011

table = read_table(sys.argv[1]) if len(sys.argv) > 1 else rhodense_spesa_2011()
rows, columns = table.shape
print(f"{rows} rows × {columns} columns")

result = reconcile(table)
print(result)  # the summary line, then one row per total that differs
for record in result.to_records():
    print(record["row"], "/", record["column"], "difference", record["difference"])

"""Benchmark of welfare_ambito.budget: allocation over 8,000 recipients, reconciliation of 8,000 × 20.

Run: .venv/bin/python benchmarks/bench_budget.py
Prints the best of several runs, in milliseconds (targets: allocation < 10 ms,
reconciliation < 100 ms).
"""

from __future__ import annotations

import random
import timeit

from welfare_ambito import Money
from welfare_ambito.budget import Table, allocate, reconcile

RECIPIENTS = 8_000
ROWS, COLUMNS = 8_000, 20


def _best(func: object, number: int = 5, repeat: int = 5) -> float:
    timer = timeit.Timer(func)  # type: ignore[arg-type]
    return min(timer.repeat(repeat=repeat, number=number)) / number * 1000


def main() -> None:
    rng = random.Random(2022)
    weights = {f"comune-{i:05d}": rng.randint(0, 5_000) for i in range(RECIPIENTS)}
    total = Money("211500000.00")
    for method in ("largest_remainder", "webster", "equal"):
        ms = _best(lambda m=method: allocate(total, weights, method=m))
        print(f"allocate {RECIPIENTS:,} recipients ({method}): {ms:.2f} ms")
    bounded = _best(lambda: allocate(total, weights, minimum=Money("1000"), maximum=Money("60000")))
    print(f"allocate {RECIPIENTS:,} recipients (largest_remainder, min+max): {bounded:.2f} ms")

    body = [[rng.randint(0, 10**8) for _ in range(COLUMNS - 1)] for _ in range(ROWS - 1)]
    cents = [[*row, sum(row)] for row in body]
    cents.append([sum(col) for col in zip(*cents, strict=True)])
    cents[17][3] += 1  # one published slip
    table = Table(
        columns=[*(f"area-{j}" for j in range(COLUMNS - 1)), "TOTALE"],
        rows=[*(f"comune-{i}" for i in range(ROWS - 1)), "TOTALE"],
        cents=cents,
    )
    ms = _best(lambda: reconcile(table))
    found = len(reconcile(table).findings)
    print(f"reconcile {ROWS:,} x {COLUMNS} table: {ms:.2f} ms ({found} discrepancies)")


if __name__ == "__main__":
    main()

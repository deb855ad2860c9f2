"""The shipped SEDT rule (``pippi.sedt.weekly_hours``) over 100,000 interventions.

Run: ``.venv/bin/python benchmarks/bench_sedt.py`` (``--n 100000``, ``--repeat 3``).

The 1× floor is the same check as a plain Python loop over the same
``Intervention`` objects in the same process; the engine's answers are checked
against it. Measured: outcomes only (``Checker.outcomes``) and every finding
built with its message (``Checker.stream``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from welfare_ambito.model import Intervention, InterventionKind
from welfare_ambito.rules import Checker, Outcome, load_profile

ON = dt.date(2024, 1, 1)
RULE = "pippi.sedt.weekly_hours"


def interventions(n: int) -> list[Intervention]:
    """N synthetic interventions, 90% SEDT, 4–12 weekly hours, EM flag sometimes recorded."""
    rng = random.Random(20240101)
    kinds = [InterventionKind.SEDT] * 9 + [InterventionKind.SCHOOL]
    return [
        Intervention(
            id=f"I{i}",
            kind=rng.choice(kinds),
            weekly_hours=Decimal(rng.randint(4, 12)),
            em_participation_included=rng.choice([None, True, False]),
        )
        for i in range(n)
    ]


def plain_loop(items: list[Intervention], minimum: Decimal) -> list[str]:
    """The same check as a plain Python loop: the 1× floor."""
    out = []
    for item in items:
        if item.kind is not InterventionKind.SEDT:
            out.append("not_applicable")
        elif item.weekly_hours >= minimum:
            out.append("pass")
        else:
            out.append("fail")
    return out


def timed(function: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall time of ``repeat`` runs, in seconds, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def run(n: int = 100_000, repeat: int = 3) -> list[tuple[str, float, float]]:
    """Measure; return ``(name, seconds, ratio to the plain loop)`` rows."""
    items = interventions(n)
    profile = load_profile("seregno-pippi-2023")
    checker = Checker(profile, on=ON, rules=[RULE])
    minimum = profile.parameters.value("pippi.sedt.min_weekly_hours", ON)
    loop_s, expected = timed(lambda: plain_loop(items, minimum), repeat)
    figures = [("plain Python loop (1×)", loop_s, 1.0)]

    def measure(name: str, function: Callable[[], list[str]]) -> None:
        seconds, answers = timed(function, repeat)
        if answers != expected:
            raise SystemExit(f"{name}: answers differ from the plain loop")
        figures.append((name, seconds, seconds / loop_s))

    measure(
        "outcomes only (Checker.outcomes)",
        lambda: [o.value for o in checker.outcomes(items, kind="intervention")],
    )
    measure(
        "every finding with its message (Checker.stream)",
        lambda: [
            f.outcome.value
            for f in checker.stream(items, kind="intervention")
            if f.message or f.outcome is Outcome.PASS
        ],
    )
    return figures


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"SEDT rule: {args.n:,} interventions, median of {args.repeat}, Python {sys.version.split()[0]}"
    )
    for name, seconds, ratio in run(args.n, args.repeat):
        print(f"  {name:<55} {seconds * 1e3:9.1f} ms  {ratio:7.1f}×")


if __name__ == "__main__":
    main()

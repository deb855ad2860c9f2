"""How fast the testing kit's strategies generate plans.

Run: ``.venv/bin/python benchmarks/bench_strategies.py [COUNT]`` (default 1000).
Prints the time to generate COUNT compliant P.I.P.P.I. plans (each passing every
rule of seregno-pippi-2023) and COUNT buildable plans of any shape.
"""

from __future__ import annotations

import sys
import time

from hypothesis import HealthCheck, Phase, given, settings

from welfare_ambito.testing import strategies as was


def generate(strategy: object, count: int) -> tuple[int, float]:
    """Draw ``count`` examples of ``strategy`` through @given; return (drawn, seconds)."""
    drawn = 0

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)  # type: ignore[arg-type]
    def draw(plan: object) -> None:
        nonlocal drawn
        drawn += 1

    start = time.perf_counter()
    draw()
    return drawn, time.perf_counter() - start


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for label, strategy in (
        ("compliant plans (seregno-pippi-2023)", was.plans(profile="seregno-pippi-2023")),
        ("plans of any shape", was.plans()),
        ("plans violating pippi.sedt.weekly_hours", was.plans(violating="pippi.sedt.weekly_hours")),
    ):
        drawn, seconds = generate(strategy, count)
        print(f"{label}: {drawn} in {seconds:.2f} s ({1000 * seconds / max(drawn, 1):.2f} ms each)")


if __name__ == "__main__":
    main()

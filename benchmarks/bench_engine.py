"""Benchmark of the rule engine against the same check written as a plain Python loop.

Run: ``.venv/bin/python benchmarks/bench_engine.py`` (``--n 100000`` subjects by default).
Prints, for one simple rule (SEDT weekly hours ≥ the profile's minimum) over N
synthetic interventions: the plain loop, the engine with outcomes only
(``Checker.tally``), the engine with every finding materialised
(``Checker.stream``), and their ratios; then a 10-Comune plan with 100 families
checked end to end (``evaluate``) and the time of ``import welfare_ambito``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from welfare_ambito.citations import Citation
from welfare_ambito.data import seregno
from welfare_ambito.model import (
    Child,
    CoDesignPlan,
    Family,
    Intervention,
    InterventionKind,
    Partner,
)
from welfare_ambito.rules import Checker, Outcome, Parameters, Verdict, evaluate, load_profile, rule

ON = dt.date(2024, 1, 1)
PARAM = "pippi.sedt.min_weekly_hours"


@rule(
    id="bench.sedt.weekly_hours",
    subject="intervention",
    title={"it": "Ore settimanali SEDT", "en": "SEDT weekly hours"},
    message={
        "it": "{weekly_hours} ore settimanali; minimo {pippi.sedt.min_weekly_hours}",
        "en": "{weekly_hours} hours a week; minimum {pippi.sedt.min_weekly_hours}",
    },
    parameters=(PARAM,),
    reads=("weekly_hours",),
    citation=Citation(
        document="004_45436608c0a0bd55.txt",
        section="SERVIZI E RISORSE UMANE",
        quote="I singoli interventi educativi non possono essere inferiori ad otto ore settimanali",
    ),
    registry=None,
)
def sedt_hours(intervention: Intervention, p: Parameters) -> Verdict:
    """The benchmark's rule."""
    if intervention.kind is not InterventionKind.SEDT:
        return Outcome.NOT_APPLICABLE
    return Outcome.PASS if intervention.weekly_hours >= p[PARAM] else Outcome.FAIL


def subjects(n: int) -> list[Intervention]:
    """N synthetic interventions, 90% SEDT, 4–12 weekly hours."""
    rng = random.Random(20240101)
    kinds = [InterventionKind.SEDT] * 9 + [InterventionKind.SCHOOL]
    return [
        Intervention(id=f"I{i}", kind=rng.choice(kinds), weekly_hours=Decimal(rng.randint(4, 12)))
        for i in range(n)
    ]


def best(function: Callable[[], Any], repeat: int) -> float:
    """Best wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def plain_loop(items: list[Intervention], minimum: Decimal) -> dict[str, int]:
    """The same check as a plain Python loop."""
    counts = {"pass": 0, "fail": 0, "not_applicable": 0}
    for item in items:
        if item.kind is not InterventionKind.SEDT:
            counts["not_applicable"] += 1
        elif item.weekly_hours >= minimum:
            counts["pass"] += 1
        else:
            counts["fail"] += 1
    return counts


def plain_loop_records(items: list[Intervention], minimum: Decimal) -> int:
    """The same check as a plain loop that also builds a record with message and values."""
    count = 0
    shown_minimum = str(minimum)
    for index, item in enumerate(items):
        if item.kind is not InterventionKind.SEDT:
            outcome = "not_applicable"
        elif item.weekly_hours >= minimum:
            outcome = "pass"
        else:
            outcome = "fail"
        hours = str(item.weekly_hours)
        record = {
            "rule": "bench.sedt.weekly_hours",
            "outcome": outcome,
            "path": f"interventions[{index}]",
            "message": f"{hours.replace('.', ',')} ore settimanali; minimo {shown_minimum}",
            "values": {"weekly_hours": hours, PARAM: shown_minimum},
        }
        count += len(record["message"]) > 0
    return count


def ten_comuni_plan(families: int = 100) -> CoDesignPlan:
    """A plan spread over the 10 Comuni of Seregno, one SEDT intervention per family."""
    ambito = seregno()
    names = ambito.names()
    rng = random.Random(7)
    fams = [
        Family(
            id=f"F{i:03d}",
            comune=names[i % len(names)],
            children=(Child(id=f"C{i:03d}", birth_date=dt.date(2014 + i % 8, 1 + i % 12, 1)),),
        )
        for i in range(families)
    ]
    interventions = [
        Intervention(
            id=f"I{i:03d}",
            kind=InterventionKind.SEDT,
            weekly_hours=Decimal(rng.randint(6, 12)),
            family=f"F{i:03d}",
        )
        for i in range(families)
    ]
    return CoDesignPlan(
        id="bench-plan",
        ambito=ambito,
        partner=Partner(name="Cooperativa di prova"),
        programme="pippi",
        families=fams,
        interventions=interventions,
    )


def import_time(repeat: int = 7) -> float:
    """Best time of ``import welfare_ambito`` in a fresh interpreter, minus the bare start-up."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = min(run("pass") for _ in range(repeat))
    full = min(run("import welfare_ambito") for _ in range(repeat))
    return full - bare


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    profile = load_profile("seregno-pippi-2023").derive(id="bench", add=[sedt_hours])
    checker = Checker(profile, on=ON, rules=[sedt_hours.id])
    items = subjects(args.n)
    minimum = profile.parameters.value(PARAM, ON)

    expected = plain_loop(items, minimum)
    tally = checker.tally(items, kind="intervention")
    assert {o.value: tally.outcomes[o] for o in Outcome if o.value in expected} == expected

    def materialise() -> int:
        count = 0
        for finding in checker.stream(items, kind="intervention"):
            count += len(finding.message) > 0 and len(finding.values) > 0
        return count

    loop_s = best(lambda: plain_loop(items, minimum), args.repeat)
    outcomes_s = best(lambda: checker.tally(items, kind="intervention"), args.repeat)
    findings_s = best(materialise, max(1, args.repeat // 2))
    records_s = best(lambda: plain_loop_records(items, minimum), args.repeat)

    plan = ten_comuni_plan()
    pippi_profile = load_profile("seregno-pippi-2023").derive(id="bench-plan", add=[sedt_hours])
    plan_times = [best(lambda: evaluate(plan, pippi_profile, on=ON), 1) for _ in range(20)]
    report = evaluate(plan, pippi_profile, on=ON)

    print(f"Python {sys.version.split()[0]}, {args.n:,} subjects, best of {args.repeat}")
    print(f"plain loop                   {loop_s * 1e3:8.1f} ms")
    print(
        f"engine, outcomes only        {outcomes_s * 1e3:8.1f} ms   ratio {outcomes_s / loop_s:4.2f}x"
    )
    print(
        f"engine, findings materialised{findings_s * 1e3:8.1f} ms   ratio {findings_s / loop_s:4.2f}x"
    )
    print(
        f"plain loop building records  {records_s * 1e3:8.1f} ms   "
        f"engine findings / these: {findings_s / records_s:4.2f}x"
    )
    print(
        f"10-Comune plan, {len(plan.families)} families, {len(report.findings)} findings: "
        f"median {statistics.median(plan_times) * 1e3:.1f} ms, best {min(plan_times) * 1e3:.1f} ms"
    )
    print(f"import welfare_ambito        {import_time() * 1e3:8.1f} ms")


if __name__ == "__main__":
    main()

"""Family screening: the P.I.P.P.I. family rule over 100,000 synthetic families.

Run: ``.venv/bin/python benchmarks/bench_families.py`` (``--n 100000``, ``--repeat 3``).

The rule is the one the peers were measured on (issue 15): ages of the children,
the EM's pre-assessment, the EM's orientation, the abuse flag and trust in the
services, with the profile ``seregno-pippi-2023``. The 1× floor is a plain Python
loop over the same ``Family`` objects in the same process; every path's answers
are checked against it (0 mismatches, or the script stops). Each figure is given
in wall time and in the process's CPU time, with both ratios: on a machine
shared with other jobs, the CPU ratio is the steadier one.

Paths measured:

* row path, outcomes only (``Checker.outcomes``, folded per family);
* row path, every finding built (``Checker.stream``);
* ``eligibility.assess`` per family (``assess_all``, streamed);
* ``eligibility.assess`` of one family, called again and again (µs per call);
* the columnar path from a pandas DataFrame, conversion included
  (``eligibility.columnar.screen``), when numpy and pandas are installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from welfare_ambito.eligibility import assess, assess_all
from welfare_ambito.model import Child, EMOrientation, Family, PreAssessment
from welfare_ambito.rules import Checker, Outcome, Severity, load_profile

ON = dt.date(2024, 3, 1)
PROFILE = "seregno-pippi-2023"
RULES = (
    "pippi.target.age_group",
    "pippi.target.no_abuse",
    "pippi.target.pre_assessment",
    "pippi.target.em_orientation",
    "pippi.target.trust",
)
ELIGIBLE, NOT_ELIGIBLE, REVIEW = "eligible", "not_eligible", "needs_review"


def records(n: int, seed: int = 20240301) -> list[dict[str, Any]]:
    """N synthetic families as plain records: 1–3 children aged 0–17, flags sometimes missing."""
    rng = random.Random(seed)
    pre = [PreAssessment.WORRYING.value] * 8 + [PreAssessment.NOT_WORRYING.value, None]
    orient = [EMOrientation.KEEP_IN_FAMILY.value] * 7 + [
        EMOrientation.REUNIFICATION.value,
        EMOrientation.REMOVAL.value,
        None,
    ]
    flags = [False] * 8 + [True, None]
    trust = [True] * 8 + [False, None]
    removal = [None, None, False, True]
    start = ON.toordinal() - 18 * 366
    out = []
    for i in range(n):
        births = [
            dt.date.fromordinal(rng.randint(start, ON.toordinal()))
            for _ in range(rng.randint(1, 3))
        ]
        out.append(
            {
                "id": f"F{i}",
                "birth_dates": births,
                "pre_assessment": rng.choice(pre),
                "em_orientation": rng.choice(orient),
                "abuse_or_severe_maltreatment": rng.choice(flags),
                "trust_in_services": rng.choice(trust),
                "removal_in_progress": rng.choice(removal),
            }
        )
    return out


def families(rows: list[dict[str, Any]]) -> list[Family]:
    """The records as ``Family`` objects (built once, outside every timing)."""
    return [
        Family(
            id=r["id"],
            children=[
                Child(id=f"{r['id']}-{j}", birth_date=b) for j, b in enumerate(r["birth_dates"])
            ],
            pre_assessment=r["pre_assessment"],
            em_orientation=r["em_orientation"],
            abuse_or_severe_maltreatment=r["abuse_or_severe_maltreatment"],
            trust_in_services=r["trust_in_services"],
            removal_in_progress=r["removal_in_progress"],
        )
        for r in rows
    ]


def plain_loop(items: list[Family], on: dt.date = ON) -> list[str]:
    """The family rule written as a plain Python loop: the 1× floor."""
    keep, reunify = EMOrientation.KEEP_IN_FAMILY, EMOrientation.REUNIFICATION
    worrying = PreAssessment.WORRYING
    leap = on.year % 4 == 0 and (on.year % 100 != 0 or on.year % 400 == 0)
    today = (on.month, on.day)
    out = []
    for family in items:
        fail = review = False
        core = pre = False
        for child in family.children:
            b = child.birth_date
            day = (b.month, b.day)
            if day == (2, 29) and not leap:
                day = (2, 28)
            age = on.year - b.year - (today < day)
            if age <= 11:
                core = True
            elif age <= 14:
                pre = True
        if not (core or pre):
            fail = True
        flag = family.abuse_or_severe_maltreatment
        if flag is None:
            review = True
        elif flag:
            fail = True
        if family.pre_assessment is None:
            review = True
        elif family.pre_assessment is not worrying:
            fail = True
        orientation, removal = family.em_orientation, family.removal_in_progress
        if orientation is None:
            review = True
        elif orientation is keep:
            if removal:
                review = True
        elif orientation is reunify:
            if removal is False:
                review = True
        else:
            fail = True
        trust = family.trust_in_services
        if trust is None:
            review = True
        elif not trust:
            fail = True
        out.append(NOT_ELIGIBLE if fail else REVIEW if review else ELIGIBLE)
    return out


def fold(outcomes: tuple[Outcome, ...], errors: tuple[bool, ...]) -> str:
    """One family's answer from its rules' outcomes (as ``assess`` folds them).

    ``errors[i]`` says whether rule ``i`` has severity ``error`` (only those exclude).
    """
    fail = review = False
    for outcome, error in zip(outcomes, errors, strict=True):
        if outcome is _FAIL and error:
            fail = True
        elif outcome is _REVIEW:
            review = True
    return NOT_ELIGIBLE if fail else REVIEW if review else ELIGIBLE


_FAIL, _REVIEW, _ERROR = Outcome.FAIL, Outcome.NEEDS_REVIEW, Severity.ERROR


def row_outcomes(checker: Checker, items: list[Family]) -> list[str]:
    """Row path, outcomes only, folded per family (each family's outcomes taken together)."""
    errors = tuple(b.severity is _ERROR for b in checker._rules_for("family"))
    per_family = zip(*[checker.outcomes(items, kind="family")] * len(errors), strict=True)
    if all(errors):  # every rule excludes: a failure anywhere is enough
        return [
            NOT_ELIGIBLE if _FAIL in found else REVIEW if _REVIEW in found else ELIGIBLE
            for found in per_family
        ]
    return [fold(found, errors) for found in per_family]


def row_findings(checker: Checker, items: list[Family]) -> list[str]:
    """Row path, every finding built with its message, folded per family."""
    width = len(checker._rules_for("family"))
    out = []
    for findings in zip(*[checker.stream(items, kind="family")] * width, strict=True):
        fail = review = False
        for finding in findings:
            outcome = finding.outcome
            if outcome is _FAIL and finding.severity is _ERROR and finding.message:
                fail = True
            elif outcome is _REVIEW:
                review = True
        out.append(NOT_ELIGIBLE if fail else REVIEW if review else ELIGIBLE)
    return out


def assessed(items: list[Family], profile: Any) -> list[str]:
    """``assess`` on every family (streamed by ``assess_all``)."""
    return [a.outcome.value for a in assess_all(items, on=ON, profile=profile)]


def timed(function: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median wall and CPU time of ``repeat`` runs, in seconds, and the last result.

    The CPU time (``time.process_time``) is what the process itself used: on a
    machine shared with other jobs it moves less than the wall time.
    """
    walls, cpus = [], []
    result = None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


Figure = tuple[str, float, float, float, float]
"""Name, wall seconds, wall ratio to the loop, CPU seconds, CPU ratio to the loop."""


def run(n: int = 100_000, repeat: int = 3) -> list[Figure]:
    """Measure every path; return ``(name, wall s, ratio, CPU s, CPU ratio)`` rows."""
    rows = records(n)
    items = families(rows)
    profile = load_profile(PROFILE)
    checker = Checker(profile, on=ON, rules=RULES)
    loop_s, loop_cpu, expected = timed(lambda: plain_loop(items), repeat)
    figures: list[Figure] = [("plain Python loop (1×)", loop_s, 1.0, loop_cpu, 1.0)]

    def measure(name: str, function: Callable[[], list[str]], times: int = repeat) -> None:
        seconds, cpu, answers = timed(function, times)
        mismatches = sum(a != b for a, b in zip(answers, expected, strict=True))
        if mismatches:
            raise SystemExit(f"{name}: {mismatches} answers differ from the plain loop")
        figures.append((name, seconds, seconds / loop_s, cpu, cpu / loop_cpu))

    measure("row path, outcomes only (Checker.outcomes)", lambda: row_outcomes(checker, items))
    measure("row path, every finding (Checker.stream)", lambda: row_findings(checker, items))
    measure("assess per family (assess_all)", lambda: assessed(items, profile), 1)
    try:
        import pandas as pd

        from welfare_ambito.eligibility import columnar
    except ImportError as error:  # pragma: no cover - optional
        print(f"columnar path skipped: {error}", file=sys.stderr)
    else:
        frame = pd.DataFrame(rows)

        def screen() -> list[str]:
            return list(columnar.screen(frame, on=ON, profile=profile).outcome)

        measure("columnar path from a DataFrame, conversion included", screen)
    one = items[0]
    calls = 20_000

    def assess_one() -> None:
        for _ in range(calls):
            assess(one, on=ON, profile=profile)

    wall, cpu, _ = timed(assess_one, repeat)
    figures.append(
        (
            "assess of one family (µs)",
            wall / calls * 1e6,
            wall / calls / (loop_s / n),
            cpu / calls * 1e6,
            cpu / calls / (loop_cpu / n),
        )
    )
    return figures


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"Family screening: {args.n:,} families, median of {args.repeat}, Python "
        f"{sys.version.split()[0]}; load average {os.getloadavg()[0]:.2f} at the start"
    )
    print(f"  {'path':<55} {'wall':>12} {'× loop':>8} {'CPU':>12} {'× loop':>8}")
    for name, seconds, ratio, cpu, cpu_ratio in run(args.n, args.repeat):
        if name.endswith("(µs)"):
            print(
                f"  {name:<55} {seconds:9.1f} µs {ratio:7.1f}× {cpu:9.1f} µs {cpu_ratio:7.1f}×"
                "  (× one family of the loop)"
            )
        else:
            print(
                f"  {name:<55} {seconds * 1e3:9.1f} ms {ratio:7.1f}× {cpu * 1e3:9.1f} ms "
                f"{cpu_ratio:7.1f}×"
            )
    print(f"  load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()

"""``welfare-ambito check`` of a very large plan: peak memory and CPU time, streamed and held.

Run: ``.venv/bin/python benchmarks/bench_check.py`` (``--n 100000``, ``--format text``,
``--plan-format json``, ``--keep PLAN`` to keep the generated plan).

The plan is the embedded example ``pippi_seregno`` with its families replaced by
``--n`` synthetic ones (the families of ``bench_families.py``: 1–3 children aged
0–17, every judgement sometimes missing; ``F01``… as the example's interventions and groups
name them), so the family rules of
``seregno-pippi-2023`` run on every family and the plan, hour-plan and budget
rules once. A plan that large is over the 16 MB a plan *file* may weigh, so it is
given on standard input (``check -``), as a pipeline would.

Each path runs in a fresh interpreter, one after the other, reading the same plan
and writing its report to a file; the figures are that child's own peak resident
memory (``ru_maxrss``) and CPU time (user + system), read from ``wait4``: on a
machine shared with other jobs they move much less than wall time, which is shown
for reference only. Paths:

* ``check`` — the command as shipped (``welfare-ambito check - --format F -o OUT``);
* ``held`` — what ``check`` did before it streamed: the whole report built by
  ``evaluate`` and then rendered by ``render`` (same plan, same format).

The two outputs are compared byte for byte (the script stops if they differ).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

from bench_families import records

from welfare_ambito import data

HELD = """
import sys
from welfare_ambito.convert import loads
from welfare_ambito.rules.engine import evaluate
from welfare_ambito.rules.profiles import profile_for
from welfare_ambito.rules.render import render

fmt, out = sys.argv[1], sys.argv[2]
text = sys.stdin.buffer.read().decode("utf-8-sig")
plan = loads(text, "json")
report = evaluate(plan, profile_for(plan))
with open(out, "w", encoding="utf-8", newline="") as handle:
    handle.write(render(report, fmt))
print("exit", 0 if report.ok else 1)
"""
"""The held path: the report built whole, then rendered (``check`` before it streamed)."""


def plan_document(n: int, seed: int = 20240301) -> dict[str, Any]:
    """The example plan ``pippi_seregno`` with ``n`` synthetic families, as plain data."""
    document: dict[str, Any] = tomllib.loads(data.example_text("pippi_seregno"))
    families = []
    for index, row in enumerate(records(n, seed), 1):
        ident = f"F{index:02d}"  # F01…F09 are the ones the example's interventions name
        family: dict[str, Any] = {"id": ident}
        for name in (
            "pre_assessment",
            "em_orientation",
            "abuse_or_severe_maltreatment",
            "trust_in_services",
            "removal_in_progress",
        ):
            if row[name] is not None:
                family[name] = row[name]
        family["children"] = [
            {"id": f"{ident}-C{j}", "birth_date": day.isoformat()}
            for j, day in enumerate(row["birth_dates"], 1)
        ]
        families.append(family)
    document["families"] = families
    return document


def write_plan(n: int, path: Path, fmt: str = "json") -> None:
    """Write the plan of ``n`` families to ``path`` as JSON or TOML."""
    document = plan_document(n)
    if fmt == "json":
        path.write_text(json.dumps(document, ensure_ascii=False, default=str), encoding="utf-8")
    else:
        from welfare_ambito import _toml

        path.write_text(_toml.dumps(document), encoding="utf-8")


def measured(command: list[str], plan: Path) -> tuple[float, float, float, int]:
    """Run ``command`` with ``plan`` on its standard input.

    Returns ``(peak RSS in MB, CPU seconds, wall seconds, exit code)`` of the child.
    """
    # One hash seed for both paths: the JSON values of the partner rules hold the text of a
    # frozenset, whose order follows string hashes (reported; fixed seed to compare bytes).
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    start = time.perf_counter()
    with open(plan, "rb") as stdin:
        child = subprocess.Popen(command, stdin=stdin, stdout=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return usage.ru_maxrss / 1024, cpu, wall, child.returncode


def main() -> int:
    """Generate the plan, run both paths, print the figures; non-zero if outputs differ."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="number of families")
    parser.add_argument("--format", default="text", help="the report's --format")
    parser.add_argument("--plan-format", choices=("json", "toml"), default="json")
    parser.add_argument("--keep", metavar="PLAN", help="keep the generated plan at PLAN")
    parser.add_argument("--only", choices=("check", "held"), help="run one path only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(args.keep or Path(folder) / f"plan.{args.plan_format}")
        write_plan(args.n, plan, args.plan_format)
        size = plan.stat().st_size / 1e6
        print(
            f"check of a plan of {args.n:,} families ({size:.1f} MB of {args.plan_format.upper()}"
            f" on stdin), --format {args.format}, Python {sys.version.split()[0]}; "
            f"load average {os.getloadavg()[0]:.2f}"
        )
        outputs: dict[str, Path] = {}
        paths = {
            "check": [
                sys.executable,
                "-m",
                "welfare_ambito",
                "check",
                "-",
                "--format",
                args.format,
                "-o",
                str(Path(folder) / "check.out"),
            ],
            "held": [
                sys.executable,
                "-c",
                HELD,
                args.format,
                str(Path(folder) / "held.out"),
            ],
        }
        print(f"  {'path':<8} {'peak RSS':>10} {'CPU':>9} {'wall':>9}  exit")
        for name, command in paths.items():
            if args.only and name != args.only:
                continue
            rss, cpu, wall, code = measured(command, plan)
            print(f"  {name:<8} {rss:7.1f} MB {cpu:7.2f} s {wall:7.2f} s  {code}", flush=True)
            if name == "check" and code not in (0, 1):
                return code
            outputs[name] = Path(folder) / f"{name}.out"
        if len(outputs) == 2:
            same = outputs["check"].read_bytes() == outputs["held"].read_bytes()
            print(f"  outputs byte-identical: {same}")
            if not same:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

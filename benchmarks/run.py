"""Run every benchmark script in benchmarks/ and print its figures (``make bench``).

Run: ``.venv/bin/python benchmarks/run.py [--quick]``. Each ``bench_*.py``
runs in a fresh interpreter, one after the other (never in parallel: they
would measure each other). The headline scripts print ratios to a plain
Python loop measured in the same run; ``--quick`` passes a smaller size to
the scripts that take one, to check that they run.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = (
    "bench_families.py",
    "bench_sedt.py",
    "bench_dask.py",
    "bench_engine.py",
    "bench_budget.py",
)
"""Headline first; the others after, then any script not listed here."""
QUICK = {
    "bench_families.py": ["--n", "5000", "--repeat", "1"],
    "bench_sedt.py": ["--n", "10000", "--repeat", "1"],
    "bench_engine.py": ["--n", "10000", "--repeat", "1"],
    "bench_strategies.py": ["50"],
    "bench_dask.py": ["--n", "32000"],
    "bench_check.py": ["--n", "5000"],
}


def scripts() -> list[Path]:
    """The benchmark scripts, headline first."""
    found = sorted(HERE.glob("bench_*.py"))
    ranked = [HERE / name for name in ORDER if (HERE / name) in found]
    return ranked + [path for path in found if path not in ranked]


def main() -> int:
    """Run each script; return non-zero if any failed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes: check they run")
    args = parser.parse_args()
    print(
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
        f"{platform.processor() or 'unknown CPU'}"
    )
    failed = []
    for path in scripts():
        extra = QUICK.get(path.name, []) if args.quick else []
        print(f"\n== {path.name} {' '.join(extra)}".rstrip(), flush=True)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(path), *extra], check=False)
        print(f"   ({time.perf_counter() - start:.1f} s)", flush=True)
        if done.returncode:
            failed.append(path.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

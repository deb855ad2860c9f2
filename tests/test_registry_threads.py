"""Evaluating from several threads right after a fresh import sees every built-in rule."""

from __future__ import annotations

import subprocess
import sys

import pytest

_SCRIPT = """
import sys, threading
from welfare_ambito import data
from welfare_ambito.rules import evaluate

plan = data.example("pippi_seregno")
threads = int(sys.argv[1])
errors = []
barrier = threading.Barrier(threads)

def run():
    barrier.wait()
    try:
        if not evaluate(plan, "seregno-pippi-2023").ok:
            errors.append("report not ok")
    except BaseException as exc:
        errors.append(repr(exc)[:300])

workers = [threading.Thread(target=run) for _ in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print(errors)
sys.exit(1 if errors else 0)
"""


@pytest.mark.parametrize("threads", [2, 8])
def test_cold_start_evaluation_from_several_threads(threads: int) -> None:
    """Each run is a fresh interpreter, so the registry loads its rules under contention."""
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", _SCRIPT, str(threads)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr

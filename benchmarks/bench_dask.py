"""Dask: 1,000,000 families in 16 partitions on 2 local worker processes, against one process.

Run: ``.venv/bin/python benchmarks/bench_dask.py`` (``--n 1000000 --partitions 16``).

Each partition is built where it is screened (as each worker reads its own
Ambito's CSV in the national case), then screened with
``welfare_ambito.dask.screen_partitions``. The one-process figure builds and
screens the same partitions one after the other in this process. Both count
the outcomes, and the counts must agree. Needs the ``dask`` extra with
``distributed``; on a machine with fewer than 2 free cores the ratio says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from typing import Any

import numpy as np
import pandas as pd

ON = dt.date(2024, 3, 1)


def partition(seed: int, size: int) -> pd.DataFrame:
    """``size`` synthetic families (CSV form: dates joined by ``;``), from ``seed``."""
    rng = np.random.default_rng(seed)
    counts = rng.integers(1, 4, size)
    days = rng.integers(0, 18 * 365, counts.sum())
    born = (np.datetime64(ON) - days).astype("datetime64[D]")
    text = np.datetime_as_string(born).tolist()
    births, start = [], 0
    for count in counts.tolist():
        births.append(";".join(text[start : start + count]))
        start += count

    def pick(values: list[Any], weights: list[float]) -> list[Any]:
        return [values[i] for i in rng.choice(len(values), size, p=weights).tolist()]

    return pd.DataFrame(
        {
            "id": [f"P{seed}-F{i}" for i in range(size)],
            "birth_dates": births,
            "pre_assessment": pick(["worrying", "not_worrying", None], [0.8, 0.1, 0.1]),
            "em_orientation": pick(
                ["keep_in_family", "reunification", "removal", None], [0.7, 0.1, 0.1, 0.1]
            ),
            "abuse_or_severe_maltreatment": pick([False, True, None], [0.8, 0.1, 0.1]),
            "trust_in_services": pick([True, False, None], [0.8, 0.1, 0.1]),
            "removal_in_progress": pick([None, False, True], [0.5, 0.25, 0.25]),
        }
    )


def screened_counts(seed: int, size: int) -> pd.Series:
    """Build one partition, screen it, count its outcomes (the one-process unit of work)."""
    from welfare_ambito.dask import screen_frame

    return screen_frame(partition(seed, size), on=ON)["outcome"].value_counts()


def main() -> None:
    """Run both and print the ratio."""
    import dask
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    from welfare_ambito.dask import screen_partitions

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--partitions", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    size = args.n // args.partitions

    start = time.perf_counter()
    one: dict[str, int] = {}
    for k in range(args.partitions):
        for outcome, count in screened_counts(k, size).items():
            one[str(outcome)] = one.get(str(outcome), 0) + int(count)
    one_s = time.perf_counter() - start

    with (
        dask.config.set({"dataframe.convert-string": False}),
        LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: __import__("welfare_ambito.eligibility.columnar"))  # warm workers
        frame = dd.from_map(partition, range(args.partitions), size=size)
        start = time.perf_counter()
        counts = screen_partitions(frame, on=ON)["outcome"].value_counts().compute()
        many_s = time.perf_counter() - start
    if {str(k): int(v) for k, v in counts.items()} != one:
        raise SystemExit("the cluster and the single process disagree")
    print(
        f"Dask: {args.n:,} families in {args.partitions} partitions, "
        f"{args.workers} local workers, {os.cpu_count()} CPUs"
    )
    print(f"  one process (same partitions, one after the other) {one_s:8.2f} s")
    print(f"  {args.workers} worker processes (map_partitions)           {many_s:8.2f} s")
    print(f"  speed-up                                           {one_s / many_s:8.2f}×")


if __name__ == "__main__":
    main()

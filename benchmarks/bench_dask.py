"""Dask: families screened from a CSV per Ambito, 2 local worker processes against one process.

Run (the issue-15 target: 1,000,000 families in 16 partitions, 2 workers, ≥ 1.6×)::

    .venv/bin/python benchmarks/bench_dask.py --n 1000000 --partitions 16 --workers 2 --repeat 3

(those are the defaults). Run it on an otherwise idle machine with at least as
many free cores as workers: on shared cores the wall-time ratio measures the
other jobs. ``--folder DIR`` keeps the CSV files there (written once, reused).

The work is the national recipe of ``docs/howto/screen-population.md``: one
CSV file per Ambito (written before any timing; ``--n`` families in
``--partitions`` files, 1–3 children each, birth dates joined by ``;``, every
judgement sometimes empty), each file read, screened on the columnar path
(:func:`welfare_ambito.dask.screen_frame`: the table of family, outcome, group
and missing inputs) and its outcomes counted (:func:`~welfare_ambito.dask.tally_frame`).
Both sides do exactly that, on the same files:

* **one process**: a plain loop in this process, file after file, with pandas
  (``pandas.read_csv(path, dtype=CSV_DTYPES)``), the counts added up;
* **Dask, N workers**: ``tally(screen_partitions(read_families_csv(files)))``
  on a ``LocalCluster`` of N single-threaded worker processes; each worker
  reads its own files and only the counts come back (no shuffle).

The workers start with :data:`welfare_ambito.dask.CLUSTER_CONFIG` (Dask's
nanny would otherwise make every partition's arrays fresh memory from the
system: ``--dask-defaults`` measures that). Both sides are warmed first
(imports and the profile loaded, in this process and in each worker, and one
untimed call of each), then timed ``--repeat`` times, alternating; the
medians are reported: wall times, and CPU times (this process; for Dask the
workers' sum and this process's, client and scheduler), which tell the work
from the waiting when the machine is shared. The last line is the speed-up
the CPU spent allows on idle cores (one process's CPU × workers / the
cluster's CPU): the wall-time ratio cannot beat it. ``--verbose`` prints
every run with each worker's CPU (an even split taking twice its CPU in wall
time means the cores were not free). The counts of the two sides must be
equal, and equal to the row path's (``assess``) on a sample of families, or
the script stops. Needs the ``dask`` extra with ``distributed``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ON = dt.date(2024, 3, 1)
PROFILE = "seregno-pippi-2023"


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


def write_files(folder: Path, n: int, partitions: int) -> list[str]:
    """The CSV files, one per partition (reused when already there with the same size)."""
    size = n // partitions
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(partitions):
        path = folder / f"ambito-{k:03d}-of-{partitions}-{size}.csv"
        if not path.exists():
            partition(k, size).to_csv(path, index=False)
        paths.append(str(path))
    return paths


def one_process(paths: list[str]) -> dict[str, int]:
    """Every file read, screened and counted in this process, one after the other."""
    from welfare_ambito.dask import CSV_DTYPES, screen_frame, tally_frame

    total: dict[str, int] = {}
    for path in paths:
        counts = tally_frame(screen_frame(pd.read_csv(path, dtype=CSV_DTYPES), on=ON))
        for outcome, count in counts.iloc[0].items():
            total[str(outcome)] = total.get(str(outcome), 0) + int(count)
    return total


def warm() -> None:
    """Import the columnar path and Dask's CSV reader, load the profile (as a first partition)."""
    import dask.dataframe.io.csv  # noqa: F401  (what a worker imports at its first file)

    from welfare_ambito.dask import screen_frame

    screen_frame(pd.DataFrame({"id": ["W"], "birth_dates": ["2016-04-12"]}), on=ON)


def check_sample(path: str) -> None:
    """The columnar answers of the first file's first 2,000 families are the row path's."""
    from welfare_ambito.dask import CSV_DTYPES, screen_frame
    from welfare_ambito.eligibility import assess
    from welfare_ambito.eligibility.columnar import FamilyBatch

    frame = pd.read_csv(path, dtype=CSV_DTYPES, nrows=2000)
    screened = screen_frame(frame, on=ON)["outcome"].tolist()
    row = [assess(f, on=ON).outcome.value for f in FamilyBatch.from_columns(frame).families()]
    if screened != row:
        raise SystemExit("the columnar path and the row path disagree")


def main() -> None:
    """Write the files, run both sides, print wall times, CPU time and the ratio."""
    import dask
    from dask.distributed import Client, LocalCluster

    from welfare_ambito.dask import CLUSTER_CONFIG, read_families_csv, screen_partitions, tally

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--partitions", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=None, help="keep the CSV files here")
    parser.add_argument(
        "--dask-defaults",
        action="store_true",
        help="start the workers with Dask's defaults, not welfare_ambito.dask.CLUSTER_CONFIG",
    )
    parser.add_argument("--verbose", action="store_true", help="print every run")
    args = parser.parse_args()
    config = {"dataframe.convert-string": False}
    if not args.dask_defaults:
        config.update(CLUSTER_CONFIG)

    with tempfile.TemporaryDirectory() as scratch:
        paths = write_files(args.folder or Path(scratch), args.n, args.partitions)
        size = args.n // args.partitions
        check_sample(paths[0])
        warm()
        one_wall, one_cpu, many_wall, workers_cpu, client_cpu = [], [], [], [], []
        with (
            dask.config.set(config),
            LocalCluster(
                n_workers=args.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            ) as cluster,
            Client(cluster) as client,
        ):
            client.run(warm)

            def on_cluster(files: list[str]) -> Any:
                lazy = tally(screen_partitions(read_families_csv(files, blocksize=None), on=ON))
                return client.compute(lazy).result()

            one_process(paths[:2]), on_cluster(paths[:2])  # first calls: untimed
            for _ in range(args.repeat):
                wall, cpu = time.perf_counter(), time.process_time()
                one = one_process(paths)
                one_wall.append(time.perf_counter() - wall)
                one_cpu.append(time.process_time() - cpu)

                before = client.run(time.process_time)
                wall, cpu = time.perf_counter(), time.process_time()
                counts = on_cluster(paths)
                many_wall.append(time.perf_counter() - wall)
                client_cpu.append(time.process_time() - cpu)
                after = client.run(time.process_time)
                workers_cpu.append(sum(after[w] - before[w] for w in after))
                if args.verbose:
                    split = ", ".join(f"{after[w] - before[w]:.2f}" for w in after)
                    print(
                        f"  run: one {one_wall[-1]:.2f} s, Dask {many_wall[-1]:.2f} s (workers CPU {split})"
                    )
                many = {str(k): int(v) for k, v in counts.items()}
                if many != one or sum(one.values()) != size * args.partitions:
                    raise SystemExit(f"the cluster and the single process disagree: {many} {one}")
    one_s, many_s = statistics.median(one_wall), statistics.median(many_wall)
    cpu_s = statistics.median(one_cpu)
    print(
        f"Dask: {size * args.partitions:,} families in {args.partitions} CSV files "
        f"({size:,} each), {args.workers} local workers "
        f"({'Dask defaults' if args.dask_defaults else 'CLUSTER_CONFIG'}), {os.cpu_count()} CPUs, "
        f"median of {args.repeat}; counts {one}"
    )
    print(
        f"  one process (pandas, file after file)   {one_s:8.2f} s wall, {cpu_s:6.2f} s CPU "
        f"({1e6 * cpu_s / (size * args.partitions):.2f} µs CPU a family)"
    )
    print(
        f"  {args.workers} worker processes (Dask)           {many_s:8.2f} s wall, "
        f"{statistics.median(workers_cpu):6.2f} s CPU in the workers, "
        f"{statistics.median(client_cpu):.2f} s in this process (client and scheduler)"
    )
    print(f"  speed-up (one process / workers, wall)  {one_s / many_s:8.2f}×")
    spent = statistics.median(workers_cpu) + statistics.median(client_cpu)
    print(
        f"  (the CPU spent allows at most {args.workers * cpu_s / spent:.2f}× on "
        f"{args.workers} idle cores: one process's CPU × {args.workers} / the cluster's CPU)"
    )


if __name__ == "__main__":
    main()

"""The Dask recipe: a DataFrame screened partition by partition on a local cluster of 2 workers."""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd
import pytest

from welfare_ambito.eligibility import assess
from welfare_ambito.eligibility.columnar import FamilyBatch

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

from welfare_ambito.dask import (  # noqa: E402
    CLUSTER_CONFIG,
    OUTCOMES,
    read_families_csv,
    screen_frame,
    screen_partitions,
    tally,
)

ON = dt.date(2024, 2, 29)


def _frame(n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        rows.append(
            {
                "id": f"F{i}",
                "birth_dates": ";".join(
                    f"{2006 + (i + k) % 18}-{1 + (i * 7 + k) % 12:02d}-{1 + (i * 5) % 28:02d}"
                    for k in range(1 + i % 3)
                ),
                "pre_assessment": [None, "worrying", "worrying", "not_worrying"][i % 4],
                "em_orientation": ["keep_in_family", "reunification", None, "removal"][i % 4 - 1],
                "abuse_or_severe_maltreatment": [False, True, None][i % 3],
                "trust_in_services": [True, None, False, True, True][i % 5],
                "removal_in_progress": [None, True, False][i % 3],
            }
        )
    return pd.DataFrame(rows)


def test_csv_files_screened_on_a_local_cluster_match_assess(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """2 worker processes read and screen 8 files; every family gets assess's answer and count.

    The workers start with CLUSTER_CONFIG: no memory trimming set by the nanny, no profiler.
    """
    frame = _frame(400)
    paths = []
    for k in range(8):
        paths.append(str(tmp_path / f"ambito-{k}.csv"))
        frame.iloc[k * 50 : (k + 1) * 50].to_csv(paths[-1], index=False)
    assessed = [assess(f, on=ON) for f in FamilyBatch.from_columns(frame).families()]
    expected = [a.outcome.value for a in assessed]
    with (
        dask.config.set(CLUSTER_CONFIG),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        screened = screen_partitions(read_families_csv(paths), on=ON)
        result, counts = client.compute([screened, tally(screened)], sync=True)
        assert len(client.scheduler_info()["workers"]) == 2
        trim = client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_")
        assert set(trim.values()) == {os.environ.get("MALLOC_TRIM_THRESHOLD_")}
        profiling = client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
        assert set(profiling.values()) == {False}
    assert list(result.columns) == ["family", "outcome", "group", "missing"]
    assert result["family"].tolist() == frame["id"].tolist()
    assert result["outcome"].tolist() == expected
    assert result["missing"].tolist() == [";".join(a.missing) for a in assessed]
    assert counts.to_dict() == {o: expected.count(o) for o in OUTCOMES}
    assert sum(counts) == 400
    assert min(counts) > 0


def test_a_screened_partition_has_the_declared_columns_and_types() -> None:
    """Each partition's table has meta's columns and types, so Dask never has to guess."""
    frame = _frame(30)
    lazy = screen_partitions(dd.from_pandas(frame, npartitions=3), on=ON)
    part = screen_frame(frame, on=ON)
    assert list(part.columns) == list(lazy._meta.columns)
    assert part.dtypes.tolist() == lazy._meta.dtypes.tolist()
    assert part.index.equals(frame.index)


def test_a_csv_per_ambito_reads_back_with_flags_kept(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """CSV files read with read_families_csv screen as the frame they were written from."""
    frame = _frame(60)
    for k in range(3):
        frame.iloc[k * 20 : (k + 1) * 20].to_csv(tmp_path / f"ambito-{k}.csv", index=False)
    lazy = screen_partitions(read_families_csv(str(tmp_path / "ambito-*.csv")), on=ON)
    result = lazy.compute(scheduler="sync")
    expected = [assess(f, on=ON).outcome.value for f in FamilyBatch.from_columns(frame).families()]
    assert result["outcome"].tolist() == expected


def test_tally_is_one_task_per_partition(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Reading, screening and counting a file are one task (nothing stored between them)."""
    frame = _frame(80)
    paths = []
    for k in range(8):
        paths.append(str(tmp_path / f"ambito-{k}.csv"))
        frame.iloc[k * 10 : (k + 1) * 10].to_csv(paths[-1], index=False)
    lazy = tally(screen_partitions(read_families_csv(paths), on=ON))
    names = [key[0] if isinstance(key, tuple) else key for key in lazy.__dask_graph__()]
    per_partition = [n for n in names if "read" in n and "screen_frame" in n and "tally" in n]
    assert len(per_partition) == 8
    assert len(names) < 12
    assert lazy.compute(scheduler="sync").sum() == 80

"""The Dask recipe: a DataFrame screened partition by partition on a local cluster of 2 workers."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from welfare_ambito.eligibility import assess
from welfare_ambito.eligibility.columnar import FamilyBatch

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

from welfare_ambito.dask import read_families_csv, screen_partitions  # noqa: E402

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


def test_screen_partitions_on_a_local_cluster_matches_assess() -> None:
    """2 worker processes screen 8 partitions; every family gets assess's answer."""
    frame = _frame(400)
    expected = [assess(f, on=ON).outcome.value for f in FamilyBatch.from_columns(frame).families()]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        with dask.config.set({"dataframe.convert-string": False}):
            lazy = screen_partitions(dd.from_pandas(frame, npartitions=8), on=ON)
        result = client.compute(lazy).result()
    assert list(result.columns) == ["family", "outcome", "group", "missing"]
    assert result["family"].tolist() == frame["id"].tolist()
    assert result["outcome"].tolist() == expected


def test_a_csv_per_ambito_reads_back_with_flags_kept(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """CSV files read with read_families_csv screen as the frame they were written from."""
    frame = _frame(60)
    for k in range(3):
        frame.iloc[k * 20 : (k + 1) * 20].to_csv(tmp_path / f"ambito-{k}.csv", index=False)
    lazy = screen_partitions(read_families_csv(str(tmp_path / "ambito-*.csv")), on=ON)
    result = lazy.compute(scheduler="sync")
    expected = [assess(f, on=ON).outcome.value for f in FamilyBatch.from_columns(frame).families()]
    assert result["outcome"].tolist() == expected

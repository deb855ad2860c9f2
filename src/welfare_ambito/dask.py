"""Screen a Dask DataFrame of families with the columnar path, partition by partition.

:func:`screen_partitions` maps :func:`welfare_ambito.eligibility.screen` over
the partitions of a Dask DataFrame (``map_partitions`` with its ``meta``
given), so any Dask scheduler runs it: threads, processes or a distributed
cluster. Everything a worker needs pickles with the standard library.
:func:`read_families_csv` reads a CSV per Ambito, each in the worker that
screens it; :func:`tally` counts the outcomes where the partitions are (no
shuffle); :data:`CLUSTER_CONFIG` is what the workers should start with.

Needs the ``dask`` extra (``pip install "welfare-ambito[dask]"``); nothing here
is imported by ``import welfare_ambito``.

>>> import datetime as dt
>>> import pandas as pd
>>> import dask
>>> import dask.dataframe as dd
>>> with dask.config.set({"dataframe.convert-string": False}):  # keep True/False/None as they are
...     frame = dd.from_pandas(pd.DataFrame({
...         "id": ["F1", "F2"], "birth_dates": ["2016-04-12", "2007-01-05;2019-03-01"],
...         "pre_assessment": ["worrying"] * 2, "em_orientation": ["keep_in_family"] * 2,
...         "abuse_or_severe_maltreatment": [False] * 2, "trust_in_services": [True, None]}),
...         npartitions=2)
>>> screened = screen_partitions(frame, on=dt.date(2023, 6, 1))
>>> screened.compute(scheduler="sync")[["family", "outcome", "missing"]].to_dict("records")
[{'family': 'F1', 'outcome': 'eligible', 'missing': ''}, {'family': 'F2', 'outcome': 'needs_review', 'missing': 'trust_in_services'}]
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = [
    "CLUSTER_CONFIG",
    "CSV_DTYPES",
    "META_COLUMNS",
    "OUTCOMES",
    "read_families_csv",
    "screen_frame",
    "screen_partitions",
    "tally",
    "tally_frame",
]

META_COLUMNS = ("family", "outcome", "group", "missing")
"""The columns of a screened partition: family id, outcome, group, missing inputs (``;``-joined).

>>> META_COLUMNS
('family', 'outcome', 'group', 'missing')
"""


def screen_frame(frame: Any, *, on: dt.date, profile: Any = "seregno-pippi-2023") -> Any:
    """Screen one pandas DataFrame (a partition): the :data:`META_COLUMNS` as a DataFrame.

    ``birth_dates`` may be a list per family or text with the dates joined by
    ``;`` (the form a CSV holds). The result keeps the partition's index.

    >>> import pandas as pd
    >>> out = screen_frame(pd.DataFrame({"id": ["F1"], "birth_dates": ["2016-04-12"]}),
    ...                    on=dt.date(2023, 6, 1))
    >>> out.loc[0, "outcome"], out.loc[0, "missing"]
    ('needs_review', 'abuse_or_severe_maltreatment;pre_assessment;em_orientation;trust_in_services')
    """
    import pandas as pd

    from welfare_ambito.eligibility.columnar import screen

    result = screen(frame, on=on, profile=profile)
    return pd.DataFrame(
        {
            "family": result.ids,
            "outcome": result.outcome,
            "group": result.group,
            "missing": result.missing_joined(";"),
        },
        index=frame.index,
        columns=list(META_COLUMNS),
        dtype=object,
    )


CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}
"""Dask settings for the workers of a cluster that screens: set them before it starts.

* ``MALLOC_TRIM_THRESHOLD_`` unset (``None``: the C library's default). Dask's
  nanny starts each worker with ``65536`` so that freed memory goes back to
  the system at once; screening a partition allocates and frees arrays the
  size of the partition, and with that setting each one is fresh memory from
  the system again: measured on the national recipe, 20 times the page faults
  and about 20% more CPU per family in the workers than in one process.
* The workers' statistical profiler off: it samples the running task's
  stack every 10 ms (3–5% of a screening's CPU) for the dashboard's profile
  page, which a batch screening does not need.
* The scheduler's and the workers' health ticks every second (not every
  20 ms) and their system monitor every 5 s (not 0.5 s): idle, a local
  cluster's scheduler and client then take about 0.6% of a core instead of
  5%, which on a machine with as many cores as workers the workers get back.

Use it around the cluster's start (``LocalCluster``, or the process that
starts the workers)::

    with dask.config.set(CLUSTER_CONFIG):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1)

>>> CLUSTER_CONFIG["distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"] is None
True
"""


FLAGS = ("abuse_or_severe_maltreatment", "trust_in_services", "removal_in_progress")

CSV_DTYPES: dict[str, Any] = {
    "id": object,
    "birth_dates": object,
    "pre_assessment": object,
    "em_orientation": object,
    **dict.fromkeys(FLAGS, "boolean"),
}
"""The column types a families CSV is read with: text as Python text, flags as nullable booleans.

The same for :func:`read_families_csv` and for one file read with pandas
(``pandas.read_csv(path, dtype=CSV_DTYPES)``).

>>> CSV_DTYPES["trust_in_services"], CSV_DTYPES["birth_dates"]
('boolean', <class 'object'>)
"""


def read_families_csv(urlpath: Any, **kwargs: Any) -> Any:
    """Read families from CSV files (one row per family) as a Dask DataFrame, types kept.

    Flags are read as pandas' nullable booleans (``True``/``False``/empty),
    the other columns as text (:data:`CSV_DTYPES`); Dask's conversion of text
    columns to its string type is turned off so that a flag stays a flag.
    ``birth_dates`` holds the dates joined by ``;``. Each worker reads its own
    files (a file is a partition unless it is larger than ``blocksize``):
    nothing but the file names travels from the client. Other keywords go to
    :func:`dask.dataframe.read_csv` (``blocksize``, ``storage_options``, …).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "ambito-001.csv").write_text(
    ...     "id,birth_dates,trust_in_services\\nF1,2016-04-12,True\\nF2,2015-01-01;2019-05-05,\\n")
    >>> frame = read_families_csv(str(folder / "ambito-*.csv")).compute()
    >>> frame["trust_in_services"].tolist()
    [True, <NA>]
    """
    import dask
    import dask.dataframe as dd

    dtypes = {**CSV_DTYPES, **kwargs.pop("dtype", {})}
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.read_csv(urlpath, dtype=dtypes, **kwargs)


def _meta() -> Any:
    import pandas as pd

    return pd.DataFrame({name: pd.Series([], dtype=object) for name in META_COLUMNS})


def screen_partitions(frame: Any, *, on: dt.date, profile: Any = "seregno-pippi-2023") -> Any:
    """A lazy Dask DataFrame of :data:`META_COLUMNS`: each partition screened on the columnar path.

    ``profile`` is an embedded id (each worker loads and binds it once) or a
    :class:`~welfare_ambito.rules.Profile` (shipped with plain pickle).
    Nothing runs until ``.compute()``, ``.to_parquet()`` or the like.

    >>> import pandas as pd
    >>> import dask.dataframe as dd
    >>> frame = dd.from_pandas(pd.DataFrame({"id": ["F1"], "birth_dates": ["2016-04-12"]}),
    ...                        npartitions=1)
    >>> list(screen_partitions(frame, on=dt.date(2023, 6, 1)).columns)
    ['family', 'outcome', 'group', 'missing']
    """
    return frame.map_partitions(screen_frame, on=on, profile=profile, meta=_meta())


OUTCOMES = ("eligible", "not_eligible", "needs_review")
"""The outcomes :func:`tally` counts, in its order (the values of ``EligibilityOutcome``).

>>> from welfare_ambito.eligibility import EligibilityOutcome
>>> OUTCOMES == tuple(o.value for o in EligibilityOutcome)
True
"""


def tally_frame(screened: Any) -> Any:
    """Families per outcome of one screened pandas DataFrame: a one-row DataFrame of counts.

    The unit :func:`tally` runs in each partition.

    >>> import pandas as pd
    >>> tally_frame(pd.DataFrame({"outcome": ["eligible", "needs_review", "eligible"]}))
       eligible  not_eligible  needs_review
    0         2             0             1
    """
    import numpy as np
    import pandas as pd

    outcome = screened["outcome"].to_numpy()
    return pd.DataFrame(
        {value: [np.count_nonzero(outcome == value)] for value in OUTCOMES}, dtype=np.int64
    )


def tally(screened: Any) -> Any:
    """Families per outcome of a screened Dask DataFrame (lazy): counted where each partition is.

    Each partition is counted where it was screened and only the counts (a
    row of three numbers per partition) are summed, so nothing is shuffled
    between workers (``value_counts`` of a text column would shuffle). The
    steps of a partition (reading, screening, counting) are fused into one
    task, which Dask's distributed scheduler does not do by itself: no
    screened table is stored between tasks. ``.compute()`` gives a pandas
    Series indexed by :data:`OUTCOMES`.

    >>> import pandas as pd
    >>> import dask.dataframe as dd
    >>> frame = dd.from_pandas(pd.DataFrame({"id": ["F1", "F2"],
    ...     "birth_dates": ["2016-04-12", "2001-01-01"]}), npartitions=2)
    >>> tally(screen_partitions(frame, on=dt.date(2023, 6, 1))).compute(scheduler="sync").to_dict()
    {'eligible': 0, 'not_eligible': 1, 'needs_review': 1}
    """
    import numpy as np
    import pandas as pd

    meta = pd.DataFrame({value: pd.Series([], dtype=np.int64) for value in OUTCOMES})
    return screened.map_partitions(tally_frame, meta=meta).sum().optimize(fuse=True)

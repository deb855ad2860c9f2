"""Screen a Dask DataFrame of families with the columnar path, partition by partition.

:func:`screen_partitions` maps :func:`welfare_ambito.eligibility.screen` over
the partitions of a Dask DataFrame (``map_partitions`` with its ``meta``
given), so any Dask scheduler runs it: threads, processes or a distributed
cluster. Everything a worker needs pickles with the standard library.

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

__all__ = ["META_COLUMNS", "read_families_csv", "screen_frame", "screen_partitions"]

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
    missing = result.missing() if (result.outcome == "needs_review").any() else None
    return pd.DataFrame(
        {
            "family": result.ids,
            "outcome": result.outcome,
            "group": result.group,
            "missing": [";".join(m) for m in missing] if missing is not None else "",
        },
        index=frame.index,
        columns=list(META_COLUMNS),
    )


FLAGS = ("abuse_or_severe_maltreatment", "trust_in_services", "removal_in_progress")


def read_families_csv(urlpath: Any, **kwargs: Any) -> Any:
    """Read families from CSV files (one row per family) as a Dask DataFrame, types kept.

    Flags are read as pandas' nullable booleans (``True``/``False``/empty),
    the other columns as text; Dask's conversion of text columns to its string
    type is turned off so that a flag stays a flag. ``birth_dates`` holds the
    dates joined by ``;``. Other keywords go to :func:`dask.dataframe.read_csv`
    (``blocksize``, ``storage_options``, …).

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

    dtypes: dict[str, Any] = dict.fromkeys(FLAGS, "boolean")
    dtypes.update({"id": object, "birth_dates": object})
    dtypes.update({"pre_assessment": object, "em_orientation": object})
    dtypes.update(kwargs.pop("dtype", {}))
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

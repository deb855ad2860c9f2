"""Records to pandas DataFrames with typed columns (pandas imported only when called).

Amounts stay :class:`~decimal.Decimal` (an ``object`` column: exact, never
float); enumerations become ``category`` columns with every allowed value as a
category, so counts show zeros too; flags become the nullable ``boolean`` type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["to_frame"]


def to_frame(
    records: Sequence[Mapping[str, Any]],
    *,
    columns: Sequence[str],
    categories: Mapping[str, Sequence[str]] | None = None,
    flags: Sequence[str] = (),
) -> Any:
    """A DataFrame of ``records`` with ``columns`` in order, categorical and boolean columns typed.

    >>> frame = to_frame([{"family": "F01", "outcome": "eligible", "ok": True}],
    ...                  columns=["family", "outcome", "ok"],
    ...                  categories={"outcome": ["eligible", "not_eligible"]}, flags=["ok"])
    >>> [str(t) for t in frame.dtypes], list(frame["outcome"].cat.categories)
    (['object', 'category', 'boolean'], ['eligible', 'not_eligible'])
    """
    from welfare_ambito.budget._common import optional_module

    pandas = optional_module("pandas", feature="to_pandas")
    frame = pandas.DataFrame.from_records(list(records), columns=list(columns))
    for name, allowed in (categories or {}).items():
        frame[name] = pandas.Categorical(frame[name], categories=list(allowed))
    for name in flags:
        frame[name] = frame[name].astype("boolean")
    for name in columns:
        if frame[name].dtype == "str" or str(frame[name].dtype) == "string":
            frame[name] = frame[name].astype(object)
    return frame

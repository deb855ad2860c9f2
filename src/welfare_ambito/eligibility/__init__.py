"""Eligibility of families for a programme: P.I.P.P.I. first (seed 004).

:func:`assess` answers for one family on the row path (the reference, with
reasons); :func:`screen` answers for a population over columns
(:mod:`welfare_ambito.eligibility.columnar`, loaded with numpy on first use).

>>> from welfare_ambito.eligibility import EligibilityOutcome
>>> EligibilityOutcome("needs_review").value
'needs_review'
"""

from typing import TYPE_CHECKING, Any

from welfare_ambito.eligibility.pippi import (
    AgeBands,
    Assessment,
    EligibilityOutcome,
    TargetGroup,
    assess,
    assess_all,
    target_group,
)
from welfare_ambito.eligibility.table import ScreeningResult, TableScreening, assess_table

if TYPE_CHECKING:  # loaded on first use by __getattr__ below (numpy)
    from welfare_ambito.eligibility.columnar import FamilyBatch, Screening, screen

__all__ = [
    "AgeBands",
    "Assessment",
    "EligibilityOutcome",
    "FamilyBatch",
    "Screening",
    "ScreeningResult",
    "TableScreening",
    "TargetGroup",
    "assess",
    "assess_all",
    "assess_table",
    "screen",
    "target_group",
]

_COLUMNAR = frozenset({"FamilyBatch", "Screening", "screen"})


def __getattr__(name: str) -> Any:
    # The columnar path needs numpy: it is imported only when it is used.
    if name in _COLUMNAR:
        from welfare_ambito.eligibility import columnar

        return getattr(columnar, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Eligibility of families for a programme: P.I.P.P.I. first (seed 004).

>>> from welfare_ambito.eligibility import EligibilityOutcome
>>> EligibilityOutcome("needs_review").value
'needs_review'
"""

from welfare_ambito.eligibility.pippi import (
    AgeBands,
    Assessment,
    EligibilityOutcome,
    TargetGroup,
    assess,
    assess_all,
    target_group,
)
from welfare_ambito.eligibility.table import Screening, ScreeningResult, assess_table

__all__ = [
    "AgeBands",
    "Assessment",
    "EligibilityOutcome",
    "Screening",
    "ScreeningResult",
    "TargetGroup",
    "assess",
    "assess_all",
    "assess_table",
    "target_group",
]

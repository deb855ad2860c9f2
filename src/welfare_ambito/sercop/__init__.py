"""Sercop's (Ambito del Rhodense) published figures, as cited data, and their consistency checks.

:func:`published_tables` loads the tables of seeds 000, 001 and 003 exactly as printed;
:func:`check_published` recomputes what they derive (totals, shares, coverage, averages,
yearly variations) and reports every :class:`Discrepancy`. :func:`sercop_facts` and
:func:`sercop_activations` hold the single figures and the 2011 timeline of seed 003.
"""

from welfare_ambito.sercop.checks import (
    Discrepancy,
    Severity,
    check_column_totals,
    check_parts,
    check_published,
    check_ratio_across,
    check_ratios,
    check_shares,
    check_variations,
)
from welfare_ambito.sercop.facts import (
    Activation,
    Fact,
    Partnership,
    sercop_activations,
    sercop_facts,
    sesei_partnership,
)
from welfare_ambito.sercop.published import (
    Cell,
    CellKind,
    Citation,
    Column,
    PublishedTable,
    Row,
    RowRole,
    load_table,
    published_table,
    published_tables,
)

__all__ = [
    "Activation",
    "Cell",
    "CellKind",
    "Citation",
    "Column",
    "Discrepancy",
    "Fact",
    "Partnership",
    "PublishedTable",
    "Row",
    "RowRole",
    "Severity",
    "check_column_totals",
    "check_parts",
    "check_published",
    "check_ratio_across",
    "check_ratios",
    "check_shares",
    "check_variations",
    "load_table",
    "published_table",
    "published_tables",
    "sercop_activations",
    "sercop_facts",
    "sesei_partnership",
]

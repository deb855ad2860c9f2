"""Exact budgets: structure checks, allocation, comparisons, phasing and reconciliation.

Everything is exact to the cent (integer cents and fractions, never floats),
explains itself (:class:`Share`, :class:`BudgetFinding`) and shows well in a
notebook (``_repr_html_``, ``to_records()``, ``to_pandas()`` when pandas is
installed).

>>> from welfare_ambito.budget import allocate
>>> split = allocate("430900", {"Barlassina": 44, "Seregno": 255})
>>> str(split["Barlassina"]), str(split.total)
('€ 63.410,03', '€ 430.900,00')
"""

from welfare_ambito.budget._common import MissingOptionalDependency
from welfare_ambito.budget._findings import BudgetFinding
from welfare_ambito.budget.allocation import METHODS, Allocation, Share, allocate
from welfare_ambito.budget.compare import Comparison, compare_split
from welfare_ambito.budget.phasing import Phase, Phasing, phase
from welfare_ambito.budget.reconcile import (
    Reconciliation,
    TableDiscrepancy,
    is_total_label,
    reconcile,
)
from welfare_ambito.budget.structure import (
    SplitKind,
    check_budget,
    check_comuni,
    check_sums,
    split_kind,
)
from welfare_ambito.budget.tables import (
    Table,
    embedded_tables,
    load_table,
    parse_table_csv,
    read_table,
    read_table_csv,
    read_table_xlsx,
    rhodense_spesa_2011,
)
from welfare_ambito.budget.view import BudgetView, budget_view

__all__ = [
    "METHODS",
    "Allocation",
    "BudgetFinding",
    "BudgetView",
    "Comparison",
    "MissingOptionalDependency",
    "Phase",
    "Phasing",
    "Reconciliation",
    "Share",
    "SplitKind",
    "Table",
    "TableDiscrepancy",
    "allocate",
    "budget_view",
    "check_budget",
    "check_comuni",
    "check_sums",
    "compare_split",
    "embedded_tables",
    "is_total_label",
    "load_table",
    "parse_table_csv",
    "phase",
    "read_table",
    "read_table_csv",
    "read_table_xlsx",
    "reconcile",
    "rhodense_spesa_2011",
    "split_kind",
]

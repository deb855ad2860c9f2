"""Check the stated totals of a published table against the sums of its cells.

The last row and/or the last column of a :class:`~welfare_ambito.budget.Table`
hold stated totals. Each stated total is compared with the sum of the cells it
totals, to the cent; the total-of-totals cell is checked both ways (along its
row and along its column). Published figures are never changed: every
difference is reported with both figures.

>>> from welfare_ambito.budget import rhodense_spesa_2011
>>> result = reconcile(rhodense_spesa_2011())
>>> [(f.row, f.column, str(f.difference)) for f in result.findings]
[('Cornaredo', 'TOTALE', '-€ 0,01'), ('Pero', 'TOTALE', '€ 0,02'), ('TOTALE', 'Segr Sociale/Serv Sociale di base', '€ 0,01')]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

from welfare_ambito import i18n
from welfare_ambito._lang import DEFAULT_LANG, Lang
from welfare_ambito.budget._common import euro_text, records_frame, word
from welfare_ambito.budget._findings import BudgetFinding
from welfare_ambito.budget._html import html_table, text_table
from welfare_ambito.budget.tables import Table
from welfare_ambito.errors import InvalidValue
from welfare_ambito.money import Money

__all__ = ["Reconciliation", "TableDiscrepancy", "is_total_label", "reconcile"]

i18n.define(
    "budget.reconcile.checked",
    it={"one": "1 totale verificato", "other": "{count} totali verificati"},
    en={"one": "1 total checked", "other": "{count} totals checked"},
)
i18n.define(
    "budget.reconcile.differ",
    it={"one": "1 discordante", "other": "{count} discordanti"},
    en={"one": "1 differs", "other": "{count} differ"},
)
i18n.define(
    "budget.reconcile.summary", it="{title}: {checked}, {differ}", en="{title}: {checked}, {differ}"
)
_FIGURES_IT = ": dichiarato {stated}, somma delle celle {computed}, differenza {difference}"
_FIGURES_EN = ": stated {stated}, sum of the cells {computed}, difference {difference}"
i18n.define(
    "budget.reconcile.row_total",
    it="totale della riga {row!r}" + _FIGURES_IT,
    en="total of row {row!r}" + _FIGURES_EN,
)
i18n.define(
    "budget.reconcile.column_total",
    it="totale della colonna {column!r}" + _FIGURES_IT,
    en="total of column {column!r}" + _FIGURES_EN,
)
i18n.define(
    "error.budget.table_type",
    it="attesa una Table, trovato {actual}",
    en="expected a Table, got {actual}",
)
i18n.define(
    "error.budget.no_totals",
    it="la tabella non ha una riga o colonna di totale (chiamala 'TOTALE' o indicala)",
    en="the table has no total row or column (label the last one 'TOTALE' or say which)",
)

_TOTAL_LABELS: Final = frozenset(
    {"totale", "totali", "total", "totals", "tot", "tot.", "totale generale"}
)


def is_total_label(label: str) -> bool:
    """Whether a row or column label says "total" (``TOTALE``, ``Totale``, ``Total``…).

    >>> is_total_label(" Totale "), is_total_label("TOTALE"), is_total_label("Rho")
    (True, True, False)
    """
    return label.strip().casefold() in _TOTAL_LABELS


@attrs.frozen(kw_only=True)
class TableDiscrepancy(BudgetFinding):
    """A stated total that differs from the sum of its cells.

    ``along`` is ``"row"`` when the total ends a row (the row's cells were summed)
    and ``"column"`` when it ends a column.

    >>> from welfare_ambito.budget import rhodense_spesa_2011
    >>> finding = reconcile(rhodense_spesa_2011()).findings[0]
    >>> finding.code, finding.row, finding.column, finding.along
    ('budget.table_row_total', 'Cornaredo', 'TOTALE', 'row')
    >>> str(finding.stated), str(finding.computed), str(finding.difference)
    ('€ 3.288.012,25', '€ 3.288.012,26', '-€ 0,01')
    """

    row: str
    column: str
    along: str

    def to_record(self) -> dict[str, str | Decimal | None]:
        """The finding as a flat dict, with ``row``, ``column`` and ``along``."""
        return {"row": self.row, "column": self.column, "along": self.along, **super().to_record()}


@attrs.frozen(kw_only=True)
class Reconciliation:
    """The outcome of :func:`reconcile`: the findings and how many totals were checked.

    >>> from welfare_ambito.budget import rhodense_spesa_2011
    >>> result = reconcile(rhodense_spesa_2011())
    >>> result.ok, result.checked, len(result.findings)
    (False, 20, 3)
    >>> result.summary("en")
    'Spesa sociale dei Comuni del Rhodense ... – anno 2011: 20 totals checked, 3 differ'
    >>> result.summary("it").split(": ")[-1]
    '20 totali verificati, 3 discordanti'
    """

    table: Table
    total_row: bool
    total_column: bool
    checked: int
    """How many stated totals were compared."""
    findings: tuple[TableDiscrepancy, ...]

    @property
    def ok(self) -> bool:
        """Whether every stated total equals the sum of its cells."""
        return not self.findings

    def __bool__(self) -> bool:
        return self.ok

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per discrepancy (row, column, stated, computed, difference, messages)."""
        return [f.to_record() for f in self.findings]

    def to_pandas(self) -> Any:
        """A pandas DataFrame of :meth:`to_records` (needs pandas)."""
        return records_frame(self.to_records(), feature="Reconciliation.to_pandas")

    _HEADER: Final = ("row", "column", "stated", "computed", "difference")

    def _rows(self, lang: Lang) -> list[list[str]]:
        return [
            [
                f.row,
                f.column,
                euro_text(f.stated or Money(0), lang),
                euro_text(f.computed or Money(0), lang),
                euro_text(f.difference or Money(0), lang),
            ]
            for f in self.findings
        ]

    def summary(self, lang: Lang = DEFAULT_LANG) -> str:
        """One line: how many totals were checked and how many differ."""
        return i18n.message(
            "budget.reconcile.summary",
            lang,
            title=self.table.title or word("table.title", lang),
            checked=i18n.quantity("budget.reconcile.checked", self.checked, lang),
            differ=i18n.quantity("budget.reconcile.differ", len(self.findings), lang),
        )

    def _header(self, lang: Lang) -> list[str]:
        return [word(f"header.{name}", lang) for name in self._HEADER]

    def to_html(self, lang: Lang = DEFAULT_LANG) -> str:
        """The discrepancies as an HTML table in ``lang`` (the summary alone when none)."""
        if self.ok:
            return html_table([word("header.result", lang)], [[self.summary(lang)]])
        return html_table(
            self._header(lang), self._rows(lang), caption=self.summary(lang), right=(2, 3, 4)
        )

    def to_text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The summary, then a table of the discrepancies, in ``lang``.

        >>> from welfare_ambito.budget import rhodense_spesa_2011
        >>> text = reconcile(rhodense_spesa_2011()).to_text("it").splitlines()
        >>> text[1].split(), text[3].split()[-1]
        (['riga', 'colonna', 'dichiarato', 'calcolato', 'differenza'], '0,01')
        """
        if self.ok:
            return self.summary(lang)
        return (
            self.summary(lang)
            + "\n"
            + text_table(self._header(lang), self._rows(lang), right=(2, 3, 4))
        )

    def _repr_html_(self) -> str:
        return self.to_html(DEFAULT_LANG)

    def __str__(self) -> str:
        return self.to_text(DEFAULT_LANG)


def _detect(flag: bool | None, label: str) -> bool:
    return is_total_label(label) if flag is None else flag


def reconcile(
    table: Table, *, total_row: bool | None = None, total_column: bool | None = None
) -> Reconciliation:
    """Compare every stated total of ``table`` with the sum of its cells.

    ``total_row``/``total_column`` say whether the last row/column holds totals;
    ``None`` (default) decides by the label (``TOTALE``, ``Totale``, ``Total``…).
    Findings come row totals first (in row order), then column totals; codes
    ``budget.table_row_total`` and ``budget.table_column_total``;
    ``difference = stated - computed``.

    Raises :class:`~welfare_ambito.errors.InvalidValue` (``budget.no_totals``)
    when the table has no total row or column.
    """
    if not isinstance(table, Table):
        raise InvalidValue.of("budget.table_type", path="table", actual=type(table).__name__)
    n_rows, n_cols = table.shape
    has_row = n_rows > 0 and _detect(total_row, table.label(-1)) and n_rows >= 2
    has_column = n_cols > 0 and _detect(total_column, table.columns[-1]) and n_cols >= 2
    if not has_row and not has_column:
        raise InvalidValue.of("budget.no_totals", path="table")
    columns = [table.column_cents(j) for j in range(n_cols)]
    findings: list[TableDiscrepancy] = []
    checked = 0
    if has_column:
        body = n_cols - 1
        totals = columns[body]
        if body == 0:
            sums: Iterable[int] = itertools.repeat(0, n_rows)
        elif body == 1:
            sums = columns[0]
        else:
            sums = map(sum, zip(*columns[:body], strict=True))
        for index, (computed, stated) in enumerate(zip(sums, totals, strict=True)):
            if computed != stated:
                findings.append(
                    _discrepancy(table.label(index), table.columns[body], stated, computed, "row")
                )
        checked += n_rows
    if has_row:
        last = n_rows - 1
        total_label = table.label(last)
        for label, values in zip(table.columns, columns, strict=True):
            checked += 1
            stated = values[last]
            computed = sum(values) - stated
            if computed != stated:
                findings.append(_discrepancy(total_label, label, stated, computed, "column"))
    return Reconciliation(
        table=table,
        total_row=has_row,
        total_column=has_column,
        checked=checked,
        findings=tuple(findings),
    )


def _discrepancy(
    row: str, column: str, stated_cents: int, computed_cents: int, along: str
) -> TableDiscrepancy:
    stated, computed = Money.from_cents(stated_cents), Money.from_cents(computed_cents)
    difference = stated - computed
    return TableDiscrepancy(
        code=f"budget.table_{along}_total",
        path=f"{row} / {column}",
        stated=stated,
        computed=computed,
        difference=difference,
        row=row,
        column=column,
        along=along,
        key=f"budget.reconcile.{along}_total",
        params={
            "row": row,
            "column": column,
            "stated": stated,
            "computed": computed,
            "difference": difference,
        },
    )

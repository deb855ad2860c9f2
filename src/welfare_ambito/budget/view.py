"""A notebook view of a :class:`~welfare_ambito.model.Budget`: its lines as a tree, with the checks.

>>> from welfare_ambito.model import Budget, BudgetLine
>>> b = Budget(total="100", lines=[BudgetLine(id="a", label="A", amount="100")])
>>> [r["id"] for r in budget_view(b).to_records()]
['a']
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Final

import attrs

from welfare_ambito._lang import Lang
from welfare_ambito.budget._common import euro_text, records_frame, word
from welfare_ambito.budget._findings import BudgetFinding
from welfare_ambito.budget._html import html_table, text_table
from welfare_ambito.budget.structure import check_budget, split_kind
from welfare_ambito.model.budget import Budget, BudgetLine
from welfare_ambito.model.territory import Ambito
from welfare_ambito.money import Money

__all__ = ["BudgetView", "budget_view"]

_HEADER: Final = ("line", "scope", "comune", "amount")


def _header(lang: Lang) -> tuple[str, ...]:
    return tuple(word(f"header.{name}", lang) for name in _HEADER)


def _display(value: object, lang: Lang) -> str:
    """An amount or a scope as a reader of ``lang`` writes it."""
    from welfare_ambito.model._labels import label_it

    if isinstance(value, Money):
        return euro_text(value, lang)
    text = str(getattr(value, "value", value))
    shown = {"it": label_it(text), "en": text.replace("_", " ")}
    return shown[lang]


@attrs.frozen(kw_only=True)
class BudgetView:
    """A budget, the structure findings about it, and its lines in tree order.

    >>> from welfare_ambito import data
    >>> view = budget_view(data.tutela_minori_budget(), data.seregno())
    >>> view.ok, view.findings
    (True, ())
    >>> [(depth, line.id) for depth, line in view.ordered()][:4]
    [(0, 'associated'), (1, 'administrative'), (0, 'territorial'), (1, 'territorial.barlassina')]
    """

    budget: Budget
    findings: tuple[BudgetFinding, ...]
    full_splits: frozenset[str] | None = None
    lang: Lang = "it"
    """The language of the headers, notes and amounts shown (``"it"`` or ``"en"``)."""

    def ordered(self) -> list[tuple[int, BudgetLine]]:
        """``(depth, line)`` pairs, parents before their children."""
        out: list[tuple[int, BudgetLine]] = []

        def walk(line: BudgetLine, depth: int) -> None:
            out.append((depth, line))
            for child in self.budget.children(line.id):
                walk(child, depth + 1)

        for line in self.budget.top_level():
            walk(line, 0)
        return out

    @property
    def ok(self) -> bool:
        """Whether no check found an error (warnings allowed)."""
        return all(f.severity != "error" for f in self.findings)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per line in tree order: id, label, depth, parent, scope, comune, amount,
        the kind of split of its children and their sum."""
        records = []
        for depth, line in self.ordered():
            children = self.budget.children(line.id)
            kind = split_kind(self.budget, line.id, full_splits=self.full_splits)
            records.append(
                {
                    "id": line.id,
                    "label": line.label,
                    "depth": depth,
                    "parent": line.parent,
                    "scope": None if line.scope is None else str(line.scope),
                    "comune": line.comune,
                    "amount": line.amount.amount,
                    "children": None if kind is None else str(kind),
                    "children_sum": (
                        sum((c.amount for c in children), Money(0)).amount if children else None
                    ),
                }
            )
        return records

    def to_pandas(self) -> Any:
        """A pandas DataFrame of :meth:`to_records` (needs pandas)."""
        return records_frame(self.to_records(), feature="BudgetView.to_pandas")

    def _rows(self) -> tuple[list[list[str]], list[int]]:
        flagged = {
            self.budget.lines[int(f.path.split("]")[0].removeprefix("lines["))].id
            for f in self.findings
            if f.path.startswith("lines[")
        }
        rows, marked = [], []
        for index, (depth, line) in enumerate(self.ordered()):
            rows.append(
                [
                    "  " * depth + line.label,
                    "" if line.scope is None else _display(line.scope, self.lang),
                    line.comune or "",
                    _display(line.amount, self.lang),
                ]
            )
            if line.id in flagged:
                marked.append(index)
        total = word("header.total", self.lang)
        rows.append([total, "", "", _display(self.budget.total, self.lang)])
        if self.budget.years is not None:
            overall = self.budget.overall_total or self.budget.total * self.budget.years
            rows.append(
                [
                    word("view.years", self.lang, total=total, count=self.budget.years),
                    "",
                    "",
                    _display(overall, self.lang),
                ]
            )
        return rows, marked

    def _repr_html_(self) -> str:
        rows, marked = self._rows()
        notes = "; ".join(f"{f.path}: {f.text(self.lang)}" for f in self.findings)
        return html_table(
            _header(self.lang),
            rows,
            right=(3,),
            highlight=marked,
            footer=notes or word("view.ok", self.lang),
        )

    def __str__(self) -> str:
        rows, _ = self._rows()
        text = text_table(_header(self.lang), rows, right=(3,))
        if self.findings:
            text += "\n" + "\n".join(f"! {f.path}: {f.text(self.lang)}" for f in self.findings)
        return text


def budget_view(
    budget: Budget,
    ambito: Ambito | None = None,
    *,
    full_splits: Collection[str] | None = None,
    lang: Lang = "it",
) -> BudgetView:
    """Wrap ``budget`` for notebooks, running :func:`~welfare_ambito.budget.check_budget`.

    >>> from welfare_ambito import data
    >>> view = budget_view(data.tutela_minori_budget())
    >>> record = view.to_records()[2]
    >>> record["id"], record["amount"], record["children"], record["children_sum"]
    ('territorial', Decimal('430900.00'), 'full', Decimal('430900.00'))
    """
    splits = None if full_splits is None else frozenset(full_splits)
    return BudgetView(
        budget=budget,
        findings=check_budget(budget, ambito, full_splits=splits),
        full_splits=splits,
        lang=lang,
    )

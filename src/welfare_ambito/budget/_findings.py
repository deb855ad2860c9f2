"""Structured results of the budget checks, ready to be wrapped as rule findings."""

from __future__ import annotations

from decimal import Decimal

import attrs

from welfare_ambito.money import Money

__all__ = ["BudgetFinding"]


def _amount(value: Money | None) -> Decimal | None:
    return None if value is None else value.amount


@attrs.frozen(kw_only=True)
class BudgetFinding:
    """One figure that does not add up, or one Comune out of place.

    ``code`` is stable (``"budget.children_sum"``, ``"budget.table_total"``…),
    ``path`` locates the figure (a budget line id, or ``"row / column"`` in a
    table). ``stated`` is the figure as published, ``computed`` what the other
    figures give, and ``difference`` is ``stated - computed`` (positive: the
    stated figure is larger). Figures are ``None`` when the finding is not
    about an amount (an unknown Comune).

    >>> f = BudgetFinding(code="budget.total", path="total", stated=Money(10),
    ...     computed=Money(9), difference=Money(1), message="m", message_it="m")
    >>> f.to_record()["difference"]
    Decimal('1.00')
    """

    code: str
    path: str
    stated: Money | None = None
    computed: Money | None = None
    difference: Money | None = None
    message: str
    message_it: str
    severity: str = "error"
    """``"error"`` or ``"warning"``."""

    def text(self, lang: str = "it") -> str:
        """The message in ``lang`` (``"it"`` or ``"en"``)."""
        return self.message_it if lang == "it" else self.message

    def to_record(self) -> dict[str, str | Decimal | None]:
        """The finding as a flat dict (amounts as :class:`~decimal.Decimal`)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "stated": _amount(self.stated),
            "computed": _amount(self.computed),
            "difference": _amount(self.difference),
            "message": self.message,
            "message_it": self.message_it,
        }

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def mismatch(
    *, code: str, path: str, stated: Money, computed: Money, what: str, what_it: str
) -> BudgetFinding:
    """A finding for a stated sum that differs from the computed one."""
    difference = stated - computed
    return BudgetFinding(
        code=code,
        path=path,
        stated=stated,
        computed=computed,
        difference=difference,
        message=f"{what}: stated {stated}, computed {computed}, difference {difference}",
        message_it=f"{what_it}: dichiarato {stated}, calcolato {computed}, differenza {difference}",
    )

"""Structured results of the budget checks, ready to be wrapped as rule findings."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from welfare_ambito import i18n
from welfare_ambito._lang import LANGS, Lang
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

    The texts come from the message catalogue: ``key`` names the message
    (:mod:`welfare_ambito.i18n`) and ``params`` fill it, in each language.

    >>> i18n.define("budget.example_short", it="manca {what}", en="{what} is missing")
    >>> f = BudgetFinding(code="budget.total", path="total", stated=Money(10),
    ...     computed=Money(9), difference=Money(1), key="budget.example_short",
    ...     params={"what": "€ 1"})
    >>> f.to_record()["difference"], f.text("it"), f.text("en")
    (Decimal('1.00'), 'manca € 1', '€ 1 is missing')
    """

    code: str
    path: str
    stated: Money | None = None
    computed: Money | None = None
    difference: Money | None = None
    key: str | None = attrs.field(default=None, eq=False, repr=False)
    """The catalogue key of the message; ``message`` and ``message_it`` are built from it."""
    params: Mapping[str, object] = attrs.field(factory=dict, eq=False, repr=False)
    """The values that fill the message."""
    message: str = attrs.field(
        default=attrs.Factory(lambda self: self._render("en"), takes_self=True)
    )
    message_it: str = attrs.field(
        default=attrs.Factory(lambda self: self._render("it"), takes_self=True)
    )
    severity: str = "error"
    """``"error"`` or ``"warning"``."""

    def _render(self, lang: Lang) -> str:
        if self.key is None:
            raise TypeError("a BudgetFinding needs a message key (or both texts)")
        return i18n.message(self.key, lang, **self.params)

    def text(self, lang: str = "it") -> str:
        """The message in ``lang`` (``"it"`` or ``"en"``)."""
        texts: dict[str, str] = dict(zip(LANGS, (self.message_it, self.message), strict=True))
        return texts.get(lang, self.message)

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
    *, code: str, path: str, stated: Money, computed: Money, what: str, **params: object
) -> BudgetFinding:
    """A finding for a stated sum that differs from the computed one.

    ``what`` is the key of a message that says which sum, filled with ``params``
    and the three figures (``{stated}``, ``{computed}``, ``{difference}``).
    """
    difference = stated - computed
    return BudgetFinding(
        code=code,
        path=path,
        stated=stated,
        computed=computed,
        difference=difference,
        key=what,
        params={**params, "stated": stated, "computed": computed, "difference": difference},
    )

"""Budgets as the notices state them: lines per scope and per Comune, with stated totals."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any

import attrs

from welfare_ambito.errors import InvalidValue, NotFound
from welfare_ambito.model import _validate as v
from welfare_ambito.model.services import ServiceScope
from welfare_ambito.money import Money
from welfare_ambito.periods import Period

__all__ = ["Budget", "BudgetLine", "SplitKind"]


class SplitKind(enum.StrEnum):
    """How a budget line's children relate to it.

    >>> SplitKind("parts")
    <SplitKind.PARTS: 'parts'>
    >>> from welfare_ambito import data
    >>> data.tutela_minori_budget().line("territorial").split
    <SplitKind.FULL: 'full'>
    """

    FULL = "full"
    """A full split ("a loro volta così suddivisi"): the children add up to the parent."""
    PARTS = "parts"
    """Parts ("di cui"): each child is a part of the parent; together at most the parent."""


def _as_split_kind(value: object) -> Any:
    """Read a SplitKind from its value; unknown values are left for the validator."""
    return v.as_enum(SplitKind, value)


def _as_service_scope(value: object) -> Any:
    """Read a ServiceScope from its value(s); unknown values are left for the validator."""
    return v.as_enum(ServiceScope, value)


@attrs.frozen(kw_only=True)
class BudgetLine:
    """One stated amount: a scope, a Comune's share, or a part of another line.

    ``parent`` is the ``id`` of the line this one is part of ("di cui").
    ``comuni`` is the scope of Comuni the line covers (empty: not stated).

    >>> line = BudgetLine(
    ...     id="administrative", label="Servizi amministrativi", amount="40000.00",
    ...     scope="administrative", parent="associated",
    ... )
    >>> str(line.amount), line.scope, line.parent
    ('€ 40.000,00', <ServiceScope.ADMINISTRATIVE: 'administrative'>, 'associated')
    """

    id: str = attrs.field(validator=v.identifier)
    label: str = attrs.field(validator=v.text)
    amount: Money = attrs.field(converter=v.to_money, validator=v.instance(Money, "an amount"))
    scope: ServiceScope | None = attrs.field(
        default=None,
        converter=_as_service_scope,
        validator=v.optional(v.member_of(ServiceScope)),
    )
    comune: str | None = attrs.field(default=None, validator=v.optional(v.text))
    """The Comune this line is the share of, if any."""
    parent: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    comuni: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text)
    )
    split: SplitKind | None = attrs.field(
        default=None, converter=_as_split_kind, validator=v.optional(v.member_of(SplitKind))
    )
    """How this line's children relate to it (``None``: inferred by the budget checks)."""
    funds_hour_plan: bool = attrs.field(default=False, validator=v.flag)
    """This line pays for the plan's hour plan: rules compare it with hours × hourly
    costs instead of adding the two."""


def _parents_exist(instance: Budget) -> None:
    ids = {line.id for line in instance.lines}
    for index, line in enumerate(instance.lines):
        if line.parent is not None and line.parent not in ids:
            raise InvalidValue.of(
                "reference", path=f"lines[{index}].parent", what="budget line", value=line.parent
            )
        if line.parent == line.id:
            raise InvalidValue.of(
                "reference", path=f"lines[{index}].parent", what="budget line", value=line.parent
            )


@attrs.frozen(kw_only=True)
class Budget:
    """A stated budget: ``total`` is the sum the top-level lines should make.

    When the lines are yearly amounts repeated over several years (seed 002:
    € 680.000,00 a year for three years), ``years`` says how many and
    ``overall_total`` is the stated total over all of them.
    Whether the figures add up is checked by :mod:`welfare_ambito.budget`;
    a budget that does not add up can still be built, so it can be reported.

    >>> from welfare_ambito import data
    >>> budget = data.tutela_minori_budget()
    >>> str(budget.total), budget.years, str(budget.overall_total)
    ('€ 680.000,00', 3, '€ 2.040.000,00')
    >>> [line.id for line in budget.top_level()]
    ['associated', 'territorial']
    >>> [str(line.amount) for line in budget.children("territorial")]
    ['€ 35.600,00', '€ 51.000,00', '€ 38.000,00', '€ 32.600,00', '€ 210.000,00', '€ 63.700,00']
    """

    total: Money = attrs.field(converter=v.to_money, validator=v.instance(Money, "an amount"))
    lines: tuple[BudgetLine, ...] = attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=[v.tuple_of(v.instance(BudgetLine, "a budget line")), v.unique_ids("line id")],
    )
    years: int | None = attrs.field(
        default=None, validator=v.optional(v.all_of(v.instance(int, "a whole number"), v.positive))
    )
    overall_total: Money | None = attrs.field(
        default=None, converter=v.to_money, validator=v.optional(v.instance(Money, "an amount"))
    )
    period: Period | None = attrs.field(
        default=None, validator=v.optional(v.instance(Period, "a period"))
    )

    def __attrs_post_init__(self) -> None:
        _parents_exist(self)

    def __iter__(self) -> Iterator[BudgetLine]:
        return iter(self.lines)

    def line(self, line_id: str) -> BudgetLine:
        """The line with ``line_id``."""
        for line in self.lines:
            if line.id == line_id:
                return line
        raise NotFound.of("reference", what="budget line", value=line_id)

    def top_level(self) -> tuple[BudgetLine, ...]:
        """Lines with no parent."""
        return tuple(line for line in self.lines if line.parent is None)

    def children(self, line_id: str) -> tuple[BudgetLine, ...]:
        """Lines that are part of ``line_id``."""
        return tuple(line for line in self.lines if line.parent == line_id)

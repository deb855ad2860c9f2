"""Shared helpers of the budget tools: reading amounts and numbers, optional libraries."""

from __future__ import annotations

import numbers
from decimal import Decimal
from fractions import Fraction
from types import ModuleType
from typing import Any

from welfare_ambito.errors import InvalidValue, WelfareAmbitoError
from welfare_ambito.money import Money
from welfare_ambito.parsing import read_amount, read_fraction

__all__ = ["MissingOptionalDependency", "cents_of", "number_of", "optional_module"]

Amount = Money | str | int | Decimal
"""What the budget tools accept as an amount: Money, or euros as str/int/Decimal."""


class MissingOptionalDependency(WelfareAmbitoError, ImportError):  # type: ignore[misc]
    """An optional library (pandas, matplotlib, openpyxl) is needed but not installed.

    It is also an :class:`ImportError`; ``code`` names the missing library.

    >>> error = MissingOptionalDependency(
    ...     "read_table_xlsx needs openpyxl", code="budget.missing_openpyxl")
    >>> isinstance(error, ImportError), error.code
    (True, 'budget.missing_openpyxl')
    """


def optional_module(name: str, *, feature: str, extra: str | None = None) -> ModuleType:
    """Import ``name`` or raise :class:`MissingOptionalDependency` saying how to install it."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        hint = f"pip install 'welfare-ambito[{extra}]'" if extra else f"pip install {name}"
        raise MissingOptionalDependency(
            f"{feature} needs {name}, which is not installed: {hint}",
            code=f"budget.missing_{name}",
            message_it=f"{feature} richiede {name}, che non è installato: {hint}",
        ) from None


def cents_of(value: object, *, path: str) -> int:
    """Cents of an amount given as Money, or euros as str (Italian or plain), int or Decimal.

    Text is read by :func:`welfare_ambito.parsing.read_amount`, as ``Money(text)`` reads it.

    >>> cents_of("1.500", path="total"), cents_of(Money("2.50"), path="total")
    (150000, 250)
    """
    if isinstance(value, Money):
        return value.cents
    if isinstance(value, bool) or not isinstance(value, str | numbers.Integral | Decimal):
        raise InvalidValue(
            f"expected an amount (Money, str, int or Decimal), got {type(value).__name__}",
            code="budget.amount_type",
            message_it=f"atteso un importo (Money, str, int o Decimal), trovato {type(value).__name__}",
            path=path,
        )
    try:
        return Money(read_amount(value, path=path, dash_zero=isinstance(value, str))).cents
    except InvalidValue as exc:
        exc.path = path
        raise


def number_of(value: object, *, path: str) -> Fraction:
    """An exact, bounded number from int, Decimal, Fraction, float or text (a weight).

    Text follows :mod:`welfare_ambito.parsing` (``"12,5"``, ``"1.234,5"``,
    ``"12.5"``; ``"1.500"`` is refused as ambiguous). A float (numpy's too) is
    read through its shortest decimal form (``0.1`` is one tenth); numpy
    integers are integers.

    >>> number_of("1.234,5", path="w"), number_of(0.1, path="w")
    (Fraction(2469, 2), Fraction(1, 10))
    """
    try:
        return read_fraction(value, path=path, floats="shortest")
    except InvalidValue as exc:
        # The budget tools keep their stable code for these.
        if exc.code in {"number", "type", "number_not_finite"}:
            exc.code = "budget.not_a_number"
        raise


def fraction_text(value: Fraction, digits: int = 6) -> str:
    """``value`` as a plain decimal string, exact when it terminates, else to ``digits``.

    >>> fraction_text(Fraction(1, 4)), fraction_text(Fraction(1, 3))
    ('0.25', '0.333333…')
    """
    if value.denominator == 1:
        return str(value.numerator)
    scaled = value * 10**digits
    if scaled.denominator == 1:
        text = f"{Decimal(scaled.numerator).scaleb(-digits):f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    sign = "-" if value < 0 else ""
    truncated = abs(scaled.numerator) // scaled.denominator
    return f"{sign}{Decimal(truncated).scaleb(-digits):f}…"


def decimal_of(value: Fraction) -> Decimal:
    """A Fraction with a terminating decimal form (a weight read from text) as a Decimal."""
    if value.denominator == 1:
        return Decimal(value.numerator)
    return Decimal(value.numerator) / Decimal(value.denominator)


def records_frame(records: list[dict[str, Any]], *, feature: str) -> Any:
    """A pandas DataFrame of ``records`` (pandas imported only now)."""
    pandas = optional_module("pandas", feature=feature, extra="notebook")
    return pandas.DataFrame.from_records(records)

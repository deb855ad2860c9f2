"""Shared helpers of the budget tools: reading amounts and numbers, optional libraries."""

from __future__ import annotations

import numbers
from decimal import Decimal
from fractions import Fraction
from types import ModuleType
from typing import Any

from welfare_ambito import i18n
from welfare_ambito._lang import Lang, is_lang
from welfare_ambito.errors import InvalidValue, WelfareAmbitoError
from welfare_ambito.money import Money
from welfare_ambito.parsing import read_amount, read_fraction

__all__ = [
    "MissingOptionalDependency",
    "cents_of",
    "euro_text",
    "number_of",
    "number_text",
    "optional_module",
    "word",
]

i18n.define(
    "error.budget.missing_module",
    it="{feature} richiede {name}, che non è installato: {hint}",
    en="{feature} needs {name}, which is not installed: {hint}",
)
i18n.define(
    "error.budget.amount_type",
    it="atteso un importo (Money, str, int o Decimal), trovato {actual}",
    en="expected an amount (Money, str, int or Decimal), got {actual}",
)

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
        error = MissingOptionalDependency.of(
            "budget.missing_module", feature=feature, name=name, hint=hint
        )
        error.code = f"budget.missing_{name}"  # the stable code names the library
        raise error from None


def cents_of(value: object, *, path: str) -> int:
    """Cents of an amount given as Money, or euros as str (Italian or plain), int or Decimal.

    Text is read by :func:`welfare_ambito.parsing.read_amount`, as ``Money(text)`` reads it.

    >>> cents_of("1.500", path="total"), cents_of(Money("2.50"), path="total")
    (150000, 250)
    """
    if isinstance(value, Money):
        return value.cents
    if isinstance(value, bool) or not isinstance(value, str | numbers.Integral | Decimal):
        raise InvalidValue.of("budget.amount_type", path=path, actual=type(value).__name__)
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


# Words of the budget tools' text tables, captions and legends, in both languages.
i18n.define_group(
    "budget",
    (
        ("header.recipient", "destinatario", "recipient"),
        ("header.weight", "peso", "weight"),
        ("header.quota", "quota esatta €", "exact quota €"),
        ("header.amount", "importo", "amount"),
        ("header.rounding", "arrotondamento €", "rounding €"),
        ("header.bound", "limite", "bound"),
        ("header.total", "totale", "total"),
        ("header.start", "inizio", "start"),
        ("header.end", "fine", "end"),
        ("header.days", "giorni", "days"),
        ("header.row", "riga", "row"),
        ("header.column", "colonna", "column"),
        ("header.stated", "dichiarato", "stated"),
        ("header.computed", "calcolato", "computed"),
        ("header.difference", "differenza", "difference"),
        ("header.line", "voce", "line"),
        ("header.scope", "ambito", "scope"),
        ("header.comune", "Comune", "Comune"),
        ("header.result", "esito", "result"),
        ("header.stated_per", "dichiarato per {per}", "stated per {per}"),
        ("header.by_key", "secondo {key}", "by {key}"),
        ("header.diff_key", "differenza ({key})", "difference ({key})"),
        ("bound.minimum", "minimo", "minimum"),
        ("bound.maximum", "massimo", "maximum"),
        ("method.largest_remainder", "resti più alti", "largest remainder"),
        ("method.webster", "Webster", "Webster"),
        ("method.equal", "parti uguali", "equal shares"),
        ("method.fixed", "importi indicati", "given amounts"),
        ("unit.month", "mese", "month"),
        ("unit.semester", "semestre", "semester"),
        ("unit.year", "anno", "year"),
        ("unit.calendar_year", "anno solare", "calendar year"),
        ("basis.days", "giorni", "days"),
        ("basis.months", "mesi", "months"),
        ("caption.split", "Ripartizione di {total}", "Split of {total}"),
        (
            "caption.allocation",
            "Ripartizione di {total} ({method})",
            "Allocation of {total} ({method})",
        ),
        (
            "caption.phasing",
            "{amount} su {period} per {unit}, in proporzione ai {basis}",
            "{amount} over {period} by {unit}, pro rata by {basis}",
        ),
        ("table.title", "tabella", "table"),
        ("table.source", "Fonte: {citation}", "Source: {citation}"),
        ("view.ok", "I conti tornano.", "The figures add up."),
    ),
)
i18n.define(
    "budget.view.years",
    it={"one": "{total} × 1 anno", "other": "{total} × {count} anni"},
    en={"one": "{total} × 1 year", "other": "{total} × {count} years"},
)


def lang_of(lang: str) -> Lang:
    """``lang`` as a supported language: Italian for ``"it"``, English for anything else.

    >>> lang_of("it"), lang_of("en"), lang_of("fr")
    ('it', 'en', 'en')
    """
    return lang if is_lang(lang) else "en"


def word(key: str, lang: Lang, /, **params: object) -> str:
    """The catalogue message ``budget.<key>`` in ``lang`` (a header, a legend, a label).

    >>> word("header.amount", "it"), word("header.amount", "en")
    ('importo', 'amount')
    """
    return i18n.message(f"budget.{key}", lang, **params)


def euro_text(money: Money, lang: Lang, *, symbol: bool = True) -> str:
    """``money`` as a reader of ``lang`` writes it: ``€ 1.234,50`` / ``€ 1,234.50``.

    >>> euro_text(Money("-1234.5"), "it"), euro_text(Money("-1234.5"), "en")
    ('-€ 1.234,50', '-€ 1,234.50')
    """
    amount = money.amount
    body = i18n.number(abs(amount), lang)
    sign = "-" if amount < 0 else ""
    return f"{sign}€ {body}" if symbol else f"{sign}{body}"


def number_text(value: Fraction | int, lang: Lang, digits: int = 6) -> str:
    """An exact number as :func:`fraction_text` writes it, grouped and marked for ``lang``.

    >>> number_text(Fraction(4501, 3), "it", 4), number_text(Fraction(4501, 3), "en", 4)
    ('1.500,3333…', '1,500.3333…')
    """
    text = fraction_text(Fraction(value), digits)
    cut = text.endswith("…")
    return i18n.number(Decimal(text.rstrip("…")), lang) + ("…" if cut else "")

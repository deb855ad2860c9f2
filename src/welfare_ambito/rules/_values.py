"""Typed parameter values: parsing by unit, JSON form and display text.

Units fix a value's Python type: hours are :class:`~decimal.Decimal`, euros
are :class:`~welfare_ambito.Money`, shares are Decimal fractions (``0.20``),
counts are ``int``, periods are :class:`~welfare_ambito.Period`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito._lang import LANGS, Lang
from welfare_ambito.errors import InvalidValue
from welfare_ambito.money import Money, format_euro
from welfare_ambito.parsing import read_count, read_decimal
from welfare_ambito.periods import Period, parse_date

__all__ = ["UNITS", "display", "jsonable", "named_texts", "parse_value"]

i18n.define("rules.value.yes", it="sì", en="yes")
i18n.define("rules.value.no", it="no", en="no")

UNITS: Mapping[str, type] = {
    "hours": Decimal,
    "hours/week": Decimal,
    "hours/year": Decimal,
    "EUR": Money,
    "share": Decimal,
    "count": int,
    "years": Decimal,
    "period": Period,
    "date": dt.date,
    "text": str,
    "flag": bool,
}
"""Every unit a parameter may have, with the Python type of its values.

>>> UNITS["EUR"].__name__, UNITS["hours/week"].__name__, UNITS["count"].__name__
('Money', 'Decimal', 'int')
"""


def _decimal(value: object, path: str) -> Decimal:
    if isinstance(value, (bool, float)):
        raise InvalidValue.of(
            "number_float" if isinstance(value, float) else "number", path=path, value=value
        )
    if isinstance(value, str):  # the grammar of welfare_ambito.parsing, plus "20%" and "6_000"
        text = value.strip().replace("_", "")
        number = read_decimal(text.removesuffix("%").strip(), path=path)
        return number / 100 if text.endswith("%") else number
    if isinstance(value, Decimal | int):
        return read_decimal(value, path=path)
    raise InvalidValue.of("type", path=path, expected="a number", actual=type(value).__name__)


def parse_value(unit: str, value: object, *, path: str = "") -> Any:
    """Turn ``value`` (from TOML, JSON or the command line) into the type of ``unit``.

    Strings are parsed (``"7000"``, ``"20%"``, ``"2023-06-01/2026-05-31"``);
    floats are refused, as elsewhere in the library.

    >>> parse_value("hours", "7000")
    Decimal('7000')
    >>> parse_value("share", "20%")
    Decimal('0.2')
    >>> parse_value("EUR", "211500")
    Money('211500.00')
    """
    if unit not in UNITS:
        raise InvalidValue.of("choice", path=path, value=unit, choices=", ".join(UNITS))
    kind = UNITS[unit]
    if kind is Decimal:
        number = _decimal(value, path)
        if number < 0:
            raise InvalidValue.of("negative", path=path, value=number)
        if unit == "share" and number > 1:
            raise InvalidValue.of("range", path=path, low=0, high=1, value=number)
        return number
    if kind is Money:
        if isinstance(value, Money):
            return value
        if isinstance(value, str):
            try:
                return Money(value.strip())
            except InvalidValue:
                return Money.parse(value)
        try:
            return Money(value)  # type: ignore[arg-type]
        except InvalidValue as exc:
            exc.path = path
            raise
    if kind is int:
        if isinstance(value, str | int) and not isinstance(value, bool):
            # The one grammar of counts: bounded digits, «1.500» is fifteen hundred.
            value = read_count(value, path=path)
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValue.of(
                "type", path=path, expected="a whole number", actual=type(value).__name__
            )
        if value < 0:
            raise InvalidValue.of("negative", path=path, value=value)
        return value
    if kind is Period:
        if isinstance(value, Period):
            return value
        if isinstance(value, str):
            return Period.parse(value)
        raise InvalidValue.of(
            "type", path=path, expected="a period (start/end)", actual=type(value).__name__
        )
    if kind is dt.date:
        return parse_date(value, path=path)
    if kind is bool:
        if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
            return value.strip().lower() == "true"
        if not isinstance(value, bool):
            raise InvalidValue.of(
                "type", path=path, expected="true or false", actual=type(value).__name__
            )
        return value
    if not isinstance(value, str) or not value.strip():
        raise InvalidValue.of("type", path=path, expected="text", actual=type(value).__name__)
    return value


JsonValue = str | int | bool | None | tuple["JsonValue", ...] | FrozenDict[str, "JsonValue"]
"""The form of a value inside a finding: JSON scalars, tuples and frozen mappings."""


def jsonable(value: object) -> JsonValue:
    """The JSON-ready, immutable form of a value a rule read.

    Decimals and amounts become strings (exact), dates ISO strings, periods
    ``start/end``, enums their value, sequences tuples, sets sorted tuples, records
    (attrs classes) mappings of their fields.

    >>> jsonable(Money("8"))
    '8.00'
    >>> jsonable([Decimal("0.20"), Period.parse("2023-06-01/2026-05-31")])
    ('0.2', '2023-06-01/2026-05-31')
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value  # type: ignore[return-value]
    if kind is Decimal:
        return decimal_text(value)  # type: ignore[arg-type]
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, Money):
        return str(value.amount)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Period):
        return str(value)
    if isinstance(value, Mapping):
        return FrozenDict({str(jsonable(k)): jsonable(v) for k, v in value.items()})
    if isinstance(value, frozenset | set):
        return tuple(sorted((jsonable(v) for v in value), key=str))
    if isinstance(value, list | tuple):
        return tuple(jsonable(v) for v in value)
    as_json = getattr(value, "__json__", None)
    if callable(as_json):
        return jsonable(as_json())
    if attrs.has(kind):
        # A record of the plan (declarations, a team…): its fields, never its Python repr,
        # whose sets print in a different order in every interpreter. A field kept out of
        # the repr (a birth date) stays out of the finding too.
        return FrozenDict(
            {f.name: jsonable(getattr(value, f.name)) for f in attrs.fields(kind) if f.repr}
        )
    return str(value)


def decimal_text(value: Decimal) -> str:
    """The canonical text of a number in a finding: equal numbers read the same.

    Trailing zeros and exponents go (a plan may write ``8`` or ``8.0``; both are
    eight hours), so two reports compare by value, not by how a number was typed.

    >>> decimal_text(Decimal("8.0")), decimal_text(Decimal("7.50")), decimal_text(Decimal("6E+3"))
    ('8', '7.5', '6000')
    """
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _display_decimal(value: Decimal, lang: str) -> str:
    return i18n.number(Decimal(decimal_text(value)), _lang(lang))


def _lang(lang: object) -> Lang:
    """``lang`` checked: a typed error for anything but ``"it"`` and ``"en"``."""
    if lang in LANGS:
        return lang
    raise InvalidValue.of("choice", path="lang", value=lang, choices="it, en")


def _enum_label(member: enum.Enum, lang: str) -> str:
    """An enum member in ``lang``: its Italian label in Italian, its value as words in English."""
    return _ENUM_LABELS[_lang(lang)](member)


def _enum_label_en(member: enum.Enum) -> str:
    return str(member.value).replace("_", " ")


def _enum_label_it(member: enum.Enum) -> str:
    own = getattr(member, "label_it", None)
    if isinstance(own, str):
        return own
    if type(member).__module__.startswith("welfare_ambito.model"):
        from welfare_ambito.model._labels import label_it

        return label_it(str(member.value))
    return str(member.value)


def _euro_en(value: Money) -> str:
    return "€ " + i18n.number(value.amount, "en")


_ENUM_LABELS: dict[str, Callable[[enum.Enum], str]] = {"it": _enum_label_it, "en": _enum_label_en}
_EUROS: dict[str, Callable[[Money], str]] = {"it": format_euro, "en": _euro_en}


def display(value: object, lang: str = "it") -> str:
    """A value as a person reads it in ``lang``: ``€ 211.500,00``, ``7,5``, ``01/06/2023``.

    Thousands are grouped (``6.000`` in Italian, ``6,000`` in English); dates are
    ``dd/mm/yyyy`` in Italian and ISO in English.

    >>> display(Decimal("7.5"), "it"), display(Decimal("7.5"), "en")
    ('7,5', '7.5')
    >>> display(6000, "it"), display(Decimal("1400.5"), "it"), display(Money("211500"), "en")
    ('6.000', '1.400,5', '€ 211,500.00')
    >>> display(Period.parse("2023-06-01/2026-05-31"), "it")
    '01/06/2023–31/05/2026'
    """
    kind = type(value)
    if kind is Decimal:
        return _display_decimal(value, lang)  # type: ignore[arg-type]
    if kind is str:
        return value  # type: ignore[return-value]
    if kind is int:
        return i18n.number(value, _lang(lang))  # type: ignore[arg-type]
    if value is None:
        return "—"
    if isinstance(value, bool):
        return i18n.message("rules.value.yes" if value else "rules.value.no", _lang(lang))
    if isinstance(value, enum.Enum):
        return _enum_label(value, lang)
    if isinstance(value, Money):
        return _EUROS[_lang(lang)](value)
    if isinstance(value, Decimal):
        return _display_decimal(value, lang)
    if isinstance(value, dt.date):
        return i18n.date(value, _lang(lang))
    if isinstance(value, Period):
        return f"{display(value.start, lang)}–{display(value.end, lang)}"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {display(v, lang)}" for k, v in value.items())
    if isinstance(value, list | tuple | frozenset | set):
        items = sorted(value, key=str) if isinstance(value, frozenset | set) else value
        return ", ".join(display(v, lang) for v in items)
    shown = getattr(value, "display", None)
    if callable(shown):
        return str(shown(lang))
    return str(value)


@attrs.frozen
class Text:
    """A sentence in Italian and English, computed by a rule: shown in the report's language.

    >>> Text("sì", "yes").display("en")
    'yes'
    """

    it: str
    en: str

    def display(self, lang: Lang = "it") -> str:
        """The sentence in ``lang`` (``"it"`` or ``"en"``; any other value is an error).

        >>> Text("sì", "yes").display("fr")
        Traceback (most recent call last):
        ...
        welfare_ambito.errors.InvalidValue: lang: 'fr' is not one of it, en
        """
        if lang == "it":
            return self.it
        if lang == "en":
            return self.en
        raise InvalidValue.of("choice", path="lang", value=lang, choices="it, en")

    @classmethod
    def message(cls, key: str, /, **params: Any) -> Text:
        """The catalogue message ``key`` (:mod:`welfare_ambito.i18n`) in both languages.

        >>> Text.message("unit.families", count=1)
        Text(it='1 famiglia', en='1 family')
        >>> Text.message("unit.hours", count=Decimal("1400.5")).it
        '1.400,5 ore'
        """
        return cls(i18n.message(key, "it", **params), i18n.message(key, "en", **params))

    @classmethod
    def blank(cls) -> Text:
        """The empty sentence (an optional part of a message that says nothing).

        >>> Text.blank().display("en")
        ''
        """
        return cls("", "")

    def __json__(self) -> dict[str, str]:
        return {"it": self.it, "en": self.en}

    def __str__(self) -> str:
        return self.en


def named_texts(it_name: str, en_name: str) -> tuple[dict[str, str], dict[str, str]]:
    """The title and message of a rule named after what it checks: «Name: {verdict}».

    The first letter is upper-cased, the rest kept as written («CCNL», «D.Lgs.»).

    >>> title, message = named_texts("rendicontazioni semestrali", "half-yearly reports")
    >>> title["it"], message["en"]
    ('Rendicontazioni semestrali', 'Half-yearly reports: {verdict}')
    """
    title = {"it": it_name[:1].upper() + it_name[1:], "en": en_name[:1].upper() + en_name[1:]}
    return title, {lang: f"{name}: {{verdict}}" for lang, name in title.items()}

"""One reader of numbers and dates: the grammar every door of welfare_ambito uses.

Amounts, hours, weights, counts and dates come in as text (a TOML value, a CSV
cell, a CLI argument), as Python numbers or as numpy/pandas scalars. This
module is the only place that reads them, so the same text never means two
different numbers: a door either reads it as every other door does, or refuses
it with a message that repeats what was written and says how to write it.

The grammar (see ``docs/reference/numbers.md``):

* the machine form: ``1500``, ``1500.25``, ``-0.5`` (a point marks decimals);
* the Italian form: ``1.500,25``, ``1.234.567``, ``1500,25``, ``€ 35.600,00``
  (dots group thousands in threes, the comma marks decimals);
* ``1.500`` (one group of three after a single dot) could be fifteen hundred or
  one and a half: it is fifteen hundred where a number cannot have three
  decimals (counts, and amounts in euros, as the notices write «211.500»), and
  refused where it can (hours, weights, percentages);
* refused everywhere: ``1,000.00`` and ``1,000,000`` (English grouping),
  ``1,500`` (one and a half in Italian, fifteen hundred in English),
  ``1e3`` (scientific notation), more than 15 integer digits or 12 decimals;
* ``-`` means zero only where a published table means it (``dash_zero=True``).

Dates are ``YYYY-MM-DD`` or ``DD/MM/YYYY`` (always day first); a ``datetime``
(or ``pandas.Timestamp``) at midnight is that date.

>>> read_decimal("1.234,5"), read_decimal("1234.5")
(Decimal('1234.5'), Decimal('1234.5'))
>>> read_amount("€ 211.500"), read_count("17.205")
(Decimal('211500'), 17205)
>>> read_decimal("1.500", path="weekly_hours")
Traceback (most recent call last):
...
welfare_ambito.errors.InvalidValue: weekly_hours: '1.500' could be 1500 or 1.5: write 1500 (or 1.500,0) for 1500, 1.5 (or 1,5) for 1.5
>>> read_date("01/06/2023")
datetime.date(2023, 6, 1)
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal, cast

from welfare_ambito import i18n
from welfare_ambito.errors import InvalidValue, Phrase

__all__ = [
    "MAX_DECIMALS",
    "MAX_INTEGER_DIGITS",
    "fast_amount_cents",
    "read_amount",
    "read_count",
    "read_date",
    "read_decimal",
    "read_fraction",
]

MAX_INTEGER_DIGITS: Final = 15
"""The most digits before the decimal mark: 10^15 is beyond any budget or caseload.

>>> read_decimal("9" * MAX_INTEGER_DIGITS) == 10**MAX_INTEGER_DIGITS - 1
True
"""
MAX_DECIMALS: Final = 12
"""The most digits after the decimal mark (trailing zeros aside).

>>> read_decimal("0," + "0" * (MAX_DECIMALS - 1) + "1")
Decimal('1E-12')
"""
_MAX_TEXT: Final = 64
_MAX_FRACTION_BITS: Final = 256

Kind = Literal["amount", "decimal", "count"]
Floats = Literal["refuse", "shortest"]

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2212": "-"})
_SHAPE = re.compile(
    r"^(?P<s1>[+-]?)\s*(?P<c1>€|eur)?\s*(?P<s2>[+-]?)\s*"
    r"(?P<num>\d[\d., ]*)\s*(?P<c2>€|eur)?\Z",
    re.IGNORECASE | re.ASCII,
)
_EXPONENT = re.compile(r"\d\s*[eE]\s*[+-]?\s*\d", re.ASCII)
_DIGITS = re.compile(r"^\d+\Z", re.ASCII)
_HEAD = re.compile(r"^[1-9]\d{0,2}\Z", re.ASCII)
_DASHES = frozenset({"-", "–", "—"})
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?)?\Z", re.ASCII)
_ITALIAN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\Z", re.ASCII)


i18n.define_group(
    "error.parsing",
    (
        (
            "not_amount",
            "{shown} non è un importo in euro (scrivi 1.500,25 oppure 1500.25)",
            "{shown} is not an amount in euros (write 1500.25 or 1.500,25)",
        ),
        (
            "not_whole",
            "{shown} non è un numero intero (scrivi 1500 oppure 1.500)",
            "{shown} is not a whole number (write 1500 or 1.500)",
        ),
        (
            "not_number",
            "{shown} non è un numero (scrivi 1.500,25 oppure 1500.25)",
            "{shown} is not a number (write 1500.25 or 1.500,25)",
        ),
        (
            "too_long",
            "un numero di {length} caratteri è troppo lungo (al massimo {most})",
            "a number of {length} characters is too long (at most {most})",
        ),
        (
            "dash",
            "{shown} qui non è un numero (scrivi 0 per zero)",
            "{shown} is not a number here (write 0 for zero)",
        ),
        (
            "exponent",
            "{shown} usa la notazione scientifica: scrivi il numero per esteso (es. 1500)",
            "{shown} uses scientific notation: write the number in full (e.g. 1500)",
        ),
        (
            "english",
            "{shown} è scritto all'inglese: scrivi 1.000,00 oppure 1000.00",
            "{shown} is written the English way: write 1000.00 or 1.000,00",
        ),
        (
            "ambiguous",
            "{shown} può valere {thousands} o {small}: scrivi {thousands} (o {grouped}) "
            "per {thousands}, {written} per {small}",
            "{shown} could be {thousands} or {small}: write {thousands} (or {grouped}) "
            "for {thousands}, {written} for {small}",
        ),
        ("not_finite", "{shown} non è un numero finito", "{shown} is not a finite number"),
        (
            "too_large_point",
            "il numero è troppo grande (più di {most} cifre prima della virgola)",
            "the number is too large (more than {most} digits before the decimal mark)",
        ),
        (
            "too_precise",
            "il numero ha più di {most} decimali",
            "the number has more than {most} decimals",
        ),
        (
            "too_large",
            "il numero è troppo grande (più di {most} cifre)",
            "the number is too large (more than {most} digits)",
        ),
        (
            "not_decimal",
            "{fraction} non ha una forma decimale esatta",
            "{fraction} has no exact decimal form",
        ),
        ("fraction_too_large", "la frazione ha troppe cifre", "the fraction has too many digits"),
        (
            "date_time",
            "un'ora del giorno qui non ha senso: indica solo la data",
            "a time of day has no meaning here: give the date only",
        ),
        (
            "not_date",
            "non è una data (scrivi AAAA-MM-GG oppure GG/MM/AAAA)",
            "not a date (write YYYY-MM-DD or DD/MM/YYYY)",
        ),
        (
            "not_day",
            "non è un giorno del calendario (controlla giorno e mese)",
            "not a day of the calendar (check day and month)",
        ),
    ),
)

i18n.define("parsing.either_mark", it="{comma} (o {dot})", en="{dot} (or {comma})")


def _error(
    key: str,
    path: str,
    *,
    code: str,
    value: object = None,
    what: str = "",
    **params: object,
) -> InvalidValue:
    """The error of message ``parsing.<key>``, with its stable ``code`` and params."""
    error = InvalidValue.of(f"parsing.{key}", path=path, **params)
    assert isinstance(error, InvalidValue)
    error.code = code
    error.params = {"what": what} if value is None else {"what": what, "value": value}
    return error


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _not_a_number(text: str, path: str, kind: Kind) -> InvalidValue:
    shown = _shown(text)
    if kind == "amount":
        return _error("not_amount", path, code="money_parse", value=text, shown=shown)
    if kind == "count":
        return _error("not_whole", path, code="number", value=text, shown=shown)
    return _error("not_number", path, code="number", value=text, shown=shown)


def _grouped(integer: str, separator: str) -> bool:
    head, *groups = integer.split(separator)
    return bool(_HEAD.match(head)) and all(len(g) == 3 and _DIGITS.match(g) for g in groups)


def _integer_part(integer: str, text: str, path: str, kind: Kind) -> str:
    """The digits of an integer part written plain or grouped by dots or spaces."""
    if _DIGITS.match(integer):
        return integer
    for separator in (".", " "):
        if separator in integer and _grouped(integer, separator):
            return integer.replace(separator, "")
    raise _not_a_number(text, path, kind)


def _parse_text(text: str, *, kind: Kind, path: str, dash_zero: bool) -> Decimal:
    if len(text) > _MAX_TEXT:
        raise _error("too_long", path, code="number_too_long", length=len(text), most=_MAX_TEXT)
    cleaned = text.translate(_SPACES).strip()
    if cleaned in _DASHES:
        if dash_zero:
            return Decimal(0)
        raise _error("dash", path, code="number_dash", value=text, shown=_shown(text))
    if _EXPONENT.search(cleaned):
        raise _error("exponent", path, code="number_exponent", value=text, shown=_shown(text))
    match = _SHAPE.match(cleaned)
    if not match or (match["s1"] and match["s2"]):
        raise _not_a_number(text, path, kind)
    if kind != "amount" and (match["c1"] or match["c2"]):
        raise _not_a_number(text, path, kind)
    sign = match["s1"] or match["s2"]
    body = match["num"].strip()
    if "," in body:
        integer, _, decimals = body.rpartition(",")
        if "." in decimals or "," in integer:
            raise _error("english", path, code="number_english", value=text, shown=_shown(text))
        if _HEAD.match(integer) and len(decimals) == 3:
            raise _ambiguous(text, path, integer, decimals, comma=True)
    elif body.count(".") == 1:
        integer, _, decimals = body.partition(".")
        if _HEAD.match(integer) and len(decimals) == 3:
            if kind == "decimal":
                raise _ambiguous(text, path, integer, decimals, comma=False)
            integer, decimals = integer + decimals, ""
        elif " " in integer and not decimals:
            raise _not_a_number(text, path, kind)
    else:
        integer, decimals = body, ""
    if "," in body and not decimals:
        raise _not_a_number(text, path, kind)
    if decimals and not _DIGITS.match(decimals):
        raise _not_a_number(text, path, kind)
    if body.endswith("."):
        raise _not_a_number(text, path, kind)
    digits = _integer_part(integer, text, path, kind)
    if kind == "count" and decimals:
        raise _not_a_number(text, path, kind)
    number = Decimal(f"{sign}{digits}.{decimals}" if decimals else f"{sign}{digits}")
    return _bounded(number, path, text)


def _ambiguous(text: str, path: str, integer: str, decimals: str, *, comma: bool) -> InvalidValue:
    thousands = f"{integer}{decimals}"
    small = f"{integer}.{decimals}".rstrip("0").rstrip(".")
    # Each language shows its own decimal mark first: 1,5 (o 1.5) / 1.5 (or 1,5).
    written: Phrase | str = (
        Phrase("parsing.either_mark", {"comma": small.replace(".", ","), "dot": small})
        if "." in small
        else small
    )
    grouped = f"{integer}.{decimals},0"
    return _error(
        "ambiguous",
        path,
        code="number_ambiguous",
        value=text,
        what="comma" if comma else "dot",
        shown=_shown(text),
        thousands=thousands,
        small=small,
        written=written,
        grouped=grouped,
    )


def _bounded(number: Decimal, path: str, shown: object) -> Decimal:
    """``number`` if it is finite and within the bounds, else a typed error, instantly."""
    if not number.is_finite():
        raise _error(
            "not_finite", path, code="number_not_finite", value=str(shown), shown=_shown(str(shown))
        )
    sign, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    trailing = 0
    # Trailing zeros after the point do not count as decimals ("1.50000").
    stripped = list(digits)
    while exponent + trailing < -MAX_DECIMALS and len(stripped) > 1 and stripped[-1] == 0:
        stripped.pop()
        trailing += 1
    if len(stripped) + exponent + trailing > MAX_INTEGER_DIGITS and any(stripped):
        raise _error("too_large_point", path, code="number_too_large", most=MAX_INTEGER_DIGITS)
    if exponent + trailing < -MAX_DECIMALS:
        raise _error("too_precise", path, code="number_too_precise", most=MAX_DECIMALS)
    if trailing:
        return Decimal((sign, tuple(stripped), exponent + trailing))
    return number


def _from_object(
    value: object, *, kind: Kind, path: str, dash_zero: bool, floats: Floats
) -> Decimal:
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        raise _type_error(value, path, kind)
    if isinstance(value, str):
        return _parse_text(value, kind=kind, path=path, dash_zero=dash_zero)
    if isinstance(value, Decimal):
        return _bounded(value, path, value)
    if isinstance(value, numbers.Integral):
        integer = int(value)
        if abs(integer) >= 10**MAX_INTEGER_DIGITS:
            raise _error("too_large", path, code="number_too_large", most=MAX_INTEGER_DIGITS)
        return Decimal(integer)
    if isinstance(value, Fraction):
        return _bounded(_terminating(value, path), path, value)
    if isinstance(value, numbers.Real):
        as_float = float(value)
        if floats == "refuse":
            if kind == "amount":
                raise InvalidValue.of("money_float", path=path)
            raise InvalidValue.of("number_float", path=path)
        if as_float != as_float or as_float in (float("inf"), float("-inf")):
            return _bounded(Decimal(as_float), path, as_float)  # raises: not finite
        return _bounded(Decimal(repr(as_float)), path, as_float)
    raise _type_error(value, path, kind)


def _terminating(value: Fraction, path: str) -> Decimal:
    _bounded_fraction(value, path)
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1 or max(twos, fives) > MAX_DECIMALS:
        raise _error("not_decimal", path, code="number_not_decimal", fraction=str(value))
    places = max(twos, fives)
    return Decimal(value.numerator * 10**places // value.denominator).scaleb(-places)


def _bounded_fraction(value: Fraction, path: str) -> Fraction:
    if (
        value.numerator.bit_length() > _MAX_FRACTION_BITS
        or value.denominator.bit_length() > _MAX_FRACTION_BITS
    ):
        raise _error("fraction_too_large", path, code="number_too_large")
    return value


def _type_error(value: object, path: str, kind: Kind) -> InvalidValue:
    expected = {"amount": "an amount", "decimal": "a number", "count": "a whole number"}[kind]
    actual = "bool" if type(value).__name__ in {"bool", "bool_"} else type(value).__name__
    return cast(InvalidValue, InvalidValue.of("type", path=path, expected=expected, actual=actual))


def read_decimal(
    value: object, *, path: str = "", dash_zero: bool = False, floats: Floats = "refuse"
) -> Decimal:
    """A number (hours, a weight, a percentage) as an exact, bounded :class:`Decimal`.

    ``value`` may be text in the grammar above, an ``int`` (or numpy integer), a
    ``Decimal``, a terminating ``Fraction``; a ``float`` (or numpy float) is
    refused unless ``floats="shortest"``, which reads it as its shortest
    round-trip decimal form (``0.1`` is one tenth). ``1.500`` is refused as
    ambiguous.

    >>> read_decimal("12,5"), read_decimal("-0.25"), read_decimal(0.1, floats="shortest")
    (Decimal('12.5'), Decimal('-0.25'), Decimal('0.1'))
    >>> read_decimal("1e999999", path="weekly_hours")
    Traceback (most recent call last):
    ...
    welfare_ambito.errors.InvalidValue: weekly_hours: '1e999999' uses scientific notation: write the number in full (e.g. 1500)
    """
    return _from_object(value, kind="decimal", path=path, dash_zero=dash_zero, floats=floats)


def read_amount(
    value: object, *, path: str = "", dash_zero: bool = False, ambiguous_dot: bool = False
) -> Decimal:
    """An amount in euros as an exact, bounded :class:`Decimal` (not yet rounded to cents).

    Text may carry ``€`` or ``EUR`` before or after; ``1.500`` is fifteen hundred
    (an amount has at most two decimals). With ``ambiguous_dot=True`` (an amount
    that may be rounded, so three decimals are meaningful) ``1.500`` is refused.
    A ``float`` is always refused.

    >>> read_amount("€ 35.600,00"), read_amount("-1.234,5"), read_amount("35600.00")
    (Decimal('35600.00'), Decimal('-1234.5'), Decimal('35600.00'))
    >>> read_amount("1,000.00")
    Traceback (most recent call last):
    ...
    welfare_ambito.errors.InvalidValue: '1,000.00' is written the English way: write 1000.00 or 1.000,00
    """
    kind: Kind = "decimal" if ambiguous_dot else "amount"
    if isinstance(value, str) and ambiguous_dot:
        stripped = re.sub(r"(€|eur)", "", value, flags=re.IGNORECASE)
        return _from_object(stripped, kind=kind, path=path, dash_zero=dash_zero, floats="refuse")
    return _from_object(value, kind=kind, path=path, dash_zero=dash_zero, floats="refuse")


# The common forms of a table cell, read without the general grammar: a plain
# integer, Italian grouping with an optional comma and one or two decimals, or
# the machine form with one or two decimals. Anything else (a sign with a space,
# a currency, three decimals, leading zeros, English grouping…) goes to the grammar.
_FAST_AMOUNT = re.compile(
    r"(-?)(0|[1-9]\d{0,14}|[1-9]\d{0,2}(?:\.\d{3}){1,4})(?:,(\d{1,2}))?\Z"
    r"|(-?)(0|[1-9]\d{0,14})\.(\d{1,2})\Z",
    re.ASCII,
)


def fast_amount_cents(text: str, *, dash_zero: bool = False) -> int | None:
    """The cents of ``text`` when it is one of the common forms of an amount, else ``None``.

    A fast path in front of :func:`read_amount` for table cells: ``"1234"``,
    ``"1.234.567"``, ``"1.234,56"``, ``"1234,5"`` and ``"1234.56"`` are read here;
    every other text returns ``None`` and must go through :func:`read_amount`,
    which reads it or refuses it. Where this function answers, the answer is the
    grammar's, to the cent (a property test holds it to that).

    >>> fast_amount_cents("1.234,56"), fast_amount_cents("1234.5"), fast_amount_cents("1.500")
    (123456, 123450, 150000)
    >>> fast_amount_cents("1,000.00") is None, fast_amount_cents("€ 5") is None
    (True, True)
    >>> fast_amount_cents("-", dash_zero=True), fast_amount_cents("-") is None
    (0, True)
    """
    match = _FAST_AMOUNT.match(text)
    if match is None:
        if dash_zero and text == "-":
            return 0
        return None
    sign, integer, decimals = match.group(1, 2, 3)
    if integer is None:
        sign, integer, decimals = match.group(4, 5, 6)
    cents = int(integer.replace(".", "")) * 100
    if decimals:
        cents += int(decimals) * (10 if len(decimals) == 1 else 1)
    return -cents if sign else cents


def read_count(value: object, *, path: str = "") -> int:
    """A whole number (a caseload, a number of families); ``17.205`` is 17205.

    >>> read_count("17.205"), read_count(42)
    (17205, 42)
    """
    if isinstance(value, Decimal | Fraction) or (
        isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral)
    ):
        number = _from_object(value, kind="decimal", path=path, dash_zero=False, floats="shortest")
        if number != number.to_integral_value():
            raise _not_a_number(str(value), path, "count")
        return int(number)
    return int(_from_object(value, kind="count", path=path, dash_zero=False, floats="refuse"))


def read_fraction(value: object, *, path: str = "", floats: Floats = "shortest") -> Fraction:
    """A weight as an exact :class:`Fraction`: text, int, Decimal, Fraction or float.

    A float is read through its shortest decimal form (``0.1`` is one tenth)
    unless ``floats="refuse"``; ``1.500`` is refused as ambiguous.

    >>> read_fraction("950"), read_fraction("1.500,0"), read_fraction(0.1)
    (Fraction(950, 1), Fraction(1500, 1), Fraction(1, 10))
    """
    if isinstance(value, Fraction):
        return _bounded_fraction(value, path)
    return Fraction(read_decimal(value, path=path, floats=floats))


def read_date(value: object, *, path: str = "") -> dt.date:
    """A date from a ``date``, a midnight ``datetime``/``Timestamp``, ``YYYY-MM-DD`` or ``DD/MM/YYYY``.

    The message of a refused date never repeats it (it may be a birth date).

    >>> read_date("2023-06-01"), read_date("1/6/2023")
    (datetime.date(2023, 6, 1), datetime.date(2023, 6, 1))
    >>> read_date("06-01-2023", path="birth_date")
    Traceback (most recent call last):
    ...
    welfare_ambito.errors.InvalidValue: birth_date: not a date (write YYYY-MM-DD or DD/MM/YYYY)
    """
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0) or value.tzinfo is not None:
            raise _error("date_time", path, code="date_time")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InvalidValue.of("type", path=path, expected="a date", actual=type(value).__name__)
    text = value.strip()
    iso = _ISO.match(text) if len(text) <= 32 else None
    italian = _ITALIAN_DATE.match(text) if len(text) <= 32 else None
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif italian:
        day, month, year = (int(part) for part in italian.groups())
    else:
        raise _error("not_date", path, code="date")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _error("not_day", path, code="date") from None

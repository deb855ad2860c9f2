"""Small validators and converters shared by the domain objects.

Each raises :class:`~welfare_ambito.errors.InvalidValue` naming the field and
the problem; none of them prints a value that could be personal data.
"""

from __future__ import annotations

import datetime as dt
import enum
import numbers
import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from welfare_ambito._frozendict import FrozenDict
from welfare_ambito.errors import InvalidValue
from welfare_ambito.money import Money
from welfare_ambito.parsing import read_decimal

E = TypeVar("E", bound=enum.Enum)
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$")


def _name(attribute: attrs.Attribute[Any]) -> str:
    return attribute.alias or attribute.name


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-empty string."""
    if not isinstance(value, str):
        raise InvalidValue.of(
            "type", path=_name(attribute), expected="text", actual=type(value).__name__
        )
    if not value.strip():
        raise InvalidValue.of("empty", path=_name(attribute))


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A pseudonymous identifier: letters, digits and ``._:/-``, at most 64 chars."""
    text(instance, attribute, value)
    if not _ID.match(str(value)):
        raise InvalidValue.of("pattern", path=_name(attribute), value=value, what="identifier")


def optional(validator: Validator) -> Validator:
    """Run ``validator`` unless the value is ``None``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A real ``bool`` (``1`` or ``"yes"`` is not a flag)."""
    if not isinstance(value, bool):
        raise InvalidValue.of(
            "type", path=_name(attribute), expected="true or false", actual=type(value).__name__
        )


def member_of(enum_type: type[E]) -> Validator:
    """A member of ``enum_type``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum_type):
            raise InvalidValue.of(
                "choice",
                path=_name(attribute),
                value=value,
                choices=", ".join(str(m.value) for m in enum_type),
            )

    return check


def instance(kind: type[Any], expected: str) -> Validator:
    """An instance of ``kind``, described as ``expected`` in messages."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise InvalidValue.of(
                "type", path=_name(attribute), expected=expected, actual=type(value).__name__
            )

    return check


def a_date(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A :class:`datetime.date` (not a datetime)."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidValue.of(
            "type", path=_name(attribute), expected="a date", actual=type(value).__name__
        )


def non_negative(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Zero or more."""
    if value < 0:
        raise InvalidValue.of("negative", path=_name(attribute), value=value)


def positive(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Greater than zero."""
    if value <= 0:
        raise InvalidValue.of("not_positive", path=_name(attribute), value=value)


def tuple_of(item: Validator) -> Validator:
    """A tuple whose items each pass ``item`` (errors point at ``field[i]``)."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidValue.of(
                "type", path=_name(attribute), expected="a tuple", actual=type(value).__name__
            )
        for index, element in enumerate(value):
            try:
                item(inst, attribute, element)
            except InvalidValue as exc:
                exc.path = f"{_name(attribute)}[{index}]"
                raise

    return check


def non_empty(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """At least one item."""
    if len(value) == 0:
        raise InvalidValue.of("empty", path=_name(attribute))


def set_of(enum_type: type[E]) -> Validator:
    """A frozenset of members of ``enum_type``."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, frozenset):
            raise InvalidValue.of(
                "type", path=_name(attribute), expected="a list", actual=type(value).__name__
            )
        for element in value:
            if not isinstance(element, enum_type):
                raise InvalidValue.of(
                    "choice",
                    path=_name(attribute),
                    value=element,
                    choices=", ".join(str(m.value) for m in enum_type),
                )

    return check


def enum_set(enum_type: type[E]) -> Callable[[Any], frozenset[E] | Any]:
    """Convert a list/tuple/set of strings into a frozenset of ``enum_type``."""
    member = enum_value(enum_type)

    def convert(value: Any) -> frozenset[E] | Any:
        if isinstance(value, list | tuple | set | frozenset):
            return frozenset(member(item) for item in value)
        return value

    return convert


def unique_ids(what: str) -> Validator:
    """Items of the tuple have distinct ``id`` attributes."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: Iterable[Any]) -> None:
        seen: set[str] = set()
        for index, element in enumerate(value):
            ident = element.id
            if ident in seen:
                raise InvalidValue.of(
                    "duplicate", path=f"{_name(attribute)}[{index}].id", what=what, value=ident
                )
            seen.add(ident)

    return check


# -- converters (run before validators; they never guess) ------------------------


def to_tuple(value: Any) -> Any:
    """Lists become tuples; anything else is left for the validator to judge."""
    return tuple(value) if isinstance(value, list) else value


def to_frozenset(value: Any) -> Any:
    """Lists, tuples and sets become frozensets; anything else is left as is."""
    return frozenset(value) if isinstance(value, list | tuple | set) else value


def parse_decimal(value: Any, *, path: str = "") -> Decimal:
    """An int, Decimal or numeric text as a finite, bounded Decimal; a float or bool is refused.

    Text follows :mod:`welfare_ambito.parsing`: ``"8"``, ``"7,5"``, ``"1.234,5"``;
    ``"1.500"`` (fifteen hundred or one and a half?) is refused.
    """
    return read_decimal(value, path=path)


def to_decimal(value: Any, attribute: attrs.Attribute[Any]) -> Any:
    """attrs converter: :func:`parse_decimal`, naming the field; ``None`` passes."""
    return None if value is None else parse_decimal(value, path=_name(attribute))


def all_of(*validators: Validator) -> Validator:
    """Run every validator in turn."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        for validator in validators:
            validator(inst, attribute, value)

    return check


def decimal_field(*, default: Any = attrs.NOTHING, validators: Iterable[Validator] = ()) -> Any:
    """An attrs field holding a finite :class:`Decimal`, converted from int/str.

    With ``default=None`` the field is optional (``None`` means "not recorded").
    """
    checks = all_of(instance(Decimal, "a number"), *validators)
    return attrs.field(
        default=default,
        converter=attrs.Converter(to_decimal, takes_field=True),
        validator=optional(checks) if default is None else checks,
    )


def to_money(value: Any) -> Any:
    """A str, int or Decimal becomes :class:`Money` (text read as ``Money(text)`` reads it)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str | numbers.Integral | Decimal):
        return Money(value)
    return value


def frozen_mapping(
    key: Callable[[Any], K], value: Callable[[Any], V]
) -> Callable[[Any], FrozenDict[K, V] | Any]:
    """Convert a mapping into a :class:`FrozenDict` with converted keys and values."""

    def convert(mapping: Any) -> FrozenDict[K, V] | Any:
        if isinstance(mapping, Mapping):
            return FrozenDict({key(k): value(v) for k, v in mapping.items()})
        return mapping

    return convert


def as_enum(enum_type: type[E], value: Any) -> E | Any:
    """``value`` as a member of ``enum_type`` when it names one; otherwise unchanged.

    An unknown value is left for the field's validator, which reports it with
    the allowed choices.
    """
    return enum_value(enum_type)(value)


def as_enum_set(enum_type: type[E], value: Any) -> frozenset[E] | Any:
    """A list/tuple/set of values as a frozenset of ``enum_type`` members."""
    return enum_set(enum_type)(value)


def enum_value(enum_type: type[E]) -> Callable[[Any], E | Any]:
    """Convert a string into ``enum_type`` when it names a member; else leave it."""

    def convert(value: Any) -> E | Any:
        if isinstance(value, str) and not isinstance(value, enum_type):
            try:
                return enum_type(value)
            except ValueError:
                return value
        return value

    return convert

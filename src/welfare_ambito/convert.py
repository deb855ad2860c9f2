"""The converter: TOML, JSON and dicts to domain objects and back.

Built on a :class:`cattrs.Converter`. Structuring is strict (``"10"`` is not
an int, ``0.1`` is not an amount) and exhaustive: :class:`InvalidInput`
lists *every* problem of a document, each with its path, e.g.
``families[2].children[0].birth_date``. Nothing else escapes.

``configure_converter(conv)`` adds our hooks to any converter and
``make_converter()`` builds a ready one, so applications can compose ours
into theirs.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import difflib
import enum
import functools
import json
import os
import re
import types
import typing
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError

from welfare_ambito import _documents, _toml, i18n
from welfare_ambito._ambiti import embedded_ambito
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito.errors import ErrorDetail, InvalidInput, InvalidValue, WelfareAmbitoError
from welfare_ambito.model import Ambito, CoDesignPlan
from welfare_ambito.model._validate import parse_decimal
from welfare_ambito.model.plan import dangling_references
from welfare_ambito.money import Money
from welfare_ambito.periods import Period, parse_date

__all__ = [
    "StructureError",
    "configure_converter",
    "dump",
    "dumps",
    "load",
    "loads",
    "make_converter",
    "structure",
    "unstructure",
]

T = TypeVar("T")
Format = Literal["toml", "json"]
PathPart = str | int

i18n.define(
    "error.amount_float",
    it='un importo si scrive come testo ("211500.50") o come numero intero, non 211500.50',
    en='an amount is written as text ("211500.50") or a whole number, not 211500.50',
)
i18n.define(
    "error.invalid",
    it="i dati non si possono leggere come {into} ({error})",
    en="the data cannot be read as {into} ({error})",
)


class _Problems(Exception):
    """Internal carrier of every problem found below one value.

    ``partial`` is what could be built despite the problems (failed items are ``None``,
    failed fields absent), so that cross-reference checks still run on the rest.
    """

    def __init__(
        self,
        problems: Iterable[tuple[tuple[PathPart, ...], WelfareAmbitoError]],
        partial: Any = None,
    ):
        super().__init__("problems")
        self.problems = list(problems)
        self.partial = partial

    def prefixed(self, *parts: PathPart) -> list[tuple[tuple[PathPart, ...], WelfareAmbitoError]]:
        return [((*parts, *path), error) for path, error in self.problems]


_KEY = re.compile(r"^[A-Za-z_][\w-]*$")
_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def format_path(parts: Iterable[PathPart]) -> str:
    """``("families", 2, "children")`` → ``"families[2].children"``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _KEY.match(part):
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part, ensure_ascii=False)}]"
    return text


def _split_path(path: str) -> tuple[PathPart, ...]:
    """Split a relative path an error carries (``"children[0]"``) into parts."""
    if not path:
        return ()
    parts: list[PathPart] = []
    for name, index in _SEGMENT.findall(path):
        parts.append(int(index) if index else name)
    return tuple(parts)


def _leaf(error: WelfareAmbitoError) -> _Problems:
    return _Problems([((), error)])


def _type_error(expected: str, value: object) -> _Problems:
    return _leaf(InvalidValue.of("type", expected=expected, actual=_type_name(value)))


def _type_name(value: object) -> str:
    names = {
        str: "text",
        int: "integer",
        bool: "true/false",
        float: "number",
        Decimal: "number",
        list: "array",
        tuple: "array",
        dict: "table",
    }
    if value is None:
        return "nothing"
    for kind, name in names.items():
        if type(value) is kind:
            return name
    return "table" if isinstance(value, Mapping) else type(value).__name__


# -- leaf hooks ------------------------------------------------------------------


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _type_error("text", value)
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
            try:
                return int(value)
            except (OverflowError, ArithmeticError):
                pass  # too large to be a count of anything: a type error below
        raise _type_error("a whole number", value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _type_error("true or false", value)
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, _documents.DocumentFloat):
        value = Decimal(value)  # exact: a quantity may be written 8.5
    try:
        return parse_decimal(value)
    except InvalidValue as exc:
        raise _leaf(exc) from None


def _amount_float() -> _Problems:
    return _leaf(InvalidValue.of("amount_float"))


def _structure_money(value: object, _: type) -> Money:
    # Amounts follow one rule at every door: the dict API refuses Python floats, so
    # documents refuse TOML/JSON floats (both are binary fractions to most tools).
    if isinstance(value, _documents.DocumentFloat):
        raise _amount_float()
    try:
        if isinstance(value, Money):
            return value
        if isinstance(value, str):
            return Money(value)  # the grammar of welfare_ambito.parsing; "-" is no amount here
        if isinstance(value, int | Decimal | float) and not isinstance(value, bool):
            return Money(value)  # type: ignore[arg-type]  # a float is refused with a clear error
    except InvalidValue as exc:
        raise _leaf(exc) from None
    raise _type_error("an amount in euros", value)


def _structure_date(value: object, _: type) -> dt.date:
    try:
        return parse_date(value)
    except InvalidValue as exc:
        # parse_date describes a date's problem without repeating it (it may be a birth date).
        exc.path = ""
        raise _leaf(exc) from None


def _structure_enum(value: object, enum_type: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except (ValueError, TypeError):
        choices = ", ".join(str(m.value) for m in enum_type)
        raise _leaf(InvalidValue.of("choice", value=value, choices=choices)) from None


# -- container hooks --------------------------------------------------------------


def _is_sequence_type(type_: Any) -> bool:
    return get_origin(type_) in (tuple, frozenset, list, set) and (
        get_origin(type_) is not tuple or (len(get_args(type_)) == 2 and get_args(type_)[1] is ...)
    )


def _sequence_hook(conv: cattrs.Converter, type_: Any) -> Callable[[object, type], Any]:
    origin = get_origin(type_)
    item_type = get_args(type_)[0]
    build: Callable[[list[Any]], Any] = {
        tuple: tuple,
        frozenset: frozenset,
        list: list,
        set: set,
    }[origin]

    def structure(value: object, _: type) -> Any:
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
            raise _type_error("an array", value)
        items: list[Any] = []
        problems: list[tuple[tuple[PathPart, ...], WelfareAmbitoError]] = []
        for index, item in enumerate(value):
            try:
                items.append(conv.structure(item, item_type))
            except _Problems as exc:
                problems.extend(exc.prefixed(index))
                items.append(exc.partial)
        if problems:
            raise _Problems(problems, partial=tuple(items))
        return build(items)

    return structure


def _is_mapping_type(type_: Any) -> bool:
    return get_origin(type_) in (FrozenDict, dict, Mapping) or type_ is FrozenDict


def _mapping_hook(conv: cattrs.Converter, type_: Any) -> Callable[[object, type], Any]:
    args = get_args(type_) or (str, Any)
    key_type, value_type = args
    build: Callable[[dict[Any, Any]], Any] = dict if get_origin(type_) is dict else FrozenDict

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise _type_error("a table", value)
        result: dict[Any, Any] = {}
        problems: list[tuple[tuple[PathPart, ...], WelfareAmbitoError]] = []
        for key, item in value.items():
            try:
                result[conv.structure(key, key_type)] = conv.structure(item, value_type)
            except _Problems as exc:
                problems.extend(exc.prefixed(str(key)))
        if problems:
            raise _Problems(problems)
        return build(result)

    return structure


def _is_optional(type_: Any) -> bool:
    return get_origin(type_) in (Union, types.UnionType) and type(None) in get_args(type_)


def _optional_hook(conv: cattrs.Converter, type_: Any) -> Callable[[object, type], Any]:
    others = [a for a in get_args(type_) if a is not type(None)]
    inner: Any = others[0] if len(others) == 1 else Union[tuple(others)]  # noqa: UP007

    def structure(value: object, _: type) -> Any:
        return None if value is None else conv.structure(value, inner)

    return structure


# -- attrs classes ----------------------------------------------------------------


@functools.cache
def _hints(cl: type) -> dict[str, Any]:
    return typing.get_type_hints(cl)


def _run_converter(field: attrs.Attribute[Any], value: Any) -> Any:
    converter: Any = field.converter
    if converter is None:
        return value
    if isinstance(converter, attrs.Converter):
        args: list[Any] = [value]
        if converter.takes_self:  # type: ignore[attr-defined]
            args.append(None)
        if converter.takes_field:  # type: ignore[attr-defined]
            args.append(field)
        return converter.converter(*args)  # type: ignore[attr-defined]
    return converter(value)


def _attrs_hook(conv: cattrs.Converter, cl: type) -> Callable[[object, type], Any]:
    fields = attrs.fields(cl)
    by_key = {(f.alias or f.name): f for f in fields if f.init}

    def structure(value: object, _: type) -> Any:
        if isinstance(value, cl):
            return value
        if not isinstance(value, Mapping):
            raise _type_error("a table", value)
        hints = _hints(cl)
        problems: list[tuple[tuple[PathPart, ...], WelfareAmbitoError]] = []
        for key in value:
            if key not in by_key:
                close = difflib.get_close_matches(str(key), list(by_key), n=1, cutoff=0.6)
                error = (
                    InvalidValue.of("unknown_key_suggest", key=key, suggestion=close[0])
                    if close
                    else InvalidValue.of("unknown_key", key=key)
                )
                problems.append(((str(key),), error))
        kwargs: dict[str, Any] = {}
        partial: dict[str, Any] = {}
        for key, field in by_key.items():
            if key not in value:
                if field.default is attrs.NOTHING:
                    problems.append(((key,), InvalidValue.of("missing")))
                continue
            try:
                structured = conv.structure(value[key], hints[field.name])
                kwargs[key] = _run_converter(field, structured)
            except _Problems as exc:
                problems.extend(exc.prefixed(key))
                if exc.partial is not None:
                    partial[field.name] = exc.partial
            except WelfareAmbitoError as exc:
                problems.append(((key,), exc))
        # Validators run one field at a time so that every bad field is reported,
        # not only the first one attrs would stop at.
        stand_in = types.SimpleNamespace(**{by_key[k].name: v for k, v in kwargs.items()})
        for key, item in kwargs.items():
            validator = by_key[key].validator
            if validator is None:
                continue
            try:
                validator(stand_in, by_key[key], item)
            except WelfareAmbitoError as exc:
                problems.append((_split_path(exc.path) or (key,), exc))
            except AttributeError:
                pass  # a cross-field check whose other field is already reported
        if problems:
            partial.update((by_key[k].name, v) for k, v in kwargs.items())
            stand_in = types.SimpleNamespace(**partial)
            reported = {path for path, _ in problems}
            for path, error in _cross_checks(cl, stand_in):
                if path not in reported:
                    problems.append((path, error))
            raise _Problems(problems, partial=stand_in)
        try:
            return cl(**kwargs)
        except InvalidInput as exc:
            raise _Problems(
                (_split_path(d.path), InvalidValue.from_detail(d)) for d in exc.errors
            ) from None
        except WelfareAmbitoError as exc:
            raise _Problems([(_split_path(exc.path), exc)]) from None

    return structure


_CROSS_CHECKS: dict[type, Callable[[Any], list[ErrorDetail]]] = {
    CoDesignPlan: dangling_references,
}


def _cross_checks(
    cl: type, partial: types.SimpleNamespace
) -> list[tuple[tuple[PathPart, ...], WelfareAmbitoError]]:
    """Cross-reference problems of what could be built, so they come with the field errors."""
    check = _CROSS_CHECKS.get(cl)
    if check is None:
        return []
    return [(_split_path(d.path), InvalidValue.from_detail(d)) for d in check(partial)]


def _period_hook(conv: cattrs.Converter) -> Callable[[object, type], Period]:
    table = _attrs_hook(conv, Period)

    def structure(value: object, type_: type) -> Period:
        if isinstance(value, str):
            try:
                return Period.parse(value)
            except InvalidValue as exc:
                raise _Problems([(_split_path(exc.path), exc)]) from None
        return typing.cast(Period, table(value, type_))

    return structure


# The folder of the document being loaded: an Ambito file named in it is relative to it.
_FOLDER: contextvars.ContextVar[Path | None] = contextvars.ContextVar(
    "welfare_ambito_document_folder", default=None
)

i18n.define(
    "error.ambito_file_missing",
    it="il file dell'Ambito {file!r} non esiste (cercato in {where})",
    en="the Ambito file {file!r} does not exist (looked for {where})",
)
i18n.define(
    "error.ambito_file_invalid",
    it={
        "one": "il file dell'Ambito {file!r} ha 1 problema, indicato sotto ambito.…",
        "other": "il file dell'Ambito {file!r} ha {count} problemi, indicati sotto ambito.…",
    },
    en={
        "one": "the Ambito file {file!r} has 1 problem, listed under ambito.…",
        "other": "the Ambito file {file!r} has {count} problems, listed under ambito.…",
    },
)


def _is_ambito_file(value: str) -> bool:
    """Whether a plan's ``ambito = value`` names a file (a ``.toml``/``.json`` path), not an id.

    >>> _is_ambito_file("seregno"), _is_ambito_file("lario.toml"), _is_ambito_file("ambiti/x")
    (False, True, True)
    """
    return value.lower().endswith((".toml", ".json")) or "/" in value or "\\" in value


def _ambito_file(value: str, folder: Path | None = None) -> Ambito:
    """The Ambito declared in the file ``value`` (relative to ``folder``, else the current one).

    Every problem of the file is reported at once, each with its path inside the Ambito
    (``comuni[2].istat_code``), after a first problem naming the file.
    """
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = (folder if folder is not None else Path.cwd()) / path
    if not path.is_file():
        raise _leaf(InvalidValue.of("ambito_file_missing", file=value, where=str(path)))
    try:
        document, _ = _read(path)
    except InvalidInput as exc:
        raise _Problems(
            (_split_path(d.path), InvalidValue.from_detail(d)) for d in exc.errors
        ) from None
    try:
        return _STRICT.structure(document, Ambito)
    except _Problems as exc:
        head = InvalidValue.of("ambito_file_invalid", file=value, count=len(exc.problems))
        raise _Problems([((), head), *exc.problems]) from None


def _ambito_hook(conv: cattrs.Converter) -> Callable[[object, type], Ambito]:
    table = _attrs_hook(conv, Ambito)

    def structure(value: object, type_: type) -> Ambito:
        if isinstance(value, str):
            if _is_ambito_file(value):
                return _ambito_file(value, _FOLDER.get())
            try:
                return embedded_ambito(value)
            except WelfareAmbitoError as exc:
                raise _leaf(exc) from None
        return typing.cast(Ambito, table(value, type_))

    return structure


# -- unstructuring ------------------------------------------------------------------


def _unstructure_attrs(conv: cattrs.Converter, cl: type) -> Callable[[Any], dict[str, Any]]:
    fields = [f for f in attrs.fields(cl) if f.init]

    def unstructure(obj: Any) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for field in fields:
            value = getattr(obj, field.name)
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            if value is None or (default is not attrs.NOTHING and value == default):
                continue
            result[field.alias or field.name] = conv.unstructure(value)
        return result

    return unstructure


def _unstructure_ambito(conv: cattrs.Converter) -> Callable[[Ambito], Any]:
    table = _unstructure_attrs(conv, Ambito)

    def unstructure(ambito: Ambito) -> Any:
        try:
            if embedded_ambito(ambito.id) == ambito:
                return ambito.id
        except WelfareAmbitoError:
            pass
        return table(ambito)

    return unstructure


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _unstructure_decimal(number: Decimal) -> int | str:
    # Whole numbers stay numbers for people reading the TOML; fractions become exact strings.
    return int(number) if number == number.to_integral_value() else str(number)


def _unstructure_key(value: Hashable) -> str:
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


def _configure_strict(conv: cattrs.Converter) -> cattrs.Converter:
    """Our own converter: strict hooks for every type, primitives included."""
    # Class hooks dispatch on the MRO: StrEnum needs its own hook or str's would win.
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    for enum_base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_structure_hook(enum_base, _structure_enum)
    conv.register_structure_hook(Money, _structure_money)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook(Period, _period_hook(conv))
    conv.register_structure_hook(Ambito, _ambito_hook(conv))
    conv.register_structure_hook(typing.Any, lambda value, _: value)
    conv.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(conv, t))
    conv.register_structure_hook_factory(_is_sequence_type, lambda t: _sequence_hook(conv, t))
    conv.register_structure_hook_factory(_is_mapping_type, lambda t: _mapping_hook(conv, t))
    conv.register_structure_hook_factory(
        lambda t: attrs.has(t) and t not in (Period, Ambito), lambda t: _attrs_hook(conv, t)
    )

    conv.register_unstructure_hook(Money, lambda m: str(m.amount))
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook(
        Period, lambda p: {"start": p.start.isoformat(), "end": p.end.isoformat()}
    )
    conv.register_unstructure_hook(Ambito, _unstructure_ambito(conv))
    # As for structuring, class hooks beat predicates: StrEnum would otherwise pass as a str.
    for enum_base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_unstructure_hook(enum_base, _enum_value)
    conv.register_unstructure_hook(
        FrozenDict,
        lambda m: {_unstructure_key(k): conv.unstructure(v) for k, v in m.items()},
    )
    conv.register_unstructure_hook(
        frozenset, lambda s: sorted((conv.unstructure(i) for i in s), key=str)
    )
    conv.register_unstructure_hook(tuple, lambda t: [conv.unstructure(i) for i in t])
    conv.register_unstructure_hook_factory(
        lambda t: attrs.has(t) and t not in (Period, Ambito), lambda t: _unstructure_attrs(conv, t)
    )
    return conv


_STRICT = _configure_strict(cattrs.Converter(forbid_extra_keys=True))


def _ours(type_: Any) -> bool:
    """Whether ``type_`` is a welfare_ambito class (``FrozenDict[str, int]`` counts too)."""
    base = get_origin(type_) or type_
    module = getattr(base, "__module__", "") if isinstance(base, type) else ""
    return module == "welfare_ambito" or module.startswith("welfare_ambito.")


def configure_converter(conv: cattrs.Converter) -> cattrs.Converter:
    """Teach ``conv`` welfare_ambito's types, and nothing else; return it.

    Only our classes get hooks: the host's ``str``, ``int``, ``Decimal``, dates
    and its own attrs classes keep whatever ``conv`` did with them. A document
    that does not structure raises :class:`StructureError`, both an
    :class:`~welfare_ambito.InvalidInput` and a cattrs exception group that
    :func:`cattrs.transform_error` reads.

    >>> import cattrs
    >>> from welfare_ambito import Money, Period
    >>> conv = configure_converter(cattrs.Converter())
    >>> conv.unstructure(Period.parse("2023-06-01/2026-05-31"))
    {'start': '2023-06-01', 'end': '2026-05-31'}
    >>> conv.structure("211500.00", Money)
    Money('211500.00')
    >>> conv.structure("10", int)  # the host's own (lenient) hook, untouched
    10
    >>> try:
    ...     conv.structure(0.1, Money)
    ... except StructureError as exc:
    ...     print(cattrs.transform_error(exc)[0].split(" @ ")[1])
    $
    """
    conv.register_structure_hook_factory(
        _ours, lambda type_: lambda value, _: structure(value, type_)
    )
    conv.register_unstructure_hook_factory(_ours, lambda type_: _STRICT.unstructure)
    return conv


def make_converter() -> cattrs.Converter:
    """A new :class:`cattrs.Converter` configured with :func:`configure_converter`.

    >>> from welfare_ambito.model import Partner
    >>> conv = make_converter()
    >>> conv.unstructure(Partner(name="Cooperativa Sociale Esempio (fittizia)"))
    {'name': 'Cooperativa Sociale Esempio (fittizia)'}
    """
    return configure_converter(cattrs.Converter(forbid_extra_keys=True))


class StructureError(InvalidInput, ClassValidationError):
    """A document that did not structure: an :class:`~welfare_ambito.InvalidInput`
    and a cattrs :class:`~cattrs.errors.ClassValidationError` at once.

    ``errors`` lists every problem with its path; as an exception group its
    ``exceptions`` are one :class:`~welfare_ambito.InvalidValue` per problem,
    each with the note cattrs' :func:`~cattrs.transform_error` reads.

    >>> import cattrs
    >>> from welfare_ambito.model import Child
    >>> try:
    ...     structure({"id": "C1", "birth_date": 5}, Child)
    ... except StructureError as exc:
    ...     print(exc.errors[0].path, "|", cattrs.transform_error(exc)[0].split(" @ ")[1])
    birth_date | $.birth_date
    """

    def __new__(cls, errors: Sequence[ErrorDetail], into: type) -> StructureError:
        details = tuple(errors)
        leaves: list[Exception] = []
        for detail in details:
            leaf = InvalidValue.from_detail(detail)
            # cattrs appends ".{name}" to the path; our path already spells the whole way down.
            if detail.path:
                leaf.__notes__ = [AttributeValidationNote(str(detail), detail.path, object)]
            leaves.append(leaf)
        return ClassValidationError.__new__(cls, "invalid input", leaves, into)

    def __init__(self, errors: Sequence[ErrorDetail], into: type) -> None:
        InvalidInput.__init__(self, errors)
        self.into = into

    # BaseExceptionGroup.message is read-only; ours is the readable English summary.
    @property
    def message(self) -> str:
        return self._message

    @message.setter
    def message(self, value: str) -> None:
        self._message = value

    def derive(self, excs: Any) -> ClassValidationError:  # type: ignore[override]
        return ClassValidationError("invalid input", excs, self.into)

    def __reduce__(self) -> Any:
        return (StructureError, (self.errors, self.into))


# -- public functions ----------------------------------------------------------------


def structure(data: object, into: type[T]) -> T:
    """Build an ``into`` object from plain data, or raise :class:`InvalidInput`.

    >>> from welfare_ambito.model import Child
    >>> structure({"id": "C1", "birth_date": "2015-04-01"}, Child)
    Child(id='C1')
    """
    try:
        return _STRICT.structure(data, into)
    except _Problems as exc:
        raise StructureError(
            [ErrorDetail.from_error(error, format_path(path)) for path, error in exc.problems],
            into,
        ) from None
    except StructureError:
        raise
    except InvalidInput as exc:
        raise StructureError(exc.errors, into) from None
    except WelfareAmbitoError as exc:
        raise StructureError([ErrorDetail.from_error(exc, exc.path)], into) from None
    except (
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        ArithmeticError,
        RecursionError,
    ) as exc:
        # Not a problem of one field: name the failure, never echo the values it quotes.
        problem = InvalidValue.of("invalid", into=into.__name__, error=type(exc).__name__)
        raise StructureError([ErrorDetail.from_error(problem, "")], into) from None


def unstructure(obj: object) -> Any:
    """Plain data (dicts, lists, strings, ints, bools) for ``obj``; the inverse of :func:`structure`.

    Fields left at their default value are omitted.

    >>> from welfare_ambito.model import FundingSource
    >>> funding = FundingSource(name="PNRR M5C2 1.1.1", amount="211500.00")
    >>> plain = unstructure(funding)
    >>> plain
    {'name': 'PNRR M5C2 1.1.1', 'amount': '211500.00'}
    >>> structure(plain, FundingSource) == funding
    True
    """
    return _STRICT.unstructure(obj)


def _read(path: Path) -> tuple[dict[str, Any], str]:
    return _documents.read_document(path, parse_float=_documents.DocumentFloat)


def _parse(text: str, fmt: str) -> dict[str, Any]:
    document = _documents.parse_document(text, fmt, parse_float=_documents.DocumentFloat)
    return typing.cast(dict[str, Any], document)


Source = str | os.PathLike[str] | Mapping[str, Any]


@typing.overload
def load(source: Source, into: None = None) -> CoDesignPlan: ...
@typing.overload
def load(source: Source, into: type[T]) -> T: ...


def load(source: Source, into: type[Any] | None = None) -> Any:
    """Load a document: a path to a ``.toml``/``.json`` file, or a mapping.

    Returns an ``into`` object (a :class:`~welfare_ambito.model.CoDesignPlan`
    by default; any domain class works, e.g. ``Family`` or ``Budget``).
    Raises :class:`InvalidInput` listing every problem with its path.

    A plan's ``ambito`` is an embedded Ambito's id (``"seregno"``), its tables, or
    the path of the user's own Ambito file (``"lario.toml"``, any ``.toml``/``.json``
    path): relative to the plan file's folder when ``source`` is a file, to the
    current folder when it is a mapping (or text given to :func:`loads`).

    >>> from welfare_ambito.model import Family, Intervention
    >>> sedt = load({"id": "SEDT-F01", "kind": "sedt", "weekly_hours": 8}, into=Intervention)
    >>> sedt.kind, sedt.weekly_hours
    (<InterventionKind.SEDT: 'sedt'>, Decimal('8'))
    >>> try:
    ...     load({"id": "F01", "children": [], "pre_assessment": "maybe"}, into=Family)
    ... except InvalidInput as exc:
    ...     print(sorted(detail.path for detail in exc.errors))
    ['children', 'pre_assessment']
    """
    target = CoDesignPlan if into is None else into
    if isinstance(source, Mapping):
        return structure(source, target)
    path = Path(source)
    document, _ = _read(path)
    token = _FOLDER.set(path.parent)  # an Ambito file the plan names is beside the plan
    try:
        return structure(document, target)
    finally:
        _FOLDER.reset(token)


@typing.overload
def loads(text: str, format: Format = "toml", into: None = None) -> CoDesignPlan: ...
@typing.overload
def loads(text: str, format: Format = "toml", *, into: type[T]) -> T: ...
@typing.overload
def loads(text: str, format: Format, into: type[T]) -> T: ...


def loads(text: str, format: Format = "toml", into: type[Any] | None = None) -> Any:
    """Load a document from TOML or JSON ``text``.

    >>> from welfare_ambito import data
    >>> plan = loads(data.example_text("pippi_seregno"))
    >>> plan.id, plan.cup
    ('seregno-pippi-2023-partner-a', 'B24H22000190001')
    >>> from welfare_ambito.model import Partner
    >>> loads('{"name": "Cooperativa Sociale Esempio (fittizia)"}', "json", into=Partner)
    Partner(name='Cooperativa Sociale Esempio (fittizia)')
    """
    return structure(_parse(text, format), CoDesignPlan if into is None else into)


def dumps(obj: object, format: Format = "toml") -> str:
    """Write ``obj`` as TOML or JSON text that :func:`loads` reads back equal.

    >>> from welfare_ambito.model import Partner
    >>> print(dumps(Partner(name="Cooperativa Sociale Esempio (fittizia)")), end="")
    name = "Cooperativa Sociale Esempio (fittizia)"
    >>> from welfare_ambito import data
    >>> plan = data.example("pippi_seregno")
    >>> loads(dumps(plan)) == plan, loads(dumps(plan, "json"), "json") == plan
    (True, True)
    """
    data = unstructure(obj)
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if format == "toml":
        return _toml.dumps(data)
    raise InvalidValue.of("choice", path="format", value=format, choices="toml, json")


@typing.overload
def dump(obj: object, format: Format = "toml") -> str: ...
@typing.overload
def dump(obj: object, format: Literal["dict"]) -> Any: ...


def dump(obj: object, format: Literal["toml", "json", "dict"] = "toml") -> Any:
    """``obj`` as TOML text, JSON text, or (``format="dict"``) plain data.

    >>> from welfare_ambito.model import FundingSource
    >>> funding = FundingSource(name="PNRR M5C2 1.1.1", amount="211500.00")
    >>> dump(funding, "dict")
    {'name': 'PNRR M5C2 1.1.1', 'amount': '211500.00'}
    >>> print(dump(funding), end="")
    name = "PNRR M5C2 1.1.1"
    amount = "211500.00"
    """
    if format == "dict":
        return unstructure(obj)
    return dumps(obj, format)

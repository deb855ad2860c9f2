"""Named parameters of a notice: dated, typed, cited values.

A :class:`Parameter` holds the values a notice sets for one quantity, each in
force from a date (and optionally until one, inclusive), with the sentence
that sets it. A :class:`ParameterSet` is an immutable collection of them; an
override returns a new set. :meth:`ParameterSet.at` gives the values in force
on a day as a :class:`Parameters` view, which is what rule functions read.

>>> import datetime as dt
>>> hours = Parameter(
...     name="pippi.sedt.min_weekly_hours",
...     unit="hours/week",
...     values=(DatedValue(since=dt.date(2023, 5, 1), value=8),),
... )
>>> params = ParameterSet((hours,))
>>> params.at(dt.date(2024, 1, 1))["pippi.sedt.min_weekly_hours"]
Decimal('8')
>>> what_if = params.override({"pippi.sedt.min_weekly_hours": "10"})
>>> what_if.at(dt.date(2024, 1, 1))["pippi.sedt.min_weekly_hours"]
Decimal('10')
>>> params.at(dt.date(2024, 1, 1))["pippi.sedt.min_weekly_hours"]
Decimal('8')
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final, NamedTuple, NoReturn

import attrs

from welfare_ambito import i18n
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito._lang import LANGS, is_lang
from welfare_ambito.citations import Citation
from welfare_ambito.errors import InvalidValue, NotFound, Phrase
from welfare_ambito.model import _validate as v
from welfare_ambito.money import Money
from welfare_ambito.periods import Period
from welfare_ambito.rules._values import UNITS, display, jsonable, parse_value

__all__ = [
    "OVERRIDDEN_TEXT",
    "DatedValue",
    "Parameter",
    "ParameterSet",
    "Parameters",
    "Provenance",
    "Reading",
    "Readings",
]

i18n.define(
    "error.rules.parameter_overlap",
    it="i valori dal {before} e dal {after} si sovrappongono",
    en="values from {before} and from {after} overlap",
)
i18n.define(
    "error.rules.parameter_not_in_force",
    it="il parametro {name!r} non ha un valore in vigore il {on} (valori: {ranges})",
    en="parameter {name!r} has no value in force on {on} (values: {ranges})",
)
i18n.define(
    "error.rules.undeclared_parameter",
    it="il parametro {name!r} non è disponibile: dichiaralo tra i parametri della regola",
    en="parameter {name!r} is not available here: declare it in the rule's parameters",
)
i18n.define(
    "error.rules.parameter_has_readings",
    it="il parametro {name!r} ha letture alternative; usa .readings({name!r})",
    en="parameter {name!r} has alternative readings; use .readings({name!r})",
)
i18n.define(
    "error.rules.unknown_parameter",
    it="parametro sconosciuto {name!r}{hint}",
    en="unknown parameter {name!r}{hint}",
)
i18n.define(
    "rules.hint.did_you_mean",
    it="; forse intendevi {suggestion!r}?",
    en="; did you mean {suggestion!r}?",
)
i18n.define_group(
    "rules.provenance",
    (
        (
            "overridden",
            "valore modificato dall'utente, non dall'avviso",
            "overridden, not from the notice",
        ),
        ("uncited", "nessuna citazione nel profilo", "not cited by the profile"),
    ),
)

_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.-")


def _parameter_name(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if (
        not isinstance(value, str)
        or not value
        or not set(value) <= _NAME_CHARS
        or value.startswith(".")
        or value.endswith(".")
    ):
        raise InvalidValue.of(
            "pattern", path=attribute.name, value=value, what="parameter name (lowercase, dotted)"
        )


@attrs.frozen(kw_only=True)
class Reading:
    """One reading of a value the source states ambiguously, with its own citation.

    >>> period = Period.parse("2023-06-01/2026-05-31")
    >>> reading = Reading(value=period, label="servizi e risorse umane")
    >>> reading.display()
    'servizi e risorse umane: 01/06/2023–31/05/2026'
    """

    value: Any
    label: str = attrs.field(validator=v.text)
    """Short name of the reading, e.g. ``"servizi"`` or ``"risorse finanziarie"``."""
    citation: Citation | None = attrs.field(
        default=None, validator=v.optional(v.instance(Citation, "a citation"))
    )

    def __json__(self) -> dict[str, Any]:
        return {"label": self.label, "value": self.value}

    def display(self, lang: str = "it") -> str:
        """``label: value`` in ``lang``."""
        return f"{self.label}: {display(self.value, lang)}"


@attrs.frozen(kw_only=True)
class Readings:
    """Alternative readings of one value: the source says it in more than one way.

    A rule must say which reading matched, or that none did; it never picks one
    silently. A plain value in force is one reading of itself.

    >>> r = Readings(readings=(Reading(value=1, label="a"), Reading(value=2, label="b")))
    >>> [x.label for x in r.matching(lambda value: value > 1)]
    ['b']
    """

    readings: tuple[Reading, ...] = attrs.field(
        converter=v.to_tuple, validator=[v.tuple_of(v.instance(Reading, "a reading")), v.non_empty]
    )

    def __iter__(self) -> Iterator[Reading]:
        return iter(self.readings)

    def __len__(self) -> int:
        return len(self.readings)

    @property
    def values(self) -> tuple[Any, ...]:
        """The values of every reading, in order."""
        return tuple(r.value for r in self.readings)

    def matching(self, predicate: Callable[[Any], bool]) -> tuple[Reading, ...]:
        """The readings whose value satisfies ``predicate``."""
        return tuple(r for r in self.readings if predicate(r.value))

    def __json__(self) -> list[dict[str, Any]]:
        return [r.__json__() for r in self.readings]

    def display(self, lang: str = "it") -> str:
        """Every reading, ``label: value``, separated by ``" / "``."""
        return " / ".join(r.display(lang) for r in self.readings)


@attrs.frozen(kw_only=True)
class DatedValue:
    """A value in force from ``since`` to ``until`` (both days included; ``None``: open).

    ``value`` is a typed value, or :class:`Readings` when the source states it
    in alternative ways. ``citation`` overrides the parameter's own.

    >>> import datetime as dt
    >>> dated = DatedValue(since=dt.date(2023, 5, 1), value=8)
    >>> dated.covers(dt.date(2024, 1, 1)), dated.covers(dt.date(2023, 4, 30))
    (True, False)
    """

    since: dt.date = attrs.field(validator=v.a_date)
    value: Any
    until: dt.date | None = attrs.field(default=None, validator=v.optional(v.a_date))
    citation: Citation | None = attrs.field(
        default=None, validator=v.optional(v.instance(Citation, "a citation"))
    )
    overridden: bool = attrs.field(default=False, validator=v.flag)
    """Whether the user set this value (a what-if), not the source: it cites nothing."""

    def __attrs_post_init__(self) -> None:
        if self.until is not None and self.until < self.since:
            raise InvalidValue.of("date_order", path="until", start=self.since, end=self.until)

    def covers(self, on: dt.date) -> bool:
        """Whether the value is in force on ``on``."""
        return self.since <= on and (self.until is None or on <= self.until)


def _typed(unit: str, value: Any, path: str) -> Any:
    if isinstance(value, Readings):
        return Readings(
            readings=tuple(
                attrs.evolve(r, value=parse_value(unit, r.value, path=f"{path}.readings[{i}]"))
                for i, r in enumerate(value.readings)
            )
        )
    return parse_value(unit, value, path=path)


def _values_converter(values: Any) -> Any:
    return tuple(values) if isinstance(values, list | tuple) else values


@attrs.frozen(kw_only=True)
class Parameter:
    """A named, typed quantity of a notice with its dated values and citation.

    Values are converted to the unit's type (``"hours"`` → Decimal, ``"EUR"``
    → Money, ``"share"`` → Decimal fraction, ``"count"`` → int, ``"period"``
    → Period...); their date ranges may not overlap.

    >>> import datetime as dt
    >>> educator = Parameter(name="pippi.hours.educator_min", unit="hours",
    ...                      values=(DatedValue(since=dt.date(2023, 5, 1), value=6000),))
    >>> educator.at(dt.date(2024, 1, 1))
    Decimal('6000')
    >>> later = educator.with_value("7000", since=dt.date(2025, 1, 1))
    >>> later.at(dt.date(2024, 12, 31)), later.at(dt.date(2025, 1, 1)), later.overridden
    (Decimal('6000'), Decimal('7000'), True)
    """

    name: str = attrs.field(validator=_parameter_name)
    unit: str = attrs.field(validator=v.all_of(v.text, v.instance(str, "a unit")))
    values: tuple[DatedValue, ...] = attrs.field(converter=_values_converter)
    citation: Citation | None = attrs.field(
        default=None, validator=v.optional(v.instance(Citation, "a citation"))
    )
    description: str | None = attrs.field(default=None, validator=v.optional(v.text))
    overridden: bool = attrs.field(default=False, validator=v.flag)
    """Whether the values come from an override (a what-if) rather than the source."""

    def __attrs_post_init__(self) -> None:
        if self.unit not in UNITS:
            raise InvalidValue.of("choice", path="unit", value=self.unit, choices=", ".join(UNITS))
        typed = []
        for index, dated in enumerate(self.values):
            if not isinstance(dated, DatedValue):
                raise InvalidValue.of(
                    "type",
                    path=f"values[{index}]",
                    expected="a DatedValue",
                    actual=type(dated).__name__,
                )
            typed.append(
                attrs.evolve(dated, value=_typed(self.unit, dated.value, f"values[{index}].value"))
            )
        typed.sort(key=lambda d: d.since)
        for index in range(1, len(typed)):
            before, after = typed[index - 1], typed[index]
            if before.until is None or before.until >= after.since:
                raise InvalidValue.of(
                    "rules.parameter_overlap",
                    path=f"values[{index}]",
                    before=before.since,
                    after=after.since,
                )
        object.__setattr__(self, "values", tuple(typed))

    def entry_at(self, on: dt.date) -> DatedValue:
        """The dated value in force on ``on``; :class:`NotFound` if none covers that day."""
        for dated in self.values:
            if dated.covers(on):
                return dated
        ranges = (
            ", ".join(f"{d.since}…{d.until if d.until is not None else ''}" for d in self.values)
            or "—"
        )
        raise NotFound.of(
            "rules.parameter_not_in_force",
            path=self.name,
            name=self.name,
            on=on.isoformat(),
            ranges=ranges,
        )

    def at(self, on: dt.date) -> Any:
        """The value in force on ``on`` (typed, or :class:`Readings`)."""
        return self.entry_at(on).value

    def citation_at(self, on: dt.date) -> Citation | None:
        """The citation of the value in force on ``on`` (its own, else the parameter's).

        A value the user set (an override) cites nothing.
        """
        return _entry_citation(self, self.entry_at(on))

    def provenance_at(self, on: dt.date) -> tuple[Provenance, ...]:
        """Where the value in force on ``on`` comes from: one entry per reading.

        >>> import datetime as dt
        >>> from welfare_ambito.rules import load_profile
        >>> educator = load_profile("seregno-pippi-2023").parameters["pippi.hours.educator_min"]
        >>> [(p.value, p.overridden, p.citation is not None) for p in educator.provenance_at(dt.date(2024, 1, 1))]
        [('6000', False, True)]
        >>> what_if = educator.with_value("7000")
        >>> [(p.value, p.overridden, p.citation) for p in what_if.provenance_at(dt.date(2024, 1, 1))]
        [('7000', True, None)]
        """
        entry = self.entry_at(on)
        citation = _entry_citation(self, entry)
        if isinstance(entry.value, Readings):
            return tuple(
                Provenance(
                    parameter=self.name,
                    value=jsonable(r.value),
                    citation=None if entry.overridden else (r.citation or citation),
                    overridden=entry.overridden,
                    reading=r.label,
                )
                for r in entry.value
            )
        return (
            Provenance(
                parameter=self.name,
                value=jsonable(entry.value),
                citation=citation,
                overridden=entry.overridden,
            ),
        )

    def with_value(
        self,
        value: Any,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        citation: Citation | None = None,
    ) -> Parameter:
        """A copy where ``value`` (parsed by unit) is in force from ``since`` (default: always).

        Values before ``since`` are kept, cut to end the day before; values after
        ``until`` are kept too.
        """
        start = since or dt.date.min
        kept: list[DatedValue] = []
        for dated in self.values:
            if dated.since < start:
                end = start - dt.timedelta(days=1)
                kept.append(attrs.evolve(dated, until=min(dated.until or end, end)))
            if until is not None and (dated.until is None or dated.until > until):
                begin = max(dated.since, until + dt.timedelta(days=1))
                kept.append(attrs.evolve(dated, since=begin))
        new = DatedValue(
            since=start, until=until, value=value, citation=citation, overridden=citation is None
        )
        return attrs.evolve(self, values=(*kept, new), overridden=True)


class Parameters(dict[str, Any]):
    """The values in force on one day, by parameter name: what a rule function reads.

    It is a read-only ``dict`` (reading it is as fast as a dict); the typed
    accessors check the type and help type checkers. Reading a parameter the
    rule did not declare raises :class:`~welfare_ambito.errors.NotFound`.

    >>> p = Parameters({"x.hours": Decimal(8)}, on=dt.date(2024, 1, 1))
    >>> p.decimal("x.hours")
    Decimal('8')
    """

    __slots__ = ("citations", "on")

    def __init__(
        self,
        values: Mapping[str, Any],
        *,
        on: dt.date,
        citations: Mapping[str, Citation | None] | None = None,
    ) -> None:
        super().__init__(values)
        self.on = on
        self.citations: Mapping[str, Citation | None] = FrozenDict(citations or {})

    def __missing__(self, name: str) -> NoReturn:
        raise NotFound.of("rules.undeclared_parameter", path=name, name=name)

    def _readonly(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("Parameters is read-only; use ParameterSet.override for a what-if")

    __setitem__ = __delitem__ = _readonly
    clear = pop = popitem = setdefault = update = _readonly
    __ior__ = _readonly

    def __reduce__(self) -> Any:
        return (_rebuild_parameters, (dict(self), self.on, dict(self.citations)))

    def _typed(self, name: str, kind: type | tuple[type, ...], what: str) -> Any:
        value = self[name]
        if isinstance(value, Readings):
            raise InvalidValue.of("rules.parameter_has_readings", path=name, name=name)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise InvalidValue.of("type", path=name, expected=what, actual=type(value).__name__)
        return value

    def decimal(self, name: str) -> Decimal:
        """A number (hours, share, years) in force."""
        return self._typed(name, Decimal, "a number")  # type: ignore[no-any-return]

    def money(self, name: str) -> Money:
        """An amount in euros in force."""
        return self._typed(name, Money, "an amount")  # type: ignore[no-any-return]

    def count(self, name: str) -> int:
        """A whole number in force."""
        return self._typed(name, int, "a whole number")  # type: ignore[no-any-return]

    def period(self, name: str) -> Period:
        """A period in force."""
        return self._typed(name, Period, "a period")  # type: ignore[no-any-return]

    def date(self, name: str) -> dt.date:
        """A date in force."""
        return self._typed(name, dt.date, "a date")  # type: ignore[no-any-return]

    def text(self, name: str) -> str:
        """A text in force."""
        return self._typed(name, str, "text")  # type: ignore[no-any-return]

    def flag(self, name: str) -> bool:
        """A flag in force."""
        return self._typed(name, bool, "true or false")  # type: ignore[no-any-return]

    def readings(self, name: str) -> Readings:
        """The alternative readings in force (one reading when the value is plain)."""
        value = self[name]
        if isinstance(value, Readings):
            return value
        return Readings(
            readings=(Reading(value=value, label=name, citation=self.citations.get(name)),)
        )


def _entry_citation(parameter: Parameter, entry: DatedValue) -> Citation | None:
    if entry.overridden:
        return None
    return entry.citation or parameter.citation


class Provenance(NamedTuple):
    """Where one value a rule used comes from: the profile's citation, or the user.

    ``citation`` is ``None`` when the value is ``overridden`` (a what-if: the
    user's number, never the notice's) or when the profile cites nothing for
    it. ``reading`` names the reading when the source states the value in more
    than one way.

    >>> Provenance(parameter="pippi.hours.educator_min", value="7000", citation=None,
    ...            overridden=True).describe("en")
    'pippi.hours.educator_min = 7,000: overridden, not from the notice'
    """

    parameter: str
    value: Any
    citation: Citation | None = None
    overridden: bool = False
    reading: str | None = None

    def head(self, lang: str | None = None) -> str:
        """``name = value`` (``name (reading) = value`` for one reading of several).

        With ``lang`` the value is shown as that language writes it (``6.000`` in Italian).
        """
        name = self.parameter if self.reading is None else f"{self.parameter} ({self.reading})"
        value = self.value
        if lang is not None and isinstance(value, str) and _CANONICAL_NUMBER.match(value):
            value = Decimal(value)  # kept as exact text in JSON; shown as the language writes it
        shown = _plain(value) if lang is None else display(value, lang)
        return f"{name} = {shown}"

    def label(self, lang: str = "it") -> str:
        """Why the value has no citation: overridden by the user, or not cited by the profile."""
        why = "overridden" if self.overridden else "uncited"
        return i18n.message(f"rules.provenance.{why}", lang if is_lang(lang) else "en")

    def describe(self, lang: str = "it") -> str:
        """``name = value``, then the citation, or why there is none."""
        head = self.head(lang)
        if self.overridden or self.citation is None:
            return f"{head}: {self.label(lang)}"
        return f"{head} — {self.citation.display(lang)}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        from welfare_ambito.citations import citation_to_dict

        out: dict[str, Any] = {
            "parameter": self.parameter,
            "value": self.value,
            "overridden": self.overridden,
            "citation": None if self.citation is None else citation_to_dict(self.citation),
        }
        if self.reading is not None:
            out["reading"] = self.reading
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Provenance:
        """A provenance entry from its JSON form."""
        from welfare_ambito.citations import citation_from_dict

        cited = data.get("citation")
        value = data.get("value")
        return cls(
            parameter=data["parameter"],
            value=_freeze(value),
            citation=None if cited is None else citation_from_dict(cited),
            overridden=bool(data.get("overridden", False)),
            reading=data.get("reading"),
        )


OVERRIDDEN_TEXT: Final = {lang: i18n.message("rules.provenance.overridden", lang) for lang in LANGS}
"""How every format labels a value the user set.

>>> OVERRIDDEN_TEXT["en"]
'overridden, not from the notice'
"""


_CANONICAL_NUMBER = re.compile(r"^-?\d{1,15}(\.\d{1,12})?\Z")


def _plain(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_plain(x)}" for k, x in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_plain(x) for x in value) + "]"
    return str(value)


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return FrozenDict({str(k): _freeze(x) for k, x in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(x) for x in value)
    return value


def _rebuild_parameters(
    values: dict[str, Any], on: dt.date, citations: dict[str, Any]
) -> Parameters:
    return Parameters(values, on=on, citations=citations)


def _not_found(name: str, known: Iterable[str]) -> NotFound:
    close = difflib.get_close_matches(name, list(known), n=1)
    error = NotFound.of("rules.unknown_parameter", path=name, name=name, hint=did_you_mean(close))
    error.params = {"name": name}  # the hint is wording, not a value a tool matches on
    assert isinstance(error, NotFound)
    return error


def did_you_mean(close: list[str]) -> Phrase | str:
    """``; did you mean 'x'?`` in the message's language for the first close match, else ``""``.

    >>> did_you_mean(["pippi.hours"]).display("it"), did_you_mean([])
    ("; forse intendevi 'pippi.hours'?", '')
    """
    return Phrase("rules.hint.did_you_mean", {"suggestion": close[0]}) if close else ""


def _to_parameters(value: Any) -> Any:
    if isinstance(value, FrozenDict):
        return value
    if isinstance(value, Mapping):
        return FrozenDict(value)
    if isinstance(value, Iterable) and not isinstance(value, str):
        items = list(value)
        if all(isinstance(p, Parameter) for p in items):
            names = [p.name for p in items]
            for name in names:
                if names.count(name) > 1:
                    raise InvalidValue.of("duplicate", path=name, what="parameter", value=name)
            return FrozenDict({p.name: p for p in items})
    return value


@attrs.frozen
class ParameterSet(Mapping[str, Parameter]):
    """An immutable set of parameters by name; overrides return a new set.

    >>> import datetime as dt
    >>> from welfare_ambito.rules import load_profile
    >>> params = load_profile("seregno-pippi-2023").parameters
    >>> params.value("pippi.budget.max_total", dt.date(2024, 1, 1))
    Money('211500.00')
    >>> params.override({"pippi.hours.educator_min": "7000"}).overridden()
    ('pippi.hours.educator_min',)
    """

    _parameters: FrozenDict[str, Parameter] = attrs.field(
        default=FrozenDict(), converter=_to_parameters, alias="parameters"
    )

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self._parameters[name]
        except KeyError:
            raise _not_found(name, self._parameters) from None

    def __contains__(self, name: object) -> bool:
        return name in self._parameters

    def get(self, name: str, default: Any = None) -> Any:
        """The parameter ``name``, or ``default``."""
        return self._parameters.get(name, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._parameters)

    def __len__(self) -> int:
        return len(self._parameters)

    def value(self, name: str, on: dt.date) -> Any:
        """The value of ``name`` in force on ``on``."""
        return self[name].at(on)

    def at(self, on: dt.date, names: Iterable[str] | None = None) -> Parameters:
        """The values in force on ``on`` (of ``names`` only, when given).

        Raises :class:`NotFound` naming the first parameter that is unknown or
        has no value in force that day.
        """
        wanted = list(self._parameters) if names is None else list(names)
        values: dict[str, Any] = {}
        citations: dict[str, Citation | None] = {}
        for name in wanted:
            parameter = self[name]
            entry = parameter.entry_at(on)
            values[name] = entry.value
            citations[name] = _entry_citation(parameter, entry)
        return Parameters(values, on=on, citations=citations)

    def merge(self, other: ParameterSet) -> ParameterSet:
        """A set with the parameters of both; ``other``'s win on the same name."""
        return ParameterSet(FrozenDict({**self._parameters, **other._parameters}))

    def override(
        self,
        values: Mapping[str, Any],
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> ParameterSet:
        """A new set where each ``name: value`` is in force (a what-if); ``self`` is unchanged.

        Values are parsed by the parameter's unit, so ``"7000"`` is fine for hours.
        """
        updated = dict(self._parameters)
        for name, value in values.items():
            parameter = self[name]
            updated[name] = parameter.with_value(
                parse_value(parameter.unit, value, path=name), since=since, until=until
            )
        return ParameterSet(FrozenDict(updated))

    def overridden(self) -> tuple[str, ...]:
        """Names of the parameters whose values come from an override."""
        return tuple(name for name, p in self._parameters.items() if p.overridden)

    def jsonable_at(self, on: dt.date, names: Iterable[str]) -> dict[str, Any]:
        """``{name: JSON form of the value in force}`` for ``names``."""
        return {name: jsonable(self[name].at(on)) for name in names}

"""Comuni and Ambiti: who belongs to a social district, and the names they go by."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator

import attrs

from welfare_ambito.errors import InvalidValue, NotFound
from welfare_ambito.model import _validate as v

__all__ = ["Ambito", "Comune", "normalise_name"]

_ISTAT = re.compile(r"^\d{6}$")


def normalise_name(name: str) -> str:
    """Fold a Comune's name for matching: case, accents, punctuation and spaces.

    >>> normalise_name("  Lentate  S/S ")
    'lentate s s'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", stripped.casefold()).split())


def _istat(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _ISTAT.match(value)):
        raise InvalidValue.of(
            "pattern", path="istat_code", value=value, what="ISTAT code (6 digits)"
        )


@attrs.frozen(kw_only=True)
class Comune:
    """A municipality: official ``name``, optional 6-digit ISTAT code, and aliases.

    Aliases are the short forms notices use ("Lentate S/S", "Ceriano L.to").

    >>> c = Comune(name="Lentate sul Seveso", istat_code="108054", aliases=("Lentate S/S",))
    >>> c.matches("lentate s/s")
    True
    """

    name: str = attrs.field(validator=v.text)
    istat_code: str | None = attrs.field(default=None, validator=_istat)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text)
    )

    def names(self) -> tuple[str, ...]:
        """The official name followed by the aliases."""
        return (self.name, *self.aliases)

    def matches(self, name: str) -> bool:
        """Whether ``name`` is this Comune's name or one of its aliases."""
        wanted = normalise_name(name)
        return any(normalise_name(n) == wanted for n in self.names())


def _lead_is_member(instance: Ambito, attribute: attrs.Attribute[str], value: str) -> None:
    if not any(c.matches(value) for c in instance.comuni):
        raise InvalidValue.of("lead_not_member", path="lead", lead=value)


def _distinct_names(
    instance: object, attribute: attrs.Attribute[tuple[Comune, ...]], value: tuple[Comune, ...]
) -> None:
    seen: dict[str, str] = {}
    for index, comune in enumerate(value):
        for name in comune.names():
            key = normalise_name(name)
            if key in seen and seen[key] != comune.name:
                raise InvalidValue.of(
                    "duplicate", path=f"comuni[{index}]", what="Comune name", value=name
                )
            seen[key] = comune.name
    if not value:
        raise InvalidValue.of("empty", path="comuni")


@attrs.frozen(kw_only=True)
class Ambito:
    """An Ambito Territoriale Sociale: its member Comuni and the lead one (capofila).

    >>> from welfare_ambito.data import seregno
    >>> ambito = seregno()
    >>> ambito.lead, len(ambito)
    ('Seregno', 10)
    >>> ambito.resolve("Ceriano L.to")
    'Ceriano Laghetto'
    """

    id: str = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    lead: str = attrs.field(validator=v.text)
    comuni: tuple[Comune, ...] = attrs.field(
        converter=v.to_tuple,
        validator=[v.tuple_of(v.instance(Comune, "a Comune")), _distinct_names],
    )

    def __attrs_post_init__(self) -> None:
        _lead_is_member(self, attrs.fields(Ambito).lead, self.lead)

    def __len__(self) -> int:
        return len(self.comuni)

    def __iter__(self) -> Iterator[Comune]:
        return iter(self.comuni)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.find(name) is not None

    def find(self, name: str) -> Comune | None:
        """The Comune called ``name`` (official name or alias), or ``None``."""
        return next((c for c in self.comuni if c.matches(name)), None)

    def comune(self, name: str) -> Comune:
        """The Comune called ``name``; :class:`~welfare_ambito.errors.NotFound` if none.

        The error suggests the closest known name.
        """
        found = self.find(name)
        if found is not None:
            return found
        suggestion = self.closest(name)
        if suggestion is not None:
            raise NotFound.of(
                "unknown_comune_suggest",
                path="",
                name=name,
                ambito=self.name,
                suggestion=suggestion,
            )
        raise NotFound.of("unknown_comune", name=name, ambito=self.name)

    def closest(self, name: str) -> str | None:
        """The official name of the Comune whose name or alias is closest to ``name``, if any.

        >>> from welfare_ambito.data import ambito
        >>> ambito("seregno").closest("Lentate sul Sevso"), ambito("seregno").closest("Roma")
        ('Lentate sul Seveso', None)
        """
        names = {n: c.name for c in self.comuni for n in c.names()}
        close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
        return names[close[0]] if close else None

    def resolve(self, name: str) -> str:
        """The official name of the Comune called ``name``."""
        return self.comune(name).name

    @property
    def lead_comune(self) -> Comune:
        """The lead Comune (capofila)."""
        return self.comune(self.lead)

    def names(self) -> tuple[str, ...]:
        """Official names of the member Comuni, in order."""
        return tuple(c.name for c in self.comuni)

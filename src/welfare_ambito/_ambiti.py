"""The embedded Ambiti, read straight from the package data.

It sits below both the converter (which resolves ``ambito = "seregno"`` in a
plan) and :mod:`welfare_ambito.data` (which publishes the Ambiti), so data flows
one way: neither imports the other.

>>> embedded_ambito("seregno").lead
'Seregno'
>>> "seregno" in embedded_ambiti()
True
"""

from __future__ import annotations

import difflib
import functools
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from welfare_ambito import i18n
from welfare_ambito.errors import NotFound, Phrase
from welfare_ambito.model import Ambito, Comune

__all__ = ["embedded_ambiti", "embedded_ambito"]

i18n.define_group(
    "ambiti",
    (
        (
            "not_found",
            "nessun Ambito incorporato {name!r}{hint}",
            "no embedded Ambito {name!r}{hint}",
        ),
        ("did_you_mean", "; forse intendevi {suggestion!r}?", "; did you mean {suggestion!r}?"),
        ("known", "; noti: {known}", "; known: {known}"),
    ),
)


def _folder() -> Traversable:
    # Not ``files("welfare_ambito.data")``: that would import the data package.
    return resources.files("welfare_ambito") / "data" / "ambiti"


def embedded_ambiti() -> tuple[str, ...]:
    """Ids of the embedded Ambiti, sorted."""
    return tuple(
        sorted(
            p.name.removesuffix(".toml") for p in _folder().iterdir() if p.name.endswith(".toml")
        )
    )


def _not_found(name: str, known: list[str]) -> NotFound:
    """``name`` is no embedded Ambito: the closest id, or every id when none is close.

    The code ``not_found`` is shared with the other embedded data (figures, examples).

    >>> print(_not_found("seregn", ["seregno"]).text("it"))
    nessun Ambito incorporato 'seregn'; forse intendevi 'seregno'?
    >>> print(_not_found("x", ["a", "b"]))
    no embedded Ambito 'x'; known: a, b
    """
    close = difflib.get_close_matches(name, known, n=1)
    hint = (
        Phrase("ambiti.did_you_mean", {"suggestion": close[0]})
        if close
        else Phrase("ambiti.known", {"known": ", ".join(known)})
    )
    message = Phrase("ambiti.not_found", {"name": name, "hint": hint})
    return NotFound(
        message.display("en"),
        code="not_found",
        message_it=message.display("it"),
        params={"name": name},
    )


@functools.cache
def embedded_ambito(ambito_id: str) -> Ambito:
    """The embedded Ambito ``ambito_id``; :class:`NotFound` (with a suggestion) if unknown."""
    known = embedded_ambiti()
    if ambito_id not in known:
        raise _not_found(ambito_id, list(known))
    raw: dict[str, Any] = tomllib.loads((_folder() / f"{ambito_id}.toml").read_text("utf-8"))
    return Ambito(
        id=raw["id"],
        name=raw["name"],
        lead=raw["lead"],
        comuni=tuple(Comune(**comune) for comune in raw["comuni"]),
    )

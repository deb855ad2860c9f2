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

from welfare_ambito.errors import NotFound
from welfare_ambito.model import Ambito, Comune

__all__ = ["embedded_ambiti", "embedded_ambito"]


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
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known)}"
    hint_it = f"; forse intendevi {close[0]!r}?" if close else f"; noti: {', '.join(known)}"
    return NotFound(
        f"no embedded Ambito {name!r}{hint}",
        code="not_found",
        message_it=f"nessun Ambito incorporato {name!r}{hint_it}",
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

"""Shared pieces of the Tutela Minori rules: the seed, and three-valued conditions."""

from __future__ import annotations

from collections.abc import Iterable

from welfare_ambito.citations import Citation

SEED = "002_b9eb912c9507d6a9.txt"
"""Seed 002: Ambito di Seregno, Servizi per la Tutela Minori (2022)."""


def cite(section: str, quote: str) -> Citation:
    """A citation of seed 002."""
    return Citation(document=SEED, section=section, quote=quote)


def undecided(conditions: Iterable[tuple[str, bool | None]]) -> tuple[bool, tuple[str, ...]]:
    """Combine conditions that may be unknown (``None``): ``(any_false, missing_fields)``.

    A known failure decides; otherwise the unknown fields are what a person must
    fill in.

    >>> undecided([("a", True), ("b", None), ("c", False)])
    (True, ('b',))
    """
    failed = False
    missing: list[str] = []
    for name, value in conditions:
        if value is None:
            missing.append(name)
        elif not value:
            failed = True
    return failed, tuple(missing)

"""Shared pieces of the Tutela Minori rules: three-valued conditions."""

from __future__ import annotations

from collections.abc import Iterable


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

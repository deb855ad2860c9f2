"""Shared pieces of the P.I.P.P.I. rules: the seed's citations and bilingual reasons."""

from __future__ import annotations

from typing import Any

from welfare_ambito.citations import Citation
from welfare_ambito.rules._values import Text, display

__all__ = ["SEED", "Text", "cite", "shown"]

SEED = "004_45436608c0a0bd55.txt"
"""Seed 004: the Ambito di Seregno's P.I.P.P.I. co-design notice."""


def cite(section: str, quote: str) -> Citation:
    """A citation of seed 004 (``quote`` verbatim)."""
    return Citation(document=SEED, section=section, quote=quote)


def shown(value: Any, lang: str) -> str:
    """``value`` as shown in ``lang`` (``€ 211.500,00``, ``7,5``)."""
    return display(value, lang)

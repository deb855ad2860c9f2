"""Shared pieces of the P.I.P.P.I. rules: bilingual reasons and values as shown.

The library's rules carry no sentence of a notice: the profile in force binds it.
"""

from __future__ import annotations

from typing import Any

from welfare_ambito.rules._values import Text, display

__all__ = ["Text", "shown"]


def shown(value: Any, lang: str) -> str:
    """``value`` as shown in ``lang`` (``€ 211.500,00``, ``7,5``)."""
    return display(value, lang)

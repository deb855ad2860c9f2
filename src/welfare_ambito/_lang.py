"""The languages of user-facing text: Italian and English."""

from __future__ import annotations

from typing import Literal, TypeGuard

__all__ = ["DEFAULT_LANG", "LANGS", "LANG_HELP", "Lang", "is_lang"]

Lang = Literal["it", "en"]
"""A message language: ``"it"`` (the default) or ``"en"``."""

LANGS: tuple[Lang, ...] = ("it", "en")
"""Every supported language, the default first."""

DEFAULT_LANG: Lang = "it"
"""The language used when none is given."""


LANG_HELP = "language of messages and reports: it (default) or en"
"""The help text of every command's ``--lang`` option."""


def is_lang(value: object) -> TypeGuard[Lang]:
    """Whether ``value`` names a supported language.

    >>> is_lang("it"), is_lang("fr")
    (True, False)
    """
    return value in LANGS

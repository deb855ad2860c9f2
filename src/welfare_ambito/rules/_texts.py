"""Catalogue sentences whose values are shown as each language writes them.

:meth:`Text.message <welfare_ambito.rules._values.Text.message>` fills both
languages with the same values; a sentence that quotes an amount, a date or a
number needs it written per language (``€ 1.200,00`` / ``€ 1,200.00``,
``01/02/2024`` / ``2024-02-01``): :func:`said` shows each value with
:func:`~welfare_ambito.rules._values.display` in the language it fills.
"""

from __future__ import annotations

from typing import Any

from welfare_ambito import i18n
from welfare_ambito._lang import LANGS, Lang
from welfare_ambito.rules._values import Text, display

__all__ = ["said", "said_in"]


def said_in(key: str, lang: Lang, /, **values: Any) -> str:
    """The catalogue message ``key`` in ``lang``, each value shown as ``lang`` writes it.

    A ``count`` value is passed as it is, to choose the plural form.

    >>> from welfare_ambito.money import Money
    >>> i18n.define("example.amount", it="Un importo di {amount}.", en="An amount of {amount}.")
    >>> said_in("example.amount", "en", amount=Money("1200"))
    'An amount of € 1,200.00.'
    """
    shown = {
        name: value if name == "count" else display(value, lang) for name, value in values.items()
    }
    return i18n.message(key, lang, **shown)


def said(key: str, /, **values: Any) -> Text:
    """The catalogue message ``key`` in Italian and English, values shown per language.

    >>> import datetime as dt
    >>> i18n.define("example.day", it="Dal {day}.", en="From {day}.")
    >>> said("example.day", day=dt.date(2024, 2, 1))
    Text(it='Dal 01/02/2024.', en='From 2024-02-01.')
    """
    it, en = (said_in(key, lang, **values) for lang in LANGS)
    return Text(it=it, en=en)

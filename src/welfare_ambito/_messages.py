"""Bilingual (Italian / English) templates of the input errors a user can cause.

Each code maps to an English and an Italian template, defined in the one message
catalogue (:mod:`welfare_ambito.i18n`) under ``error.<code>``; parameters are
filled in with :meth:`str.format`. Codes are stable: tools may match on them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from welfare_ambito import i18n
from welfare_ambito._lang import LANGS, Lang

Language = Lang
"""A message language: ``"it"`` or ``"en"``."""

LANGUAGES: tuple[Language, ...] = LANGS

_TEMPLATES: Mapping[str, tuple[str, str]] = {
    # code: (english, italian)
    "missing": ("required field is missing", "campo obbligatorio mancante"),
    "unknown_key": ("unknown field {key!r}", "campo sconosciuto {key!r}"),
    "unknown_key_suggest": (
        "unknown field {key!r}; did you mean {suggestion!r}?",
        "campo sconosciuto {key!r}; forse intendevi {suggestion!r}?",
    ),
    "type": (
        "expected {expected}, got {actual}",
        "atteso {expected}, trovato {actual}",
    ),
    "choice": (
        "{value!r} is not one of {choices}",
        "{value!r} non è tra i valori ammessi: {choices}",
    ),
    "empty": ("must not be empty", "non può essere vuoto"),
    "negative": ("must not be negative, got {value}", "non può essere negativo, trovato {value}"),
    "not_positive": (
        "must be greater than zero, got {value}",
        "deve essere maggiore di zero, trovato {value}",
    ),
    "range": (
        "must be between {low} and {high}, got {value}",
        "deve essere compreso tra {low} e {high}, trovato {value}",
    ),
    "pattern": ("{value!r} is not a valid {what}", "{value!r} non è un {what} valido"),
    "duplicate": ("duplicate {what} {value!r}", "{what} duplicato {value!r}"),
    "date": (
        "{value!r} is not a date (use YYYY-MM-DD)",
        "{value!r} non è una data (usa AAAA-MM-GG)",
    ),
    "date_order": (
        "end {end} is before start {start}",
        "la fine {end} precede l'inizio {start}",
    ),
    "birth_after_reference": (
        "born after the reference date {on}",
        "nato dopo la data di riferimento {on}",
    ),
    "money_float": (
        "a float cannot hold euros exactly; write the amount as a string, an int or a Decimal",
        "un float non rappresenta gli euro in modo esatto; scrivi l'importo come stringa, intero o Decimal",
    ),
    "money_not_finite": ("{value!r} is not a finite amount", "{value!r} non è un importo finito"),
    "money_precision": (
        "{value} has more than two decimals; pass an explicit rounding",
        "{value} ha più di due decimali; indica un arrotondamento esplicito",
    ),
    "money_parse": ("{value!r} is not an amount in euros", "{value!r} non è un importo in euro"),
    "number": ("{value!r} is not a number", "{value!r} non è un numero"),
    "number_float": (
        "a Python float is not accepted here; use an int, a Decimal or a string",
        "un float Python non è accettato; usa un intero, un Decimal o una stringa",
    ),
    "unknown_comune": (
        "{name!r} is not a Comune of {ambito}",
        "{name!r} non è un Comune di {ambito}",
    ),
    "unknown_comune_suggest": (
        "{name!r} is not a Comune of {ambito}; did you mean {suggestion!r}?",
        "{name!r} non è un Comune di {ambito}; forse intendevi {suggestion!r}?",
    ),
    "reference": (
        "{what} {value!r} does not exist in this document",
        "{what} {value!r} non esiste in questo documento",
    ),
    "lead_not_member": (
        "lead Comune {lead!r} is not among the member Comuni",
        "il Comune capofila {lead!r} non è tra i Comuni membri",
    ),
    "invalid": ("{reason}", "{reason_it}"),
    "file": ("cannot read {file}: {reason}", "impossibile leggere {file}: {reason}"),
    "syntax": ("not valid {format}: {reason}", "{format} non valido: {reason}"),
}


# Descriptions of expected and found types, as the hooks and validators write them.
_TYPE_WORDS_IT: Mapping[str, str] = {
    "text": "testo",
    "integer": "numero intero",
    "a whole number": "un numero intero",
    "number": "numero",
    "a number": "un numero",
    "true/false": "vero/falso",
    "true or false": "true o false",
    "table": "tabella",
    "a table": "una tabella",
    "array": "elenco",
    "an array": "un elenco",
    "a list": "un elenco",
    "a tuple": "un elenco",
    "nothing": "niente",
    "a date": "una data",
    "datetime": "data e ora",
    "an amount": "un importo",
    "an amount in euros": "un importo in euro",
    "str, int or Decimal": "testo, intero o Decimal",
    "a JSON object": "un oggetto JSON",
    "a period": "un periodo",
}


for _code, (_english, _italian) in _TEMPLATES.items():
    i18n.define(f"error.{_code}", it=_italian, en=_english)


def render(code: str, lang: str = "en", /, **params: Any) -> str:
    """Render message ``code`` in ``lang`` (``"it"`` or ``"en"``) with ``params``.

    ``code`` is any error code whose template is in the catalogue as ``error.<code>``:
    the templates above, or one a module defines next to the code that raises it
    (``i18n.define("error.budget.no_recipients", it=..., en=...)``).

    >>> render("empty", "it")
    'non può essere vuoto'
    >>> render("type", "it", expected="a whole number", actual="text")
    'atteso un numero intero, trovato testo'
    """
    if not known(code):
        raise KeyError(code)
    if lang == "it" and code == "type":
        params = {
            key: _TYPE_WORDS_IT.get(value, value) if isinstance(value, str) else value
            for key, value in params.items()
        }
    return i18n.message(f"error.{code}", "it" if lang == "it" else "en", **params)


def known(code: str) -> bool:
    """Whether error ``code`` has a template in the catalogue."""
    return i18n.known(f"error.{code}")

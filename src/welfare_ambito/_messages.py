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

i18n.define_group(
    "error",
    (
        # (code, italian, english)
        ("missing", "campo obbligatorio mancante", "required field is missing"),
        ("unknown_key", "campo sconosciuto {key!r}", "unknown field {key!r}"),
        (
            "unknown_key_suggest",
            "campo sconosciuto {key!r}; forse intendevi {suggestion!r}?",
            "unknown field {key!r}; did you mean {suggestion!r}?",
        ),
        ("type", "atteso {expected}, trovato {actual}", "expected {expected}, got {actual}"),
        (
            "choice",
            "{value!r} non è tra i valori ammessi: {choices}",
            "{value!r} is not one of {choices}",
        ),
        ("empty", "non può essere vuoto", "must not be empty"),
        (
            "negative",
            "non può essere negativo, trovato {value}",
            "must not be negative, got {value}",
        ),
        (
            "not_positive",
            "deve essere maggiore di zero, trovato {value}",
            "must be greater than zero, got {value}",
        ),
        (
            "range",
            "deve essere compreso tra {low} e {high}, trovato {value}",
            "must be between {low} and {high}, got {value}",
        ),
        ("pattern", "{value!r} non è un {what} valido", "{value!r} is not a valid {what}"),
        ("duplicate", "{what} duplicato {value!r}", "duplicate {what} {value!r}"),
        (
            "date",
            "{value!r} non è una data (usa AAAA-MM-GG)",
            "{value!r} is not a date (use YYYY-MM-DD)",
        ),
        (
            "date_order",
            "la fine {end} precede l'inizio {start}",
            "end {end} is before start {start}",
        ),
        (
            "birth_after_reference",
            "nato dopo la data di riferimento {on}",
            "born after the reference date {on}",
        ),
        (
            "money_float",
            "un float non rappresenta gli euro in modo esatto; scrivi l'importo come stringa, intero o Decimal",
            "a float cannot hold euros exactly; write the amount as a string, an int or a Decimal",
        ),
        (
            "money_not_finite",
            "{value!r} non è un importo finito",
            "{value!r} is not a finite amount",
        ),
        (
            "money_precision",
            "{value} ha più di due decimali; indica un arrotondamento esplicito",
            "{value} has more than two decimals; pass an explicit rounding",
        ),
        (
            "money_parse",
            "{value!r} non è un importo in euro",
            "{value!r} is not an amount in euros",
        ),
        ("number", "{value!r} non è un numero", "{value!r} is not a number"),
        (
            "number_float",
            "un float Python non è accettato; usa un intero, un Decimal o una stringa",
            "a Python float is not accepted here; use an int, a Decimal or a string",
        ),
        (
            "unknown_comune",
            "{name!r} non è un Comune di {ambito}",
            "{name!r} is not a Comune of {ambito}",
        ),
        (
            "unknown_comune_suggest",
            "{name!r} non è un Comune di {ambito}; forse intendevi {suggestion!r}?",
            "{name!r} is not a Comune of {ambito}; did you mean {suggestion!r}?",
        ),
        (
            "reference",
            "{what} {value!r} non esiste in questo documento",
            "{what} {value!r} does not exist in this document",
        ),
        (
            "lead_not_member",
            "il Comune capofila {lead!r} non è tra i Comuni membri",
            "lead Comune {lead!r} is not among the member Comuni",
        ),
        # {what}: a masculine noun (a Phrase: "esempio" / "example"); {hint}: one of the
        # two hints below, a Phrase too.
        (
            "not_found",
            "nessun {what} incorporato {name!r}{hint}",
            "no embedded {what} {name!r}{hint}",
        ),
        (
            "hint.did_you_mean",
            "; forse intendevi {suggestion!r}?",
            "; did you mean {suggestion!r}?",
        ),
        ("hint.known", "; noti: {known}", "; known: {known}"),
        ("file", "impossibile leggere {file}: {reason}", "cannot read {file}: {reason}"),
        ("syntax", "{format} non valido: {reason}", "not valid {format}: {reason}"),
    ),
)


# What a value should be or was, as the hooks and validators describe it in English (the
# ``expected``, ``actual`` and ``what`` of a message), and how an Italian reader reads it.
# A description written in the code must be here (tests/test_error_descriptions.py).
DESCRIPTIONS_IT: Mapping[str, str] = {
    "text": "testo",
    "not text": "altro che testo",
    "text (YYYY-MM)": "testo (AAAA-MM)",
    "identifier": "identificativo",
    "integer": "numero intero",
    "a whole number": "un numero intero",
    "number": "numero",
    "a number": "un numero",
    "true/false": "vero/falso",
    "true or false": "true o false",
    "table": "tabella",
    "a table": "una tabella",
    "a table of sources": "una tabella di fonti",
    "a table of parameters": "una tabella di parametri",
    "a published table": "una tabella pubblicata",
    "array": "elenco",
    "an array": "un elenco",
    "a list": "un elenco",
    "a tuple": "un elenco",
    "a list or table of rules": "un elenco o una tabella di regole",
    "a non-empty list of readings": "un elenco non vuoto di letture",
    "nothing": "niente",
    "a date": "una data",
    "a year": "un anno",
    "datetime": "data e ora",
    "a period": "un periodo",
    "a period (start/end)": "un periodo (inizio/fine)",
    "period (start/end)": "periodo (inizio/fine)",
    "an amount": "un importo",
    "an amount in euros": "un importo in euro",
    "hours": "ore",
    "str, int or Decimal": "testo, intero o Decimal",
    "a JSON object": "un oggetto JSON",
    "an Ambito or its id": "un Ambito o il suo id",
    "a profile id or path": "un id o un percorso di profilo",
    "a rule id": "un id di regola",
    "rule id": "id di regola",
    "rule id (dotted, lowercase)": "id di regola (minuscolo, con punti)",
    "parameter": "parametro",
    "parameter name (lowercase, dotted)": "nome di parametro (minuscolo, con punti)",
    "subject kind": "tipo di soggetto",
    "budget line": "voce di bilancio",
    "legal reference": "riferimento normativo",
    "case": "caso",
    "a Case": "un caso (Case)",
    "a Family": "una famiglia (Family)",
    "a DatedValue": "un valore datato (DatedValue)",
    "Comune name": "nome di Comune",
    "ISTAT code (6 digits)": "codice ISTAT (6 cifre)",
    "CIG (10 letters/digits)": "CIG (10 lettere/cifre)",
    "CUP (15 letters/digits)": "CUP (15 lettere/cifre)",
    # Python's names of the types a value was found to be (``type(value).__name__``).
    "str": "testo (str)",
    "int": "un intero (int)",
    "float": "un numero con la virgola (float)",
    "bool": "vero/falso (bool)",
    "dict": "una tabella (dict)",
    "list": "un elenco (list)",
    "tuple": "un elenco (tuple)",
    "NoneType": "niente (None)",
}

_DESCRIBED = frozenset({"expected", "actual", "what"})


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
    if lang == "it":
        params = {
            key: DESCRIPTIONS_IT.get(value, value)
            if key in _DESCRIBED and isinstance(value, str)
            else value
            for key, value in params.items()
        }
    return i18n.message(f"error.{code}", "it" if lang == "it" else "en", **params)


def known(code: str) -> bool:
    """Whether error ``code`` has a template in the catalogue."""
    return i18n.known(f"error.{code}")

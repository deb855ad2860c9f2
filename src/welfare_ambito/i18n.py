"""One way to speak Italian and English: a message catalogue with plural forms.

Messages are looked up by a stable key; a message may have plural forms,
chosen with the CLDR plural rules of the language (for Italian and English both
``one`` when the count is 1 with no visible decimals, ``other`` otherwise:
``1 errore``, ``2 errori``, ``1,0 ore``). Numbers are written the way a reader
of the language writes them, thousands grouped (``6.000`` and ``1.400,5`` in
Italian, ``6,000`` and ``1,400.5`` in English); dates as ``dd/mm/yyyy`` in
Italian and ISO ``yyyy-mm-dd`` in English (unambiguous for every English reader).
Locations in a document (``families[3].children[0]``) read as the user names
them: ``4ª famiglia › 1º bambino`` / ``4th family › 1st child``, the plan
itself as ``piano`` / ``plan``.

Why in-house and not gettext through babel: two languages whose plural rules
have two forms, messages that live next to the code that raises them, and no
compiled catalogues to ship or heavy import at ``import welfare_ambito``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Literal

from welfare_ambito._lang import Lang

__all__ = [
    "date",
    "define",
    "define_group",
    "file_of",
    "known",
    "location",
    "message",
    "message_keys",
    "number",
    "ordinal",
    "plural_category",
    "quantity",
]

PluralCategory = Literal["one", "other"]

Template = str | Mapping[PluralCategory, str]

# key: {lang: template or {plural category: template}}; the count is the ``count`` parameter.
_CATALOGUE: dict[str, Mapping[Lang, Template]] = {
    "cli.invalid_input": {
        "it": {"one": "Dati non validi: 1 problema", "other": "Dati non validi: {count} problemi"},
        "en": {"one": "Invalid input: 1 problem", "other": "Invalid input: {count} problems"},
    },
    "cli.unreadable": {
        "it": "impossibile leggere l'input ({reason})",
        "en": "cannot read the input ({reason})",
    },
    "cli.too_large": {
        "it": "input troppo annidato o troppo grande",
        "en": "input too deeply nested or too large",
    },
    "cli.cases_summary": {
        "it": "{source}: {passed}, {failed}",
        "en": "{source}: {passed}, {failed}",
    },
    "unit.cases_passed": {
        "it": {"one": "1 caso superato", "other": "{count} casi superati"},
        "en": {"one": "1 passed", "other": "{count} passed"},
    },
    "unit.cases_failed": {
        "it": {"one": "1 non superato", "other": "{count} non superati"},
        "en": {"one": "1 failed", "other": "{count} failed"},
    },
    "unit.findings": {
        "it": {"one": "1 esito", "other": "{count} esiti"},
        "en": {"one": "1 finding", "other": "{count} findings"},
    },
    "unit.errors": {
        "it": {"one": "1 errore", "other": "{count} errori"},
        "en": {"one": "1 error", "other": "{count} errors"},
    },
    "unit.warnings": {
        "it": {"one": "1 avviso", "other": "{count} avvisi"},
        "en": {"one": "1 warning", "other": "{count} warnings"},
    },
    "unit.pass": {
        "it": {"one": "1 superata", "other": "{count} superate"},
        "en": {"one": "1 passed", "other": "{count} passed"},
    },
    "unit.fail": {
        "it": {"one": "1 non superata", "other": "{count} non superate"},
        "en": {"one": "1 failed", "other": "{count} failed"},
    },
    "unit.not_applicable": {
        "it": {"one": "1 non applicabile", "other": "{count} non applicabili"},
        "en": {"one": "1 not applicable", "other": "{count} not applicable"},
    },
    "unit.needs_review": {
        "it": {"one": "1 da verificare", "other": "{count} da verificare"},
        "en": {"one": "1 needs review", "other": "{count} need review"},
    },
    "unit.hours": {
        "it": {"one": "1 ora", "other": "{count} ore"},
        "en": {"one": "1 hour", "other": "{count} hours"},
    },
    "outcome.pass": {"it": "superata", "en": "passed"},
    "outcome.fail": {"it": "non superata", "en": "failed"},
    "outcome.not_applicable": {"it": "non applicabile", "en": "not applicable"},
    "outcome.needs_review": {"it": "da verificare", "en": "needs review"},
    "unit.families": {
        "it": {"one": "1 famiglia", "other": "{count} famiglie"},
        "en": {"one": "1 family", "other": "{count} families"},
    },
    "unit.problems": {
        "it": {"one": "1 problema", "other": "{count} problemi"},
        "en": {"one": "1 problem", "other": "{count} problems"},
    },
    "unit.indicators": {
        "it": {"one": "1 indicatore", "other": "{count} indicatori"},
        "en": {"one": "1 indicator", "other": "{count} indicators"},
    },
    "rules.shortfall_hours": {
        "it": "Ore mancanti: {count}",
        "en": {"one": "Shortfall: 1 hour", "other": "Shortfall: {count} hours"},
    },
    "rules.families_over_share": {
        "it": {
            "one": "1 famiglia oltre la quota (è una media: da motivare).",
            "other": "{count} famiglie oltre la quota (è una media: da motivare).",
        },
        "en": {
            "one": "1 family over the share (it is an average: explain why).",
            "other": "{count} families over the share (it is an average: explain why).",
        },
    },
    "severity.error": {"it": "errore", "en": "error"},
    "severity.warning": {"it": "avviso", "en": "warning"},
    "severity.info": {"it": "informazione", "en": "info"},
    "location.plan": {"it": "piano", "en": "plan"},
    "location.profile": {"it": "profilo", "en": "profile"},
    "location.ambito": {"it": "Ambito", "en": "Ambito"},
    "location.cases": {"it": "file dei casi", "en": "case file"},
    "location.table": {"it": "tabella", "en": "table"},
    "location.report": {"it": "rapporto", "en": "report"},
    "location.document": {"it": "documento", "en": "document"},
    "location.stdin": {"it": "input standard", "en": "standard input"},
    "location.line": {"it": "riga {line}", "en": "line {line}"},
}

DOCUMENTS = ("plan", "profile", "ambito", "cases", "table", "report", "document")
"""The kinds of document :func:`location` names when a problem is in the document itself."""

STDIN_NAME = "<stdin>"
"""Standard input in a path (``<stdin>:3``), read «input standard» / "standard input"."""

# The collections of a document, named as a user names one item of them.
# name: (Italian noun, grammatical gender "f"/"m", English noun)
_ITEMS: Mapping[str, tuple[str, str, str]] = {
    "families": ("famiglia", "f", "family"),
    "children": ("bambino", "m", "child"),
    "interventions": ("intervento", "m", "intervention"),
    "groups": ("gruppo", "m", "group"),
    "staff": ("operatore", "m", "staff member"),
    "services": ("servizio", "m", "service"),
    "reports": ("rendicontazione", "f", "report"),
    "partners": ("partner", "m", "partner"),
    "members": ("Comune", "m", "member"),
    "comuni": ("Comune", "m", "Comune"),
    "lines": ("voce", "f", "line"),
    "rows": ("riga", "f", "row"),
    "cases": ("caso", "m", "case"),
    "sources": ("fonte", "f", "source"),
    "offers": ("offerta", "f", "offer"),
    "evaluations": ("valutazione", "f", "evaluation"),
}

# Parts of a document named as the user names them (lists by their plural).
_PARTS: Mapping[str, tuple[str, str]] = {
    "families": ("famiglie", "families"),
    "children": ("bambini", "children"),
    "interventions": ("interventi", "interventions"),
    "groups": ("gruppi", "groups"),
    "staff": ("personale", "staff"),
    "services": ("servizi", "services"),
    "reports": ("rendicontazioni", "reports"),
    "hour_plan": ("monte ore", "hour plan"),
    "budget": ("budget", "budget"),
    "plan": ("piano", "plan"),
    "family": ("famiglia", "family"),
    "weights": ("pesi", "weights"),
}

_SEGMENT = re.compile(r"([^.\[\]]+)((?:\[\d+\])*)")

# The files a user hands us: a path that names one is shown as written, never cut at its
# dots; after it, ``:3`` is a line of it and ``:families[0].id`` a field of it.
_FILE_SUFFIXES = "toml|json|csv|tsv|txt|xlsx|xlsm|xls|md|html|yaml|yml"
_FILE = re.compile(
    rf"(?P<file>{re.escape(STDIN_NAME)}|.+?\.(?:{_FILE_SUFFIXES}))(?::(?P<rest>.*))?",
    re.IGNORECASE | re.DOTALL,
)
_LINE = re.compile(r"(?P<line>\d+)(?P<tail>\D.*)?", re.DOTALL)
# A table's line named in words by the code that found it (``line 3``, ``line 3 (Meda)``).
_WORDED_LINE = re.compile(r"line (?P<line>\d+)(?P<tail>\D.*)?", re.DOTALL)


def plural_category(count: int | Decimal, lang: Lang = "it") -> PluralCategory:
    """The CLDR plural category of ``count`` in ``lang`` (Italian and English alike).

    ``one`` when the integer part is 1 and no decimals are shown; ``other`` otherwise.

    >>> plural_category(1), plural_category(2), plural_category(Decimal("1.0"))
    ('one', 'other', 'other')
    """
    if isinstance(count, bool):
        count = int(count)
    if isinstance(count, int):
        return "one" if count == 1 else "other"
    if not count.is_finite():
        return "other"
    exponent = count.as_tuple().exponent
    visible_decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "one" if visible_decimals == 0 and count == 1 else "other"


def message(key: str, lang: Lang = "it", /, **params: object) -> str:
    """The message ``key`` in ``lang``, filled with ``params`` (plural form by ``count``).

    >>> message("unit.errors", "it", count=1), message("unit.errors", "it", count=3)
    ('1 errore', '3 errori')
    >>> message("unit.hours", "en", count=Decimal("1"))
    '1 hour'
    >>> define("example.shortfall", it="Ore mancanti: {count}.", en="Hours missing: {count}.")
    >>> message("example.shortfall", "it", count=2000)
    'Ore mancanti: 2.000.'
    """
    template = _CATALOGUE[key]["it" if lang == "it" else "en"]
    count = params.get("count")
    if not isinstance(template, str):
        if not isinstance(count, int | Decimal):
            raise TypeError(f"message {key!r} needs a numeric count")
        template = template[plural_category(count, lang)]
    if isinstance(count, int | Decimal):
        # A count reads as the reader writes numbers, with or without plural forms.
        params = {**params, "count": number(count, lang)}
    return template.format(**params)


def quantity(key: str, count: int | Decimal, lang: Lang = "it") -> str:
    """``count`` with its unit word in the right plural form: ``quantity("unit.hours", 1)``.

    >>> quantity("unit.hours", Decimal("1400.5"), "it"), quantity("unit.hours", 1, "en")
    ('1.400,5 ore', '1 hour')
    """
    return message(key, lang, count=count)


def define(key: str, *, it: Template, en: Template) -> None:
    """Add message ``key`` to the catalogue, next to the code that uses it.

    Defining a key again with the same texts is harmless; with other texts it is an error.

    >>> define("example.greeting", it="Ciao {name}", en="Hello {name}")
    >>> message("example.greeting", "en", name="Ada")
    'Hello Ada'
    """
    entry: Mapping[Lang, Template] = {"it": it, "en": en}
    known_entry = _CATALOGUE.get(key)
    if known_entry is not None and dict(known_entry) != dict(entry):
        raise ValueError(f"message {key!r} is already defined with other texts")
    _CATALOGUE[key] = entry


def define_group(prefix: str, entries: Iterable[tuple[str, Template, Template]]) -> None:
    """Define ``prefix.<key>`` for each ``(key, italian, english)`` entry of a module.

    >>> define_group("example.colour", [("red", "rosso", "red"), ("blue", "blu", "blue")])
    >>> message("example.colour.blue", "it")
    'blu'
    """
    for key, italian, english in entries:
        define(f"{prefix}.{key}", it=italian, en=english)


def known(key: str) -> bool:
    """Whether the catalogue has ``key``.

    >>> known("unit.errors"), known("no.such.key")
    (True, False)
    """
    return key in _CATALOGUE


def message_keys() -> tuple[str, ...]:
    """Every key of the catalogue, sorted.

    >>> "unit.errors" in message_keys()
    True
    """
    return tuple(sorted(_CATALOGUE))


def number(value: int | Decimal, lang: Lang = "it") -> str:
    """``value`` written for a reader of ``lang``, thousands grouped, decimals as given.

    >>> number(6000, "it"), number(Decimal("1400.5"), "it"), number(Decimal("-1400.50"), "en")
    ('6.000', '1.400,5', '-1,400.50')
    >>> number(Decimal("7E+3"), "it"), number(Decimal("0.20"), "it")
    ('7.000', '0,20')
    """
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent > 0:
            value = value.quantize(Decimal(1))
        text = f"{value:f}"
    else:
        text = str(value)
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    thousands, decimal = (".", ",") if lang == "it" else (",", ".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    grouped = thousands.join([whole, *groups])
    return sign + grouped + (decimal + fraction if fraction else "")


def date(value: dt.date, lang: Lang = "it") -> str:
    """A day in ``lang``: ``dd/mm/yyyy`` in Italian, ISO ``yyyy-mm-dd`` in English.

    >>> date(dt.date(2023, 9, 1), "it"), date(dt.date(2023, 9, 1), "en")
    ('01/09/2023', '2023-09-01')
    """
    if lang == "it":
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    return value.isoformat()


def ordinal(position: int, lang: Lang = "it", gender: str = "m") -> str:
    """``position`` as an ordinal: ``4ª``/``4º`` in Italian, ``4th`` in English.

    >>> ordinal(4, "it", "f"), ordinal(1, "it"), ordinal(2, "en"), ordinal(13, "en")
    ('4ª', '1º', '2nd', '13th')
    """
    if lang == "it":
        return f"{position}{'ª' if gender == 'f' else 'º'}"
    if 10 <= position % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(position % 10, "th")
    return f"{position}{suffix}"


def file_of(path: str) -> str | None:
    """The file a path starts with (``w.csv:3``, ``<stdin>``), or ``None`` for a field path.

    >>> file_of("data/w.csv:3"), file_of("<stdin>"), file_of("families[0].id")
    ('data/w.csv', '<stdin>', None)
    """
    named = _FILE.fullmatch(path)
    return None if named is None else named.group("file")


def _in_file(file: str, rest: str | None, lang: Lang, ids: Mapping[str, str] | None) -> str:
    shown = message("location.stdin", lang) if file == STDIN_NAME else file
    if not rest:
        return shown
    line = _LINE.fullmatch(rest)
    if line is not None:
        return f"{shown} › {message('location.line', lang, line=line.group('line'))}" + (
            line.group("tail") or ""
        )
    inner = {key.removeprefix(f"{file}:"): value for key, value in (ids or {}).items()}
    return f"{shown} › {location(rest, lang, inner)}"


def _item(name: str, index: int, lang: Lang, ident: str | None) -> str:
    noun_it, gender, noun_en = _ITEMS.get(name, (name, "m", name))
    noun = noun_it if lang == "it" else noun_en
    nth = ordinal(index + 1, lang, gender)
    if ident:
        return f"{noun} {ident} ({nth})"
    return f"{nth} {noun}"


def location(
    path: str,
    lang: Lang = "it",
    ids: Mapping[str, str] | None = None,
    *,
    document: str = "plan",
) -> str:
    """A machine path (``families[3].children[0].birth_date``) as a user reads it.

    Positions count from 1; ``ids`` maps a path to the id of the item there, shown
    with the position (``famiglia F04 (4ª)``). The document itself (path ``""`` or
    ``$``) is named by its kind, ``document`` (one of :data:`DOCUMENTS`: ``piano``,
    ``profilo``, …), or by its file name when ``document`` is one.

    A path that starts with a file name (``profiles/x.toml``, ``<stdin>``) names that
    file as written, never cut at its dots; after a colon comes a line of it
    (``w.csv:3``) or a field of it (``ambito.toml:comuni[0].name``).

    >>> location("families[3].children[0].birth_date", "it")
    '4ª famiglia › 1º bambino › birth_date'
    >>> location("families[3]", "en", {"families[3]": "F04"})
    'family F04 (4th)'
    >>> location("", "it"), location("$", "en"), location("", "it", document="profile")
    ('piano', 'plan', 'profilo')
    >>> location("profiles/my.ambito.toml", "it"), location("<stdin>:3", "it")
    ('profiles/my.ambito.toml', 'input standard › riga 3')
    >>> location("ambito.toml:comuni[0].name", "en")
    'ambito.toml › 1st Comune › name'
    >>> location("t.csv:line 3", "it"), location("line 2 (Meda)", "it")
    ('t.csv › riga 3', 'riga 2 (Meda)')
    """
    if path in ("", "$"):
        if document in DOCUMENTS:
            return message(f"location.{document}", lang)
        return location(document, lang) if _FILE.fullmatch(document) else document
    in_file = _FILE.fullmatch(path)
    if in_file is not None:
        return _in_file(in_file.group("file"), in_file.group("rest"), lang, ids)
    worded = _WORDED_LINE.fullmatch(path)
    if worded is not None:
        return message("location.line", lang, line=worded.group("line")) + (
            worded.group("tail") or ""
        )
    parts: list[str] = []
    consumed = ""
    for segment in path.split("."):
        match = _SEGMENT.fullmatch(segment)
        if match is None:
            parts.append(segment)
            consumed = f"{consumed}.{segment}" if consumed else segment
            continue
        name, indexes = match.groups()
        consumed = f"{consumed}.{name}" if consumed else name
        positions = [int(i) for i in re.findall(r"\[(\d+)\]", indexes)]
        if not positions:
            named = _PARTS.get(name)
            parts.append(name if named is None else named[0 if lang == "it" else 1])
            continue
        for depth, index in enumerate(positions):
            consumed += f"[{index}]"
            ident = (ids or {}).get(consumed)
            label = name if depth == 0 else "item"
            parts.append(_item(label, index, lang, ident))
    return " › ".join(parts)

"""Citations: the sentence of a named source document that a figure, parameter or rule encodes.

A :class:`Source` is a document as users know it (title, issuer, act, year, URL)
and, where the library holds it, the text that backs the quotes. A
:class:`Citation` names a source, a section and the sentence, verbatim — or,
for a public act the library restates, a paraphrase marked as such.

>>> citation = Citation(document="seregno-pippi-2023-avviso", section="SERVIZI E RISORSE UMANE",
...                     quote="n. 1.400 ore per la figura professionale di psicologo/a")
>>> citation.where()
'Avviso di coprogettazione … (P.I.P.P.I., PNRR M5C2 1.1.1) — Ambito di Seregno, 2023, § SERVIZI E RISORSE UMANE'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito._lang import is_lang
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import _validate as v

__all__ = [
    "Citation",
    "Source",
    "citation_from_dict",
    "citation_to_dict",
    "embedded_sources",
    "normalise_text",
    "source_from_dict",
]


def normalise_text(text: str) -> str:
    """Fold white space, line-break hyphens and typographic quotes, so a quote is found in a hard-wrapped text.

    A hyphen at the end of a line joins the word across the break ("tecnico-" +
    "amministrativo"); Markdown bold markers and typographic quotes and
    apostrophes are folded to plain ones.

    >>> normalise_text("l’Ambito  \\n di **Seregno**")
    "l'Ambito di Seregno"
    """
    text = re.sub(r"-[ \t]*\n\s*", "-", text)
    text = text.replace("**", "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("«", '"').replace("»", '"')
    return " ".join(re.sub(r"\s+", " ", text).split())


_ELLIPSIS_AFTER = 40
"""A «quoted name» in a title longer than this is shown as «…»."""


@attrs.frozen(kw_only=True)
class Source:
    """A document that citations refer to: a notice, a public act, a publication.

    ``file`` names the text that backs the quotes (embedded in the package, or a
    path next to the profile that declares the source); a source without text is
    a public act the library paraphrases. ``legacy`` lists names earlier
    versions cited the document by.

    >>> source = embedded_sources()["seregno-tutela-minori-2022-avviso"]
    >>> source.label()
    'Avviso di coprogettazione «Servizi per la Tutela Minori» — Ambito di Seregno, 2022'
    >>> "€ 680.000,00" in source.text()
    True
    """

    id: str = attrs.field(validator=v.text)
    title: str = attrs.field(validator=v.text)
    issuer: str = attrs.field(validator=v.text)
    year: int | None = None
    act_kind: str | None = None
    act_number: str | None = None
    act_date: dt.date | None = None
    url: str | None = None
    file: str | None = None
    """The text file: a name among the embedded texts, or a path (see ``folder``)."""
    folder: Path | None = attrs.field(default=None, eq=False, repr=False)
    """Where ``file`` is, for a source declared in a user's profile."""
    legacy: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    @property
    def quotes_verbatim(self) -> bool:
        """Whether the library holds the text, so citations quote it (else they paraphrase)."""
        return self.file is not None

    def short_title(self) -> str:
        """The title with a long «quoted name» shortened to «…»."""
        match = re.search(r"«[^»]*»", self.title)
        if match is None or len(match.group(0)) <= _ELLIPSIS_AFTER:
            return self.title
        return " ".join(f"{self.title[: match.start()]}…{self.title[match.end() :]}".split())

    def label(self) -> str:
        """Title — issuer, year (act number and date when known)."""
        parts = [self.issuer]
        if self.act_number and self.act_kind:
            act = f"{self.act_kind} n. {self.act_number}"
            if self.act_date is not None:
                act += f" del {self.act_date.strftime('%d/%m/%Y')}"
            parts.append(act)
        elif self.year is not None:
            parts.append(str(self.year))
        return f"{self.short_title()} — {', '.join(parts)}"

    def text(self) -> str | None:
        """The text backing the quotes, or ``None`` when the library holds none."""
        if self.file is None:
            return None
        if self.folder is not None:
            return (self.folder / self.file).read_text(encoding="utf-8")
        from importlib import resources

        return (resources.files("welfare_ambito") / "data" / "sources" / self.file).read_text(
            encoding="utf-8"
        )


def _date_or_none(value: Any, path: str) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValue.of("date", path=path, value=value)


_SOURCE_KEYS = frozenset(
    {"title", "issuer", "year", "act_kind", "act_number", "act_date", "url", "file", "legacy"}
)


def source_from_dict(
    source_id: str, data: Mapping[str, Any], *, path: str = "sources", folder: Path | None = None
) -> Source:
    """A :class:`Source` from its TOML form (``[sources.<id>]`` in a profile).

    >>> source_from_dict("my-notice", {"title": "Avviso", "issuer": "Ambito di Lario", "year": 2024})
    ... # doctest: +ELLIPSIS
    Source(id='my-notice', title='Avviso', issuer='Ambito di Lario', year=2024, ...)
    """
    if not isinstance(data, Mapping):
        raise InvalidValue.of("type", path=path, expected="a table", actual=type(data).__name__)
    unknown = sorted(set(data) - _SOURCE_KEYS)
    if unknown:
        raise InvalidValue.of("unknown_key", path=f"{path}.{unknown[0]}", key=unknown[0])
    for key in ("title", "issuer"):
        if key not in data:
            raise InvalidValue.of("missing", path=f"{path}.{key}")
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise InvalidValue.of("type", path=f"{path}.year", expected="a year", actual=repr(year))
    number = data.get("act_number")
    return Source(
        id=source_id,
        title=data["title"],
        issuer=data["issuer"],
        year=year,
        act_kind=data.get("act_kind"),
        act_number=None if number is None else str(number),
        act_date=_date_or_none(data.get("act_date"), f"{path}.act_date"),
        url=data.get("url"),
        file=data.get("file"),
        folder=folder,
        legacy=tuple(data.get("legacy", ())),
    )


@functools.cache
def embedded_sources() -> FrozenDict[str, Source]:
    """The documents the embedded data cite, by id.

    >>> sorted(embedded_sources())[:2]
    ['mlps-dd-30-2024', 'pnrr-avviso-1-2022']
    """
    import tomllib
    from importlib import resources

    text = (resources.files("welfare_ambito") / "data" / "sources" / "sources.toml").read_text(
        encoding="utf-8"
    )
    raw = tomllib.loads(text)
    return FrozenDict(
        {sid: source_from_dict(sid, item, path=f"sources.{sid}") for sid, item in raw.items()}
    )


@functools.cache
def _legacy_names() -> FrozenDict[str, str]:
    return FrozenDict(
        {name: source.id for source in embedded_sources().values() for name in source.legacy}
    )


def _document(value: Any) -> Any:
    """A legacy document name (an old seed file name) becomes its source's id."""
    if isinstance(value, str):
        return _legacy_names().get(value.strip(), value)
    return value


def _default_source(citation: Citation) -> Source | None:
    return embedded_sources().get(citation.document)


def _default_paraphrase(citation: Citation) -> bool:
    # The library's own text-less sources are acts it restates; a user's source without text
    # is still quoted (verify then asks for its text), unless the citation says paraphrase.
    source = citation.source
    return (
        source is not None
        and not source.quotes_verbatim
        and embedded_sources().get(source.id) is source
    )


i18n.define("citations.paraphrase", it="parafrasi", en="paraphrase")


@attrs.frozen(kw_only=True)
class Citation:
    """Where a number or a rule comes from: a source, a section and its sentence.

    ``document`` is a source id (``"seregno-pippi-2023-avviso"``); an old seed
    file name is read as the source it names. ``paraphrase`` marks a restated
    public act (default: when the source's text is not held), shown without «».

    >>> citation = Citation(
    ...     document="seregno-pippi-2023-avviso",
    ...     section="SERVIZI E RISORSE UMANE",
    ...     quote="n. 1.400 ore per la figura professionale di psicologo/a",
    ... )
    >>> citation.document
    'seregno-pippi-2023-avviso'
    >>> citation.found_in("e n. 1.400 ore per la\\n   figura professionale di psicologo/a;")
    True
    >>> Citation(document="pnrr-avviso-1-2022", section="1.1.1", quote="10 famiglie").display("en")
    'Avviso pubblico 1/2022, PNRR M5C2 investimento 1.1 — Ministero del Lavoro e delle Politiche Sociali, decreto direttoriale n. 5 del 15/02/2022, § 1.1.1 (paraphrase): 10 famiglie'
    """

    document: str = attrs.field(converter=_document, validator=v.text)
    section: str = attrs.field(validator=v.text)
    quote: str = attrs.field(validator=v.text)
    verified_on: dt.date | None = attrs.field(default=None, validator=v.optional(v.a_date))
    """When someone last checked the quote against the source."""
    url: str | None = attrs.field(default=None, validator=v.optional(v.text))
    source: Source | None = attrs.field(
        default=attrs.Factory(_default_source, takes_self=True), eq=False, repr=False
    )
    """The declared source (looked up among the embedded ones when not given)."""
    paraphrase: bool = attrs.field(
        default=attrs.Factory(_default_paraphrase, takes_self=True), validator=v.flag
    )

    def found_in(self, text: str) -> bool:
        """Whether the quote appears in ``text`` (white space and quotes folded)."""
        return normalise_text(self.quote) in normalise_text(text)

    def where(self, lang: str = "it") -> str:
        """The document by title and the section: ``Avviso … — Ambito di Seregno, 2023, § …``."""
        label = self.source.label() if self.source is not None else self.document
        return f"{label}, § {self.section}"

    def display(self, lang: str = "it") -> str:
        """Where, then the sentence in «» (or the paraphrase, marked)."""
        if self.paraphrase:
            word = i18n.message("citations.paraphrase", lang if is_lang(lang) else "en")
            return f"{self.where(lang)} ({word}): {self.quote}"
        return f"{self.where(lang)}: «{self.quote}»"

    def __str__(self) -> str:
        return self.display("it")


def citation_to_dict(citation: Citation) -> dict[str, Any]:
    """The JSON form of a citation: the source id, its title and issuer, the section and sentence.

    >>> data = citation_to_dict(Citation(document="seregno-pippi-2023-avviso", section="S", quote="q"))
    >>> data["document"], data["source"]["issuer"], data["paraphrase"]
    ('seregno-pippi-2023-avviso', 'Ambito di Seregno', False)
    """
    out: dict[str, Any] = {
        "document": citation.document,
        "section": citation.section,
        "quote": citation.quote,
        "paraphrase": citation.paraphrase,
    }
    source = citation.source
    if source is not None:
        described: dict[str, Any] = {"title": source.title, "issuer": source.issuer}
        for key in ("year", "act_kind", "act_number", "url"):
            if getattr(source, key) is not None:
                described[key] = getattr(source, key)
        if source.act_date is not None:
            described["act_date"] = source.act_date.isoformat()
        out["source"] = described
    if citation.verified_on is not None:
        out["verified_on"] = citation.verified_on.isoformat()
    if citation.url is not None:
        out["url"] = citation.url
    return out


_CITATION_KEYS = frozenset(
    {"document", "source", "section", "quote", "verified_on", "url", "paraphrase"}
)


def citation_from_dict(
    data: Mapping[str, Any],
    *,
    path: str = "citation",
    sources: Mapping[str, Source] | None = None,
) -> Citation:
    """A citation from its JSON or TOML form (``verified_on`` a date or ISO string).

    ``source`` may stand for ``document`` (a source id); ``sources`` are the
    sources a profile declares, looked up before the embedded ones.

    >>> citation_from_dict({"source": "seregno-pippi-2023-avviso", "section": "S", "quote": "q"}).document
    'seregno-pippi-2023-avviso'
    """
    if not isinstance(data, Mapping):
        raise InvalidValue.of("type", path=path, expected="a table", actual=type(data).__name__)
    unknown = sorted(set(data) - _CITATION_KEYS)
    if unknown:
        raise InvalidValue.of("unknown_key", path=f"{path}.{unknown[0]}", key=unknown[0])
    raw_source = data.get("source")
    document = data.get("document")
    described: Mapping[str, Any] | None = None
    if isinstance(raw_source, str):
        document = document or raw_source
    elif isinstance(raw_source, Mapping):
        described = raw_source
    if document is None:
        raise InvalidValue.of("missing", path=f"{path}.document")
    for key in ("section", "quote"):
        if key not in data:
            raise InvalidValue.of("missing", path=f"{path}.{key}")
    document = _document(document)
    source: Source | None = None
    if sources is not None and document in sources:
        source = sources[document]
    elif document in embedded_sources():
        source = embedded_sources()[document]
    elif described is not None:
        source = source_from_dict(document, described, path=f"{path}.source")
    try:
        extra: dict[str, Any] = {}
        if "paraphrase" in data:
            extra["paraphrase"] = data["paraphrase"]
        return Citation(
            document=document,
            section=data["section"],
            quote=data["quote"],
            verified_on=_date_or_none(data.get("verified_on"), f"{path}.verified_on"),
            url=data.get("url"),
            source=source,
            **extra,
        )
    except InvalidValue as exc:
        exc.path = f"{path}.{exc.path}" if exc.path else path
        raise

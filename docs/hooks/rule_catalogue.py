"""MkDocs hook: the rule catalogue, generated from the embedded profiles at every build.

A page holding the line ``<!-- rule-catalogue -->`` gets, in its place, every embedded
profile (:func:`welfare_ambito.rules.list_profiles`) with every rule it applies — id,
severity, subject, title, condition and message in Italian and English, the parameters it
reads with their values and dates, its derogations — and the sentence of the notice quoted
beside it, then every parameter of the profile with its dated values and their quotes.
Nothing is written by hand, so the page cannot fall behind the profiles.

``python docs/hooks/rule_catalogue.py`` prints the generated Markdown.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from typing import Any

MARKER = "<!-- rule-catalogue -->"


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _quote(citation: Any) -> str:
    if citation is None:
        return "— (nessuna citazione · not cited)"
    if citation.paraphrase:
        return f"{_cell(citation.quote)} — *{_cell(citation.where())}* (parafrasi · paraphrase)"
    return f"«{_cell(citation.quote)}» — *{_cell(citation.where())}*"


def _value(value: Any, lang: str) -> str:
    from welfare_ambito.rules import Readings, display

    if isinstance(value, Readings):
        return "<br>".join(_cell(r.display(lang)) for r in value)
    return _cell(display(value, lang))


def _date(day: dt.date | None) -> str:
    if day is None:
        return "—"
    if day == dt.date.min:
        return "sempre · always"
    return day.isoformat()


def _dated_rows(parameter: Any, inherited_from: str | None) -> list[str]:
    rows = []
    for dated in parameter.values:
        citation = dated.citation or parameter.citation
        value = dated.value
        readings = getattr(value, "readings", None)
        if readings is not None:
            # Each reading carries its own quote: show them one under the other.
            sources = "<br>".join(f"*{_cell(r.label)}*: {_quote(r.citation)}" for r in readings)
        else:
            sources = _quote(citation)
        origin = f" <small>(da · from `{inherited_from}`)</small>" if inherited_from else ""
        rows.append(
            f"| `{parameter.name}`{origin} | {_cell(parameter.unit)} | {_value(value, 'it')} "
            f"| {_date(dated.since)} | {_date(dated.until)} | {sources} |"
        )
    return rows


_PARAM_HEADER = [
    "| Parametro · Parameter | Unità · Unit | Valore · Value | Dal · Since | Al · Until "
    "| Fonte · Source |",
    "|---|---|---|---|---|---|",
]


_PLACEHOLDER = re.compile(r"\{([\w.]+)\}")
_ONLY_PLACEHOLDER = re.compile(r"\s*\{[\w.]+\}\s*")


def _fill(template: str, entry: Any, lang: str) -> str:
    """A message template with the parameters' latest values in, other fields as ‹name›."""
    for parameter in entry.parameters:
        latest = parameter.values[-1].value if parameter.values else None
        template = template.replace("{" + parameter.name + "}", _value(latest, lang))
    return _PLACEHOLDER.sub(lambda m: f"‹{m.group(1)}›", template)


def _rule_quote(citation: Any) -> list[str]:
    """The sentence the profile binds to the rule; none when the parameters' sentences say it."""
    if citation is None:
        return []
    if citation.paraphrase:
        return [
            f"> {' '.join(citation.quote.split())}",
            f"> — *{_cell(citation.where())}* (parafrasi · paraphrase)",
            "",
        ]
    return [f"> «{' '.join(citation.quote.split())}»", f"> — *{_cell(citation.where())}*", ""]


def _rule_section(entry: Any, profile_id: str) -> list[str]:
    it, en = entry.to_dict("it"), entry.to_dict("en")
    lines = [
        f"### `{entry.id}` {{ #{_anchor(profile_id, entry.id)} }}",
        "",
        f"**{_cell(it['title'])}** · *{_cell(en['title'])}*",
        "",
        f"Gravità · severity: **{entry.severity.value}** · "
        f"soggetto · subject: `{entry.rule.subject}` · modulo · module: `{entry.rule.module}`",
        "",
        *_rule_quote(entry.citation),
        "| | Italiano | English |",
        "|---|---|---|",
    ]
    for key, label in (("condition", "Condizione · Condition"), ("message", "Messaggio · Message")):
        if it[key] and not _ONLY_PLACEHOLDER.fullmatch(it[key]):
            lines.append(
                f"| {label} | {_cell(_fill(it[key], entry, 'it'))} "
                f"| {_cell(_fill(en[key], entry, 'en'))} |"
            )
    lines.append("")
    if entry.parameters:
        lines += _PARAM_HEADER
        for parameter in entry.parameters:
            lines += _dated_rows(parameter, None)
        lines.append("")
    for exc_it, exc_en, exc in zip(
        it["exceptions"], en["exceptions"], entry.rule.exceptions, strict=True
    ):
        lines.append(
            f"- **Deroga · derogation** `{exc_it['id']}`: {_cell(exc_it['title'])} · "
            f"*{_cell(exc_en['title'])}*"
            + (
                f"<br>{_quote(entry.exception_citations[exc.id])}"
                if exc.id in entry.exception_citations
                else ""
            )
        )
    if entry.rule.exceptions:
        lines.append("")
    return lines


def _base_rules(profile: Any) -> dict[str, tuple[Any, Any]]:
    """``rule id: (severity, citation)`` in the embedded profile ``profile`` extends."""
    from welfare_ambito.rules import load_profile, profile_ids

    if not profile.extends or profile.extends not in profile_ids():
        return {}
    return {r.id: (r.severity, r.citation) for r in load_profile(profile.extends).rules}


def _inherited(profile: Any) -> dict[str, str]:
    """Parameters an extending profile takes unchanged from the profile it extends."""
    from welfare_ambito.rules import load_profile, profile_ids

    if not profile.extends or profile.extends not in profile_ids():
        return {}
    base = load_profile(profile.extends)
    return {
        name: base.id
        for name, parameter in profile.parameters.items()
        if name in base.parameters and base.parameters[name] == parameter
    }


def profile_markdown(profile_id: str) -> str:
    """The catalogue of one embedded profile as Markdown (headings from level 2)."""
    from welfare_ambito.rules import catalogue, load_profile

    profile = load_profile(profile_id)
    entries = catalogue(profile)
    lines = [f"## {profile.title} {{ #{profile.id} }}", ""]
    facts = [f"profilo · profile `{profile.id}`"]
    if profile.ambito:
        facts.append(f"Ambito `{profile.ambito}`")
    if profile.programme:
        facts.append(f"programma · programme `{profile.programme}`")
    if profile.extends:
        facts.append(f"estende · extends `{profile.extends}`")
    lines += [" · ".join(facts), ""]
    if profile.description:
        lines += [" ".join(profile.description.split()), ""]
    if len(entries):
        base = _base_rules(profile)
        shared = [e for e in entries if e.id in base and base[e.id] == (e.severity, e.citation)]
        lines += [
            f"{len(entries)} regole · rules: "
            + ", ".join(
                f"[`{e.id}`](#{_anchor(str(profile.extends) if e in shared else profile.id, e.id)})"
                for e in entries
            ),
            "",
        ]
        if shared:
            lines += [
                f"Regole ereditate senza modifiche da · rules inherited unchanged from "
                f"`{profile.extends}` (parameters below):",
                "",
            ]
            lines += [
                f"- [`{e.id}`](#{_anchor(str(profile.extends), e.id)}) — "
                f"{_cell(e.rule.title['it'])} · *{_cell(e.rule.title['en'])}*"
                for e in shared
            ]
            lines.append("")
        for entry in entries:
            if entry not in shared:
                lines += _rule_section(entry, profile.id)
    else:
        lines += [
            '!!! note "Nessuna regola ancora · No rules yet"',
            "    Questo profilo non applica ancora regole: fissa solo i parametri qui sotto.",
            "    This profile applies no rules yet: it only sets the parameters below.",
            "",
        ]
    inherited = _inherited(profile)
    lines += [f"### Parametri del profilo · Profile parameters ({profile.id})", ""]
    lines += _PARAM_HEADER
    for name, parameter in profile.parameters.items():
        lines += _dated_rows(parameter, inherited.get(name))
    lines.append("")
    return "\n".join(lines)


def _anchor(profile_id: str, rule_id: str) -> str:
    """The id of a rule's heading: unique even when two profiles apply the same rule."""
    return f"{profile_id}--{rule_id}".replace(".", "-").replace("_", "-").lower()


def catalogue_markdown() -> str:
    """Every embedded profile's catalogue, in the order of ``list_profiles()``."""
    from welfare_ambito.rules import list_profiles

    return "\n".join(profile_markdown(info.id) for info in list_profiles())


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """Replace the marker with the generated catalogue."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, catalogue_markdown())


if __name__ == "__main__":
    sys.stdout.write(catalogue_markdown())

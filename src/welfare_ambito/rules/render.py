"""Render reports for people: text for a terminal, Markdown, HTML; JSON for machines.

Rendering reads findings only: it knows nothing of rules' logic.
"""

from __future__ import annotations

import html
from typing import Any, TypeAlias

from welfare_ambito import i18n
from welfare_ambito._lang import Lang, is_lang
from welfare_ambito.rules.outcomes import Outcome
from welfare_ambito.rules.parameters import OVERRIDDEN_TEXT, Provenance

# Rendering reads reports; it imports neither the report nor the catalogue module, so data
# flows one way (report -> render). The names below document what each function takes.
Finding: TypeAlias = Any
Report: TypeAlias = Any
ReportDiff: TypeAlias = Any
Catalogue: TypeAlias = Any

__all__ = [
    "md_code",
    "md_text",
    "provenance_lines",
    "render",
    "render_catalogue",
    "render_diff",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
    "where",
]

# The words of a rendered report, one catalogue message each (report.label.<name>).
_LABELS: tuple[tuple[str, str, str], ...] = (
    ("report", "Verifica", "Check"),
    ("plan", "piano", "plan"),
    ("profile", "profilo", "profile"),
    ("on", "alla data", "on"),
    ("ok", "OK: nessun errore", "OK: no errors"),
    ("not_ok", "NON CONFORME", "NOT COMPLIANT"),
    ("source", "fonte", "source"),
    ("missing", "da compilare", "to fill in"),
    ("overrides", "valori modificati (what-if)", "changed values (what-if)"),
    ("values_from", "valori", "values"),
    ("nothing", "Nessun rilievo.", "Nothing to report."),
    ("rule", "regola", "rule"),
    ("where", "dove", "where"),
    ("message", "messaggio", "message"),
    ("parameters", "parametri", "parameters"),
    ("no_changes", "Nessuna differenza.", "No differences."),
)
for _name, _italian, _english in _LABELS:
    i18n.define(f"report.label.{_name}", it=_italian, en=_english)

_MARK = {
    Outcome.FAIL: "✗",
    Outcome.NEEDS_REVIEW: "?",
    Outcome.PASS: "✓",
    Outcome.NOT_APPLICABLE: "–",
}
_ORDER = {Outcome.FAIL: 0, Outcome.NEEDS_REVIEW: 1, Outcome.PASS: 2, Outcome.NOT_APPLICABLE: 3}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _labels(lang: str) -> dict[str, str]:
    code = _lang(lang)
    return {name: i18n.message(f"report.label.{name}", code) for name, _, _ in _LABELS}


def _shown(report: Report, verbose: bool) -> list[Finding]:
    chosen = [
        f
        for f in report.findings
        if verbose or f.outcome in (Outcome.FAIL, Outcome.NEEDS_REVIEW) or f.exception
    ]
    return sorted(chosen, key=lambda f: (_ORDER[f.outcome], _SEVERITY_ORDER[f.severity.value]))


def _lang(lang: str) -> Lang:
    """``lang`` as a catalogue language: Italian, or English for anything else."""
    return lang if is_lang(lang) else "en"


def _counts_line(report: Report, lang: str) -> str:
    code = _lang(lang)
    summary = report.summary
    parts = [i18n.quantity(f"unit.{o.value}", summary.outcomes[o], code) for o in Outcome]
    return (
        i18n.quantity("unit.findings", summary.total, code)
        + ": "
        + ", ".join(parts)
        + " — "
        + i18n.quantity("unit.errors", summary.errors, code)
        + ", "
        + i18n.quantity("unit.warnings", summary.warnings, code)
    )


def where(finding: Finding, lang: str = "it") -> str:
    """Where ``finding`` is, as a user names it: ``famiglia F04 (4ª)``, ``piano``.

    The machine path stays in :attr:`Finding.path` and in the JSON form.

    >>> from welfare_ambito.rules.report import Finding, Outcome, Severity
    >>> f = Finding(rule="r", outcome=Outcome.FAIL, severity=Severity.ERROR,
    ...             path="families[3]", title="t", message="m", subject_id="F04")
    >>> where(f, "it"), where(f, "en")
    ('famiglia F04 (4ª)', 'family F04 (4th)')
    """
    ids = {finding.path: finding.subject_id} if finding.subject_id else None
    return i18n.location(finding.path, _lang(lang), ids)


def _severity(finding: Finding, lang: str) -> str:
    return i18n.message(f"severity.{finding.severity.value}", _lang(lang))


def _source(finding: Finding, lang: str = "it") -> str:
    if finding.citation is None:
        return ""
    return str(finding.citation.display(lang))


def provenance_lines(finding: Finding, lang: str = "it") -> list[str]:
    """Where each value the finding used comes from, one line per citation.

    Values that share a citation are listed together; a value the user set is
    labelled as such and cites nothing.

    >>> from welfare_ambito import data
    >>> from welfare_ambito.rules import evaluate
    >>> report = evaluate(data.example("pippi_seregno"), "seregno-pippi-2023", lang="en",
    ...                   overrides={"pippi.hours.educator_min": "7000"},
    ...                   rules=["pippi.hours.educator"])
    >>> provenance_lines(report.findings[0], "en")
    ['pippi.hours.educator_min = 7,000: overridden, not from the notice']
    """
    groups: list[tuple[Any, list[Provenance]]] = []
    for item in finding.provenance:
        key: Any = item.citation if item.citation is not None else ("user", item.overridden)
        for existing, members in groups:
            if existing == key:
                members.append(item)
                break
        else:
            groups.append((key, [item]))
    lines = []
    for _, members in groups:
        names = ", ".join(m.head(lang) for m in members)
        first = members[0]
        if first.citation is not None:
            lines.append(f"{names} — {first.citation.display(lang)}")
        else:
            lines.append(f"{names}: {first.label(lang)}")
    return lines


def render_text(report: Report, *, verbose: bool = False) -> str:
    """Plain text for a terminal: header, counts, then failures and reviews with sources."""
    words = _labels(report.lang)
    lines = [
        f"{words['report']} — {words['plan']} {report.plan or '—'}, "
        f"{words['profile']} {report.profile}, {words['on']} {i18n.date(report.on, _lang(report.lang))}",
        words["ok"] if report.ok else words["not_ok"],
        _counts_line(report, report.lang),
    ]
    if report.overrides:
        shown = ", ".join(f"{n}={report.parameters.get(n)}" for n in report.overrides)
        lines.append(f"{words['overrides']}: {shown} ({_overridden(report.lang)})")
    findings = _shown(report, verbose)
    if not findings:
        lines.append(words["nothing"])
    for finding in findings:
        severity = (
            f" [{_severity(finding, report.lang)}]" if finding.outcome is Outcome.FAIL else ""
        )
        lines.append("")
        lines.append(
            f"{_MARK[finding.outcome]}{severity} {finding.rule} @ {where(finding, report.lang)}"
        )
        lines.append(f"    {finding.message}")
        if finding.missing:
            missing = ", ".join(i18n.location(m, _lang(report.lang)) for m in finding.missing)
            lines.append(f"    {words['missing']}: {missing}")
        if finding.note:
            lines.append(f"    {finding.note}")
        if finding.citation is not None:
            lines.append(f"    {words['source']}: {_source(finding, report.lang)}")
        for line in provenance_lines(finding, report.lang):
            lines.append(f"    {words['values_from']}: {line}")
    return "\n".join(lines) + "\n"


_MD_SPECIAL = frozenset("\\`*_[]|#!~")
_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def md_text(text: object) -> str:
    r"""Free text made inert for Markdown: no raw HTML, links, emphasis or table breaks.

    ``<``, ``>`` and ``&`` become entities, Markdown punctuation is backslash-escaped
    and line breaks become spaces, so text from a plan cannot inject HTML or end a
    table cell of a pull-request comment.

    >>> md_text("<script>alert(1)</script> | [x](javascript:y)")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\| \\[x\\](javascript:y)'
    """
    out: list[str] = []
    for char in str(text):
        if char in _MD_ENTITIES:
            out.append(_MD_ENTITIES[char])
        elif char in _MD_SPECIAL:
            out.append("\\" + char)
        elif char in "\r\n" or (ord(char) < 32 and char != "\t"):
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def md_code(text: object) -> str:
    r"""``text`` as an inline code span that no backtick, pipe or line break can end.

    >>> md_code("a`b|c")
    '`` a`b\\|c ``'
    """
    body = " ".join(str(text).splitlines()).replace("|", "\\|") or " "
    longest = run = 0
    for char in body:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    if longest:
        return f"{fence} {body} {fence}"
    return f"{fence}{body}{fence}"


def _overridden(lang: str) -> str:
    return OVERRIDDEN_TEXT[_lang(lang)]


def render_markdown(report: Report, *, verbose: bool = False) -> str:
    """Markdown for a pull request comment: a summary line and a table of findings.

    Every text that comes from a plan or a profile is escaped (:func:`md_text`,
    :func:`md_code`): no HTML from free text reaches the rendered comment.
    """
    words = _labels(report.lang)
    lang = _lang(report.lang)
    status = f"✅ {words['ok']}" if report.ok else f"❌ {words['not_ok']}"
    lines = [
        f"### {words['report']}: {md_code(report.plan or '—')} · {words['profile']} "
        f"{md_code(report.profile)} · {i18n.date(report.on, lang)}",
        "",
        f"**{status}** — {_counts_line(report, report.lang)}",
        "",
    ]
    if report.overrides:
        shown = ", ".join(
            f"{md_code(n)} = {md_text(report.parameters.get(n))}" for n in report.overrides
        )
        lines += [f"_{words['overrides']}_: {shown} ({_overridden(report.lang)})", ""]
    findings = _shown(report, verbose)
    if not findings:
        lines.append(words["nothing"])
        return "\n".join(lines) + "\n"
    lines.append(
        f"| | {words['rule']} | {words['where']} | {words['message']} | {words['source']} |"
    )
    lines.append("|---|---|---|---|---|")
    for f in findings:
        message = md_text(f.message)
        if f.missing:
            message += f" — {words['missing']}: " + ", ".join(
                md_code(i18n.location(m, lang)) for m in f.missing
            )
        if f.note:
            message += f" ({md_text(f.note)})"
        sources = [_source(f, report.lang)] if f.citation is not None else []
        sources += provenance_lines(f, report.lang)
        source = "<br>".join(md_text(part) for part in sources)
        mark = _MARK[f.outcome] + (f" {_severity(f, lang)}" if f.outcome is Outcome.FAIL else "")
        lines.append(
            f"| {mark} | {md_code(f.rule)} | {md_text(where(f, lang))} | {message} | {source} |"
        )
    return "\n".join(lines) + "\n"


def render_html(report: Report, *, verbose: bool = False) -> str:
    """An HTML fragment (used by ``Report._repr_html_`` in notebooks)."""
    words = _labels(report.lang)
    e = html.escape
    status = words["ok"] if report.ok else words["not_ok"]
    colour = "#1a7f37" if report.ok else "#cf222e"
    parts = [
        '<div class="welfare-ambito-report">',
        f"<p><strong>{e(words['report'])}</strong> — {e(words['plan'])} <code>{e(report.plan or '—')}</code>, "
        f"{e(words['profile'])} <code>{e(report.profile)}</code>, {e(words['on'])} {e(i18n.date(report.on, _lang(report.lang)))}</p>",
        f'<p style="color:{colour}"><strong>{e(status)}</strong> — {e(_counts_line(report, report.lang))}</p>',
    ]
    if report.overrides:
        shown = ", ".join(f"{n}={report.parameters.get(n)}" for n in report.overrides)
        parts.append(
            f"<p><em>{e(words['overrides'])}</em>: {e(shown)} ({e(_overridden(report.lang))})</p>"
        )
    findings = _shown(report, verbose)
    if findings:
        parts.append("<table>")
        parts.append(
            f"<thead><tr><th></th><th>{e(words['rule'])}</th><th>{e(words['where'])}</th>"
            f"<th>{e(words['message'])}</th><th>{e(words['source'])}</th></tr></thead><tbody>"
        )
        for f in findings:
            message = e(f.message)
            if f.missing:
                message += f"<br><em>{e(words['missing'])}</em>: " + ", ".join(
                    e(i18n.location(m, _lang(report.lang))) for m in f.missing
                )
            sources = [_source(f, report.lang)] if f.citation is not None else []
            sources += provenance_lines(f, report.lang)
            source = f"<small>{'<br>'.join(e(part) for part in sources)}</small>" if sources else ""
            parts.append(
                f"<tr><td>{e(_MARK[f.outcome])} {e(_severity(f, report.lang) if f.outcome is Outcome.FAIL else '')}</td>"
                f"<td><code>{e(f.rule)}</code></td><td>{e(where(f, report.lang))}</td>"
                f"<td>{message}</td><td>{source}</td></tr>"
            )
        parts.append("</tbody></table>")
    else:
        parts.append(f"<p>{e(words['nothing'])}</p>")
    parts.append("</div>")
    return "\n".join(parts)


def render_json(report: Report) -> str:
    """The versioned JSON form."""
    return str(report.to_json())


def render(report: Report, format: str = "text", *, verbose: bool = False) -> str:
    """Render ``report`` as ``"text"``, ``"markdown"``, ``"html"`` or ``"json"``."""
    if format == "text":
        return render_text(report, verbose=verbose)
    if format == "markdown":
        return render_markdown(report, verbose=verbose)
    if format == "html":
        return render_html(report, verbose=verbose)
    if format == "json":
        return render_json(report) + "\n"
    from welfare_ambito.errors import InvalidValue

    raise InvalidValue.of(
        "choice", path="format", value=format, choices="text, markdown, html, json"
    )


def render_diff(diff: ReportDiff, *, lang: str = "it") -> str:
    """One line per difference between two reports."""
    words = _labels(lang)
    lines: list[str] = []
    for name, (old, new) in diff.parameters.items():
        lines.append(f"~ {words['parameters']} {name}: {old} → {new}")
    code = _lang(lang)

    def outcome(f: Finding) -> str:
        return i18n.message(f"outcome.{f.outcome.value}", code)

    for f in diff.added:
        lines.append(f"+ {f.rule} @ {where(f, lang)}: {outcome(f)} — {f.message}")
    for f in diff.removed:
        lines.append(f"- {f.rule} @ {where(f, lang)}: {outcome(f)}")
    for before, after in diff.changed:
        lines.append(
            f"~ {after.rule} @ {where(after, lang)}: {outcome(before)} → {outcome(after)}"
            f" — {after.message}"
        )
    return "\n".join(lines) + "\n" if lines else words["no_changes"] + "\n"


def render_catalogue(catalogue: Catalogue, *, lang: str = "it", markdown: bool = False) -> str:
    """The rules of a profile with their parameters and citations (the catalogue renders itself)."""
    return str(catalogue.to_markdown(lang) if markdown else catalogue.to_text(lang))

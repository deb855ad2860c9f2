"""Render reports for people: text for a terminal, Markdown, HTML; JSON for machines.

Rendering reads findings only: it knows nothing of rules' logic.
"""

from __future__ import annotations

import html
import json
import shutil
import tempfile
from collections.abc import Iterable
from types import TracebackType
from typing import IO, Any, TypeAlias

from welfare_ambito import i18n
from welfare_ambito._lang import Lang, is_lang
from welfare_ambito.rules.outcomes import Outcome, Severity
from welfare_ambito.rules.parameters import OVERRIDDEN_TEXT, Provenance

# Rendering reads reports; it imports neither the report nor the catalogue module, so data
# flows one way (report -> render). The names below document what each function takes.
Finding: TypeAlias = Any
Report: TypeAlias = Any
ReportDiff: TypeAlias = Any
Catalogue: TypeAlias = Any
Summary: TypeAlias = Any

__all__ = [
    "STREAMED_FORMATS",
    "ReportWriter",
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
i18n.define_group("report.label", _LABELS)

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


def _is_shown(finding: Finding, verbose: bool) -> bool:
    """Whether a report shows ``finding``: failures, reviews and derogations (all if verbose)."""
    return bool(
        verbose or finding.outcome in (Outcome.FAIL, Outcome.NEEDS_REVIEW) or finding.exception
    )


def _rank(finding: Finding) -> tuple[int, int]:
    """Where a shown finding goes: failures first, then reviews, each by severity."""
    return (_ORDER[finding.outcome], _SEVERITY_ORDER[finding.severity.value])


def _shown(report: Report, verbose: bool) -> list[Finding]:
    chosen = [f for f in report.findings if _is_shown(f, verbose)]
    return sorted(chosen, key=_rank)


def _lang(lang: str) -> Lang:
    """``lang`` as a catalogue language: Italian, or English for anything else."""
    return lang if is_lang(lang) else "en"


def _counts_line(summary: Summary, lang: str) -> str:
    code = _lang(lang)
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


_Sources: TypeAlias = tuple[str | None, tuple[str, ...]]
_Memo: TypeAlias = dict[tuple[int, int], tuple[Any, Any, _Sources]]
_MEMO_SIZE = 4096


def _sources(finding: Finding, lang: str, memo: _Memo) -> _Sources:
    """The finding's citation as shown and its :func:`provenance_lines`.

    A rule's findings share one citation and one provenance: the texts are made once
    per pair in ``memo`` (kept with the objects, so an id is never reused while cached).
    """
    citation, provenance = finding.citation, finding.provenance
    key = (id(citation), id(provenance))
    hit = memo.get(key)
    if hit is not None and hit[0] is citation and hit[1] is provenance:
        return hit[2]
    shown = None if citation is None else _source(finding, lang)
    value = (shown, tuple(provenance_lines(finding, lang)))
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = (citation, provenance, value)
    return value


def _text_head(report: Report, summary: Summary, words: dict[str, str]) -> list[str]:
    """The lines of a text report before its findings: what, the verdict, the counts."""
    lines = [
        f"{words['report']} — {words['plan']} {report.plan or '—'}, "
        f"{words['profile']} {report.profile}, {words['on']} {i18n.date(report.on, _lang(report.lang))}",
        words["ok"] if summary.ok else words["not_ok"],
        _counts_line(summary, report.lang),
    ]
    if report.overrides:
        shown = ", ".join(f"{n}={report.parameters.get(n)}" for n in report.overrides)
        lines.append(f"{words['overrides']}: {shown} ({_overridden(report.lang)})")
    return lines


def _text_finding(finding: Finding, lang: str, words: dict[str, str], memo: _Memo) -> list[str]:
    """The lines of one finding in a text report."""
    severity = f" [{_severity(finding, lang)}]" if finding.outcome is Outcome.FAIL else ""
    lines = [
        f"{_MARK[finding.outcome]}{severity} {finding.rule} @ {where(finding, lang)}",
        f"    {finding.message}",
    ]
    if finding.missing:
        missing = ", ".join(i18n.location(m, _lang(lang)) for m in finding.missing)
        lines.append(f"    {words['missing']}: {missing}")
    if finding.note:
        lines.append(f"    {finding.note}")
    source, provenance = _sources(finding, lang, memo)
    if source is not None:
        lines.append(f"    {words['source']}: {source}")
    for line in provenance:
        lines.append(f"    {words['values_from']}: {line}")
    return lines


def render_text(report: Report, *, verbose: bool = False) -> str:
    """Plain text for a terminal: header, counts, then failures and reviews with sources."""
    words = _labels(report.lang)
    lines = _text_head(report, report.summary, words)
    memo: _Memo = {}
    findings = _shown(report, verbose)
    if not findings:
        lines.append(words["nothing"])
    for finding in findings:
        lines.append("")
        lines.extend(_text_finding(finding, report.lang, words, memo))
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
    lines = _md_head(report, report.summary, words)
    findings = _shown(report, verbose)
    if not findings:
        lines.append(words["nothing"])
        return "\n".join(lines) + "\n"
    lines.extend(_md_table_head(words))
    memo: _Memo = {}
    for f in findings:
        lines.append(_md_row(f, report.lang, words, memo))
    return "\n".join(lines) + "\n"


def _md_head(report: Report, summary: Summary, words: dict[str, str]) -> list[str]:
    """The lines of a Markdown report before its table (the last one blank)."""
    lang = _lang(report.lang)
    status = f"✅ {words['ok']}" if summary.ok else f"❌ {words['not_ok']}"
    lines = [
        f"### {words['report']}: {md_code(report.plan or '—')} · {words['profile']} "
        f"{md_code(report.profile)} · {i18n.date(report.on, lang)}",
        "",
        f"**{status}** — {_counts_line(summary, report.lang)}",
        "",
    ]
    if report.overrides:
        shown = ", ".join(
            f"{md_code(n)} = {md_text(report.parameters.get(n))}" for n in report.overrides
        )
        lines += [f"_{words['overrides']}_: {shown} ({_overridden(report.lang)})", ""]
    return lines


def _md_table_head(words: dict[str, str]) -> list[str]:
    return [
        f"| | {words['rule']} | {words['where']} | {words['message']} | {words['source']} |",
        "|---|---|---|---|---|",
    ]


def _md_row(f: Finding, report_lang: str, words: dict[str, str], memo: _Memo) -> str:
    """One finding as a row of the Markdown table."""
    lang = _lang(report_lang)
    message = md_text(f.message)
    if f.missing:
        message += f" — {words['missing']}: " + ", ".join(
            md_code(i18n.location(m, lang)) for m in f.missing
        )
    if f.note:
        message += f" ({md_text(f.note)})"
    cited, provenance = _sources(f, report_lang, memo)
    sources = [cited, *provenance] if cited is not None else list(provenance)
    source = "<br>".join(md_text(part) for part in sources)
    mark = _MARK[f.outcome] + (f" {_severity(f, lang)}" if f.outcome is Outcome.FAIL else "")
    return f"| {mark} | {md_code(f.rule)} | {md_text(where(f, lang))} | {message} | {source} |"


def render_html(report: Report, *, verbose: bool = False) -> str:
    """An HTML fragment (used by ``Report._repr_html_`` in notebooks)."""
    words = _labels(report.lang)
    parts = _html_head(report, report.summary, words)
    findings = _shown(report, verbose)
    if findings:
        parts.append("<table>")
        parts.append(_html_table_head(words))
        memo: _Memo = {}
        for f in findings:
            parts.append(_html_row(f, report.lang, words, memo))
        parts.append("</tbody></table>")
    else:
        parts.append(f"<p>{html.escape(words['nothing'])}</p>")
    parts.append("</div>")
    return "\n".join(parts)


def _html_head(report: Report, summary: Summary, words: dict[str, str]) -> list[str]:
    """The parts of an HTML report before its table."""
    e = html.escape
    status = words["ok"] if summary.ok else words["not_ok"]
    colour = "#1a7f37" if summary.ok else "#cf222e"
    parts = [
        '<div class="welfare-ambito-report">',
        f"<p><strong>{e(words['report'])}</strong> — {e(words['plan'])} <code>{e(report.plan or '—')}</code>, "
        f"{e(words['profile'])} <code>{e(report.profile)}</code>, {e(words['on'])} {e(i18n.date(report.on, _lang(report.lang)))}</p>",
        f'<p style="color:{colour}"><strong>{e(status)}</strong> — {e(_counts_line(summary, report.lang))}</p>',
    ]
    if report.overrides:
        shown = ", ".join(f"{n}={report.parameters.get(n)}" for n in report.overrides)
        parts.append(
            f"<p><em>{e(words['overrides'])}</em>: {e(shown)} ({e(_overridden(report.lang))})</p>"
        )
    return parts


def _html_table_head(words: dict[str, str]) -> str:
    e = html.escape
    return (
        f"<thead><tr><th></th><th>{e(words['rule'])}</th><th>{e(words['where'])}</th>"
        f"<th>{e(words['message'])}</th><th>{e(words['source'])}</th></tr></thead><tbody>"
    )


def _html_row(f: Finding, lang: str, words: dict[str, str], memo: _Memo) -> str:
    """One finding as a row of the HTML table."""
    e = html.escape
    message = e(f.message)
    if f.missing:
        message += f"<br><em>{e(words['missing'])}</em>: " + ", ".join(
            e(i18n.location(m, _lang(lang))) for m in f.missing
        )
    cited, provenance = _sources(f, lang, memo)
    sources = [cited, *provenance] if cited is not None else list(provenance)
    source = f"<small>{'<br>'.join(e(part) for part in sources)}</small>" if sources else ""
    return (
        f"<tr><td>{e(_MARK[f.outcome])} {e(_severity(f, lang) if f.outcome is Outcome.FAIL else '')}</td>"
        f"<td><code>{e(f.rule)}</code></td><td>{e(where(f, lang))}</td>"
        f"<td>{message}</td><td>{source}</td></tr>"
    )


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


STREAMED_FORMATS = ("text", "markdown", "html", "json")
"""The formats :class:`ReportWriter` writes: every format of :func:`render`."""

_SPOOL_CHARS = 1 << 20
"""Characters a spool keeps in memory before it moves to a temporary file."""


class _Spool:
    """Rendered pieces kept in order: in memory up to a size, then in a temporary file."""

    __slots__ = ("_file", "_kept", "_limit", "_pieces")

    def __init__(self, limit: int) -> None:
        self._pieces: list[str] = []
        self._kept = 0
        self._limit = limit
        self._file: IO[str] | None = None

    def write(self, piece: str) -> None:
        if self._file is not None:
            self._file.write(piece)
            return
        self._pieces.append(piece)
        self._kept += len(piece)
        if self._kept > self._limit:
            # Exactly the characters written come back: no newline translation, and a lone
            # surrogate (from a plan's "\ud800") reaches the output as it would have.
            self._file = tempfile.TemporaryFile(  # noqa: SIM115 - closed by close()
                "w+", encoding="utf-8", errors="surrogatepass", newline=""
            )
            self._file.writelines(self._pieces)
            self._pieces = []

    def copy_to(self, out: IO[str]) -> None:
        if self._file is None:
            out.write("".join(self._pieces))
            return
        self._file.flush()
        self._file.seek(0)
        shutil.copyfileobj(self._file, out, _SPOOL_CHARS)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._pieces = []


class ReportWriter:
    """Render a report whose findings arrive one at a time, holding only what it shows.

    ``head`` is the report without its findings (:meth:`Checker.head
    <welfare_ambito.rules.engine.Checker.head>`); :meth:`add` counts each finding
    as it comes and renders at once those the format shows (every one for JSON),
    into spools that move to temporary files past 1 MB. :meth:`write_to` then
    writes exactly what :func:`render` writes for the whole report: the header
    holds the counts, so it is written after the last finding. Memory stays flat
    however many findings pass through.

    >>> from welfare_ambito import data
    >>> from welfare_ambito.rules.engine import evaluate, evaluate_stream
    >>> import io
    >>> plan = data.example("pippi_seregno_mistakes")
    >>> head, findings = evaluate_stream(plan, "seregno-pippi-2023")
    >>> out = io.StringIO()
    >>> with ReportWriter(head, "markdown") as writer:
    ...     writer.extend(findings)
    ...     writer.write_to(out)
    >>> writer.summary.ok
    False
    >>> out.getvalue() == render(evaluate(plan, "seregno-pippi-2023"), "markdown")
    True
    """

    def __init__(
        self,
        head: Report,
        format: str = "text",
        *,
        verbose: bool = False,
        spool_chars: int = _SPOOL_CHARS,
    ) -> None:
        if format not in STREAMED_FORMATS:
            from welfare_ambito.errors import InvalidValue

            raise InvalidValue.of(
                "choice", path="format", value=format, choices=", ".join(STREAMED_FORMATS)
            )
        self.head = head
        self.format = format
        self.verbose = verbose
        self._words = _labels(head.lang)
        self._counts = dict.fromkeys(Outcome, 0)
        self._failures = dict.fromkeys(Severity, 0)
        self._spool_chars = spool_chars
        self._spools: dict[tuple[int, int], _Spool] = {}
        self._memo: _Memo = {}

    def _spool(self, rank: tuple[int, int]) -> _Spool:
        spool = self._spools.get(rank)
        if spool is None:
            spool = self._spools[rank] = _Spool(self._spool_chars)
        return spool

    def add(self, finding: Finding) -> None:
        """Count ``finding`` and, if the format shows it, render it now."""
        outcome = finding.outcome
        self._counts[outcome] += 1
        if outcome is Outcome.FAIL:
            self._failures[finding.severity] += 1
        if self.format == "json":
            # Every finding, in the order given, one level of JSON deeper than alone.
            text = json.dumps(finding.to_dict(), ensure_ascii=False, indent=2)
            lead = ",\n    " if self._spools else "\n    "
            self._spool((0, 0)).write(lead + text.replace("\n", "\n    "))
            return
        if not _is_shown(finding, self.verbose):
            return
        lang = self.head.lang
        if self.format == "text":
            piece = "\n\n" + "\n".join(_text_finding(finding, lang, self._words, self._memo))
        elif self.format == "markdown":
            piece = "\n" + _md_row(finding, lang, self._words, self._memo)
        else:
            piece = "\n" + _html_row(finding, lang, self._words, self._memo)
        self._spool(_rank(finding)).write(piece)

    def extend(self, findings: Iterable[Finding]) -> None:
        """:meth:`add` each of ``findings`` (consumed once)."""
        add = self.add
        for finding in findings:
            add(finding)

    @property
    def summary(self) -> Summary:
        """The counts of the findings added so far (a :class:`~welfare_ambito.rules.report.Summary`).

        Built with the head's own summary class: rendering imports no report module.
        """
        return type(self.head.summary)(
            outcomes=self._counts,
            errors=self._failures[Severity.ERROR],
            warnings=self._failures[Severity.WARNING],
            infos=self._failures[Severity.INFO],
        )

    def write_to(self, out: IO[str]) -> None:
        """Write the report of the findings added: byte for byte what :func:`render` writes."""
        summary, words, head = self.summary, self._words, self.head
        spools = [self._spools[rank] for rank in sorted(self._spools)]
        if self.format == "json":
            text = json.dumps(
                {**head.head_dict(summary), "findings": []}, ensure_ascii=False, indent=2
            )
            if not spools:
                out.write(text + "\n")
                return
            out.write(text.removesuffix("[]\n}") + "[")
            spools[0].copy_to(out)
            out.write("\n  ]\n}\n")
            return
        if self.format == "text":
            out.write("\n".join(_text_head(head, summary, words)))
            if not spools:
                out.write("\n" + words["nothing"])
            for spool in spools:
                spool.copy_to(out)
            out.write("\n")
        elif self.format == "markdown":
            out.write("\n".join(_md_head(head, summary, words)))
            if not spools:
                out.write("\n" + words["nothing"] + "\n")
                return
            out.write("\n" + "\n".join(_md_table_head(words)))
            for spool in spools:
                spool.copy_to(out)
            out.write("\n")
        else:
            out.write("\n".join(_html_head(head, summary, words)))
            if not spools:
                out.write(f"\n<p>{html.escape(words['nothing'])}</p>\n</div>")
                return
            out.write("\n<table>\n" + _html_table_head(words))
            for spool in spools:
                spool.copy_to(out)
            out.write("\n</tbody></table>\n</div>")

    def close(self) -> None:
        """Drop the spools (their temporary files are deleted)."""
        for spool in self._spools.values():
            spool.close()
        self._spools.clear()

    def __enter__(self) -> ReportWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


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

"""Text from a plan or profile cannot inject HTML or break the Markdown table of a report."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito.rules.outcomes import Outcome, Severity
from welfare_ambito.rules.render import md_code, md_text, render_html, render_markdown
from welfare_ambito.rules.report import Finding, Report

HOSTILE = "<script>alert('x')</script> | `tick` [link](javascript:alert(1)) <img src=x onerror=y> &amp;\nnext"


def _report(text: str) -> Report:
    finding = Finding(
        rule=f"rule{text}",
        outcome=Outcome.FAIL,
        severity=Severity.ERROR,
        path=f"families[0].{text}",
        title=text,
        message=text,
        missing=(f"families[0].{text}",),
        note=text,
        subject_id=text,
    )
    return Report(profile=f"p{text}", on=dt.date(2024, 1, 1), plan=text, findings=(finding,))


_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.*?)(?<!`)\1(?!`)")


def _outside_code(markdown: str) -> str:
    """The Markdown with its code spans removed: inside them ``<`` is literal text."""
    return _CODE_SPAN.sub(" ", markdown)


def _unescaped_pipes(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row))


def test_markdown_lets_no_html_through() -> None:
    """No raw tag, no link and no extra table cell comes from hostile free text."""
    for lang in ("it", "en"):
        report = _report(HOSTILE)
        object.__setattr__(report, "lang", lang)
        markdown = render_markdown(report, verbose=True)
        prose = _outside_code(markdown)
        assert "<" not in prose
        assert not re.search(r"(?<!\\)\]\(", prose)  # no link
        rows = [line for line in markdown.splitlines() if line.startswith("| ✗")]
        assert len(rows) == 1
        assert _unescaped_pipes(rows[0]) == 6


def test_html_escapes_everything() -> None:
    """The HTML fragment carries hostile text only as escaped text."""
    html = render_html(_report(HOSTILE), verbose=True)
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


@given(st.text())
def test_md_text_never_emits_a_tag_or_a_line_break(text: str) -> None:
    """Whatever the text, the escaped form has no '<', no line break, no bare pipe."""
    escaped = md_text(text)
    assert "<" not in escaped
    assert ">" not in escaped
    assert "\n" not in escaped
    assert "\r" not in escaped
    assert _unescaped_pipes(escaped) == 0


@given(st.text())
def test_md_code_is_one_span(text: str) -> None:
    """A code span opens and closes with the same fence, longer than any run inside."""
    span = md_code(text)
    fence = re.match(r"`+", span)
    assert fence is not None
    assert span.endswith(fence.group())
    inner = span[len(fence.group()) : -len(fence.group())]
    assert fence.group() not in inner
    assert "\n" not in span
    assert _unescaped_pipes(span) == 0

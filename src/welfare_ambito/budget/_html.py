"""Plain HTML tables for Jupyter's ``_repr_html_`` (no template engine, everything escaped)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

__all__ = ["html_table"]


def html_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str | None = None,
    right: Sequence[int] = (),
    highlight: Sequence[int] = (),
    footer: str | None = None,
) -> str:
    """An HTML table; ``right`` are column indexes aligned right, ``highlight`` row indexes.

    >>> html_table(["a"], [["<b>"]])
    '<table class="welfare-ambito"><thead><tr><th>a</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
    """
    parts = ['<table class="welfare-ambito">']
    if caption:
        parts.append(f"<caption>{escape(caption)}</caption>")
    parts.append("<thead><tr>")
    for index, name in enumerate(header):
        style = ' style="text-align:right"' if index in right else ""
        parts.append(f"<th{style}>{escape(name)}</th>")
    parts.append("</tr></thead><tbody>")
    marked = set(highlight)
    for row_index, row in enumerate(rows):
        parts.append('<tr style="background:#fde2e2">' if row_index in marked else "<tr>")
        for index, cell in enumerate(row):
            style = ' style="text-align:right"' if index in right else ""
            parts.append(f"<td{style}>{escape(cell)}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table>")
    if footer:
        parts.append(f"<p>{escape(footer)}</p>")
    return "".join(parts)


def text_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()
) -> str:
    """A fixed-width text table for terminals and ``str()``."""
    widths = [len(h) for h in header]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])

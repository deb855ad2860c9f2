"""MkDocs hook: the pictures of the site, drawn from the library itself at every build.

* ``assets/budget-comparison.svg``: the Seregno Tutela Minori territorial teams' budget,
  the notice's split per Comune beside a split of the same € 430.900,00 by caseload
  (:func:`welfare_ambito.budget.compare_split`). Drawn as plain SVG by this file, so the
  build needs no plotting library and the picture is always the library's current answer.
* The SESEI workflow: pages show it as a ``mermaid`` state diagram written in the page;
  this hook checks that its transitions are exactly
  :data:`welfare_ambito.sesei.TRANSITIONS` and warns (an error under ``--strict``) when they
  diverge. :func:`sesei_mermaid` prints the diagram the pages should hold.

``python docs/hooks/pictures.py`` prints the diagram; ``… pictures.py svg`` prints the SVG.
"""

from __future__ import annotations

import re
import sys
from html import escape
from typing import Any

try:
    from mkdocs.plugins import get_plugin_logger

    log: Any = get_plugin_logger("pictures")
except ImportError:  # run as a script without mkdocs
    import logging

    log = logging.getLogger("pictures")

CHART_URI = "assets/budget-comparison.svg"
SESEI_URI = "assets/sesei-workflow.svg"
_EDGE = re.compile(r"^\s*(\[\*\]|\w+)\s*-->\s*(\[\*\]|\w+)\s*:.*?·\s*(\w+)\s*$")
_MERMAID_BLOCK = re.compile(r"```mermaid\n(.*?)```", re.DOTALL)


# -- SESEI workflow ---------------------------------------------------------------------------


def sesei_mermaid() -> str:
    """The SESEI workflow as a Mermaid state diagram, one edge per transition."""
    from welfare_ambito.sesei import TRANSITIONS, CaseState

    lines = ["stateDiagram-v2", "    direction LR"]
    for state in CaseState:
        lines.append(f"    {state.value} : {state.label_it} · {state.value}")
    for (before, event), after in TRANSITIONS.items():
        source = "[*]" if before is None else before.value
        label = event.label_it.replace(":", " –")
        lines.append(f"    {source} --> {after.value} : {label} · {event.value}")
    finals = {s for s in CaseState if not any(b is s for b, _ in TRANSITIONS)}
    for state in sorted(finals):
        lines.append(f"    {state.value} --> [*]")
    return "\n".join(lines) + "\n"


def sesei_svg() -> str:
    """The SESEI workflow as a top-down SVG state diagram, drawn from ``TRANSITIONS``.

    Sized for the page's content column (720 px at 1:1, 13-14 px text) so that it reads at
    1366 px without zooming; no script or third-party host is needed to show it.
    """
    from welfare_ambito.sesei import TRANSITIONS, CaseState

    finals = [s for s in CaseState if not any(b is s for b, _ in TRANSITIONS)]
    chain = [s for s in CaseState if s not in finals]
    width, x, box_w, box_h, gap = 720, 330, 180, 50, 140
    bus_x, top = 620, 110
    row = {state: top + i * gap for i, state in enumerate(chain)}
    last = row[chain[-1]]
    final_y = last + 170
    for i, state in enumerate(finals):
        row[state] = final_y + i * 90
    height = max(row.values()) + 110
    edges: dict[tuple[Any, Any], list[Any]] = {}
    for (before, event), after in TRANSITIONS.items():
        edges.setdefault((before, after), []).append(event)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="sans-serif" font-size="14" '
        'role="img" aria-labelledby="sesei-title sesei-desc">',
        '<title id="sesei-title">SESEI: stati di un caso e passaggi · case states and '
        "transitions</title>",
        '<desc id="sesei-desc">'
        + escape(
            "; ".join(
                f"{'inizio' if b is None else b.label_it} → {a.label_it}: "
                + ", ".join(e.label_it for e in evs)
                for (b, a), evs in edges.items()
            )
        )
        + "</desc>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="8" markerHeight="8" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#37474f"/></marker></defs>',
        '<rect width="100%" height="100%" fill="white"/>',
    ]
    line = 'stroke="#37474f" stroke-width="1.6" fill="none"'

    def label(lx: float, ly: float, events: list[Any], anchor: str) -> None:
        for k, event in enumerate(events):
            y0 = ly + k * 34
            parts.append(
                f'<text x="{lx:.0f}" y="{y0:.0f}" text-anchor="{anchor}" font-size="14">'
                f"{escape(event.label_it)}</text>"
                f'<text x="{lx:.0f}" y="{y0 + 15:.0f}" text-anchor="{anchor}" font-size="12" '
                f'fill="#546e7a">{escape(event.value)}</text>'
            )

    def node(state: Any, cx: float) -> None:
        y = row[state]
        final = state in finals
        parts.append(
            f'<rect x="{cx - box_w / 2:.0f}" y="{y - box_h / 2:.0f}" width="{box_w}" '
            f'height="{box_h}" rx="10" fill="{"#eceff1" if final else "#e0f2f1"}" '
            f'stroke="{"#455a64" if final else "#00796b"}" stroke-width="1.6"/>'
            f'<text x="{cx:.0f}" y="{y - 3:.0f}" text-anchor="middle" font-weight="bold">'
            f"{escape(state.label_it)}</text>"
            f'<text x="{cx:.0f}" y="{y + 15:.0f}" text-anchor="middle" font-size="12" '
            f'fill="#546e7a">{escape(state.value)}</text>'
        )

    half = box_h / 2
    back = 0
    for (before, after), events in edges.items():
        if before is None:
            y1 = row[after] - half
            parts.append(f'<circle cx="{x}" cy="{y1 - 60}" r="8" fill="#37474f"/>')
            parts.append(
                f'<line x1="{x}" y1="{y1 - 52}" x2="{x}" y2="{y1}" {line} '
                'marker-end="url(#arrow)"/>'
            )
            label(x - 14, y1 - 34, events, "end")
        elif after in finals:
            y = row[before]
            parts.append(f'<line x1="{x + box_w / 2}" y1="{y}" x2="{bus_x}" y2="{y}" {line}/>')
            label(x + box_w / 2 + 12, y - 26 - 34 * (len(events) - 1), events, "start")
        elif before is after:
            y = row[before] + half
            parts.append(
                f'<path d="M{x - 30},{y} C{x - 50},{y + 55} {x + 50},{y + 55} {x + 30},{y}" '
                f'{line} marker-end="url(#arrow)"/>'
            )
            label(x, y + 62, events, "middle")
        elif chain.index(after) == chain.index(before) + 1:
            y1, y2 = row[before] + half, row[after] - half
            parts.append(
                f'<line x1="{x}" y1="{y1}" x2="{x}" y2="{y2}" {line} marker-end="url(#arrow)"/>'
            )
            label(x - 14, (y1 + y2) / 2 - 2, events, "end")
        else:
            lane = 40 + back * 24
            back += 1
            y1, y2 = row[before], row[after]
            parts.append(
                f'<path d="M{x - box_w / 2},{y1} H{lane} V{y2} H{x - box_w / 2}" {line} '
                'marker-end="url(#arrow)"/>'
            )
            label(lane + 10, (y1 + y2) / 2 + 70, events, "start")
    # The bus: every edge into a final state joins it, and it enters the final state once.
    sources = [row[b] for (b, a) in edges if b is not None and a in finals]
    if sources and finals:
        target = row[finals[0]]
        parts.append(
            f'<path d="M{bus_x},{min(sources)} V{target} H{x + box_w / 2}" {line} '
            'marker-end="url(#arrow)"/>'
        )
    for state in chain:
        node(state, x)
    for state in finals:
        node(state, x)
        y = row[state] + half
        parts.append(
            f'<line x1="{x}" y1="{y}" x2="{x}" y2="{y + 40}" {line} marker-end="url(#arrow)"/>'
            f'<circle cx="{x}" cy="{y + 52}" r="10" fill="none" stroke="#37474f" '
            'stroke-width="1.6"/>'
            f'<circle cx="{x}" cy="{y + 52}" r="6" fill="#37474f"/>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def mermaid_transitions(text: str) -> set[tuple[str | None, str, str]]:
    """``(state before or None, event, state after)`` for each labelled edge of a diagram."""
    edges = set()
    for line in text.splitlines():
        match = _EDGE.match(line)
        if match:
            before, after, event = match.groups()
            edges.add((None if before == "[*]" else before, event, after))
    return edges


def transitions() -> set[tuple[str | None, str, str]]:
    """:data:`welfare_ambito.sesei.TRANSITIONS` as plain strings."""
    from welfare_ambito.sesei import TRANSITIONS

    return {
        (None if before is None else before.value, event.value, after.value)
        for (before, event), after in TRANSITIONS.items()
    }


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """Warn when a page's SESEI state diagram differs from the library's workflow."""
    for block in _MERMAID_BLOCK.findall(markdown):
        if "stateDiagram" not in block or "referral" not in block:
            continue
        shown, actual = mermaid_transitions(block), transitions()
        if shown != actual:
            log.warning(
                f"{page.file.src_uri}: the SESEI diagram differs from welfare_ambito.sesei."
                f"TRANSITIONS; missing {sorted(actual - shown, key=str)}, "
                f"extra {sorted(shown - actual, key=str)} "
                "(python docs/hooks/pictures.py prints the right one)"
            )
    return markdown


# -- budget chart -----------------------------------------------------------------------------


def _euro(amount: float) -> str:
    return f"€ {amount:,.0f}".replace(",", ".")


def budget_comparison_svg() -> str:
    """A grouped bar chart: the notice's split of the territorial teams' budget and by caseload."""
    from welfare_ambito import data
    from welfare_ambito.budget import compare_split

    budget = data.tutela_minori_budget()
    stated = {line.comune: line.amount for line in budget.lines if line.comune}
    comparison = compare_split(stated, {"caseload": dict(data.tutela_minori_caseloads())})
    by_caseload = comparison.split("caseload")
    names = list(stated)
    series = [
        ("Riparto del bando · notice's split", "#00897b", [stated[n] for n in names]),
        ("Per carico di casi · by caseload", "#f9a825", [by_caseload[n] for n in names]),
    ]
    width, height = 760, 420
    left, right, top, bottom = 90, 20, 60, 90
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max(float(m.amount) for _, _, values in series for m in values)
    step = 50_000
    y_max = step * (int(top_value // step) + 1)
    group_w = plot_w / len(names)
    bar_w = group_w * 0.8 / len(series)

    def y(value: float) -> float:
        return top + plot_h * (1 - value / y_max)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="sans-serif" font-size="12" role="img" '
        'aria-labelledby="chart-title">',
        '<title id="chart-title">Équipe territoriali, Ambito di Seregno: riparto del bando e '
        "riparto per carico di casi al 31/12/2021</title>",
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="{left}" y="24" font-size="15" font-weight="bold">Équipe territoriali · '
        f"territorial teams, {escape(str(comparison.stated.total))} a year</text>",
    ]
    for tick in range(0, y_max + 1, step):
        ty = y(tick)
        parts.append(
            f'<line x1="{left}" y1="{ty:.1f}" x2="{width - right}" y2="{ty:.1f}" stroke="#e0e0e0"/>'
        )
        parts.append(
            f'<text x="{left - 8}" y="{ty + 4:.1f}" text-anchor="end">{_euro(tick)}</text>'
        )
    for i, name in enumerate(names):
        x0 = left + i * group_w + group_w * 0.1
        for j, (label, colour, values) in enumerate(series):
            value = float(values[i].amount)
            bx, by = x0 + j * bar_w, y(value)
            parts.append(
                f'<rect x="{bx:.1f}" y="{by:.1f}" width="{bar_w - 2:.1f}" '
                f'height="{top + plot_h - by:.1f}" fill="{colour}">'
                f"<title>{escape(name)} — {escape(label)}: {escape(str(values[i]))}</title></rect>"
            )
        parts.append(
            f'<text x="{left + (i + 0.5) * group_w:.1f}" y="{top + plot_h + 18}" '
            f'text-anchor="middle">{escape(name)}</text>'
        )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        'stroke="#616161"/>'
    )
    for j, (label, colour, _) in enumerate(series):
        lx = left + j * 300
        parts.append(
            f'<rect x="{lx}" y="{height - 40}" width="14" height="14" fill="{colour}"/>'
            f'<text x="{lx + 20}" y="{height - 28}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def on_files(files: Any, config: Any, **kwargs: Any) -> Any:
    """Add the budget chart to the site."""
    from mkdocs.structure.files import File

    files.append(File.generated(config, CHART_URI, content=budget_comparison_svg()))
    files.append(File.generated(config, SESEI_URI, content=sesei_svg()))
    return files


if __name__ == "__main__":
    pictures = {"svg": budget_comparison_svg, "sesei": sesei_svg}
    sys.stdout.write(pictures.get("".join(sys.argv[1:]), sesei_mermaid)())

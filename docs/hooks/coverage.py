"""MkDocs hook: the coverage maps of the embedded notices, rendered at every build.

A page holding the line ``<!-- coverage -->`` gets, in its place, one section per
map of ``welfare_ambito/data/coverage`` — the coverage figure, then every normative
statement of the notice with what covers it. A map with a problem (a quote not
verbatim, an unknown rule, a gap without a reason) is a warning, so
``mkdocs build --strict`` fails.

``python docs/hooks/coverage.py`` prints the generated Markdown.
"""

from __future__ import annotations

import logging
from typing import Any

MARKER = "<!-- coverage -->"

try:
    from mkdocs.plugins import get_plugin_logger

    log: logging.Logger | logging.LoggerAdapter[logging.Logger] = get_plugin_logger("coverage")
except ImportError:  # run as a script without mkdocs
    log = logging.getLogger("coverage")


def generate() -> str:
    """Every map as Markdown, warning about each problem found."""
    from welfare_ambito._coverage import coverage_ids, load_coverage, markdown, problems

    sections = []
    for notice in coverage_ids():
        coverage = load_coverage(notice)
        for problem in problems(coverage):
            log.warning(problem)
        sections.append(markdown(coverage))
    return "\n".join(sections)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace the marker with the generated maps."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, generate())


if __name__ == "__main__":
    print(generate())

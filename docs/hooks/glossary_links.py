"""MkDocs hook: the code names of the glossary link to the API reference.

After the build, every ``<code>Name</code>`` (or ``Name.member``) of the glossary page that
the API reference documents becomes a link to it. It runs after the build because only then
are the reference's anchors known; a name the reference does not document stays plain text
(``python docs/hooks/glossary_links.py`` lists them).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

_ID = re.compile(r'id="(welfare_ambito[\w.]*)"')
_CODE = re.compile(r"(<a [^>]*>)?<code>([A-Za-z_][\w.]*)</code>")
_PREFIXES = (
    "",
    "welfare_ambito.",
    "welfare_ambito.model.",
    "welfare_ambito.rules.",
    "welfare_ambito.sesei.",
    "welfare_ambito.budget.",
    "welfare_ambito.eligibility.",
)


def anchors(site: Path) -> dict[str, str]:
    """Every documented name of the API reference: id → page path relative to ``site``."""
    found: dict[str, str] = {}
    for page in sorted((site / "reference").rglob("index.html")):
        for name in _ID.findall(page.read_text(encoding="utf-8")):
            found.setdefault(name, page.parent.relative_to(site).as_posix())
    return found


def target(name: str, known: dict[str, str]) -> str | None:
    """The documented id for a glossary code name: itself, else its class."""
    parts = name.split(".")
    for size in range(len(parts), 0, -1):
        for prefix in _PREFIXES:
            candidate = prefix + ".".join(parts[:size])
            if candidate in known:
                return candidate
    return None


def link(html: str, page_dir: str, known: dict[str, str]) -> tuple[str, list[str]]:
    """``html`` with documented code names linked; and the names left plain."""
    plain: list[str] = []

    def replace(match: re.Match[str]) -> str:
        if match.group(1):  # already a link
            return match.group(0)
        name = match.group(2)
        found = target(name, known)
        if found is None:
            plain.append(name)
            return match.group(0)
        href = os.path.relpath(known[found], page_dir) + f"/#{found}"
        return f'<a href="{href}"><code>{name}</code></a>'

    return _CODE.sub(replace, html), plain


def link_glossary(site: Path) -> list[str]:
    """Link the built glossary page's code names; return those left plain."""
    page = site / "glossary" / "index.html"
    if not page.exists():
        return []
    html, plain = link(page.read_text(encoding="utf-8"), "glossary", anchors(site))
    page.write_text(html, encoding="utf-8")
    return plain


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Link the glossary's code names to the API reference."""
    link_glossary(Path(config["site_dir"]))


if __name__ == "__main__":
    left = link_glossary(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print("\n".join(sorted(set(left))) or "every code name is linked")

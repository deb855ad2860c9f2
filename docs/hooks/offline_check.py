"""MkDocs hook: the built site loads nothing from a third-party host.

After every build, each HTML page, stylesheet and SVG of the site is read and every
*resource* it would load is checked: ``<script src>``, ``<link href>`` (stylesheets, icons,
preloads, canonical), ``<img src>``, ``<iframe>``, ``<source>``, ``<object data>``,
``url(…)`` and ``@import`` in styles. One that points to another host is a warning, so
``mkdocs build --strict`` fails. Known third-party hosts (Google Fonts, CDNs) are refused
anywhere in pages, and a ``mermaid`` element is refused because Material would fetch
Mermaid from a CDN to draw it.

Links in the prose (``<a href="https://…">``) are allowed: they are sources a reader may
choose to open (the notices, the Ministry's decrees), not something the page loads.

``python docs/hooks/offline_check.py [SITE_DIR]`` prints the problems and exits 1 if any.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

_RESOURCE_ATTRS = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "audio": ("src",),
    "video": ("src", "poster"),
    "object": ("data",),
    "embed": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
_EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.IGNORECASE)
_KNOWN_HOSTS = re.compile(
    r"fonts\.googleapis\.com|fonts\.gstatic\.com|unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com",
    re.IGNORECASE,
)
# The SVG and XHTML namespaces are identifiers, not resources.
_NAMESPACES = ("http://www.w3.org/",)


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.mermaid = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if "mermaid" in (values.get("class") or "").split():
            self.mermaid = True
        for name in _RESOURCE_ATTRS.get(tag, ()):
            value = values.get(name)
            if value:
                self.found.extend(part.strip().split(" ")[0] for part in value.split(","))
        style = values.get("style")
        if style:
            self.found.extend(_CSS_URL.findall(style))

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.found.extend(_CSS_URL.findall(data))


def _external(url: str) -> bool:
    return bool(_EXTERNAL.match(url)) and not url.startswith(_NAMESPACES)


def problems(site_dir: Path) -> list[str]:
    """Every resource of the built site at ``site_dir`` that a third-party host would serve."""
    found: list[str] = []
    for path in sorted(site_dir.rglob("*")):
        where = path.relative_to(site_dir).as_posix()
        if path.suffix in (".html", ".svg"):
            text = path.read_text(encoding="utf-8", errors="replace")
            parser = _Resources()
            parser.feed(text)
            found += [f"{where}: loads {url}" for url in parser.found if _external(url)]
            if parser.mermaid:
                found.append(f"{where}: a mermaid diagram (Material fetches Mermaid from a CDN)")
            found += [f"{where}: names {m.group(0)}" for m in _KNOWN_HOSTS.finditer(text)]
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{where}: loads {url}" for url in _CSS_URL.findall(text) if _external(url)]
    return found


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Warn (an error under ``--strict``) for every third-party resource of the site."""
    from mkdocs.plugins import get_plugin_logger

    log = get_plugin_logger("offline_check")
    for problem in problems(Path(config["site_dir"])):
        log.warning(f"third-party resource: {problem}")


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    issues = problems(site)
    print("\n".join(issues) or f"{site}: no third-party resource")
    sys.exit(1 if issues else 0)

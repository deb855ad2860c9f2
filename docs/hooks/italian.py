"""MkDocs hook: the Italian section (``docs/it/``) is an Italian page, theme included.

A simpler choice than a second, fully translated build (mkdocs-static-i18n): only the
how-tos have an Italian version, so the site stays one build with one navigation and one
search index (English and Italian stemming, ``search: lang: [en, it]``). For each page under
``it/`` (or with ``lang: it`` in its front matter) this hook

* sets ``<html lang="it">``, so screen readers and hyphenation read Italian;
* puts Material's own Italian interface strings (``partials/languages/it.html``: «Cerca»,
  «Copia», «Indice»…) in place of the English ones, in the page and in the translations the
  page's scripts read (copy button, search results).

Italian paragraphs on English pages are marked in the Markdown itself with ``{ lang=it }``
(attr_list).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

_ENTRY = re.compile(r'^\s*"([\w.-]+)":\s*"((?:[^"\\]|\\.)*)",?\s*$', re.MULTILINE)
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_ATTRS = ("aria-label", "title", "placeholder", "data-md-component-title")


@functools.cache
def _strings(language: str) -> dict[str, str]:
    import material

    path = Path(material.__file__).parent / "templates" / "partials" / "languages"
    text = (path / f"{language}.html").read_text(encoding="utf-8")
    return {key: json.loads(f'"{value}"') for key, value in _ENTRY.findall(text)}


def is_italian(page: Any) -> bool:
    """Whether ``page`` is in the Italian section or says ``lang: it``."""
    return page.file.src_uri.startswith("it/") or page.meta.get("lang") == "it"


def italianise(html: str) -> str:
    """``html`` with ``lang="it"`` and Material's Italian interface strings."""
    english, italian = _strings("en"), _strings("it")
    pairs = {english[k]: italian[k] for k in english if k in italian and len(english[k]) > 1}
    html = re.sub(r'<html lang="[\w-]+"', '<html lang="it"', html, count=1)
    for en, it in sorted(pairs.items(), key=lambda p: -len(p[0])):
        for attr in _ATTRS:
            html = html.replace(f'{attr}="{en}"', f'{attr}="{it}"')
        html = html.replace(f">{en}<", f">{it}<").replace(f">\n{en}\n<", f">\n{it}\n<")

    def config(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        for key in data.get("translations", {}):
            if key in italian:
                data["translations"][key] = italian[key]
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    return _CONFIG.sub(config, html, count=1)


def on_post_page(output: str, page: Any, config: Any, **kwargs: Any) -> str:
    """Italian pages get the Italian language and interface."""
    return italianise(output) if is_italian(page) else output

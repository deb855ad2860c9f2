"""The documentation site works offline: no third-party resource, diagrams as SVG."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "docs" / "hooks"
SITE = ROOT / "site"


def _hook(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HOOKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_checker_finds_third_party_resources(tmp_path: Path) -> None:
    """A page that loads a font, a script or a Mermaid diagram from elsewhere is reported."""
    (tmp_path / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?f=Roboto">'
        '<script src="//cdn.example.org/x.js"></script></head><body>'
        '<a href="https://www.lavoro.gov.it/">a source</a>'
        '<img src="assets/ok.svg"><pre class="mermaid">graph</pre></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text(
        "@font-face{src:url(https://fonts.gstatic.com/r.woff2)} a{background:url(img.png)}",
        encoding="utf-8",
    )
    found = _hook("offline_check").problems(tmp_path)
    text = "\n".join(found)
    assert "index.html: loads https://fonts.googleapis.com/css?f=Roboto" in text
    assert "index.html: loads //cdn.example.org/x.js" in text
    assert "mermaid" in text
    assert "style.css: loads https://fonts.gstatic.com/r.woff2" in text
    assert "lavoro.gov.it" not in text  # a link in the prose is not a resource
    assert "img.png" not in text
    assert "assets/ok.svg" not in text


@pytest.mark.skipif(not (SITE / "index.html").exists(), reason="site/ not built (make docs)")
def test_built_site_loads_nothing_from_third_party_hosts() -> None:
    """The built site (make docs) references no external host for any resource."""
    assert _hook("offline_check").problems(SITE) == []


def test_sesei_diagram_is_svg_with_every_transition() -> None:
    """The SESEI diagram is well-formed SVG naming every state and event, 720 px wide."""
    from welfare_ambito.sesei import TRANSITIONS, CaseState

    svg = _hook("pictures").sesei_svg()
    root = ElementTree.fromstring(svg)
    assert root.get("width") == "720"
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    for state in CaseState:
        assert {state.label_it, state.value} <= texts
    for _before, event in TRANSITIONS:
        assert {event.label_it, event.value} <= texts
    sizes = {t.get("font-size") for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert min(int(s) for s in sizes if s) >= 12


def test_italian_pages_get_the_italian_language_and_interface() -> None:
    """The Italian hook sets lang="it" and Material's Italian strings, leaving prose alone."""
    pytest.importorskip("material")
    html = (
        '<html lang="en"><body><input placeholder="Search"><p>Search</p>'
        '<script id="__config" type="application/json">'
        '{"translations": {"clipboard.copy": "Copy to clipboard"}}</script></body></html>'
    )
    out = _hook("italian").italianise(html)
    assert out.startswith('<html lang="it">')
    assert 'placeholder="Cerca"' in out
    assert '"clipboard.copy": "Copia"' in out


@pytest.mark.skipif(not (SITE / "it" / "index.html").exists(), reason="site/ not built")
def test_built_italian_pages_say_they_are_italian() -> None:
    """Every page of the built Italian section is <html lang="it">; the others are English."""
    pages = sorted((SITE / "it").rglob("index.html"))
    assert len(pages) >= 5
    for page in pages:
        assert '<html lang="it"' in page.read_text(encoding="utf-8"), page
    assert '<html lang="en"' in (SITE / "index.html").read_text(encoding="utf-8")


def test_glossary_code_names_link_to_the_reference() -> None:
    """A documented code name becomes a link to its anchor; an unknown one stays plain."""
    module = _hook("glossary_links")
    known = {"welfare_ambito.Ambito": "reference/model", "welfare_ambito.sesei.EventKind": "x/y"}
    html, plain = module.link(
        "<td><code>Ambito.lead</code></td><td><code>EventKind</code></td><td><code>Nope</code>",
        "glossary",
        known,
    )
    assert (
        '<a href="../reference/model/#welfare_ambito.Ambito"><code>Ambito.lead</code></a>' in html
    )
    assert '<a href="../x/y/#welfare_ambito.sesei.EventKind"><code>EventKind</code></a>' in html
    assert plain == ["Nope"]


@pytest.mark.skipif(not (SITE / "glossary" / "index.html").exists(), reason="site/ not built")
def test_built_glossary_links_its_code_names() -> None:
    """In the built glossary, every code name the reference documents is a link (40 or more)."""
    html = (SITE / "glossary" / "index.html").read_text(encoding="utf-8")
    assert html.count('"><code>') >= 40

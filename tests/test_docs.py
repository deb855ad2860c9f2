"""The documentation's code runs, and its pictures and catalogue agree with the library.

Every ```` ```python ```` block of a page under docs/ runs, in page order, in one namespace
per page, from the repository root (so ``examples/…`` paths work). Not run: a block right
after a line ``<!-- skip -->``; a block that imports the placeholder package ``mypackage``
(it shows how to wire the reader's own code, e.g. in docs/testing-in-ci.md); ```` ```console ````,
```` ```toml ```` and ```` ```pycon ```` blocks.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```python[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
SKIP = "<!-- skip -->"
PLACEHOLDER = re.compile(r"^\s*(?:from|import)\s+mypackage\b", re.MULTILINE)


def python_blocks(text: str) -> list[tuple[int, str]]:
    """``(line number, code)`` of each Python block to run, dedented to its fence."""
    blocks = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip().splitlines()
        if before and before[-1].strip() == SKIP:
            continue
        indent = len(match["indent"])
        body = "\n".join(line[indent:] for line in match["body"].splitlines())
        if PLACEHOLDER.search(body):
            continue
        blocks.append((text.count("\n", 0, match.start()) + 2, body))
    return blocks


PAGES = sorted(p for p in DOCS.glob("**/*.md") if python_blocks(p.read_text(encoding="utf-8")))


def test_block_extraction() -> None:
    """Blocks are found at any indentation, and a skip marker leaves the next one out."""
    text = "a\n```python\nx = 1\n```\n<!-- skip -->\n```python\nboom()\n```\n    ```python\n    y = 2\n    ```\n"
    assert [code for _, code in python_blocks(text)] == ["x = 1", "y = 2"]


def test_placeholder_blocks_are_not_run() -> None:
    """A block wiring the reader's own package (`mypackage`) is shown, not run."""
    text = "```python\nfrom mypackage.budget import split\n```\n```python\nimport mypackages\n```\n"
    assert [code for _, code in python_blocks(text)] == ["import mypackages"]


def test_docs_have_examples() -> None:
    """The pages a newcomer reads first show code that the tests run."""
    names = {p.relative_to(DOCS).as_posix() for p in PAGES}
    assert {"index.md", "getting-started.md", "howto/check-pippi-plan.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_code_runs(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every Python block of the page runs without an error, in order."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for line, code in python_blocks(page.read_text(encoding="utf-8")):
        compiled = compile(code, f"{page.relative_to(ROOT)}:{line}", "exec")
        exec(compiled, namespace)  # a failure names the page and the block's first line
    capsys.readouterr()


def _hook(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"_docs_hook_{name}", DOCS / "hooks" / f"{name}.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sesei_diagram_is_the_generated_svg() -> None:
    """The SESEI page shows the SVG drawn from sesei.TRANSITIONS, not a Mermaid block (CDN)."""
    page = (DOCS / "howto" / "sesei-case.md").read_text(encoding="utf-8")
    assert "](../assets/sesei-workflow.svg)" in page
    assert "```mermaid" not in page
    assert _hook("pictures").SESEI_URI == "assets/sesei-workflow.svg"


def test_generated_diagram_matches_workflow() -> None:
    """The diagram the hook prints (to paste into a page) is the workflow itself."""
    pictures = _hook("pictures")
    assert pictures.mermaid_transitions(pictures.sesei_mermaid()) == pictures.transitions()


def test_budget_chart_is_svg_of_every_comune() -> None:
    """The budget chart is an SVG with one bar per Comune and series."""
    pictures = _hook("pictures")
    svg = pictures.budget_comparison_svg()
    assert svg.startswith("<svg")
    assert svg.rstrip().endswith("</svg>")
    from welfare_ambito import data

    caseloads = data.tutela_minori_caseloads()
    assert svg.count("<rect x=") >= 2 * len(caseloads)
    for comune in caseloads:
        assert comune in svg


def test_rule_catalogue_lists_every_rule_and_parameter() -> None:
    """The generated catalogue names every rule and parameter of every embedded profile, with quotes."""
    from welfare_ambito.rules import catalogue, load_profile, profile_ids

    text = _hook("rule_catalogue").catalogue_markdown()
    for profile_id in profile_ids():
        profile = load_profile(profile_id)
        assert f"{{ #{profile_id} }}" in text
        for entry in catalogue(profile):
            assert f"### `{entry.id}`" in text
            if entry.citation is not None:
                assert " ".join(entry.citation.quote.split()) in text
        for name in profile.parameters:
            assert f"`{name}`" in text
    assert not re.search(r"[0-9]{3}_[0-9a-f]{16}", text), "a seed file name in the catalogue"
    assert "Avviso di coprogettazione" in text


def test_public_names_have_docstrings() -> None:
    """Every name in a public __all__ has a docstring with an example (`mkdocs build --strict`)."""
    pytest.importorskip("griffe")
    found = _hook("api_check").audit()
    assert found["missing_docstring"] == []
    assert found["missing_example"] == []
    assert found["unknown"] == []

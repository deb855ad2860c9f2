"""Data flows one way: the converter never imports the data package, even lazily."""

from __future__ import annotations

import ast
from pathlib import Path

import welfare_ambito

SRC = Path(welfare_ambito.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports() -> dict[str, set[str]]:
    """Every module's imports of welfare_ambito modules, lazy ones inside functions included."""
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    targets.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in graph.get(todo.pop(), set()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_converter_does_not_reach_the_data_package() -> None:
    graph = _imports()
    # The walk sees lazy imports: data reaches the converter from inside a function.
    assert "welfare_ambito.convert" in _reachable(graph, "welfare_ambito.data")
    assert "welfare_ambito.data" not in _reachable(graph, "welfare_ambito.convert")


def test_no_circle_through_the_converter() -> None:
    graph = _imports()
    assert "welfare_ambito.convert" not in _reachable(graph, "welfare_ambito.convert")

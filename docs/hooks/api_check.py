"""MkDocs hook: every public name of welfare_ambito has a docstring, and is in the API reference.

"Public" means listed in the ``__all__`` of ``welfare_ambito`` or of one of its public
modules and packages (``welfare_ambito.<name>`` without a leading underscore). The names are
read statically with griffe, the library mkdocstrings uses, so nothing is imported and the
check sees exactly what the API reference will show.

* A public name without a docstring is a **warning**: ``mkdocs build --strict`` fails.
* A public module that no ``::: welfare_ambito…`` line of ``docs/reference/`` documents is a
  warning too.
* A docstring without a ``>>>`` example is reported at INFO level (``mkdocs build -v``).

Run ``python docs/hooks/api_check.py`` for the full report, names without an example included.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "welfare_ambito"
_DIRECTIVE = re.compile(r"^:::\s*([\w.]+)", re.MULTILINE)

try:
    from mkdocs.plugins import get_plugin_logger

    log: logging.Logger | logging.LoggerAdapter[logging.Logger] = get_plugin_logger("api_check")
except ImportError:  # run as a script without mkdocs
    log = logging.getLogger("api_check")


def _load() -> Any:
    import griffe

    return griffe.load(
        PACKAGE, search_paths=[str(ROOT / "src")], resolve_aliases=True, resolve_external=False
    )


def public_modules(package: Any) -> Iterator[Any]:
    """The package, its public modules that declare ``__all__``, and — for a public package
    that exports nothing itself, like ``welfare_ambito.testing`` — its public modules.

    These are the paths users import from. Deeper modules (``budget.allocation``,
    ``rules.pippi.hours``) are implementation: what they export publicly is re-exported
    above, and the rules are documented by the rule catalogue.
    """
    yield package
    for name, member in sorted(package.members.items()):
        if name.startswith("_") or member.is_alias or not member.is_module:
            continue
        if member.exports is not None:
            yield member
        elif member.is_subpackage:
            for sub_name, sub in sorted(member.members.items()):
                if sub_name.startswith("_") or sub.is_alias or not sub.is_module:
                    continue
                if sub.exports is not None:
                    yield sub


def public_names(module: Any) -> Iterator[tuple[str, Any]]:
    """``(name, griffe object or None)`` for each name of the module's ``__all__``.

    ``None`` when the name is re-exported from outside the package (e.g. ``decimal``):
    its docstring is not ours.
    """
    import griffe

    for export in module.exports or ():
        name = export if isinstance(export, str) else export.name
        if name.startswith("__"):
            continue
        try:
            member = module[name]
            if member.is_alias and not member.target_path.startswith(PACKAGE):
                yield name, None
                continue
            _ = member.docstring  # resolves the alias
        except griffe.AliasResolutionError as error:
            target = getattr(error.alias, "target_path", "")
            if not target.startswith(PACKAGE):
                yield name, None
                continue
            raise
        except KeyError:
            yield name, KeyError
            continue
        yield name, member


def documented_paths(reference_dir: Path) -> set[str]:
    """Every object path named by a ``::: path`` line of the reference pages."""
    paths: set[str] = set()
    for page in reference_dir.glob("**/*.md"):
        paths.update(_DIRECTIVE.findall(page.read_text(encoding="utf-8")))
    return paths


def audit() -> dict[str, list[str]]:
    """The problems found: ``missing_docstring``, ``missing_example``, ``unknown``, ``unreferenced``."""
    package = _load()
    documented = documented_paths(ROOT / "docs" / "reference")
    found: dict[str, list[str]] = {
        "missing_docstring": [],
        "missing_example": [],
        "unknown": [],
        "unreferenced": [],
    }
    seen: set[str] = set()
    for module in public_modules(package):
        if module.path not in documented and not any(
            p.startswith(module.path + ".") for p in documented
        ):
            found["unreferenced"].append(module.path)
        for name, member in public_names(module):
            where = f"{module.path}.{name}"
            if member is None:
                continue
            if member is KeyError:
                found["unknown"].append(where)
                continue
            # A name re-exported in several places is one object: report it once, where defined.
            canonical = member.final_target.path if member.is_alias else member.path
            if canonical in seen:
                continue
            seen.add(canonical)
            docstring = member.docstring
            if docstring is None or not docstring.value.strip():
                found["missing_docstring"].append(f"{where} (defined in {canonical})")
            elif ">>>" not in docstring.value:
                found["missing_example"].append(f"{where} (defined in {canonical})")
    return found


def on_pre_build(config: Any, **kwargs: Any) -> None:
    """Warn (an error under ``--strict``) about public names without a docstring or example."""
    found = audit()
    for where in found["missing_docstring"]:
        log.warning(f"public name without a docstring: {where}")
    for where in found["unknown"]:
        log.warning(f"name listed in __all__ but not defined: {where}")
    for where in found["unreferenced"]:
        log.warning(f"public module not in the API reference (docs/reference/*.md): {where}")
    for where in found["missing_example"]:
        log.warning(f"public name whose docstring has no >>> example: {where}")


def main() -> int:
    """Print the audit; exit 1 when a public name has no docstring."""
    found = audit()
    titles = {
        "missing_docstring": "Public names without a docstring",
        "unknown": "Names in __all__ that are not defined",
        "unreferenced": "Public modules missing from docs/reference",
        "missing_example": "Public names whose docstring has no >>> example",
    }
    for key, title in titles.items():
        print(f"## {title}: {len(found[key])}")
        for where in found[key]:
            print(f"- {where}")
        print()
    return 1 if found["missing_docstring"] or found["unknown"] else 0


if __name__ == "__main__":
    sys.exit(main())

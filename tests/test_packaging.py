"""Packaging: one version, real example files, extras named in the errors that need them."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import welfare_ambito

ROOT = Path(__file__).resolve().parent.parent
EMBEDDED = ROOT / "src" / "welfare_ambito" / "data" / "examples"


def test_examples_are_real_files_identical_to_the_embedded_ones() -> None:
    """examples/*.toml are plain files (no symlinks: they break on Windows) equal to the
    copies shipped in the package (welfare_ambito.data.example)."""
    embedded = sorted(EMBEDDED.glob("*.toml"))
    assert embedded
    for source in embedded:
        copy = ROOT / "examples" / source.name
        assert copy.exists(), f"examples/{source.name} is missing"
        assert not copy.is_symlink(), f"examples/{source.name} is a symlink"
        assert copy.read_bytes() == source.read_bytes(), (
            f"examples/{source.name} differs from {source.relative_to(ROOT)}: copy one onto the other"
        )


def test_version_is_written_once() -> None:
    """pyproject.toml reads the version from __init__.py; the installed metadata agrees."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/welfare_ambito/__init__.py"
    assert importlib.metadata.version("welfare-ambito") == welfare_ambito.__version__


def test_metadata_is_true() -> None:
    """Both plugins are declared as frameworks; no URL points to a site that does not exist."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert {"Framework :: Pytest", "Framework :: Hypothesis"} <= set(project["classifiers"])
    assert "readthedocs" not in str(project.get("urls", {}))
    extras = project["optional-dependencies"]
    assert any(d.startswith("pandas") for d in extras["notebook"])
    assert any(d.startswith("matplotlib") for d in extras["plot"])

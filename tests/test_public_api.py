"""The public surface: __all__ is importable and documented; importing stays light."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

import welfare_ambito

PACKAGES = [
    "welfare_ambito",
    "welfare_ambito.model",
    "welfare_ambito.data",
    "welfare_ambito.rules",
    "welfare_ambito.budget",
    "welfare_ambito.eligibility",
    "welfare_ambito.sesei",
    "welfare_ambito.sercop",
    "welfare_ambito.tutela",
    "welfare_ambito.testing",
]


def _public(package: str) -> list[tuple[str, object]]:
    module = importlib.import_module(package)
    return [(name, getattr(module, name)) for name in getattr(module, "__all__", [])]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_name_in_all_exists_and_has_a_docstring(package: str) -> None:
    """Each package's __all__ names importable objects with docstrings."""
    try:
        names = _public(package)
    except ModuleNotFoundError:
        pytest.skip(f"{package} not present")
    for name, obj in names:
        if name.startswith("__") or not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        assert inspect.getdoc(obj), f"{package}.{name} has no docstring"


def test_import_loads_no_test_library_and_no_heavy_dependency() -> None:
    """`import welfare_ambito` imports neither hypothesis, pytest, pandas nor matplotlib."""
    code = (
        "import sys, welfare_ambito;"
        "print(','.join(m for m in ('hypothesis','pytest','pandas','numpy','matplotlib','cattrs')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_version_is_exposed() -> None:
    """The package exposes its version."""
    assert welfare_ambito.__version__

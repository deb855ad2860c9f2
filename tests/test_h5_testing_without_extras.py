"""The testing kit without hypothesis or pytest: every module says to install welfare-ambito[testing].

Each case runs in a fresh interpreter where an import hook makes the blocked
packages impossible to import (as on a machine without them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parent.parent / "src")

PROBE = """
import importlib, json, sys

blocked = set(sys.argv[1].split(","))


class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, Blocker())
for name in list(sys.modules):
    if name.split(".")[0] in blocked:
        del sys.modules[name]
results = {}
for module in sys.argv[2].split(","):
    try:
        loaded = importlib.import_module(module)
        if module.endswith("_hypothesis"):
            loaded.register()
    except ImportError as error:
        from welfare_ambito.testing import MissingTestingExtra

        results[module] = {
            "type": type(error).__name__,
            "typed": isinstance(error, MissingTestingExtra),
            "en": str(error),
            "it": error.text("it") if hasattr(error, "text") else "",
            "package": getattr(error, "params", {}).get("package"),
        }
    else:
        results[module] = None
print(json.dumps(results))
"""

NEEDS: dict[str, set[str]] = {
    "welfare_ambito.testing": set(),
    "welfare_ambito.testing.cases": set(),
    "welfare_ambito.testing.cli": set(),
    "welfare_ambito.testing.strategies": {"hypothesis"},
    "welfare_ambito.testing._declarations_strategies": {"hypothesis"},
    "welfare_ambito.testing._hypothesis": {"hypothesis"},
    "welfare_ambito.testing.plugin": {"pytest"},
    "welfare_ambito.testing.suites": {"pytest", "hypothesis"},
    "welfare_ambito.testing.suites._checks": {"pytest", "hypothesis"},  # the package first
    "welfare_ambito.testing.suites.columnar": {"pytest", "hypothesis"},
    "welfare_ambito.testing.suites.contracts": {"pytest", "hypothesis"},
}
"""Each public module of the kit and the packages it needs."""


def _probe(blocked: set[str], module: str) -> dict[str, object] | None:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(sorted(blocked)), module],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, dict[str, object] | None] = json.loads(done.stdout.splitlines()[-1])
    return result[module]


def test_every_module_of_the_kit_is_listed() -> None:
    """A new module of the kit must say here what it needs."""
    root = Path(SRC) / "welfare_ambito" / "testing"
    found = {
        "welfare_ambito." + ".".join(p.relative_to(root.parent).with_suffix("").parts)
        for p in root.rglob("*.py")
    }
    found = {name.removesuffix(".__init__") for name in found}
    assert found == set(NEEDS)


@pytest.mark.parametrize("blocked", [{"hypothesis"}, {"pytest"}, {"hypothesis", "pytest"}])
@pytest.mark.parametrize("module", sorted(NEEDS))
def test_a_missing_package_is_a_typed_error_saying_what_to_install(
    module: str, blocked: set[str]
) -> None:
    outcome = _probe(blocked, module)
    missing = NEEDS[module] & blocked
    if not missing:
        assert outcome is None  # imports without the packages it does not need
        return
    assert outcome is not None, f"{module} imported although {missing} is missing"
    assert outcome["type"] == "MissingTestingExtra"
    assert outcome["typed"] is True
    assert outcome["package"] in missing
    assert "install welfare-ambito[testing]" in str(outcome["en"])
    assert "installa welfare-ambito[testing]" in str(outcome["it"])
    assert str(outcome["package"]) in str(outcome["en"])

"""A fuzz campaign at CI size: mutated and generated documents through every loader.

The engine is ``benchmarks/fuzz_campaign.py`` (run it alone for the long campaign);
here it runs a few hundred documents, and hypothesis adds generated text.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ENGINE_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "fuzz_campaign.py"


def _engine() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_campaign", ENGINE_PATH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_campaign"] = module
    spec.loader.exec_module(module)
    return module


ENGINE = _engine()


@pytest.mark.parametrize("seed", [0, 1])
def test_mutated_documents_give_only_typed_errors(seed: int) -> None:
    failures: list[str] = []
    counts = ENGINE.campaign(300, seed, report=failures.append)
    assert counts["documents"] == 300
    assert counts["failures"] == 0, "\n".join(failures)
    # The campaign exercises both outcomes: documents that load and documents refused.
    assert any(key.endswith(" typed") for key in counts)


@settings(max_examples=150, deadline=None)
@given(text=st.text(), kind=st.sampled_from(["plan_toml", "plan_json", "report"]))
def test_generated_text_gives_only_typed_errors(
    text: str, kind: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    loaders = ENGINE.text_loaders(tmp_path_factory.mktemp("fuzz"))
    outcome = ENGINE.judge(loaders[kind], text)
    assert outcome in ("ok", "typed"), repr(outcome)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(
    document=st.dictionaries(
        st.sampled_from(
            [
                "id",
                "ambito",
                "programme",
                "partner",
                "families",
                "interventions",
                "budget",
                "period",
                "staff",
                "services",
                "x",
            ]
        ),
        json_values,
    )
)
def test_generated_trees_give_only_typed_errors(document: dict[str, object]) -> None:
    for kind, loader in ENGINE.TREE_LOADERS.items():
        outcome = ENGINE.judge(loader, json.loads(json.dumps(document)))
        assert outcome in ("ok", "typed"), (kind, repr(outcome))

"""A finding names the model's choices in the reader's language, never by their codes.

The adversities rule listed «complex_migration; parental_mental_health» in Italian reports:
it passed the codes, not the members, so the labels the model has
(«storia di migrazione complessa») were never used.
"""

from __future__ import annotations

import enum
import re
from pathlib import Path

import pytest

import welfare_ambito.model as model
from welfare_ambito import data
from welfare_ambito.convert import load
from welfare_ambito.model._labels import LABELS_IT
from welfare_ambito.rules.engine import evaluate
from welfare_ambito.rules.profiles import profile_for

EXAMPLES = sorted(Path(data.__file__).parent.joinpath("examples").glob("*.toml"))
ENUMS = [
    value
    for value in vars(model).values()
    if isinstance(value, type)
    and issubclass(value, enum.Enum)
    and value.__module__.startswith("welfare_ambito.model")
]
# Codes an Italian reader would not read as Italian: those with a label of their own.
CODES = {m.value for kind in ENUMS for m in kind if LABELS_IT.get(m.value, m.value) != m.value}
_QUOTED = re.compile(r"«[^»]*»|'[^']*'")


def test_the_model_enums_are_found() -> None:
    assert "complex_migration" in CODES
    assert "cultural_mediator" in CODES


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_italian_findings_name_choices_by_their_labels(path: Path) -> None:
    plan = load(path)
    report = evaluate(plan, profile_for(plan), lang="it")
    for finding in report.findings:
        words = set(re.findall(r"[a-z_]+", _QUOTED.sub(" ", finding.message)))
        assert not words & CODES, (finding.rule, finding.message)

"""A report is the same bytes in every interpreter, and its values are data, not Python reprs.

A rule that reads a whole record of the plan (the partner's declarations) put the record's
``repr`` in its finding: a frozenset printed in hash order, different in every process, so
``check --format json`` differed between two runs on the same plan.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import data
from welfare_ambito.model import Child, Declaration, PartnerDeclarations
from welfare_ambito.rules._values import jsonable
from welfare_ambito.rules.engine import evaluate

EXAMPLES = sorted(Path(data.__file__).parent.joinpath("examples").glob("*.toml"))
_REPR = re.compile(r"\b[A-Z]\w*\(\w+=|frozenset\(|<\w+\.\w+: ")


def _report(path: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-m", "welfare_ambito", "check", str(path), "--format", "json"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_json_report_is_the_same_under_any_hash_seed(path: Path) -> None:
    assert _report(path, "1") == _report(path, "2")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_no_value_of_a_finding_is_a_python_repr(path: Path) -> None:
    from welfare_ambito.convert import load
    from welfare_ambito.rules.profiles import profile_for

    plan = load(path)
    report = evaluate(plan, profile_for(plan))
    for finding in report.findings:
        for text in _strings(finding.to_dict()["values"]):
            assert not _REPR.search(text), (finding.rule, text[:120])


@given(st.frozensets(st.sampled_from(list(Declaration))))
def test_a_record_becomes_its_fields_with_sets_in_order(duties: frozenset[Declaration]) -> None:
    shown = jsonable(PartnerDeclarations(duties=duties))
    assert isinstance(shown, dict)
    assert list(shown["duties"]) == sorted(d.value for d in duties)


def test_a_field_kept_out_of_the_repr_stays_out_of_the_finding() -> None:
    child = Child(id="F01-C1", birth_date=dt.date(2015, 3, 9))
    hidden = {f.name for f in attrs.fields(Child) if not f.repr}
    assert "birth_date" in hidden
    shown = jsonable(child)
    assert isinstance(shown, dict)
    assert not hidden & set(shown)
    assert "2015" not in str(shown)

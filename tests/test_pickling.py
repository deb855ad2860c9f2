"""Profiles, checkers, rules and every result pickle with the standard library (and cross processes)."""

from __future__ import annotations

import datetime as dt
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from welfare_ambito import Money, Period, data
from welfare_ambito.budget import (
    allocate,
    budget_view,
    check_budget,
    compare_split,
    phase,
    reconcile,
    rhodense_spesa_2011,
)
from welfare_ambito.eligibility import assess
from welfare_ambito.eligibility.columnar import FamilyBatch, screen
from welfare_ambito.rules import REGISTRY, Checker, evaluate, load_profile

ON = dt.date(2023, 9, 1)


def _plan() -> Any:
    return data.example("pippi_seregno_mistakes")


def _objects() -> dict[str, Any]:
    plan = _plan()
    profile = load_profile("seregno-pippi-2023")
    report = evaluate(plan, profile)
    tutela = data.example("tutela_minori_seregno_derogation")
    objects: dict[str, Any] = {
        "rule": REGISTRY.get("pippi.target.age_group"),
        "rule with a derogation": next(r for r in REGISTRY if r.exceptions),
        "profile": profile,
        "overridden profile": profile.override({"pippi.sedt.min_weekly_hours": 9}),
        "report": report,
        "finding": report.findings[0],
        "summary": Checker(profile, on=ON).tally(plan.interventions, kind="intervention"),
        "assessment": assess(plan.families[0], on=ON),
        "allocation": allocate(Money("430900"), data.tutela_minori_caseloads()),
        "reconciliation": reconcile(rhodense_spesa_2011()),
        "phasing": phase("211500", Period.parse("2023-06-01/2026-05-31"), unit="year"),
        "comparison": compare_split(
            {"Meda": "32600", "Seveso": "63700"}, {"caseload": {"Meda": 108, "Seveso": 140}}
        ),
        "plan": plan,
    }
    if plan.budget is not None:
        objects["budget findings"] = check_budget(plan.budget, plan.ambito)
        objects["budget view"] = budget_view(plan.budget, plan.ambito)
    objects["tutela report"] = evaluate(tutela, "seregno-tutela-minori-2022")
    return objects


@pytest.mark.parametrize("name", list(_objects()))
def test_round_trips_through_pickle(name: str) -> None:
    """What comes back equals what went in (rules come back as the registered object)."""
    original = _objects()[name]
    copy = pickle.loads(pickle.dumps(original))
    assert copy == original
    if name.startswith("rule"):
        assert copy is original


def test_a_checker_round_trips_and_checks_alike() -> None:
    """A pickled checker is bound again and gives the same findings."""
    plan = _plan()
    checker = Checker("seregno-pippi-2023", on=ON, lang="en", rules=["pippi.sedt.weekly_hours"])
    copy = pickle.loads(pickle.dumps(checker))
    assert (copy.on, copy.lang, copy.profile) == (checker.on, checker.lang, checker.profile)
    assert list(copy.findings(plan)) == list(checker.findings(plan))


def test_a_screening_round_trips() -> None:
    """Columnar results pickle, outcome columns and explanations alike."""
    result = screen(list(_plan().families), on=ON)
    copy = pickle.loads(pickle.dumps(result))
    assert list(copy.outcome) == list(result.outcome)
    assert copy.paths == result.paths
    assert copy.reasons(3) == result.reasons(3)


def _screen_chunk(args: tuple[Any, list[Any]]) -> list[str]:
    checker, families = args
    return [
        "review" if any(f.outcome.value == "needs_review" for f in fs) else "ok"
        for fs in (checker.findings_of(f, kind="family") for f in families)
    ]


def _columnar_chunk(args: tuple[Any, FamilyBatch]) -> list[str]:
    profile, batch = args
    return list(screen(batch, on=ON, profile=profile).outcome)


def test_checkers_and_profiles_cross_a_process_pool() -> None:
    """ProcessPoolExecutor ships checkers, profiles, batches and results with plain pickle."""
    families = list(_plan().families)
    checker = Checker("seregno-pippi-2023", on=ON)
    profile = load_profile("seregno-pippi-2023")
    batch = FamilyBatch.from_families(families)
    with ProcessPoolExecutor(max_workers=2) as pool:
        rows = list(pool.map(_screen_chunk, [(checker, families[:3]), (checker, families[3:])]))
        columns = pool.submit(_columnar_chunk, (profile, batch)).result()
        allocation = pool.submit(allocate, Money("211500"), {"a": 1, "b": 2, "c": 3}).result()
        assessment = pool.submit(assess, families[0], on=ON).result()
    assert [x for chunk in rows for x in chunk] == _screen_chunk((checker, families))
    assert columns == list(screen(families, on=ON).outcome)
    assert allocation == allocate(Money("211500"), {"a": 1, "b": 2, "c": 3})
    assert assessment == assess(families[0], on=ON)

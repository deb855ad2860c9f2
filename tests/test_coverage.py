"""Coverage maps of seeds 002 and 004: verbatim quotes, real rules, reasons for every gap, >= 90%."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from welfare_ambito._coverage import (
    Statement,
    coverage_ids,
    load_coverage,
    markdown,
    problems,
)
from welfare_ambito.rules import load_profile

NOTICES = ("seregno-pippi-2023", "seregno-tutela-minori-2022")
KINDS = {
    "act",
    "code",
    "deadline",
    "duty",
    "eligibility",
    "exclusion",
    "governance",
    "number",
    "qualification",
    "reporting",
    "requirement",
    "scope",
}


def test_a_map_per_notice() -> None:
    """Both Seregno notices have a map."""
    assert coverage_ids() == NOTICES


@pytest.mark.parametrize("notice", NOTICES)
def test_map_is_honest(notice: str) -> None:
    """Quotes verbatim in the embedded text, rules and parameters of the profile, gaps explained."""
    coverage = load_coverage(notice)
    assert problems(coverage) == []
    assert {s.kind for s in coverage.statements} <= KINDS
    assert len({s.quote for s in coverage.statements}) > 60


@pytest.mark.parametrize("notice", NOTICES)
def test_at_least_ninety_percent_checked_or_held_as_cited_data(notice: str) -> None:
    """The issue's bar: >= 90% of statements checked by a rule or held as cited data."""
    coverage = load_coverage(notice)
    assert coverage.figure() >= Decimal("0.9")
    assert coverage.count("uncovered") == 0


@pytest.mark.parametrize("notice", NOTICES)
def test_every_duty_and_structure_rule_of_the_profile_is_in_the_map(notice: str) -> None:
    """Each partner, structure, staff and reporting rule the profile applies covers a statement."""
    coverage = load_coverage(notice)
    mapped = {r for s in coverage.statements for r in s.rules}
    prefixes = ("pippi.partner.", "pippi.structure.", "pippi.duties.", "tutela.partner.")
    prefixes += ("tutela.reports.",)
    applied = {r for r in load_profile(coverage.profile).rule_ids if r.startswith(prefixes)}
    assert applied - mapped == set()


def _broken(**changes: object) -> list[str]:
    coverage = load_coverage("seregno-pippi-2023")
    statement = attrs.evolve(coverage.statements[0], **changes)
    return problems(attrs.evolve(coverage, statements=(statement,)))


def test_a_quote_not_in_the_text_is_reported() -> None:
    """A quote with one word changed is not verbatim."""
    assert any("not verbatim" in p for p in _broken(quote="ai sensi dell'art. 56"))


def test_an_unknown_rule_or_parameter_is_reported() -> None:
    """A rule id the profile does not apply, or an unknown parameter, is reported."""
    assert any("rule 'pippi.no_such'" in p for p in _broken(rules=("pippi.no_such",)))
    assert any("parameter 'nope'" in p for p in _broken(parameters=("nope",)))


def test_a_gap_without_a_reason_is_reported() -> None:
    """A statement with no rule, no data and no reason is uncovered."""
    found = _broken(rules=(), parameters=(), dataset=None, not_checkable=None)
    assert any("uncovered" in p for p in found)
    assert Statement(section="s", kind="duty", quote="q").status == "uncovered"


def test_markdown_shows_the_figure_and_every_statement() -> None:
    """The docs table has the coverage figure and one row per statement."""
    coverage = load_coverage("seregno-tutela-minori-2022")
    text = markdown(coverage)
    assert "Coverage · copertura: **90,9 %**" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == len(coverage.statements)

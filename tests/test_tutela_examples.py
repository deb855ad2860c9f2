"""The Tutela Minori example plans and the profile's citations (seed 002)."""

from __future__ import annotations

from pathlib import Path

import pytest

from welfare_ambito.citations import Citation
from welfare_ambito.data import example, example_names
from welfare_ambito.rules import Outcome, Report, evaluate, load_profile

PROFILE = "seregno-tutela-minori-2022"
QUALIFICATION = "tutela.staff.psychologist.qualification"
EXAMPLES = (
    "tutela_minori_seregno",
    "tutela_minori_seregno_derogation",
    "tutela_minori_seregno_unqualified",
)
REPO = Path(__file__).resolve().parent.parent


def _report(name: str) -> Report:
    return evaluate(example(name), PROFILE, lang="en")


def _reviews(report: Report) -> set[str]:
    return {f.rule for f in report.findings if f.outcome is Outcome.NEEDS_REVIEW}


def test_examples_are_embedded_and_copied() -> None:
    """Each example is embedded, and examples/ holds an identical real file (no symlink)."""
    for name in EXAMPLES:
        assert name in example_names()
        copy = REPO / "examples" / f"{name}.toml"
        assert not copy.is_symlink()
        embedded = REPO / "src/welfare_ambito/data/examples" / f"{name}.toml"
        assert copy.read_bytes() == embedded.read_bytes()


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_has_a_header_saying_what_it_shows(name: str) -> None:
    """The example file opens with comments, one of them saying what it shows."""
    from welfare_ambito.data import example_text

    header = [line for line in example_text(name).splitlines() if line.startswith("#")]
    assert any("What it shows" in line for line in header)


def test_base_example_has_no_failure() -> None:
    """The base plan fails no rule; only the social workers' experience needs review."""
    report = _report("tutela_minori_seregno")
    assert report.ok
    assert not report.select(outcome="fail")
    # The social workers' experience, and the administrative profile's hours under the two
    # readings of «un monte ore un inferiore a 36».
    assert _reviews(report) == {
        "tutela.staff.social_worker.experience",
        "tutela.staff.administrative.weekly_hours",
    }
    assert len(report.select(outcome="needs_review")) == 7


def test_derogation_example_passes_by_derogation() -> None:
    """PSI-MED passes only by derogation; the plan has no error."""
    report = _report("tutela_minori_seregno_derogation")
    assert report.ok
    finding = report.finding(QUALIFICATION, "staff[10]")
    assert finding.outcome is Outcome.PASS
    assert finding.exception == "tutela.staff.psychologist.derogation_5_years"
    assert finding.note is not None
    assert "derogation" in finding.note
    derogated = [f.path for f in report.findings if f.exception is not None]
    assert derogated == ["staff[10]"]
    assert report.finding("tutela.staff.continuity", "").values["kept_count"] == 15


def test_unqualified_example_fails_once() -> None:
    """PSI-MED (not a psychotherapist, 3 years, no approval) is the plan's only error."""
    report = _report("tutela_minori_seregno_unqualified")
    assert not report.ok
    assert [(f.rule, f.path) for f in report.errors] == [(QUALIFICATION, "staff[10]")]
    assert report.errors[0].exception is None


def _profile_citations() -> list[tuple[str, Citation]]:
    profile = load_profile(PROFILE)
    citations: list[tuple[str, Citation]] = []
    for item in profile.rules:
        if item.citation is not None:
            citations.append((item.id, item.citation))
        citations.extend(item.exception_citations.items())
    for name in profile.parameters:
        parameter = profile.parameters[name]
        if parameter.citation is not None:
            citations.append((name, parameter.citation))
        citations.extend((name, v.citation) for v in parameter.values if v.citation is not None)
    return citations


def test_profile_rules_and_parameters_quote_seed_002_verbatim(seeds_dir: Path) -> None:
    """Every rule, derogation and parameter of the profile quotes seed 002 verbatim."""
    text = (seeds_dir / "002_b9eb912c9507d6a9.txt").read_text(encoding="utf-8")
    citations = _profile_citations()
    assert len(citations) > 30
    assert {c.document for _, c in citations} == {"seregno-tutela-minori-2022-avviso"}
    assert [name for name, c in citations if not c.found_in(text)] == []

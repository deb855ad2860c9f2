"""P.I.P.P.I. rules on Seregno plans (seed 004): examples, boundaries, citations and properties."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import Money, Period, data
from welfare_ambito.cli import main
from welfare_ambito.model import (
    CoDesignPlan,
    GroupModule,
    HourPlan,
    Intervention,
    Profession,
)
from welfare_ambito.rules import Outcome, Severity, evaluate, load_profile
from welfare_ambito.rules.pippi import RULE_IDS

PROFILE = "seregno-pippi-2023"
SEED_NAME = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def valid() -> CoDesignPlan:
    return data.example("pippi_seregno")


def outcome(plan: CoDesignPlan, rule: str, path: str = "", **kw: object) -> Outcome:
    report = evaluate(plan, PROFILE, rules=[rule], **kw)  # type: ignore[arg-type]
    finding = report.finding(rule, path)
    assert finding is not None, (rule, path, [f.path for f in report.findings])
    return finding.outcome


# -- the examples -------------------------------------------------------------------------


def test_valid_example_passes_with_no_error_finding(capsys: pytest.CaptureFixture[str]) -> None:
    """`welfare-ambito check examples/pippi_seregno.toml` exits 0 and the report is ok."""
    assert main(["check", str(EXAMPLES / "pippi_seregno.toml"), "--profile", PROFILE]) == 0
    report = evaluate(valid(), PROFILE)
    assert report.ok
    assert not report.select(outcome="fail")


MISTAKES = [
    ("pippi.period.matches_notice", ""),
    ("pippi.sedt.weekly_hours", "interventions[2]"),
    ("pippi.sedt.weekly_hours", "interventions[5]"),
    ("pippi.hours.educator", "hour_plan"),
    ("pippi.hours.pedagogist", "hour_plan"),
    ("pippi.budget.within_funding", ""),
    ("pippi.budget.hour_plan_line", ""),
    ("pippi.costs.labour_floor", ""),
    ("pippi.groups.meetings", "groups[0]"),
    ("pippi.groups.cadence", "groups[0]"),
    ("pippi.target.no_abuse", "families[3]"),
    ("pippi.target.trust", "families[4]"),
    ("pippi.duties.annual_summary", ""),
    ("pippi.duties.impact_evaluation", ""),
]


def test_mistakes_example_reports_each_deliberate_mistake_with_its_citation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every mistake listed in the example's header is reported, cited, and nothing else fails."""
    path = EXAMPLES / "pippi_seregno_mistakes.toml"
    assert main(["check", str(path), "--profile", PROFILE]) == 1
    out = capsys.readouterr().out
    report = evaluate(data.example("pippi_seregno_mistakes"), PROFILE)
    flagged = {f.key for f in report.findings if f.outcome in (Outcome.FAIL, Outcome.NEEDS_REVIEW)}
    assert flagged == set(MISTAKES)
    for rule, where in MISTAKES:
        finding = report.finding(rule, where)
        assert finding is not None
        quotes = [c.quote for c in (finding.citation,) if c is not None]
        quotes += [p.citation.quote for p in finding.provenance if p.citation is not None]
        assert quotes, (rule, where)
        assert all(q in out or q[:40] in out for q in quotes)
    assert report.finding("pippi.target.trust", "families[4]").outcome is Outcome.NEEDS_REVIEW  # type: ignore[union-attr]
    assert report.finding("pippi.costs.labour_floor", "").severity is Severity.WARNING  # type: ignore[union-attr]
    assert "EM può decidere diversamente" in out


def test_mistakes_header_lists_the_costs_it_claims() -> None:
    """The header's arithmetic (€ 214.772,00 for the hours) is what the rule computes."""
    report = evaluate(data.example("pippi_seregno_mistakes"), PROFILE)
    finding = report.finding("pippi.budget.within_funding", "")
    assert finding is not None
    assert finding.values["hours_cost"] == "214772.00"
    assert finding.values["other_costs"] == "6800.00"


# -- citations ----------------------------------------------------------------------------


def _citations() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for profile_id in ("pippi-national", PROFILE):
        profile = load_profile(profile_id)
        found += [(r.id, r.citation) for r in profile.rules if r.citation is not None]
        for name, parameter in profile.parameters.items():
            for dated in parameter.values:
                if dated.citation is not None:
                    found.append((name, dated.citation))
                for reading in getattr(dated.value, "readings", ()):
                    found.append((name, reading.citation))
            if parameter.citation is not None:
                found.append((name, parameter.citation))
    return found


def test_every_pippi_rule_is_in_a_profile() -> None:
    """Each public rule id is applied by the Seregno profile (directly or inherited)."""
    assert set(RULE_IDS) == {r for r in load_profile(PROFILE).rule_ids if r.startswith("pippi.")}


def test_seed_quotes_are_verbatim(seeds_dir: Path) -> None:
    """Every citation whose document is a seed file quotes it verbatim (white space folded)."""
    from welfare_ambito.citations import normalise_text

    checked = 0
    for name, citation in _citations():
        document = citation.document  # type: ignore[attr-defined]
        if citation.paraphrase:  # type: ignore[attr-defined]
            continue  # a public act beyond the seeds, paraphrased
        text = normalise_text((seeds_dir / document).read_text(encoding="utf-8"))
        assert normalise_text(citation.quote) in text, (name, citation.quote)  # type: ignore[attr-defined]
        checked += 1
    assert checked > 20


def test_national_figures_are_cited_by_act_title() -> None:
    """The national design's figures cite Avviso 1/2022 and are inherited by Seregno."""
    params = load_profile(PROFILE).parameters
    on = dt.date(2024, 1, 1)
    assert params.value("pippi.implementation.families", on) == 10
    assert params.value("pippi.implementation.min_em", on) == 4
    assert params.value("pippi.implementation.min_coaches", on) == 2
    assert params.value("pippi.implementation.months", on) == 24
    assert params.value("pippi.project.implementations", on) == 3
    citation = params["pippi.implementation.families"].citation
    assert citation is not None
    assert citation.document == "pnrr-avviso-1-2022"
    assert citation.paraphrase
    assert "«" not in citation.display()


def test_a_profile_extending_seregno_overrides_a_national_value(tmp_path: Path) -> None:
    """A profile that extends another may override an inherited value (here: 12 families)."""
    path = tmp_path / "altro.toml"
    path.write_text(
        'id = "altro"\ntitle = "Altro"\nextends = "seregno-pippi-2023"\n'
        '[parameters."pippi.implementation.families"]\nvalue = 12\nsince = 2022-02-15\n'
        'citation = { document = "delibera.pdf", section = "S", quote = "12 famiglie" }\n',
        encoding="utf-8",
    )
    profile = load_profile(path)
    report = evaluate(valid(), profile, rules=["pippi.cohort.families_per_implementation"])
    assert report.findings[0].outcome is Outcome.FAIL
    assert evaluate(valid(), PROFILE, rules=["pippi.cohort.families_per_implementation"]).ok


# -- SEDT intensity -----------------------------------------------------------------------


def _with_intervention(hours: str, em: bool | None = True) -> CoDesignPlan:
    plan = valid()
    first = attrs.evolve(
        plan.interventions[0], weekly_hours=Decimal(hours), em_participation_included=em
    )
    return attrs.evolve(plan, interventions=(first, *plan.interventions[1:]))


@pytest.mark.parametrize(
    ("hours", "em", "expected"),
    [
        ("7.99", True, Outcome.FAIL),
        ("8", True, Outcome.PASS),
        ("8.01", True, Outcome.PASS),
        ("7.99", False, Outcome.FAIL),
        ("8", False, Outcome.PASS),
        ("7.99", None, Outcome.FAIL),
        ("8", None, Outcome.PASS),
    ],
)
def test_sedt_weekly_hours_boundary(hours: str, em: bool | None, expected: Outcome) -> None:
    """At least 8 hours a week (EM included when foreseen): 7.99 fails, 8 passes."""
    assert (
        outcome(_with_intervention(hours, em), "pippi.sedt.weekly_hours", "interventions[0]")
        is expected
    )


def test_sedt_failure_names_intervention_and_shortfall() -> None:
    """The failure message names the intervention and the missing hours."""
    report = evaluate(
        _with_intervention("7.5", False), PROFILE, lang="en", rules=["pippi.sedt.weekly_hours"]
    )
    finding = report.finding("pippi.sedt.weekly_hours", "interventions[0]")
    assert finding is not None
    assert "SEDT-F01" in finding.message
    assert "0.5" in finding.message
    assert finding.values["shortfall"] == "0.5"


def test_non_sedt_interventions_are_not_applicable() -> None:
    """The 8-hour floor concerns SEDT interventions only."""
    plan = valid()
    school = Intervention(id="S1", kind="school", weekly_hours=Decimal(2))
    plan = attrs.evolve(plan, interventions=(school,))
    assert outcome(plan, "pippi.sedt.weekly_hours", "interventions[0]") is Outcome.NOT_APPLICABLE


# -- group modules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meetings", "expected"),
    [(5, Outcome.FAIL), (6, Outcome.PASS), (8, Outcome.PASS), (9, Outcome.FAIL)],
)
def test_group_meetings_between_6_and_8(meetings: int, expected: Outcome) -> None:
    """Modules of 6 to 8 meetings."""
    plan = valid()
    group = attrs.evolve(plan.groups[0], meetings=meetings)
    plan = attrs.evolve(plan, groups=(group,))
    chosen = {"pippi.groups.meetings_reading": "bound"}
    assert outcome(plan, "pippi.groups.meetings", "groups[0]", overrides=chosen) is expected
    both = outcome(plan, "pippi.groups.meetings", "groups[0]")
    assert both is (Outcome.PASS if expected is Outcome.PASS else Outcome.NEEDS_REVIEW)


@pytest.mark.parametrize(
    ("cadence", "expected"),
    [
        ("weekly", Outcome.PASS),
        ("fortnightly", Outcome.PASS),
        ("monthly", Outcome.FAIL),
        ("irregular", Outcome.NEEDS_REVIEW),
    ],
)
def test_group_cadence(cadence: str, expected: Outcome) -> None:
    """Weekly or fortnightly; monthly fails; irregular needs review (it may average fortnightly)."""
    plan = valid()
    group = GroupModule(id="G", kind="parents", meetings=6, cadence=cadence)
    plan = attrs.evolve(plan, groups=(group,))
    chosen = {"pippi.groups.cadence_reading": "required"}
    assert outcome(plan, "pippi.groups.cadence", "groups[0]", overrides=chosen) is expected
    if expected is Outcome.FAIL:  # «mediamente»: the descriptive reading lets it pass
        assert outcome(plan, "pippi.groups.cadence", "groups[0]") is Outcome.NEEDS_REVIEW


# -- hours --------------------------------------------------------------------------------

FLOORS = {
    Profession.EDUCATOR: 6000,
    Profession.PSYCHOLOGIST: 1400,
    Profession.PEDAGOGIST: 900,
    Profession.CULTURAL_MEDIATOR: 100,
}


@pytest.mark.parametrize("profession", list(FLOORS))
@pytest.mark.parametrize(
    ("delta", "expected"), [(-1, Outcome.FAIL), (0, Outcome.PASS), (1, Outcome.PASS)]
)
def test_each_floor_plus_minus_one_hour(
    profession: Profession, delta: int, expected: Outcome
) -> None:
    """Each profession's figure is its own finding: figure − 1 fails (shortfall 1), the figure
    passes; figure + 1 passes for the educator (a floor under any reading) and needs review for
    the other three (a floor, or the hours foreseen: tests/test_h6_hour_floor_reading.py)."""
    if delta > 0 and profession is not Profession.EDUCATOR:
        expected = Outcome.NEEDS_REVIEW
    hours = dict(FLOORS)
    hours[profession] += delta
    plan = attrs.evolve(valid(), hour_plan=HourPlan(hours=hours))
    rule = f"pippi.hours.{profession.value}"
    report = evaluate(plan, PROFILE, rules=[rule])
    finding = report.finding(rule, "hour_plan")
    assert finding is not None
    assert finding.outcome is expected
    assert finding.values["shortfall"] == ("1" if delta < 0 else "0")
    others = [f for f in evaluate(plan, PROFILE).findings if f.rule.startswith("pippi.hours.")]
    assert sum(f.outcome is Outcome.FAIL for f in others) == (1 if delta < 0 else 0)


def test_missing_hour_plan_needs_review() -> None:
    """A plan without an hour plan: the floors need review, naming hour_plan."""
    plan = attrs.evolve(valid(), hour_plan=None)
    report = evaluate(plan, PROFILE, rules=["pippi.hours.educator"])
    assert report.findings[0].outcome is Outcome.NEEDS_REVIEW
    assert report.findings[0].missing == ("hour_plan",)


hour_maps = st.fixed_dictionaries({p: st.integers(0, 8000) for p in FLOORS})


@given(hour_maps, st.sampled_from(list(FLOORS)), st.integers(0, 5000))
def test_adding_hours_never_creates_a_floor_failure(
    hours: dict[Profession, int], profession: Profession, extra: int
) -> None:
    """More hours of any profession never turn a passing floor into a failure."""
    base = attrs.evolve(valid(), hour_plan=HourPlan(hours=hours))
    more = dict(hours)
    more[profession] += extra
    after = attrs.evolve(valid(), hour_plan=HourPlan(hours=more))
    rules = [f"pippi.hours.{p.value}" for p in FLOORS]
    before_fail = {f.rule for f in evaluate(base, PROFILE, rules=rules).select(outcome="fail")}
    after_fail = {f.rule for f in evaluate(after, PROFILE, rules=rules).select(outcome="fail")}
    assert after_fail <= before_fail


# -- money --------------------------------------------------------------------------------


def _with_other_line(delta: str) -> CoDesignPlan:
    plan = valid()
    assert plan.budget is not None
    lines = list(plan.budget.lines)
    lines[-1] = attrs.evolve(lines[-1], amount=lines[-1].amount + Money(delta))
    budget = attrs.evolve(plan.budget, lines=tuple(lines))
    return attrs.evolve(plan, budget=budget)


@pytest.mark.parametrize(
    ("delta", "expected", "margin"),
    [
        ("0.01", Outcome.FAIL, "-0.01"),
        ("0.00", Outcome.PASS, "0.00"),
        ("-0.01", Outcome.PASS, "0.01"),
    ],
)
def test_budget_plus_minus_one_cent(delta: str, expected: Outcome, margin: str) -> None:
    """The valid plan spends exactly € 211.500,00: one cent more fails, the margin is reported."""
    report = evaluate(_with_other_line(delta), PROFILE, rules=["pippi.budget.within_funding"])
    finding = report.findings[0]
    assert finding.outcome is expected
    assert finding.values["margin"] == margin


def test_only_other_lines_are_added_to_the_hour_plan() -> None:
    """The line funding the hour plan is compared, not added: the valid plan totals € 211.500,00."""
    finding = evaluate(valid(), PROFILE, rules=["pippi.budget.within_funding"]).findings[0]
    assert finding.values["hours_cost"] == "204700.00"
    assert finding.values["total"] == "211500.00"


def test_hour_plan_line_short_by_one_cent_fails() -> None:
    """The staff line one cent below hours × costs fails; equal passes."""
    plan = valid()
    assert plan.budget is not None
    staff = attrs.evolve(plan.budget.lines[0], amount=Money("204699.99"))
    short = attrs.evolve(
        plan, budget=attrs.evolve(plan.budget, lines=(staff, *plan.budget.lines[1:]))
    )
    assert outcome(short, "pippi.budget.hour_plan_line") is Outcome.FAIL
    assert outcome(plan, "pippi.budget.hour_plan_line") is Outcome.PASS


def test_missing_hourly_cost_needs_review() -> None:
    """Hours without a cost: the cost check needs review, naming the missing cost."""
    plan = attrs.evolve(valid(), hour_plan=HourPlan(hours={"educator": 6000}))
    report = evaluate(plan, PROFILE, rules=["pippi.budget.within_funding"])
    assert report.findings[0].outcome is Outcome.NEEDS_REVIEW
    assert report.findings[0].missing == ("hour_plan.hourly_cost.educator",)


@given(st.integers(0, 100_000_00))
def test_raising_the_funding_never_creates_a_cost_failure(cents: int) -> None:
    """A higher funding (what-if) never turns a passing cost check into a failure."""
    plan = data.example("pippi_seregno_mistakes")
    base = Money("211500.00")
    low = evaluate(
        plan,
        PROFILE,
        rules=["pippi.budget.within_funding"],
        overrides={"pippi.budget.max_total": str(base.amount)},
    )
    high = evaluate(
        plan,
        PROFILE,
        rules=["pippi.budget.within_funding"],
        overrides={"pippi.budget.max_total": str((base + Money.from_cents(cents)).amount)},
    )
    if low.findings[0].outcome is Outcome.PASS:
        assert high.findings[0].outcome is Outcome.PASS
    assert (
        Decimal(str(high.findings[0].values["margin"]))
        - Decimal(str(low.findings[0].values["margin"]))
        == Money.from_cents(cents).amount
    )


def test_labour_cost_below_a1_warns_and_before_2024_needs_review() -> None:
    """€ 18,00/h is below A1 (€ 18,57 from 02/2024): a warning; a 2023-only plan has no figure: review."""
    plan = data.example("pippi_seregno_mistakes")
    finding = evaluate(plan, PROFILE, rules=["pippi.costs.labour_floor"], lang="en").findings[0]
    assert finding.outcome is Outcome.FAIL
    assert finding.severity is Severity.WARNING
    assert "cultural mediator" in finding.message  # words, not the id
    assert "2024-02-01" in finding.message
    early = attrs.evolve(plan, period=Period.parse("2023-01-01/2023-12-31"))
    review = evaluate(early, PROFILE, rules=["pippi.costs.labour_floor"]).findings[0]
    assert review.outcome is Outcome.NEEDS_REVIEW
    assert "18" not in review.message.split("dati dal")[0]  # no invented figure


def test_valid_costs_pass_the_labour_floor_with_a_note_on_unsourced_months() -> None:
    """The valid plan's costs are above A1 throughout; the months before 02/2024 are named."""
    finding = evaluate(valid(), PROFILE, rules=["pippi.costs.labour_floor"]).findings[0]
    assert finding.outcome is Outcome.PASS
    assert "01/06/2023–31/01/2024" in finding.message


# -- period -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "expected", "reading"),
    [
        ("2023-06-01/2026-05-31", Outcome.PASS, "servizi e risorse umane"),
        ("2023-05-01/2026-04-30", Outcome.PASS, "risorse finanziarie"),
        ("2023-09-01/2026-08-31", Outcome.FAIL, None),
    ],
)
def test_period_matches_one_reading_and_says_which(
    period: str, expected: Outcome, reading: str | None
) -> None:
    """The plan's period must equal one of the notice's two readings; the finding names it."""
    plan = attrs.evolve(valid(), period=Period.parse(period))
    finding = evaluate(plan, PROFILE, rules=["pippi.period.matches_notice"]).findings[0]
    assert finding.outcome is expected
    assert finding.values["reading"] == reading


# -- cohorts ------------------------------------------------------------------------------


def test_reunification_share_over_twenty_percent_warns_with_the_count_over() -> None:
    """3 reunification families of 10 (20% → 2): a warning that says 1 family is over."""
    plan = valid()
    families = list(plan.families)
    families[0] = attrs.evolve(
        families[0], em_orientation="reunification", removal_in_progress=True
    )
    plan = attrs.evolve(plan, families=tuple(families))
    chosen = {"pippi.cohort.reunification_share_reading": "cap"}
    rules = ["pippi.cohort.reunification_share"]
    finding = evaluate(plan, PROFILE, rules=rules, overrides=chosen).findings[0]
    assert finding.outcome is Outcome.FAIL
    both = evaluate(plan, PROFILE, rules=rules).findings[0]
    assert both.outcome is Outcome.NEEDS_REVIEW
    assert both.values["readings_failing"] == ("la quota è un tetto per le famiglie del piano",)
    assert finding.severity is Severity.WARNING
    assert finding.values["over"] == 1
    assert finding.values["allowed"] == 2
    assert outcome(valid(), "pippi.cohort.reunification_share") is Outcome.PASS


def test_preadolescent_share_counts_the_11_14_group() -> None:
    """The valid plan has 2 families of 10 in the 11–14 group on 1 June 2023 (at the share)."""
    finding = evaluate(valid(), PROFILE, rules=["pippi.cohort.preadolescent_share"]).findings[0]
    assert finding.outcome is Outcome.PASS
    assert finding.values["count"] == 2


def test_rule_messages_exist_in_both_languages() -> None:
    """Every P.I.P.P.I. rule has an Italian and an English title and message."""
    for item in load_profile(PROFILE).rules:
        assert item.rule.title["it"]
        assert item.rule.title["en"]
        assert item.rule.message["it"]
        assert item.rule.message["en"]

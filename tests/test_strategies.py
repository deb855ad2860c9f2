"""The testing kit's strategies: valid by default, knobs that really hold under the rules."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from welfare_ambito import InvalidInput, load
from welfare_ambito.eligibility import assess
from welfare_ambito.model import Budget, CoDesignPlan, Family, HourPlan
from welfare_ambito.money import Money
from welfare_ambito.periods import Period
from welfare_ambito.rules import Outcome, evaluate, load_profile
from welfare_ambito.testing import strategies as was

# The contested readings taken strictly (a profile's choice), so each violation fails its rule.
PROFILE = load_profile("seregno-pippi-2023").derive(
    id="seregno-pippi-2023-strict",
    parameters={
        "pippi.groups.meetings_reading": "bound",
        "pippi.groups.cadence_reading": "required",
        "pippi.cohort.reunification_share_reading": "cap",
        "pippi.cohort.preadolescent_share_reading": "cap",
    },
)
ON = dt.date(2024, 3, 1)
UNDECIDED = (Outcome.FAIL, Outcome.NEEDS_REVIEW)
FEW = settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))


@given(was.plans(profile=PROFILE))
def test_compliant_plans_pass_every_rule_of_the_profile(plan: CoDesignPlan) -> None:
    """plans(profile=...) gives plans with no failure and nothing to review."""
    report = evaluate(plan, PROFILE)
    assert [(f.rule, f.path) for f in report.findings if f.outcome in UNDECIDED] == []


@pytest.mark.parametrize("group", [None, *was.GROUPS])
@pytest.mark.parametrize("outcome", was.OUTCOMES)
def test_families_have_the_outcome_asked_for(outcome: str, group: str | None) -> None:
    """families(outcome=..., group=...) has that outcome (and group) under assess."""

    @given(was.families(on=ON, outcome=outcome, group=group, birthdays=False))  # type: ignore[arg-type]
    def check(family: Family) -> None:
        result = assess(family, on=ON, profile=PROFILE)
        assert result.outcome.value == outcome, result.message
        if group == "reunification":
            assert result.reunification
        elif group is not None and outcome != "not_eligible":
            assert result.group is not None
            assert result.group.value == group

    check()


@given(
    st.sampled_from(was.OUTCOMES), st.dates(dt.date(2023, 6, 1), dt.date(2026, 5, 31)), st.data()
)
def test_families_on_birthdays_keep_their_outcome(
    outcome: str, on: dt.date, data: st.DataObject
) -> None:
    """With every child on an edge of its age (birthday today or next), the outcome still holds."""
    family = data.draw(was.families(on=on, outcome=outcome, birthdays=True))  # type: ignore[arg-type]
    assert assess(family, on=on).outcome.value == outcome
    for child in family.children:
        age = child.age_on(on)
        birthday_today = child.birth_date == on - relativedelta(years=age)
        oldest_of_age = child.birth_date == on - relativedelta(years=age + 1) + dt.timedelta(days=1)
        assert birthday_today or oldest_of_age


def test_eligible_shorthand_and_contradictions() -> None:
    """eligible=True is outcome='eligible'; contradictory or unknown knobs are refused."""
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument):
        was.families(eligible=True, outcome="not_eligible")
    with pytest.raises(InvalidArgument):
        was.families(outcome="maybe")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        was.families(group="teenagers")  # type: ignore[arg-type]

    @given(was.families(on=ON, eligible=False))
    def check(family: Family) -> None:
        assert assess(family, on=ON).outcome.value == "not_eligible"

    check()


@pytest.mark.parametrize("rule", was.supported_violations(PROFILE))
def test_violations_break_that_rule_and_change_no_other(rule: str) -> None:
    """plans(violating=rule): the rule fails and no other rule's outcome changes."""

    @FEW
    @given(was.violations(rule, profile=PROFILE))
    def check(violation: was.Violation) -> None:
        before = evaluate(violation.base, PROFILE, on=violation.on)
        after = evaluate(violation.plan, PROFILE, on=violation.on)
        assert not [f for f in before.findings if f.outcome in UNDECIDED]
        assert any(f.rule == rule and f.outcome is Outcome.FAIL for f in after.findings)
        outcomes = {f.key: f.outcome for f in before.findings}
        changed = {
            f.key for f in after.findings if f.key in outcomes and outcomes[f.key] != f.outcome
        }
        assert {key[0] for key in changed} == {rule}, violation.change

    check()


def test_plans_violating_is_a_plan_strategy() -> None:
    """plans(violating=...) draws plans on which the rule fails."""

    @FEW
    @given(was.plans(violating="pippi.sedt.weekly_hours"))
    def check(plan: CoDesignPlan) -> None:
        report = evaluate(plan, PROFILE)
        assert report.select(outcome="fail", rule="pippi.sedt.weekly_hours")

    check()


def test_unsupported_rules_are_refused_with_the_supported_list() -> None:
    """An id that cannot fail, or that is not in the profile, raises UnsupportedRule at once."""
    with pytest.raises(was.UnsupportedRule, match=r"pippi\.sedt\.weekly_hours"):
        was.plans(violating="pippi.target.adversities")
    with pytest.raises(LookupError, match="not in profile"):
        was.plans(violating="pippi.no.such.rule")
    with pytest.raises(was.UnsupportedRule):
        was.plans(violating="tutela.staff.social_worker.albo")


def test_compliant_plans_need_a_pippi_profile() -> None:
    """plans(profile=...) names the profiles it supports."""
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument, match=r"P\.I\.P\.P\.I\."):
        was.plans(profile="seregno-tutela-minori-2022")


@given(was.malformed_documents())
def test_malformed_documents_fail_to_load_at_their_path(case: was.MalformedDocument) -> None:
    """Each malformed document raises InvalidInput with an error at the stated path."""
    with pytest.raises(InvalidInput) as info:
        load(case.document)
    assert case.path in [e.path for e in info.value.errors]


@given(was.plan_documents(profile=PROFILE))
def test_plan_documents_load(document: dict[str, object]) -> None:
    """plan_documents() are documents load() reads."""
    assert isinstance(load(document), CoDesignPlan)


@given(was.allocation_weights(zeros=False), was.money(min_value="1.00", max_value="99.99"))
def test_allocation_weights_and_money_bounds(weights: dict[str, int], amount: Money) -> None:
    """Weights are positive with zeros=False; money stays within its bounds."""
    assert all(w > 0 for w in weights.values())
    assert weights
    assert Money("1.00") <= amount <= Money("99.99")


def test_from_type_uses_our_strategies_after_register() -> None:
    """register() makes st.from_type build valid domain objects."""
    from welfare_ambito.testing._hypothesis import register

    register()

    @given(
        st.from_type(Family),
        st.from_type(CoDesignPlan),
        st.from_type(Budget),
        st.from_type(HourPlan),
        st.from_type(Money),
        st.from_type(Period),
    )
    def check(
        family: Family,
        plan: CoDesignPlan,
        budget: Budget,
        hours: HourPlan,
        amount: Money,
        period: Period,
    ) -> None:
        assert isinstance(family, Family)
        assert isinstance(plan, CoDesignPlan)
        assert isinstance(budget, Budget)
        assert isinstance(amount, Money)

    check()


def test_register_draws_nothing_and_imports_no_strategy_module() -> None:
    """Calling register() at hypothesis import time loads no strategies module."""
    code = (
        "import sys\n"
        "from welfare_ambito.testing._hypothesis import register\n"
        "register()\n"
        "assert 'welfare_ambito.testing.strategies' not in sys.modules\n"
        "import welfare_ambito\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_importing_the_package_does_not_import_hypothesis() -> None:
    """import welfare_ambito and welfare_ambito.testing load neither hypothesis nor pytest."""
    code = (
        "import sys, welfare_ambito, welfare_ambito.testing, welfare_ambito.testing.cases\n"
        "import welfare_ambito.testing.cli\n"
        "bad = [m for m in ('hypothesis', 'pytest') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, env={"HYPOTHESIS_NO_PLUGINS": "1", "PATH": ""}
    )

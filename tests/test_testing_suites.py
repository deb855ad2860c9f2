"""The property suites: the library's own implementations pass them, wrong ones fail readably."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import strategies as st

from welfare_ambito.budget import allocate
from welfare_ambito.convert import dumps, loads
from welfare_ambito.eligibility import assess
from welfare_ambito.money import Money
from welfare_ambito.testing.suites import (
    AllocatorContract,
    EligibilityScreenContract,
    PlanProducerContract,
    PlanRoundTripContract,
    check_allocator,
    check_eligibility_screen,
    check_plan_producer,
    check_plan_round_trip,
)


def _ours(total: Money, weights: Mapping[str, int], **bounds: Any) -> dict[str, Money]:
    return dict(allocate(total, weights, **bounds))


def _rounded_each(total: Money, weights: Mapping[str, int], **bounds: Any) -> dict[str, Decimal]:
    whole = sum(weights.values())
    return {
        k: (total.amount * w / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        for k, w in weights.items()
    }


class TestOurAllocatorPassesTheContract(AllocatorContract):
    """welfare_ambito's own allocate, through the contract."""

    supports_bounds = True
    max_examples = 30

    def allocate(
        self, total: Money, weights: Mapping[str, int], **bounds: Any
    ) -> Mapping[str, Any]:
        return _ours(total, weights, **bounds)


class TestOurScreenPassesTheContract(EligibilityScreenContract):
    """assess itself, through the contract."""

    max_examples = 20

    def screen(self, family: Any, on: dt.date) -> Any:
        return assess(family, on=on).outcome


class TestOurConverterPassesTheRoundTrip(PlanRoundTripContract):
    """JSON through our converter, through the contract."""

    max_examples = 15

    def export_plan(self, plan: Any) -> Any:
        return dumps(plan, "json")

    def import_plan(self, exported: Any) -> Any:
        return loads(exported, "json")


class TestExamplePlansPassAsProduced(PlanProducerContract):
    """The embedded compliant example, as a producer's output."""

    def plan_requests(self) -> Any:
        return ["pippi_seregno"]

    def produce_plan(self, request: Any) -> Any:
        from welfare_ambito import data

        return data.example(request)


def test_required_methods_explain_what_to_write() -> None:
    """A subclass without the required method gets a NotImplementedError with an example."""

    class Incomplete(AllocatorContract):
        pass

    with pytest.raises(NotImplementedError, match=r"def allocate\(self, total, weights"):
        Incomplete().allocate(Money(1), {"a": 1})


def test_an_allocator_that_loses_a_cent_fails_with_the_inputs() -> None:
    """Rounding each share on its own is caught, and the message shows total, weights, shares."""
    with pytest.raises(AssertionError, match=r"add up to .*not to the total") as info:
        check_allocator(_rounded_each, max_examples=200)
    assert "weights:" in str(info.value)


def test_negative_or_missing_shares_are_caught() -> None:
    """Shares that are negative, or a recipient left out, fail the checker."""

    def negative(total: Money, weights: Mapping[str, int]) -> dict[str, Money]:
        shares = _ours(total, weights)
        first = next(iter(shares))
        shares[first] = shares[first] - Money(1)
        if len(shares) > 1:
            second = list(shares)[1]
            shares[second] = shares[second] + Money(1)
        return shares

    with pytest.raises(AssertionError):
        check_allocator(negative, max_examples=100)
    with pytest.raises(AssertionError, match="one per recipient"):
        check_allocator(lambda t, w: {}, max_examples=5)


def test_a_screen_that_miscounts_birthdays_fails_without_birth_dates() -> None:
    """Ages by year difference disagree with assess; the message shows ids and ages only."""

    def by_year(family: Any, on: dt.date) -> str:
        ages = [on.year - c.birth_date.year for c in family.children]
        result = assess(family, on=on).outcome.value
        real = family.ages_on(on)
        if result == "eligible" and ages != list(real) and not any(a <= 11 for a in ages):
            return "not_eligible"
        if (
            result == "not_eligible"
            and any(a <= 14 for a in ages)
            and not any(a <= 14 for a in real)
        ):
            return "eligible"
        return result

    with pytest.raises(AssertionError, match="welfare_ambito says") as info:
        check_eligibility_screen(by_year, max_examples=100)
    text = str(info.value) + "".join(getattr(info.value, "__notes__", []))
    assert "birth_date" not in text
    assert "children (id: age)" in text


def test_a_lossy_exporter_names_the_lost_field() -> None:
    """An exporter that drops the families' Comune fails naming that path."""

    def export(plan: Any) -> Any:
        document = __import__("welfare_ambito").dump(plan, "dict")
        for family in document.get("families", []):
            family.pop("comune", None)
        return document

    with pytest.raises(AssertionError, match=r"families\[\d+\]\.comune"):
        check_plan_round_trip(export, __import__("welfare_ambito").load, max_examples=20)


def test_a_producer_of_wrong_plans_fails_listing_the_rules() -> None:
    """A producer returning the example with mistakes fails with each broken rule."""
    from welfare_ambito import data

    with pytest.raises(AssertionError, match=r"pippi\.sedt\.weekly_hours @ interventions"):
        check_plan_producer(lambda name: data.example(name), ["pippi_seregno_mistakes"])


def test_producer_checker_takes_a_strategy() -> None:
    """check_plan_producer accepts a hypothesis strategy of requests."""
    from welfare_ambito import data

    check_plan_producer(lambda name: data.example(name), st.just("pippi_seregno"), max_examples=3)

"""Base test classes a downstream project subclasses to check its own code against ours.

Module names are not ``test_*`` and class names end in ``Contract``: pytest
does not collect them here, only in the subclasses you write. Required
pieces are methods you define (the default raises a helpful
``NotImplementedError``); optional behaviour is a capability attribute.
Test names are public API: they do not change within a major version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from welfare_ambito.testing import MissingTestingExtra

try:
    import pytest
except ImportError:
    raise MissingTestingExtra.for_package("pytest") from None

from welfare_ambito.money import Money
from welfare_ambito.testing.suites import _checks

__all__ = [
    "AllocatorContract",
    "EligibilityScreenContract",
    "PlanProducerContract",
    "PlanRoundTripContract",
]


def _required(cls_name: str, method: str, example: str) -> NotImplementedError:
    return NotImplementedError(
        f"{cls_name} needs a method `{method}` in your subclass, e.g.\n\n{example}\n"
    )


class _ProfileMixin:
    profile: ClassVar[str | None] = None
    """Profile to check against; ``None``: the ``--welfare-profile`` option, else seregno-pippi-2023."""

    max_examples: ClassVar[int | None] = None
    """Examples per property; ``None``: the current hypothesis settings profile."""

    @pytest.fixture
    def welfare_contract_profile(self, request: pytest.FixtureRequest) -> str:
        """The profile id the properties use."""
        if self.profile is not None:
            return self.profile
        chosen = request.config.getoption("welfare_profile", default=None)
        return str(chosen) if chosen else _checks.DEFAULT_PROFILE


# -- allocation -------------------------------------------------------------------------------


class AllocatorContract:
    """Properties of an allocation function: exact sums, no negative share, order independence,
    agreement with welfare_ambito's largest remainder split within one cent per share.

    Write::

        class TestMySplit(AllocatorContract):
            def allocate(self, total, weights, **bounds):
                return my_split(total, weights, **bounds)
    """

    supports_bounds: ClassVar[bool] = False
    """``allocate`` accepts ``minimum=`` and ``maximum=`` (Money, one for everyone)."""
    supports_zero_weights: ClassVar[bool] = True
    """Recipients may weigh zero."""
    agrees_with_largest_remainder: ClassVar[bool] = True
    """Compare with ``allocate(..., method="largest_remainder")``."""
    tolerance_cents: ClassVar[int] = 1
    """How far a share may be from the largest remainder share, in cents."""
    max_recipients: ClassVar[int] = 12
    max_examples: ClassVar[int | None] = None
    """Examples per property; ``None``: the current hypothesis settings profile."""

    def allocate(
        self, total: Money, weights: Mapping[str, int], **bounds: Any
    ) -> Mapping[str, Any]:
        """Your function: split ``total`` by ``weights``; a mapping recipient → amount."""
        raise _required(
            type(self).__name__,
            "allocate(self, total, weights, **bounds)",
            "    def allocate(self, total, weights, **bounds):\n"
            "        return my_split(total, weights)   # {recipient: Money or Decimal}",
        )

    def _run(self, prop: Any) -> None:
        from welfare_ambito.testing import strategies as was

        weights = was.allocation_weights(
            max_size=self.max_recipients, zeros=self.supports_zero_weights
        )
        _checks.run(
            lambda total, w: prop(self.allocate, total, w),
            was.money(max_value=1_000_000),
            weights,
            max_examples=self.max_examples,
        )

    def test_shares_add_up_to_the_total(self) -> None:
        """The shares add up to the total, to the cent."""
        self._run(_checks.assert_exact_sum)

    def test_shares_are_not_negative(self) -> None:
        """No share is negative."""
        self._run(_checks.assert_non_negative)

    def test_order_of_recipients_does_not_matter(self) -> None:
        """Listing the recipients in another order changes no share."""
        self._run(_checks.assert_order_independent)

    def test_agrees_with_largest_remainder(self) -> None:
        """Each share is within one cent of welfare_ambito's largest remainder share."""
        if not self.agrees_with_largest_remainder:
            pytest.skip("agrees_with_largest_remainder = False")
        tolerance = self.tolerance_cents
        self._run(lambda f, t, w: _checks.assert_agrees_with_largest_remainder(f, t, w, tolerance))

    def test_bounds_are_respected(self) -> None:
        """With minimum and maximum, every share is between them and the sum holds."""
        if not self.supports_bounds:
            pytest.skip("supports_bounds = False")
        from welfare_ambito.testing import strategies as was

        positive = was.allocation_weights(max_size=self.max_recipients, zeros=False)
        _checks.run(
            lambda case: _checks.assert_bounds(self.allocate, *case),
            _checks.bounded_inputs(positive),
            max_examples=self.max_examples,
        )


# -- eligibility --------------------------------------------------------------------------------


class EligibilityScreenContract(_ProfileMixin):
    """Agreement of an eligibility screen with :func:`welfare_ambito.eligibility.assess`.

    Write::

        class TestMyScreen(EligibilityScreenContract):
            def screen(self, family, on):
                return my_screen(family, on)    # "eligible" / "not_eligible" / "needs_review"
    """

    needs_review_as: ClassVar[str | None] = None
    """If your screen has no "needs review" answer: what it should say instead (e.g. "not_eligible")."""
    days: ClassVar[tuple[dt.date, dt.date]] = _checks.DEFAULT_DAYS
    """First and last reference day drawn."""

    def screen(self, family: Any, on: dt.date) -> Any:
        """Your function: the outcome for ``family`` on ``on`` (a string, an enum or a bool)."""
        raise _required(
            type(self).__name__,
            "screen(self, family, on)",
            "    def screen(self, family, on):\n"
            "        return my_screen(family, on)   # 'eligible' / 'not_eligible' / 'needs_review'",
        )

    def _run(self, profile: str, outcome: str | None, birthdays: bool = False) -> None:
        _checks.run(
            lambda case: _checks.assert_screen_agrees(
                self.screen,
                case.family,
                case.on,
                profile=profile,
                needs_review_as=self.needs_review_as,
            ),
            _checks.eligibility_cases(
                outcome=outcome, birthdays=birthdays, profile=profile, days=self.days
            ),
            max_examples=self.max_examples,
        )

    def test_agrees_on_eligible_families(self, welfare_contract_profile: str) -> None:
        """Families in the target are eligible for the screen too."""
        self._run(welfare_contract_profile, "eligible")

    def test_agrees_on_not_eligible_families(self, welfare_contract_profile: str) -> None:
        """Families outside the target are not eligible for the screen either."""
        self._run(welfare_contract_profile, "not_eligible")

    def test_agrees_on_families_to_review(self, welfare_contract_profile: str) -> None:
        """Families with an unrecorded judgement need review for the screen too."""
        self._run(welfare_contract_profile, "needs_review")

    def test_agrees_on_birthdays(self, welfare_contract_profile: str) -> None:
        """Children with a birthday on the reference day or the day after are aged alike."""
        for case in _checks.birthday_edge_cases(welfare_contract_profile):
            _checks.assert_screen_agrees(
                self.screen,
                case.family,
                case.on,
                profile=welfare_contract_profile,
                needs_review_as=self.needs_review_as,
            )
        self._run(welfare_contract_profile, None, birthdays=True)

    def test_agrees_on_any_family(self, welfare_contract_profile: str) -> None:
        """Families with any judgements (some not recorded) get the same outcome."""
        self._run(welfare_contract_profile, "any")


# -- export / import ------------------------------------------------------------------------------


class PlanRoundTripContract(_ProfileMixin):
    """A round trip of plans through your format and ours loses nothing.

    Write::

        class TestMyFormat(PlanRoundTripContract):
            def export_plan(self, plan):
                return my_export(plan)
            def import_plan(self, exported):
                return my_import(exported)          # a welfare_ambito CoDesignPlan
    """

    ignore_fields: ClassVar[tuple[str, ...]] = ()
    """Top-level CoDesignPlan fields your format does not keep (a documented loss)."""

    def export_plan(self, plan: Any) -> Any:
        """Your exporter: a plan in your format (text, bytes, a dict, rows...)."""
        raise _required(
            type(self).__name__,
            "export_plan(self, plan)",
            "    def export_plan(self, plan):\n        return my_export(plan)",
        )

    def import_plan(self, exported: Any) -> Any:
        """Your importer: a :class:`~welfare_ambito.model.CoDesignPlan` from your format."""
        raise _required(
            type(self).__name__,
            "import_plan(self, exported)",
            "    def import_plan(self, exported):\n        return my_import(exported)",
        )

    def _check(self, plan: Any) -> None:
        _checks.assert_round_trip(
            self.export_plan, self.import_plan, plan, ignore_fields=self.ignore_fields
        )

    def test_round_trip_of_example_plans(self) -> None:
        """The embedded example plans come back unchanged."""
        for plan in _checks.example_plans():
            self._check(plan)

    def test_round_trip_of_any_plan(self) -> None:
        """Any plan that can be built comes back unchanged."""
        from welfare_ambito.testing import strategies as was

        _checks.run(self._check, was.plans(), max_examples=self.max_examples)

    def test_round_trip_of_compliant_plans(self, welfare_contract_profile: str) -> None:
        """Plans that pass the profile come back unchanged."""
        from welfare_ambito.testing import strategies as was

        _checks.run(
            self._check, was.plans(profile=welfare_contract_profile), max_examples=self.max_examples
        )


# -- plan producers ----------------------------------------------------------------------------------


class PlanProducerContract(_ProfileMixin):
    """Every plan your code produces passes the profile's error rules.

    Write::

        class TestMyProducer(PlanProducerContract):
            def plan_requests(self):
                return [request_a, request_b]      # or a hypothesis strategy
            def produce_plan(self, request):
                return my_producer(request)        # a welfare_ambito CoDesignPlan
    """

    on: ClassVar[dt.date | None] = None
    """Evaluation day; ``None``: each plan's first day."""
    fail_on_warnings: ClassVar[bool] = False
    """Also fail on warnings (e.g. the 20% shares)."""
    fail_on_needs_review: ClassVar[bool] = False
    """Also fail when a rule needs a person's review."""

    def plan_requests(self) -> Iterable[Any] | Any:
        """The inputs to produce plans from: a list, or a hypothesis strategy."""
        raise _required(
            type(self).__name__,
            "plan_requests(self)",
            "    def plan_requests(self):\n        return [my_request]   # or a hypothesis strategy",
        )

    def produce_plan(self, request: Any) -> Any:
        """Your producer: a :class:`~welfare_ambito.model.CoDesignPlan` for ``request``."""
        raise _required(
            type(self).__name__,
            "produce_plan(self, request)",
            "    def produce_plan(self, request):\n        return my_producer(request)",
        )

    def test_produced_plans_pass_the_profile(self, welfare_contract_profile: str) -> None:
        """No plan produced breaks an error rule of the profile."""
        _checks.check_plan_producer(
            self.produce_plan,
            self.plan_requests(),
            profile=welfare_contract_profile,
            on=self.on,
            warnings=self.fail_on_warnings,
            needs_review=self.fail_on_needs_review,
            max_examples=self.max_examples,
        )

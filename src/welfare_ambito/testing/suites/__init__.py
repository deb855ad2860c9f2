"""Property suites a downstream project runs against its own code (needs the ``testing`` extra).

Subclass one class per thing you implement, pointing at your function::

    from welfare_ambito.testing.suites import AllocatorContract, EligibilityScreenContract

    class TestMySplit(AllocatorContract):
        def allocate(self, total, weights, **bounds):
            return my_split(total, weights)

    class TestMyScreen(EligibilityScreenContract):
        def screen(self, family, on):
            return my_screen(family, on)

    class TestMyFormat(PlanRoundTripContract):
        def export_plan(self, plan):
            return my_export(plan)
        def import_plan(self, exported):
            return my_import(exported)

    class TestMyProducer(PlanProducerContract):
        def plan_requests(self):
            return [my_request]
        def produce_plan(self, request):
            return my_producer(request)

A columnar form of a rule (a function over a batch of families, see
:mod:`welfare_ambito.eligibility.columnar`) is held to its row rule by
``ColumnarRuleContract`` (set ``rule_id``, define ``form``) or
``check_columnar_rule(rule_id, form)``; numpy must be installed.

Or call a checker without pytest classes: ``check_allocator(my_split)``,
``check_eligibility_screen(my_screen)``, ``check_plan_round_trip(my_export,
my_import)``, ``check_plan_producer(my_producer, requests)``.

Capabilities (class attributes) turn optional behaviour on or off, e.g.
``supports_bounds = True``, ``needs_review_as = "not_eligible"``,
``ignore_fields = ("title",)``, ``profile = "my-profile"``, ``max_examples = 200``.
"""

from welfare_ambito.testing import MissingTestingExtra, require_extra

try:
    import pytest
except ImportError:
    raise MissingTestingExtra.for_package("pytest") from None
require_extra("hypothesis")

pytest.register_assert_rewrite(
    "welfare_ambito.testing.suites._checks",
    "welfare_ambito.testing.suites.contracts",
    "welfare_ambito.testing.suites.columnar",
)

from welfare_ambito.testing.suites._checks import (  # noqa: E402
    check_allocator,
    check_eligibility_screen,
    check_plan_producer,
    check_plan_round_trip,
)
from welfare_ambito.testing.suites.columnar import (  # noqa: E402
    ColumnarRuleContract,
    check_columnar_rule,
)
from welfare_ambito.testing.suites.contracts import (  # noqa: E402
    AllocatorContract,
    EligibilityScreenContract,
    PlanProducerContract,
    PlanRoundTripContract,
)

__all__ = [
    "AllocatorContract",
    "ColumnarRuleContract",
    "EligibilityScreenContract",
    "PlanProducerContract",
    "PlanRoundTripContract",
    "check_allocator",
    "check_columnar_rule",
    "check_eligibility_screen",
    "check_plan_producer",
    "check_plan_round_trip",
]

"""The properties behind the suites, as plain functions (also the ``check_*`` checkers).

Each ``check_*`` runs hypothesis on a downstream function and raises
:class:`AssertionError` with a readable counterexample when it disagrees with
the library. The contract classes in :mod:`welfare_ambito.testing.suites`
call the same properties one by one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from welfare_ambito.testing import MissingTestingExtra

try:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st
except ImportError:
    raise MissingTestingExtra.for_package("hypothesis") from None

from welfare_ambito.money import Money

__all__ = [
    "DEFAULT_PROFILE",
    "check_allocator",
    "check_eligibility_screen",
    "check_plan_producer",
    "check_plan_round_trip",
]

DEFAULT_PROFILE = "seregno-pippi-2023"
DEFAULT_DAYS = (dt.date(2023, 6, 1), dt.date(2026, 5, 31))
"""Reference days drawn for eligibility: the project's three years."""

Allocator = Callable[..., Mapping[str, Any]]


def run(
    test: Callable[..., None], *strategies: st.SearchStrategy[Any], max_examples: int | None = None
) -> None:
    """Run ``test`` under hypothesis with ``strategies``; the current settings profile applies."""
    current = settings.default
    default_examples = current.max_examples if current is not None else 100
    chosen = settings(
        deadline=None,
        # the explain phase reruns every failure many times; our messages already explain
        phases=[p for p in Phase if p is not Phase.explain],
        max_examples=max_examples if max_examples is not None else default_examples,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )

    # a fresh function per run: hypothesis settings and examples attach to it
    def check(example: tuple[Any, ...]) -> None:
        test(*example)

    name = getattr(test, "__name__", "")
    check.__name__ = check.__qualname__ = name if name.isidentifier() else "check"
    given(st.tuples(*strategies))(chosen(check))()


# -- allocators --------------------------------------------------------------------------


def _money(value: Any, recipient: str) -> Money:
    if isinstance(value, Money):
        return value
    if isinstance(value, bool):
        raise AssertionError(f"the share of {recipient!r} is a bool ({value!r}), not an amount")
    if isinstance(value, float):
        value = Decimal(repr(value))
    try:
        number = Decimal(value) if not isinstance(value, str) else Decimal(value.strip())
    except (InvalidOperation, TypeError, ValueError):
        raise AssertionError(
            f"the share of {recipient!r} is {value!r}: not an amount (use Money or Decimal)"
        ) from None
    if number != number.quantize(Decimal("0.01")):
        raise AssertionError(
            f"the share of {recipient!r} is {number}: fractions of a cent cannot be paid"
        )
    return Money(number)


def _shown(shares: Mapping[str, Money]) -> str:
    return "{" + ", ".join(f"{k!r}: {v}" for k, v in shares.items()) + "}"


def call_allocator(
    fn: Allocator, total: Money, weights: Mapping[str, int], **bounds: Any
) -> dict[str, Money]:
    """Call ``fn`` and read its answer as recipient → Money; every recipient must be there."""
    answer = fn(total, dict(weights), **bounds)
    if not isinstance(answer, Mapping):
        raise AssertionError(
            f"the allocator returned {type(answer).__name__}, not a mapping recipient → amount"
        )
    shares = {str(k): _money(v, str(k)) for k, v in answer.items()}
    if set(shares) != set(weights):
        missing = sorted(set(weights) - set(shares))
        extra = sorted(set(shares) - set(weights))
        raise AssertionError(
            f"the shares are not one per recipient: missing {missing}, unexpected {extra}\n"
            f"  total: {total}\n  weights: {dict(weights)}"
        )
    return shares


def _context(total: Money, weights: Mapping[str, int], shares: Mapping[str, Money]) -> str:
    return f"\n  total: {total}\n  weights: {dict(weights)}\n  shares: {_shown(shares)}"


def assert_exact_sum(fn: Allocator, total: Money, weights: Mapping[str, int]) -> None:
    """The shares add up to the total, to the cent."""
    shares = call_allocator(fn, total, weights)
    found = sum(shares.values(), Money(0))
    if found != total:
        raise AssertionError(
            f"the shares add up to {found}, not to the total {total} "
            f"(difference {found - total}): money was lost or made up"
            + _context(total, weights, shares)
        )


def assert_non_negative(fn: Allocator, total: Money, weights: Mapping[str, int]) -> None:
    """No share is negative."""
    shares = call_allocator(fn, total, weights)
    negative = {k: v for k, v in shares.items() if v < Money(0)}
    if negative:
        raise AssertionError(
            f"negative shares: {_shown(negative)}" + _context(total, weights, shares)
        )


def assert_order_independent(fn: Allocator, total: Money, weights: Mapping[str, int]) -> None:
    """Listing the recipients in another order gives everyone the same share."""
    shares = call_allocator(fn, total, weights)
    reordered = dict(reversed(list(weights.items())))
    again = call_allocator(fn, total, reordered)
    differ = {k: (shares[k], again[k]) for k in shares if shares[k] != again[k]}
    if differ:
        listed = ", ".join(f"{k!r}: {a} then {b}" for k, (a, b) in differ.items())
        raise AssertionError(
            f"the shares depend on the order of the recipients: {listed}"
            + _context(total, weights, shares)
        )


def assert_agrees_with_largest_remainder(
    fn: Allocator, total: Money, weights: Mapping[str, int], tolerance_cents: int = 1
) -> None:
    """Each share is within ``tolerance_cents`` of welfare_ambito's largest remainder share."""
    from welfare_ambito.budget.allocation import allocate

    shares = call_allocator(fn, total, weights)
    ours = allocate(total, dict(weights), method="largest_remainder")
    far = {
        k: (shares[k], ours[k])
        for k in shares
        if abs(shares[k].cents - ours[k].cents) > tolerance_cents
    }
    if far:
        listed = ", ".join(f"{k!r}: {a} (largest remainder: {b})" for k, (a, b) in far.items())
        raise AssertionError(
            f"shares more than {tolerance_cents} cent(s) from the largest remainder split: "
            f"{listed}" + _context(total, weights, shares)
        )


@st.composite
def bounded_inputs(
    draw: st.DrawFn, weights: st.SearchStrategy[dict[str, int]]
) -> tuple[Money, dict[str, int], Money, Money]:
    """A total, positive weights and feasible bounds (everyone can get between them)."""
    from welfare_ambito.testing import strategies as was

    total = draw(was.money(max_value=1_000_000))
    chosen = draw(weights)
    n = len(chosen)
    even = total.cents // n
    low = Money.from_cents(draw(st.integers(0, even)))
    high = Money.from_cents(draw(st.integers(-(-total.cents // n), max(total.cents, 1))))
    return total, chosen, low, high


def assert_bounds(
    fn: Allocator, total: Money, weights: Mapping[str, int], low: Money, high: Money
) -> None:
    """With ``minimum`` and ``maximum``, every share is between them and the sum holds."""
    shares = call_allocator(fn, total, weights, minimum=low, maximum=high)
    outside = {k: v for k, v in shares.items() if not low <= v <= high}
    found = sum(shares.values(), Money(0))
    context = _context(total, weights, shares) + f"\n  minimum: {low}\n  maximum: {high}"
    if outside:
        raise AssertionError(f"shares outside [{low}, {high}]: {_shown(outside)}" + context)
    if found != total:
        raise AssertionError(f"with bounds, the shares add up to {found}, not {total}" + context)


def _bind_allocator(prop: Callable[..., None], fn: Allocator) -> Callable[..., None]:
    def test(total: Money, weights: dict[str, int]) -> None:
        prop(fn, total, weights)

    return test


def check_allocator(
    fn: Allocator,
    *,
    supports_bounds: bool = False,
    supports_zero_weights: bool = True,
    agrees_with_largest_remainder: bool = True,
    tolerance_cents: int = 1,
    max_recipients: int = 12,
    max_examples: int | None = None,
) -> None:
    """Check an allocation function ``fn(total, weights) -> {recipient: amount}``.

    Exact sums, non-negative shares, independence from the order of the
    recipients, agreement with :func:`welfare_ambito.budget.allocate`
    (``largest_remainder``) within ``tolerance_cents`` per share and, with
    ``supports_bounds``, ``fn(total, weights, minimum=..., maximum=...)`` keeps
    every share within the bounds. Raises :class:`AssertionError` with the
    counterexample.

    >>> from welfare_ambito.budget import allocate
    >>> check_allocator(lambda total, weights: dict(allocate(total, weights)), max_examples=20)
    """
    from welfare_ambito.testing import strategies as was

    totals = was.money(max_value=1_000_000)
    weights = was.allocation_weights(max_size=max_recipients, zeros=supports_zero_weights)
    properties: list[Callable[..., None]] = [
        assert_exact_sum,
        assert_non_negative,
        assert_order_independent,
    ]
    if agrees_with_largest_remainder:
        properties.append(
            lambda f, t, w: assert_agrees_with_largest_remainder(f, t, w, tolerance_cents)
        )
    for prop in properties:
        run(_bind_allocator(prop, fn), totals, weights, max_examples=max_examples)
    if supports_bounds:
        positive = was.allocation_weights(max_size=max_recipients, zeros=False)

        def bounded(case: tuple[Money, dict[str, int], Money, Money]) -> None:
            assert_bounds(fn, *case)

        run(bounded, bounded_inputs(positive), max_examples=max_examples)


# -- eligibility screens ---------------------------------------------------------------------


def _outcome(value: Any) -> str:
    if isinstance(value, bool):
        return "eligible" if value else "not_eligible"
    text = str(getattr(value, "value", value))
    if text not in ("eligible", "not_eligible", "needs_review"):
        raise AssertionError(
            f"the screen answered {value!r}; expected 'eligible', 'not_eligible' or 'needs_review'"
            " (or a bool)"
        )
    return text


def describe_family(family: Any, on: dt.date) -> str:
    """The family as ids, ages and judgements: never a birth date."""
    kids = []
    for child in family.children:
        age = child.age_on(on)
        note = ""
        turning = child.age_on(on + dt.timedelta(days=1)) if on < dt.date.max else age
        if age > 0 and child.age_on(on - dt.timedelta(days=1)) < age:
            note = " (birthday on the reference day)"
        elif turning > age:
            note = " (birthday the day after)"
        kids.append(f"{child.id}: {age}{note}")
    judgements = ", ".join(
        f"{name}={getattr(getattr(family, name), 'value', getattr(family, name))}"
        for name in (
            "pre_assessment",
            "em_orientation",
            "removal_in_progress",
            "trust_in_services",
            "abuse_or_severe_maltreatment",
        )
    )
    return (
        f"family {family.id} on {on.isoformat()}\n"
        f"  children (id: age): {'; '.join(kids)}\n"
        f"  {judgements}"
    )


def assert_screen_agrees(
    screen: Callable[[Any, dt.date], Any],
    family: Any,
    on: dt.date,
    *,
    profile: Any = DEFAULT_PROFILE,
    needs_review_as: str | None = None,
) -> None:
    """``screen(family, on)`` gives the outcome of :func:`welfare_ambito.eligibility.assess`."""
    from welfare_ambito.eligibility import assess

    assessment = assess(family, on=on, profile=profile, lang="en")
    expected = assessment.outcome.value
    if needs_review_as is not None and expected == "needs_review":
        expected = needs_review_as
    actual = _outcome(screen(family, on))
    if actual != expected:
        reasons = "\n".join(f"    - {r}" for r in assessment.reasons())
        raise AssertionError(
            f"the screen says {actual!r}, welfare_ambito says {expected!r} for "
            f"{describe_family(family, on)}\n  why (profile {assessment.profile}):\n{reasons}"
        )


def reference_days(days: tuple[dt.date, dt.date] = DEFAULT_DAYS) -> st.SearchStrategy[dt.date]:
    """Reference days for eligibility, in the profile's period."""
    return st.dates(min_value=days[0], max_value=days[1])


class EligibilityCase:
    """A family and a reference day, shown by ids and ages only (never a birth date).

    Hypothesis prints the counterexample with this ``repr``.
    """

    __slots__ = ("family", "on")

    def __init__(self, family: Any, on: dt.date) -> None:
        self.family = family
        self.on = on

    def __iter__(self) -> Any:
        return iter((self.family, self.on))

    def __repr__(self) -> str:
        ages = ", ".join(f"{c.id}: {c.age_on(self.on)}" for c in self.family.children)
        return (
            f"EligibilityCase(family={self.family.id!r}, on={self.on.isoformat()}, ages={{{ages}}})"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


@st.composite
def eligibility_cases(
    draw: st.DrawFn,
    *,
    outcome: str | None = None,
    birthdays: bool = False,
    profile: Any = DEFAULT_PROFILE,
    days: tuple[dt.date, dt.date] = DEFAULT_DAYS,
) -> EligibilityCase:
    """(family, reference day) cases of ``outcome`` (``None``: each outcome in turn).

    ``outcome="any"`` draws every judgement freely (many unrecorded).
    """
    from welfare_ambito.testing import strategies as was

    on = draw(reference_days(days))
    if outcome is None:
        outcome = draw(st.sampled_from(was.OUTCOMES))
    if outcome == "any":
        family = draw(was.families(on=on, birthdays=birthdays))
    else:
        family = draw(was.families(on=on, outcome=outcome, profile=profile, birthdays=birthdays))  # type: ignore[arg-type]
    return EligibilityCase(family, on)


EDGE_DAYS: tuple[dt.date, ...] = (
    dt.date(2024, 2, 28),
    dt.date(2024, 2, 29),
    dt.date(2025, 2, 28),
    dt.date(2025, 6, 15),
)
"""Reference days of the fixed birthday cases: around 29 February, and an ordinary day."""


def birthday_edge_cases(
    profile: Any = DEFAULT_PROFILE, days: Iterable[dt.date] = EDGE_DAYS
) -> tuple[EligibilityCase, ...]:
    """Fixed cases at every age edge: one child turning the next age today or tomorrow.

    For each reference day and each age from 10 to 18, a family whose only child
    has a birthday on that day, and one whose only child has it the next day,
    with every judgement favourable: where a band ends (11, 14, 17), an age
    computed by subtracting years moves the family to another group or outcome.
    These run before the generated cases, so such a bug is always found.
    """
    from dateutil.relativedelta import relativedelta

    from welfare_ambito.model import Child, EMOrientation, Family, PreAssessment

    cases = []
    for on in days:
        for age in range(10, 19):
            births = {
                "today": on - relativedelta(years=age),
                "tomorrow": on - relativedelta(years=age) + dt.timedelta(days=1),
            }
            for when, birth in births.items():
                family = Family(
                    id=f"EDGE-{on:%Y%m%d}-{age}-{when}",
                    children=(Child(id="EDGE-C1", birth_date=birth),),
                    pre_assessment=PreAssessment.WORRYING,
                    em_orientation=EMOrientation.KEEP_IN_FAMILY,
                    trust_in_services=True,
                    abuse_or_severe_maltreatment=False,
                    removal_in_progress=False,
                )
                cases.append(EligibilityCase(family, on))
    return tuple(cases)


ELIGIBILITY_SCENARIOS: tuple[tuple[str, str | None, bool], ...] = (
    ("eligible", "eligible", False),
    ("not_eligible", "not_eligible", False),
    ("needs_review", "needs_review", False),
    ("birthdays", None, True),
    ("any", "any", False),
)
"""(name, outcome knob, birthdays) of each eligibility property."""


def check_eligibility_screen(
    screen: Callable[[Any, dt.date], Any],
    *,
    profile: Any = DEFAULT_PROFILE,
    needs_review_as: str | None = None,
    days: tuple[dt.date, dt.date] = DEFAULT_DAYS,
    max_examples: int | None = None,
) -> None:
    """Check ``screen(family, on)`` against :func:`welfare_ambito.eligibility.assess`.

    The screen answers ``"eligible"``, ``"not_eligible"`` or ``"needs_review"``
    (or a bool: True for eligible). Families are generated for each outcome,
    with birthdays on the reference day, and with any judgements. A screen
    with no "needs review" answer passes ``needs_review_as="not_eligible"``.
    """

    def test(case: EligibilityCase) -> None:
        assert_screen_agrees(
            screen, case.family, case.on, profile=profile, needs_review_as=needs_review_as
        )

    for case in birthday_edge_cases(profile):
        test(case)
    for _, outcome, birthdays in ELIGIBILITY_SCENARIOS:
        run(
            test,
            eligibility_cases(outcome=outcome, birthdays=birthdays, profile=profile, days=days),
            max_examples=max_examples,
        )


# -- exporters and importers ----------------------------------------------------------------


def plan_differences(expected: Any, actual: Any) -> list[str]:
    """Paths where two plans differ, with both values (as our documents show them)."""
    from welfare_ambito.convert import format_path, unstructure

    out: list[str] = []

    def walk(a: Any, b: Any, path: tuple[str | int, ...]) -> None:
        if isinstance(a, dict) and isinstance(b, dict):
            for key in list(a) + [k for k in b if k not in a]:
                walk(a.get(key), b.get(key), (*path, key))
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for index, (x, y) in enumerate(zip(a, b, strict=True)):
                walk(x, y, (*path, index))
        elif a != b:
            where = format_path(path) or "$"
            out.append(f"{where}: expected {_short(a)}, got {_short(b)}")

    walk(unstructure(expected), unstructure(actual), ())
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _without(plan: Any, fields: Iterable[str]) -> Any:
    import attrs

    names = tuple(fields)
    if not names:
        return plan
    defaults = {f.name: f.default for f in attrs.fields(type(plan)) if f.name in names}
    return attrs.evolve(plan, **defaults)


def assert_round_trip(
    export: Callable[[Any], Any],
    import_: Callable[[Any], Any],
    plan: Any,
    *,
    ignore_fields: Iterable[str] = (),
) -> None:
    """``import_(export(plan))`` equals ``plan``, and so does our converter's reading of it."""
    from welfare_ambito.convert import dump, load
    from welfare_ambito.model import CoDesignPlan

    back = import_(export(plan))
    if not isinstance(back, CoDesignPlan):
        raise AssertionError(f"the importer returned {type(back).__name__}, not a CoDesignPlan")
    expected, actual = _without(plan, ignore_fields), _without(back, ignore_fields)
    if actual != expected:
        lines = "\n".join(f"  {d}" for d in plan_differences(expected, actual)[:20])
        raise AssertionError(
            f"plan {plan.id}: the round trip through your format lost or changed:\n{lines}"
        )
    ours: CoDesignPlan = load(dump(back, "dict"))
    if _without(ours, ignore_fields) != expected:  # pragma: no cover - our converter is lossless
        raise AssertionError(f"plan {plan.id}: our converter does not read back your plan")


def example_plans() -> list[Any]:
    """The embedded example plans."""
    from welfare_ambito import data

    return [data.example(name) for name in data.example_names()]


def check_plan_round_trip(
    export: Callable[[Any], Any],
    import_: Callable[[Any], Any],
    *,
    ignore_fields: Iterable[str] = (),
    profile: Any = DEFAULT_PROFILE,
    max_examples: int | None = None,
) -> None:
    """Check an exporter/importer pair: every plan comes back unchanged.

    Runs on the embedded examples, on any buildable plan and on plans that
    pass ``profile``. ``ignore_fields`` names top-level fields of
    :class:`~welfare_ambito.model.CoDesignPlan` your format does not keep.
    """
    from welfare_ambito.testing import strategies as was

    fields = tuple(ignore_fields)
    for plan in example_plans():
        assert_round_trip(export, import_, plan, ignore_fields=fields)

    def test(plan: Any) -> None:
        assert_round_trip(export, import_, plan, ignore_fields=fields)

    run(test, was.plans(), max_examples=max_examples)
    run(test, was.plans(profile=profile), max_examples=max_examples)


# -- plan producers ----------------------------------------------------------------------------


def assert_plan_passes(
    plan: Any,
    *,
    profile: Any = DEFAULT_PROFILE,
    on: dt.date | None = None,
    warnings: bool = False,
    needs_review: bool = False,
    request: Any = None,
) -> None:
    """``plan`` has no failing error rule of ``profile`` (optionally no warning, nothing to review)."""
    from welfare_ambito.model import CoDesignPlan
    from welfare_ambito.rules import Outcome, Severity, evaluate

    if not isinstance(plan, CoDesignPlan):
        raise AssertionError(f"the producer returned {type(plan).__name__}, not a CoDesignPlan")
    report = evaluate(plan, profile, on=on, lang="en")
    bad = [
        f
        for f in report.findings
        if (
            f.outcome is Outcome.FAIL
            and (f.severity is Severity.ERROR or (warnings and f.severity is Severity.WARNING))
        )
        or (needs_review and f.outcome is Outcome.NEEDS_REVIEW)
    ]
    if bad:
        listed = "\n".join(
            f"  - {f.rule} @ {f.path or '(plan)'}: {f.outcome.value} — {f.message}" for f in bad
        )
        asked = "" if request is None else f" (request {request!r})"
        raise AssertionError(
            f"plan {plan.id}{asked} breaks {len(bad)} rule(s) of {report.profile}:\n{listed}"
        )


def check_plan_producer(
    produce: Callable[[Any], Any],
    requests: Iterable[Any] | st.SearchStrategy[Any],
    *,
    profile: Any = DEFAULT_PROFILE,
    on: dt.date | None = None,
    warnings: bool = False,
    needs_review: bool = False,
    max_examples: int | None = None,
) -> None:
    """Check that every plan ``produce(request)`` makes passes the profile's error rules.

    ``requests`` is a list of inputs or a hypothesis strategy of them.
    """

    def test(request: Any) -> None:
        assert_plan_passes(
            produce(request),
            profile=profile,
            on=on,
            warnings=warnings,
            needs_review=needs_review,
            request=request,
        )

    if isinstance(requests, st.SearchStrategy):
        run(test, requests, max_examples=max_examples)
    else:
        for item in requests:
            test(item)

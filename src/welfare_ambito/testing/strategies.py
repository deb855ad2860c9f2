"""Hypothesis strategies for every domain object of welfare_ambito.

Strategies are functions with plural names and keyword-only knobs; each returns
*valid* objects by default. Compose them::

    from hypothesis import given
    from welfare_ambito.testing import strategies as was

    @given(was.families(on=date(2024, 1, 1), outcome="eligible"))
    def test_my_screen_accepts_eligible_families(family): ...

    @given(was.plans(profile="seregno-pippi-2023"))           # pass every rule of the profile
    def test_my_exporter(plan): ...

    @given(was.plans(violating="pippi.sedt.weekly_hours"))     # break exactly that rule
    def test_my_checker_flags_short_interventions(plan): ...

Knobs that depend on the notice (age bands, hour floors, the funding, the
cadences of group modules) are read from the profile's parameters, never
written here. With the ``hypothesis`` entry point installed,
``st.from_type(Family)`` and friends use these strategies too.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import string
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs
from dateutil.relativedelta import relativedelta

from welfare_ambito.testing import MissingTestingExtra

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError:
    raise MissingTestingExtra.for_package("hypothesis") from None

from welfare_ambito import data
from welfare_ambito.citations import Citation
from welfare_ambito.model import (
    Adversity,
    Ambito,
    Budget,
    BudgetLine,
    Cadence,
    Child,
    CoDesignPlan,
    Comune,
    EMOrientation,
    Family,
    FundingSource,
    GroupKind,
    GroupModule,
    HourPlan,
    ImpactEvaluation,
    Intervention,
    InterventionKind,
    Partner,
    PreAssessment,
    Profession,
    Programme,
    ReportDue,
    ReportKind,
    ServiceOffer,
    ServiceScope,
    StaffMember,
)
from welfare_ambito.money import Money
from welfare_ambito.periods import Period
from welfare_ambito.testing import _declarations_strategies

__all__ = [
    "GROUPS",
    "OUTCOMES",
    "MalformedDocument",
    "Violation",
    "allocation_weights",
    "ambiti",
    "budget_lines",
    "budgets",
    "children",
    "citations",
    "comuni",
    "dates",
    "families",
    "funding_sources",
    "group_modules",
    "hour_plans",
    "hours",
    "identifiers",
    "impact_evaluations",
    "interventions",
    "malformed_documents",
    "money",
    "partners",
    "periods",
    "plan_documents",
    "plans",
    "report_dues",
    "service_offers",
    "staff_members",
    "supported_violations",
    "violations",
]

DEFAULT_PROFILE = "seregno-pippi-2023"

OUTCOMES: tuple[str, ...] = ("eligible", "not_eligible", "needs_review")
"""The outcomes :func:`families` can be asked for (those of ``eligibility.assess``)."""

GROUPS: tuple[str, ...] = ("core", "preadolescent", "reunification")
"""The groups :func:`families` can be asked for: ages 0–11, the 11–14 group, reunification."""

_ID_FIRST = string.ascii_letters + string.digits
_ID_REST = _ID_FIRST + "._-"


def identifiers(*, prefix: str = "") -> st.SearchStrategy[str]:
    """Pseudonymous identifiers (letters, digits, ``._-``), optionally prefixed."""
    return st.builds(
        lambda first, rest: f"{prefix}{first}{rest}",
        st.sampled_from(_ID_FIRST),
        st.text(_ID_REST, max_size=10),
    )


def money(
    *, min_value: Money | int | str = 0, max_value: Money | int | str = 10_000_000
) -> st.SearchStrategy[Money]:
    """Amounts between ``min_value`` and ``max_value`` (inclusive), exact to the cent."""
    low = min_value if isinstance(min_value, Money) else Money(min_value)
    high = max_value if isinstance(max_value, Money) else Money(max_value)
    if low > high:
        raise InvalidArgument(f"money(): min_value {low!r} is above max_value {high!r}")
    return st.integers(low.cents, high.cents).map(Money.from_cents)


def hours(
    *, min_value: int | Decimal = 0, max_value: int | Decimal = 10_000, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Hours as Decimals with at most ``places`` decimals."""
    return st.decimals(
        min_value=Decimal(min_value),
        max_value=Decimal(max_value),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    ).map(lambda d: d.normalize() if d == d.to_integral_value() else d)


def dates(
    *, min_value: dt.date = dt.date(2000, 1, 1), max_value: dt.date = dt.date(2040, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Dates in a range (leap days included)."""
    return st.dates(min_value=min_value, max_value=max_value)


def periods(
    *,
    min_start: dt.date = dt.date(2015, 1, 1),
    max_start: dt.date = dt.date(2030, 12, 31),
    max_days: int = 4 * 366,
) -> st.SearchStrategy[Period]:
    """Periods starting between ``min_start`` and ``max_start``, at most ``max_days`` long."""
    return st.builds(
        lambda start, length: Period(start, start + dt.timedelta(days=length)),
        st.dates(min_value=min_start, max_value=max_start),
        st.integers(0, max_days - 1),
    )


_NAMES = st.text(string.ascii_letters + " '", min_size=1, max_size=20).filter(lambda s: s.strip())


def comuni() -> st.SearchStrategy[Comune]:
    """Comuni with invented names, optional ISTAT code and aliases."""
    return st.builds(
        Comune,
        name=_NAMES,
        istat_code=st.none() | st.from_regex(r"\A\d{6}\Z"),
        aliases=st.lists(_NAMES, max_size=2).map(tuple),
    )


@st.composite
def ambiti(draw: st.DrawFn, *, min_size: int = 1, max_size: int = 12) -> Ambito:
    """Ambiti with distinct Comuni (names and aliases never clash); the embedded ones too."""
    embedded = draw(st.booleans())
    if embedded and min_size <= len(data.seregno()) <= max_size:
        return data.seregno()
    count = draw(st.integers(min_size, max_size))
    members = tuple(
        Comune(
            name=f"Comune {index} {draw(st.sampled_from('ABCDEFGH'))}",
            istat_code=f"{100000 + index}",
        )
        for index in range(count)
    )
    lead = draw(st.sampled_from(members)).name
    return Ambito(id=draw(identifiers()), name=f"Ambito {draw(_NAMES)}", lead=lead, comuni=members)


def _birth_dates(on: dt.date, age: int, *, birthdays: bool) -> st.SearchStrategy[dt.date]:
    latest = on - relativedelta(years=age)  # born on this day: exactly `age` on `on`
    earliest = on - relativedelta(years=age + 1) + dt.timedelta(days=1)  # `age + 1` tomorrow
    if birthdays:
        return st.sampled_from((latest, earliest))
    return st.dates(min_value=earliest, max_value=latest)


@st.composite
def children(
    draw: st.DrawFn,
    *,
    on: dt.date = dt.date(2024, 1, 1),
    min_age: int = 0,
    max_age: int = 17,
    birthdays: bool = False,
) -> Child:
    """A child aged ``min_age``–``max_age`` on ``on`` (birthdays at the edges included).

    With ``birthdays=True`` every child sits on an edge of its age: a birthday on
    ``on``, or the earliest birth date that still gives that age (the next birthday
    is the day after, or around 29 February a day or two later): the cases where an
    age computed by subtracting years goes wrong.
    """
    age = draw(st.integers(min_age, max_age))
    birth = draw(_birth_dates(on, age, birthdays=birthdays))
    return Child(id=draw(identifiers(prefix="C")), birth_date=birth)


# -- families and eligibility -----------------------------------------------------------


class _Draws:
    """Small choices from one hypothesis-recorded :class:`random.Random` (shrinkable, fast)."""

    __slots__ = ("_random",)

    def __init__(self, random: Any) -> None:
        self._random = random

    def integer(self, low: int, high: int) -> int:
        return int(self._random.randint(low, high))

    def boolean(self) -> bool:
        return bool(self._random.getrandbits(1))

    def choice(self, options: Any) -> Any:
        listed = tuple(options)
        return listed[self._random.randrange(len(listed))]

    def shuffled(self, items: Any) -> list[Any]:
        listed = list(items)
        self._random.shuffle(listed)
        return listed

    def subset(self, items: Any, *, min_size: int = 0, max_size: int | None = None) -> list[Any]:
        listed = self.shuffled(items)
        top = len(listed) if max_size is None else min(max_size, len(listed))
        return listed[: self.integer(min(min_size, top), top)]

    def identifier(self, prefix: str) -> str:
        rest = "".join(self.choice(_ID_REST) for _ in range(self.integer(0, 4)))
        return f"{prefix}{self.choice(_ID_FIRST)}{rest}"

    def identifiers(self, prefix: str, count: int) -> list[str]:
        seen: dict[str, None] = {}
        attempt = 0
        while len(seen) < count:
            attempt += 1
            candidate = self.identifier(prefix)
            # every other one is numbered, as case files often are; a clash is numbered too
            if len(seen) % 2 == 0 or candidate in seen:
                candidate = f"{prefix}{len(seen) + 1:02d}.{attempt}"
            seen[candidate] = None
        return list(seen)

    def birth_date(self, on: dt.date, age: int, *, birthdays: bool) -> dt.date:
        latest = on - relativedelta(years=age)
        earliest = on - relativedelta(years=age + 1) + dt.timedelta(days=1)
        if birthdays:
            return latest if self.boolean() else earliest
        return earliest + dt.timedelta(days=self.integer(0, (latest - earliest).days))


@attrs.frozen
class _Bands:
    """Whole-year age ranges of the target, from the profile's parameters."""

    core: tuple[int, int]
    preadolescent_only: tuple[int, int]
    adolescent: tuple[int, int]
    minor: tuple[int, int]


def _load_profile(profile: Any) -> Any:
    from welfare_ambito.rules import load_profile

    return profile if hasattr(profile, "rule_ids") else load_profile(profile)


def _param(profile: Any, name: str, on: dt.date, default: Any = None) -> Any:
    if name not in profile.parameters:
        return default
    return profile.parameters.value(name, on)


def _bands(profile: Any, on: dt.date) -> _Bands:
    from welfare_ambito.eligibility.pippi import AgeBands

    names = AgeBands.PARAMETERS
    if all(n in profile.parameters for n in names):
        bands = AgeBands.from_parameters(profile.parameters.at(on, names))
    else:
        bands = AgeBands()
    core_min, core_max = int(bands.core_min), int(bands.core_max)
    pre_min, pre_max = int(bands.preadolescent_min), int(bands.preadolescent_max)
    top = int(bands.adolescent_max)
    return _Bands(
        core=(core_min, core_max),
        preadolescent_only=(max(pre_min, core_max + 1), pre_max),
        adolescent=(pre_max + 1, top),
        minor=(core_min, top),
    )


def _core_by_overlap_only(profile: Any, on: dt.date, family: Family) -> bool:
    from welfare_ambito.eligibility.pippi import AgeBands

    names = AgeBands.PARAMETERS
    if all(n in profile.parameters for n in names):
        bands = AgeBands.from_parameters(profile.parameters.at(on, names))
    else:
        bands = AgeBands()
    return bands.core_only_by_overlap(family.ages_on(on))


def _error_rules(profile: Any) -> frozenset[str]:
    from welfare_ambito.rules import Severity

    return frozenset(r.id for r in profile.rules if r.severity is Severity.ERROR)


# Each way a family fails (or is undecided) under assess, by the rule that decides it.
_FAIL_REASONS: dict[str, str] = {
    "age": "pippi.target.age_group",
    "abuse": "pippi.target.no_abuse",
    "pre_assessment": "pippi.target.pre_assessment",
    "orientation": "pippi.target.em_orientation",
    "trust": "pippi.target.trust",
}
_REVIEW_REASONS: dict[str, str] = {
    "abuse": "pippi.target.no_abuse",
    "pre_assessment": "pippi.target.pre_assessment",
    "orientation_missing": "pippi.target.em_orientation",
    "keep_with_removal": "pippi.target.em_orientation",
    "reunification_without_removal": "pippi.target.em_orientation",
    "trust": "pippi.target.trust",
}


def _age_in(d: _Draws, band: tuple[int, int], edges: frozenset[int]) -> int:
    """An age in ``band``; with ``edges`` (birthday mode) one at a band's edge."""
    if edges:
        return int(
            d.choice(sorted({band[0], band[1]} | {e for e in edges if band[0] <= e <= band[1]}))
        )
    return d.integer(*band)


def _ages(
    d: _Draws,
    band: tuple[int, int],
    others: tuple[int, int],
    count: int,
    edges: frozenset[int] = frozenset(),
) -> list[int]:
    """``count`` ages: the first in ``band``, the rest in ``others``, shuffled."""
    ages = [_age_in(d, band, edges)] + [_age_in(d, others, edges) for _ in range(count - 1)]
    return list(d.shuffled(ages))


@st.composite
def _target_families(draw: st.DrawFn, /, **knobs: Any) -> Family:
    return _family(_Draws(draw(st.randoms(use_true_random=False))), **knobs)


def _family(
    d: _Draws,
    *,
    on: dt.date,
    outcome: str | None,
    group: str | None,
    profile: Any,
    min_children: int,
    max_children: int,
    birthdays: bool,
) -> Family:
    bands = _bands(profile, on)
    in_profile = set(profile.rule_ids)
    errors = _error_rules(profile)
    count = d.integer(min_children, max_children)
    if outcome is None:
        outcome = d.choice(OUTCOMES)
    # with birthdays, ages sit at the bands' edges, where a wrong age changes the group
    edges = (
        frozenset({*bands.core, bands.core[1] + 1, *bands.preadolescent_only, *bands.adolescent})
        if birthdays
        else frozenset()
    )
    upper = (bands.preadolescent_only[0], bands.minor[1])

    def eligible_ages() -> list[int]:
        if group == "core":
            return _ages(d, bands.core, bands.minor, count, edges)
        if group == "preadolescent":
            return _ages(d, bands.preadolescent_only, upper, count, edges)
        if d.boolean():
            return _ages(d, bands.core, bands.minor, count, edges)
        return _ages(d, bands.preadolescent_only, upper, count, edges)

    def passing_orientation() -> tuple[EMOrientation | None, bool | None]:
        if group == "reunification" or (group is None and d.boolean()):
            return EMOrientation.REUNIFICATION, d.choice((True, None))
        return EMOrientation.KEEP_IN_FAMILY, d.choice((False, None))

    fields: dict[str, Any] = {
        "abuse_or_severe_maltreatment": False,
        "pre_assessment": PreAssessment.WORRYING,
        "trust_in_services": True,
    }
    orientation, removal = passing_orientation()
    ages: list[int] | None = None
    if outcome == "not_eligible":
        reasons = [r for r, rule_id in _FAIL_REASONS.items() if rule_id in errors]
        if group in ("core", "preadolescent") or bands.adolescent[0] > bands.adolescent[1]:
            reasons = [r for r in reasons if r != "age"]
        if group == "reunification":
            reasons = [r for r in reasons if r != "orientation"]
        if not reasons:
            raise InvalidArgument(
                f"families(outcome='not_eligible', group={group!r}): profile {profile.id!r} "
                "has no error rule that can exclude such a family"
            )
        chosen = d.subset(reasons, min_size=1)
        st.sampled_from((True, False, None))
        fields = {
            "abuse_or_severe_maltreatment": True
            if "abuse" in chosen
            else d.choice((True, False, None)),
            "pre_assessment": PreAssessment.NOT_WORRYING
            if "pre_assessment" in chosen
            else d.choice((*PreAssessment, None)),
            "trust_in_services": False if "trust" in chosen else d.choice((True, False, None)),
        }
        if "orientation" in chosen:
            orientation, removal = EMOrientation.REMOVAL, d.choice((True, False, None))
        elif group == "reunification":
            orientation, removal = EMOrientation.REUNIFICATION, d.choice((True, False, None))
        else:
            orientation = d.choice((*EMOrientation, None))
            removal = d.choice((True, False, None))
        if "age" in chosen:
            ages = [_age_in(d, bands.adolescent, edges) for _ in range(count)]
        elif group in ("core", "preadolescent"):
            ages = eligible_ages()
        else:
            ages = [_age_in(d, bands.minor, edges) for _ in range(count)]
    elif outcome == "needs_review":
        reasons = [r for r, rule_id in _REVIEW_REASONS.items() if rule_id in in_profile]
        if group == "reunification":
            reasons = [r for r in reasons if r not in ("orientation_missing", "keep_with_removal")]
        if not reasons:
            raise InvalidArgument(
                f"families(outcome='needs_review'): profile {profile.id!r} has no rule that "
                "can leave such a family undecided"
            )
        chosen = d.subset(reasons, min_size=1)
        if "abuse" in chosen:
            fields["abuse_or_severe_maltreatment"] = None
        if "pre_assessment" in chosen:
            fields["pre_assessment"] = None
        if "trust" in chosen:
            fields["trust_in_services"] = None
        orientation_reasons = [
            r
            for r in chosen
            if r in ("orientation_missing", "keep_with_removal", "reunification_without_removal")
        ]
        if orientation_reasons:
            which = d.choice(orientation_reasons)
            orientation, removal = {
                "orientation_missing": (None, d.choice((True, False, None))),
                "keep_with_removal": (EMOrientation.KEEP_IN_FAMILY, True),
                "reunification_without_removal": (EMOrientation.REUNIFICATION, False),
            }[which]
    elif outcome != "eligible":  # pragma: no cover - validated by families()
        raise InvalidArgument(f"unknown outcome {outcome!r}")
    if ages is None:
        ages = eligible_ages()
    family_id = d.identifier("F")
    kids = tuple(
        Child(id=f"{family_id}-C{index + 1}", birth_date=d.birth_date(on, age, birthdays=birthdays))
        for index, age in enumerate(ages)
    )
    return Family(
        id=family_id,
        children=kids,
        em_orientation=orientation,
        removal_in_progress=removal,
        adversities=frozenset(d.subset(tuple(Adversity))),
        **fields,
    )


@st.composite
def _any_families(
    draw: st.DrawFn,
    *,
    on: dt.date,
    min_children: int,
    max_children: int,
    min_age: int,
    max_age: int,
    birthdays: bool,
) -> Family:
    kids = draw(
        st.lists(
            children(on=on, min_age=min_age, max_age=max_age, birthdays=birthdays),
            min_size=min_children,
            max_size=max_children,
            unique_by=lambda c: c.id,
        )
    )
    return Family(
        id=draw(identifiers(prefix="F")),
        children=tuple(kids),
        pre_assessment=draw(st.none() | st.sampled_from(PreAssessment)),
        em_orientation=draw(st.none() | st.sampled_from(EMOrientation)),
        trust_in_services=draw(st.none() | st.booleans()),
        abuse_or_severe_maltreatment=draw(st.none() | st.booleans()),
        removal_in_progress=draw(st.none() | st.booleans()),
        adversities=draw(st.frozensets(st.sampled_from(Adversity))),
    )


def families(
    *,
    on: dt.date = dt.date(2024, 1, 1),
    min_children: int = 1,
    max_children: int = 4,
    min_age: int = 0,
    max_age: int = 17,
    outcome: Literal["eligible", "not_eligible", "needs_review"] | None = None,
    eligible: bool | None = None,
    group: Literal["core", "preadolescent", "reunification"] | None = None,
    profile: Any = DEFAULT_PROFILE,
    birthdays: bool = False,
) -> st.SearchStrategy[Family]:
    """Families whose children are aged ``min_age``–``max_age`` on ``on``.

    Without knobs every judgement is drawn freely (``None`` included). With
    ``outcome`` (or ``eligible=True/False``) the family has exactly that
    outcome under :func:`welfare_ambito.eligibility.assess` on ``on`` with
    ``profile``; with ``group`` it is in the core target (a child aged 0–11),
    the 11–14 group (no child 0–11) or the reunification group. The age
    bands are the profile's parameters; with knobs ``min_age``/``max_age`` are
    not used. ``birthdays=True`` puts every birthday on ``on`` or the day after.

    >>> from welfare_ambito.eligibility import assess
    >>> family = families(on=dt.date(2024, 1, 1), outcome="eligible").example()  # doctest: +SKIP
    >>> assess(family, on=dt.date(2024, 1, 1)).outcome.value  # doctest: +SKIP
    'eligible'
    """
    if eligible is not None:
        wanted = "eligible" if eligible else "not_eligible"
        if outcome is not None and outcome != wanted:
            raise InvalidArgument(
                f"families(): eligible={eligible} contradicts outcome={outcome!r}"
            )
        outcome = wanted  # type: ignore[assignment]
    if outcome is not None and outcome not in OUTCOMES:
        raise InvalidArgument(f"families(): outcome must be one of {OUTCOMES}, not {outcome!r}")
    if group is not None and group not in GROUPS:
        raise InvalidArgument(f"families(): group must be one of {GROUPS}, not {group!r}")
    if not 1 <= min_children <= max_children:
        raise InvalidArgument("families(): need 1 <= min_children <= max_children")
    if outcome is None and group is None:
        return _any_families(
            on=on,
            min_children=min_children,
            max_children=max_children,
            min_age=min_age,
            max_age=max_age,
            birthdays=birthdays,
        )
    return _target_families(
        on=on,
        outcome=outcome,
        group=group,
        profile=_load_profile(profile),
        min_children=min_children,
        max_children=max_children,
        birthdays=birthdays,
    )


def staff_members() -> st.SearchStrategy[StaffMember]:
    """Staff members with any profession and qualifications (some not recorded)."""
    maybe_bool = st.none() | st.booleans()
    return st.builds(
        StaffMember,
        id=identifiers(prefix="S"),
        profession=st.sampled_from(Profession),
        albo_registered=maybe_bool,
        psychotherapist=maybe_bool,
        years_in_tutela_minori=st.none() | hours(max_value=40),
        derogation_approved=maybe_bool,
        in_service=maybe_bool,
        weekly_hours=st.none() | hours(max_value=40),
        degree=st.none() | st.sampled_from(["social", "technical_administrative", "other"]),
        trainings=st.lists(_NAMES, max_size=2).map(tuple),
    )


def interventions(
    *,
    family_ids: tuple[str, ...] = (),
    kinds: tuple[InterventionKind, ...] = tuple(InterventionKind),
) -> st.SearchStrategy[Intervention]:
    """Interventions of ``kinds``; ``family`` is one of ``family_ids`` (or none if empty)."""
    family = st.sampled_from(family_ids) if family_ids else st.none()
    return st.builds(
        Intervention,
        id=identifiers(prefix="I"),
        kind=st.sampled_from(kinds),
        weekly_hours=hours(max_value=40),
        family=family,
        em_participation_included=st.none() | st.booleans(),
        period=st.none() | periods(),
    )


def group_modules(*, family_ids: tuple[str, ...] = ()) -> st.SearchStrategy[GroupModule]:
    """Group modules of any kind, cadence and size."""
    members = (
        st.lists(st.sampled_from(family_ids), unique=True, max_size=len(family_ids)).map(tuple)
        if family_ids
        else st.just(())
    )
    return st.builds(
        GroupModule,
        id=identifiers(prefix="G"),
        kind=st.sampled_from(GroupKind),
        meetings=st.integers(1, 20),
        cadence=st.sampled_from(Cadence),
        families=members,
    )


def hour_plans(
    *, professions: tuple[Profession, ...] = tuple(Profession), max_hours: int = 20_000
) -> st.SearchStrategy[HourPlan]:
    """Hour plans over some of ``professions``, with or without hourly costs."""
    return st.builds(
        lambda h, c: HourPlan(hours=h, hourly_cost={p: v for p, v in c.items() if p in h}),
        st.dictionaries(st.sampled_from(professions), hours(max_value=max_hours)),
        st.dictionaries(st.sampled_from(professions), money(min_value=0, max_value=100)),
    )


def budget_lines(*, comuni_names: tuple[str, ...] = ()) -> st.SearchStrategy[BudgetLine]:
    """Top-level budget lines (no parent)."""
    return st.builds(
        BudgetLine,
        id=identifiers(prefix="L"),
        label=_NAMES,
        amount=money(max_value=1_000_000),
        scope=st.none() | st.sampled_from(ServiceScope),
        comune=st.sampled_from(comuni_names) if comuni_names else st.none(),
    )


@st.composite
def budgets(
    draw: st.DrawFn, *, comuni_names: tuple[str, ...] = (), consistent: bool = True
) -> Budget:
    """Budgets whose lines add up to ``total`` when ``consistent`` (the default)."""
    lines = draw(
        st.lists(
            budget_lines(comuni_names=comuni_names), max_size=6, unique_by=lambda line: line.id
        )
    )
    stated = sum((line.amount for line in lines), Money(0))
    total = stated if consistent else draw(money(max_value=10_000_000))
    years = draw(st.none() | st.integers(1, 5))
    return Budget(
        total=total,
        lines=tuple(lines),
        years=years,
        overall_total=total * years if years else None,
    )


def _texts() -> st.SearchStrategy[str]:
    return st.text(string.ascii_letters + " .,'-", min_size=1, max_size=30).filter(str.strip)


def partners() -> st.SearchStrategy[Partner]:
    """Third-sector partners (fictitious names; no fiscal code, as in the examples)."""
    return st.builds(Partner, name=_texts())


def funding_sources(
    *, min_value: Money | int | str = 0, max_value: Money | int | str = 10_000_000
) -> st.SearchStrategy[FundingSource]:
    """Funding sources with an amount between ``min_value`` and ``max_value``."""
    return st.builds(
        FundingSource,
        name=_texts(),
        amount=money(min_value=min_value, max_value=max_value),
        code=st.none() | identifiers(),
    )


def report_dues() -> st.SearchStrategy[ReportDue]:
    """Reports due, each covering a period, with or without a due date."""
    return st.builds(
        ReportDue, kind=st.sampled_from(ReportKind), covers=periods(), due=st.none() | dates()
    )


def impact_evaluations() -> st.SearchStrategy[ImpactEvaluation]:
    """Social-impact evaluations: a method and a few indicators."""
    return st.builds(
        ImpactEvaluation, method=_texts(), indicators=st.lists(_texts(), max_size=3).map(tuple)
    )


def service_offers(
    *, comuni_names: tuple[str, ...] = (), staff_ids: tuple[str, ...] = ()
) -> st.SearchStrategy[ServiceOffer]:
    """Service offers naming some of ``comuni_names`` and ``staff_ids``."""
    return st.builds(
        ServiceOffer,
        service=identifiers(),
        scope=st.none() | st.sampled_from(ServiceScope),
        comuni=st.lists(st.sampled_from(comuni_names), unique=True).map(tuple)
        if comuni_names
        else st.just(()),
        weekly_hours=st.none() | hours(max_value=40),
        staff=st.lists(st.sampled_from(staff_ids), unique=True).map(tuple)
        if staff_ids
        else st.just(()),
    )


def citations() -> st.SearchStrategy[Citation]:
    """Citations of a document, section and quote."""
    return st.builds(
        Citation,
        document=_texts(),
        section=_texts(),
        quote=_texts(),
        verified_on=st.none() | dates(),
        url=st.none() | st.just("https://example.org/notice.pdf"),
    )


def allocation_weights(
    *, min_size: int = 1, max_size: int = 12, max_weight: int = 10_000, zeros: bool = True
) -> st.SearchStrategy[dict[str, int]]:
    """Weights for an allocation: recipient → non-negative int, at least one positive.

    Recipients are Comune-like names; ``zeros=False`` keeps every weight positive.
    """
    names = st.text(string.ascii_letters + " ", min_size=1, max_size=12).filter(
        lambda s: s.strip() == s and s != ""
    )
    weight = st.integers(0 if zeros else 1, max_weight)
    return st.dictionaries(names, weight, min_size=min_size, max_size=max_size).filter(
        lambda w: any(w.values())
    )


# -- whole plans ------------------------------------------------------------------------


@st.composite
def _structural_plans(
    draw: st.DrawFn, *, programme: Programme | None = None, max_families: int = 6
) -> CoDesignPlan:
    ambito = draw(ambiti())
    family_list = draw(st.lists(families(), max_size=max_families, unique_by=lambda f: f.id))
    comune_names = ambito.names()
    family_list = [
        f
        if not draw(st.booleans())
        else attrs.evolve(f, comune=draw(st.sampled_from(comune_names)))
        for f in family_list
    ]
    family_ids = tuple(f.id for f in family_list)
    staff = draw(st.lists(staff_members(), max_size=4, unique_by=lambda s: s.id))
    staff_ids = tuple(s.id for s in staff)
    offers = draw(
        st.lists(
            st.builds(
                ServiceOffer,
                service=identifiers(),
                scope=st.none() | st.sampled_from(ServiceScope),
                comuni=st.lists(st.sampled_from(comune_names), unique=True, max_size=3).map(tuple),
                weekly_hours=st.none() | hours(max_value=40),
                staff=(
                    st.lists(st.sampled_from(staff_ids), unique=True, max_size=2).map(tuple)
                    if staff_ids
                    else st.just(())
                ),
            ),
            max_size=3,
        )
    )
    period = draw(st.none() | periods())
    reports: list[ReportDue] = []
    if period is not None and draw(st.booleans()):
        reports = [
            ReportDue(kind=ReportKind.SEMIANNUAL_ACCOUNTING, covers=s) for s in period.semesters()
        ]
    return CoDesignPlan(
        id=draw(identifiers(prefix="P")),
        ambito=ambito,
        partner=Partner(name=draw(_NAMES)),
        programme=programme if programme is not None else draw(st.sampled_from(Programme)),
        title=draw(st.none() | _NAMES),
        period=period,
        funding=draw(
            st.none()
            | st.builds(FundingSource, name=_NAMES, amount=money(), code=st.none() | _NAMES)
        ),
        cup=draw(st.none() | st.from_regex(r"\A[A-Z0-9]{15}\Z")),
        hour_plan=draw(st.none() | hour_plans()),
        budget=draw(st.none() | budgets(comuni_names=comune_names)),
        families=tuple(family_list),
        interventions=tuple(
            draw(
                st.lists(interventions(family_ids=family_ids), max_size=6, unique_by=lambda i: i.id)
            )
        ),
        groups=tuple(
            draw(
                st.lists(group_modules(family_ids=family_ids), max_size=3, unique_by=lambda g: g.id)
            )
        ),
        staff=tuple(staff),
        services=tuple(offers),
        reports=tuple(reports),
        impact_evaluation=draw(
            st.none()
            | st.builds(
                ImpactEvaluation, method=_NAMES, indicators=st.lists(_NAMES, max_size=3).map(tuple)
            )
        ),
    )


def plans(
    *,
    programme: Programme | None = None,
    max_families: int = 6,
    profile: Any = None,
    violating: str | None = None,
) -> st.SearchStrategy[CoDesignPlan]:
    """Whole plans.

    * ``plans()``: any plan that can be built (references resolve), whatever the
      rules say: for converters and exporters.
    * ``plans(profile="seregno-pippi-2023")``: plans on which every rule of the
      profile passes or does not apply (no failure, nothing to review), evaluated
      on the plan's first day. P.I.P.P.I. profiles are supported.
    * ``plans(violating="pippi.sedt.weekly_hours")``: a compliant plan changed so
      that this rule fails and — as far as the rules allow — no other rule's
      outcome changes (see :func:`violations` for the pair). ``profile`` defaults
      to ``seregno-pippi-2023``. An id that cannot be violated raises
      :class:`UnsupportedRule` (listing the supported ones).
    """
    if violating is not None:
        return violations(violating, profile=profile or DEFAULT_PROFILE).map(lambda v: v.plan)
    if profile is not None:
        return _compliant_plans(_plan_context(_load_profile(profile)))
    return _structural_plans(programme=programme, max_families=max_families)


# -- compliant P.I.P.P.I. plans ----------------------------------------------------------


@attrs.frozen
class _PlanContext:
    profile: Any
    periods: tuple[Period, ...]


def _plan_context(profile: Any) -> _PlanContext:
    if profile.programme not in (None, Programme.PIPPI.value) or not any(
        r.startswith("pippi.") for r in profile.rule_ids
    ):
        raise InvalidArgument(
            f"plans(profile={profile.id!r}): compliant plans are generated for P.I.P.P.I. "
            "profiles only (programme = 'pippi')"
        )
    candidates: list[Period] = []
    if "pippi.project.period" in profile.parameters:
        for dated in profile.parameters["pippi.project.period"].values:
            value = dated.value
            for item in getattr(value, "values", (value,)):
                if isinstance(item, Period) and item not in candidates:
                    candidates.append(item)
    return _PlanContext(profile=profile, periods=tuple(candidates))


@functools.lru_cache(maxsize=64)
def _day_values(profile: Any, on: dt.date) -> dict[str, Any]:
    from welfare_ambito.rules import Readings
    from welfare_ambito.rules.pippi.hours import FLOOR_READING, FLOOR_READINGS, FLOORS, complies

    params = profile.parameters
    floors = {
        profession: Decimal(params.value(name, on))
        for profession, name in FLOORS.items()
        if name in params
    }
    reading = _param(profile, FLOOR_READING, on)
    in_force = (
        FLOOR_READINGS
        if reading is None
        else reading.values
        if isinstance(reading, Readings)
        else (reading,)
    )
    # A figure a plan may exceed and still comply under every reading in force (the educator's
    # floor always; the others only where the profile keeps «non inferiore» for every figure).
    exceedable = frozenset(
        p for p, floor in floors.items() if all(complies(p, floor + 1, floor, r) for r in in_force)
    )
    cadences_text = _param(profile, "pippi.groups.cadences", on, "weekly, fortnightly")
    return {
        "floors": floors,
        "exceedable": exceedable,
        "max_total": _param(profile, "pippi.budget.max_total", on),
        "min_weekly": Decimal(_param(profile, "pippi.sedt.min_weekly_hours", on, 0)),
        "min_meetings": int(_param(profile, "pippi.groups.min_meetings", on, 1)),
        "max_meetings": int(_param(profile, "pippi.groups.max_meetings", on, 20)),
        "cadences": tuple(
            Cadence(c.strip()) for c in str(cadences_text).split(",") if c.strip() in set(Cadence)
        ),
        "families": int(_param(profile, "pippi.implementation.families", on, 1)),
        "reunification_share": Decimal(_param(profile, "pippi.target.reunification_share", on, 1)),
        "preadolescent_share": Decimal(_param(profile, "pippi.target.preadolescent_share", on, 1)),
        "cup": _param(profile, "pippi.cup", on),
        "bands": _bands(profile, on),
    }


def _lowest_labour_cost(period: Period) -> Money:
    from welfare_ambito import costs

    window = Period(period.start, period.end + relativedelta(years=1))
    ranges = costs.labour_costs_during(window)
    return max((r.lowest for r in ranges), default=Money(0))


def _allowed(share: Decimal, families: int) -> int:
    return int((share * families) // 1)


def _reports(period: Period) -> tuple[ReportDue, ...]:
    from welfare_ambito.duties import reporting_calendar

    return reporting_calendar(
        period,
        (
            ReportKind.SEMIANNUAL_ACCOUNTING,
            ReportKind.ANNUAL_SUMMARY,
            ReportKind.SATISFACTION_SURVEY,
            ReportKind.OVERALL_EVALUATION,
        ),
    )


_PLAIN_TEXT = st.text(string.ascii_letters + " ", min_size=1, max_size=24).filter(
    lambda s: s.strip() != ""
)


@st.composite
def _compliant_plans(
    draw: st.DrawFn,
    context: _PlanContext,
    *,
    special_families: bool = True,
    hour_plan_line: bool = True,
    min_groups: int = 0,
) -> CoDesignPlan:
    profile = context.profile
    # The details come from a seeded random source: a plan has hundreds of small choices and
    # recording each one makes generation ten times slower (benchmarks/bench_strategies.py).
    # Hypothesis still controls (and replays) the seed; the counts and variants shrink.
    d = _Draws(random.Random(draw(st.integers(0, 2**32 - 1))))
    if context.periods:
        period = d.choice(context.periods)
    else:
        start = draw(st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)))
        period = Period(start, start + relativedelta(years=3) - dt.timedelta(days=1))
    on = period.start
    values = _day_values(profile, on)
    ambito = data.ambito(profile.ambito) if profile.ambito else draw(ambiti())
    names = ambito.names()

    # families: at least one implementation's worth, the special groups within their shares
    count = d.integer(values["families"], values["families"] + 4)
    reunification = preadolescent = 0
    if special_families:
        reunification = d.integer(0, _allowed(values["reunification_share"], count))
        preadolescent = d.integer(0, _allowed(values["preadolescent_share"], count))
    groups_wanted: list[str] = (
        ["reunification"] * reunification
        + ["preadolescent"] * preadolescent
        + ["core"] * (count - reunification - preadolescent)
    )
    family_ids = d.identifiers("F", count)
    family_list: list[Family] = []
    for family_id, wanted in zip(family_ids, d.shuffled(groups_wanted), strict=True):
        for _attempt in range(32):
            family = _family(
                d,
                on=on,
                outcome="eligible",
                group="preadolescent" if wanted == "preadolescent" else "core",
                profile=profile,
                min_children=1,
                max_children=3,
                birthdays=False,
            )
            # A family core only by a child of 11 (the bands' overlap) counts in the 11–14
            # group under one reading (pippi.cohort.age_overlap_reading): outside that group,
            # a family has a younger child, so the shares hold under every reading.
            if wanted == "preadolescent" or not _core_by_overlap_only(profile, on, family):
                break
        # each family counts in one group only, so the shares hold by construction
        if wanted == "reunification":
            family = attrs.evolve(
                family,
                em_orientation=EMOrientation.REUNIFICATION,
                removal_in_progress=d.choice((True, None)),
            )
        else:
            family = attrs.evolve(
                family, em_orientation=EMOrientation.KEEP_IN_FAMILY, removal_in_progress=False
            )
        family_list.append(
            attrs.evolve(
                family,
                id=family_id,
                children=tuple(
                    attrs.evolve(c, id=f"{family_id}-C{i + 1}")
                    for i, c in enumerate(family.children)
                ),
                comune=d.choice((None, *names)),
            )
        )

    # one educator intervention (SEDT) per family, at least the weekly floor
    interventions_list = [
        Intervention(
            id=f"SEDT-{family.id}",
            kind=InterventionKind.SEDT,
            weekly_hours=values["min_weekly"] + Decimal(d.integer(0, 24)) / 2,
            family=family.id,
            em_participation_included=d.choice((True, None)),
            comune=family.comune,
        )
        for family in family_list
    ]

    # group modules within the meetings range, at an allowed cadence
    group_list: list[GroupModule] = []
    if values["cadences"]:
        for index in range(d.integer(min_groups, max(min_groups, 3))):
            group_list.append(
                GroupModule(
                    id=f"G{index + 1}",
                    kind=d.choice(GroupKind),
                    meetings=d.integer(values["min_meetings"], values["max_meetings"]),
                    cadence=d.choice(values["cadences"]),
                    families=tuple(d.subset(family_ids, max_size=5)),
                )
            )

    # hour plan: at least the floors (exactly the figures the readings may hold exact), hourly
    # costs at least the lowest contractual cost
    floors: dict[Profession, Decimal] = values["floors"]
    lowest = _lowest_labour_cost(period)
    planned = {
        p: floor + (d.integer(0, max(1, int(floor) // 20)) if p in values["exceedable"] else 0)
        for p, floor in floors.items()
    }
    rates = {p: Money.from_cents(lowest.cents + d.integer(0, 1500)) for p in floors}
    hour_plan = HourPlan(hours=planned, hourly_cost=rates)
    max_total: Money | None = values["max_total"]
    cost = hour_plan.total_cost() or Money(0)
    if max_total is not None and cost > max_total:
        hour_plan = HourPlan(hours=dict(floors), hourly_cost=dict.fromkeys(floors, lowest))
        cost = hour_plan.total_cost() or Money(0)
        if cost > max_total:
            raise InvalidArgument(
                f"profile {profile.id!r}: the hour floors at the lowest labour cost ({cost}) "
                f"exceed the funding ({max_total}); no compliant plan exists"
            )
    room = (max_total - cost) if max_total is not None else Money(50_000)

    # budget: the staff line pays for the hour plan, the other lines fit in what is left
    lines: list[BudgetLine] = []
    left = room
    if hour_plan_line:
        extra = Money.from_cents(d.integer(0, left.cents))
        left = left - extra
        lines.append(
            BudgetLine(id="staff", label="Personale", amount=cost + extra, funds_hour_plan=True)
        )
    for index in range(d.integer(0 if hour_plan_line else 1, 3)):
        amount = Money.from_cents(d.integer(0, left.cents))
        left = left - amount
        lines.append(
            BudgetLine(id=f"other-{index + 1}", label=f"Altre spese {index + 1}", amount=amount)
        )
    budget = Budget(
        total=sum((line.amount for line in lines), Money(0)),
        lines=tuple(lines),
        period=d.choice((None, period)),
    )
    staff = tuple(
        StaffMember(id=f"{p.value[:3].upper()}-{i + 1}", profession=p) for i, p in enumerate(floors)
    )
    plan = CoDesignPlan(
        id=draw(identifiers(prefix="P")),
        ambito=ambito,
        partner=Partner(name=draw(_PLAIN_TEXT)),
        programme=Programme.PIPPI,
        title=draw(st.none() | _PLAIN_TEXT),
        period=period,
        funding=None
        if max_total is None
        else FundingSource(name="PNRR M5C2 1.1.1", amount=max_total),
        cup=values["cup"],
        hour_plan=hour_plan,
        budget=budget,
        families=tuple(family_list),
        interventions=tuple(interventions_list),
        groups=tuple(group_list),
        staff=staff,
        reports=_reports(period),
        impact_evaluation=ImpactEvaluation(
            method=draw(_PLAIN_TEXT),
            indicators=tuple(draw(st.lists(_PLAIN_TEXT, min_size=1, max_size=3))),
        ),
    )
    # what the partner declares (h14: welfare_ambito.testing._declarations_strategies)
    return _declarations_strategies.complete(plan, profile, on)


# -- plans that break one rule ------------------------------------------------------------


class UnsupportedRule(InvalidArgument, LookupError):
    """``plans(violating=...)`` was given a rule id it cannot violate."""


@attrs.frozen(kw_only=True)
class Violation:
    """A compliant plan (``base``) and the same plan changed to break ``rule`` (``plan``).

    ``on`` is the day to evaluate both on (the base plan's first day); ``change``
    says in a few words what was changed (ids only, no personal data).
    """

    rule: str
    base: CoDesignPlan
    plan: CoDesignPlan
    on: dt.date
    change: str


_Mutator = Callable[[st.DrawFn, CoDesignPlan, dict[str, Any]], tuple[CoDesignPlan, str]]


@attrs.frozen
class _Recipe:
    mutate: _Mutator
    special_families: bool = True
    hour_plan_line: bool = True
    min_groups: int = 0


def _replace_family(plan: CoDesignPlan, index: int, family: Family) -> CoDesignPlan:
    listed = list(plan.families)
    listed[index] = family
    return attrs.evolve(plan, families=tuple(listed))


def _family_field(**changes: Any) -> _Mutator:
    def mutate(
        draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
    ) -> tuple[CoDesignPlan, str]:
        index = draw(st.integers(0, len(plan.families) - 1))
        family = plan.families[index]
        return (
            _replace_family(plan, index, attrs.evolve(family, **changes)),
            f"family {family.id}: " + ", ".join(f"{k}={v}" for k, v in changes.items()),
        )

    return mutate


def _with_ages(draw: st.DrawFn, family: Family, band: tuple[int, int], on: dt.date) -> Family:
    return attrs.evolve(
        family,
        children=tuple(
            attrs.evolve(
                c, birth_date=draw(_birth_dates(on, draw(st.integers(*band)), birthdays=False))
            )
            for c in family.children
        ),
    )


def _age_group(
    draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
) -> tuple[CoDesignPlan, str]:
    bands: _Bands = values["bands"]
    if bands.adolescent[0] > bands.adolescent[1]:
        raise UnsupportedRule("the profile's age bands leave no age outside the target")
    index = draw(st.integers(0, len(plan.families) - 1))
    family = _with_ages(draw, plan.families[index], bands.adolescent, values["on"])
    return _replace_family(plan, index, family), f"family {family.id}: only children aged 15–17"


def _share(group: str) -> _Mutator:
    def mutate(
        draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
    ) -> tuple[CoDesignPlan, str]:
        from welfare_ambito.eligibility.pippi import in_reunification_group

        bands: _Bands = values["bands"]
        count = len(plan.families)
        if group == "reunification":
            inside = [in_reunification_group(f) for f in plan.families]
            allowed = _allowed(values["reunification_share"], count)
        else:
            low, high = bands.preadolescent_only
            inside = [
                all(low <= a <= high or a > bands.core[1] for a in f.ages_on(values["on"]))
                and any(low <= a <= high for a in f.ages_on(values["on"]))
                for f in plan.families
            ]
            allowed = _allowed(values["preadolescent_share"], count)
        needed = allowed + 1 - sum(inside)
        outside = [i for i, flag in enumerate(inside) if not flag]
        chosen = draw(st.permutations(outside))[:needed]
        for index in chosen:
            family = plan.families[index]
            if group == "reunification":
                family = attrs.evolve(
                    family, em_orientation=EMOrientation.REUNIFICATION, removal_in_progress=True
                )
            else:
                family = _with_ages(draw, family, bands.preadolescent_only, values["on"])
            plan = _replace_family(plan, index, family)
        ids = ", ".join(plan.families[i].id for i in sorted(chosen))
        return plan, f"families {ids} moved to the {group} group"

    return mutate


def _fewer_families(
    draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
) -> tuple[CoDesignPlan, str]:
    keep = values["families"] - 1
    if keep < 1:
        raise UnsupportedRule("the profile asks for one family at least: a plan has one")
    kept = plan.families[:keep]
    ids = {f.id for f in kept}
    return (
        attrs.evolve(
            plan,
            families=kept,
            interventions=tuple(i for i in plan.interventions if i.family in ids),
            groups=tuple(
                attrs.evolve(g, families=tuple(f for f in g.families if f in ids))
                for g in plan.groups
            ),
        ),
        f"only {keep} families",
    )


def _replace_group(plan: CoDesignPlan, index: int, group: GroupModule) -> CoDesignPlan:
    listed = list(plan.groups)
    listed[index] = group
    return attrs.evolve(plan, groups=tuple(listed))


def _meetings(
    draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
) -> tuple[CoDesignPlan, str]:
    index = draw(st.integers(0, len(plan.groups) - 1))
    options = [values["max_meetings"] + draw(st.integers(1, 5))]
    if values["min_meetings"] > 1:
        options.append(draw(st.integers(1, values["min_meetings"] - 1)))
    meetings = draw(st.sampled_from(options))
    group = attrs.evolve(plan.groups[index], meetings=meetings)
    return _replace_group(plan, index, group), f"group {group.id}: {meetings} meetings"


def _cadence(
    draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
) -> tuple[CoDesignPlan, str]:
    others = [c for c in Cadence if c not in values["cadences"] and c is not Cadence.IRREGULAR]
    if not others:
        raise UnsupportedRule("the profile allows every regular cadence")
    index = draw(st.integers(0, len(plan.groups) - 1))
    group = attrs.evolve(plan.groups[index], cadence=draw(st.sampled_from(others)))
    return _replace_group(plan, index, group), f"group {group.id}: cadence {group.cadence.value}"


def _sedt_hours(
    draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
) -> tuple[CoDesignPlan, str]:
    minimum: Decimal = values["min_weekly"]
    if minimum <= 0:
        raise UnsupportedRule("the profile sets no minimum of weekly hours")
    index = draw(st.integers(0, len(plan.interventions) - 1))
    steps = int(minimum * 2)
    hours_ = Decimal(draw(st.integers(0, steps - 1))) / 2
    listed = list(plan.interventions)
    listed[index] = attrs.evolve(listed[index], weekly_hours=hours_)
    return attrs.evolve(
        plan, interventions=tuple(listed)
    ), f"intervention {listed[index].id}: {hours_} hours a week"


def _hour_floor(profession: Profession) -> _Mutator:
    def mutate(
        draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
    ) -> tuple[CoDesignPlan, str]:
        floor: Decimal | None = values["floors"].get(profession)
        if floor is None or floor <= 0 or plan.hour_plan is None:
            raise UnsupportedRule(f"the profile sets no floor of {profession.value} hours")
        new = Decimal(draw(st.integers(0, int(floor) - 1 if floor == int(floor) else int(floor))))
        hours_ = dict(plan.hour_plan.hours)
        hours_[profession] = new
        return (
            attrs.evolve(plan, hour_plan=attrs.evolve(plan.hour_plan, hours=hours_)),
            f"hour plan: {new} {profession.value} hours",
        )

    return mutate


def _set_lines(plan: CoDesignPlan, lines: Sequence[BudgetLine]) -> CoDesignPlan:
    assert plan.budget is not None
    budget = attrs.evolve(
        plan.budget, lines=tuple(lines), total=sum((line.amount for line in lines), Money(0))
    )
    return attrs.evolve(plan, budget=budget)


def _over_funding(
    draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
) -> tuple[CoDesignPlan, str]:
    # The base plan has no staff line: raising an hourly cost makes the hours cost more than
    # the funding while the budget's lines stay within it.
    assert plan.hour_plan is not None
    assert plan.budget is not None
    max_total: Money = values["max_total"]
    other = sum((line.amount for line in plan.budget.top_level()), Money(0))
    cost = plan.hour_plan.total_cost() or Money(0)
    excess_cents = (max_total - other - cost).cents + 1 + draw(st.integers(0, 100_000))
    profession = max(plan.hour_plan.hours, key=lambda p: plan.hour_plan.hours_of(p))  # type: ignore[union-attr]
    quantity = plan.hour_plan.hours_of(profession)
    per_hour = -(-excess_cents // int(quantity.to_integral_value(rounding="ROUND_FLOOR") or 1))
    rates = dict(plan.hour_plan.hourly_cost)
    rates[profession] = rates[profession] + Money.from_cents(per_hour)
    return (
        attrs.evolve(plan, hour_plan=attrs.evolve(plan.hour_plan, hourly_cost=rates)),
        f"hour plan: {profession.value} at {rates[profession]} an hour",
    )


def _staff_line(
    draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any], *, over: bool
) -> tuple[CoDesignPlan, str]:
    assert plan.budget is not None
    assert plan.hour_plan is not None
    lines = list(plan.budget.lines)
    index = next(i for i, line in enumerate(lines) if line.funds_hour_plan)
    line = lines[index]
    if over:
        stated = sum((item.amount for item in plan.budget.top_level()), Money(0))
        raise_by = (values["max_total"] - stated).cents + 1 + draw(st.integers(0, 100_000))
        amount = line.amount + Money.from_cents(raise_by)
    else:
        cost = plan.hour_plan.total_cost() or Money(0)
        amount = Money.from_cents(draw(st.integers(0, cost.cents - 1)))
    lines[index] = attrs.evolve(line, amount=amount)
    return _set_lines(plan, lines), f"budget line {line.id}: {amount}"


def _labour_floor(
    draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
) -> tuple[CoDesignPlan, str]:
    assert plan.hour_plan is not None
    assert plan.period is not None
    from welfare_ambito import costs

    ranges = costs.labour_costs_during(plan.period)
    if not ranges:
        raise UnsupportedRule("no labour cost is in force during the plan's period")
    lowest = max(r.lowest for r in ranges)
    profession = draw(st.sampled_from(sorted(plan.hour_plan.hourly_cost)))
    rates = dict(plan.hour_plan.hourly_cost)
    rates[profession] = Money.from_cents(draw(st.integers(0, lowest.cents - 1)))
    return (
        attrs.evolve(plan, hour_plan=attrs.evolve(plan.hour_plan, hourly_cost=rates)),
        f"hour plan: {profession.value} at {rates[profession]} an hour",
    )


def _period(
    draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
) -> tuple[CoDesignPlan, str]:
    # Only the end moves: the evaluation day (the first day) and so every age stay the same;
    # the reports follow the new period so the duties still hold.
    assert plan.period is not None
    readings = values["periods"]
    start, end = plan.period.start, plan.period.end
    months = draw(
        st.integers(1, 12).filter(
            lambda m: Period(start, end + relativedelta(months=m)) not in readings
        )
    )
    period = Period(start, end + relativedelta(months=months))
    budget = plan.budget
    if budget is not None and budget.period is not None:
        budget = attrs.evolve(budget, period=period)
    return (
        attrs.evolve(plan, period=period, reports=_reports(period), budget=budget),
        f"period {period}",
    )


def _drop_report(kind: ReportKind, *, every: bool = False) -> _Mutator:
    def mutate(
        draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
    ) -> tuple[CoDesignPlan, str]:
        positions = [i for i, r in enumerate(plan.reports) if r.kind is kind]
        dropped = set(positions) if every else {draw(st.sampled_from(positions))}
        return (
            attrs.evolve(
                plan, reports=tuple(r for i, r in enumerate(plan.reports) if i not in dropped)
            ),
            f"{len(dropped)} {kind.value} report(s) left out",
        )

    return mutate


def _impact(
    draw: st.DrawFn, plan: CoDesignPlan, values: dict[str, Any]
) -> tuple[CoDesignPlan, str]:
    assert plan.impact_evaluation is not None
    if draw(st.booleans()):
        return attrs.evolve(plan, impact_evaluation=None), "no impact evaluation"
    return (
        attrs.evolve(plan, impact_evaluation=attrs.evolve(plan.impact_evaluation, indicators=())),
        "impact evaluation without indicators",
    )


_RECIPES: dict[str, _Recipe] = {
    "pippi.target.age_group": _Recipe(_age_group),
    "pippi.target.no_abuse": _Recipe(_family_field(abuse_or_severe_maltreatment=True)),
    "pippi.target.pre_assessment": _Recipe(
        _family_field(pre_assessment=PreAssessment.NOT_WORRYING)
    ),
    "pippi.target.em_orientation": _Recipe(_family_field(em_orientation=EMOrientation.REMOVAL)),
    "pippi.target.trust": _Recipe(_family_field(trust_in_services=False)),
    "pippi.cohort.reunification_share": _Recipe(_share("reunification")),
    "pippi.cohort.preadolescent_share": _Recipe(_share("preadolescent")),
    "pippi.cohort.families_per_implementation": _Recipe(_fewer_families, special_families=False),
    "pippi.groups.meetings": _Recipe(_meetings, min_groups=1),
    "pippi.groups.cadence": _Recipe(_cadence, min_groups=1),
    "pippi.sedt.weekly_hours": _Recipe(_sedt_hours),
    **{
        f"pippi.hours.{profession.value}": _Recipe(_hour_floor(profession))
        for profession in (
            Profession.EDUCATOR,
            Profession.PSYCHOLOGIST,
            Profession.PEDAGOGIST,
            Profession.CULTURAL_MEDIATOR,
        )
    },
    "pippi.budget.within_funding": _Recipe(_over_funding, hour_plan_line=False),
    "pippi.budget.lines_within_funding": _Recipe(functools.partial(_staff_line, over=True)),
    "pippi.budget.hour_plan_line": _Recipe(functools.partial(_staff_line, over=False)),
    "pippi.costs.labour_floor": _Recipe(_labour_floor),
    "pippi.period.matches_notice": _Recipe(_period),
    "pippi.duties.semiannual_accounting": _Recipe(_drop_report(ReportKind.SEMIANNUAL_ACCOUNTING)),
    "pippi.duties.annual_summary": _Recipe(_drop_report(ReportKind.ANNUAL_SUMMARY)),
    "pippi.duties.overall_evaluation": _Recipe(_drop_report(ReportKind.OVERALL_EVALUATION)),
    "pippi.duties.satisfaction_surveys": _Recipe(
        _drop_report(ReportKind.SATISFACTION_SURVEY, every=True)
    ),
    "pippi.duties.impact_evaluation": _Recipe(_impact),
}


def supported_violations(profile: Any = DEFAULT_PROFILE) -> tuple[str, ...]:
    """The rule ids of ``profile`` that :func:`violations` can break, in the profile's order."""
    resolved = _load_profile(profile)
    return tuple(r for r in resolved.rule_ids if r in _RECIPES)


def violations(rule: str, *, profile: Any = DEFAULT_PROFILE) -> st.SearchStrategy[Violation]:
    """Pairs of a compliant plan and the same plan changed so that ``rule`` fails.

    The change is the smallest the rule allows: one family, one intervention,
    one group module, one hourly cost, one budget line, one report... Any other
    rule's outcome stays as it was on the subjects both plans share. Raises
    :class:`UnsupportedRule` for an id that is not in the profile or that no
    change can break (e.g. ``pippi.target.adversities``, which always passes).
    """
    resolved = _load_profile(profile)
    if rule not in resolved.rule_ids:
        raise UnsupportedRule(
            f"rule {rule!r} is not in profile {resolved.id!r}; "
            f"supported: {', '.join(supported_violations(resolved)) or 'none'}"
        )
    recipe = _RECIPES.get(rule)
    if recipe is None:
        raise UnsupportedRule(
            f"plans(violating={rule!r}) is not supported (the rule cannot fail, or no generator "
            f"is written for it yet); supported: {', '.join(supported_violations(resolved))}"
        )
    context = _plan_context(resolved)
    return _violations(rule, recipe, context)


@st.composite
def _violations(draw: st.DrawFn, rule: str, recipe: _Recipe, context: _PlanContext) -> Violation:
    base = draw(
        _compliant_plans(
            context,
            special_families=recipe.special_families,
            hour_plan_line=recipe.hour_plan_line,
            min_groups=recipe.min_groups,
        )
    )
    assert base.period is not None
    on = base.period.start
    values = {**_day_values(context.profile, on), "on": on, "periods": context.periods}
    plan, change = recipe.mutate(draw, base, values)
    return Violation(rule=rule, base=base, plan=plan, on=on, change=change)


# -- documents for converters and importers ---------------------------------------------


@attrs.frozen(kw_only=True)
class MalformedDocument:
    """A plan document (plain data) with one known mistake.

    ``path`` is where :func:`welfare_ambito.load` reports it (``InvalidInput``
    has an error at that path); ``problem`` is ``"wrong_type"``,
    ``"unknown_key"`` or ``"missing_key"``.
    """

    document: dict[str, Any]
    path: str
    problem: str


def plan_documents(*, profile: Any = None) -> st.SearchStrategy[dict[str, Any]]:
    """Valid plan documents (plain data, as TOML/JSON would hold them)."""
    from welfare_ambito.convert import unstructure

    return plans(profile=profile).map(unstructure)


def _leaves(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(node, dict):
        return [leaf for key, value in node.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(node, list):
        return [leaf for i, value in enumerate(node) for leaf in _leaves(value, (*path, i))]
    return [path]


def _tables(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found: list[tuple[str | int, ...]] = []
    if isinstance(node, dict):
        found.append(path)
        for key, value in node.items():
            found.extend(_tables(value, (*path, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_tables(value, (*path, i)))
    return found


def _at(document: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


_REQUIRED_TOP = ("id", "ambito", "partner", "programme")


@st.composite
def malformed_documents(draw: st.DrawFn, *, profile: Any = None) -> MalformedDocument:
    """Plan documents with exactly one mistake, and the path where it is reported.

    A value replaced by a table, an unknown key added to a table, or a required
    key removed. Every one makes :func:`welfare_ambito.load` raise
    :class:`~welfare_ambito.InvalidInput` with an error at ``path``.
    """
    import copy

    from welfare_ambito.convert import format_path

    document = copy.deepcopy(draw(plan_documents(profile=profile)))
    problem = draw(st.sampled_from(("wrong_type", "unknown_key", "missing_key")))
    if problem == "wrong_type":
        leaves = [leaf for leaf in _leaves(document) if leaf and leaf != ("ambito",)]
        leaf = draw(st.sampled_from(leaves))
        _at(document, leaf[:-1])[leaf[-1]] = {"bad": True}
        return MalformedDocument(document=document, path=format_path(leaf), problem=problem)
    if problem == "unknown_key":
        tables = [t for t in _tables(document) if not t or t[-1] not in ("hours", "hourly_cost")]
        table = draw(st.sampled_from(tables))
        key = "zz_" + draw(st.text(string.ascii_lowercase, min_size=3, max_size=8))
        _at(document, table)[key] = 1
        return MalformedDocument(
            document=document, path=format_path((*table, key)), problem=problem
        )
    key = draw(st.sampled_from(_REQUIRED_TOP))
    del document[key]
    return MalformedDocument(document=document, path=key, problem=problem)

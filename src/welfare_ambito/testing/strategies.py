"""Hypothesis strategies for every domain object of welfare_ambito.

Strategies are functions with plural names and keyword-only bounds; each
returns *valid* objects by default. Compose them::

    from hypothesis import given
    from welfare_ambito.testing import strategies as was

    @given(was.families(on=date(2024, 1, 1)))
    def test_my_screen(family): ...
"""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from welfare_ambito import data
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

__all__ = [
    "ambiti",
    "budget_lines",
    "budgets",
    "children",
    "comuni",
    "dates",
    "families",
    "group_modules",
    "hour_plans",
    "hours",
    "identifiers",
    "interventions",
    "money",
    "periods",
    "plans",
    "staff_members",
]

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
    low, high = (
        Money(min_value) if not isinstance(min_value, Money) else min_value,
        (Money(max_value) if not isinstance(max_value, Money) else max_value),
    )
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


@st.composite
def children(
    draw: st.DrawFn, *, on: dt.date = dt.date(2024, 1, 1), min_age: int = 0, max_age: int = 17
) -> Child:
    """A child aged ``min_age``–``max_age`` on ``on`` (birthdays at the edges included)."""
    age = draw(st.integers(min_age, max_age))
    latest = on - relativedelta(years=age)  # born on this day: exactly `age` on `on`
    earliest = on - relativedelta(years=age + 1) + dt.timedelta(days=1)
    birth = draw(st.dates(min_value=earliest, max_value=latest))
    return Child(id=draw(identifiers(prefix="C")), birth_date=birth)


@st.composite
def families(
    draw: st.DrawFn,
    *,
    on: dt.date = dt.date(2024, 1, 1),
    min_children: int = 1,
    max_children: int = 4,
    min_age: int = 0,
    max_age: int = 17,
) -> Family:
    """Families with children aged ``min_age``–``max_age`` on ``on`` and any judgements."""
    kids = draw(
        st.lists(
            children(on=on, min_age=min_age, max_age=max_age),
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


@st.composite
def plans(
    draw: st.DrawFn, *, programme: Programme | None = None, max_families: int = 6
) -> CoDesignPlan:
    """Whole plans whose internal references all resolve."""
    ambito = draw(ambiti())
    family_list = draw(st.lists(families(), max_size=max_families, unique_by=lambda f: f.id))
    comune_names = ambito.names()
    family_list = [
        f if not draw(st.booleans()) else _with_comune(f, draw(st.sampled_from(comune_names)))
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


def _with_comune(family: Family, comune: str) -> Family:
    import attrs

    return attrs.evolve(family, comune=comune)

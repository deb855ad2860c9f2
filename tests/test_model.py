"""Domain objects: validation, exact ages, lookups, and no personal data in reprs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

from welfare_ambito import (
    Ambito,
    Budget,
    BudgetLine,
    Child,
    CoDesignPlan,
    Comune,
    Family,
    HourPlan,
    Intervention,
    InvalidInput,
    InvalidValue,
    Money,
    NotFound,
    Partner,
    Profession,
    StaffMember,
    data,
)
from welfare_ambito.testing.strategies import children, families


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (dt.date(2012, 5, 10), dt.date(2024, 5, 9), 11),
        (dt.date(2012, 5, 10), dt.date(2024, 5, 10), 12),
        (dt.date(2012, 5, 10), dt.date(2024, 5, 11), 12),
        (dt.date(2024, 5, 10), dt.date(2024, 5, 10), 0),
        (dt.date(2012, 2, 29), dt.date(2024, 2, 28), 11),
        (dt.date(2012, 2, 29), dt.date(2024, 2, 29), 12),
        (dt.date(2008, 2, 29), dt.date(2023, 2, 27), 14),
        (dt.date(2008, 2, 29), dt.date(2023, 2, 28), 15),
    ],
)
def test_age_is_exact_on_and_around_birthdays(birth: dt.date, on: dt.date, age: int) -> None:
    """A child is 11 until the day before the 12th birthday; 29 February counts on 28 February."""
    assert Child(id="C", birth_date=birth).age_on(on) == age


def test_a_child_born_after_the_reference_date_is_invalid() -> None:
    """Asking the age before birth is an error that does not print the birth date."""
    child = Child(id="C", birth_date=dt.date(2024, 5, 10))
    with pytest.raises(InvalidValue) as info:
        child.age_on(dt.date(2024, 5, 9))
    assert "2024-05-10" not in str(info.value)
    assert "2024-05-10" not in info.value.text("it")


@given(children())
def test_reprs_never_show_birth_dates(child: Child) -> None:
    """Neither a child's nor a family's repr contains the birth date."""
    family = Family(id="F", children=(child,))
    for text in (repr(child), repr(family), str(child)):
        assert child.birth_date.isoformat() not in text
        assert str(child.birth_date.year) not in text.replace(child.id, "")


@given(families())
def test_families_are_frozen(family: Family) -> None:
    """Domain objects cannot be changed in place; evolve() makes a new one."""
    with pytest.raises(attrs.exceptions.FrozenError):
        family.id = "other"  # type: ignore[misc]
    changed = attrs.evolve(family, trust_in_services=True)
    assert changed.trust_in_services is True
    assert changed is not family


def test_family_needs_children_with_distinct_ids() -> None:
    """No children or two children with one id are refused with the field's path."""
    with pytest.raises(InvalidValue) as empty:
        Family(id="F", children=())
    assert empty.value.path == "children"
    child = Child(id="C", birth_date=dt.date(2015, 1, 1))
    with pytest.raises(InvalidValue) as dup:
        Family(id="F", children=(child, child))
    assert dup.value.path == "children[1].id"


def test_enums_are_read_from_their_values_and_checked() -> None:
    """Strings become enum members; unknown strings are refused naming the choices."""
    member = StaffMember(id="S", profession="psychologist")
    assert member.profession is Profession.PSYCHOLOGIST
    with pytest.raises(InvalidValue) as info:
        StaffMember(id="S", profession="plumber")
    assert "psychologist" in str(info.value)


def test_hours_refuse_floats_but_accept_exact_numbers() -> None:
    """Weekly hours are Decimal: int and numeric text are fine, float is refused."""
    assert Intervention(id="I", kind="sedt", weekly_hours="7.99").weekly_hours == Decimal("7.99")
    with pytest.raises(InvalidValue):
        Intervention(id="I", kind="sedt", weekly_hours=7.99)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        Intervention(id="I", kind="sedt", weekly_hours=-1)


def test_ambito_lookup_by_name_alias_and_with_suggestions() -> None:
    """Aliases resolve to official names; unknown names suggest the closest one."""
    ambito = data.seregno()
    assert ambito.resolve("Lentate S/S") == "Lentate sul Seveso"
    assert ambito.resolve("ceriano l.to") == "Ceriano Laghetto"
    assert "Meda" in ambito
    assert "Milano" not in ambito
    with pytest.raises(NotFound) as info:
        ambito.comune("Seregnp")
    assert "Seregno" in str(info.value)
    with pytest.raises(LookupError):
        ambito.comune("Milano")


def test_ambito_lead_must_be_a_member_and_names_distinct() -> None:
    """The capofila is a member; two Comuni cannot share a name or alias."""
    meda = Comune(name="Meda")
    with pytest.raises(InvalidValue) as lead:
        Ambito(id="a", name="A", lead="Seregno", comuni=(meda,))
    assert lead.value.path == "lead"
    with pytest.raises(InvalidValue):
        Ambito(
            id="a", name="A", lead="Meda", comuni=(meda, Comune(name="Lentate", aliases=("MEDA",)))
        )
    with pytest.raises(InvalidValue):
        Comune(name="Meda", istat_code="1080")


def test_hour_plan_costs_are_exact() -> None:
    """Hours × hourly cost are exact Money; missing costs give None."""
    plan = HourPlan(
        hours={"educator": 6000, "psychologist": "1400.5"}, hourly_cost={"educator": "22.50"}
    )
    assert plan.cost_of(Profession.EDUCATOR) == Money("135000.00")
    assert plan.cost_of(Profession.PSYCHOLOGIST) is None
    assert plan.total_cost() is None
    assert plan.hours_of(Profession.PEDAGOGIST) == 0


def test_budget_parents_must_exist() -> None:
    """A line's parent must be another line of the budget."""
    with pytest.raises(InvalidValue) as info:
        Budget(total="10", lines=(BudgetLine(id="a", label="A", amount="10", parent="zz"),))
    assert info.value.path == "lines[0].parent"


def test_plan_references_must_resolve() -> None:
    """Interventions name families of the plan; Comuni belong to the Ambito; all are reported."""
    child = Child(id="C", birth_date=dt.date(2015, 1, 1))
    with pytest.raises(InvalidInput) as info:
        CoDesignPlan(
            id="p",
            ambito=data.seregno(),
            partner=Partner(name="ETS"),
            programme="pippi",
            families=(Family(id="F1", children=(child,), comune="Milano"),),
            interventions=(Intervention(id="I", kind="sedt", weekly_hours=8, family="F9"),),
        )
    assert sorted(e.path for e in info.value.errors) == [
        "families[0].comune",
        "interventions[0].family",
    ]

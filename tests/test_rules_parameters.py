"""Parameters: dated lookups, typed units, readings and immutable overrides."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import Money, Period
from welfare_ambito.errors import InvalidValue, NotFound
from welfare_ambito.rules import (
    Citation,
    DatedValue,
    Parameter,
    Parameters,
    ParameterSet,
    Reading,
    Readings,
    parse_value,
)

CHANGE = dt.date(2024, 2, 1)
CITATION = Citation(document="doc.txt", section="S", quote="q")


def _cost() -> Parameter:
    return Parameter(
        name="labour.educator_hourly",
        unit="EUR",
        values=(
            DatedValue(
                since=dt.date(2020, 2, 1), until=CHANGE - dt.timedelta(days=1), value="18.00"
            ),
            DatedValue(since=CHANGE, value="18.57", citation=CITATION),
        ),
    )


def test_lookup_the_day_before_a_change_gives_the_old_value() -> None:
    """The day before a change, the previous value is in force."""
    assert _cost().at(CHANGE - dt.timedelta(days=1)) == Money("18.00")


def test_lookup_on_the_day_of_a_change_gives_the_new_value() -> None:
    """On the day a value starts, it is in force."""
    assert _cost().at(CHANGE) == Money("18.57")


def test_lookup_after_a_change_gives_the_new_value() -> None:
    """After a change, the new value stays in force."""
    assert _cost().at(CHANGE + dt.timedelta(days=1)) == Money("18.57")


def test_until_is_inclusive() -> None:
    """A value is in force on its ``until`` day and not the day after."""
    p = Parameter(
        name="x.hours",
        unit="hours",
        values=(DatedValue(since=dt.date(2023, 1, 1), until=dt.date(2023, 12, 31), value=5),),
    )
    assert p.at(dt.date(2023, 12, 31)) == Decimal(5)
    with pytest.raises(NotFound) as info:
        p.at(dt.date(2024, 1, 1))
    assert info.value.code == "rules.parameter_not_in_force"


def test_a_day_no_value_covers_is_an_error() -> None:
    """Asking before the first value is an error, never a silent default."""
    with pytest.raises(NotFound, match="no value in force"):
        _cost().at(dt.date(2019, 1, 1))


def test_value_citation_overrides_parameter_citation() -> None:
    """A dated value's own citation wins over the parameter's."""
    assert _cost().citation_at(CHANGE) == CITATION
    assert _cost().citation_at(dt.date(2021, 1, 1)) is None


def test_overlapping_values_are_refused() -> None:
    """Two values in force on the same day are an error."""
    with pytest.raises(InvalidValue) as info:
        Parameter(
            name="x.count",
            unit="count",
            values=(
                DatedValue(since=dt.date(2023, 1, 1), value=1),
                DatedValue(since=dt.date(2023, 6, 1), value=2),
            ),
        )
    assert info.value.code == "rules.parameter_overlap"


@pytest.mark.parametrize(
    ("unit", "raw", "expected"),
    [
        ("hours", "7000", Decimal(7000)),
        ("hours/week", 8, Decimal(8)),
        ("share", "20%", Decimal("0.2")),
        ("share", "0.20", Decimal("0.20")),
        ("EUR", "211.500,00", Money("211500")),
        ("count", "6", 6),
        ("period", "2023-06-01/2026-05-31", Period.parse("2023-06-01/2026-05-31")),
        ("date", "2023-06-01", dt.date(2023, 6, 1)),
        ("flag", "true", True),
        ("text", "B24H22000190001", "B24H22000190001"),
    ],
)
def test_values_take_the_type_of_their_unit(unit: str, raw: object, expected: object) -> None:
    """Each unit parses to its Python type."""
    assert parse_value(unit, raw) == expected
    assert type(parse_value(unit, raw)) is type(expected)


@pytest.mark.parametrize(
    ("unit", "raw"), [("hours", 1.5), ("share", "1.5"), ("count", "x"), ("lightyears", 1)]
)
def test_bad_values_are_refused(unit: str, raw: object) -> None:
    """Floats, out-of-range shares, non-numbers and unknown units are errors."""
    with pytest.raises(InvalidValue):
        parse_value(unit, raw)


def test_typed_accessors_check_the_type() -> None:
    """``p.money`` on hours is an error naming the parameter."""
    p = Parameters({"x.hours": Decimal(8)}, on=dt.date(2024, 1, 1))
    assert p.decimal("x.hours") == 8
    with pytest.raises(InvalidValue) as info:
        p.money("x.hours")
    assert info.value.path == "x.hours"


def test_reading_an_undeclared_parameter_is_a_clear_error() -> None:
    """A missing name raises NotFound, not KeyError."""
    p = Parameters({}, on=dt.date(2024, 1, 1))
    with pytest.raises(NotFound) as info:
        p["nope"]
    assert info.value.code == "rules.undeclared_parameter"


def test_parameters_view_is_read_only() -> None:
    """The view a rule receives cannot be changed."""
    p = Parameters({"a": 1}, on=dt.date(2024, 1, 1))
    with pytest.raises(TypeError):
        p["a"] = 2
    with pytest.raises(TypeError):
        p.update(a=3)
    assert pickle.loads(pickle.dumps(p)) == {"a": 1}


def test_readings_are_never_picked_silently() -> None:
    """A parameter with alternative readings cannot be read as one value."""
    readings = Readings(
        readings=(
            Reading(value="2023-06-01/2026-05-31", label="servizi"),
            Reading(value="2023-05-01/2026-04-30", label="risorse finanziarie"),
        )
    )
    param = Parameter(
        name="pippi.project.period",
        unit="period",
        values=(DatedValue(since=dt.date(2023, 5, 1), value=readings),),
    )
    view = ParameterSet((param,)).at(dt.date(2024, 1, 1))
    with pytest.raises(InvalidValue) as info:
        view.period("pippi.project.period")
    assert info.value.code == "rules.parameter_has_readings"
    found = view.readings("pippi.project.period")
    assert [r.label for r in found.matching(lambda v: v.start == dt.date(2023, 5, 1))] == [
        "risorse finanziarie"
    ]
    assert all(isinstance(v, Period) for v in found.values)


def test_plain_value_is_one_reading() -> None:
    """``readings`` of a plain parameter is the value itself."""
    view = Parameters({"x.hours": Decimal(8)}, on=dt.date(2024, 1, 1))
    assert view.readings("x.hours").values == (Decimal(8),)


def test_unknown_parameter_suggests_a_name() -> None:
    """Looking up a misspelt name suggests the close one."""
    params = ParameterSet((_cost(),))
    with pytest.raises(NotFound, match="did you mean"):
        params["labour.educator_hourli"]


@given(
    value=st.integers(min_value=0, max_value=100_000),
    day=st.dates(min_value=dt.date(2020, 2, 1), max_value=dt.date(2030, 12, 31)),
)
def test_override_never_mutates_the_original(value: int, day: dt.date) -> None:
    """An override returns a new set in force every day; the original is unchanged."""
    original = ParameterSet((_cost(),))
    before = original.value("labour.educator_hourly", day)
    changed = original.override({"labour.educator_hourly": str(value)})
    assert changed.value("labour.educator_hourly", day) == Money(value)
    assert original.value("labour.educator_hourly", day) == before
    assert changed.overridden() == ("labour.educator_hourly",)
    assert original.overridden() == ()


@given(day=st.dates(min_value=dt.date(2020, 2, 1), max_value=dt.date(2030, 12, 31)))
def test_override_from_a_day_keeps_earlier_values(day: dt.date) -> None:
    """An override ``since`` a day leaves the values before that day as they were."""
    original = ParameterSet((_cost(),))
    changed = original.override({"labour.educator_hourly": "20"}, since=day)
    assert changed.value("labour.educator_hourly", day) == Money(20)
    earlier = day - dt.timedelta(days=1)
    if earlier >= dt.date(2020, 2, 1):
        assert changed.value("labour.educator_hourly", earlier) == original.value(
            "labour.educator_hourly", earlier
        )

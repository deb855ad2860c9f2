"""Money: exact euros, strict construction, Italian text."""

from __future__ import annotations

import copy
import pickle
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import IncompatibleTypes, InvalidValue, Money
from welfare_ambito.testing.strategies import money


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("€ 35.600,00", "35600.00"),
        ("35.600,00", "35600.00"),
        ("35600.00", "35600.00"),
        ("211.500", "211500.00"),
        ("€ 2.040.000,00", "2040000.00"),
        ("€   63.700,00", "63700.00"),
        ("1.234.567,89", "1234567.89"),
        ("-", "0.00"),
        ("-1,50", "-1.50"),
        ("-€ 1,50", "-1.50"),
        ("EUR 10", "10.00"),
        ("0,5", "0.50"),
    ],
)
def test_parse_reads_the_forms_of_the_seeds(text: str, expected: str) -> None:
    """parse() reads Italian, plain and seed-style amounts."""
    assert Money.parse(text) == Money(expected)


@pytest.mark.parametrize(
    "text", ["", "abc", "1,2,3", "12.34.5", "€", "1.2345,00", "35,600.00", "1,500", "1e3", "1."]
)
def test_parse_refuses_what_is_not_an_amount(text: str) -> None:
    """Unreadable text is a clear InvalidValue, not a guess."""
    with pytest.raises(InvalidValue):
        Money.parse(text)


@pytest.mark.parametrize(
    "bad", [0.1, float("nan"), Decimal("NaN"), Decimal("Infinity"), "inf", True]
)
def test_construction_refuses_float_nan_infinity_and_bool(bad: object) -> None:
    """A float, NaN, infinity or bool never becomes Money."""
    with pytest.raises(InvalidValue):
        Money(bad)  # type: ignore[arg-type]


def test_more_than_two_decimals_needs_an_explicit_rounding() -> None:
    """1.0050 is refused without a rounding and rounds as asked with one."""
    with pytest.raises(InvalidValue) as info:
        Money("1.0050")
    assert info.value.code == "money_precision"
    assert Money("1.0050", rounding=ROUND_HALF_UP) == Money("1.01")
    assert Money(Decimal("1.005"), rounding="ROUND_HALF_EVEN") == Money("1.00")


def test_one_dot_and_three_digits_is_thousands_unless_a_rounding_makes_it_ambiguous() -> None:
    """Money("1.000") is € 1.000,00 like Money.parse; with a rounding it is refused."""
    assert Money("1.000") == Money.parse("1.000") == Money(1000)
    assert Money("100.005") == Money(100005)
    with pytest.raises(InvalidValue) as info:
        Money("1.005", rounding=ROUND_HALF_UP)
    assert info.value.code == "number_ambiguous"
    assert "'1.005'" in str(info.value)


def test_format_spec_formats_the_decimal_amount() -> None:
    """f"{m:.2f}" is the plain amount; a width or no spec formats the Italian text."""
    amount = Money("35600.5")
    assert f"{amount:.2f}" == "35600.50"
    assert f"{amount:,.2f}" == "35,600.50"
    assert f"{amount}" == "€ 35.600,50"
    assert f"{amount:>14}" == "   € 35.600,50"


def test_str_is_the_italian_form() -> None:
    """str() prints € with dot thousands and comma decimals."""
    assert str(Money("35600")) == "€ 35.600,00"
    assert str(Money("-1234.5")) == "-€ 1.234,50"
    assert str(Money(0)) == "€ 0,00"


def test_mixing_money_with_other_numbers_is_a_type_error() -> None:
    """Money + float/Decimal/int is refused; IncompatibleTypes is also a TypeError."""
    for other in (1.5, Decimal("1"), 2):
        with pytest.raises(TypeError):
            Money(1) + other  # type: ignore[operator]
    with pytest.raises(IncompatibleTypes):
        _ = Money(1) < 3  # type: ignore[operator]
    with pytest.raises(IncompatibleTypes):
        Money(1) * 1.5  # type: ignore[operator]


def test_multiplication_is_exact_or_asks_for_rounding() -> None:
    """× int is exact; × Decimal is exact or needs times(..., rounding=...)."""
    assert Money("680000") * 3 == Money("2040000")
    assert Money("10.00") * Decimal("0.5") == Money("5.00")
    with pytest.raises(InvalidValue):
        Money("10.00") * Decimal("0.3333")
    assert Money("10.00").times(Decimal("0.333"), rounding=ROUND_HALF_UP) == Money("3.33")


def test_money_is_immutable_and_survives_copy_and_pickle() -> None:
    """No attribute can be set; copies and pickles are equal."""
    amount = Money("12.34")
    with pytest.raises(AttributeError):
        amount._amount = Decimal(1)  # type: ignore[misc]
    assert copy.deepcopy(amount) == amount
    assert pickle.loads(pickle.dumps(amount)) == amount
    assert hash(Money("1.0")) == hash(Money("1.00"))


@given(money(min_value=-10_000_000, max_value=10_000_000))
def test_parse_of_str_round_trips(amount: Money) -> None:
    """parse(str(m)) == m for every amount."""
    assert Money.parse(str(amount)) == amount


@given(st.lists(money(min_value=-1_000_000, max_value=1_000_000), max_size=30))
def test_sum_is_exact_to_the_cent(amounts: list[Money]) -> None:
    """sum() of Money equals the sum of the cents."""
    assert sum(amounts, Money(0)).cents == sum(a.cents for a in amounts)
    assert sum(amounts) == sum(amounts, Money(0)) or not amounts


@given(money(min_value=-1_000_000), money(min_value=-1_000_000))
def test_addition_and_subtraction_are_inverse(a: Money, b: Money) -> None:
    """(a + b) - b == a and comparisons agree with cents."""
    assert (a + b) - b == a
    assert (a < b) == (a.cents < b.cents)
    assert (a <= b) == (a.cents <= b.cents)


@given(money(), st.integers(-1000, 1000))
def test_multiplying_by_an_int_is_repeated_addition(a: Money, n: int) -> None:
    """m × n is exact: its cents are n × the cents."""
    assert (a * n).cents == a.cents * n
    assert n * a == a * n

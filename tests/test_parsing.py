"""One grammar for numbers and dates: every door reads a text as the others do, or refuses it."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import time
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from welfare_ambito import InvalidValue, Money
from welfare_ambito.budget import allocate, phase
from welfare_ambito.budget._common import cents_of, number_of
from welfare_ambito.budget.tables import parse_table_csv
from welfare_ambito.model import BudgetLine, ServiceOffer
from welfare_ambito.model._validate import parse_decimal
from welfare_ambito.parsing import (
    MAX_DECIMALS,
    MAX_INTEGER_DIGITS,
    read_amount,
    read_count,
    read_date,
    read_decimal,
    read_fraction,
)
from welfare_ambito.periods import Period, parse_date
from welfare_ambito.sercop import Cell, CellKind

REFUSED = "refused"
AMBIGUOUS = re.compile(r"^-?[1-9][0-9]{0,2}[.,][0-9]{3}$")

# -- the doors ------------------------------------------------------------------------------
# Each reads a text and returns the number it means as a Decimal (amount doors may give
# only what a Money holds: at most two decimals).

AMOUNT_DOORS: dict[str, Callable[[str], Decimal]] = {
    "Money(text)": lambda t: Money(t).amount,
    "Money.parse": lambda t: Money.parse(t).amount,
    "cents_of": lambda t: Decimal(cents_of(t, path="x")).scaleb(-2),
    "BudgetLine.amount": lambda t: BudgetLine(id="l", label="l", amount=t).amount.amount,
    "Cell.read(money)": lambda t: Cell.read(t, CellKind.MONEY).value.amount,  # type: ignore[union-attr]
    "allocate(total)": lambda t: allocate(t, {"a": 1}).total.amount,
    "phase(amount)": lambda t: phase(t, Period.parse("2024-01-01/2024-01-31")).amount.amount,
    "table cell": lambda t: parse_table_csv(f"x;a\nr;{t}\n").cell("r", "a").amount,
    "read_amount": read_amount,
}
NUMBER_DOORS: dict[str, Callable[[str], Decimal]] = {
    "read_decimal": read_decimal,
    "parse_decimal (model)": parse_decimal,
    "ServiceOffer.weekly_hours": lambda t: ServiceOffer(service="s", weekly_hours=t).weekly_hours,  # type: ignore[return-value]
    "number_of (weights)": lambda t: _decimal(number_of(t, path="w")),
    "read_fraction": lambda t: _decimal(read_fraction(t)),
    "Cell.read(number)": lambda t: Cell.read(t, CellKind.NUMBER).value,  # type: ignore[return-value]
    "Cell.read(percent)": lambda t: Cell.read(t + "%", CellKind.PERCENT).value,  # type: ignore[return-value]
    "allocate(weight)": lambda t: _decimal(allocate("100", {"a": t, "b": 0}).shares[0].weight),
    "read_count": lambda t: Decimal(read_count(t)),
    "Cell.read(count)": lambda t: Decimal(Cell.read(t, CellKind.COUNT).value),  # type: ignore[arg-type]
}


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _read(door: Callable[[str], Decimal], text: str) -> Decimal | str:
    try:
        return door(text)
    except InvalidValue:
        return REFUSED


# -- generated texts --------------------------------------------------------------------------

structured = st.from_regex(r"\A[+-]?(€ ?)?[0-9]{1,4}([., ][0-9]{1,4}){0,3}( ?€)?\Z", fullmatch=True)
noise = st.text(alphabet="0123456789.,-+ €eE%", min_size=1, max_size=14)


def _italian(number: Decimal) -> str:
    sign = "-" if number < 0 else ""
    integer, _, decimals = f"{abs(number):f}".partition(".")
    grouped = f"{int(integer):,}".replace(",", ".")
    return f"{sign}{grouped},{decimals}" if decimals else f"{sign}{grouped}"


decimals = st.decimals(
    min_value=-(10**MAX_INTEGER_DIGITS) + 1,
    max_value=10**MAX_INTEGER_DIGITS - 1,
    places=None,
    allow_nan=False,
    allow_infinity=False,
).filter(lambda d: d.as_tuple().exponent >= -MAX_DECIMALS)  # type: ignore[operator]


@settings(max_examples=400, deadline=None)
@given(st.one_of(structured, noise))
def test_every_door_reads_a_text_as_the_others_or_refuses_it(text: str) -> None:
    """The same text never means two numbers, across amounts, hours, weights and counts."""
    readings = {name: _read(door, text) for name, door in {**AMOUNT_DOORS, **NUMBER_DOORS}.items()}
    # "-" means zero in published tables and Money.parse only: a refusal elsewhere.
    numbers = {name: value for name, value in readings.items() if value != REFUSED}
    assert len(set(numbers.values())) <= 1, (text, readings)


@settings(max_examples=300, deadline=None)
@given(decimals)
def test_the_canonical_and_the_italian_forms_read_the_same(number: Decimal) -> None:
    """str(d) in the machine form and its Italian form both mean d, unless they are '1.500'."""
    for text in (f"{number:f}", _italian(number)):
        if AMBIGUOUS.match(text):
            # The one shape the two conventions share with two meanings: refused.
            with pytest.raises(InvalidValue) as info:
                read_decimal(text)
            assert info.value.code == "number_ambiguous"
        else:
            assert read_decimal(text) == number


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_amounts_round_trip_through_every_written_form(cents: int) -> None:
    """Money(str(m)), Money(repr amount) and the Italian text without € give m back."""
    money = Money.from_cents(cents)
    assert Money(str(money)) == money
    assert Money(str(money.amount)) == money
    assert Money(_italian(money.amount)) == money


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1,000.00", "number_english"),
        ("1,000,000", "number_english"),
        ("1,500", "number_ambiguous"),
        ("1e3", "number_exponent"),
        ("1e999999", "number_exponent"),
        ("1" * 16, "number_too_large"),
        ("0," + "0" * 12 + "1", "number_too_precise"),
        ("x" * 65, "number_too_long"),
        ("-", "number_dash"),
    ],
)
def test_what_could_be_two_numbers_or_no_number_is_refused_with_the_form_to_use(
    text: str, code: str
) -> None:
    """A refusal names the problem, echoes a short text and says how to write it."""
    with pytest.raises(InvalidValue) as info:
        read_decimal(text, path="weekly_hours")
    assert info.value.code == code
    assert info.value.path == "weekly_hours"
    assert info.value.message_it != info.value.message


def test_one_dot_and_three_digits_depends_only_on_whether_decimals_are_possible() -> None:
    """'1.500' is 1500 as an amount or a count, refused as hours or a weight."""
    assert Money("1.500") == Money.parse("1.500") == Money(1500)
    assert read_count("1.500") == 1500
    with pytest.raises(InvalidValue) as info:
        ServiceOffer(service="s", weekly_hours="1.500")
    assert info.value.code == "number_ambiguous"
    assert "'1.500'" in str(info.value)
    assert "1500" in str(info.value)
    assert "1.5" in str(info.value)


@pytest.mark.parametrize(
    "value",
    [
        Decimal("1e999999"),
        Decimal("1e999999999"),
        Decimal("1e-999999"),
        10**5000,
        Fraction(1, 10**999),
        "9" * 4400,
    ],
    ids=["1e999999", "1e999999999", "1e-999999", "10**5000", "1/10**999", "4400 nines"],
)
def test_huge_or_tiny_numbers_are_refused_at_the_door_instantly(value: object) -> None:
    """Exponents and magnitudes are bounded before any arithmetic: a typed error, at once."""
    start = time.perf_counter()
    for door in (
        lambda v: read_decimal(v, path="p"),
        lambda v: Money(v),
        lambda v: allocate("100", {"a": v}),
        lambda v: allocate(v, {"a": 1}),
        lambda v: ServiceOffer(service="s", weekly_hours=v),
    ):
        with pytest.raises(InvalidValue):
            door(value)
    assert time.perf_counter() - start < 5  # generous: it is instant; a hang would be minutes


def test_numpy_and_pandas_values_are_read_exactly() -> None:
    """numpy integers are integers, numpy floats are weights by their shortest form."""
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    assert Money(np.int64(5)) == Money(5)
    assert Money(np.int32(-7)) == Money(-7)
    with pytest.raises(InvalidValue):
        Money(np.float64(5.0))  # a float never becomes euros
    split = allocate("10000", {"a": np.float64(0.5), "b": np.float64(1.5)})
    assert [str(m) for m in split.values()] == ["€ 2.500,00", "€ 7.500,00"]
    with pytest.raises(InvalidValue):
        allocate("100", {"a": np.float64("nan")})
    series = pd.Series({"Comune Piccolo": 950, "Comune Grande": 1500})
    assert [str(m) for m in allocate("10000", series).values()] == ["€ 3.877,55", "€ 6.122,45"]
    assert read_date(pd.Timestamp("2023-06-01")) == dt.date(2023, 6, 1)
    with pytest.raises(InvalidValue):
        read_date(pd.Timestamp("2023-06-01 12:30"))
    assert ServiceOffer(service="s", weekly_hours=np.int64(8)).weekly_hours == Decimal(8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-06-01", dt.date(2023, 6, 1)),
        ("01/06/2023", dt.date(2023, 6, 1)),
        ("1/6/2023", dt.date(2023, 6, 1)),
        (" 2023-06-01 ", dt.date(2023, 6, 1)),
        ("2023-06-01 00:00:00", dt.date(2023, 6, 1)),
        (dt.datetime(2023, 6, 1), dt.date(2023, 6, 1)),
    ],
)
def test_dates_in_iso_and_italian_form(text: object, expected: dt.date) -> None:
    """ISO and DD/MM/YYYY (day first), and a datetime at midnight, are dates."""
    assert read_date(text) == expected
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2012", "03/09/12", "2012/09/03", "09-03-2012", "x"])
def test_a_refused_date_is_never_echoed(text: str) -> None:
    """A refused date (maybe a birth date) is not repeated in the message."""
    with pytest.raises(InvalidValue) as info:
        read_date(text, path="birth_date")
    assert text not in str(info.value)
    assert text not in info.value.message_it
    assert info.value.code == "date"


def test_period_parse_and_months_near_the_end_of_the_calendar() -> None:
    """Period.parse of a non-text is typed; periods ending 9999-12-31 measure and iterate."""
    with pytest.raises(InvalidValue):
        Period.parse(20230601)  # type: ignore[arg-type]
    late = Period(dt.date(9999, 1, 15), dt.date(9999, 12, 31))
    assert late.months == 11
    assert len(list(late.months_iter())) == 12
    assert [str(p) for p in late.semesters()] == [
        "9999-01-15/9999-07-14",
        "9999-07-15/9999-12-31",
    ]
    assert [str(p) for p in late.years()] == ["9999-01-15/9999-12-31"]
    assert str(Period.of_months("9999-12", "9999-12")) == "9999-12-01/9999-12-31"
    assert str(Period.parse("01/06/2023 - 31/05/2026")) == "2023-06-01/2026-05-31"
    with pytest.raises(InvalidValue):
        _ = Period(dt.date(1, 1, 1), dt.date.max).months


@given(
    st.dates(min_value=dt.date(9990, 1, 1)),
    st.dates(min_value=dt.date(9990, 1, 1)),
)
def test_late_periods_never_overflow(a: dt.date, b: dt.date) -> None:
    """Every period in the last decade of the calendar measures and splits."""
    period = Period(min(a, b), max(a, b))
    assert period.months >= 0
    assert sum(p.days for p in period.months_iter()) == period.days
    assert sum(p.days for p in period.semesters()) == period.days


def test_spreadsheet_float_cells_are_amounts_only_to_the_cent(tmp_path: object) -> None:
    """An XLSX float is read by its shortest form: 0.1 + 0.2 is € 0,30; 1.005 is refused."""
    openpyxl = pytest.importorskip("openpyxl")
    from pathlib import Path

    from welfare_ambito.budget.tables import read_table_xlsx

    path = Path(str(tmp_path)) / "t.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Comune", "Minori", "TOTALE"])
    book.active.append(["Meda", 0.1 + 0.2, 0.3])
    book.save(path)
    assert read_table_xlsx(path).cell("Meda", "Minori") == Money("0.30")
    book.active.append(["Seveso", 1.005, 1.005])
    book.save(path)
    with pytest.raises(InvalidValue) as info:
        read_table_xlsx(path)
    assert "Seveso / Minori" in str(info.value)


def test_compare_split_takes_pandas_series() -> None:
    """Stated amounts and keys may be pandas Series, read as the dicts they hold."""
    pd = pytest.importorskip("pandas")
    from welfare_ambito.budget import compare_split

    comparison = compare_split(
        pd.Series({"Meda": "100", "Seveso": "200"}),
        {"caseload": pd.Series({"Meda": 1, "Seveso": 1})},
    )
    records = {r["recipient"]: r["by_caseload"] for r in comparison.to_records()}
    assert records == {"Meda": Decimal("150.00"), "Seveso": Decimal("150.00")}


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=30), structured, noise))
def test_any_text_is_read_or_refused_with_a_typed_error(text: str) -> None:
    """No text, however odd (other scripts' digits, superscripts, newlines), escapes the grammar."""
    for read in (read_decimal, read_amount, read_count, read_fraction, read_date, Period.parse):
        with contextlib.suppress(InvalidValue):
            read(text)  # type: ignore[operator]


@pytest.mark.parametrize("text", ["١٢٣", "1.٢٣٤", "1.²³⁴", "1\n500", "1.500\n,5"])
def test_only_ascii_digits_are_digits(text: str) -> None:
    """Digits of other scripts and a newline inside the number are refused."""
    for read in (read_decimal, read_amount, read_count):
        with pytest.raises(InvalidValue):
            read(text)


def test_parameter_overrides_read_numbers_with_the_same_grammar() -> None:
    """`--set educator_min=6.000` is refused, not read as six hours; '6.000,0' and '20%' read."""
    from welfare_ambito.rules._values import parse_value

    with pytest.raises(InvalidValue) as info:
        parse_value("hours", "6.000", path="pippi.hours.educator_min")
    assert info.value.code == "number_ambiguous"
    assert parse_value("hours", "6.000,0") == Decimal(6000)
    assert parse_value("hours", "6_000") == Decimal(6000)
    assert parse_value("share", "20%") == Decimal("0.2")
    assert parse_value("EUR", "211.500") == Money(211500)
    with pytest.raises(InvalidValue):
        parse_value("hours", Decimal("1e999999"))

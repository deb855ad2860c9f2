"""The fast path for table cells (parsing.fast_amount_cents) is the one grammar, only faster.

Where the fast path answers, its answer is the grammar's to the cent; where the
grammar refuses a text (ambiguous, English grouping, too many digits…), the fast
path defers. And it does answer for the common forms, so reconcile uses it.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from welfare_ambito import Money
from welfare_ambito.budget import parse_table_csv
from welfare_ambito.errors import InvalidValue
from welfare_ambito.parsing import fast_amount_cents, read_amount


def grammar_cents(text: str) -> int | None:
    """The cents the one grammar reads in a table cell, or None when it refuses the text."""
    try:
        return Money(read_amount(text, dash_zero=True)).cents
    except InvalidValue:
        return None


def _italian(integer: int, decimals: str) -> str:
    grouped = f"{integer:,}".replace(",", ".")
    return f"{grouped},{decimals}" if decimals else grouped


@st.composite
def common_forms(draw: st.DrawFn) -> tuple[str, int]:
    """A text in one of the common forms, and the cents it means."""
    integer = draw(st.integers(0, 10**15 - 1))
    places = draw(st.sampled_from([0, 1, 2]))
    fraction = draw(st.integers(0, 10**places - 1)) if places else 0
    decimals = f"{fraction:0{places}d}" if places else ""
    negative = draw(st.booleans())
    form = draw(st.sampled_from(["plain", "italian", "machine"]))
    if form == "plain" or (form == "machine" and not decimals):
        text = str(integer) + (f",{decimals}" if decimals else "")
    elif form == "italian":
        text = _italian(integer, decimals)
    else:
        text = f"{integer}.{decimals}"
    cents = integer * 100 + (fraction * (10 if places == 1 else 1) if places else 0)
    return ("-" + text if negative else text), (-cents if negative else cents)


# Texts near the common forms: the characters of numbers, in any order and length.
near_texts = st.text(alphabet="0123456789.,-+ €e", max_size=24)


def _mutated(pair: tuple[str, int], data: st.DataObject) -> str:
    text = pair[0]
    position = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.sampled_from(["", ".", ",", "0", "5", " ", "-", "000", "€"]))
    cut = data.draw(st.integers(0, 2))
    return text[:position] + insert + text[position + cut :]


@given(text=near_texts)
@example("1.500")
@example("1,500")
@example("1,000.00")
@example("0.500")
@example("01.500")
@example("1234.567")
@example("123.456")
@example("1.234.56")
@example("-0")
@example("-")
@example("--1")
@example("1.000,001")
@example("9999999999999999")
@example("999.999.999.999.999,99")
@example("1.000.000.000.000.000")
def test_fast_path_agrees_with_the_grammar_or_defers(text: str) -> None:
    """Never a different number, never a text the grammar refuses."""
    fast = fast_amount_cents(text, dash_zero=True)
    if fast is not None:
        assert fast == grammar_cents(text), text


@given(pair=common_forms(), data=st.data())
def test_mutations_of_common_forms_agree_or_defer(
    pair: tuple[str, int], data: st.DataObject
) -> None:
    """One character inserted or cut from a common form: still the grammar's answer or None."""
    text = _mutated(pair, data)
    fast = fast_amount_cents(text, dash_zero=True)
    if fast is not None:
        assert fast == grammar_cents(text), text


@given(pair=common_forms())
def test_common_forms_take_the_fast_path(pair: tuple[str, int]) -> None:
    """Plain integers, Italian grouping and the machine form are read by the fast path, exactly."""
    text, cents = pair
    assert grammar_cents(text) == cents
    assert fast_amount_cents(text, dash_zero=True) == cents


def test_dash_is_zero_only_where_the_table_means_it() -> None:
    assert fast_amount_cents("-", dash_zero=True) == 0
    assert fast_amount_cents("-") is None


@given(
    cells=st.lists(
        st.one_of(near_texts, common_forms().map(lambda p: p[0])), min_size=1, max_size=6
    )
)
def test_table_cells_read_as_the_grammar_reads_them(cells: list[str]) -> None:
    """A CSV table reads each cell as Money(read_amount(cell)) does, or refuses the table."""
    cleaned = [c.replace(";", "") for c in cells]
    header = "Comune;" + ";".join(f"c{j}" for j in range(len(cleaned)))
    line = "X;" + ";".join(f'"{c}"' for c in cleaned)
    expected = [grammar_cents(c) for c in cleaned]
    if any(c.strip() == "" for c in cleaned) or None in expected:
        try:
            parse_table_csv(header + "\n" + line + "\n", sep=";")
        except InvalidValue as exc:
            assert exc.code in {"budget.table_number", "budget.table_empty_cell"}
            return
        raise AssertionError(f"{cleaned} was read although the grammar refuses a cell")
    table = parse_table_csv(header + "\n" + line + "\n", sep=";")
    assert [table.column_cents(j)[0] for j in range(len(cleaned))] == expected

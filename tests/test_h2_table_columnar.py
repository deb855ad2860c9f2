"""The columnar Table keeps the public API: rows, cents, equality, pickling, exact big sums."""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import Money
from welfare_ambito.budget import Table, reconcile, rhodense_spesa_2011
from welfare_ambito.errors import InvalidValue

labels_lists = st.lists(st.text(max_size=6), min_size=0, max_size=2600, unique=True)


@given(labels=labels_lists, data=st.data())
def test_rows_and_cents_come_back_as_given(labels: list[str], data: st.DataObject) -> None:
    """Labels of any text (empty, non-ASCII, across label-store chunks) and cents, unchanged."""
    width = data.draw(st.integers(1, 3))
    cents = [tuple(data.draw(st.integers(-(10**20), 10**20)) for _ in range(width)) for _ in labels]
    table = Table(columns=[f"c{j}" for j in range(width)], rows=labels, cents=cents)
    assert table.rows == tuple(labels)
    assert table.cents == tuple(cents)
    assert table.shape == (len(labels), width)
    if labels:
        index = data.draw(st.integers(0, len(labels) - 1))
        assert table.label(index) == labels[index]
        if abs(cents[index][0]) < 10**17:
            assert table.cell(labels[index], "c0") == Money.from_cents(cents[index][0])
    assert pickle.loads(pickle.dumps(table)) == table


def test_a_duplicate_label_is_found_among_many() -> None:
    """A repeated label deep in a long table is refused, as in a short one."""
    labels = [f"Comune {i}" for i in range(5000)] + ["Comune 4321"]
    with pytest.raises(InvalidValue) as caught:
        Table(columns=["a"], rows=labels, cents=[[0]] * len(labels))
    assert caught.value.code == "budget.table_duplicate"
    assert caught.value.path == "rows"


def test_shape_errors_keep_their_code() -> None:
    with pytest.raises(InvalidValue) as caught:
        Table(columns=["a", "b"], rows=["x"], cents=[[1]])
    assert caught.value.code == "budget.table_shape"
    with pytest.raises(InvalidValue) as caught:
        Table(columns=["a"], rows=["x", "y"], cents=[[1]])
    assert caught.value.code == "budget.table_shape"
    with pytest.raises(InvalidValue) as caught:
        Table(columns=["a", "a"], rows=["x"], cents=[[1, 1]])
    assert caught.value.code == "budget.table_duplicate"


def test_table_is_read_only_equal_and_hashable() -> None:
    table = rhodense_spesa_2011()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        table.title = "other"  # type: ignore[misc]
    again = rhodense_spesa_2011()
    assert table == again
    assert hash(table) == hash(again)
    other = Table(columns=table.columns, rows=table.rows, cents=table.cents)
    assert other != table  # no title, no citation
    assert "Table(columns=(" in repr(table)


def test_sums_beyond_64_bits_stay_exact() -> None:
    """Column sums past 2**63 cents (and cells past it, built in Python) are compared exactly."""
    big = 2**62
    table = Table(
        columns=["A", "B", "TOTALE"],
        rows=["x", "y", "z", "w", "TOTALE"],
        cents=[[big, 1, big + 1]] * 4 + [[4 * big, 4, 4 * big + 4]],
    )
    result = reconcile(table)
    assert result.ok
    assert result.checked == 8
    assert table.cents[-1] == (4 * big, 4, 4 * big + 4)
    off = Table(columns=["A", "TOTALE"], rows=["x", "TOTALE"], cents=[[1, 1], [1, 2]])
    assert [(f.row, f.column) for f in reconcile(off).findings] == [
        ("TOTALE", "TOTALE"),
        ("TOTALE", "TOTALE"),
    ]

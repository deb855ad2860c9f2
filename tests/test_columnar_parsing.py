"""The columnar path's fast readings of a table give the reference reading's answers, or its error.

``birth_dates`` is read at once when every cell is ISO dates joined by ``;`` (a
CSV's form) or a list of dates or ISO texts; flags and enums of a pandas
DataFrame are read as whole columns. Each fast reading is held here to the
reading one value at a time (what the row path accepts), on generated columns
that mix the common forms with every odd one: 29 February (in leap and common
years), the first and last representable days, compact and padded texts,
``today``, ``NaT``, empty cells, empty families, missing values.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from welfare_ambito.eligibility.columnar import (
    FamilyBatch,
    _births,
    _civil,
    _day_numbers,
    _iso_days,
    _reference_births,
)
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import EMOrientation, PreAssessment

UNIX = dt.date(1970, 1, 1).toordinal()

EDGE_DATES = (
    dt.date(2024, 2, 29),
    dt.date(2000, 2, 29),
    dt.date(1900, 2, 28),
    dt.date(2023, 2, 28),
    dt.date(2023, 3, 1),
    dt.date(1970, 1, 1),
    dt.date(1969, 12, 31),
    dt.date(1, 1, 1),
    dt.date(9999, 12, 31),
)
ODD_TEXTS = (
    "",
    "2016",
    "2016-04",
    "20160412",
    "2016-4-12",
    "2016-04-1",
    " 2016-04-12",
    "2016-04-12 ",
    "2016-04-12T00:00",
    "2016/04/12",
    "2015-02-29",
    "1900-02-29",
    "2016-02-30",
    "2016-04-31",
    "2016-13-01",
    "2016-00-10",
    "2016-04-00",
    "0000-01-01",
    "today",
    "NaT",
    "nan",
    "２０１６-04-12",
    "2016-04-12;",
    ";2016-04-12",
    "2016-W15-2",
)

dates = st.one_of(st.sampled_from(EDGE_DATES), st.dates())
iso = dates.map(dt.date.isoformat)
texts = st.one_of(
    iso,
    iso,
    iso,
    st.sampled_from(ODD_TEXTS),
    st.text(alphabet="0123456789-;T ", max_size=12),
)
others = st.sampled_from(
    [None, float("nan"), 20160412, dt.datetime(2016, 4, 12), pd.Timestamp("2016-04-12")]
)
joined_cells = st.lists(iso, min_size=1, max_size=3).map(";".join)
odd_joined_cells = st.lists(texts, max_size=3).map(";".join)
date_lists = st.lists(dates, min_size=1, max_size=3)
text_lists = st.lists(iso, min_size=1, max_size=3)
any_lists = st.lists(st.one_of(dates, texts, others), max_size=3)
blank_cells = st.sampled_from([None, float("nan"), pd.NA, pd.NaT, "", [], ()])
any_cells = st.one_of(
    joined_cells,
    odd_joined_cells,
    date_lists,
    text_lists,
    any_lists,
    any_lists.map(tuple),
    blank_cells,
    dates,
    st.integers(),
)


def _mostly(common: st.SearchStrategy[Any], rare: st.SearchStrategy[Any]) -> Any:
    """A column of the common form with, sometimes, one odd cell somewhere."""
    return st.tuples(st.lists(common, max_size=8), st.none() | rare, st.integers(0, 8)).map(
        lambda t: t[0] if t[1] is None else [*t[0][: t[2]], t[1], *t[0][t[2] :]]
    )


columns = st.one_of(
    _mostly(joined_cells, any_cells),
    _mostly(date_lists, any_cells),
    _mostly(text_lists, any_cells),
    st.lists(any_cells, max_size=6),
)


def _read(reader: Any, cells: list[Any]) -> tuple[Any, ...]:
    try:
        counts, days = reader(list(cells))
    except InvalidValue as error:
        return ("refused", error.code, error.path, str(error))
    return ("read", counts.tolist(), days.tolist())


@given(cells=columns)
@example(cells=["2024-02-29", "2023-02-28;1900-02-28", "0001-01-01;9999-12-31"])
@example(cells=["2016-04-12", "today"])
@example(cells=["2016-04-12", "NaT"])
@example(cells=["2016-04-12", "2016"])
@example(cells=["2016-04-12", "2015-02-29"])
@example(cells=["2016-04-12", ""])
@example(cells=["2016-04-12", None])
@example(cells=[["2016-04-12"], ["0000-01-01"]])
@example(cells=[["2016-04-12"], []])
@example(cells=[])
def test_the_fast_reading_of_birth_dates_is_the_reference_reading(cells: list[Any]) -> None:
    """Same children, same days, or the same error at the same path with the same message."""
    assert _read(_births, cells) == _read(_reference_births, cells)


@given(st.lists(dates, max_size=30))
def test_a_block_of_iso_dates_reads_as_fromisoformat(values: list[dt.date]) -> None:
    """The vectorised reading itself runs on canonical dates and reads each one right."""
    joined = "".join(f"{d.isoformat()};" for d in values)
    days = _iso_days(joined, len(values))
    assert days is not None
    assert days.tolist() == [
        dt.date.fromisoformat(d.isoformat()).toordinal() - UNIX for d in values
    ]


@given(st.lists(dates, max_size=30))
def test_day_numbers_and_calendar_dates_are_the_standard_library_s(values: list[dt.date]) -> None:
    """The integer calendar (both ways) agrees with datetime.date from year 1 to 9999."""
    days = np.array([d.toordinal() - UNIX for d in values], dtype=np.int64)
    year, month, day = _civil(days)
    assert list(zip(year.tolist(), month.tolist(), day.tolist(), strict=True)) == [
        (d.year, d.month, d.day) for d in values
    ]
    assert _day_numbers(year, month, day).tolist() == days.tolist()


@pytest.mark.parametrize("text", [t for t in ODD_TEXTS if len(t) == 10])
def test_a_block_with_an_odd_date_is_left_to_the_reference(text: str) -> None:
    """A ten-character text that is not a valid YYYY-MM-DD date is never read by the fast path."""
    assert _iso_days(f"2016-04-12;{text};", 2) is None


def test_a_blank_cell_of_a_csv_is_a_missing_family_at_its_path(tmp_path: Any) -> None:
    """An empty birth_dates cell read from a CSV is refused, naming the family, not parsed."""
    path = tmp_path / "families.csv"
    path.write_text("id,birth_dates\nF1,2016-04-12\nF2,\n")
    with pytest.raises(InvalidValue) as caught:
        FamilyBatch.from_columns(pd.read_csv(path, dtype=object))
    assert (caught.value.code, caught.value.path) == ("missing", "families[1].children")


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        (None, "missing"),
        (float("nan"), "missing"),
        (pd.NA, "missing"),
        (pd.NaT, "missing"),
        ("", "empty"),
        ([], "empty"),
        ((), "empty"),
    ],
)
def test_a_family_without_birth_dates_is_refused_at_its_path(cell: Any, code: str) -> None:
    """A blank cell is not recorded (missing), an empty one a family without children (empty)."""
    for cells in (["2016-04-12", cell], [["2016-04-12"], cell]):
        with pytest.raises(InvalidValue) as caught:
            _births(cells)
        assert (caught.value.code, caught.value.path) == (code, "families[1].children")


flags = st.lists(st.booleans() | st.none(), max_size=8)


@given(flags)
def test_a_boolean_column_of_pandas_reads_as_the_list(values: list[bool | None]) -> None:
    """Nullable, pyarrow and numpy boolean columns give the list reading's values and codes."""
    ids = [f"F{i}" for i in range(len(values))]
    births = ["2020-01-01"] * len(values)
    expected = FamilyBatch.from_columns(
        {"id": ids, "birth_dates": births, "trust_in_services": values}
    )
    frames = [pd.Series(values, dtype="boolean"), pd.Series(values, dtype="bool[pyarrow]")]
    if None not in values:
        frames.append(pd.Series(values, dtype=bool))
    for series in frames:
        batch = FamilyBatch.from_columns(
            pd.DataFrame({"id": ids, "birth_dates": births, "trust_in_services": series})
        )
        assert batch.trust_in_services.tolist() == expected.trust_in_services.tolist() == values
        assert batch.codes["trust_in_services"].tolist() == (
            expected.codes["trust_in_services"].tolist()
        )


enum_values = st.lists(
    st.sampled_from(
        [*(m.value for m in PreAssessment), None, float("nan"), "worrying ", "WORRYING", 3]
    ),
    max_size=8,
)


@given(enum_values, st.sampled_from([object, "str"]))
def test_an_enum_column_of_pandas_reads_as_the_list(values: list[Any], dtype: Any) -> None:
    """A pandas column of enum values: the list reading's members, or its error at its path."""
    if dtype == "str" and any(isinstance(v, int) for v in values):
        return  # a pandas text column holds no numbers
    ids = [f"F{i}" for i in range(len(values))]
    births = ["2020-01-01"] * len(values)
    as_list = [None if isinstance(v, float) else v for v in values]

    def read(column: Any) -> tuple[Any, ...]:
        data = {"id": ids, "birth_dates": births, "pre_assessment": column}
        try:
            batch = FamilyBatch.from_columns(data)
        except InvalidValue as error:
            return ("refused", error.code, error.path)
        return ("read", batch.pre_assessment.tolist(), batch.codes["pre_assessment"].tolist())

    assert read(pd.Series(values, dtype=dtype)) == read(as_list)


def test_every_enum_is_read_by_value() -> None:
    """The two enum columns read their members from a pandas column (values, not names)."""
    frame = pd.DataFrame(
        {
            "id": ["F1", "F2"],
            "birth_dates": ["2020-01-01", "2020-01-01"],
            "pre_assessment": ["worrying", None],
            "em_orientation": [None, "reunification"],
        }
    )
    batch = FamilyBatch.from_columns(frame)
    assert batch.pre_assessment.tolist() == [PreAssessment.WORRYING, None]
    assert batch.em_orientation.tolist() == [None, EMOrientation.REUNIFICATION]
    assert np.array_equal(batch.codes["pre_assessment"], [0, -1])


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("birth_dates", ["2016-04-12"]),
        ("trust_in_services", pd.Series([True], dtype="boolean")),
        ("trust_in_services", [True, False, None]),
        ("pre_assessment", pd.Series(["worrying"], dtype=object)),
    ],
)
def test_a_column_of_another_length_is_refused_naming_it(name: str, column: Any) -> None:
    """Every reading, fast or not, refuses a column with more or fewer values than ids."""
    data = {"id": ["F1", "F2"], "birth_dates": ["2016-04-12", "2016-04-12"], name: column}
    with pytest.raises(InvalidValue) as caught:
        FamilyBatch.from_columns(data)
    assert (caught.value.code, caught.value.path) == ("columnar.length", name)
    assert str(len(column)) in caught.value.message


def test_every_kind_of_table_reads_alike(tmp_path: Any) -> None:
    """A CSV read with CSV_DTYPES, pandas' own types, an Arrow table and plain lists agree."""
    pa = pytest.importorskip("pyarrow")
    from welfare_ambito.dask import CSV_DTYPES

    rows = {
        "id": ["F1", "F2", "F3"],
        "birth_dates": ["2016-04-12", "2008-02-29;2019-03-01", "2007-01-05"],
        "pre_assessment": ["worrying", None, "not_worrying"],
        "em_orientation": ["keep_in_family", "reunification", None],
        "abuse_or_severe_maltreatment": [False, None, False],
        "trust_in_services": [True, None, False],
        "removal_in_progress": [False, True, None],
    }
    path = tmp_path / "families.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    tables = [
        rows,
        pd.DataFrame(rows),
        pd.read_csv(path, dtype=CSV_DTYPES),
        pd.read_csv(path),
        pa.table(rows),
    ]

    def read(table: Any) -> tuple[Any, ...]:
        batch = FamilyBatch.from_columns(table)
        return (
            batch.ids.tolist(),
            batch.counts.tolist(),
            batch.birth.tolist(),
            {name: codes.tolist() for name, codes in batch.codes.items()},
        )

    expected = read(rows)
    assert [read(table) for table in tables] == [expected] * len(tables)

"""Words and numbers inside error messages are written in the message's language.

A parameter that differs per language (a noun, a number's grouping, a column's name)
is one :class:`~welfare_ambito.errors.Phrase`, and a count is a plural form: no
``x_it``/``x_en`` pairs, no "1 valori", no "131072" beside "131.072".
"""

from __future__ import annotations

import io
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from test_i18n_words import leaks
from welfare_ambito import InvalidInput, InvalidValue
from welfare_ambito.budget import read_table
from welfare_ambito.budget.tables import Table
from welfare_ambito.errors import Phrase
from welfare_ambito.parsing import read_decimal
from welfare_ambito.tables import csv_rows, read_families


def _both(error: InvalidValue) -> tuple[str, str]:
    return error.text("it"), error.text("en")


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_a_number_phrase_groups_as_each_language_writes(value: int) -> None:
    """Phrase.number: dots group thousands in Italian, commas in English; the digits agree."""
    italian, english = Phrase.number(value).display("it"), Phrase.number(value).display("en")
    assert italian.replace(".", "") == english.replace(",", "") == str(value)
    if abs(value) >= 1000:
        assert "." in italian
        assert "," in english


@pytest.mark.parametrize(
    ("kwargs", "italian", "english"),
    [
        (
            {"columns": ["a", "b"], "rows": ["x"], "cents": [[1]]},
            "la riga 'x' ha 1 valore, la tabella ha 2 colonne",
            "row 'x' has 1 value, the table has 2 columns",
        ),
        (
            {"columns": ["a"], "rows": ["x"], "cents": [[1, 2]]},
            "la riga 'x' ha 2 valori, la tabella ha 1 colonna",
            "row 'x' has 2 values, the table has 1 column",
        ),
        (
            {"columns": ["a"], "rows": ["x", "y"], "cents": [[1]]},
            "2 etichette di riga ma 1 riga di valori",
            "2 row labels but 1 row of values",
        ),
        (
            {"columns": ["a", "a"], "rows": ["x"], "cents": [[1, 1]]},
            "due colonne hanno lo stesso nome",
            "two columns have the same name",
        ),
        (
            {"columns": ["a"], "rows": ["x", "x"], "cents": [[1], [1]]},
            "due righe hanno lo stesso nome",
            "two rows have the same name",
        ),
    ],
)
def test_table_shape_errors_agree_with_their_counts(
    kwargs: dict[str, object], italian: str, english: str
) -> None:
    """One value, one column, one row: singular in both languages, nouns in the reader's."""
    with pytest.raises(InvalidValue) as caught:
        Table(**kwargs)  # type: ignore[arg-type]
    assert _both(caught.value) == (italian, english)


def test_a_line_of_the_wrong_width_counts_its_cells(tmp_path: pathlib.Path) -> None:
    """A CSV line narrower than its header says how many cells it has, in each language."""
    path = tmp_path / "t.csv"
    path.write_text("voce;a;b\nr;1\n", encoding="utf-8")
    with pytest.raises(InvalidValue) as caught:
        read_table(path)
    assert caught.value.code == "budget.table_shape"
    italian, english = _both(caught.value)
    assert "('r') ha 2 celle, l'intestazione 3" in italian
    assert "('r') has 2 cells, the header has 3" in english


def test_a_long_cell_names_the_limit_in_each_languages_digits() -> None:
    """131.072 in Italian, 131,072 in English: one parameter, never two."""
    text = "famiglia;data di nascita\nF01;" + "x" * 131_073 + "\n"
    with pytest.raises(InvalidValue) as caught:
        list(csv_rows(io.StringIO(text)))
    italian, english = _both(caught.value)
    assert italian.endswith("supera 131.072 caratteri")
    assert english.endswith("is longer than 131,072 characters")
    assert set(caught.value.params) == {"name", "line", "limit"}


def test_columns_are_named_in_the_readers_language() -> None:
    """A missing or repeated column: its template header, in English with its English name."""
    with pytest.raises(InvalidInput) as caught:
        read_families(io.StringIO("famiglia;Famiglia;comune\nF01;F01;Meda\n"))
    by_code = {e.code: e for e in caught.value.errors}
    missing, repeated = by_code["tables.missing_column"], by_code["tables.duplicate_column"]
    assert missing.text("it").startswith("manca la colonna «data di nascita»;")
    assert missing.text("en").startswith("no column «data di nascita» (birth date);")
    assert repeated.text("it") == "«Famiglia» è una seconda colonna per «famiglia»: tienine una"
    assert repeated.text("en") == "«Famiglia» is a second column for «famiglia» (family): keep one"
    for detail in caught.value.errors:
        assert not leaks(detail.text("it").split(";")[0], "it"), detail.text("it")


def test_an_ambiguous_number_shows_each_languages_decimal_mark_first() -> None:
    """1,5 (o 1.5) in Italian, 1.5 (or 1,5) in English, from one parameter."""
    with pytest.raises(InvalidValue) as caught:
        read_decimal("1.500")
    italian, english = _both(caught.value)
    assert italian.endswith("scrivi 1500 (o 1.500,0) per 1500, 1,5 (o 1.5) per 1.5")
    assert english.endswith("write 1500 (or 1.500,0) for 1500, 1.5 (or 1,5) for 1.5")

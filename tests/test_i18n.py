"""The message catalogue: plural rules, numbers, dates, ordinals and locations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import i18n

decimals = st.decimals(
    allow_nan=False, allow_infinity=False, places=3, max_value=10**12, min_value=-(10**12)
)


@given(
    value=st.one_of(st.integers(-(10**15), 10**15), decimals), lang=st.sampled_from(["it", "en"])
)
def test_numbers_read_back_exactly(value: int | Decimal, lang: str) -> None:
    """Removing the grouping and restoring the decimal point gives the value back."""
    text = i18n.number(value, lang)  # type: ignore[arg-type]
    thousands, point = (".", ",") if lang == "it" else (",", ".")
    assert Decimal(text.replace(thousands, "").replace(point, ".")) == Decimal(value)
    whole = text.lstrip("-").split(point)[0]
    assert all(len(group) == 3 for group in whole.split(thousands)[1:])
    assert 1 <= len(whole.split(thousands)[0]) <= 3


def test_the_notice_figures() -> None:
    """The figures as the notices write them."""
    assert i18n.number(6000, "it") == "6.000"
    assert i18n.number(Decimal("211500.00"), "it") == "211.500,00"
    assert i18n.number(Decimal("1400.5"), "en") == "1,400.5"
    assert i18n.number(999, "it") == "999"


@pytest.mark.parametrize(
    ("count", "category"),
    [
        (0, "other"),
        (1, "one"),
        (2, "other"),
        (Decimal(1), "one"),
        (Decimal("1.0"), "other"),
        (Decimal("1.5"), "other"),
        (Decimal("-1"), "other"),
        (1000001, "other"),
    ],
)
def test_cldr_plural_categories(count: int | Decimal, category: str) -> None:
    """CLDR cardinal rule for it and en: one iff i = 1 and v = 0."""
    assert i18n.plural_category(count, "it") == category
    assert i18n.plural_category(count, "en") == category


def test_dates_have_one_form_per_language() -> None:
    """dd/mm/yyyy in Italian, ISO in English."""
    day = dt.date(2023, 9, 1)
    assert i18n.date(day, "it") == "01/09/2023"
    assert i18n.date(day, "en") == "2023-09-01"


@pytest.mark.parametrize(
    ("position", "english"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (102, "102nd"),
        (111, "111th"),
    ],
)
def test_english_ordinals(position: int, english: str) -> None:
    """English ordinal suffixes, teens included."""
    assert i18n.ordinal(position, "en") == english


@pytest.mark.parametrize(
    ("path", "italian", "english"),
    [
        ("", "piano", "plan"),
        ("$", "piano", "plan"),
        ("families[3]", "4ª famiglia", "4th family"),
        (
            "interventions[0].weekly_hours",
            "1º intervento › weekly_hours",
            "1st intervention › weekly_hours",
        ),
        ("families[0].children[1]", "1ª famiglia › 2º bambino", "1st family › 2nd child"),
        ("hour_plan", "monte ore", "hour plan"),
        ("staff[2]", "3º operatore", "3rd staff member"),
        ("families", "famiglie", "families"),
    ],
)
def test_locations_count_from_one_in_the_users_words(path: str, italian: str, english: str) -> None:
    """Machine paths read as a user names the place."""
    assert i18n.location(path, "it") == italian
    assert i18n.location(path, "en") == english


def test_locations_name_the_subject_by_id() -> None:
    """With the ids known, each item is named by id and position."""
    ids = {"families[3]": "F04", "families[3].children[0]": "C1"}
    assert (
        i18n.location("families[3].children[0]", "it", ids) == "famiglia F04 (4ª) › bambino C1 (1º)"
    )


def test_every_plural_message_has_both_forms_in_both_languages() -> None:
    """A message with plural forms has ``one`` and ``other`` in each language, with the count."""
    for key in i18n.message_keys():
        entry = i18n._CATALOGUE[key]
        assert set(entry) == {"it", "en"}, key
        for template in entry.values():
            if not isinstance(template, str):
                assert set(template) == {"one", "other"}, key
                assert "{count}" in template["other"], key


def test_redefining_a_message_with_other_texts_is_refused() -> None:
    """Two modules cannot give one key different texts."""
    i18n.define("test.same", it="a", en="b")
    i18n.define("test.same", it="a", en="b")
    with pytest.raises(ValueError, match="already defined"):
        i18n.define("test.same", it="c", en="b")


@given(st.dates(), st.dates())
def test_dates_in_error_messages_take_the_message_language(start: dt.date, end: dt.date) -> None:
    """An error quoting days writes them dd/mm/yyyy in Italian and ISO in English, never mixed."""
    from welfare_ambito.errors import InvalidValue

    error = InvalidValue.of("date_order", path="end", start=start, end=end)
    for day in (start, end):
        assert i18n.date(day, "it") in error.text("it")
        assert day.isoformat() in error.text("en")
        assert day.isoformat() not in error.text("it")
    assert error.params == {"start": start, "end": end}


@given(st.integers(min_value=0, max_value=10**7))
def test_phrases_speak_the_language_of_their_message(size: int) -> None:
    """A Phrase parameter (a word, a number inside it) is written in each message's language."""
    from welfare_ambito._documents import _file_error
    from welfare_ambito.errors import Phrase

    error = _file_error("plan.toml", Phrase("documents.too_large", {"size": size}))
    detail = error.errors[0]
    assert (
        detail.text("it")
        == f"impossibile leggere plan.toml: più grande di {i18n.number(size, 'it')} byte"
    )
    assert (
        detail.text("en") == f"cannot read plan.toml: larger than {i18n.number(size, 'en')} bytes"
    )


@pytest.mark.parametrize(
    ("cells", "italian", "english"), [(1, "1 cella", "1 cell"), (2, "2 celle", "2 cells")]
)
def test_counted_error_messages_agree_with_their_count(
    cells: int, italian: str, english: str
) -> None:
    """A row with the wrong number of cells: «deve avere 1 cella», never «1 celle»."""
    import welfare_ambito.sercop  # noqa: F401  (defines the sercop messages)
    from welfare_ambito.errors import InvalidValue

    error = InvalidValue.of("sercop.cells", path="rows[0].cells", index=0, table="t", count=cells)
    assert error.text("it").endswith(f"deve avere {italian}")
    assert error.text("en").endswith(f"must have {english}")

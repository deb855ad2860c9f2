"""The columnar screening path gives the row path's answers, from every kind of table."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from welfare_ambito.citations import Citation
from welfare_ambito.eligibility import assess
from welfare_ambito.eligibility.columnar import FORMS, FamilyBatch, screen
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import Family
from welfare_ambito.rules import Outcome, Parameters, Result, Verdict, load_profile, rule
from welfare_ambito.testing.suites import ColumnarRuleContract
from welfare_ambito.testing.suites.columnar import populations


class TestAgeGroupForm(ColumnarRuleContract):
    rule_id = "pippi.target.age_group"

    def form(self, batch, parameters, on):  # type: ignore[no-untyped-def]
        return FORMS[self.rule_id](batch, parameters, on)


class TestNoAbuseForm(TestAgeGroupForm):
    rule_id = "pippi.target.no_abuse"


class TestPreAssessmentForm(TestAgeGroupForm):
    rule_id = "pippi.target.pre_assessment"


class TestEMOrientationForm(TestAgeGroupForm):
    rule_id = "pippi.target.em_orientation"


class TestTrustForm(TestAgeGroupForm):
    rule_id = "pippi.target.trust"


class TestAdversitiesForm(TestAgeGroupForm):
    rule_id = "pippi.target.adversities"


def test_every_target_rule_of_the_profile_has_a_columnar_form() -> None:
    """The shipped profile screens entirely on the columnar path."""
    profile = load_profile("seregno-pippi-2023")
    assert {r for r in profile.rule_ids if r.startswith("pippi.target.")} == set(FORMS)


@settings(max_examples=60, deadline=None)
@given(case=populations())
def test_screen_equals_assess(case: tuple[dt.date, list[Family]]) -> None:
    """Outcome, group and missing inputs per family are assess's, or both refuse the input."""
    on, families = case
    try:
        expected = [assess(f, on=on) for f in families]
    except InvalidValue as error:
        with pytest.raises(InvalidValue) as caught:
            screen(families, on=on)
        assert caught.value.code == error.code
        return
    result = screen(families, on=on)
    assert list(result.outcome) == [a.outcome.value for a in expected]
    assert list(result.group) == [a.group.value if a.group else None for a in expected]
    assert result.missing() == [a.missing for a in expected]
    assert set(result.paths.values()) <= {"columnar"}


def _rows() -> list[dict[str, object]]:
    return [
        {
            "id": "F1",
            "birth_dates": [dt.date(2016, 4, 12), dt.date(2009, 1, 1)],
            "pre_assessment": "worrying",
            "em_orientation": "keep_in_family",
            "abuse_or_severe_maltreatment": False,
            "trust_in_services": True,
            "removal_in_progress": None,
        },
        {
            "id": "F2",
            "birth_dates": ["2008-02-29"],
            "pre_assessment": None,
            "em_orientation": "reunification",
            "abuse_or_severe_maltreatment": None,
            "trust_in_services": False,
            "removal_in_progress": True,
        },
    ]


def test_a_dataframe_records_and_columns_screen_alike() -> None:
    """pandas, a list of records, a mapping of columns and Family objects agree."""
    on = dt.date(2024, 2, 28)
    rows = _rows()
    frame = pd.DataFrame(rows)
    columns = {k: [r[k] for r in rows] for k in rows[0]}
    results = [screen(x, on=on) for x in (frame, rows, columns)]
    families = list(FamilyBatch.from_columns(rows).families())
    results.append(screen(families, on=on))
    assert all(list(r.outcome) == ["eligible", "not_eligible"] for r in results)
    assert [a.outcome.value for a in (assess(f, on=on) for f in families)] == list(
        results[0].outcome
    )
    assert results[0].to_pandas()["outcome"].tolist() == ["eligible", "not_eligible"]


def test_nan_from_a_dataframe_is_missing() -> None:
    """A NaN a DataFrame puts in an empty cell means not recorded."""
    frame = pd.DataFrame(
        {"id": ["F1"], "birth_dates": [["2016-04-12"]], "trust_in_services": [float("nan")]}
    )
    result = screen(frame, on=dt.date(2023, 6, 1))
    assert "trust_in_services" in result.missing()[0]


@pytest.mark.parametrize(
    ("column", "value", "path"),
    [
        ("trust_in_services", 1, "families[1].trust_in_services"),
        ("trust_in_services", "yes", "families[1].trust_in_services"),
        ("pre_assessment", "bad", "families[1].pre_assessment"),
        ("birth_dates", [], "families[1].children"),
        ("birth_dates", ["2020-13-01"], "families[1].children[0].birth_date"),
        ("birth_dates", [dt.datetime(2020, 1, 1)], "families[1].children[0].birth_date"),
        ("id", "", "families[1].id"),
    ],
)
def test_bad_values_are_refused_at_their_path(column: str, value: object, path: str) -> None:
    """What the row path refuses, the columnar path refuses, naming the family and field."""
    rows = _rows()
    rows[1][column] = value
    with pytest.raises(InvalidValue) as caught:
        screen(rows, on=dt.date(2024, 1, 1))
    assert caught.value.path == path


def test_a_child_born_after_the_day_is_refused_like_assess() -> None:
    """As assess: invalid input, naming the child, never the date."""
    rows = _rows()
    rows[1]["birth_dates"] = ["2020-01-01", "2024-03-01"]
    with pytest.raises(InvalidValue) as caught:
        screen(rows, on=dt.date(2024, 2, 28))
    assert caught.value.path == "children[1].birth_date"
    assert "2024-03-01" not in str(caught.value)


@rule(
    id="pippi.target.test_only_comune",
    subject="family",
    title={"it": "Comune registrato", "en": "Comune recorded"},
    message={"it": "Comune", "en": "Comune"},
    reads=("comune",),
    citation=Citation(
        document="seregno-pippi-2023-avviso",
        section="LE FAMIGLIE TARGET PER IL PROGRAMMA P.I.P.P.I.",
        quote="famiglie",
    ),
    registry=None,
)
def _comune_recorded(family: Family, p: Parameters) -> Verdict:
    return Outcome.PASS if family.trust_in_services else Outcome.NEEDS_REVIEW


def test_a_rule_without_a_columnar_form_runs_on_the_row_path() -> None:
    """The fallback is transparent and the result says which path ran."""
    profile = load_profile("seregno-pippi-2023").derive(id="with-row-rule", add=[_comune_recorded])
    result = screen(_rows(), on=dt.date(2024, 2, 28), profile=profile)
    assert result.paths["pippi.target.test_only_comune"] == "row"
    assert result.paths["pippi.target.trust"] == "columnar"
    assert result.rule_outcomes("pippi.target.test_only_comune") == ["pass", "needs_review"]


def test_reasons_come_from_the_row_path_on_demand() -> None:
    """Explanations are built for the family asked about, with the row path's messages."""
    on = dt.date(2024, 2, 28)
    result = screen(_rows(), on=on)
    families = list(FamilyBatch.from_columns(_rows()).families())
    assert result.reasons(1, lang="en") == assess(families[1], on=on, lang="en").reasons()


@given(st.lists(st.booleans() | st.none(), max_size=5))
def test_flags_round_trip_through_a_batch(flags: list[bool | None]) -> None:
    """A flag column comes back as it went in, True/False/None."""
    batch = FamilyBatch.from_columns(
        {
            "id": [f"F{i}" for i in range(len(flags))],
            "birth_dates": [["2020-01-01"]] * len(flags),
            "trust_in_services": flags,
        }
    )
    assert batch.trust_in_services.tolist() == flags


@rule(
    id="pippi.target.test_only_comune_missing",
    subject="family",
    title={"it": "Comune registrato", "en": "Comune recorded"},
    message={"it": "Comune", "en": "Comune"},
    reads=("comune", "pre_assessment"),
    citation=Citation(
        document="seregno-pippi-2023-avviso",
        section="LE FAMIGLIE TARGET PER IL PROGRAMMA P.I.P.P.I.",
        quote="famiglie",
    ),
    registry=None,
)
def _comune_missing(family: Family, p: Parameters) -> Verdict:
    if family.trust_in_services:
        return Outcome.PASS
    return Result(Outcome.NEEDS_REVIEW, missing=("comune", "pre_assessment"))


def test_missing_inputs_of_row_rules_join_the_columnar_ones() -> None:
    """With a row-path rule, missing() and missing_joined() give assess's inputs, in its order."""
    profile = load_profile("seregno-pippi-2023").derive(id="with-row-rule", add=[_comune_missing])
    on = dt.date(2024, 2, 28)
    rows = _rows()
    result = screen(rows, on=on, profile=profile)
    families = list(FamilyBatch.from_columns(rows).families())
    expected = [assess(f, on=on, profile=profile).missing for f in families]
    assert expected[1] == ("abuse_or_severe_maltreatment", "pre_assessment", "comune")
    assert result.missing() == expected
    assert result.missing_joined("|").tolist() == ["|".join(m) for m in expected]

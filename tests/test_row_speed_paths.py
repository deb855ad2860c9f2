"""The row path's shortcuts give the reference answers (ages, cached checkers, streamed assessments)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import data
from welfare_ambito.eligibility import assess, assess_all
from welfare_ambito.model import Child
from welfare_ambito.rules import Checker, load_profile

_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


@given(born=_DAYS, on=_DAYS)
def test_age_on_matches_dateutil(born: dt.date, on: dt.date) -> None:
    """Whole years on a day are dateutil's, 29 February birthdays included."""
    if on < born:
        born, on = on, born
    assert Child(id="C", birth_date=born).age_on(on) == relativedelta(on, born).years


def test_age_on_29_february_turns_older_on_28_february() -> None:
    """A child born on 29 February is a year older on 28 February of a common year."""
    child = Child(id="C", birth_date=dt.date(2012, 2, 29))
    assert child.age_on(dt.date(2013, 2, 27)) == 0
    assert child.age_on(dt.date(2013, 2, 28)) == 1
    assert child.age_on(dt.date(2016, 2, 28)) == 3
    assert child.age_on(dt.date(2016, 2, 29)) == 4


def test_assess_all_streams_and_matches_assess() -> None:
    """assess_all yields lazily, with the same answers as assess one at a time."""
    plan = data.example("pippi_seregno_mistakes")
    results = assess_all(plan.families, on=plan.period.start)
    assert isinstance(results, Iterator)
    one_by_one = [assess(f, on=plan.period.start) for f in plan.families]
    assert [a.to_dict() for a in results] == [a.to_dict() for a in one_by_one]


def test_cached_checker_follows_the_day_the_language_and_the_profile() -> None:
    """The cached binding never leaks between days, languages, profiles or overrides."""
    plan = data.example("pippi_seregno")
    family = plan.families[0]
    it = assess(family, on=dt.date(2023, 6, 1))
    en = assess(family, on=dt.date(2023, 6, 1), lang="en")
    assert it.findings[0].message != en.findings[0].message
    later = assess(family, on=dt.date(2040, 6, 1))
    assert later.outcome.value == "not_eligible"
    strict = assess(family, on=dt.date(2023, 6, 1), overrides={"pippi.target.child_max_age": 0})
    assert strict.outcome.value != it.outcome.value or strict.group != it.group


def test_findings_of_equals_the_stream() -> None:
    """Findings of one subject are the stream's findings, with paths relative to it."""
    plan = data.example("pippi_seregno_mistakes")
    checker = Checker(load_profile("seregno-pippi-2023"), on=plan.period.start)
    streamed = list(checker.stream(plan.families, kind="family", collection="f"))
    width = len(streamed) // len(plan.families)
    for index, family in enumerate(plan.families):
        mine = checker.findings_of(family, kind="family")
        theirs = streamed[index * width : (index + 1) * width]
        assert [f._replace(path="", missing=()) for f in mine] == [
            f._replace(path="", missing=()) for f in theirs
        ]
        assert [m for f in mine for m in f.missing] == [
            m.removeprefix(f"f[{index}].") for f in theirs for m in f.missing
        ]


def test_remembered_findings_name_each_subject_s_own_id() -> None:
    """Findings described once per combination still carry each subject's id."""
    from decimal import Decimal

    from welfare_ambito.model import Intervention, InterventionKind

    items = [
        Intervention(id=name, kind=InterventionKind.SEDT, weekly_hours=Decimal(hours))
        for name, hours in (("I-A", 6), ("I-B", 6), ("I-C", 9))
    ]
    checker = Checker("seregno-pippi-2023", on=dt.date(2024, 1, 1), lang="en")
    findings = list(checker.stream(items, kind="intervention"))
    for item, finding in zip(items, findings, strict=True):
        assert f"Intervention {item.id} has" in finding.message
        assert finding.values["id"] == item.id
        assert "\x00" not in finding.message
    fresh = Checker("seregno-pippi-2023", on=dt.date(2024, 1, 1), lang="en")
    assert [fresh.findings_of(i, kind="intervention", path="x") for i in items] == [
        (f._replace(path="x"),) for f in findings
    ]

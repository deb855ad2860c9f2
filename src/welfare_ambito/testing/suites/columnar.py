"""The property that holds a columnar form of a rule to its row form (needs numpy).

A columnar form evaluates one rule over a :class:`~welfare_ambito.eligibility.columnar.FamilyBatch`
and returns one outcome code per family (see
:data:`~welfare_ambito.eligibility.columnar.CODES`). It must give, for every
family of every population, the outcome the row rule gives under the profile
(:class:`~welfare_ambito.rules.Checker`): generated populations include empty
ones, children whose birthday is the reference day or the day after, 29 February
births and reference days, children born after the reference day, adults, and
every judgement missing.

Subclass once per form::

    from welfare_ambito.testing.suites.columnar import ColumnarRuleContract

    class TestMyAgeForm(ColumnarRuleContract):
        rule_id = "pippi.target.age_group"

        def form(self, batch, parameters, on):
            return my_age_form(batch, parameters, on)

or call :func:`check_columnar_rule` with the rule id and the function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from welfare_ambito.testing import MissingTestingExtra

try:
    from hypothesis import strategies as st
except ImportError:
    raise MissingTestingExtra.for_package("hypothesis") from None

from welfare_ambito.testing.suites import _checks

__all__ = [
    "ColumnarRuleContract",
    "assert_form_agrees",
    "check_columnar_rule",
    "populations",
]

Form = Callable[[Any, Mapping[str, Any], dt.date], Any]

_EDGE_DAYS = (
    dt.date(2024, 2, 28),
    dt.date(2024, 2, 29),
    dt.date(2024, 3, 1),
    dt.date(2025, 2, 28),
    dt.date(2025, 3, 1),
)


@st.composite
def populations(
    draw: st.DrawFn,
    *,
    days: tuple[dt.date, dt.date] = _checks.DEFAULT_DAYS,
    max_size: int = 12,
) -> tuple[dt.date, list[Any]]:
    """A reference day and a population of families (possibly empty) to evaluate on it.

    Families are drawn for a day near the reference day (sometimes after it, so
    a child may be born after the reference day), often with every birthday on
    an age's edge; judgements are drawn freely, ``None`` included.

    >>> populations(max_size=3)  # doctest: +ELLIPSIS
    populations(max_size=3)
    """
    from welfare_ambito.testing import strategies as was

    on = draw(st.one_of(st.sampled_from(_EDGE_DAYS), _checks.reference_days(days)))
    drawn_for = draw(
        st.one_of(
            st.just(on),
            st.integers(-3, 3).map(lambda k: on + dt.timedelta(days=k)),
            st.integers(-800, 800).map(lambda k: on + dt.timedelta(days=k)),
        )
    )
    birthdays = draw(st.booleans())
    families = draw(
        st.lists(
            was.families(on=drawn_for, birthdays=birthdays, max_age=19, max_children=3),
            max_size=max_size,
        )
    )
    return on, families


def _ages(family: Any, on: dt.date) -> list[int]:
    return [on.year - c.birth_date.year for c in family.children]


def assert_form_agrees(
    rule_id: str, form: Form, families: Sequence[Any], on: dt.date, *, profile: Any
) -> None:
    """The form's codes equal the row rule's outcomes for every family (ids and ages shown)."""
    from welfare_ambito.eligibility.columnar import CODES, FamilyBatch
    from welfare_ambito.rules import Checker, load_profile

    resolved = load_profile(profile)
    checker = Checker(resolved, on=on, rules=[rule_id])
    expected = [o.value for o in checker.outcomes(families, kind="family")]
    item = resolved.rule(rule_id)
    names = item.rule.all_parameters
    parameters = resolved.parameters.at(on, names) if names else {}
    codes = form(FamilyBatch.from_families(list(families)), parameters, on)
    found = [CODES[int(c)] for c in list(codes)]
    if len(found) != len(expected):
        raise AssertionError(
            f"{rule_id}: the form returned {len(found)} codes for {len(expected)} families"
        )
    for index, (mine, reference) in enumerate(zip(found, expected, strict=True)):
        if mine != reference:
            family = families[index]
            raise AssertionError(
                f"{rule_id} on {on.isoformat()}: family {index} ({family.id}, about "
                f"{_ages(family, on)} years) is {mine!r} on the columnar path but "
                f"{reference!r} on the row path\n  family: {family!r}"
            )


def check_columnar_rule(
    rule_id: str,
    form: Form,
    *,
    profile: Any = _checks.DEFAULT_PROFILE,
    days: tuple[dt.date, dt.date] = _checks.DEFAULT_DAYS,
    max_examples: int | None = None,
) -> None:
    """Hold ``form`` to the row rule ``rule_id`` over generated populations (raises on a mismatch).

    >>> from welfare_ambito.eligibility.columnar import FORMS
    >>> check_columnar_rule("pippi.target.trust", FORMS["pippi.target.trust"], max_examples=5)
    """
    _checks.run(
        lambda case: assert_form_agrees(rule_id, form, case[1], case[0], profile=profile),
        populations(days=days),
        max_examples=max_examples,
    )


class ColumnarRuleContract:
    """A columnar form of one rule agrees with the row rule on every generated population.

    Write::

        class TestMyForm(ColumnarRuleContract):
            rule_id = "pippi.target.trust"

            def form(self, batch, parameters, on):
                return my_form(batch, parameters, on)
    """

    rule_id: ClassVar[str | None] = None
    """The id of the row rule the form must equal."""
    profile: ClassVar[str] = _checks.DEFAULT_PROFILE
    """The profile whose parameters and rule apply."""
    days: ClassVar[tuple[dt.date, dt.date]] = _checks.DEFAULT_DAYS
    """First and last reference day drawn (the edge days around 29 February are always drawn)."""
    max_examples: ClassVar[int | None] = None
    """Populations per property; ``None``: the current hypothesis settings profile."""

    def form(self, batch: Any, parameters: Mapping[str, Any], on: dt.date) -> Any:
        """Your function: one outcome code per family of ``batch``."""
        raise NotImplementedError(
            f"{type(self).__name__} needs a method `form(self, batch, parameters, on)` and a "
            "class attribute `rule_id`, e.g.\n\n"
            '    rule_id = "pippi.target.trust"\n\n'
            "    def form(self, batch, parameters, on):\n"
            "        return my_form(batch, parameters, on)\n"
        )

    def _rule(self) -> str:
        if self.rule_id is None:
            raise NotImplementedError(
                f"{type(self).__name__} needs a class attribute `rule_id` (the row rule's id)"
            )
        return self.rule_id

    def test_agrees_with_the_row_rule(self) -> None:
        """Every family of every generated population gets the row rule's outcome."""
        check_columnar_rule(
            self._rule(),
            self.form,
            profile=self.profile,
            days=self.days,
            max_examples=self.max_examples,
        )

    def test_agrees_on_birthdays(self) -> None:
        """Children with a birthday on the reference day or the day after are aged alike."""
        cases = _checks.birthday_edge_cases(self.profile)
        by_day: dict[dt.date, list[Any]] = {}
        for case in cases:
            by_day.setdefault(case.on, []).append(case.family)
        for on, families in by_day.items():
            assert_form_agrees(self._rule(), self.form, families, on, profile=self.profile)

    def test_agrees_on_an_empty_population(self) -> None:
        """No family: no code."""
        assert_form_agrees(self._rule(), self.form, [], dt.date(2024, 2, 29), profile=self.profile)

"""Is this family in the P.I.P.P.I. target? Seed 004, «LE FAMIGLIE TARGET PER IL PROGRAMMA P.I.P.P.I.».

:func:`assess` runs the profile's ``pippi.target.*`` rules on one family on
one day and returns an :class:`Assessment`: ``eligible``, ``not_eligible`` or
``needs_review``, with the findings (messages and citations) behind it.

How the notice is read
----------------------
* Abuse or severe maltreatment: outside the target, but only *orientativamente*
  («il target, orientativamente, non riguarda situazioni di abuso o gravi forme
  di maltrattamento»): the outcome is ``not_eligible`` with
  :attr:`Assessment.em_may_decide_otherwise` set, and the message says the EM
  may decide otherwise.
* Ages are whole years on the reference day (11 until the day before the 12th
  birthday). A child born after that day is invalid input
  (:class:`~welfare_ambito.errors.InvalidValue`), not a newborn.
* Age bands overlap at 11: «minori da 0 a 11 anni» (core target) and «famiglie
  con figli da 11 a 14 anni» (a group of about 20%). The tie is broken by the
  notice's own description of the programme, which puts 11 with the children
  and starts adolescence at 12: «in prima battuta, ai bambini di 0-11 anni e, in
  seconda battuta, agli adolescenti dai 12 al 17 anni». So a family with at
  least one child aged 0–11 is **core target** (whatever the age of its other
  children, 12–14 or 15–17 included); a family with no child aged 0–11 and one
  aged 11–14 (in effect 12–14) belongs to the **11–14 group**, counted against
  its share; a family whose minors are all 15–17 is **outside this notice's
  target** (adolescents are reached only «in seconda battuta»). A family whose
  only child in the bands is 11 is core target, and the finding says so, with
  both sentences cited.
* The EM's pre-assessment must judge the conditions «preoccupanti»; the EM's
  orientation must be to keep the child in the family, or a removal must be in
  progress with a reunification project (the reunification group).
* Positive trust in the services is required; when it is not recorded the
  outcome is ``needs_review``, never a guess. The same holds for every
  judgement the family does not record.
* Specific adversities never exclude a family: they are recorded.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from welfare_ambito import i18n
from welfare_ambito._lang import LANGS, Lang
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import Adversity, EMOrientation, Family

__all__ = [
    "TARGET_RULES",
    "AgeBands",
    "Assessment",
    "Census",
    "EligibilityOutcome",
    "TargetGroup",
    "assess",
    "assess_all",
    "check_birth_dates",
    "in_reunification_group",
    "target_group",
]

TARGET_RULES = "pippi.target."
"""Prefix of the rule ids :func:`assess` runs."""

i18n.define(
    "pippi.assessment.eligible",
    it="Famiglia {family}: rientra nel target P.I.P.P.I. al {on}",
    en="Family {family}: is in the P.I.P.P.I. target on {on}",
)
i18n.define(
    "pippi.assessment.not_eligible",
    it="Famiglia {family}: non rientra nel target P.I.P.P.I. al {on}",
    en="Family {family}: is not in the P.I.P.P.I. target on {on}",
)
i18n.define(
    "pippi.assessment.needs_review",
    it="Famiglia {family}: da valutare per il target P.I.P.P.I. al {on}",
    en="Family {family}: needs review for the P.I.P.P.I. target on {on}",
)
i18n.define(
    "pippi.assessment.orientative",
    it=" (esclusione orientativa: l'EM può decidere diversamente)",
    en=" (the exclusion is only indicative: the EM may decide otherwise)",
)
# The code birth_after_reference (error.birth_after_reference: "born after the reference
# date") also names the child here, as a family's check reads better with it.
i18n.define(
    "pippi.birth_after_reference",
    it="il minore {child} risulta nato dopo il giorno di riferimento {on}: "
    "verificare la data di nascita o il giorno",
    en="child {child} is born after the reference day {on}: "
    "check the birth date or the reference day",
)


class EligibilityOutcome(enum.StrEnum):
    """The answer of an assessment.

    >>> EligibilityOutcome("needs_review") is EligibilityOutcome.NEEDS_REVIEW
    True
    >>> [outcome.value for outcome in EligibilityOutcome]
    ['eligible', 'not_eligible', 'needs_review']
    """

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_REVIEW = "needs_review"


class TargetGroup(enum.StrEnum):
    """Where a family's children place it, by age on the reference day.

    >>> AgeBands().group_of([13]), TargetGroup("core")
    (<TargetGroup.PREADOLESCENT: 'preadolescent'>, <TargetGroup.CORE: 'core'>)
    """

    CORE = "core"
    """At least one child aged 0–11: the programme's first target."""
    PREADOLESCENT = "preadolescent"
    """No child aged 0–11, at least one aged 11–14: the 11–14 group (about 20%)."""
    ADOLESCENT = "adolescent"
    """Minors aged 15–17 only: reached «in seconda battuta», outside this notice's target."""
    OUTSIDE = "outside"
    """No child in any band (e.g. only adults)."""


_TABLE_AGES = 130
_BANDS: dict[tuple[Any, ...], AgeBands] = {}
_LAST: list[Any] = []
"""The last parameters :meth:`AgeBands.from_parameters` read and their bands (held, so that
the object's identity is not reused)."""


@attrs.frozen(kw_only=True)
class AgeBands:
    """The age bands of the target, in whole years (profile parameters).

    >>> bands = AgeBands()
    >>> bands.group_of([11]), bands.group_of([12, 16]), bands.group_of([16])
    (<TargetGroup.CORE: 'core'>, <TargetGroup.PREADOLESCENT: 'preadolescent'>, <TargetGroup.ADOLESCENT: 'adolescent'>)
    """

    core_min: Decimal = Decimal(0)
    core_max: Decimal = Decimal(11)
    preadolescent_min: Decimal = Decimal(11)
    preadolescent_max: Decimal = Decimal(14)
    adolescent_max: Decimal = Decimal(17)
    _table: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    PARAMETERS = (
        "pippi.target.child_min_age",
        "pippi.target.child_max_age",
        "pippi.target.preadolescent_min_age",
        "pippi.target.preadolescent_max_age",
        "pippi.target.adolescent_max_age",
    )
    """The profile parameters the bands come from."""

    @classmethod
    def from_parameters(cls, p: Mapping[str, Any]) -> AgeBands:
        """The bands from a rule's parameters (see :attr:`PARAMETERS`)."""
        last = _LAST
        if last and last[0] is p:  # the same parameters as the last call (a rule's, per family)
            return last[1]  # type: ignore[no-any-return]
        names = cls.PARAMETERS
        key = (p[names[0]], p[names[1]], p[names[2]], p[names[3]], p[names[4]])
        bands = _BANDS.get(key)
        if bands is None:  # a rule asks for its bands once per family: build them once
            bands = cls(
                core_min=key[0],
                core_max=key[1],
                preadolescent_min=key[2],
                preadolescent_max=key[3],
                adolescent_max=key[4],
            )
            if len(_BANDS) >= 64:
                _BANDS.clear()
            _BANDS[key] = bands
        # Only read-only parameters are remembered by identity (a plain mapping may change).
        loaded = sys.modules.get("welfare_ambito.rules.parameters")
        if loaded is not None and isinstance(p, loaded.Parameters):
            _LAST[:] = (p, bands)
        return bands

    def __attrs_post_init__(self) -> None:
        # Ages are small whole numbers: a table of bands per age answers without Decimal work.
        table = tuple(
            (self.core_min <= age <= self.core_max)
            | (self.preadolescent_min <= age <= self.preadolescent_max) << 1
            | (self.preadolescent_max < age <= self.adolescent_max) << 2
            for age in range(_TABLE_AGES)
        )
        object.__setattr__(self, "_table", table)

    @property
    def table(self) -> tuple[int, ...]:
        """The bands (bits, as :meth:`placer` returns them) of every age from 0 to 129.

        >>> AgeBands().table[:16]
        (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 2, 2, 2, 4)
        """
        return self._table

    def _bands(self, age: int) -> int:
        if 0 <= age < _TABLE_AGES:
            return self._table[age]
        return (
            (self.core_min <= age <= self.core_max)
            | (self.preadolescent_min <= age <= self.preadolescent_max) << 1
            | (self.preadolescent_max < age <= self.adolescent_max) << 2
        )

    def is_core(self, age: int) -> bool:
        """Whether ``age`` is in the core band (0–11)."""
        return bool(self._bands(age) & 1)

    def is_preadolescent(self, age: int) -> bool:
        """Whether ``age`` is in the 11–14 band (11 itself is also core)."""
        return bool(self._bands(age) & 2)

    def is_adolescent(self, age: int) -> bool:
        """Whether ``age`` is a minor above the 11–14 band (15–17)."""
        return bool(self._bands(age) & 4)

    def group_of(self, ages: Iterable[int]) -> TargetGroup:
        """The group of a family whose children have ``ages`` (order does not matter)."""
        found = 0
        for age in ages:
            found |= self._bands(age)
        if found & 1:
            return TargetGroup.CORE
        if found & 2:
            return TargetGroup.PREADOLESCENT
        if found & 4:
            return TargetGroup.ADOLESCENT
        return TargetGroup.OUTSIDE

    def core_only_by_overlap(self, ages: Iterable[int]) -> bool:
        """Core target only thanks to a child at the overlap (11, in both bands)."""
        core = [a for a in ages if self.is_core(a)]
        return bool(core) and all(self.is_preadolescent(a) for a in core)

    def census(self, children: Iterable[Any], on: dt.date) -> Census:
        """The group of a family whose ``children`` (with a ``birth_date``) are counted on ``on``.

        One pass over the children: each age is whole years on ``on`` (as
        :meth:`~welfare_ambito.model.Child.age_on`, 29 February included) and is
        placed in its bands without building the list of ages. A child born after
        ``on`` is invalid input (:class:`~welfare_ambito.errors.InvalidValue`).

        >>> from welfare_ambito.model import Child
        >>> kids = [Child(id="A", birth_date=dt.date(2013, 2, 1)), Child(id="B", birth_date=dt.date(2008, 5, 1))]
        >>> AgeBands().census(kids, dt.date(2024, 3, 1))
        Census(group=<TargetGroup.CORE: 'core'>, core=1, preadolescent=1, adolescent=1, core_and_preadolescent=1)
        """
        year, today, leap = _clock(on)
        table, size = self._table, _TABLE_AGES
        core = preadolescent = adolescent = both = found = 0
        for index, child in enumerate(children):
            born = child.birth_date
            if born > on:
                raise InvalidValue.of(
                    "birth_after_reference",
                    path=f"children[{index}].birth_date",
                    on=on.isoformat(),
                )
            day = born.month * 32 + born.day
            if day == _29_FEBRUARY and not leap:
                day = _28_FEBRUARY
            age = year - born.year - (today < day)
            bands = table[age] if age < size else self._bands(age)
            found |= bands
            if bands & 1:
                core += 1
                if bands & 2:
                    both += 1
            if bands & 2:
                preadolescent += 1
            if bands & 4:
                adolescent += 1
        group = (
            TargetGroup.CORE
            if found & 1
            else TargetGroup.PREADOLESCENT
            if found & 2
            else TargetGroup.ADOLESCENT
            if found & 4
            else TargetGroup.OUTSIDE
        )
        return _new_tuple(Census, (group, core, preadolescent, adolescent, both))

    def placer(self, on: dt.date) -> Callable[[dt.date], int]:
        """A function from a birth date (on or before ``on``) to the bands of that age on ``on``.

        The bands are bits: 1 core (0–11), 2 the 11–14 band, 4 a minor above it.
        A family is in the target when the bits of its children include 1 or 2.

        >>> place = AgeBands().placer(dt.date(2024, 2, 28))
        >>> place(dt.date(2013, 2, 28)), place(dt.date(2012, 2, 29)), place(dt.date(2009, 1, 1))
        (3, 3, 4)
        """
        year, today, leap = _clock(on)
        table, size, slow = self._table, _TABLE_AGES, self._bands

        def place(born: dt.date) -> int:
            day = born.month * 32 + born.day
            if day == _29_FEBRUARY and not leap:
                day = _28_FEBRUARY
            age = year - born.year - (today < day)
            return table[age] if 0 <= age < size else slow(age)

        return place


_29_FEBRUARY = 2 * 32 + 29
_28_FEBRUARY = 2 * 32 + 28


def _clock(on: dt.date) -> tuple[int, int, bool]:
    """The reference day as whole-year arithmetic needs it: year, month·32 + day, leap year."""
    clock = _CLOCKS.get(on)
    if clock is None:
        clock = on.year, on.month * 32 + on.day, calendar.isleap(on.year)
        if len(_CLOCKS) >= 256:
            _CLOCKS.clear()
        _CLOCKS[on] = clock
    return clock


_CLOCKS: dict[dt.date, tuple[int, int, bool]] = {}
_new_tuple = tuple.__new__
_GROUPS = {group.value: group for group in TargetGroup}


class Census(NamedTuple):
    """A family's children counted by band on a day (see :meth:`AgeBands.census`)."""

    group: TargetGroup
    """The family's group."""
    core: int
    """Children aged 0–11."""
    preadolescent: int
    """Children in the 11–14 band (11 counts here and in the core band)."""
    adolescent: int
    """Minors above the 11–14 band (15–17)."""
    core_and_preadolescent: int
    """Children in both bands (aged 11): core target only by them when equal to ``core``."""


def check_birth_dates(family: Family, on: dt.date) -> None:
    """Raise :class:`InvalidValue` if a child is born after ``on`` (invalid input, not a newborn).

    The path is ``children[j].birth_date``; the message names the child's id,
    never the date.
    """
    for index, child in enumerate(family.children):
        if child.birth_date > on:
            text = {
                lang: i18n.message(
                    "pippi.birth_after_reference", lang, child=child.id, on=i18n.date(on, lang)
                )
                for lang in LANGS
            }
            raise InvalidValue(
                text["en"],
                code="birth_after_reference",
                message_it=text["it"],
                path=f"children[{index}].birth_date",
                params={"child": child.id, "on": on.isoformat()},
            )


def target_group(family: Family, on: dt.date, bands: AgeBands | None = None) -> TargetGroup:
    """The group ``family`` belongs to on ``on`` (see the module's reading of the bands).

    >>> from welfare_ambito.model import Child
    >>> family = Family(id="F1", children=[Child(id="C1", birth_date=dt.date(2012, 3, 10))])
    >>> target_group(family, dt.date(2024, 3, 9)), target_group(family, dt.date(2024, 3, 10))
    (<TargetGroup.CORE: 'core'>, <TargetGroup.PREADOLESCENT: 'preadolescent'>)
    """
    check_birth_dates(family, on)
    return (bands or AgeBands()).group_of(family.ages_on(on))


def in_reunification_group(family: Family) -> bool:
    """Whether the family is in the reunification group (removal in progress, reunification)."""
    return family.em_orientation is EMOrientation.REUNIFICATION


@attrs.frozen(kw_only=True)
class Assessment:
    """The answer to "is this family in the P.I.P.P.I. target?", with the reasons.

    ``findings`` are the ``pippi.target.*`` findings (path ``""`` is the family;
    ``missing`` paths are relative to the family), each with its citation.

    >>> from welfare_ambito import data
    >>> plan = data.example("pippi_seregno")
    >>> result = assess(plan.families[0], on=plan.period.start, lang="en")
    >>> result.family, result.eligible, result.group, result.missing
    ('F01', True, <TargetGroup.CORE: 'core'>, ())
    >>> print(result.message.splitlines()[0])
    Family F01: is in the P.I.P.P.I. target on 2023-06-01.
    """

    family: str
    """The family's pseudonymous id."""
    on: dt.date
    profile: str
    outcome: EligibilityOutcome
    group: TargetGroup | None
    reunification: bool
    adversities: frozenset[Adversity]
    em_may_decide_otherwise: bool
    """The exclusion is only «orientativa» (abuse, severe maltreatment): the EM may decide otherwise."""
    findings: tuple[Any, ...]
    lang: Lang = "it"

    @property
    def eligible(self) -> bool:
        """Whether the outcome is ``eligible``."""
        return self.outcome is EligibilityOutcome.ELIGIBLE

    @property
    def missing(self) -> tuple[str, ...]:
        """Inputs to record before a decision (paths relative to the family)."""
        return tuple(dict.fromkeys(m for f in self.findings for m in f.missing))

    def reasons(self) -> tuple[str, ...]:
        """The messages of the findings that did not pass (all of them if eligible)."""
        from welfare_ambito.rules import Outcome

        shown = [f for f in self.findings if f.outcome in (Outcome.FAIL, Outcome.NEEDS_REVIEW)]
        if not shown:
            shown = [f for f in self.findings if f.outcome is Outcome.PASS]
        return tuple(f.message for f in shown)

    @property
    def message(self) -> str:
        """The answer in a sentence, in the assessment's language, followed by its reasons."""
        lang = self.lang
        head = i18n.message(
            f"pippi.assessment.{self.outcome.value}",
            lang,
            family=self.family,
            on=i18n.date(self.on, lang),
        )
        if self.em_may_decide_otherwise:
            head += i18n.message("pippi.assessment.orientative", lang)
        return head + ".\n" + "\n".join(f"- {r}" for r in self.reasons())

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (no birth date ever appears)."""
        return {
            "family": self.family,
            "on": self.on.isoformat(),
            "profile": self.profile,
            "outcome": self.outcome.value,
            "group": None if self.group is None else self.group.value,
            "reunification": self.reunification,
            "adversities": sorted(a.value for a in self.adversities),
            "em_may_decide_otherwise": self.em_may_decide_otherwise,
            "missing": list(self.missing),
            "findings": [f.to_dict() for f in self.findings],
        }

    def __str__(self) -> str:
        return self.message

    def to_records(self) -> list[dict[str, Any]]:
        """One row per finding: family, outcome of the assessment, rule, finding outcome, message.

        >>> from welfare_ambito import data
        >>> plan = data.example("pippi_seregno_mistakes")
        >>> rows = assess(plan.families[4], on=plan.period.start).to_records()
        >>> sorted({(r["family"], r["assessment"]) for r in rows})
        [('F05', 'needs_review')]
        """
        return _assessment_records(self)

    def to_pandas(self) -> Any:
        """:meth:`to_records` as a DataFrame with categorical outcomes (needs pandas)."""
        from welfare_ambito.rules.report import findings_frame

        return findings_frame(self.to_records(), leading=("family", "assessment"))


def _assessment_records(assessment: Assessment) -> list[dict[str, Any]]:
    from welfare_ambito.rules.report import finding_record

    return [
        {"family": assessment.family, "assessment": assessment.outcome.value, **finding_record(f)}
        for f in assessment.findings
    ]


_ORIENTATIVE = frozenset({"pippi.target.no_abuse"})


def assess(
    family: Family,
    *,
    on: dt.date,
    profile: Any = "seregno-pippi-2023",
    lang: Lang = "it",
    overrides: Mapping[str, Any] | None = None,
) -> Assessment:
    """Assess ``family`` on ``on`` under ``profile`` (an id, a path or a Profile).

    Any failing error finding makes the family ``not_eligible``; otherwise any
    finding needing review makes it ``needs_review``; otherwise it is
    ``eligible``. Raises :class:`InvalidValue` when a child is born after ``on``.

    >>> from welfare_ambito.model import Child
    >>> family = Family(id="F1", children=[Child(id="C1", birth_date=dt.date(2016, 4, 12))],
    ...     pre_assessment="worrying", em_orientation="keep_in_family",
    ...     abuse_or_severe_maltreatment=False)
    >>> result = assess(family, on=dt.date(2023, 6, 1), lang="en")
    >>> result.outcome.value, result.missing
    ('needs_review', ('trust_in_services',))
    """
    if family.__class__ is not Family and not isinstance(family, Family):
        raise InvalidValue.of(
            "type", path="family", expected="a Family", actual=type(family).__name__
        )
    if on.__class__ is not dt.date and (isinstance(on, dt.datetime) or not isinstance(on, dt.date)):
        raise InvalidValue.of("type", path="on", expected="a date", actual=type(on).__name__)
    check_birth_dates(family, on)
    screening = _screening(profile, on, lang, overrides)
    findings = screening.checker.findings_of(family, kind="family")
    fail, review, error = screening.verdicts
    failing = False
    orientative = True
    needs_review = False
    for finding in findings:
        outcome = finding.outcome
        if outcome is fail:
            if finding.severity is error:
                failing = True
                if finding.rule not in _ORIENTATIVE:
                    orientative = False
        elif outcome is review:
            needs_review = True
    if failing:
        verdict = EligibilityOutcome.NOT_ELIGIBLE
    elif needs_review:
        verdict = EligibilityOutcome.NEEDS_REVIEW
    else:
        verdict = EligibilityOutcome.ELIGIBLE
    group = None
    bands = screening.bands
    if bands is not None:
        # The age rule has already placed the family: its ages are not computed twice.
        at = screening.age_index
        placed = None if at is None else findings[at].values.get("group")
        group = _GROUPS.get(placed) if placed.__class__ is str else None
        if group is None:
            group = bands.group_of(family.ages_on(on))
    return Assessment(
        family=family.id,
        on=on,
        profile=screening.checker.profile.id,
        outcome=verdict,
        group=group,
        reunification=family.em_orientation is EMOrientation.REUNIFICATION,
        adversities=family.adversities,
        em_may_decide_otherwise=failing and orientative,
        findings=findings,
        lang=lang,
    )


_AGE_RULE = "pippi.target.age_group"


class _Screening:
    """A profile's target rules bound for one day and language, with what :func:`assess` reads."""

    __slots__ = ("age_index", "bands", "checker", "profile", "verdicts")

    def __init__(self, profile: Any, checker: Any, bands: AgeBands | None) -> None:
        from welfare_ambito.rules import Outcome, Severity

        self.profile = profile
        """What the cache entry was made from (kept, so that its id is not reused)."""
        self.checker = checker
        self.bands = bands
        ids = [b.rule.id for b in checker._rules_for("family")]
        self.age_index: int | None = ids.index(_AGE_RULE) if _AGE_RULE in ids else None
        """Where the age rule's finding is among a family's findings."""
        self.verdicts = (Outcome.FAIL, Outcome.NEEDS_REVIEW, Severity.ERROR)


_CHECKERS: dict[tuple[Any, ...], _Screening] = {}
"""Checkers bound per profile, day and language: binding costs far more than a family."""


def _embedded_id(profile: Any) -> bool:
    """Whether ``profile`` names an embedded profile (not a file that may change on disk)."""
    return isinstance(profile, str) and not profile.endswith(".toml") and "/" not in profile


def _screening(
    profile: Any, on: dt.date, lang: Lang, overrides: Mapping[str, Any] | None
) -> _Screening:
    """The checker of the target rules (and the age bands) for ``profile`` on ``on``, cached.

    Embedded profile ids are cached by name, profile objects by identity (the
    cache holds the object, so its id is not reused); overrides and paths to
    files (which may change on disk) are never cached.
    """
    key: tuple[Any, ...] | None = None
    if not overrides:
        if _embedded_id(profile):
            key = ("id", profile, on, lang)
        elif hasattr(profile, "rules"):
            key = ("object", id(profile), on, lang)
    if key is not None:
        hit = _CHECKERS.get(key)
        if hit is not None:
            return hit
    from welfare_ambito.rules import Checker, load_profile

    resolved = load_profile(profile) if not hasattr(profile, "rules") else profile
    if overrides:
        resolved = resolved.override(overrides)
    ids = [r for r in resolved.rule_ids if r.startswith(TARGET_RULES)]
    checker = Checker(resolved, on=on, lang=lang, rules=ids)
    bands = None
    if all(n in resolved.parameters for n in AgeBands.PARAMETERS):
        bands = AgeBands.from_parameters(resolved.parameters.at(on, AgeBands.PARAMETERS))
    screening = _Screening(profile, checker, bands)
    if key is not None:
        if len(_CHECKERS) >= 64:
            _CHECKERS.clear()
        _CHECKERS[key] = screening
    return screening


def assess_all(
    families: Iterable[Family],
    *,
    on: dt.date,
    profile: Any = "seregno-pippi-2023",
    lang: Lang = "it",
) -> Iterator[Assessment]:
    """:func:`assess` each family, one at a time (the profile is bound once; nothing is kept).

    The assessments are yielded as the families are read, so a population of
    any size is screened in flat memory; wrap it in ``list`` to keep them.

    >>> from welfare_ambito import data
    >>> plan = data.example("pippi_seregno_mistakes")
    >>> results = assess_all(plan.families, on=plan.period.start)
    >>> [(a.family, a.outcome.value, a.missing) for a in results if not a.eligible]
    [('F04', 'not_eligible', ()), ('F05', 'needs_review', ('trust_in_services',))]
    """
    from welfare_ambito.rules import load_profile

    resolved = profile
    if not _embedded_id(profile) and not hasattr(profile, "rules"):
        resolved = load_profile(profile)
    _screening(resolved, on, lang, None)  # bad profiles and days fail here, before any family
    return (assess(f, on=on, profile=resolved, lang=lang) for f in families)

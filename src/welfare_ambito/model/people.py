"""People, known only by pseudonymous ids: staff, children and families.

No name, fiscal code or address is ever held. Birth dates are kept (ages must
be exact) but never shown: they are left out of ``repr`` and of every message.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import attrs

from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import _validate as v

__all__ = [
    "Adversity",
    "Child",
    "EMOrientation",
    "Family",
    "PreAssessment",
    "Profession",
    "StaffMember",
]


class Profession(enum.StrEnum):
    """Professional profiles named by the notices.

    >>> Profession("educator")
    <Profession.EDUCATOR: 'educator'>
    >>> Profession.CULTURAL_MEDIATOR.value
    'cultural_mediator'
    """

    SOCIAL_WORKER = "social_worker"
    """Assistente sociale (registered in the Albo)."""
    PSYCHOLOGIST = "psychologist"
    """Psicologo/a (psicoterapeuta is a qualification on :class:`StaffMember`)."""
    EDUCATOR = "educator"
    """Educatore professionale."""
    PEDAGOGIST = "pedagogist"
    """Pedagogista ("pedagogo" in seed 004)."""
    CULTURAL_MEDIATOR = "cultural_mediator"
    """Mediatore culturale."""
    COORDINATOR = "coordinator"
    """Coordinatore dei servizi."""
    ADMINISTRATIVE = "administrative"
    """Profilo amministrativo."""


def _as_profession(value: object) -> Any:
    """Read a Profession from its value(s); unknown values are left for the validator."""
    return v.as_enum(Profession, value)


@attrs.frozen(kw_only=True)
class StaffMember:
    """A member of a partner's staff, by pseudonymous ``id``.

    Fields left ``None`` are *not recorded*: rules that need them answer
    "needs review" and name the missing field instead of guessing.

    >>> member = StaffMember(
    ...     id="PSI-1", profession="psychologist", psychotherapist=True, years_in_tutela_minori=5
    ... )
    >>> member.profession, member.years_in_tutela_minori, member.albo_registered
    (<Profession.PSYCHOLOGIST: 'psychologist'>, Decimal('5'), None)
    """

    id: str = attrs.field(validator=v.identifier)
    profession: Profession = attrs.field(
        converter=_as_profession, validator=v.member_of(Profession)
    )
    albo_registered: bool | None = attrs.field(default=None, validator=v.optional(v.flag))
    """Registered in the professional Albo (iscritto all'albo)."""
    psychotherapist: bool | None = attrs.field(default=None, validator=v.optional(v.flag))
    """Holds the psychotherapist qualification."""
    years_in_tutela_minori: Decimal | None = v.decimal_field(
        default=None, validators=[v.non_negative]
    )
    """Years of experience in Tutela Minori services."""
    derogation_approved: bool | None = attrs.field(default=None, validator=v.optional(v.flag))
    """The contracting body's approval (benestare) for a derogation."""
    in_service: bool | None = attrs.field(default=None, validator=v.optional(v.flag))
    """Already working in the service today (continuity of staff)."""
    weekly_hours: Decimal | None = v.decimal_field(default=None, validators=[v.non_negative])
    """Average weekly hours in the plan."""
    degree: str | None = attrs.field(default=None, validator=v.optional(v.text))
    """Field of the university degree, e.g. ``"social"`` or ``"technical_administrative"``."""
    trainings: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text)
    )
    """Trainings attended (e.g. ``"P.I.P.P.I. MOOC"``)."""


@attrs.frozen(kw_only=True)
class Child:
    """A child, by pseudonymous ``id``. The birth date never appears in reprs.

    >>> c = Child(id="C1", birth_date=dt.date(2014, 3, 10))
    >>> c
    Child(id='C1')
    >>> c.age_on(dt.date(2026, 3, 9)), c.age_on(dt.date(2026, 3, 10))
    (11, 12)
    """

    id: str = attrs.field(validator=v.identifier)
    birth_date: dt.date = attrs.field(validator=v.a_date, repr=False)

    def age_on(self, on: dt.date) -> int:
        """Age in whole years on ``on``: 11 until the day before the 12th birthday.

        A child born on 29 February turns a year older on 28 February in common
        years, as terms are computed in Italian civil law (art. 2963 c.c.: a term
        whose day is missing in its month ends on the month's last day).
        Raises :class:`~welfare_ambito.errors.InvalidValue` if the child is born
        after ``on``.
        """
        if on < self.birth_date:
            raise InvalidValue.of("birth_after_reference", path="birth_date", on=on.isoformat())
        born = self.birth_date
        day = (born.month, born.day)
        if day == (2, 29) and not calendar.isleap(on.year):
            day = (2, 28)  # the same answer as dateutil's relativedelta, without its cost
        return on.year - born.year - ((on.month, on.day) < day)


class PreAssessment(enum.StrEnum):
    """The EM's judgement through the pre-assessment tool.

    >>> PreAssessment("worrying")
    <PreAssessment.WORRYING: 'worrying'>
    """

    WORRYING = "worrying"
    """Conditions judged "preoccupanti" (pregiudizievoli) by the EM."""
    NOT_WORRYING = "not_worrying"
    """Conditions not judged worrying."""


class EMOrientation(enum.StrEnum):
    """The general orientation the EM has matured for the child.

    >>> EMOrientation("reunification")
    <EMOrientation.REUNIFICATION: 'reunification'>
    >>> EMOrientation.KEEP_IN_FAMILY.value
    'keep_in_family'
    """

    KEEP_IN_FAMILY = "keep_in_family"
    """Keep the child in the family with intensive support."""
    REUNIFICATION = "reunification"
    """A removal is in progress and the services work for a stable reunification."""
    REMOVAL = "removal"
    """Removal from the family, with no reunification project."""


class Adversity(enum.StrEnum):
    """Specific adversities that never exclude a family from P.I.P.P.I.

    >>> Adversity("complex_migration")
    <Adversity.COMPLEX_MIGRATION: 'complex_migration'>
    >>> [a.value for a in Adversity]
    ['complex_migration', 'disability', 'parental_addiction', 'parental_mental_health']
    """

    COMPLEX_MIGRATION = "complex_migration"
    DISABILITY = "disability"
    PARENTAL_ADDICTION = "parental_addiction"
    PARENTAL_MENTAL_HEALTH = "parental_mental_health"


def _as_pre_assessment(value: object) -> Any:
    """Read a PreAssessment from its value(s); unknown values are left for the validator."""
    return v.as_enum(PreAssessment, value)


def _as_em_orientation(value: object) -> Any:
    """Read a EMOrientation from its value(s); unknown values are left for the validator."""
    return v.as_enum(EMOrientation, value)


def _as_adversity_set(value: object) -> Any:
    """Read a set of Adversity from its value(s); unknown values are left for the validator."""
    return v.as_enum_set(Adversity, value)


@attrs.frozen(kw_only=True)
class Family:
    """A family, by pseudonymous ``id``, with its children and the EM's judgements.

    Every judgement may be ``None`` (*not recorded*): eligibility then answers
    "needs review" and names the field to fill in.

    >>> family = Family(
    ...     id="F01", comune="Seregno", pre_assessment="worrying", adversities=["disability"],
    ...     children=[Child(id="F01-C1", birth_date=dt.date(2016, 4, 12))],
    ... )
    >>> family.pre_assessment, family.trust_in_services, family.ages_on(dt.date(2023, 6, 1))
    (<PreAssessment.WORRYING: 'worrying'>, None, (7,))
    >>> family.children
    (Child(id='F01-C1'),)
    """

    id: str = attrs.field(validator=v.identifier)
    children: tuple[Child, ...] = attrs.field(
        converter=v.to_tuple,
        validator=[v.tuple_of(v.instance(Child, "a Child")), v.non_empty, v.unique_ids("child id")],
    )
    comune: str | None = attrs.field(default=None, validator=v.optional(v.text))
    """Official name (or alias) of the Comune of residence."""
    pre_assessment: PreAssessment | None = attrs.field(
        default=None,
        converter=_as_pre_assessment,
        validator=v.optional(v.member_of(PreAssessment)),
    )
    em_orientation: EMOrientation | None = attrs.field(
        default=None,
        converter=_as_em_orientation,
        validator=v.optional(v.member_of(EMOrientation)),
    )
    trust_in_services: bool | None = attrs.field(default=None, validator=v.optional(v.flag))
    """The family shows positive trust in the services' intervention."""
    abuse_or_severe_maltreatment: bool | None = attrs.field(
        default=None, validator=v.optional(v.flag)
    )
    removal_in_progress: bool | None = attrs.field(default=None, validator=v.optional(v.flag))
    """A project of removal of the children is in progress."""
    adversities: frozenset[Adversity] = attrs.field(
        default=frozenset(), converter=_as_adversity_set, validator=v.set_of(Adversity)
    )
    """Specific adversities recorded (they never exclude the family)."""

    def ages_on(self, on: dt.date) -> tuple[int, ...]:
        """The children's ages on ``on``, in the order of ``children``."""
        return tuple(child.age_on(on) for child in self.children)

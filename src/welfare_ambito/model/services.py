"""What a plan delivers: interventions, group modules, service offers and the hour plan."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from welfare_ambito._frozendict import FrozenDict
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import _validate as v
from welfare_ambito.model.people import Profession
from welfare_ambito.money import Money
from welfare_ambito.periods import Period

__all__ = [
    "Cadence",
    "GroupKind",
    "GroupModule",
    "HourPlan",
    "Intervention",
    "InterventionKind",
    "ServiceOffer",
    "ServiceScope",
]


class InterventionKind(enum.StrEnum):
    """Kinds of educational intervention across the seeds.

    >>> InterventionKind("sedt")
    <InterventionKind.SEDT: 'sedt'>
    >>> InterventionKind.EDM_TUTELA.value
    'edm_tutela'
    """

    SEDT = "sedt"
    """Educativa domiciliare e territoriale (P.I.P.P.I., seed 004)."""
    SCHOOL = "school"
    """Intervento scolastico (SESEI, seeds 000/001)."""
    EDM = "edm"
    """Educativa domiciliare minori (SESEI)."""
    EDM_TUTELA = "edm_tutela"
    """Educativa domiciliare on a court order (SESEI)."""
    GROUP = "group"
    """Progettualità di gruppo (SESEI)."""
    COMMUNICATION_ASSISTANCE = "communication_assistance"
    """Assistenza alla comunicazione for pupils with sensory disabilities (SESEI, seed 001)."""


def _as_intervention_kind(value: object) -> Any:
    """Read a InterventionKind from its value(s); unknown values are left for the validator."""
    return v.as_enum(InterventionKind, value)


HOURS_IN_A_WEEK = Decimal(168)
"""No weekly figure can exceed the hours of a week: a larger one is a typing error."""


def _within_a_week(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value > HOURS_IN_A_WEEK:
        raise InvalidValue.of(
            "range", path=attribute.alias or attribute.name, low=0, high=168, value=value
        )


@attrs.frozen(kw_only=True)
class Intervention:
    """One educational intervention for one family (by pseudonymous id).

    ``weekly_hours`` includes participation in the EM when
    ``em_participation_included`` is true.

    >>> from welfare_ambito import Period
    >>> sedt = Intervention(
    ...     id="SEDT-F01", kind="sedt", weekly_hours=8, family="F01", comune="Seregno",
    ...     em_participation_included=True, period=Period.parse("2023-09-01/2025-08-31"),
    ... )
    >>> sedt.kind, sedt.weekly_hours, str(sedt.period)
    (<InterventionKind.SEDT: 'sedt'>, Decimal('8'), '2023-09-01/2025-08-31')
    """

    id: str = attrs.field(validator=v.identifier)
    kind: InterventionKind = attrs.field(
        converter=_as_intervention_kind, validator=v.member_of(InterventionKind)
    )
    weekly_hours: Decimal = v.decimal_field(validators=[v.non_negative, _within_a_week])
    family: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    """Id of the family it serves (must be a family of the plan when given)."""
    em_participation_included: bool | None = attrs.field(default=None, validator=v.optional(v.flag))
    period: Period | None = attrs.field(
        default=None, validator=v.optional(v.instance(Period, "a period"))
    )
    comune: str | None = attrs.field(default=None, validator=v.optional(v.text))


class GroupKind(enum.StrEnum):
    """Group modules of P.I.P.P.I. (services 2–4 of seed 004).

    >>> GroupKind("parents_and_children")
    <GroupKind.PARENTS_AND_CHILDREN: 'parents_and_children'>
    """

    PARENTS = "parents"
    CHILDREN = "children"
    PARENTS_AND_CHILDREN = "parents_and_children"


class Cadence(enum.StrEnum):
    """How often a group meets.

    >>> Cadence("fortnightly")
    <Cadence.FORTNIGHTLY: 'fortnightly'>
    """

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    IRREGULAR = "irregular"


def _as_group_kind(value: object) -> Any:
    """Read a GroupKind from its value(s); unknown values are left for the validator."""
    return v.as_enum(GroupKind, value)


def _as_cadence(value: object) -> Any:
    """Read a Cadence from its value(s); unknown values are left for the validator."""
    return v.as_enum(Cadence, value)


@attrs.frozen(kw_only=True)
class GroupModule:
    """A cycle ("modulo") of group meetings.

    >>> module = GroupModule(
    ...     id="G-GEN-1", kind="parents", meetings=8, cadence="fortnightly",
    ...     families=["F01", "F02", "F05", "F06"],
    ... )
    >>> module.kind, module.cadence, len(module.families)
    (<GroupKind.PARENTS: 'parents'>, <Cadence.FORTNIGHTLY: 'fortnightly'>, 4)
    """

    id: str = attrs.field(validator=v.identifier)
    kind: GroupKind = attrs.field(converter=_as_group_kind, validator=v.member_of(GroupKind))
    meetings: int = attrs.field(validator=[v.instance(int, "a whole number"), v.positive])
    cadence: Cadence = attrs.field(converter=_as_cadence, validator=v.member_of(Cadence))
    families: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.identifier)
    )
    """Ids of the participating families."""


class ServiceScope(enum.StrEnum):
    """Where a service or budget line applies (seed 002).

    >>> ServiceScope("territorial")
    <ServiceScope.TERRITORIAL: 'territorial'>
    >>> from welfare_ambito import data
    >>> [line.scope.value for line in data.tutela_minori_budget().top_level()]
    ['associated', 'territorial']
    """

    ASSOCIATED = "associated"
    """Servizi associati: district-wide, run by the Ufficio di Piano."""
    TERRITORIAL = "territorial"
    """Équipe territoriali: one team per Comune."""
    ADMINISTRATIVE = "administrative"
    """Servizi amministrativi for the Ufficio di Piano."""


def _as_service_scope(value: object) -> Any:
    """Read a ServiceScope from its value(s); unknown values are left for the validator."""
    return v.as_enum(ServiceScope, value)


@attrs.frozen(kw_only=True)
class ServiceOffer:
    """A service of the catalogue as the plan offers it (hours, staff, Comuni).

    >>> offer = ServiceOffer(
    ...     service="spazio_neutro", scope="associated", comuni=["Seregno", "Meda"],
    ...     weekly_hours=12, staff=["AS-MED"],
    ... )
    >>> offer.scope, offer.comuni, offer.weekly_hours, offer.yearly_hours
    (<ServiceScope.ASSOCIATED: 'associated'>, ('Seregno', 'Meda'), Decimal('12'), None)
    """

    service: str = attrs.field(validator=v.identifier)
    """Catalogue id of the service, e.g. ``"coordination"``."""
    scope: ServiceScope | None = attrs.field(
        default=None,
        converter=_as_service_scope,
        validator=v.optional(v.member_of(ServiceScope)),
    )
    comuni: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text)
    )
    weekly_hours: Decimal | None = v.decimal_field(
        default=None, validators=[v.non_negative, _within_a_week]
    )
    yearly_hours: Decimal | None = v.decimal_field(default=None, validators=[v.non_negative])
    staff: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.identifier)
    )
    """Ids of the staff members who deliver it."""


def _hours_map(value: object) -> object:
    return v.frozen_mapping(v.enum_value(Profession), _hours_value)(value)


def _hours_value(value: object) -> object:
    if isinstance(value, int | str) and not isinstance(value, bool):
        try:
            return v.parse_decimal(value)
        except InvalidValue:
            return value  # left for the validator to report with its path
    return value


def _cost_map(value: object) -> object:
    return v.frozen_mapping(v.enum_value(Profession), v.to_money)(value)


def _check_hours(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    _check_mapping(attribute.name, value, Decimal, "a number of hours")


def _check_costs(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    _check_mapping(attribute.name, value, Money, "an hourly cost in euros")


def _check_mapping(name: str, value: object, kind: type, expected: str) -> None:
    if not isinstance(value, FrozenDict):
        raise InvalidValue.of("type", path=name, expected="a table", actual=type(value).__name__)
    for key, item in value.items():
        if not isinstance(key, Profession):
            raise InvalidValue.of(
                "choice", path=f"{name}.{key}", value=key, choices=", ".join(Profession)
            )
        if not isinstance(item, kind) or isinstance(item, bool):
            raise InvalidValue.of(
                "type", path=f"{name}.{key}", expected=expected, actual=type(item).__name__
            )
        if item < (Decimal(0) if kind is Decimal else Money(0)):  # type: ignore[operator]
            raise InvalidValue.of("negative", path=f"{name}.{key}", value=item)


@attrs.frozen(kw_only=True)
class HourPlan:
    """Hours per profession over the project, with optional hourly costs.

    >>> plan = HourPlan(hours={"educator": 6000}, hourly_cost={"educator": "24.50"})
    >>> plan.hours[Profession.EDUCATOR], plan.cost_of(Profession.EDUCATOR)
    (Decimal('6000'), Money('147000.00'))
    """

    hours: FrozenDict[Profession, Decimal] = attrs.field(
        factory=FrozenDict, converter=_hours_map, validator=_check_hours
    )
    hourly_cost: FrozenDict[Profession, Money] = attrs.field(
        factory=FrozenDict, converter=_cost_map, validator=_check_costs
    )

    def hours_of(self, profession: Profession) -> Decimal:
        """Planned hours of ``profession`` (zero when not planned)."""
        return self.hours.get(profession, Decimal(0))

    def cost_of(self, profession: Profession) -> Money | None:
        """Hours × hourly cost of ``profession``, rounded half-up to the cent; ``None`` if no cost."""
        cost = self.hourly_cost.get(profession)
        if cost is None:
            return None
        return cost.times(self.hours_of(profession), rounding="ROUND_HALF_UP")

    def total_cost(self) -> Money | None:
        """Total cost of all planned hours; ``None`` if any planned profession lacks a cost."""
        costs = [self.cost_of(p) for p in self.hours]
        if any(c is None for c in costs):
            return None
        return sum((c for c in costs if c is not None), Money(0))

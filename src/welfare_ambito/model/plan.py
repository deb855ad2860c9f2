"""The co-design plan: one partner's plan for one programme of an Ambito."""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._lang import LANGS
from welfare_ambito.errors import ErrorDetail, InvalidInput, InvalidValue
from welfare_ambito.model import _validate as v
from welfare_ambito.model.budget import Budget
from welfare_ambito.model.declarations import PartnerDeclarations
from welfare_ambito.model.people import Family, StaffMember
from welfare_ambito.model.services import GroupModule, HourPlan, Intervention, ServiceOffer
from welfare_ambito.model.territory import Ambito
from welfare_ambito.money import Money
from welfare_ambito.periods import Period

__all__ = [
    "CoDesignPlan",
    "FundingSource",
    "ImpactEvaluation",
    "Partner",
    "Programme",
    "ReportDue",
    "ReportKind",
]

_CUP = re.compile(r"^[A-Z0-9]{15}$")

# Code unknown_comune, without the text found: a field meant for a Comune may hold anything
# (error.unknown_comune repeats it); the closest official name is public.
i18n.define_group(
    "plan",
    (
        ("unknown_comune", "non è un Comune di {ambito}", "not a Comune of {ambito}"),
        (
            "unknown_comune_suggest",
            "non è un Comune di {ambito}; forse intendevi {suggestion!r}?",
            "not a Comune of {ambito}; did you mean {suggestion!r}?",
        ),
    ),
)


class Programme(enum.StrEnum):
    """The programme a plan belongs to.

    >>> Programme("tutela_minori")
    <Programme.TUTELA_MINORI: 'tutela_minori'>
    >>> from welfare_ambito import data
    >>> data.example("pippi_seregno").programme
    <Programme.PIPPI: 'pippi'>
    """

    PIPPI = "pippi"
    """P.I.P.P.I. (seed 004)."""
    TUTELA_MINORI = "tutela_minori"
    """Servizi per la Tutela Minori (seed 002)."""
    SESEI = "sesei"
    """Sercop's integrated educational support (seeds 000, 001)."""
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Partner:
    """The Third Sector partner (Ente del Terzo Settore).

    >>> Partner(name="Cooperativa Sociale Esempio (fittizia)")
    Partner(name='Cooperativa Sociale Esempio (fittizia)')
    """

    name: str = attrs.field(validator=v.text)
    fiscal_code: str | None = attrs.field(default=None, validator=v.optional(v.text), repr=False)


@attrs.frozen(kw_only=True)
class FundingSource:
    """Where the money comes from, e.g. PNRR M5C2 1.1.1.

    >>> funding = FundingSource(
    ...     name="PNRR M5C2 – Investimento 1.1, sub-investimento 1.1.1",
    ...     amount="211500.00", code="M5C2-1.1.1",
    ... )
    >>> str(funding.amount), funding.code
    ('€ 211.500,00', 'M5C2-1.1.1')
    """

    name: str = attrs.field(validator=v.text)
    amount: Money = attrs.field(converter=v.to_money, validator=v.instance(Money, "an amount"))
    code: str | None = attrs.field(default=None, validator=v.optional(v.text))


class ReportKind(enum.StrEnum):
    """Reporting duties the notices set.

    >>> ReportKind("semiannual_accounting")
    <ReportKind.SEMIANNUAL_ACCOUNTING: 'semiannual_accounting'>
    """

    SEMIANNUAL_ACCOUNTING = "semiannual_accounting"
    """Rendicontazione semestrale."""
    ANNUAL_SUMMARY = "annual_summary"
    """Sintesi annuale: reclami, soddisfazione, controlli."""
    OVERALL_EVALUATION = "overall_evaluation"
    """Valutazione complessiva delle attività."""
    SATISFACTION_SURVEY = "satisfaction_survey"
    """Questionari di soddisfazione (beneficiari e operatori)."""


def _as_report_kind(value: object) -> Any:
    """Read a ReportKind from its value(s); unknown values are left for the validator."""
    return v.as_enum(ReportKind, value)


@attrs.frozen(kw_only=True)
class ReportDue:
    """One report the plan promises: what it is and which days it covers.

    >>> report = ReportDue(
    ...     kind="semiannual_accounting", covers=Period.parse("2023-06-01/2023-11-30")
    ... )
    >>> report.kind, report.covers.months, report.due
    (<ReportKind.SEMIANNUAL_ACCOUNTING: 'semiannual_accounting'>, 6, None)
    """

    kind: ReportKind = attrs.field(converter=_as_report_kind, validator=v.member_of(ReportKind))
    covers: Period = attrs.field(validator=v.instance(Period, "a period"))
    due: dt.date | None = attrs.field(default=None, validator=v.optional(v.a_date))


@attrs.frozen(kw_only=True)
class ImpactEvaluation:
    """The social-impact evaluation (VIS) method and its indicators.

    >>> vis = ImpactEvaluation(
    ...     method="Teoria del cambiamento con indicatori pre/post",
    ...     indicators=["ore di educativa domiciliare erogate per famiglia"],
    ... )
    >>> vis.indicators
    ('ore di educativa domiciliare erogate per famiglia',)
    """

    method: str = attrs.field(validator=v.text, repr=False)
    indicators: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text)
    )


def _cup(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _CUP.match(value)):
        raise InvalidValue.of("pattern", path="cup", value=value, what="CUP (15 letters/digits)")


def _as_programme(value: object) -> Any:
    """Read a Programme from its value(s); unknown values are left for the validator."""
    return v.as_enum(Programme, value)


@attrs.frozen(kw_only=True)
class CoDesignPlan:
    """One partner's plan for one programme of an Ambito (coprogettazione).

    References inside the plan must resolve: an intervention's ``family`` is a
    family of the plan, a Comune named anywhere is a member of the Ambito.
    Whether the plan satisfies the notice is the rules' business, not the
    constructor's.

    >>> from welfare_ambito import Profession, data
    >>> plan = data.example("pippi_seregno")
    >>> plan.ambito.name, plan.cup, str(plan.funding.amount)
    ('Ambito di Seregno', 'B24H22000190001', '€ 211.500,00')
    >>> plan.hour_plan.hours_of(Profession.EDUCATOR), plan.family("F02").comune
    (Decimal('6000'), 'Giussano')
    """

    id: str = attrs.field(validator=v.identifier)
    ambito: Ambito = attrs.field(validator=v.instance(Ambito, "an Ambito"))
    partner: Partner = attrs.field(validator=v.instance(Partner, "a partner"))
    programme: Programme = attrs.field(converter=_as_programme, validator=v.member_of(Programme))
    title: str | None = attrs.field(default=None, validator=v.optional(v.text))
    period: Period | None = attrs.field(
        default=None, validator=v.optional(v.instance(Period, "a period"))
    )
    funding: FundingSource | None = attrs.field(
        default=None, validator=v.optional(v.instance(FundingSource, "a funding source"))
    )
    cup: str | None = attrs.field(default=None, validator=_cup)
    hour_plan: HourPlan | None = attrs.field(
        default=None, validator=v.optional(v.instance(HourPlan, "an hour plan"))
    )
    budget: Budget | None = attrs.field(
        default=None, validator=v.optional(v.instance(Budget, "a budget"))
    )
    families: tuple[Family, ...] = attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=[v.tuple_of(v.instance(Family, "a family")), v.unique_ids("family id")],
    )
    interventions: tuple[Intervention, ...] = attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=[
            v.tuple_of(v.instance(Intervention, "an intervention")),
            v.unique_ids("intervention id"),
        ],
    )
    groups: tuple[GroupModule, ...] = attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=[v.tuple_of(v.instance(GroupModule, "a group module")), v.unique_ids("group id")],
    )
    staff: tuple[StaffMember, ...] = attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=[v.tuple_of(v.instance(StaffMember, "a staff member")), v.unique_ids("staff id")],
    )
    services: tuple[ServiceOffer, ...] = attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=v.tuple_of(v.instance(ServiceOffer, "a service offer")),
    )
    reports: tuple[ReportDue, ...] = attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=v.tuple_of(v.instance(ReportDue, "a report")),
    )
    impact_evaluation: ImpactEvaluation | None = attrs.field(
        default=None, validator=v.optional(v.instance(ImpactEvaluation, "an impact evaluation"))
    )
    declarations: PartnerDeclarations | None = attrs.field(
        default=None, validator=v.optional(v.instance(PartnerDeclarations, "declarations"))
    )
    """What the partner declares (duties, technical lead, CIG, team); ``None``: nothing."""

    def __attrs_post_init__(self) -> None:
        problems = dangling_references(self)
        if problems:
            raise InvalidInput(problems)

    def family(self, family_id: str) -> Family | None:
        """The family with ``family_id``, or ``None``."""
        return next((f for f in self.families if f.id == family_id), None)


def _present(items: Any) -> list[tuple[int, Any]]:
    # On a partly built plan (see convert.py) a list may hold ``None`` for items that failed.
    return [(i, item) for i, item in enumerate(items or ()) if item is not None]


def dangling_references(plan: Any) -> list[ErrorDetail]:
    """Every reference inside ``plan`` that does not resolve, with its path.

    ``plan`` may be partly built (failed fields absent, failed items ``None``): the
    converter reports these problems together with the field errors.

    >>> from welfare_ambito import data
    >>> dangling_references(data.example("pippi_seregno"))
    []
    """
    problems: list[ErrorDetail] = []
    ambito = getattr(plan, "ambito", None)
    members = ambito if isinstance(ambito, Ambito) else None

    def missing(path: str, what: str, value: str) -> None:
        problems.append(
            ErrorDetail.from_error(InvalidValue.of("reference", what=what, value=value), path)
        )

    def comune(path: str, name: object) -> None:
        if members is not None and isinstance(name, str) and name not in members:
            # The text is not repeated (a field meant for a Comune may hold anything); the
            # closest official name is public and helps the user mend a misspelling.
            close = members.closest(name)
            key = "plan.unknown_comune_suggest" if close else "plan.unknown_comune"
            text = {
                lang: i18n.message(key, lang, ambito=members.name, suggestion=close)
                for lang in LANGS
            }
            problems.append(
                ErrorDetail(
                    path=path, code="unknown_comune", message=text["en"], message_it=text["it"]
                )
            )

    families = getattr(plan, "families", ())
    staff = getattr(plan, "staff", ())
    family_ids = {getattr(f, "id", None) for _, f in _present(families)}
    staff_ids = {getattr(s, "id", None) for _, s in _present(staff)}
    # Where an item (or its id) failed, the ids are not all known: skip those references.
    check_families = all(isinstance(getattr(f, "id", None), str) for f in families or ())
    check_staff = all(isinstance(getattr(s, "id", None), str) for s in staff or ())
    # On a partly built plan a list that failed or was misspelt is absent: no references then.
    check_families &= hasattr(plan, "families")
    check_staff &= hasattr(plan, "staff")
    for index, family in _present(families):
        comune(f"families[{index}].comune", getattr(family, "comune", None))
    for index, intervention in _present(getattr(plan, "interventions", ())):
        family_id = getattr(intervention, "family", None)
        if check_families and isinstance(family_id, str) and family_id not in family_ids:
            missing(f"interventions[{index}].family", "family", family_id)
        comune(f"interventions[{index}].comune", getattr(intervention, "comune", None))
    for index, group in _present(getattr(plan, "groups", ())):
        for position, family_id in _present(getattr(group, "families", ())):
            if check_families and isinstance(family_id, str) and family_id not in family_ids:
                missing(f"groups[{index}].families[{position}]", "family", family_id)
    for index, offer in _present(getattr(plan, "services", ())):
        for position, name in _present(getattr(offer, "comuni", ())):
            comune(f"services[{index}].comuni[{position}]", name)
        for position, staff_id in _present(getattr(offer, "staff", ())):
            if check_staff and isinstance(staff_id, str) and staff_id not in staff_ids:
                missing(f"services[{index}].staff[{position}]", "staff member", staff_id)
    budget = getattr(plan, "budget", None)
    for index, line in _present(getattr(budget, "lines", ())):
        comune(f"budget.lines[{index}].comune", getattr(line, "comune", None))
        for position, name in _present(getattr(line, "comuni", ())):
            comune(f"budget.lines[{index}].comuni[{position}]", name)
    return problems

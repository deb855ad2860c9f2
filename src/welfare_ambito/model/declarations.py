"""What a partner declares in its plan: the duties it takes on, its technical lead, its team.

A notice lists duties the partner must take on («ONERI A CARICO DEL SOGGETTO
PARTNER», insurance, conduct code, surveys…). A plan declares the ones it takes
on; which duties a notice requires, and the sentence each comes from, belong to
the profile and its rules, never to these objects.
"""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs

from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import _validate as v

__all__ = ["Declaration", "PartnerDeclarations", "ProgrammeTeam", "TechnicalLead"]

_CIG = re.compile(r"^[A-Z0-9]{10}$")


class Declaration(enum.StrEnum):
    """A duty a partner may declare it takes on.

    >>> Declaration("privacy")
    <Declaration.PRIVACY: 'privacy'>
    >>> Declaration.CONDUCT_CODE.value
    'conduct_code'
    """

    SUFFICIENT_STAFF = "sufficient_staff"
    """Staff in sufficient number for the regular delivery of the services."""
    STAFF_LIST = "staff_list"
    """The list of staff with their CVs, sent and kept up to date."""
    QUALIFIED_STAFF = "qualified_staff"
    """Staff adequately trained, with the required titles and proven experience."""
    TRAINING = "training"
    """Training, updating, coordination and supervision of the staff, organised."""
    TRAINING_DOCUMENTED = "training_documented"
    """The training guaranteed and documented to the administration."""
    CCNL = "ccnl"
    """Pay and conditions not below the national collective agreement (CCNL)."""
    WORKPLACE_SAFETY = "workplace_safety"
    """Health and safety at work (D.Lgs. 81/2008)."""
    PRIVACY = "privacy"
    """Personal-data protection (D.Lgs. 196/2003 and the EU regulation)."""
    CONFIDENTIALITY = "confidentiality"
    """No disclosure of what staff learn as persons in charge of a public service."""
    INSURANCE = "insurance"
    """The compulsory insurances."""
    HOLD_HARMLESS = "hold_harmless"
    """Holding the Ambito and the Comuni harmless from staff's claims."""
    CONTROLS = "controls"
    """Accepting the controls of the Ambito (Ufficio di Piano)."""
    CONDUCT_CODE = "conduct_code"
    """Applying the lead Comune's code of conduct."""
    CASE_RECORD_SYSTEM = "case_record_system"
    """Using the Ambito's electronic social case record (Cartella Sociale Informatizzata)."""
    BASIC_SERVICE_LIAISON = "basic_service_liaison"
    """Organised, periodic liaison with each Comune's basic social service."""
    MINISTRY_ACCOUNTING = "ministry_accounting"
    """Expenses reported as the Ministry of Labour directs."""
    SURVEY_BENEFICIARIES = "survey_beneficiaries"
    """Satisfaction questionnaires to the beneficiaries."""
    SURVEY_OPERATORS = "survey_operators"
    """Satisfaction questionnaires to the partner's own operators."""
    SURVEY_REPORT_SHARED = "survey_report_shared"
    """A report of the survey results, shared with the operators."""
    SURVEY_REPORT_SENT = "survey_report_sent"
    """The survey report sent to the Ufficio di Piano."""
    SUMMARY_COMPLAINTS = "summary_complaints"
    """The yearly summary covers complaints and how they were handled."""
    SUMMARY_SATISFACTION = "summary_satisfaction"
    """The yearly summary covers the results of the satisfaction surveys."""
    SUMMARY_CONTROLS = "summary_controls"
    """The yearly summary covers the controls of the services delivered."""
    VIS_VERIFICATION = "vis_verification"
    """The VIS method states how it verifies, evaluates and measures."""
    GOVERNANCE_MEETINGS = "governance_meetings"
    """Periodic governance meetings for the whole project."""
    TECHNICAL_MEETINGS = "technical_meetings"
    """Technical meetings, about monthly, with the territorial services' operators."""
    TERRITORIAL_GROUP = "territorial_group"
    """Taking part in the P.I.P.P.I. territorial group (GT)."""
    FOSTER_CARE_COLLABORATION = "foster_care_collaboration"
    """Collaboration with the foster-care service to find supportive families."""
    EDUCATORS_IN_EM = "educators_in_em"
    """SEDT educators take part in every phase of the team's accompaniment."""
    PRIOR_INTERVENTIONS = "prior_interventions"
    """Educators take account of interventions already in place with the family."""
    NO_SCHOOL_SUPPORT_REPLACEMENT = "no_school_support_replacement"
    """Home education does not replace school support for disability, DSA or BES."""
    ART_330_EXCLUSION = "art_330_exclusion"
    """The relationship-regulation service takes no decrees on parental competence (art. 330 c.c.)."""


def _as_declarations(value: object) -> Any:
    """Read a set of Declaration from its value(s); unknown values are left for the validator."""
    return v.as_enum_set(Declaration, value)


def _cig(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _CIG.match(value)):
        raise InvalidValue.of("pattern", path="cig", value=value, what="CIG (10 letters/digits)")


@attrs.frozen(kw_only=True)
class TechnicalLead:
    """The partner's technical lead (Referente tecnico), by the staff id, and whether a CV is attached.

    >>> TechnicalLead(staff="COORD-1", cv=True)
    TechnicalLead(staff='COORD-1', cv=True)
    """

    staff: str = attrs.field(validator=v.identifier)
    """Pseudonymous id of the lead among the plan's staff."""
    cv: bool = attrs.field(default=False, validator=v.flag)
    """A training and professional CV is attached."""


@attrs.frozen(kw_only=True)
class ProgrammeTeam:
    """The P.I.P.P.I. team the plan records: EM operators, coaches, supportive families.

    ``None`` counts are *not recorded*: rules that need them ask a person.

    >>> team = ProgrammeTeam(em_operators=5, coaches=2, support_families=["F01"])
    >>> team.em_operators, team.coaches, team.support_families, team.facilitators_from_em
    (5, 2, ('F01',), None)
    """

    em_operators: int | None = attrs.field(
        default=None,
        validator=v.optional(v.all_of(v.instance(int, "a whole number"), v.non_negative)),
    )
    """Operators of the Équipe Multidisciplinare (EM)."""
    coaches: int | None = attrs.field(
        default=None,
        validator=v.optional(v.all_of(v.instance(int, "a whole number"), v.non_negative)),
    )
    """Coaches of the implementation."""
    support_families: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.identifier)
    )
    """Ids of the target families that have a supportive family (famiglia d'appoggio)."""
    facilitators_from_em: bool | None = attrs.field(default=None, validator=v.optional(v.flag))
    """The group facilitators are drawn from the families' EM."""


@attrs.frozen(kw_only=True)
class PartnerDeclarations:
    """What the partner declares in its plan.

    >>> d = PartnerDeclarations(
    ...     duties=["privacy", "insurance"], technical_lead=TechnicalLead(staff="C1", cv=True),
    ...     cig="Z5C3ADC2B0",
    ... )
    >>> sorted(str(duty) for duty in d.duties), Declaration.PRIVACY in d
    (['insurance', 'privacy'], True)
    >>> Declaration.CONDUCT_CODE in d
    False
    """

    duties: frozenset[Declaration] = attrs.field(
        default=frozenset(), converter=_as_declarations, validator=v.set_of(Declaration)
    )
    technical_lead: TechnicalLead | None = attrs.field(
        default=None, validator=v.optional(v.instance(TechnicalLead, "a technical lead"))
    )
    cig: str | None = attrs.field(default=None, validator=_cig)
    """CIG (tender identification code), where the notice gives one."""
    team: ProgrammeTeam | None = attrs.field(
        default=None, validator=v.optional(v.instance(ProgrammeTeam, "a programme team"))
    )

    def __contains__(self, duty: object) -> bool:
        return duty in self.duties

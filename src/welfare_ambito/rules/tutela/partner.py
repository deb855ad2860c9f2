"""What the Tutela Minori partner must declare (seed 002): one rule per duty.

The duties of «ONERI A CARICO DEL SOGGETTO PARTNER» (a.–j.), the yearly
summary's contents, the two levels of governance, the staff's multi-year
experience, the art. 330 c.c. exclusion of the relationship-regulation service
and the CCNL labour cost of the hourly costs (the same check as P.I.P.P.I.'s).
The profile binds each rule's sentence (``[citations]`` of
``seregno-tutela-minori-2022``).
"""

from __future__ import annotations

from decimal import Decimal

from welfare_ambito import i18n
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import CoDesignPlan, Declaration, Profession, StaffMember
from welfare_ambito.rules import (
    Outcome,
    Parameters,
    Severity,
    Verdict,
    check,
    needs_review,
    not_applicable,
    rule,
)
from welfare_ambito.rules._values import Text
from welfare_ambito.rules.partner import declaration_rule, technical_lead_rule
from welfare_ambito.rules.pippi.budget import labour_floor as _labour_floor
from welfare_ambito.rules.readings import decide

i18n.define(
    "tutela.partner.service_not_offered",
    it="servizio non offerto",
    en="service not offered",
)

__all__ = [
    "DUTIES",
    "EXPERIENCE_READING",
    "EXPERIENCE_READINGS",
    "art_330_exclusion",
    "experienced",
    "labour_floor",
    "multi_year_experience",
    "technical_lead",
]

_SPECS: tuple[tuple[Declaration, str, tuple[str, str]], ...] = (
    (
        Declaration.SUFFICIENT_STAFF,
        "sufficient_staff",
        ("personale in numero sufficiente", "staff in sufficient number"),
    ),
    (
        Declaration.CASE_RECORD_SYSTEM,
        "case_record_system",
        (
            "uso della Cartella Sociale Informatizzata dell'Ambito",
            "use of the Ambito's electronic social case record",
        ),
    ),
    (
        Declaration.BASIC_SERVICE_LIAISON,
        "basic_service_liaison",
        (
            "raccordo periodico con il Servizio Sociale di base",
            "periodic liaison with the basic social service",
        ),
    ),
    (
        Declaration.TRAINING,
        "training",
        (
            "formazione, aggiornamento, coordinamento e supervisione degli operatori",
            "training, updating, coordination and supervision of the staff",
        ),
    ),
    (
        Declaration.STAFF_LIST,
        "staff_list",
        ("elenco del personale con curriculum", "staff list with CVs"),
    ),
    (
        Declaration.CCNL,
        "ccnl",
        ("condizioni non inferiori al CCNL", "conditions not below the CCNL"),
    ),
    (
        Declaration.WORKPLACE_SAFETY,
        "workplace_safety",
        ("sicurezza del lavoro (D.Lgs. 81/2008)", "workplace safety (D.Lgs. 81/2008)"),
    ),
    (
        Declaration.PRIVACY,
        "privacy",
        (
            "protezione dei dati personali (D.Lgs. 196/2003 e disciplina europea)",
            "personal-data protection (D.Lgs. 196/2003 and the EU rules)",
        ),
    ),
    (
        Declaration.CONFIDENTIALITY,
        "confidentiality",
        ("riservatezza", "confidentiality"),
    ),
    (
        Declaration.QUALIFIED_STAFF,
        "qualified_staff",
        (
            "personale con esperienza pluriennale, qualificato e idoneo",
            "staff with multi-year experience, qualified and fit",
        ),
    ),
    (
        Declaration.GOVERNANCE_MEETINGS,
        "governance_meetings",
        ("incontri periodici di governance", "periodic governance meetings"),
    ),
    (
        Declaration.TECHNICAL_MEETINGS,
        "technical_meetings",
        (
            "incontri tecnici a cadenza indicativamente mensile",
            "technical meetings at a roughly monthly cadence",
        ),
    ),
    (
        Declaration.SURVEY_BENEFICIARIES,
        "survey_beneficiaries",
        ("rilevazione della soddisfazione", "satisfaction survey"),
    ),
    (
        Declaration.SUMMARY_COMPLAINTS,
        "summary_complaints",
        (
            "sintesi annuale: reclami e loro gestione",
            "yearly summary: complaints and their handling",
        ),
    ),
    (
        Declaration.SUMMARY_SATISFACTION,
        "summary_satisfaction",
        (
            "sintesi annuale: esiti della soddisfazione",
            "yearly summary: satisfaction results",
        ),
    ),
    (
        Declaration.SUMMARY_CONTROLS,
        "summary_controls",
        ("sintesi annuale: controlli svolti", "yearly summary: controls carried out"),
    ),
)

DUTIES = {
    declaration: declaration_rule(declaration, f"tutela.partner.{name}", names)
    for declaration, name, names in _SPECS
}
"""The rule checking each duty the Tutela Minori notice sets, by declaration."""

technical_lead = technical_lead_rule("tutela.partner.technical_lead")

_REGULATION = "regolamentazione_rapporti"


@rule(
    id="tutela.partner.art_330_exclusion",
    subject="plan",
    title={
        "it": "Regolamentazione dei rapporti: esclusi i decreti ex art. 330 c.c.",
        "en": "Relationship regulation: decrees under art. 330 c.c. excluded",
    },
    message={
        "it": "Servizio di regolamentazione dei rapporti offerto; esclusione art. 330 c.c. "
        "dichiarata: {declared}.",
        "en": "Relationship-regulation service offered; art. 330 c.c. exclusion declared: "
        "{declared}.",
    },
    condition={
        "it": "chi offre il servizio dichiara l'esclusione dei decreti ex art. 330 c.c.",
        "en": "a plan offering the service declares the art. 330 c.c. exclusion",
    },
)
def art_330_exclusion(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """A plan offering the relationship-regulation service declares the art. 330 exclusion."""
    if not any(offer.service == _REGULATION for offer in plan.services):
        return not_applicable(Text.message("tutela.partner.service_not_offered"))
    declared = plan.declarations is not None and Declaration.ART_330_EXCLUSION in plan.declarations
    return check(declared, declared=declared)


_EXPERIENCED = frozenset({Profession.SOCIAL_WORKER, Profession.PSYCHOLOGIST, Profession.EDUCATOR})


EXPERIENCE_READING = "tutela.staff.experience_reading"
"""The parameter whose readings say what «esperienza pluriennale» asks."""

EXPERIENCE_READINGS = ("at_least", "more_than_one")
"""The values of ``tutela.staff.experience_reading``: at least the profile's
``tutela.staff.min_years_experience`` years, or more than one year (any span past a year is
«pluriennale»)."""


def experienced(years: Decimal, minimum: Decimal, reading: str) -> bool:
    """Whether ``years`` of experience are «pluriennale» under ``reading``.

    >>> d = Decimal
    >>> [experienced(d(y), d(2), r) for y in ("1", "1.5", "2") for r in EXPERIENCE_READINGS]
    [False, False, False, True, True, True]
    """
    if reading == "at_least":
        return years >= minimum
    if reading == "more_than_one":
        return years > 1
    raise InvalidValue.of(
        "rules.unknown_reading",
        path=EXPERIENCE_READING,
        name=EXPERIENCE_READING,
        value=reading,
        choices=", ".join(EXPERIENCE_READINGS),
    )


@rule(
    id="tutela.staff.multi_year_experience",
    subject="staff",
    severity=Severity.WARNING,
    title={
        "it": "Personale con esperienza pluriennale",
        "en": "Staff with multi-year experience",
    },
    message={
        "it": "{id}: {years_in_tutela_minori} anni di esperienza; «pluriennale»: almeno "
        "{tutela.staff.min_years_experience} anni, o più di un anno, secondo la lettura. {reading}",
        "en": "{id}: {years_in_tutela_minori} years of experience; «pluriennale» (multi-year): "
        "at least {tutela.staff.min_years_experience} years, or more than one year, by the "
        "reading. {reading}",
    },
    condition={
        "it": "anni di esperienza ≥ {tutela.staff.min_years_experience} oppure > 1: secondo la "
        "lettura",
        "en": "years of experience ≥ {tutela.staff.min_years_experience} or > 1: by the reading",
    },
    parameters=("tutela.staff.min_years_experience", EXPERIENCE_READING),
    reads=("id", "years_in_tutela_minori"),
)
def multi_year_experience(staff: StaffMember, p: Parameters) -> Verdict:
    """Social workers, psychologists and educators have multi-year experience.

    «esperienza pluriennale» states no number: at least the profile's years
    (``at_least``, two in seed 002's profile), or more than one year
    (``more_than_one``). Between the two (1.5 years) the finding needs review
    naming both readings.
    """
    if staff.profession not in _EXPERIENCED:
        return Outcome.NOT_APPLICABLE
    if staff.years_in_tutela_minori is None:
        return needs_review("years_in_tutela_minori")
    years = staff.years_in_tutela_minori
    minimum = p.decimal("tutela.staff.min_years_experience")
    readings = p.readings(EXPERIENCE_READING)
    return decide(
        p, EXPERIENCE_READING, {r: experienced(years, minimum, r) for r in readings.values}
    )


@rule(
    id="tutela.costs.labour_floor",
    subject="plan",
    severity=Severity.WARNING,
    title={
        "it": "Costi orari non inferiori al costo del lavoro del CCNL",
        "en": "Hourly costs not below the CCNL labour cost",
    },
    message={"it": "{verdict}", "en": "{verdict}"},
)
def labour_floor(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Each hourly cost is at least the CCNL's lowest labour cost; a plan with none: not applicable."""
    if plan.hour_plan is None or not plan.hour_plan.hourly_cost:
        return not_applicable(Text.message("pippi.budget.no_hourly_cost"))
    return _labour_floor.function(plan, p)

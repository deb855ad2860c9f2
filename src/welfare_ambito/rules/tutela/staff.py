"""Staff qualifications of the Tutela Minori co-design (seed 002).

Social workers and psychologists must be registered in their Albo; a
psychologist must be a psychotherapist with at least two years in Tutela
Minori, or — *in deroga* — a psychologist with at least five years and the
contracting body's approval (modelled as a derogation of the rule, so the
report says "passes by derogation"). The coordinator's and the administrative
profile's hours, and the administrative profile's degree, are checked on the
staff member of that profession.

Fields a plan leaves unrecorded (``None``) make a rule need review, naming
the field; a condition already known to fail decides first.
"""

from __future__ import annotations

from welfare_ambito.model import Profession, StaffMember
from welfare_ambito.rules.definition import (
    Result,
    Verdict,
    failed,
    needs_review,
    passed,
    rule,
)
from welfare_ambito.rules.outcomes import Outcome
from welfare_ambito.rules.parameters import Parameters
from welfare_ambito.rules.readings import decide
from welfare_ambito.rules.tutela._common import undecided

__all__ = [
    "ADMINISTRATIVE_DEGREES",
    "administrative_degree",
    "administrative_weekly_hours",
    "coordinator_weekly_hours",
    "psychologist_qualification",
    "social_worker_albo",
    "social_worker_experience",
]

_TEAMS = "SERVIZI (EQUIPE) TERRITORIALI"
_ASSOCIATED = "SERVIZI ASSOCIATI"

ADMINISTRATIVE_DEGREES = frozenset(
    {"social", "technical_administrative", "sociale", "tecnico_amministrativo"}
)
"""Degree fields (``StaffMember.degree``, folded) accepted for the administrative profile:
"formazione universitaria sociale o tecnico-amministrativo" (English or Italian codes)."""


def _fold(degree: str) -> str:
    return "_".join(degree.strip().casefold().replace("-", " ").split())


# -- social workers -------------------------------------------------------------------------


@rule(
    id="tutela.staff.social_worker.albo",
    subject="staff",
    title={
        "it": "Assistente sociale iscritto all'Albo",
        "en": "Social worker registered in the Albo",
    },
    message={
        "it": "Assistente sociale {id}: iscrizione all'Albo {albo_registered}.",
        "en": "Social worker {id}: registered in the Albo {albo_registered}.",
    },
    condition={"it": "iscritto all'Albo degli assistenti sociali", "en": "registered in the Albo"},
    reads=("id", "albo_registered"),
)
def social_worker_albo(staff: StaffMember, p: Parameters) -> Verdict:
    """A social worker is registered in the professional Albo."""
    if staff.profession is not Profession.SOCIAL_WORKER:
        return Outcome.NOT_APPLICABLE
    if staff.albo_registered is None:
        return needs_review("albo_registered")
    return Outcome.PASS if staff.albo_registered else Outcome.FAIL


@rule(
    id="tutela.staff.social_worker.experience",
    subject="staff",
    severity="warning",
    title={
        "it": "Assistente sociale con significativa esperienza in Tutela Minori",
        "en": "Social worker with significant Tutela Minori experience",
    },
    message={
        "it": (
            "Assistente sociale {id}: {years_in_tutela_minori} anni in Tutela Minori; l'avviso "
            "chiede una «significativa esperienza» senza quantificarla: decide l'Ufficio di Piano."
        ),
        "en": (
            "Social worker {id}: {years_in_tutela_minori} years in Tutela Minori; the notice asks "
            'for "significant experience" without a number: the Ufficio di Piano decides.'
        ),
    },
    condition={
        "it": "«significativa esperienza»: l'avviso non la quantifica, la valuta l'Ufficio di Piano",
        "en": '"significant experience": the notice sets no number, the Ufficio di Piano judges',
    },
    reads=("id", "years_in_tutela_minori"),
)
def social_worker_experience(staff: StaffMember, p: Parameters) -> Verdict:
    """No experience fails; any experience is for a person to judge ("significativa")."""
    if staff.profession is not Profession.SOCIAL_WORKER:
        return Outcome.NOT_APPLICABLE
    if staff.years_in_tutela_minori is None:
        return needs_review("years_in_tutela_minori")
    if staff.years_in_tutela_minori == 0:
        return Outcome.FAIL
    return needs_review()


# -- psychologists -----------------------------------------------------------------------------


@rule(
    id="tutela.staff.psychologist.qualification",
    subject="staff",
    title={
        "it": "Psicologo psicoterapeuta iscritto all'Albo con esperienza in Tutela Minori",
        "en": "Psychologist-psychotherapist in the Albo with Tutela Minori experience",
    },
    message={
        "it": (
            "Psicologo {id}: iscritto all'Albo {albo_registered}, psicoterapeuta {psychotherapist}, "
            "{years_in_tutela_minori} anni in Tutela Minori (minimo {tutela.psychologist.min_years}; "
            "in deroga {tutela.psychologist.derogation_min_years} anni e benestare "
            "{derogation_approved})."
        ),
        "en": (
            "Psychologist {id}: in the Albo {albo_registered}, psychotherapist {psychotherapist}, "
            "{years_in_tutela_minori} years in Tutela Minori (minimum {tutela.psychologist.min_years}; "
            "by derogation {tutela.psychologist.derogation_min_years} years and approval "
            "{derogation_approved})."
        ),
    },
    condition={
        "it": (
            "psicoterapeuta iscritto all'Albo con almeno {tutela.psychologist.min_years} anni in "
            "Tutela Minori (in deroga: psicologo iscritto con almeno "
            "{tutela.psychologist.derogation_min_years} anni e benestare dell'Ente contraente)"
        ),
        "en": (
            "psychotherapist in the Albo with at least {tutela.psychologist.min_years} years in "
            "Tutela Minori (by derogation: psychologist in the Albo with at least "
            "{tutela.psychologist.derogation_min_years} years and the contracting body's approval)"
        ),
    },
    parameters=("tutela.psychologist.min_years", "tutela.psychologist.derogation_min_years"),
    reads=(
        "id",
        "albo_registered",
        "psychotherapist",
        "years_in_tutela_minori",
        "derogation_approved",
    ),
)
def psychologist_qualification(staff: StaffMember, p: Parameters) -> Verdict:
    """A psychologist is a psychotherapist in the Albo with enough years in Tutela Minori.

    The notice states it for the territorial psychological service; it is
    applied to every psychologist of the plan, since the psychologists of the
    associated services come from the same teams (seed 002, "LE RISORSE UMANE").
    """
    if staff.profession is not Profession.PSYCHOLOGIST:
        return Outcome.NOT_APPLICABLE
    years = staff.years_in_tutela_minori
    minimum = p.decimal("tutela.psychologist.min_years")
    is_failed, missing = undecided(
        [
            ("albo_registered", staff.albo_registered),
            ("psychotherapist", staff.psychotherapist),
            ("years_in_tutela_minori", None if years is None else years >= minimum),
        ]
    )
    if is_failed:
        return Outcome.FAIL
    if missing:
        return needs_review(*missing)
    return Outcome.PASS


@psychologist_qualification.exception(
    id="tutela.staff.psychologist.derogation_5_years",
    title={
        "it": (
            "Supera in deroga: psicologo iscritto all'Albo, con gli anni in Tutela Minori "
            "chiesti in deroga e il benestare dell'Ente contraente"
        ),
        "en": (
            "Passes by derogation: psychologist in the Albo with the years in Tutela Minori "
            "the derogation asks and the contracting body's approval"
        ),
    },
    parameters=("tutela.psychologist.derogation_min_years",),
    reads=("albo_registered", "years_in_tutela_minori", "derogation_approved"),
)
def psychologist_derogation(staff: StaffMember, p: Parameters) -> bool | Outcome | Result:
    """In deroga: a psychologist in the Albo with enough years and the body's approval."""
    years = staff.years_in_tutela_minori
    minimum = p.decimal("tutela.psychologist.derogation_min_years")
    is_failed, missing = undecided(
        [
            ("albo_registered", staff.albo_registered),
            ("years_in_tutela_minori", None if years is None else years >= minimum),
            ("derogation_approved", staff.derogation_approved),
        ]
    )
    if is_failed:
        return False
    if missing:
        return needs_review(*missing)
    return True


# -- coordinator and administrative profile -------------------------------------------------------


@rule(
    id="tutela.staff.coordinator.weekly_hours",
    subject="staff",
    title={
        "it": "Ore medie settimanali del coordinatore",
        "en": "Coordinator's average weekly hours",
    },
    message={
        "it": "Coordinatore {id}: {weekly_hours} ore medie settimanali; previste {tutela.coordinator.weekly_hours}. {reading}",
        "en": "Coordinator {id}: {weekly_hours} average weekly hours; the notice sets {tutela.coordinator.weekly_hours}. {reading}",
    },
    condition={
        "it": "ore medie settimanali ≥ {tutela.coordinator.weekly_hours}",
        "en": "average weekly hours ≥ {tutela.coordinator.weekly_hours}",
    },
    parameters=("tutela.coordinator.weekly_hours", "tutela.coordinator.hours_reading"),
    reads=("id", "weekly_hours"),
)
def coordinator_weekly_hours(staff: StaffMember, p: Parameters) -> Verdict:
    """The coordinator works at least the stated average weekly hours.

    "ore medie settimanali 32" admits two readings (profile parameter
    ``tutela.coordinator.hours_reading``): a minimum, or the average foreseen.
    Fewer hours fail the first and satisfy the second: the finding needs review.
    """
    if staff.profession is not Profession.COORDINATOR:
        return Outcome.NOT_APPLICABLE
    if staff.weekly_hours is None:
        return needs_review("weekly_hours")
    enough = staff.weekly_hours >= p.decimal("tutela.coordinator.weekly_hours")
    return decide(p, "tutela.coordinator.hours_reading", {"minimum": enough, "foreseen": True})


@rule(
    id="tutela.staff.administrative.degree",
    subject="staff",
    title={
        "it": "Profilo amministrativo con formazione universitaria sociale o tecnico-amministrativa",
        "en": "Administrative profile with a social or technical-administrative university degree",
    },
    message={
        "it": "Profilo amministrativo {id}: laurea {degree}.",
        "en": "Administrative profile {id}: degree {degree}.",
    },
    condition={
        "it": "laurea sociale o tecnico-amministrativa",
        "en": "social or technical-administrative university degree",
    },
    reads=("id", "degree"),
)
def administrative_degree(staff: StaffMember, p: Parameters) -> Verdict:
    """The administrative profile holds a social or technical-administrative degree."""
    if staff.profession is not Profession.ADMINISTRATIVE:
        return Outcome.NOT_APPLICABLE
    if staff.degree is None:
        return needs_review("degree")
    if _fold(staff.degree) in ADMINISTRATIVE_DEGREES:
        return passed()
    return failed(accepted=tuple(sorted(ADMINISTRATIVE_DEGREES)))


@rule(
    id="tutela.staff.administrative.weekly_hours",
    subject="staff",
    title={
        "it": "Monte ore settimanale del profilo amministrativo",
        "en": "Weekly hours of the administrative profile",
    },
    message={
        "it": (
            "Profilo amministrativo {id}: {weekly_hours} ore settimanali; l'avviso scrive «un monte "
            "ore un inferiore a {tutela.administrative.max_weekly_hours}». {reading}"
        ),
        "en": (
            "Administrative profile {id}: {weekly_hours} weekly hours; the notice writes «un monte "
            "ore un inferiore a {tutela.administrative.max_weekly_hours}». {reading}"
        ),
    },
    condition={
        "it": "ore settimanali < {tutela.administrative.max_weekly_hours} («un» ripetuto) "
        "oppure ≥ {tutela.administrative.max_weekly_hours} («un» per «non»): secondo la lettura",
        "en": "weekly hours < {tutela.administrative.max_weekly_hours} (repeated «un») "
        "or ≥ {tutela.administrative.max_weekly_hours} («un» for «non»): by the reading",
    },
    parameters=("tutela.administrative.max_weekly_hours", "tutela.administrative.hours_reading"),
    reads=("id", "weekly_hours"),
)
def administrative_weekly_hours(staff: StaffMember, p: Parameters) -> Verdict:
    """The administrative profile's weekly hours, under both readings of the notice.

    The notice writes "un monte ore un inferiore a 36 ore settimanali": the
    second "un" may be a repeated article (under 36 hours) or a typo of "non"
    (at least 36). Both are readings of ``tutela.administrative.hours_reading``;
    every number of hours satisfies exactly one of them, so the finding needs
    review until the profile keeps one reading.
    """
    if staff.profession is not Profession.ADMINISTRATIVE:
        return Outcome.NOT_APPLICABLE
    if staff.weekly_hours is None:
        return needs_review("weekly_hours")
    under = staff.weekly_hours < p.decimal("tutela.administrative.max_weekly_hours")
    return decide(p, "tutela.administrative.hours_reading", {"under": under, "at_least": not under})

"""Qualifications of the P.I.P.P.I. educators (seed 004 «SERVIZI E RISORSE UMANE»).

Educators are «educatori professionali, con specifica formazione socio-pedagogica»
and must be trained beforehand through the online MOOC. The accepted degree codes
and the training's name are parameters of the profile; a degree not recorded is
for a person to check.
"""

from __future__ import annotations

from welfare_ambito.model import Profession, StaffMember
from welfare_ambito.rules import Outcome, Parameters, Verdict, check, needs_review, rule

__all__ = ["educator_degree", "educator_prior_training"]


def _fold(text: str) -> str:
    return "_".join(text.strip().casefold().replace("-", " ").split())


def _listed(text: str) -> frozenset[str]:
    return frozenset(_fold(item) for item in text.split(",") if item.strip())


@rule(
    id="pippi.staff.educator_degree",
    subject="staff",
    title={
        "it": "Educatore professionale con formazione socio-pedagogica",
        "en": "Professional educator with socio-pedagogical training",
    },
    message={
        "it": "Educatore {id}: formazione {degree}; ammesse: {pippi.staff.educator_degrees}.",
        "en": "Educator {id}: training {degree}; accepted: {pippi.staff.educator_degrees}.",
    },
    condition={
        "it": "formazione tra {pippi.staff.educator_degrees}",
        "en": "training among {pippi.staff.educator_degrees}",
    },
    parameters=("pippi.staff.educator_degrees",),
    reads=("id", "degree"),
)
def educator_degree(staff: StaffMember, p: Parameters) -> Verdict:
    """An educator holds one of the accepted socio-pedagogical qualifications."""
    if staff.profession is not Profession.EDUCATOR:
        return Outcome.NOT_APPLICABLE
    if staff.degree is None:
        return needs_review("degree")
    return check(_fold(staff.degree) in _listed(p.text("pippi.staff.educator_degrees")))


@rule(
    id="pippi.staff.educator_prior_training",
    subject="staff",
    title={
        "it": "Educatore formato in precedenza con il MOOC",
        "en": "Educator trained beforehand through the MOOC",
    },
    message={
        "it": "Educatore {id}: formazioni {trainings}; richiesta: {pippi.staff.prior_training}.",
        "en": "Educator {id}: trainings {trainings}; required: {pippi.staff.prior_training}.",
    },
    condition={
        "it": "una formazione che nomina {pippi.staff.prior_training}",
        "en": "a training naming {pippi.staff.prior_training}",
    },
    parameters=("pippi.staff.prior_training",),
    reads=("id",),
)
def educator_prior_training(staff: StaffMember, p: Parameters) -> Verdict:
    """An educator lists the required prior training among their trainings."""
    if staff.profession is not Profession.EDUCATOR:
        return Outcome.NOT_APPLICABLE
    wanted = p.text("pippi.staff.prior_training").casefold()
    return check(
        any(wanted in training.casefold() for training in staff.trainings),
        trainings=", ".join(staff.trainings) or "—",
    )

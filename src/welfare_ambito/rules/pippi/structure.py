"""The programme's structure (seed 004): the services required, supportive families, the team.

The services 1–8 of «SERVIZI E RISORSE UMANE» must all be in the plan (the
children's groups only «laddove possibile»: their absence is for a person to
judge); each target family has a supportive family; the EM and the coaches
reach the national design's figures; group facilitators come from the EM.
"""

from __future__ import annotations

from collections.abc import Callable

from welfare_ambito import i18n
from welfare_ambito.model import CoDesignPlan, GroupKind, InterventionKind, Profession
from welfare_ambito.rules import Parameters, Verdict, check, needs_review, rule
from welfare_ambito.rules.pippi._common import Text

__all__ = [
    "OFFERED_BY",
    "coaches",
    "em_operators",
    "facilitators_from_em",
    "services_required",
    "support_families",
]

i18n.define(
    "pippi.structure.all_services",
    it="Tutti i servizi richiesti sono nel piano.",
    en="Every required service is in the plan.",
)
i18n.define(
    "pippi.structure.services_missing",
    it="Servizi mancanti: {services}.",
    en="Services missing: {services}.",
)
i18n.define(
    "pippi.structure.where_possible",
    it="«laddove possibile»: l'Ufficio di Piano valuta se i gruppi di bambini erano possibili",
    en="«where possible»: the Ufficio di Piano judges whether the children's groups were possible",
)
i18n.define(
    "pippi.structure.all_paired",
    it="Ogni famiglia ha una famiglia d'appoggio.",
    en="Every family is paired.",
)
i18n.define(
    "pippi.structure.unpaired",
    it="Famiglie senza famiglia d'appoggio: {families}.",
    en="Families unpaired: {families}.",
)


def _group(kind: GroupKind) -> Callable[[CoDesignPlan], bool]:
    return lambda plan: any(g.kind is kind for g in plan.groups)


def _hours(profession: Profession) -> Callable[[CoDesignPlan], bool]:
    return lambda plan: plan.hour_plan is not None and plan.hour_plan.hours_of(profession) > 0


OFFERED_BY: dict[str, Callable[[CoDesignPlan], bool]] = {
    "sedt": lambda plan: any(i.kind is InterventionKind.SEDT for i in plan.interventions),
    "parent_groups": _group(GroupKind.PARENTS),
    "child_groups": _group(GroupKind.CHILDREN),
    "parent_child_groups": _group(GroupKind.PARENTS_AND_CHILDREN),
    "psychological": _hours(Profession.PSYCHOLOGIST),
    "pedagogical": _hours(Profession.PEDAGOGIST),
    "cultural_mediation": _hours(Profession.CULTURAL_MEDIATOR),
}
"""How a plan shows a service without a service offer: an SEDT intervention, a group
module of the kind, hours of the profession. Any other service id (e.g.
``parenting_training``) needs a ``services`` entry with that id."""


def _offered(plan: CoDesignPlan, service: str) -> bool:
    if any(offer.service == service for offer in plan.services):
        return True
    shown = OFFERED_BY.get(service)
    return shown is not None and shown(plan)


@rule(
    id="pippi.structure.services",
    subject="plan",
    title={
        "it": "I servizi richiesti dall'avviso (1–8)",
        "en": "The services the notice requires (1–8)",
    },
    message={"it": "{verdict}", "en": "{verdict}"},
    condition={
        "it": "ogni servizio tra {pippi.services.required} nel piano",
        "en": "every service among {pippi.services.required} in the plan",
    },
    parameters=("pippi.services.required", "pippi.services.where_possible"),
)
def services_required(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Every required service is in the plan; one «where possible» missing needs a person."""
    required = [s.strip() for s in p.text("pippi.services.required").split(",") if s.strip()]
    optional = {s.strip() for s in p.text("pippi.services.where_possible").split(",")}
    missing = tuple(s for s in required if not _offered(plan, s))
    hard = tuple(s for s in missing if s not in optional)
    listed = ", ".join(missing)
    verdict = (
        Text.message("pippi.structure.all_services")
        if not missing
        else Text.message("pippi.structure.services_missing", services=listed)
    )
    if missing and not hard:
        return needs_review(
            note=Text.message("pippi.structure.where_possible"),
            missing_services=missing,
            verdict=verdict,
        )
    return check(not missing, missing_services=missing or None, verdict=verdict)


@rule(
    id="pippi.structure.support_families",
    subject="plan",
    title={
        "it": "Una famiglia d'appoggio per ogni famiglia target",
        "en": "A supportive family for every target family",
    },
    message={"it": "{verdict}", "en": "{verdict}"},
    condition={
        "it": "ogni famiglia del piano ha una famiglia d'appoggio",
        "en": "every family of the plan has a supportive family",
    },
)
def support_families(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Every target family of the plan is paired with a supportive family."""
    team = plan.declarations.team if plan.declarations is not None else None
    paired = set(team.support_families) if team is not None else set()
    without = tuple(f.id for f in plan.families if f.id not in paired)
    listed = ", ".join(without)
    return check(
        not without,
        without=without or None,
        verdict=Text.message("pippi.structure.all_paired")
        if not without
        else Text.message("pippi.structure.unpaired", families=listed),
    )


def _team_count(plan: CoDesignPlan, field: str) -> int | None:
    team = plan.declarations.team if plan.declarations is not None else None
    return None if team is None else getattr(team, field)


@rule(
    id="pippi.structure.em_operators",
    subject="plan",
    title={
        "it": "Operatori dell'Équipe Multidisciplinare (EM)",
        "en": "Operators of the multidisciplinary team (EM)",
    },
    message={
        "it": "Operatori EM nel piano: {em_operators}; minimo {pippi.implementation.min_em}.",
        "en": "EM operators in the plan: {em_operators}; minimum {pippi.implementation.min_em}.",
    },
    condition={
        "it": "operatori EM ≥ {pippi.implementation.min_em}",
        "en": "EM operators ≥ {pippi.implementation.min_em}",
    },
    parameters=("pippi.implementation.min_em",),
)
def em_operators(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """The plan records at least the national design's EM figure."""
    count = _team_count(plan, "em_operators")
    if count is None:
        return needs_review("declarations.team.em_operators")
    return check(count >= p.count("pippi.implementation.min_em"), em_operators=count)


@rule(
    id="pippi.structure.coaches",
    subject="plan",
    title={"it": "Coach dell'implementazione", "en": "Coaches of the implementation"},
    message={
        "it": "Coach nel piano: {coaches}; minimo {pippi.implementation.min_coaches}.",
        "en": "Coaches in the plan: {coaches}; minimum {pippi.implementation.min_coaches}.",
    },
    condition={
        "it": "coach ≥ {pippi.implementation.min_coaches}",
        "en": "coaches ≥ {pippi.implementation.min_coaches}",
    },
    parameters=("pippi.implementation.min_coaches",),
)
def coaches(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """The plan records at least the national design's coaches."""
    count = _team_count(plan, "coaches")
    if count is None:
        return needs_review("declarations.team.coaches")
    return check(count >= p.count("pippi.implementation.min_coaches"), coaches=count)


@rule(
    id="pippi.structure.facilitators_from_em",
    subject="plan",
    severity="warning",
    title={
        "it": "Facilitatori dei gruppi tratti dall'équipe",
        "en": "Group facilitators drawn from the team",
    },
    message={
        "it": "Facilitatori dall'équipe: {facilitators_from_em}.",
        "en": "Facilitators from the team: {facilitators_from_em}.",
    },
    condition={
        "it": "facilitatori prioritariamente dall'équipe delle famiglie",
        "en": "facilitators drawn first from the families' team",
    },
)
def facilitators_from_em(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Facilitators come from the EM («prioritariamente»: otherwise a warning)."""
    if not plan.groups:
        return check(True, facilitators_from_em="—")
    value = _team_count(plan, "facilitators_from_em")
    if value is None:
        return needs_review("declarations.team.facilitators_from_em")
    return check(bool(value), facilitators_from_em=value)

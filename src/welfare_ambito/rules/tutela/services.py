"""The plan offers every service of the catalogue, each over the right Comuni (seed 002).

The catalogue (:func:`welfare_ambito.tutela.catalogue`, chosen by the
profile's ``tutela.catalogue`` parameter) lists the associated services
(the six Comuni), the administrative services (all ten) and the territorial
services (one team per each of the six Comuni). A plan's
:class:`~welfare_ambito.model.ServiceOffer` names its service by catalogue id.
"""

from __future__ import annotations

from collections import Counter

from welfare_ambito import i18n
from welfare_ambito.model import CoDesignPlan, ServiceOffer
from welfare_ambito.rules._values import Text
from welfare_ambito.rules.definition import (
    Verdict,
    check,
    failed,
    needs_review,
    not_applicable,
    passed,
    rule,
)
from welfare_ambito.rules.outcomes import Outcome
from welfare_ambito.rules.parameters import Parameters
from welfare_ambito.rules.readings import decide
from welfare_ambito.tutela import CatalogueService, ServiceCatalogue, catalogue

__all__ = [
    "SUPERVISION_SERVICE",
    "service_known",
    "service_scope",
    "services_offered",
    "supervision_yearly_hours",
    "team_professions",
]

i18n.define(
    "tutela.services.outside_catalogue",
    it="servizio fuori catalogo",
    en="service outside the catalogue",
)

SUPERVISION_SERVICE = "supervisione_formazione"
"""Catalogue id of the supervision and training service."""


def _catalogue(p: Parameters) -> ServiceCatalogue:
    return catalogue(p.text("tutela.catalogue"))


def _official(cat: ServiceCatalogue, names: tuple[str, ...]) -> tuple[str, ...]:
    """Official names of ``names`` in the catalogue's Ambito (unknown names kept as given)."""
    from welfare_ambito.data import ambito

    area = ambito(cat.ambito)
    resolved = []
    for name in names:
        found = area.find(name)
        resolved.append(found.name if found is not None else name)
    return tuple(resolved)


@rule(
    id="tutela.services.known",
    subject="service",
    title={"it": "Servizio del catalogo", "en": "Service of the catalogue"},
    message={
        "it": "Servizio {service}: nel catalogo {known}.",
        "en": "Service {service}: in the catalogue {known}.",
    },
    condition={
        "it": "servizio del catalogo dell'avviso",
        "en": "a service of the notice's catalogue",
    },
    parameters=("tutela.catalogue",),
    reads=("service",),
)
def service_known(offer: ServiceOffer, p: Parameters) -> Verdict:
    """The offer names a service of the catalogue (``catalogue_ids`` lists them when not)."""
    import difflib

    cat = _catalogue(p)
    if offer.service in cat:
        return passed(known=True)
    close = difflib.get_close_matches(offer.service, list(cat.ids()), n=1)
    return failed(known=False, suggestion=close[0] if close else None, catalogue_ids=cat.ids())


@rule(
    id="tutela.services.scope",
    subject="service",
    title={"it": "Ambito territoriale del servizio", "en": "Comuni covered by the service"},
    message={
        "it": (
            "Servizio {service} ({scope}, atteso {expected_scope}): Comuni {comuni}; "
            "mancanti {missing}; in più {extra}."
        ),
        "en": (
            "Service {service} ({scope}, expected {expected_scope}): Comuni {comuni}; "
            "missing {missing}; extra {extra}."
        ),
    },
    condition={
        "it": "servizi associati: i sei Comuni; amministrativi: tutti e dieci; équipe: un Comune dei sei",
        "en": "associated services: the six Comuni; administrative: all ten; teams: one of the six",
    },
    parameters=("tutela.catalogue",),
    reads=("service", "scope", "comuni"),
)
def service_scope(offer: ServiceOffer, p: Parameters) -> Verdict:
    """The offer's scope and Comuni are those of its catalogue service.

    Associated and administrative services cover exactly their scope's
    Comuni; a territorial team covers exactly one Comune of its scope. An offer
    that states no Comuni needs review. An unknown service is left to
    ``tutela.services.known``.
    """
    cat = _catalogue(p)
    entry = cat.find(offer.service)
    if entry is None:
        return not_applicable(Text.message("tutela.services.outside_catalogue"))
    if not offer.comuni:
        return needs_review("comuni", expected_scope=entry.scope, expected=entry.comuni)
    comuni = _official(cat, offer.comuni)
    scope_ok = offer.scope is None or offer.scope is entry.scope
    if entry.per_comune:
        extra = tuple(c for c in comuni if c not in entry.comuni)
        ok = scope_ok and len(comuni) == 1 and not extra
        if len(comuni) > 1:
            extra = comuni[1:]
        return check(ok, expected_scope=entry.scope, missing=None, extra=extra or None)
    missing = tuple(c for c in entry.comuni if c not in comuni)
    extra = tuple(c for c in dict.fromkeys(comuni) if c not in entry.comuni)
    return check(
        scope_ok and not missing and not extra,
        expected_scope=entry.scope,
        missing=missing or None,
        extra=extra or None,
    )


def _offers_by_key(plan: CoDesignPlan, cat: ServiceCatalogue) -> Counter[tuple[str, str | None]]:
    """How many offers there are per (service, Comune of a territorial team)."""
    counts: Counter[tuple[str, str | None]] = Counter()
    for offer in plan.services:
        entry = cat.find(offer.service)
        if entry is None:
            continue
        if entry.per_comune:
            for comune in _official(cat, offer.comuni):
                counts[(offer.service, comune)] += 1
        else:
            counts[(offer.service, None)] += 1
    return counts


def _expected(cat: ServiceCatalogue) -> list[tuple[str, str | None]]:
    keys: list[tuple[str, str | None]] = []
    for entry in cat:
        if entry.per_comune:
            keys.extend((entry.id, comune) for comune in entry.comuni)
        else:
            keys.append((entry.id, None))
    return keys


def _label(key: tuple[str, str | None]) -> str:
    service, comune = key
    return service if comune is None else f"{service} ({comune})"


@rule(
    id="tutela.services.offered",
    subject="plan",
    title={
        "it": "Il piano offre ogni servizio del catalogo",
        "en": "The plan offers every service of the catalogue",
    },
    message={
        "it": "Servizi attesi {expected_count}; mancanti: {missing}; offerti più volte: {duplicates}.",
        "en": "Services expected {expected_count}; missing: {missing}; offered more than once: {duplicates}.",
    },
    condition={
        "it": "ogni servizio associato e amministrativo una volta; ogni équipe una volta per Comune",
        "en": "each associated and administrative service once; each team once per Comune",
    },
    parameters=("tutela.catalogue",),
)
def services_offered(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Every catalogue service is offered once; territorial services once per Comune of their scope."""
    cat = _catalogue(p)
    counts = _offers_by_key(plan, cat)
    expected = _expected(cat)
    missing = tuple(_label(k) for k in expected if counts[k] == 0)
    duplicates = tuple(_label(k) for k in expected if counts[k] > 1)
    return check(
        not missing and not duplicates,
        expected_count=len(expected),
        missing=missing or None,
        duplicates=duplicates or None,
    )


@rule(
    id="tutela.services.team_professions",
    subject="plan",
    title={
        "it": "Ogni équipe territoriale ha la professionalità richiesta",
        "en": "Each territorial team has the required profession",
    },
    message={
        "it": "Équipe senza la professionalità richiesta: {wrong}; senza personale indicato: {unstaffed}.",
        "en": "Teams without the required profession: {wrong}; with no staff named: {unstaffed}.",
    },
    condition={
        "it": "servizio sociale professionale: assistente sociale; servizio psicologico: psicologo",
        "en": "social work service: a social worker; psychological service: a psychologist",
    },
    parameters=("tutela.catalogue",),
)
def team_professions(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """A territorial team's offer names at least one staff member of its required profession."""
    cat = _catalogue(p)
    professions = {member.id: member.profession for member in plan.staff}
    wrong: list[str] = []
    unstaffed: list[str] = []
    for index, offer in enumerate(plan.services):
        entry: CatalogueService | None = cat.find(offer.service)
        if entry is None or entry.profession is None:
            continue
        label = _label((offer.service, offer.comuni[0] if offer.comuni else None))
        if not offer.staff:
            unstaffed.append(f"services[{index}].staff")
        elif entry.profession not in {professions.get(s) for s in offer.staff}:
            wrong.append(label)
    if wrong:
        return failed(wrong=tuple(wrong), unstaffed=tuple(unstaffed) or None)
    if unstaffed:
        return needs_review(*unstaffed, wrong=None, unstaffed=tuple(unstaffed))
    return passed(wrong=None, unstaffed=None)


@rule(
    id="tutela.services.supervision.yearly_hours",
    subject="service",
    title={
        "it": "Monte ore annuo di supervisione e formazione",
        "en": "Yearly hours of supervision and training",
    },
    message={
        "it": "Supervisione e formazione: {yearly_hours} ore annue; previste {tutela.supervision.yearly_hours}. {reading}",
        "en": "Supervision and training: {yearly_hours} hours a year; the notice sets {tutela.supervision.yearly_hours}. {reading}",
    },
    condition={
        "it": "ore annue ≥ {tutela.supervision.yearly_hours}",
        "en": "hours a year ≥ {tutela.supervision.yearly_hours}",
    },
    parameters=("tutela.supervision.yearly_hours", "tutela.supervision.hours_reading"),
    reads=("service", "yearly_hours"),
)
def supervision_yearly_hours(offer: ServiceOffer, p: Parameters) -> Verdict:
    """The supervision and training service plans at least the stated hours a year.

    "Monte ore annuo a previsto 50 ore" admits two readings (profile parameter
    ``tutela.supervision.hours_reading``): a floor, or the hours foreseen. Fewer
    hours fail the first and satisfy the second: the finding needs review.
    """
    if offer.service != SUPERVISION_SERVICE:
        return Outcome.NOT_APPLICABLE
    if offer.yearly_hours is None:
        return needs_review("yearly_hours")
    enough = offer.yearly_hours >= p.decimal("tutela.supervision.yearly_hours")
    return decide(p, "tutela.supervision.hours_reading", {"minimum": enough, "foreseen": True})

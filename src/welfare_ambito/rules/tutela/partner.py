"""What the Tutela Minori partner must declare (seed 002): one rule per duty, each citing its sentence.

The duties of «ONERI A CARICO DEL SOGGETTO PARTNER» (a.–j.), the yearly
summary's contents, the two levels of governance, the staff's multi-year
experience, the art. 330 c.c. exclusion of the relationship-regulation service
and the CCNL labour cost of the hourly costs (the same check as P.I.P.P.I.'s,
cited from seed 002).
"""

from __future__ import annotations

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
from welfare_ambito.rules.partner import declaration_rule, technical_lead_rule
from welfare_ambito.rules.pippi.budget import labour_floor as _labour_floor
from welfare_ambito.rules._values import Text
from welfare_ambito.rules.tutela._common import cite

__all__ = [
    "DUTIES",
    "art_330_exclusion",
    "labour_floor",
    "multi_year_experience",
    "technical_lead",
]

_DUTIES = "ONERI A CARICO DEL SOGGETTO PARTNER"
_REPORTS = "RENDICONTAZIONI, DATI E RELAZIONI"
_GOVERNANCE = "IL GOVERNO DEL SISTEMA DI COPROGETTAZIONE"
_STAFF = "LE RISORSE UMANE"

_SPECS: tuple[tuple[Declaration, str, tuple[str, str], str, str], ...] = (
    (
        Declaration.SUFFICIENT_STAFF,
        "sufficient_staff",
        ("personale in numero sufficiente", "staff in sufficient number"),
        _DUTIES,
        "a. l’impiego del personale in numero sufficiente a garantire il regolare espletamento "
        "degli interventi e dei servizi oggetto della coprogettazione;",
    ),
    (
        Declaration.CASE_RECORD_SYSTEM,
        "case_record_system",
        (
            "uso della Cartella Sociale Informatizzata dell'Ambito",
            "use of the Ambito's electronic social case record",
        ),
        _DUTIES,
        "b. l’utilizzo della Cartella Sociale Informatizzata messa a disposizione dall’Ambito "
        "Territoriale;",
    ),
    (
        Declaration.BASIC_SERVICE_LIAISON,
        "basic_service_liaison",
        (
            "raccordo periodico con il Servizio Sociale di base",
            "periodic liaison with the basic social service",
        ),
        _DUTIES,
        "c. il raccordo organizzato e periodico con il Servizio Sociale di base dei singoli "
        "Comuni, con riferimento alle situazioni di co-presa in carico del nucleo;",
    ),
    (
        Declaration.TRAINING,
        "training",
        (
            "formazione, aggiornamento, coordinamento e supervisione degli operatori",
            "training, updating, coordination and supervision of the staff",
        ),
        _DUTIES,
        "d. l’organizzazione di una adeguata attività formativa, di aggiornamento, di "
        "coordinamento e supervisione per gli operatori impiegati;",
    ),
    (
        Declaration.STAFF_LIST,
        "staff_list",
        ("elenco del personale con curriculum", "staff list with CVs"),
        _DUTIES,
        "e. la trasmissione e l’aggiornamento costante dell’elenco del personale impiegato "
        "comprensivo di curriculum formativo - professionale;",
    ),
    (
        Declaration.CCNL,
        "ccnl",
        ("condizioni non inferiori al CCNL", "conditions not below the CCNL"),
        _DUTIES,
        "g. l’attuazione a favore dei propri dipendenti e dei soci di condizioni normative e "
        "retributive non inferiori a quelle previste dal CCNL e dagli accordi integrativi vigenti;",
    ),
    (
        Declaration.WORKPLACE_SAFETY,
        "workplace_safety",
        ("sicurezza del lavoro (D.Lgs. 81/2008)", "workplace safety (D.Lgs. 81/2008)"),
        _DUTIES,
        "h. l’osservanza della vigente normativa in materia di igiene e di sicurezza del lavoro, "
        "in particolare di quanto previsto dal D. Lgs n. 81/2008;",
    ),
    (
        Declaration.PRIVACY,
        "privacy",
        (
            "protezione dei dati personali (D.Lgs. 196/2003 e disciplina europea)",
            "personal-data protection (D.Lgs. 196/2003 and the EU rules)",
        ),
        _DUTIES,
        "i. l’osservanza della vigente normativa in materia di privacy con particolare "
        "riferimento al D. Lgs 196/2003 e alla disciplina europea;",
    ),
    (
        Declaration.CONFIDENTIALITY,
        "confidentiality",
        ("riservatezza", "confidentiality"),
        _DUTIES,
        "j. il divieto di comunicare notizie o informazioni di cui siano venuti a conoscenza "
        "nell’esercizio delle loro funzioni in quanto incaricati dell’espletamento di pubblico "
        "servizio, così come previsto dalla normativa vigente.",
    ),
    (
        Declaration.QUALIFIED_STAFF,
        "qualified_staff",
        (
            "personale con esperienza pluriennale, qualificato e idoneo",
            "staff with multi-year experience, qualified and fit",
        ),
        _STAFF,
        "personale con esperienza pluriennale, adeguatamente qualificato ed idoneo allo "
        "svolgimento delle mansioni affidate",
    ),
    (
        Declaration.GOVERNANCE_MEETINGS,
        "governance_meetings",
        ("incontri periodici di governance", "periodic governance meetings"),
        _GOVERNANCE,
        "1) Un primo livello di governance, che prevede incontri periodici per il periodo di "
        "durata del progetto",
    ),
    (
        Declaration.TECHNICAL_MEETINGS,
        "technical_meetings",
        ("incontri tecnici mensili", "monthly technical meetings"),
        _GOVERNANCE,
        "che si riuniscono con gli operatori del Soggetto partner in incontri a cadenza "
        "indicativamente mensile",
    ),
    (
        Declaration.SURVEY_BENEFICIARIES,
        "survey_beneficiaries",
        ("rilevazione della soddisfazione", "satisfaction survey"),
        "RILEVAZIONE DEL GRADO DI SODDISFAZIONE",
        "La rilevazione del grado di soddisfazione ha lo scopo di:",
    ),
    (
        Declaration.SUMMARY_COMPLAINTS,
        "summary_complaints",
        (
            "sintesi annuale: reclami e loro gestione",
            "yearly summary: complaints and their handling",
        ),
        _REPORTS,
        "reclami da parte dei beneficiari e loro gestione;",
    ),
    (
        Declaration.SUMMARY_SATISFACTION,
        "summary_satisfaction",
        (
            "sintesi annuale: esiti della soddisfazione",
            "yearly summary: satisfaction results",
        ),
        _REPORTS,
        "esiti delle rilevazioni della soddisfazione dei beneficiari;",
    ),
    (
        Declaration.SUMMARY_CONTROLS,
        "summary_controls",
        ("sintesi annuale: controlli svolti", "yearly summary: controls carried out"),
        _REPORTS,
        "controlli svolti delle prestazioni rese;",
    ),
)

DUTIES = {
    declaration: declaration_rule(
        declaration, f"tutela.partner.{name}", names, cite(section, quote)
    )
    for declaration, name, names, section, quote in _SPECS
}
"""The rule checking each duty the Tutela Minori notice sets, by declaration."""

technical_lead = technical_lead_rule(
    "tutela.partner.technical_lead",
    cite(
        _DUTIES,
        "f. l’indicazione del Referente tecnico comprensivo di curriculum formativo - "
        "professionale;",
    ),
)

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
    citation=cite(
        "SERVIZI ASSOCIATI",
        "per le quali viene richiesta la regolamentazione dei rapporti ad esclusione di decreti "
        "che richiedano la valutazione delle competenze genitoriali (Art. 330 cc “Decadenza "
        "dalla potestà sui figli”).",
    ),
)
def art_330_exclusion(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """A plan offering the relationship-regulation service declares the art. 330 exclusion."""
    if not any(offer.service == _REGULATION for offer in plan.services):
        return not_applicable("servizio non offerto / service not offered")
    declared = plan.declarations is not None and Declaration.ART_330_EXCLUSION in plan.declarations
    return check(declared, declared=declared)


_EXPERIENCED = frozenset({Profession.SOCIAL_WORKER, Profession.PSYCHOLOGIST, Profession.EDUCATOR})


@rule(
    id="tutela.staff.multi_year_experience",
    subject="staff",
    severity=Severity.WARNING,
    title={
        "it": "Personale con esperienza pluriennale",
        "en": "Staff with multi-year experience",
    },
    message={
        "it": "{id}: {years_in_tutela_minori} anni di esperienza; «pluriennale» letto come "
        "almeno {tutela.staff.min_years_experience}.",
        "en": "{id}: {years_in_tutela_minori} years of experience; 'multi-year' read as at "
        "least {tutela.staff.min_years_experience}.",
    },
    condition={
        "it": "anni di esperienza ≥ {tutela.staff.min_years_experience}",
        "en": "years of experience ≥ {tutela.staff.min_years_experience}",
    },
    parameters=("tutela.staff.min_years_experience",),
    reads=("id", "years_in_tutela_minori"),
    citation=cite(
        _STAFF,
        "personale con esperienza pluriennale, adeguatamente qualificato ed idoneo allo "
        "svolgimento delle mansioni affidate tra i profili di Assistente Sociale e Psicologo/a "
        "iscritti ai rispettivi Albi professionali ed Educatori.",
    ),
)
def multi_year_experience(staff: StaffMember, p: Parameters) -> Verdict:
    """Social workers, psychologists and educators have multi-year experience."""
    if staff.profession not in _EXPERIENCED:
        return Outcome.NOT_APPLICABLE
    if staff.years_in_tutela_minori is None:
        return needs_review("years_in_tutela_minori")
    return check(staff.years_in_tutela_minori >= p.decimal("tutela.staff.min_years_experience"))


@rule(
    id="tutela.costs.labour_floor",
    subject="plan",
    severity=Severity.WARNING,
    title={
        "it": "Costi orari non inferiori al costo del lavoro del CCNL",
        "en": "Hourly costs not below the CCNL labour cost",
    },
    message={"it": "{verdict}", "en": "{verdict}"},
    citation=cite(
        _DUTIES,
        "g. l’attuazione a favore dei propri dipendenti e dei soci di condizioni normative e "
        "retributive non inferiori a quelle previste dal CCNL e dagli accordi integrativi vigenti;",
    ),
)
def labour_floor(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Each hourly cost is at least the CCNL's lowest labour cost; a plan with none: not applicable."""
    if plan.hour_plan is None or not plan.hour_plan.hourly_cost:
        return not_applicable(Text("nessun costo orario nel piano", "no hourly cost in the plan"))
    return _labour_floor.function(plan, p)

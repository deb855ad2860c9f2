"""What the P.I.P.P.I. partner must declare (seed 004): one rule per duty, each citing its sentence.

The duties of «ONERI A CARICO DEL SOGGETTO PARTNER» (a.–i.), the insurance,
holding harmless, controls and conduct code of «SERVIZI E RISORSE UMANE», the
satisfaction surveys and their report, the yearly summary's contents, the VIS's
ways of verifying, the two levels of governance and the collaboration with the
foster-care service. A plan that omits a duty gets one failed finding for it;
the CUP and the CIG must be the notice's.
"""

from __future__ import annotations

from welfare_ambito.model import Declaration
from welfare_ambito.rules.partner import code_rule, declaration_rule, technical_lead_rule
from welfare_ambito.rules.pippi._common import cite

__all__ = ["DUTIES", "cig", "cup", "technical_lead"]

_STAFF = "SERVIZI E RISORSE UMANE"
_DUTIES = "ONERI A CARICO DEL SOGGETTO PARTNER"
_SURVEY = "RILEVAZIONE DEL GRADO DI SODDISFAZIONE"
_REPORTS = "RENDICONTAZIONI, DATI E RELAZIONI"
_GOVERNANCE = "IL GOVERNO DEL SISTEMA DI COPROGETTAZIONE"
_PROGRAMME = "I SERVIZI OGGETTO DELLA COPROGETTAZIONE E GLI OBIETTIVI"

_SPECS: tuple[tuple[Declaration, str, tuple[str, str], str, str], ...] = (
    (
        Declaration.SUFFICIENT_STAFF,
        "sufficient_staff",
        ("personale in numero sufficiente", "staff in sufficient number"),
        _DUTIES,
        "a. l'impiego del personale in numero sufficiente a garantire il regolare espletamento "
        "degli interventi e dei servizi oggetto della coprogettazione;",
    ),
    (
        Declaration.MINISTRY_ACCOUNTING,
        "ministry_accounting",
        (
            "rendicontazione delle spese secondo il Ministero",
            "expenses reported as the Ministry directs",
        ),
        _DUTIES,
        "b. la corretta rendicontazione delle spese in linea con le indicazioni del Ministero "
        "del Lavoro e delle Politiche Sociali;",
    ),
    (
        Declaration.TRAINING,
        "training",
        (
            "formazione, aggiornamento, coordinamento e supervisione degli operatori",
            "training, updating, coordination and supervision of the staff",
        ),
        _DUTIES,
        "c. l'organizzazione di una adeguata attività formativa, di aggiornamento, di "
        "coordinamento e supervisione per gli operatori impiegati;",
    ),
    (
        Declaration.TRAINING_DOCUMENTED,
        "training_documented",
        ("formazione garantita e documentata", "training guaranteed and documented"),
        _STAFF,
        "La formazione dovrà essere garantita e dovrà essere documentata all'Amministrazione "
        "Comunale.",
    ),
    (
        Declaration.STAFF_LIST,
        "staff_list",
        ("elenco del personale con curriculum", "staff list with CVs"),
        _DUTIES,
        "d. la trasmissione e l'aggiornamento costante dell'elenco del personale impiegato "
        "comprensivo di curriculum formativo - professionale;",
    ),
    (
        Declaration.QUALIFIED_STAFF,
        "qualified_staff",
        (
            "personale adeguatamente formato, con titoli ed esperienze comprovate",
            "staff adequately trained, with titles and proven experience",
        ),
        _STAFF,
        "Gli interventi dovranno essere garantiti attraverso la selezione e l'impiego di "
        "personale adeguatamente formato, in possesso di adeguati titoli di studio come da "
        "normative vigenti ed in possesso di comprovate competenze ed esperienze in mansioni "
        "analoghe a quelle richieste.",
    ),
    (
        Declaration.CCNL,
        "ccnl",
        ("condizioni non inferiori al CCNL", "conditions not below the CCNL"),
        _DUTIES,
        "f. l'attuazione a favore dei propri dipendenti e dei soci di condizioni normative e "
        "retributive non inferiori a quelle previste dal CCNL e dagli accordi integrativi vigenti;",
    ),
    (
        Declaration.WORKPLACE_SAFETY,
        "workplace_safety",
        ("sicurezza del lavoro (D.Lgs. 81/2008)", "workplace safety (D.Lgs. 81/2008)"),
        _DUTIES,
        "g. l'osservanza della vigente normativa in materia di igiene e di sicurezza del lavoro, "
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
        "h. l'osservanza della vigente normativa in materia di privacy con particolare "
        "riferimento al D. Lgs 196/2003 e alla disciplina europea;",
    ),
    (
        Declaration.CONFIDENTIALITY,
        "confidentiality",
        ("riservatezza", "confidentiality"),
        _DUTIES,
        "i. il divieto di comunicare notizie o informazioni di cui siano venuti a conoscenza "
        "nell'esercizio delle loro funzioni in quanto incaricati dell'espletamento di pubblico "
        "servizio, così come previsto dalla normativa vigente.",
    ),
    (
        Declaration.INSURANCE,
        "insurance",
        ("assicurazioni obbligatorie", "compulsory insurance"),
        _STAFF,
        "Si impegna, inoltre, ad attivare le assicurazioni obbligatorie",
    ),
    (
        Declaration.HOLD_HARMLESS,
        "hold_harmless",
        (
            "manleva dell'Ambito e dei Comuni dalle azioni di rivalsa",
            "holding the Ambito and the Comuni harmless",
        ),
        _STAFF,
        "sollevando l'Ambito ed i Comuni da azioni di rivalsa che dovessero essere intraprese "
        "dai collaboratori e/o dipendenti a seguito di inadempienze derivanti dalla presente "
        "coprogettazione.",
    ),
    (
        Declaration.CONTROLS,
        "controls",
        ("controlli dell'Ambito accettati", "the Ambito's controls accepted"),
        _STAFF,
        "A riguardo l'Ambito, tramite l'Ufficio di Piano, si riserva la facoltà di effettuare "
        "tutti i controlli che ritiene opportuni.",
    ),
    (
        Declaration.CONDUCT_CODE,
        "conduct_code",
        (
            "codice di comportamento del Comune di Seregno",
            "the Comune di Seregno's code of conduct",
        ),
        _STAFF,
        "Per la realizzazione dei servizi in coprogettazione si applica il Codice di "
        "Comportamento del Comune di Seregno adottato dalla stazione appaltante con "
        "deliberazione della Giunta Comunale n. 203 del 10/12/2013",
    ),
    (
        Declaration.PRIOR_INTERVENTIONS,
        "prior_interventions",
        (
            "educatori attenti agli interventi già in essere",
            "educators mindful of interventions already in place",
        ),
        _STAFF,
        "Gli educatori individuati tra i partner dovranno tener presente in primo luogo di "
        "eventuali interventi già in essere con i minori e/o le famiglie oggetto dell'intervento",
    ),
    (
        Declaration.EDUCATORS_IN_EM,
        "educators_in_em",
        (
            "educatori del SEDT in tutte le fasi dell'équipe",
            "SEDT educators in every phase of the team's work",
        ),
        _STAFF,
        "Andrà garantita, considerata la complessità e la specificità dell'intervento del SEDT, "
        "la partecipazione degli educatori del SEDT a tutte le fasi del percorso di "
        "accompagnamento dell'équipe.",
    ),
    (
        Declaration.NO_SCHOOL_SUPPORT_REPLACEMENT,
        "no_school_support_replacement",
        (
            "l'educativa non sostituisce il sostegno scolastico (disabilità, DSA, BES)",
            "home education does not replace school support (disability, DSA, BES)",
        ),
        _STAFF,
        "Tale intervento non sostituisce l'intervento di sostegno o potenziamento scolastico "
        "messo a disposizione dal MIUR per i bambini con certificazione di disabilità, DSA o BES.",
    ),
    (
        Declaration.FOSTER_CARE_COLLABORATION,
        "foster_care_collaboration",
        (
            "collaborazione con il servizio affidi",
            "collaboration with the foster-care service",
        ),
        _STAFF,
        "Si evidenzia l'importanza di sviluppare la collaborazione con il servizio affidi per "
        "la ricerca di",
    ),
    (
        Declaration.TERRITORIAL_GROUP,
        "territorial_group",
        (
            "partecipazione al Gruppo di Riferimento Territoriale (GT)",
            "taking part in the territorial group (GT)",
        ),
        _PROGRAMME,
        "In ogni Ambito Territoriale Sociale si deve costruire un gruppo di stakeholders "
        "denominato Gruppo di Riferimento Territoriale (GT) che concerta e risponde "
        "complessivamente delle attività svolte all'interno del programma.",
    ),
    (
        Declaration.GOVERNANCE_MEETINGS,
        "governance_meetings",
        ("incontri periodici di governance", "periodic governance meetings"),
        _GOVERNANCE,
        "che prevede incontri periodici per il periodo di durata del progetto",
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
        (
            "questionari di soddisfazione ai beneficiari",
            "satisfaction questionnaires to the beneficiaries",
        ),
        _SURVEY,
        "somministrare questionari del grado di soddisfazione ai beneficiari,",
    ),
    (
        Declaration.SURVEY_OPERATORS,
        "survey_operators",
        (
            "questionari di soddisfazione ai propri operatori",
            "satisfaction questionnaires to the partner's operators",
        ),
        _SURVEY,
        "somministrare questionari del grado di soddisfazione ai propri operatori,",
    ),
    (
        Declaration.SURVEY_REPORT_SHARED,
        "survey_report_shared",
        (
            "relazione degli esiti condivisa con gli operatori",
            "results report shared with the operators",
        ),
        _SURVEY,
        "redigere relazione degli esiti, condividendola con gli operatori",
    ),
    (
        Declaration.SURVEY_REPORT_SENT,
        "survey_report_sent",
        (
            "relazione degli esiti inviata all'Ufficio di Piano",
            "results report sent to the Ufficio di Piano",
        ),
        _SURVEY,
        "inviare la relazione all'Ufficio di Piano dell'Ambito Territoriale di Seregno.",
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
    (
        Declaration.VIS_VERIFICATION,
        "vis_verification",
        (
            "VIS: modalità di verifica, valutazione e misurazione",
            "VIS: ways of verifying, evaluating and measuring",
        ),
        "VALUTAZIONE DI IMPATTO SOCIALE",
        "con i relativi indicatori e le modalità di verifica, valutazione e misurazione.",
    ),
)

DUTIES = {
    declaration: declaration_rule(declaration, f"pippi.partner.{name}", names, cite(section, quote))
    for declaration, name, names, section, quote in _SPECS
}
"""The rule checking each duty the P.I.P.P.I. notice sets, by declaration."""

technical_lead = technical_lead_rule(
    "pippi.partner.technical_lead",
    cite(
        _DUTIES,
        "e. l'indicazione del Referente tecnico comprensivo di curriculum formativo - "
        "professionale;",
    ),
)
cup = code_rule(
    "pippi.partner.cup",
    "cup",
    "pippi.cup",
    cite(
        "RISORSE FINANZIARIE PER L'ATTUAZIONE DEGLI INTERVENTI",
        "Subinvestimento 1.1.1 Sostegno alle capacità genitoriali e prevenzione della "
        "vulnerabilità delle famiglie e dei bambini (CUP B24H22000190001).",
    ),
)
cig = code_rule(
    "pippi.partner.cig",
    "cig",
    "pippi.cig",
    cite("intestazione", "CUP B24H22000190001 CIG Z5C3ADC2B0"),
)

"""What the P.I.P.P.I. partner must declare (seed 004): one rule per duty.

The duties of «ONERI A CARICO DEL SOGGETTO PARTNER» (a.–i.), the insurance,
holding harmless, controls and conduct code of «SERVIZI E RISORSE UMANE», the
satisfaction surveys and their report, the yearly summary's contents, the VIS's
ways of verifying, the two levels of governance and the collaboration with the
foster-care service. A plan that omits a duty gets one failed finding for it;
the CUP and the CIG must be the notice's. The profile binds each rule's
sentence (``[citations]`` of ``seregno-pippi-2023``).
"""

from __future__ import annotations

from welfare_ambito.model import Declaration
from welfare_ambito.rules.partner import code_rule, declaration_rule, technical_lead_rule

__all__ = ["DUTIES", "cig", "cup", "technical_lead"]

_SPECS: tuple[tuple[Declaration, str, tuple[str, str]], ...] = (
    (
        Declaration.SUFFICIENT_STAFF,
        "sufficient_staff",
        ("personale in numero sufficiente", "staff in sufficient number"),
    ),
    (
        Declaration.MINISTRY_ACCOUNTING,
        "ministry_accounting",
        (
            "rendicontazione delle spese secondo il Ministero",
            "expenses reported as the Ministry directs",
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
        Declaration.TRAINING_DOCUMENTED,
        "training_documented",
        ("formazione garantita e documentata", "training guaranteed and documented"),
    ),
    (
        Declaration.STAFF_LIST,
        "staff_list",
        ("elenco del personale con curriculum", "staff list with CVs"),
    ),
    (
        Declaration.QUALIFIED_STAFF,
        "qualified_staff",
        (
            "personale adeguatamente formato, con titoli ed esperienze comprovate",
            "staff adequately trained, with titles and proven experience",
        ),
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
        Declaration.INSURANCE,
        "insurance",
        ("assicurazioni obbligatorie", "compulsory insurance"),
    ),
    (
        Declaration.HOLD_HARMLESS,
        "hold_harmless",
        (
            "manleva dell'Ambito e dei Comuni dalle azioni di rivalsa",
            "holding the Ambito and the Comuni harmless",
        ),
    ),
    (
        Declaration.CONTROLS,
        "controls",
        ("controlli dell'Ambito accettati", "the Ambito's controls accepted"),
    ),
    (
        Declaration.CONDUCT_CODE,
        "conduct_code",
        (
            "codice di comportamento del Comune di Seregno",
            "the Comune di Seregno's code of conduct",
        ),
    ),
    (
        Declaration.PRIOR_INTERVENTIONS,
        "prior_interventions",
        (
            "educatori attenti agli interventi già in essere",
            "educators mindful of interventions already in place",
        ),
    ),
    (
        Declaration.EDUCATORS_IN_EM,
        "educators_in_em",
        (
            "educatori del SEDT in tutte le fasi dell'équipe",
            "SEDT educators in every phase of the team's work",
        ),
    ),
    (
        Declaration.NO_SCHOOL_SUPPORT_REPLACEMENT,
        "no_school_support_replacement",
        (
            "l'educativa non sostituisce il sostegno scolastico (disabilità, DSA, BES)",
            "home education does not replace school support (disability, DSA, BES)",
        ),
    ),
    (
        Declaration.FOSTER_CARE_COLLABORATION,
        "foster_care_collaboration",
        (
            "collaborazione con il servizio affidi",
            "collaboration with the foster-care service",
        ),
    ),
    (
        Declaration.TERRITORIAL_GROUP,
        "territorial_group",
        (
            "partecipazione al Gruppo di Riferimento Territoriale (GT)",
            "taking part in the territorial group (GT)",
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
        (
            "questionari di soddisfazione ai beneficiari",
            "satisfaction questionnaires to the beneficiaries",
        ),
    ),
    (
        Declaration.SURVEY_OPERATORS,
        "survey_operators",
        (
            "questionari di soddisfazione ai propri operatori",
            "satisfaction questionnaires to the partner's operators",
        ),
    ),
    (
        Declaration.SURVEY_REPORT_SHARED,
        "survey_report_shared",
        (
            "relazione degli esiti condivisa con gli operatori",
            "results report shared with the operators",
        ),
    ),
    (
        Declaration.SURVEY_REPORT_SENT,
        "survey_report_sent",
        (
            "relazione degli esiti inviata all'Ufficio di Piano",
            "results report sent to the Ufficio di Piano",
        ),
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
    (
        Declaration.VIS_VERIFICATION,
        "vis_verification",
        (
            "VIS: modalità di verifica, valutazione e misurazione",
            "VIS: ways of verifying, evaluating and measuring",
        ),
    ),
)

DUTIES = {
    declaration: declaration_rule(declaration, f"pippi.partner.{name}", names)
    for declaration, name, names in _SPECS
}
"""The rule checking each duty the P.I.P.P.I. notice sets, by declaration."""

technical_lead = technical_lead_rule("pippi.partner.technical_lead")
cup = code_rule("pippi.partner.cup", "cup", "pippi.cup")
cig = code_rule("pippi.partner.cig", "cig", "pippi.cig")

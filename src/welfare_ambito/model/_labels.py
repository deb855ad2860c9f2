"""Italian names of the model's enum members, as reports and messages show them."""

from __future__ import annotations

from collections.abc import Mapping

LABELS_IT: Mapping[str, str] = {
    # Profession
    "social_worker": "assistente sociale",
    "psychologist": "psicologo/a",
    "educator": "educatore",
    "pedagogist": "pedagogista",
    "cultural_mediator": "mediatore culturale",
    "coordinator": "coordinatore",
    "administrative": "amministrativo",
    # InterventionKind
    "sedt": "educativa domiciliare e territoriale (SEDT)",
    "school": "scolastico",
    "edm": "educativa domiciliare (EDM)",
    "edm_tutela": "educativa domiciliare su mandato (EDM tutela)",
    "group": "progettualità di gruppo",
    "communication_assistance": "assistenza alla comunicazione (disabili sensoriali)",
    # GroupKind
    "parents": "gruppo genitori",
    "children": "gruppo bambini",
    "parents_and_children": "gruppo genitori e bambini",
    # Cadence
    "weekly": "settimanale",
    "fortnightly": "quindicinale",
    "monthly": "mensile",
    "irregular": "irregolare",
    # ServiceScope
    "associated": "servizi associati",
    "territorial": "équipe territoriali",
    # ReportKind
    "semiannual_accounting": "rendicontazione semestrale",
    "annual_summary": "sintesi annuale",
    "overall_evaluation": "valutazione complessiva",
    "satisfaction_survey": "rilevazione della soddisfazione",
    # PreAssessment, EMOrientation, Adversity
    "worrying": "preoccupante",
    "not_worrying": "non preoccupante",
    "keep_in_family": "mantenimento in famiglia",
    "reunification": "riunificazione familiare",
    "removal": "allontanamento",
    "complex_migration": "storia di migrazione complessa",
    "disability": "disabilità",
    "parental_addiction": "dipendenza di un genitore",
    "parental_mental_health": "salute mentale di un genitore",
}
"""Italian label of each member value of the model's enums (``value`` → label)."""


def label_it(value: str) -> str:
    """The Italian label of an enum member's value; the value itself when it has none.

    >>> label_it("fortnightly"), label_it("pippi")
    ('quindicinale', 'pippi')
    """
    return LABELS_IT.get(value, value)

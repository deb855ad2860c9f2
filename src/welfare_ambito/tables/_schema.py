"""The columns each kind of table has: field, kind of value, Italian and English headers.

Headers are compared after :func:`~welfare_ambito.tables._cells.normalise`
(case, accents and spaces do not matter); the first header of each column is
the one templates write. Labels of choices accept the enum value, its Italian
label and the usual short forms of case-record exports.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from typing import Any

import attrs

from welfare_ambito.model import (
    Adversity,
    Cadence,
    EMOrientation,
    GroupKind,
    InterventionKind,
    PreAssessment,
    Profession,
    ReportKind,
    ServiceScope,
    SplitKind,
)
from welfare_ambito.model._labels import LABELS_IT
from welfare_ambito.tables._cells import normalise

__all__ = ["KINDS", "Column", "schema"]

PROGRAMME_LABELS: Mapping[str, str] = {"pippi": "P.I.P.P.I.", "tutela_minori": "Tutela Minori"}
"""How a workbook names each programme (the «programma» cell and its drop-down).

>>> PROGRAMME_LABELS["tutela_minori"]
'Tutela Minori'
"""

_EXTRA_LABELS: Mapping[str, str] = {
    **{label: value for value, label in PROGRAMME_LABELS.items()},
    "preoccupanti": "worrying",
    "pregiudizievole": "worrying",
    "pregiudizievoli": "worrying",
    "non preoccupanti": "not_worrying",
    "non pregiudizievole": "not_worrying",
    "mantenimento": "keep_in_family",
    "permanenza in famiglia": "keep_in_family",
    "mantenere in famiglia": "keep_in_family",
    "riunificazione": "reunification",
    "ricongiungimento": "reunification",
    "ricongiungimento familiare": "reunification",
    "migrazione": "complex_migration",
    "migrazione complessa": "complex_migration",
    "dipendenza": "parental_addiction",
    "dipendenze": "parental_addiction",
    "salute mentale": "parental_mental_health",
    "educativa domiciliare": "sedt",
    "psicologo": "psychologist",
    "psicologa": "psychologist",
    "psicoterapeuta": "psychologist",
    "educatore professionale": "educator",
    "educatrice": "educator",
    "pedagogo": "pedagogist",
    "mediatore": "cultural_mediator",
    "mediatrice culturale": "cultural_mediator",
    "amministrativo/a": "administrative",
    "genitori": "parents",
    "bambini": "children",
    "genitori e bambini": "parents_and_children",
    "servizi amministrativi": "administrative",
    "equipe territoriale": "territorial",
    "intera": "full",
    "suddivisione": "full",
    "di cui": "parts",
}


def labels_of(enum_type: type[enum.Enum]) -> dict[str, Any]:
    """Normalised label → member, for every member: value, Italian label, short forms.

    >>> labels_of(PreAssessment)["preoccupante"]
    <PreAssessment.WORRYING: 'worrying'>
    """
    labels: dict[str, Any] = {}
    for member in enum_type:
        value = str(member.value)
        labels[normalise(value)] = member
        if value in LABELS_IT:
            labels[normalise(LABELS_IT[value])] = member
    for label, value in _EXTRA_LABELS.items():
        try:
            labels.setdefault(normalise(label), enum_type(value))
        except ValueError:
            continue
    return labels


@functools.cache
def shown_choices(enum_type: type[enum.Enum]) -> str:
    """The Italian labels a user may write, for messages."""
    return ", ".join(LABELS_IT.get(str(m.value), str(m.value)) for m in enum_type)


@attrs.frozen(kw_only=True)
class Column:
    """One column of a kind of table.

    >>> column = schema("families")["birth_date"]
    >>> column.headers[0], column.kind, column.required, column.private
    ('data di nascita', 'date', True, True)
    """

    field: str
    kind: str
    """``text``, ``bool``, ``date``, ``decimal``, ``int``, ``money``, ``choice`` or ``choices``."""
    headers: tuple[str, ...]
    label_en: str
    required: bool = False
    choices: type[enum.Enum] | None = None
    private: bool = False
    """Never echo the value in a message (a birth date)."""

    @property
    def label_it(self) -> str:
        """The Italian header templates write."""
        return self.headers[0]

    def label(self, lang: str) -> str:
        """The header in ``lang`` (English for any language but Italian)."""
        return {"it": self.label_it}.get(lang, self.label_en)


def _c(field: str, kind: str, headers: str, en: str, **extra: Any) -> Column:
    return Column(
        field=field,
        kind=kind,
        headers=tuple(h.strip() for h in headers.split("|")),
        label_en=en,
        **extra,
    )


_FAMILIES = (
    _c(
        "family",
        "text",
        "famiglia|id famiglia|codice famiglia|nucleo|id nucleo|codice nucleo|family|family id",
        "family",
        required=True,
    ),
    _c("comune", "text", "comune|comune di residenza|residenza|municipality", "comune"),
    _c(
        "pre_assessment",
        "choice",
        "valutazione preliminare|pre-assessment|preassessment|esito pre-assessment|esito preassessment|condizioni|pre assessment",
        "pre-assessment",
        choices=PreAssessment,
    ),
    _c(
        "em_orientation",
        "choice",
        "orientamento em|orientamento dell'em|orientamento dell’em|orientamento|em orientation",
        "EM orientation",
        choices=EMOrientation,
    ),
    _c(
        "trust_in_services",
        "bool",
        "fiducia nei servizi|fiducia|trust in services",
        "trust in services",
    ),
    _c(
        "abuse_or_severe_maltreatment",
        "bool",
        "abuso o maltrattamento grave|abuso o grave maltrattamento|abuso o gravi maltrattamenti|abuso|abuse or severe maltreatment",
        "abuse or severe maltreatment",
    ),
    _c(
        "removal_in_progress",
        "bool",
        "allontanamento in corso|progetto di allontanamento in corso|removal in progress",
        "removal in progress",
    ),
    _c(
        "adversities",
        "choices",
        "fragilità|fragilita|avversità|condizioni specifiche|adversities",
        "adversities",
        choices=Adversity,
    ),
    _c(
        "child",
        "text",
        "minore|id minore|codice minore|figlio|figlia|bambino|child|child id",
        "child",
    ),
    _c(
        "birth_date",
        "date",
        "data di nascita|data nascita|nato il|nata il|nascita|birth date|date of birth",
        "birth date",
        required=True,
        private=True,
    ),
)

_INTERVENTIONS = (
    _c(
        "id",
        "text",
        "intervento|id intervento|codice intervento|codice|id|intervention",
        "intervention",
        required=True,
    ),
    _c(
        "kind",
        "choice",
        "tipo|tipologia|tipo intervento|kind",
        "kind",
        required=True,
        choices=InterventionKind,
    ),
    _c(
        "weekly_hours",
        "decimal",
        "ore settimanali|ore a settimana|ore/settimana|weekly hours",
        "weekly hours",
        required=True,
    ),
    _c("family", "text", "famiglia|id famiglia|codice famiglia|nucleo|family", "family"),
    _c(
        "em_participation_included",
        "bool",
        "partecipazione em inclusa|em inclusa|include em|em participation included",
        "EM participation included",
    ),
    _c("start", "date", "inizio|data inizio|dal|start", "start"),
    _c("end", "date", "fine|data fine|al|end", "end"),
    _c("comune", "text", "comune|municipality", "comune"),
)

_STAFF = (
    _c(
        "id",
        "text",
        "operatore|id operatore|codice operatore|codice|id|staff member|staff",
        "staff member",
        required=True,
    ),
    _c(
        "profession",
        "choice",
        "professione|profilo|qualifica|profession",
        "profession",
        required=True,
        choices=Profession,
    ),
    _c(
        "albo_registered",
        "bool",
        "iscritto all'albo|iscrizione albo|albo|albo registered",
        "registered in the Albo",
    ),
    _c("psychotherapist", "bool", "psicoterapeuta|psychotherapist", "psychotherapist"),
    _c(
        "years_in_tutela_minori",
        "decimal",
        "anni in tutela minori|anni di esperienza in tutela minori|anni esperienza|years in tutela minori",
        "years in Tutela Minori",
    ),
    _c(
        "derogation_approved",
        "bool",
        "deroga approvata|benestare deroga|derogation approved",
        "derogation approved",
    ),
    _c(
        "in_service", "bool", "già in servizio|gia in servizio|in servizio|in service", "in service"
    ),
    _c("weekly_hours", "decimal", "ore settimanali|ore a settimana|weekly hours", "weekly hours"),
    _c("degree", "text", "laurea|titolo di studio|degree", "degree"),
    _c("trainings", "text", "formazione|formazioni|corsi|trainings", "trainings"),
)

_HOUR_PLAN = (
    _c(
        "profession",
        "choice",
        "professione|profilo|qualifica|profession",
        "profession",
        required=True,
        choices=Profession,
    ),
    _c(
        "hours",
        "decimal",
        "ore|monte ore|ore nel progetto|ore totali|hours",
        "hours",
        required=True,
    ),
    _c(
        "hourly_cost",
        "money",
        "costo orario|costo orario (€)|costo orario euro|hourly cost",
        "hourly cost",
    ),
)

_BUDGET_LINES = (
    _c("id", "text", "voce|id voce|codice voce|codice|id|line", "line", required=True),
    _c(
        "label",
        "text",
        "descrizione|denominazione|etichetta|label|description",
        "label",
        required=True,
    ),
    _c("amount", "money", "importo|importo (€)|importo euro|somma|amount", "amount", required=True),
    _c("scope", "choice", "ambito|tipo servizio|scope", "scope", choices=ServiceScope),
    _c("comune", "text", "comune|municipality", "comune"),
    _c("parent", "text", "voce madre|di cui di|parte di|parent", "parent"),
    _c(
        "comuni",
        "text",
        "comuni|comuni coperti|comuni serviti|municipalities",
        "Comuni covered (separated by ;)",
    ),
    _c("split", "choice", "suddivisione|split", "split", choices=SplitKind),
    _c(
        "funds_hour_plan",
        "bool",
        "finanzia il monte ore|paga il monte ore|funds hour plan",
        "funds the hour plan",
    ),
)

_GROUPS = (
    _c("id", "text", "gruppo|modulo|id gruppo|codice|id|group", "group", required=True),
    _c(
        "kind",
        "choice",
        "tipo|tipologia|tipo gruppo|kind",
        "kind",
        required=True,
        choices=GroupKind,
    ),
    _c(
        "meetings",
        "int",
        "incontri|numero incontri|n. incontri|meetings",
        "meetings",
        required=True,
    ),
    _c("cadence", "choice", "cadenza|frequenza|cadence", "cadence", required=True, choices=Cadence),
    _c("families", "text", "famiglie|famiglie partecipanti|families", "families"),
)

_REPORTS = (
    _c(
        "kind",
        "choice",
        "tipo|tipologia|adempimento|kind",
        "kind",
        required=True,
        choices=ReportKind,
    ),
    _c("start", "date", "dal|inizio|periodo dal|from|start", "from", required=True),
    _c("end", "date", "al|fine|periodo al|to|end", "to", required=True),
    _c("due", "date", "scadenza|entro il|due", "due"),
)

_SERVICES = (
    _c("service", "text", "servizio|id servizio|codice servizio|service", "service", required=True),
    _c(
        "scope",
        "choice",
        "ambito|ambito del servizio|tipo servizio|scope",
        "scope",
        choices=ServiceScope,
    ),
    _c("comuni", "text", "comuni|comuni serviti|municipalities", "Comuni (separated by ;)"),
    _c("weekly_hours", "decimal", "ore settimanali|ore a settimana|weekly hours", "weekly hours"),
    _c("yearly_hours", "decimal", "ore annue|ore all'anno|yearly hours", "yearly hours"),
    _c("staff", "text", "personale|operatori|staff", "staff (ids, separated by ,)"),
)

KINDS: Mapping[str, tuple[Column, ...]] = {
    "families": _FAMILIES,
    "interventions": _INTERVENTIONS,
    "staff": _STAFF,
    "hour_plan": _HOUR_PLAN,
    "budget_lines": _BUDGET_LINES,
    "groups": _GROUPS,
    "reports": _REPORTS,
    "services": _SERVICES,
}
"""The kinds of table the readers know, with their columns.

>>> sorted(KINDS)[:3]
['budget_lines', 'families', 'groups']
"""


def schema(kind: str) -> dict[str, Column]:
    """The columns of ``kind`` by field name.

    >>> list(schema("hour_plan"))
    ['profession', 'hours', 'hourly_cost']
    """
    return {c.field: c for c in KINDS[kind]}

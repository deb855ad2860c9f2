"""The «Dichiarazioni» sheet of a plan workbook: the partner's duties, technical lead, CIG, team.

One row per thing declared, like «Piano»: column A the Italian label, column B
the value (``sì``/``no`` from a drop-down for each duty), column C a note. A
sheet whose value cells are all blank stands for a plan that declares nothing
(``declarations`` is ``None``); a plan that declares something has every duty
written ``sì`` or ``no``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from welfare_ambito import i18n
from welfare_ambito.errors import ErrorDetail, InvalidValue
from welfare_ambito.model.declarations import (
    Declaration,
    PartnerDeclarations,
    ProgrammeTeam,
    TechnicalLead,
)
from welfare_ambito.tables import _cells
from welfare_ambito.tables._cells import CellProblem, normalise
from welfare_ambito.tables._errors import cell_address, labelled

i18n.define(
    "error.tables.cv_without_lead",
    it="un curriculum senza referente tecnico: scrivi l'id del referente",
    en="a CV without a technical lead: write the lead's staff id",
)

__all__ = [
    "DECLARATIONS_SHEET",
    "DECLARATION_FIELDS",
    "declaration_fields",
    "declaration_values",
    "read_declarations",
    "row_of",
    "write_declarations",
]

DECLARATIONS_SHEET = "Dichiarazioni"

DUTY_LABELS_IT: Mapping[Declaration, str] = {
    Declaration.SUFFICIENT_STAFF: "personale in numero sufficiente",
    Declaration.STAFF_LIST: "elenco del personale con curricula, aggiornato",
    Declaration.QUALIFIED_STAFF: "personale formato, con titoli ed esperienza richiesti",
    Declaration.TRAINING: "formazione, aggiornamento, coordinamento e supervisione del personale",
    Declaration.TRAINING_DOCUMENTED: "formazione garantita e documentata all'amministrazione",
    Declaration.CCNL: "trattamento non inferiore al CCNL",
    Declaration.WORKPLACE_SAFETY: "sicurezza sul lavoro (D.Lgs. 81/2008)",
    Declaration.PRIVACY: "protezione dei dati personali (privacy)",
    Declaration.CONFIDENTIALITY: "riservatezza del personale (incaricati di pubblico servizio)",
    Declaration.INSURANCE: "assicurazioni obbligatorie",
    Declaration.HOLD_HARMLESS: "manleva dell'Ambito e dei Comuni",
    Declaration.CONTROLS: "accettazione dei controlli dell'Ufficio di Piano",
    Declaration.CONDUCT_CODE: "codice di comportamento del Comune capofila",
    Declaration.CASE_RECORD_SYSTEM: "uso della Cartella Sociale Informatizzata",
    Declaration.BASIC_SERVICE_LIAISON: "raccordo periodico con il servizio sociale di base",
    Declaration.MINISTRY_ACCOUNTING: "rendicontazione secondo le indicazioni del Ministero",
    Declaration.SURVEY_BENEFICIARIES: "questionari di soddisfazione ai beneficiari",
    Declaration.SURVEY_OPERATORS: "questionari di soddisfazione agli operatori",
    Declaration.SURVEY_REPORT_SHARED: "report dei questionari condiviso con gli operatori",
    Declaration.SURVEY_REPORT_SENT: "report dei questionari inviato all'Ufficio di Piano",
    Declaration.SUMMARY_COMPLAINTS: "sintesi annuale: reclami e loro gestione",
    Declaration.SUMMARY_SATISFACTION: "sintesi annuale: esiti dei questionari di soddisfazione",
    Declaration.SUMMARY_CONTROLS: "sintesi annuale: controlli sui servizi erogati",
    Declaration.VIS_VERIFICATION: "VIS: modalità di verifica, valutazione e misurazione",
    Declaration.GOVERNANCE_MEETINGS: "incontri periodici di governance del progetto",
    Declaration.TECHNICAL_MEETINGS: "incontri tecnici, circa mensili, con i servizi territoriali",
    Declaration.TERRITORIAL_GROUP: "partecipazione al gruppo territoriale P.I.P.P.I. (GT)",
    Declaration.FOSTER_CARE_COLLABORATION: "collaborazione con il servizio affidi",
    Declaration.EDUCATORS_IN_EM: "educatori SEDT in ogni fase dell'accompagnamento dell'EM",
    Declaration.PRIOR_INTERVENTIONS: "educatori attenti agli interventi già in atto",
    Declaration.NO_SCHOOL_SUPPORT_REPLACEMENT: (
        "l'educativa domiciliare non sostituisce il sostegno scolastico (disabilità, DSA, BES)"
    ),
    Declaration.ART_330_EXCLUSION: "nessun decreto sulla responsabilità genitoriale (art. 330 c.c.)",
}
"""The Italian label of each duty (column A of its row)."""

DECLARATION_FIELDS: tuple[tuple[str, str, str], ...] = (
    *((f"duty.{d.value}", DUTY_LABELS_IT[d], "bool") for d in Declaration),
    ("technical_lead", "referente tecnico (id del personale)", "text"),
    ("technical_lead_cv", "curriculum del referente tecnico allegato", "bool"),
    ("cig", "CIG", "text"),
    ("em_operators", "operatori dell'équipe multidisciplinare (EM)", "int"),
    ("coaches", "coach", "int"),
    ("support_families", "famiglie con famiglia d'appoggio (id, separati da virgola)", "text"),
    ("facilitators_from_em", "facilitatori dei gruppi tratti dall'EM", "bool"),
)
"""Rows of the «Dichiarazioni» sheet: key, Italian label (column A), kind of value."""

TEAM_KEYS = frozenset({"em_operators", "coaches", "support_families", "facilitators_from_em"})
"""The rows of the P.I.P.P.I. team (:class:`ProgrammeTeam`), absent from other programmes' sheet."""


def declaration_fields(programme: str = "pippi") -> tuple[tuple[str, str, str], ...]:
    """The rows of the sheet for ``programme``: the P.I.P.P.I. team only in a P.I.P.P.I. plan.

    >>> len(declaration_fields("pippi")) - len(declaration_fields("tutela_minori"))
    4
    """
    if str(programme) == "pippi":
        return DECLARATION_FIELDS
    return tuple(row for row in DECLARATION_FIELDS if row[0] not in TEAM_KEYS)


DECLARATION_NOTES: Mapping[str, str] = {
    "technical_lead": "id di un membro del foglio Personale",
    "technical_lead_cv": "sì / no",
    "cig": "10 lettere o cifre, es. Z5C3ADC2B0",
    "em_operators": "numero intero; vuoto = non rilevato",
    "coaches": "numero intero; vuoto = non rilevato",
    "support_families": "id del foglio Famiglie, es. F01, F02",
    "facilitators_from_em": "sì / no; vuoto = non rilevato",
}
"""The note (column C) of the rows that are not duties; a duty's note is «sì / no»."""


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("sì" if value else "no")


def declaration_values(declarations: PartnerDeclarations | None) -> dict[str, Any]:
    """The value (column B) of each row for ``declarations``; all blank for ``None``.

    >>> values = declaration_values(PartnerDeclarations(duties=["privacy"], cig="Z5C3ADC2B0"))
    >>> values["duty.privacy"], values["duty.insurance"], values["cig"], values.get("coaches")
    ('sì', 'no', 'Z5C3ADC2B0', None)
    """
    if declarations is None:
        return {}
    values: dict[str, Any] = {
        f"duty.{d.value}": _yes_no(d in declarations.duties) for d in Declaration
    }
    lead, team = declarations.technical_lead, declarations.team
    if lead is not None:
        values["technical_lead"] = lead.staff
        values["technical_lead_cv"] = _yes_no(lead.cv)
    values["cig"] = declarations.cig
    if team is not None:
        values["em_operators"] = team.em_operators
        values["coaches"] = team.coaches
        values["support_families"] = ", ".join(team.support_families) or None
        values["facilitators_from_em"] = _yes_no(team.facilitators_from_em)
    return values


def _read_cell(kind: str, cell: Any) -> Any:
    if kind == "bool":
        return _cells.read_bool(cell)
    if kind == "int":
        return _cells.read_int(cell)
    return _cells.read_text(cell)


def _problem(row: int, label: str, problem: CellProblem) -> ErrorDetail:
    return labelled(cell_address(DECLARATIONS_SHEET, 1, row), label, problem)


def read_declarations(
    rows: Iterator[tuple[int, list[Any]]],
) -> tuple[PartnerDeclarations | None, dict[str, int], list[ErrorDetail]]:
    """The declarations the sheet's ``rows`` hold, the row of each key, and the bad cells.

    >>> rows = iter([(1, ["dichiarazione", "valore"]), (2, ["CIG", "Z5C3ADC2B0"]),
    ...              (3, ["protezione dei dati personali (privacy)", "sì"])])
    >>> declared, where, problems = read_declarations(rows)
    >>> declared.cig, sorted(str(d) for d in declared.duties), where["cig"], problems
    ('Z5C3ADC2B0', ['privacy'], 2, [])
    """
    from welfare_ambito.tables._xlsx_source import UNCOMPUTED

    by_label = {normalise(label): (key, kind) for key, label, kind in DECLARATION_FIELDS}
    by_label.update({normalise(key): (key, kind) for key, _, kind in DECLARATION_FIELDS})
    labels = {key: label for key, label, _ in DECLARATION_FIELDS}
    values: dict[str, Any] = {}
    where: dict[str, int] = {}
    problems: list[ErrorDetail] = []
    for number, cells in rows:
        label = cells[0] if cells else None
        if not isinstance(label, str) or normalise(label) not in by_label:
            continue
        key, kind = by_label[normalise(label)]
        cell = cells[1] if len(cells) > 1 else None
        where[key] = number
        try:
            if cell is UNCOMPUTED:
                raise CellProblem("tables.uncomputed_formula")
            values[key] = _read_cell(kind, cell)
        except CellProblem as problem:
            problems.append(_problem(number, label, problem))
    if problems or all(value is None for value in values.values()):
        return None, where, problems

    def at(key: str, exc: InvalidValue) -> None:
        problems.append(ErrorDetail.from_error(exc, f"{DECLARATIONS_SHEET}!B{where[key]}"))

    lead = None
    if values.get("technical_lead") is not None:
        try:
            lead = TechnicalLead(
                staff=values["technical_lead"], cv=bool(values.get("technical_lead_cv"))
            )
        except InvalidValue as exc:
            at("technical_lead", exc)
    elif values.get("technical_lead_cv") is not None:
        row = where["technical_lead_cv"]
        problems.append(
            _problem(
                row,
                labels["technical_lead_cv"],
                CellProblem.from_error(
                    InvalidValue.of("tables.cv_without_lead"), "tables.required"
                ),
            )
        )
    team = None
    team_keys = ("em_operators", "coaches", "support_families", "facilitators_from_em")
    if any(values.get(key) is not None for key in team_keys):
        families = [part.strip() for part in (values.get("support_families") or "").split(",")]
        try:
            team = ProgrammeTeam(
                em_operators=values.get("em_operators"),
                coaches=values.get("coaches"),
                support_families=[family for family in families if family],
                facilitators_from_em=values.get("facilitators_from_em"),
            )
        except InvalidValue as exc:
            key = exc.path.split(".")[0].split("[")[0] if exc.path else "em_operators"
            at(key if key in where else "em_operators", exc)
    duties = [d for d in Declaration if values.get(f"duty.{d.value}")]
    declared = None
    try:
        declared = PartnerDeclarations(
            duties=duties, technical_lead=lead, cig=values.get("cig"), team=team
        )
    except InvalidValue as exc:
        at("cig" if "cig" in where else next(iter(where)), exc)
    if problems:
        return None, where, problems
    return declared, where, problems


def write_declarations(
    book: Any,
    declarations: PartnerDeclarations | None,
    fields: tuple[tuple[str, str, str], ...] = DECLARATION_FIELDS,
) -> Any:
    """Add the «Dichiarazioni» sheet (its rows: ``fields``) to the openpyxl ``book``; return it."""
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet = book.create_sheet(DECLARATIONS_SHEET)
    sheet.append(["dichiarazione", "valore", "note"])
    values = declaration_values(declarations)
    yes_no = DataValidation(type="list", formula1='"sì,no"', allow_blank=True)
    yes_no.error = "Scegli un valore dall'elenco"
    sheet.add_data_validation(yes_no)
    for key, label, kind in fields:
        note = DECLARATION_NOTES.get(key, "sì / no")
        sheet.append([label, values.get(key), note])
        if kind == "bool":
            yes_no.add(f"B{sheet.max_row}")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 60
    sheet.column_dimensions["B"].width = 30
    sheet.column_dimensions["C"].width = 40
    return sheet


def row_of(rule_id: str, path: str) -> str | None:
    """The key of the row a rule's finding on the plan is about, if it is a declaration.

    >>> row_of("pippi.partner.privacy", ""), row_of("x", "declarations.team.coaches")
    ('duty.privacy', 'coaches')
    """
    keys = {key for key, _, _ in DECLARATION_FIELDS}
    if path.startswith("declarations."):
        parts = [part.split("[")[0] for part in path.split(".")[1:]]
        for part in reversed(parts):
            if part in keys:
                return part
    if path.startswith("declarations.technical_lead"):
        return "technical_lead"
    suffix = rule_id.rsplit(".", 1)[-1]
    if suffix in {d.value for d in Declaration}:
        return f"duty.{suffix}"
    if suffix in keys:
        return suffix
    return None

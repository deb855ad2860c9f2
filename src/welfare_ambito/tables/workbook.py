"""Plans as workbooks: a template a partner fills in, and the filled workbook read back.

:func:`write_plan_template` writes one sheet per part of a plan — «Piano»
(who, what, when, money), «Famiglie», «Interventi», «Monte ore», «Voci di
bilancio», «Gruppi», «Personale», «Rendicontazioni», «Servizi», «Dichiarazioni» (the
duties the partner takes on, its technical lead, the CIG, the P.I.P.P.I. team)
— with Italian headers, drop-down lists for every enumeration and yes/no, notes
on the headers and a «Note» sheet citing the notice's sentences the rules check
(each document shown by its title). :func:`read_plan_workbook`
reads it back into a :class:`~welfare_ambito.model.CoDesignPlan`; every bad
cell is reported at once at its cell, and :meth:`PlanWorkbook.relocate` moves
a report's findings from model paths (``hour_plan``) to cells (``Monte ore!B2``).
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito.citations import Citation
from welfare_ambito.errors import ErrorDetail, InvalidInput, InvalidValue, WelfareAmbitoError
from welfare_ambito.model import (
    Budget,
    CoDesignPlan,
    FundingSource,
    HourPlan,
    ImpactEvaluation,
    Partner,
    Profession,
    Programme,
    ServiceOffer,
)
from welfare_ambito.model._labels import LABELS_IT
from welfare_ambito.money import Money
from welfare_ambito.periods import Period
from welfare_ambito.tables import _cells
from welfare_ambito.tables._cells import CellProblem, normalise
from welfare_ambito.tables._declarations import (
    DECLARATIONS_SHEET,
    declaration_fields,
    read_declarations,
    row_of,
    write_declarations,
)
from welfare_ambito.tables._errors import cell_address, detail, labelled, table_error
from welfare_ambito.tables._rows import Header
from welfare_ambito.tables._schema import (
    KINDS,
    PROGRAMME_LABELS,
    Column,
    labels_of,
    shown_choices,
)
from welfare_ambito.tables.records import build_all, read_rows

__all__ = [
    "PLAN_FIELDS",
    "PROGRAMME_SHEETS",
    "SHEETS",
    "PlanWorkbook",
    "programme_of",
    "read_plan_workbook",
    "write_plan_template",
]

SHEETS: Mapping[str, str] = {
    "families": "Famiglie",
    "interventions": "Interventi",
    "hour_plan": "Monte ore",
    "budget_lines": "Voci di bilancio",
    "groups": "Gruppi",
    "staff": "Personale",
    "reports": "Rendicontazioni",
    "services": "Servizi",
    "declarations": DECLARATIONS_SHEET,
}
"""Sheet title of each part of the plan (beside «Piano»).

>>> SHEETS["hour_plan"]
'Monte ore'
"""

PROGRAMME_SHEETS: Mapping[Programme, tuple[str, ...]] = {
    Programme.PIPPI: tuple(SHEETS),
    Programme.TUTELA_MINORI: ("budget_lines", "staff", "services", "reports", "declarations"),
}
"""The parts of a plan each programme's workbook has a sheet for (beside «Piano»).

A Tutela Minori plan has no families, interventions, hour plan or groups: its
workbook holds budget lines, staff, services, reports and declarations.

>>> [SHEETS[kind] for kind in PROGRAMME_SHEETS[Programme.TUTELA_MINORI]]
['Voci di bilancio', 'Personale', 'Servizi', 'Rendicontazioni', 'Dichiarazioni']
"""

DEFAULT_PROFILES: Mapping[Programme, str] = {
    Programme.PIPPI: "seregno-pippi-2023",
    Programme.TUTELA_MINORI: "seregno-tutela-minori-2022",
}
"""The profile whose notice a programme's template cites when none is named."""

i18n.define(
    "error.tables.second_row_profession",
    it="una seconda riga per la stessa professione: tienine una",
    en="a second row for the same profession: keep one",
)
i18n.define(
    "error.tables.period_ends",
    it="scrivi sia l'inizio sia la fine, o nessuno dei due",
    en="write both the start and the end, or neither",
)

_PROGRAMME_NAMES: Mapping[str, Programme] = {
    "pippi": Programme.PIPPI,
    "tutela": Programme.TUTELA_MINORI,
    "tutela_minori": Programme.TUTELA_MINORI,
    "tutela-minori": Programme.TUTELA_MINORI,
}

i18n.define(
    "error.tables.programme",
    it="nessun modello di piano per il programma {value!r}; programmi: {known}",
    en="no plan template for the programme {value!r}; programmes: {known}",
)


def programme_of(name: str | Programme) -> Programme:
    """The programme ``name`` stands for: ``pippi``, ``tutela`` (or ``tutela_minori``).

    >>> programme_of("tutela"), programme_of("pippi")
    (<Programme.TUTELA_MINORI: 'tutela_minori'>, <Programme.PIPPI: 'pippi'>)
    """
    if isinstance(name, Programme):
        return name
    found = _PROGRAMME_NAMES.get(str(name).strip().lower())
    if found is None:
        raise InvalidValue.of(
            "tables.programme", path="programme", value=name, known="pippi, tutela"
        )
    return found


PLAN_SHEET = "Piano"

PLAN_FIELDS: tuple[tuple[str, str, str, bool], ...] = (
    ("id", "identificativo del piano", "text", True),
    ("ambito", "ambito (id)", "text", True),
    ("programme", "programma", "choice", True),
    ("title", "titolo", "text", False),
    ("partner", "ente partner", "text", True),
    ("partner_fiscal_code", "codice fiscale dell'ente", "text", False),
    ("period_start", "inizio del progetto", "date", False),
    ("period_end", "fine del progetto", "date", False),
    ("funding_name", "fonte di finanziamento", "text", False),
    ("funding_amount", "importo finanziato", "money", False),
    ("funding_code", "codice del finanziamento", "text", False),
    ("cup", "CUP", "text", False),
    ("budget_total", "totale del bilancio", "money", False),
    ("budget_years", "anni del bilancio", "int", False),
    ("budget_overall", "totale complessivo del bilancio", "money", False),
    ("budget_start", "inizio del bilancio", "date", False),
    ("budget_end", "fine del bilancio", "date", False),
    ("vis_method", "metodo di valutazione d'impatto (VIS)", "text", False),
    ("vis_indicators", "indicatori VIS (separati da ;)", "text", False),
)
"""Rows of the «Piano» sheet: key, Italian label (column A), kind of value, required."""

_SUBJECT_SHEETS = {
    "family": "families",
    "intervention": "interventions",
    "hour_plan": "hour_plan",
    "budget": "budget_lines",
    "group": "groups",
    "staff": "staff",
    "staff_member": "staff",
    "service": "services",
}


# -- writing ---------------------------------------------------------------------------------


def _label(value: Any) -> Any:
    if isinstance(value, Programme):
        return PROGRAMME_LABELS.get(value.value, value.value)
    if isinstance(value, enum.Enum):
        return LABELS_IT.get(str(value.value), str(value.value))
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, frozenset):
        return ", ".join(sorted(_label(v) for v in value))
    if isinstance(value, tuple):
        return "; ".join(str(_label(v)) for v in value)
    return value


def _rows_of(kind: str, plan: CoDesignPlan | None) -> list[list[Any]]:
    if plan is None:
        return []
    fields = [c.field for c in KINDS[kind]]
    rows: list[list[Any]] = []
    if kind == "families":
        for family in plan.families:
            for position, child in enumerate(family.children):
                values = {
                    "family": family.id,
                    "child": child.id,
                    "birth_date": child.birth_date,
                }
                if position == 0:
                    values.update({f: getattr(family, f) for f in fields if hasattr(family, f)})
                rows.append([_label(values.get(f)) for f in fields])
    elif kind == "hour_plan" and plan.hour_plan is not None:
        for profession, hours in plan.hour_plan.hours.items():
            cost = plan.hour_plan.hourly_cost.get(profession)
            rows.append([_label(profession), hours, None if cost is None else cost.amount])
    elif kind == "budget_lines" and plan.budget is not None:
        rows = [[_label(getattr(line, f)) for f in fields] for line in plan.budget.lines]
    elif kind == "reports":
        rows = [[_label(r.kind), r.covers.start, r.covers.end, r.due] for r in plan.reports]
    elif kind == "interventions":
        for item in plan.interventions:
            values = attrs.asdict(item, recurse=False)
            values["start"] = item.period.start if item.period else None
            values["end"] = item.period.end if item.period else None
            rows.append([_label(values.get(f)) for f in fields])
    elif kind == "groups":
        rows = [
            [_label(getattr(g, f)) if f != "families" else ", ".join(g.families) for f in fields]
            for g in plan.groups
        ]
    elif kind == "staff":
        rows = [[_label(getattr(s, f)) for f in fields] for s in plan.staff]
    elif kind == "services":
        rows = [
            [
                offer.service,
                _label(offer.scope),
                "; ".join(offer.comuni) or None,
                offer.weekly_hours,
                offer.yearly_hours,
                ", ".join(offer.staff) or None,
            ]
            for offer in plan.services
        ]
    return rows


def _plan_values(plan: CoDesignPlan | None, programme: Programme) -> dict[str, Any]:
    if plan is None:
        return {"programme": _label(programme)}
    budget, funding, vis = plan.budget, plan.funding, plan.impact_evaluation
    ambito_id = _ambito_id(plan)
    return {
        "id": plan.id,
        "ambito": ambito_id,
        "programme": _label(plan.programme),
        "title": plan.title,
        "partner": plan.partner.name,
        "partner_fiscal_code": plan.partner.fiscal_code,
        "period_start": plan.period.start if plan.period else None,
        "period_end": plan.period.end if plan.period else None,
        "funding_name": funding.name if funding else None,
        "funding_amount": funding.amount.amount if funding else None,
        "funding_code": funding.code if funding else None,
        "cup": plan.cup,
        "budget_total": budget.total.amount if budget else None,
        "budget_years": budget.years if budget else None,
        "budget_overall": budget.overall_total.amount if budget and budget.overall_total else None,
        "budget_start": budget.period.start if budget and budget.period else None,
        "budget_end": budget.period.end if budget and budget.period else None,
        "vis_method": vis.method if vis else None,
        "vis_indicators": "; ".join(vis.indicators) if vis and vis.indicators else None,
    }


def _ambito_id(plan: CoDesignPlan) -> str:
    from welfare_ambito import data

    for known in data.ambiti():
        if data.ambito(known) == plan.ambito:
            return known
    return plan.ambito.name


Note = tuple[str, str, str]
"""A note: the rule's Italian title, where the sentence is (document by title, section), the sentence."""


def _citations_of(entry: Any) -> list[Citation]:
    """The sentences a catalogue entry rests on: the rule's own, then its parameters'."""
    from welfare_ambito.rules.parameters import Readings

    found: list[Citation] = []
    if entry.citation is not None:
        found.append(entry.citation)
    for parameter in entry.parameters:
        if parameter.citation is not None:
            found.append(parameter.citation)
        for dated in parameter.values:
            if dated.overridden:
                continue
            if dated.citation is not None:
                found.append(dated.citation)
            if isinstance(dated.value, Readings):
                found.extend(r.citation for r in dated.value if r.citation is not None)
    unique: dict[tuple[str, str, str], Citation] = {}
    for citation in found:
        unique.setdefault((citation.document, citation.section, citation.quote), citation)
    return list(unique.values())


def _note(title: str, citation: Citation) -> Note:
    where = citation.where("it")
    if citation.paraphrase:
        where += " (parafrasi)"
    return (title, where, citation.quote)


def _notes(profile_id: str | None) -> tuple[dict[str, list[Note]], dict[str, list[Note]]]:
    """The notes of the profile's rules: per sheet kind, and per row of «Dichiarazioni».

    Each note names the document by its title (:meth:`~welfare_ambito.citations.Citation.where`),
    never by the file that holds its text.
    """
    from welfare_ambito.rules import load_profile
    from welfare_ambito.rules.rule_catalogue import catalogue

    notes: dict[str, list[Note]] = {}
    rows: dict[str, list[Note]] = {}
    if profile_id is None:
        return notes, rows
    for entry in catalogue(load_profile(profile_id)):
        row = row_of(entry.rule.id, "") if entry.rule.subject == "plan" else None
        kind = "declarations" if row else _SUBJECT_SHEETS.get(entry.rule.subject, "plan")
        for citation in _citations_of(entry):
            note = _note(entry.rule.title["it"], citation)
            notes.setdefault(kind, []).append(note)
            if row:
                rows.setdefault(row, []).append(note)
    return notes, rows


def _shown(source: str, quote: str) -> str:
    return f"{source} ({quote})" if source.endswith("(parafrasi)") else f"{source}: «{quote}»"


def _column_note(column: Column) -> str:
    parts = [column.label_en + (" — obbligatorio / required" if column.required else "")]
    if column.kind == "date":
        parts.append("data gg/mm/aaaa")
    elif column.kind == "bool":
        parts.append("sì / no; vuoto = non rilevato")
    elif column.kind in ("choice", "choices") and column.choices is not None:
        parts.append("valori: " + shown_choices(column.choices))
        if column.kind == "choices":
            parts.append("più valori separati da virgola")
    elif column.kind == "money":
        parts.append("euro, es. 24,50")
    elif column.kind in ("decimal", "int"):
        parts.append("numero, es. 6000 o 8,5")
    return "\n".join(parts)


def write_plan_template(
    path: str | os.PathLike[str],
    *,
    programme: str | Programme | None = None,
    profile: str | None = None,
    plan: CoDesignPlan | None = None,
) -> None:
    """Write the plan workbook: empty (a template) or holding ``plan`` (needs openpyxl).

    ``programme`` (``pippi``, ``tutela``; default: the plan's, else ``pippi``)
    chooses the sheets (:data:`PROGRAMME_SHEETS`); ``profile`` (default: the
    programme's Seregno profile, :data:`DEFAULT_PROFILES`) is the notice the
    notes cite.

    >>> import pathlib, tempfile
    >>> from welfare_ambito import data
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "piano.xlsx")
    ...     write_plan_template(path, plan=data.example("pippi_seregno"))
    ...     book = read_plan_workbook(path)
    >>> book.plan == data.example("pippi_seregno")
    True
    """
    from welfare_ambito.budget._common import optional_module

    openpyxl = optional_module("openpyxl", feature="plan template", extra="xlsx")
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    chosen = programme_of(
        programme if programme is not None else (plan.programme if plan else Programme.PIPPI)
    )
    if profile is None:
        profile = DEFAULT_PROFILES.get(chosen)
    notes, declared_notes = _notes(profile)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = PLAN_SHEET
    sheet.append(["campo", "valore", "note"])
    values = _plan_values(plan, chosen)
    for _, label, kind, required in PLAN_FIELDS:
        key = next(k for k, lbl, _, _ in PLAN_FIELDS if lbl == label)
        note = "obbligatorio" if required else ""
        if key == "ambito":
            note = "id di un Ambito incluso, es. seregno"
        sheet.append([label, values.get(key), note])
        if kind == "date":
            sheet.cell(row=sheet.max_row, column=2).number_format = "DD/MM/YYYY"
    programmes = DataValidation(
        type="list",
        formula1='"' + ",".join(PROGRAMME_LABELS.get(p.value, p.value) for p in Programme) + '"',
        allow_blank=False,
    )
    sheet.add_data_validation(programmes)
    programmes.add(f"B{2 + [k for k, *_ in PLAN_FIELDS].index('programme')}")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 40
    for kind in PROGRAMME_SHEETS[chosen]:
        title = SHEETS[kind]
        if kind == "declarations":
            fields = declaration_fields(chosen)
            declared = write_declarations(book, plan.declarations if plan else None, fields)
            for number, (key, _, _) in enumerate(fields, start=2):
                if key in declared_notes:
                    cited_here = "\n".join(
                        f"{t} — {_shown(src, q)}" for t, src, q in declared_notes[key]
                    )
                    declared.cell(row=number, column=1).comment = Comment(
                        f"Dall'avviso (vedi il foglio Note):\n{cited_here}",
                        "welfare-ambito",
                        height=200,
                        width=500,
                    )
            continue
        part = book.create_sheet(title)
        columns = KINDS[kind]
        part.append([c.label_it for c in columns])
        for row in _rows_of(kind, plan):
            part.append(row)
        if plan is None and kind == "hour_plan":
            for profession in (
                Profession.EDUCATOR,
                Profession.PSYCHOLOGIST,
                Profession.PEDAGOGIST,
                Profession.CULTURAL_MEDIATOR,
            ):
                part.append([LABELS_IT[profession.value], None, None])
        for position, column in enumerate(columns, start=1):
            head = part.cell(row=1, column=position)
            head.font = Font(bold=True)
            head.comment = Comment(_column_note(column), "welfare-ambito")
            letter = head.column_letter
            part.column_dimensions[letter].width = max(14, len(column.label_it) + 2)
            area = f"{letter}2:{letter}1000"
            if column.kind == "date":
                for (cell,) in part.iter_rows(min_row=2, min_col=position, max_col=position):
                    cell.number_format = "DD/MM/YYYY"
            choices = _dropdown(column)
            if choices is not None:
                check = DataValidation(type="list", formula1=choices, allow_blank=True)
                check.error = "Scegli un valore dall'elenco"
                check.prompt = _column_note(column)
                part.add_data_validation(check)
                check.add(area)
        if kind in notes:  # the notice's sentences on this part, on the first header
            cited_here = "\n".join(f"{t} — {_shown(src, q)}" for t, src, q in notes[kind])
            first = part.cell(row=1, column=1)
            first.comment = Comment(
                f"{_column_note(columns[0])}\n\nDall'avviso (vedi il foglio Note):\n{cited_here}",
                "welfare-ambito",
                height=300,
                width=500,
            )
    cited = book.create_sheet("Note")
    cited.append(["regola", "fonte", "testo dell'avviso"])
    for kind_notes in notes.values():
        for title_it, source, quote in kind_notes:
            cited.append([title_it, source, quote])
    book.save(os.fspath(path))


def _dropdown(column: Column) -> str | None:
    if column.kind == "bool":
        return '"sì,no"'
    if column.kind == "choice" and column.choices is not None:
        text = ",".join(LABELS_IT.get(str(m.value), str(m.value)) for m in column.choices)
        if len(text) < 250 and "," not in "".join(
            LABELS_IT.get(str(m.value), "") for m in column.choices
        ):
            return f'"{text}"'
    return None


# -- reading ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PlanWorkbook:
    """A plan read from a workbook, with where each part of it sits.

    ``headers`` are the bound header rows per part; ``rows`` the spreadsheet row
    of each object per part (the first row of a family); ``fields`` the row of
    each «Piano» field.

    >>> import pathlib, tempfile
    >>> from welfare_ambito import data
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "piano.xlsx")
    ...     write_plan_template(path, plan=data.example("pippi_seregno"))
    ...     book = read_plan_workbook(path)
    >>> book.address("interventions[0].weekly_hours")
    'Interventi!C2'
    >>> book.address("hour_plan", "pippi.hours.educator")
    'Monte ore!B2'
    """

    plan: CoDesignPlan
    source: str
    headers: Mapping[str, Header]
    rows: Mapping[str, tuple[int, ...]]
    fields: Mapping[str, int]

    def address(self, path: str, rule: str = "") -> str:
        """The cell a model path (``interventions[2].weekly_hours``, ``hour_plan``) stands for."""
        return _address(path, rule, self.headers, self.rows, self.fields)

    def relocate(self, report: Any) -> Any:
        """``report`` with each finding's path and missing inputs given as cells («Monte ore!B2»).

        A finding on a whole row points at the cell of the field its rule checks
        (``pippi.groups.meetings`` → the «incontri» cell) or of its first missing input.
        """
        findings = tuple(
            f._replace(
                path=self.address(_precise(f.path, f.rule, f.missing), f.rule),
                missing=tuple(self.address(m, f.rule) for m in f.missing),
            )
            for f in report.findings
        )
        return attrs.evolve(report, findings=findings)


def _precise(path: str, rule: str, missing: tuple[str, ...]) -> str:
    """The path of the field a finding is about, when it names only a row or the plan."""
    match = _ITEM.fullmatch(path)
    if match and match.group(3) is None:
        kind = _COLLECTIONS.get(match.group(1), "")
        suffix = rule.rsplit(".", 1)[-1]
        suffix = _RULE_FIELDS.get((kind, suffix), suffix)
        if kind in KINDS and suffix in {c.field for c in KINDS[kind]}:
            return f"{path}.{suffix}"
        inside = [m for m in missing if m.startswith(path + ".")]
        return inside[0] if inside else path
    if path == "" and row_of(rule, "") is not None:
        return "declarations"
    if path == "":
        for word, target in _RULE_TARGETS:
            if word in rule:
                return target
    return path


_RULE_FIELDS = {("staff", "experience"): "years_in_tutela_minori"}
"""The column a rule checks when its last word is not the field's name."""

_RULE_TARGETS = (
    ("labour_floor", "hour_plan.hourly_cost"),
    ("impact_evaluation", "impact_evaluation"),
    ("budget", "budget.total"),
    ("period", "period"),
    ("duties", "reports"),
)


_COLLECTIONS = {
    "families": "families",
    "interventions": "interventions",
    "groups": "groups",
    "staff": "staff",
    "reports": "reports",
    "budget.lines": "budget_lines",
    "services": "services",
}
_ITEM = re.compile(r"^(budget\.lines|[a-z_]+)\[(\d+)\](?:\.([a-z_]+))?")
_PLAN_PATHS = {
    "": "id",
    "period": "period_start",
    "funding": "funding_amount",
    "cup": "cup",
    "budget": "budget_total",
    "budget.total": "budget_total",
    "impact_evaluation": "vis_method",
    "partner": "partner",
    "ambito": "ambito",
}


def _address(
    path: str,
    rule: str,
    headers: Mapping[str, Header],
    rows: Mapping[str, tuple[int, ...]],
    fields: Mapping[str, int],
) -> str:
    if path.startswith("declarations") and "declarations" in rows:
        keys: tuple[str, ...] = tuple(map(str, rows.get("declaration_keys", ())))
        where = dict(zip(keys, rows["declarations"], strict=False))
        key = row_of(rule, path)
        if key is not None and key in where:
            return f"{DECLARATIONS_SHEET}!B{where[key]}"
        return f"{DECLARATIONS_SHEET}!A1"
    match = _ITEM.match(path)
    if match:
        kind = _COLLECTIONS.get(match.group(1))
        if kind is not None and kind in headers:
            index = int(match.group(2))
            numbers = rows.get(kind, ())
            row: int = numbers[index] if index < len(numbers) else headers[kind].row
            field = match.group(3)
            if field == "period":
                field = "start"
            if field == "id" and kind == "families":
                field = "family"
            if kind == "families" and field not in {c.field for _, c, _ in headers[kind].columns}:
                field = "family"
            return headers[kind].address(field or _first_field(kind), row)
    if path.startswith("hour_plan") and "hour_plan" in headers:
        header = headers["hour_plan"]
        name = path.rsplit(".", 1)[-1] if path.count(".") >= 2 else rule.rsplit(".", 1)[-1]
        labels = {str(p.value): i for i, p in enumerate(_hour_order(rows))}
        position = labels.get(name)
        numbers = rows.get("hour_plan", ())
        if position is not None and position < len(numbers):
            column = "hourly_cost" if ".hourly_cost" in path or "cost" in rule else "hours"
            return header.address(column, numbers[position])
        return header.address("hourly_cost" if "hourly_cost" in path else "hours", header.row)
    key = _PLAN_PATHS.get(path.split("[")[0]) or _PLAN_PATHS.get(path.split(".")[0])
    if key is not None and key in fields:
        return f"{PLAN_SHEET}!B{fields[key]}"
    if path.startswith("budget") and "budget_lines" in headers:
        return f"{SHEETS['budget_lines']}!A1"
    if path == "reports":
        return f"{SHEETS['reports']}!A1"
    return path or f"{PLAN_SHEET}!A1"


def _first_field(kind: str) -> str:
    return KINDS[kind][0].field


def _hour_order(rows: Mapping[str, Any]) -> tuple[Profession, ...]:
    order: tuple[Profession, ...] = rows.get("hour_professions", ())
    return order


def _read_plan_sheet(
    path: str | os.PathLike[str],
) -> tuple[dict[str, Any], dict[str, int], list[ErrorDetail]]:
    from welfare_ambito.tables._xlsx_source import UNCOMPUTED, open_sheet

    by_label = {normalise(label): (key, kind) for key, label, kind, _ in PLAN_FIELDS}
    by_label.update({normalise(key): (key, kind) for key, _, kind, _ in PLAN_FIELDS})
    values: dict[str, Any] = {}
    where: dict[str, int] = {}
    problems: list[ErrorDetail] = []
    failed: set[str] = set()
    _, rows = open_sheet(path, sheet=PLAN_SHEET)
    programmes = labels_of(Programme)
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
            values[key] = _plan_cell(kind, cell, programmes)
        except CellProblem as problem:
            problems.append(labelled(cell_address(PLAN_SHEET, 1, number), label, problem))
            failed.add(key)
    for key, label, _, required in PLAN_FIELDS:
        if required and values.get(key) is None and key not in failed:
            row = where.get(key)
            problems.append(
                detail(
                    "required",
                    cell_address(PLAN_SHEET, 1, row) if row else f"{PLAN_SHEET}!A1",
                    label=label,
                )
            )
    return values, where, problems


def _plan_cell(kind: str, cell: Any, programmes: Mapping[str, Any]) -> Any:
    if kind == "text":
        return _cells.read_text(cell)
    if kind == "date":
        return _cells.read_date(cell)
    if kind == "money":
        return _cells.read_money(cell)
    if kind == "int":
        return _cells.read_int(cell)
    return _cells.read_choice(cell, programmes, ", ".join(p.value for p in Programme))


def read_plan_workbook(path: str | os.PathLike[str]) -> PlanWorkbook:
    """Read a filled plan workbook (see :func:`write_plan_template`); every bad cell reported at once.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "piano.xlsx")
    ...     write_plan_template(path)
    ...     try:
    ...         read_plan_workbook(path)
    ...     except InvalidInput as error:
    ...         print(error.errors[0].path, error.errors[0].text("it"))
    Piano!B2 «identificativo del piano» è obbligatorio: compila la cella
    """
    from welfare_ambito import data
    from welfare_ambito.tables._xlsx_source import open_sheet
    from welfare_ambito.tables.families import FamilyTable

    source = os.path.basename(os.fspath(path))
    values, fields, problems = _read_plan_sheet(path)
    headers: dict[str, Header] = {}
    rows: dict[str, Any] = {}
    parts: dict[str, Any] = {}
    present = _sheet_names(path)
    for kind, title in SHEETS.items():
        if title not in present:
            continue
        if kind == "declarations":
            _, sheet_rows = open_sheet(path, sheet=title)
            parts[kind], declared_rows, declared_problems = read_declarations(sheet_rows)
            problems.extend(declared_problems)
            rows[kind] = tuple(declared_rows.values())
            rows["declaration_keys"] = tuple(declared_rows)
            continue
        try:
            if kind == "families":
                _, probe = open_sheet(path, sheet=title)
                if sum(1 for _ in probe) <= 1:
                    parts[kind] = ()
                    continue
                table = FamilyTable(path, sheet=title)
                headers[kind] = table.header
                records = list(table)
                for record in records:
                    problems.extend(record.errors)
                parts[kind] = tuple(r.family for r in records if r.family is not None)
                rows[kind] = tuple(r.first_row for r in records)
                continue
            header, read = read_rows(path, kind, sheet=title)
        except InvalidInput as exc:
            if all(e.code == "tables.empty" for e in exc.errors):
                continue
            problems.extend(exc.errors)
            continue
        headers[kind] = header
        rows[kind] = tuple(n for n, _ in read)
        try:
            parts[kind] = _build(kind, header, read, rows)
        except InvalidInput as exc:
            problems.extend(exc.errors)
    ambito = None
    if values.get("ambito") is not None:
        try:
            ambito = data.ambito(values["ambito"])
        except WelfareAmbitoError as exc:
            problems.append(ErrorDetail.from_error(exc, f"{PLAN_SHEET}!B{fields['ambito']}"))
    if problems:
        raise InvalidInput(problems)

    def where(model_path: str) -> str:
        return _address(model_path, "", headers, rows, fields)

    try:
        plan = _plan(values, parts, ambito)
    except InvalidInput as exc:
        raise InvalidInput([attrs.evolve(e, path=where(e.path)) for e in exc.errors]) from None
    except InvalidValue as exc:
        raise InvalidInput([ErrorDetail.from_error(exc, where(exc.path))]) from None
    return PlanWorkbook(plan=plan, source=source, headers=headers, rows=rows, fields=fields)


def _sheet_names(path: str | os.PathLike[str]) -> set[str]:
    from welfare_ambito.tables._xlsx_source import open_sheet

    names: set[str] = set()
    for title in (PLAN_SHEET, *SHEETS.values()):
        try:
            _, rows = open_sheet(path, sheet=title)
            rows.close()  # type: ignore[attr-defined]
            names.add(title)
        except WelfareAmbitoError as exc:
            if exc.code != "tables.no_sheet":
                raise
    return names


def _build(
    kind: str, header: Header, read: list[tuple[int, dict[str, Any]]], rows: dict[str, Any]
) -> Any:
    from welfare_ambito.tables import records

    makers = {
        "interventions": records._intervention,
        "groups": records._group,
        "staff": records._staff,
        "reports": records._report,
        "budget_lines": records._budget_line,
        "services": _service,
    }
    if kind == "hour_plan":
        hours: dict[Profession, Decimal] = {}
        costs: dict[Profession, Money] = {}
        kept: list[tuple[int, dict[str, Any]]] = []
        problems: list[ErrorDetail] = []
        for number, row in read:
            if row.get("hours") is None and row.get("hourly_cost") is None:
                continue
            profession = row["profession"]
            if profession in hours:
                problems.append(
                    detail(
                        "duplicate_row",
                        header.address("profession", number),
                        template="second_row_profession",
                    )
                )
                continue
            hours[profession] = row["hours"] if row["hours"] is not None else Decimal(0)
            if row.get("hourly_cost") is not None:
                costs[profession] = row["hourly_cost"]
            kept.append((number, row))
        if problems:
            raise InvalidInput(problems)
        rows["hour_plan"] = tuple(n for n, _ in kept)
        rows["hour_professions"] = tuple(hours)
        return HourPlan(hours=hours, hourly_cost=costs) if hours else None
    return tuple(build_all(header, read, makers[kind]))


def _service(values: dict[str, Any]) -> ServiceOffer:
    from welfare_ambito.tables.records import _given

    def split(text: str | None) -> list[str]:
        return [p.strip() for p in re.split(r"[,;|\n]", text or "") if p.strip()]

    return ServiceOffer(
        comuni=[p.strip() for p in re.split(r"[;|\n]", values.get("comuni") or "") if p.strip()],
        staff=split(values.get("staff")),
        **_given(values, "comuni", "staff"),
    )


def _plan(values: Mapping[str, Any], parts: Mapping[str, Any], ambito: Any) -> CoDesignPlan:
    period = _period(values.get("period_start"), values.get("period_end"), "period")
    funding = None
    if values.get("funding_name") is not None or values.get("funding_amount") is not None:
        funding = FundingSource(
            name=values.get("funding_name") or "",
            amount=values.get("funding_amount") or Money(0),
            code=values.get("funding_code"),
        )
    budget = None
    if values.get("budget_total") is not None or parts.get("budget_lines"):
        budget = Budget(
            total=values.get("budget_total") or Money(0),
            lines=parts.get("budget_lines", ()),
            years=values.get("budget_years"),
            overall_total=values.get("budget_overall"),
            period=_period(values.get("budget_start"), values.get("budget_end"), "budget"),
        )
    vis = None
    if values.get("vis_method") is not None:
        indicators = [
            p.strip() for p in (values.get("vis_indicators") or "").split(";") if p.strip()
        ]
        vis = ImpactEvaluation(method=values["vis_method"], indicators=indicators)
    return CoDesignPlan(
        id=values["id"],
        ambito=ambito,
        partner=Partner(name=values["partner"], fiscal_code=values.get("partner_fiscal_code")),
        programme=values["programme"],
        title=values.get("title"),
        period=period,
        funding=funding,
        cup=values.get("cup"),
        hour_plan=parts.get("hour_plan"),
        budget=budget,
        families=parts.get("families", ()),
        interventions=parts.get("interventions", ()),
        groups=parts.get("groups", ()),
        staff=parts.get("staff", ()),
        reports=parts.get("reports", ()),
        impact_evaluation=vis,
        services=parts.get("services", ()),
        declarations=parts.get("declarations"),
    )


def _period(start: dt.date | None, end: dt.date | None, path: str) -> Period | None:
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise table_error("period", path, template="period_ends")
    return Period(start, end)

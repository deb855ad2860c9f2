"""The Tutela Minori plan workbook: `plan template tutela`, filled in by hand, read back, checked."""

from __future__ import annotations

import datetime as dt
import pathlib
from decimal import Decimal
from typing import Any

import pytest

from welfare_ambito import InvalidInput, data
from welfare_ambito.cli import main
from welfare_ambito.model import CoDesignPlan
from welfare_ambito.model._labels import LABELS_IT
from welfare_ambito.tables import read_plan_workbook, write_plan_template
from welfare_ambito.tables._declarations import DUTY_LABELS_IT
from welfare_ambito.tables.workbook import PROGRAMME_SHEETS, SHEETS, programme_of

openpyxl = pytest.importorskip("openpyxl")

TUTELA_SHEETS = [
    "Piano",
    "Voci di bilancio",
    "Personale",
    "Servizi",
    "Rendicontazioni",
    "Dichiarazioni",
    "Note",
]


@pytest.fixture
def template(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "piano.xlsx"
    assert main(["plan", "template", "tutela", "-o", str(path)]) == 0
    return path


def test_tutela_template_has_its_sheets_dropdowns_and_the_notice(template: pathlib.Path) -> None:
    """Italian sheets for the parts of a Tutela plan, list validations, the notice's sentences."""
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == TUTELA_SHEETS
    assert book["Piano"]["B4"].value == "Tutela Minori"
    staff = book["Personale"]
    headers = [c.value for c in staff[1]]
    assert headers[:3] == ["operatore", "professione", "iscritto all'albo"]
    lists = [v.formula1 for v in staff.data_validations.dataValidation]
    assert any(LABELS_IT["social_worker"] in f for f in lists)  # professions
    assert '"sì,no"' in lists  # albo, psicoterapeuta…
    budget = book["Voci di bilancio"]
    assert "comuni" in [c.value for c in budget[1]]
    assert any(
        LABELS_IT["territorial"] in v.formula1 for v in budget.data_validations.dataValidation
    )
    quotes = [r[2] for r in book["Note"].iter_rows(min_row=2, values_only=True)]
    assert any("Tutela Minori" in q for q in quotes)
    assert "Tutela Minori" in (staff["A1"].comment.text if staff["A1"].comment else "")
    declared = [r[0] for r in book["Dichiarazioni"].iter_rows(min_row=2, values_only=True)]
    assert DUTY_LABELS_IT[next(iter(DUTY_LABELS_IT))] in declared
    assert "coach" not in declared  # the P.I.P.P.I. team is not part of a Tutela plan


def test_programme_names_and_sheets() -> None:
    assert [SHEETS[k] for k in PROGRAMME_SHEETS[programme_of("tutela")]] == TUTELA_SHEETS[1:-1]
    with pytest.raises(ValueError, match="tutela"):
        programme_of("sesei")


# -- filling the template as a partner would: Italian labels, numbers and dates ------------------


def _it_amount(value: Decimal) -> str:
    whole, _, cents = f"{value:.2f}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + cents


def _it_date(day: dt.date | None) -> str | None:
    return None if day is None else day.strftime("%d/%m/%Y")


def _yes(value: bool | None) -> str | None:
    return None if value is None else ("sì" if value else "no")


def _put(sheet: Any, rows: list[dict[str, Any]]) -> None:
    """Write ``rows`` (header label → value) under the template's header row."""
    columns = {cell.value: cell.column for cell in sheet[1]}
    for number, row in enumerate(rows, start=2):
        for header, value in row.items():
            sheet.cell(row=number, column=columns[header], value=value)


def fill(path: pathlib.Path, plan: CoDesignPlan) -> None:
    """Type ``plan`` into the empty Tutela template at ``path``."""
    book = openpyxl.load_workbook(path)
    assert plan.funding is not None
    assert plan.budget is not None
    assert plan.period is not None
    piano = {
        "identificativo del piano": plan.id,
        "ambito (id)": "seregno",
        "titolo": plan.title,
        "ente partner": plan.partner.name,
        "inizio del progetto": _it_date(plan.period.start),
        "fine del progetto": _it_date(plan.period.end),
        "fonte di finanziamento": plan.funding.name,
        "importo finanziato": "€ " + _it_amount(plan.funding.amount.amount),
        "totale del bilancio": _it_amount(plan.budget.total.amount),
        "anni del bilancio": plan.budget.years,
        "totale complessivo del bilancio": (
            _it_amount(plan.budget.overall_total.amount) if plan.budget.overall_total else None
        ),
    }
    for row in book["Piano"].iter_rows(min_row=2):
        if row[0].value in piano:
            row[1].value = piano[row[0].value]
    _put(
        book["Voci di bilancio"],
        [
            {
                "voce": line.id,
                "descrizione": line.label,
                "importo": _it_amount(line.amount.amount),
                "ambito": LABELS_IT[line.scope.value] if line.scope else None,
                "comune": line.comune,
                "voce madre": line.parent,
                "comuni": "; ".join(line.comuni) or None,
            }
            for line in plan.budget.lines
        ],
    )
    _put(
        book["Personale"],
        [
            {
                "operatore": member.id,
                "professione": LABELS_IT[member.profession.value],
                "iscritto all'albo": _yes(member.albo_registered),
                "psicoterapeuta": _yes(member.psychotherapist),
                "anni in tutela minori": member.years_in_tutela_minori,
                "già in servizio": _yes(member.in_service),
                "ore settimanali": member.weekly_hours,
                "laurea": member.degree,
            }
            for member in plan.staff
        ],
    )
    _put(
        book["Servizi"],
        [
            {
                "servizio": offer.service,
                "ambito": LABELS_IT[offer.scope.value] if offer.scope else None,
                "comuni": "; ".join(offer.comuni),
                "ore settimanali": offer.weekly_hours,
                "ore annue": offer.yearly_hours,
                "personale": ", ".join(offer.staff) or None,
            }
            for offer in plan.services
        ],
    )
    _put(
        book["Rendicontazioni"],
        [
            {
                "tipo": LABELS_IT[report.kind.value],
                "dal": _it_date(report.covers.start),
                "al": _it_date(report.covers.end),
                "scadenza": _it_date(report.due),
            }
            for report in plan.reports
        ],
    )
    declared = plan.declarations
    assert declared is not None
    answers = {label: _yes(duty in declared.duties) for duty, label in DUTY_LABELS_IT.items()}
    if declared.technical_lead is not None:
        answers["referente tecnico (id del personale)"] = declared.technical_lead.staff
        answers["curriculum del referente tecnico allegato"] = _yes(declared.technical_lead.cv)
    answers["CIG"] = declared.cig
    for row in book["Dichiarazioni"].iter_rows(min_row=2):
        if row[0].value in answers:
            row[1].value = answers[row[0].value]
    book.save(path)


def test_the_template_filled_with_the_example_reads_back_as_the_example(
    template: pathlib.Path,
) -> None:
    """Template → typed in with Italian labels, numbers and dates → read back → the example plan."""
    plan = data.example("tutela_minori_seregno")
    fill(template, plan)
    assert read_plan_workbook(template).plan == plan


@pytest.mark.parametrize("name", [n for n in data.example_names() if n.startswith("tutela")])
def test_every_tutela_example_survives_the_workbook(tmp_path: pathlib.Path, name: str) -> None:
    path = tmp_path / "piano.xlsx"
    plan = data.example(name)
    write_plan_template(path, plan=plan)
    assert openpyxl.load_workbook(path).sheetnames == TUTELA_SHEETS
    assert read_plan_workbook(path).plan == plan


def test_a_faulty_cell_is_reported_at_its_cell(
    template: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A word in the «anni in tutela minori» column of the third staff row: «Personale!E4»."""
    fill(template, data.example("tutela_minori_seregno"))
    book = openpyxl.load_workbook(template)
    sheet = book["Personale"]
    column = next(c.column_letter for c in sheet[1] if c.value == "anni in tutela minori")
    assert column == "E"
    sheet["E4"] = "molti"
    book.save(template)
    with pytest.raises(InvalidInput) as caught:
        read_plan_workbook(template)
    assert [e.path for e in caught.value.errors] == ["Personale!E4"]
    assert main(["check", str(template)]) == 2
    assert "Personale!E4" in capsys.readouterr().err


def test_check_reports_a_tutela_plan_s_findings_at_the_cells(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The unqualified psychologist at its row of «Personale»; experience at its column."""
    path = tmp_path / "piano.xlsx"
    write_plan_template(path, plan=data.example("tutela_minori_seregno_unqualified"))
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    row = 2 + [m.id for m in data.example("tutela_minori_seregno_unqualified").staff].index(
        "PSI-MED"
    )
    assert f"tutela.staff.psychologist.qualification @ Personale!A{row}" in out
    assert "tutela.staff.social_worker.experience @ Personale!E5" in out


@pytest.mark.parametrize("name", ["piano.csv", "piano", "piano.xlsx.txt"])
def test_the_template_is_written_only_to_an_xlsx_file(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """A workbook saved as .csv would not read back: refused, naming the option and the file."""
    assert main(["plan", "template", "tutela", "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert "--output" in err
    assert name in err
    assert not (tmp_path / name).exists()

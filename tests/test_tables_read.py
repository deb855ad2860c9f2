"""Tables in: families, interventions, staff, hour plans and budget lines from CSV, XLSX, DataFrames."""

from __future__ import annotations

import datetime as dt
import io
import pathlib
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests._tables_data import HEADER, as_csv

from welfare_ambito import InvalidInput, InvalidValue, Money
from welfare_ambito.model import Adversity, EMOrientation, Family, PreAssessment, Profession
from welfare_ambito.tables import (
    ColumnMapping,
    FamilyTable,
    read_budget_lines,
    read_families,
    read_groups,
    read_hour_plan,
    read_interventions,
    read_staff,
    sniff_separator,
)
from welfare_ambito.testing.strategies import families


def excel_italian_csv(path: pathlib.Path, lines: list[str]) -> pathlib.Path:
    """Write what Excel on Italian Windows writes: cp1252, ';', CRLF."""
    path.write_bytes(("\r\n".join([HEADER, *lines]) + "\r\n").encode("cp1252"))
    return path


def test_excel_italian_export_reads_with_labels_dates_and_blanks(tmp_path: pathlib.Path) -> None:
    """cp1252, ';', CRLF, Italian labels, dd/mm/yyyy; blank cells are not recorded."""
    path = excel_italian_csv(
        tmp_path / "famiglie.csv",
        [
            "F01;Seregno;F01-C1;12/04/2016;Preoccupante;Mantenimento in famiglia;Sì;No;No;Disabilità",
            "F01;;F01-C2;03/09/2012;;;;;;",
            "F02;Meda;;01/02/2019;non preoccupante;riunificazione;;no;sì;",
        ],
    )
    first, second = read_families(path)
    assert first.id == "F01"
    assert [c.id for c in first.children] == ["F01-C1", "F01-C2"]
    assert first.children[1].birth_date == dt.date(2012, 9, 3)
    assert first.pre_assessment is PreAssessment.WORRYING
    assert first.em_orientation is EMOrientation.KEEP_IN_FAMILY
    assert first.trust_in_services is True
    assert first.adversities == {Adversity.DISABILITY}
    assert second.children[0].id == "F02-1"
    assert second.trust_in_services is None  # blank: not recorded
    assert second.removal_in_progress is True


def test_every_bad_cell_is_reported_at_once_at_its_cell(tmp_path: pathlib.Path) -> None:
    """Three bad cells in two families: three errors, each at sheet!cell, none echoing a birth date."""
    path = excel_italian_csv(
        tmp_path / "famiglie.csv",
        [
            "F01;Seregno;C1;31/02/2016;forse;;Sì;No;No;",
            "F02;Meda;C2;01/02/2019;preoccupante;;boh;no;no;",
        ],
    )
    with pytest.raises(InvalidInput) as caught:
        read_families(path)
    paths = [e.path for e in caught.value.errors]
    assert paths == ["famiglie.csv!D2", "famiglie.csv!E2", "famiglie.csv!G3"]
    messages = " ".join(e.message + e.message_it for e in caught.value.errors)
    assert "31/02/2016" not in messages
    assert "«Data di nascita»" in messages
    assert "gg/mm/aaaa" in messages
    assert "preoccupante" in caught.value.errors[1].message_it


def test_a_different_family_value_on_a_later_row_is_an_error() -> None:
    """Family columns on a child's row may be blank or equal, never different."""
    text = "famiglia;data di nascita;comune\nF01;01/01/2015;Seregno\nF01;01/01/2017;Meda\n"
    with pytest.raises(InvalidInput) as caught:
        read_families(io.StringIO(text))
    assert [e.code for e in caught.value.errors] == ["tables.family_conflict"]
    assert caught.value.errors[0].path == "CSV!C3"


def test_rows_of_a_family_that_come_back_later_are_reported() -> None:
    """A family id reappearing after another family is not merged silently."""
    text = "famiglia;data di nascita\nF01;01/01/2015\nF02;01/01/2016\nF01;01/01/2017\n"
    with pytest.raises(InvalidInput) as caught:
        read_families(io.StringIO(text))
    assert [e.code for e in caught.value.errors] == ["tables.family_split"]


def test_missing_required_column_names_the_accepted_headers() -> None:
    """No birth-date column: one error at the header row listing the accepted headers."""
    with pytest.raises(InvalidInput) as caught:
        read_families(io.StringIO("famiglia;comune\nF01;Meda\n"))
    (error,) = caught.value.errors
    assert error.code == "tables.missing_column"
    assert "data di nascita" in error.message_it


def test_a_mapping_adapts_a_vendor_export_from_toml(tmp_path: pathlib.Path) -> None:
    """A TOML mapping renames headers and adds labels; no code needed."""
    (tmp_path / "mappa.toml").write_text(
        '[columns]\n"Cod. Nucleo" = "family"\n"Nato/a il" = "birth_date"\n'
        '"Esito scheda" = "pre_assessment"\n[values.pre_assessment]\n"Rischio alto" = "worrying"\n',
        encoding="utf-8",
    )
    text = "Cod. Nucleo,Nato/a il,Esito scheda,Altro\nN-7,2016-04-12,Rischio alto,x\n"
    (family,) = read_families(io.StringIO(text), mapping=tmp_path / "mappa.toml")
    assert family.id == "N-7"
    assert family.pre_assessment is PreAssessment.WORRYING


def test_a_mapping_to_an_unknown_field_is_reported() -> None:
    """A mapping naming a field the kind does not have is an error at the header cell."""
    with pytest.raises(InvalidInput) as caught:
        read_families(
            io.StringIO("Nucleo,Nascita\nF1,2016-01-01\n"),
            mapping=ColumnMapping.from_dict({"Nucleo": "famiglia_id"}),
        )
    assert caught.value.errors[0].path == "CSV!A1"


def test_dataframe_source_reads_numpy_and_timestamps() -> None:
    """A pandas DataFrame with Timestamps, NaN and numpy values reads like a CSV."""
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(
        {
            "famiglia": ["F01", "F02"],
            "data di nascita": pandas.to_datetime(["2016-04-12", "2019-02-01"]),
            "fiducia nei servizi": ["sì", None],
        }
    )
    first, second = read_families(frame)
    assert first.children[0].birth_date == dt.date(2016, 4, 12)
    assert first.trust_in_services is True
    assert second.trust_in_services is None


def test_xlsx_families_with_dates_and_booleans(tmp_path: pathlib.Path) -> None:
    """Spreadsheet dates and TRUE/FALSE cells read as dates and flags."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Famiglie"
    sheet.append(["Famiglia", "Data di nascita", "Fiducia nei servizi", "Orientamento EM"])
    sheet.append(["F01", dt.datetime(2016, 4, 12), True, "riunificazione familiare"])
    sheet.append(["F02", dt.datetime(2017, 5, 1), "x", None])
    book.save(tmp_path / "f.xlsx")
    first, second = read_families(tmp_path / "f.xlsx")
    assert first.em_orientation is EMOrientation.REUNIFICATION
    assert first.trust_in_services
    assert second.trust_in_services is True
    assert second.em_orientation is None


def test_family_table_streams_records_with_errors_per_family() -> None:
    """The stream yields one record per family; a bad family carries its errors, others read."""
    text = "famiglia;data di nascita\nF01;01/01/2015\nF 02;01/01/2016\nF03;nope\n"
    records = list(FamilyTable(io.StringIO(text)))
    assert [r.ok for r in records] == [True, False, False]
    assert records[1].errors[0].path == "CSV!A3"


def test_other_kinds_read_with_italian_headers() -> None:
    """Interventions, staff, hour plan, budget lines and groups read from Italian CSV."""
    (sedt,) = read_interventions(
        io.StringIO(
            "Intervento;Tipo;Ore settimanali;Famiglia;Inizio;Fine\n"
            "SEDT-1;educativa domiciliare;8;F01;01/09/2023;31/08/2025\n"
        )
    )
    assert sedt.weekly_hours == 8
    assert sedt.period is not None
    assert sedt.period.months == 24
    (member,) = read_staff(
        io.StringIO("Operatore;Professione;Iscritto all'albo\nAS-1;assistente sociale;sì\n")
    )
    assert member.profession is Profession.SOCIAL_WORKER
    assert member.albo_registered
    plan = read_hour_plan(io.StringIO("Professione;Ore;Costo orario\neducatore;6000;€ 24,50\n"))
    assert plan.cost_of(Profession.EDUCATOR) == Money("147000.00")
    lines = read_budget_lines(
        io.StringIO(
            "Voce;Descrizione;Importo;Voce madre\nassociated;Servizi associati;249.100,00;\n"
            "administrative;Servizi amministrativi;40.000,00;associated\n"
        )
    )
    assert [line.parent for line in lines] == [None, "associated"]
    (group,) = read_groups(io.StringIO("Gruppo;Tipo;Incontri;Cadenza\nG1;genitori;8;settimanale\n"))
    assert group.meetings == 8


def test_hour_plan_twice_the_same_profession_and_an_ambiguous_number() -> None:
    """'1.500' in an hours column is refused as ambiguous; a repeated profession too."""
    with pytest.raises(InvalidInput) as caught:
        read_hour_plan(io.StringIO("Professione;Ore\neducatore;1.500\n"))
    assert caught.value.errors[0].code == "tables.ambiguous_number"
    with pytest.raises(InvalidInput) as caught:
        read_hour_plan(io.StringIO("Professione;Ore\neducatore;6000\neducatore;10\n"))
    assert caught.value.errors[0].path == "CSV!A3"


def test_validator_errors_land_on_their_cell() -> None:
    """A negative weekly-hours value (refused by the model) is reported at its cell."""
    with pytest.raises(InvalidInput) as caught:
        read_interventions(io.StringIO("intervento;tipo;ore settimanali\nI1;sedt;-3\n"))
    assert caught.value.errors[0].path == "CSV!C2"


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(families(), min_size=1, max_size=5, unique_by=lambda f: f.id),
    st.sampled_from([";", ",", "\t"]),
)
def test_families_written_as_a_spreadsheet_read_back_equal(rows: list[Family], sep: str) -> None:
    """Any families, written with Italian labels and dates, read back equal (sep sniffed)."""
    assert read_families(io.StringIO(as_csv(rows, sep))) == tuple(rows)


@given(st.lists(st.sampled_from([";", ",", "\t", "a", " ", '"']), max_size=30))
def test_sniffer_always_answers_a_known_separator(chars: list[str]) -> None:
    """The sniffer never fails and answers ';', tab or ','."""
    assert sniff_separator("".join(chars)) in (";", "\t", ",")


def test_decimal_cells_are_exact() -> None:
    """Hours from text are exact decimals."""
    plan = read_hour_plan(io.StringIO("Professione;Ore\npedagogista;900,5\n"))
    assert plan.hours_of(Profession.PEDAGOGIST) == Decimal("900.5")


def test_unknown_encoding_is_a_typed_error(tmp_path: pathlib.Path) -> None:
    """A misspelt encoding name is an InvalidValue naming the encoding argument."""
    path = tmp_path / "f.csv"
    path.write_text("famiglia;data di nascita\n", encoding="utf-8")
    with pytest.raises(InvalidValue) as caught:
        read_families(path, encoding="latin-99")
    assert caught.value.path == "encoding"

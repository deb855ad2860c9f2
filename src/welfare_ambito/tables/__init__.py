"""Tables in and out: families, interventions, staff, hour plans and budget lines from CSV/XLSX.

Case-record systems and partners keep data in spreadsheets: Italian headers,
``dd/mm/yyyy`` dates, labels such as «preoccupante» or «sì», Windows encodings,
blank cells. The readers take a CSV path or stream (UTF-8, UTF-8 with BOM,
Windows-1252: detected, or named with ``encoding=``), an XLSX path (needs the
``xlsx`` extra) or a pandas DataFrame; a :class:`ColumnMapping` adapts a
vendor's headers without code. Every bad cell is reported at once, at its
cell (``famiglie.csv!E7``), with what to write; blank optional cells are
*not recorded*, not errors.

>>> import io
>>> from welfare_ambito.tables import read_families
>>> text = "Famiglia;Data di nascita;Valutazione preliminare\\nF01;12/04/2016;Preoccupante\\n"
>>> read_families(io.StringIO(text))[0].pre_assessment
<PreAssessment.WORRYING: 'worrying'>

Hostile files are typed errors, never tracebacks: see :func:`csv_rows` and
:func:`xlsx_rows`, the one opener of each format for the whole library.
"""

from welfare_ambito.tables._csv_source import (
    MAX_CELL_CHARS,
    csv_rows,
    detect_encoding,
    sniff_separator,
    valid_separator,
)
from welfare_ambito.tables._errors import cell_address, column_letter
from welfare_ambito.tables._schema import KINDS, Column, schema
from welfare_ambito.tables._xlsx_source import (
    MAX_ROWS,
    MAX_XLSX_BYTES,
    UNCOMPUTED,
    xlsx_rows,
)
from welfare_ambito.tables.families import (
    FAMILY_FIELDS,
    FamilyRecord,
    FamilyTable,
    read_families,
)
from welfare_ambito.tables.mapping import ColumnMapping, load_mapping
from welfare_ambito.tables.output import FORMATS, escape_cell, export, format_of, write_rows
from welfare_ambito.tables.records import (
    read_budget_lines,
    read_groups,
    read_hour_plan,
    read_interventions,
    read_reports,
    read_staff,
)
from welfare_ambito.tables.workbook import (
    SHEETS,
    PlanWorkbook,
    read_plan_workbook,
    write_plan_template,
)

__all__ = [
    "FAMILY_FIELDS",
    "FORMATS",
    "KINDS",
    "MAX_CELL_CHARS",
    "MAX_ROWS",
    "MAX_XLSX_BYTES",
    "SHEETS",
    "UNCOMPUTED",
    "Column",
    "ColumnMapping",
    "FamilyRecord",
    "FamilyTable",
    "PlanWorkbook",
    "cell_address",
    "column_letter",
    "csv_rows",
    "detect_encoding",
    "escape_cell",
    "export",
    "format_of",
    "load_mapping",
    "read_budget_lines",
    "read_families",
    "read_groups",
    "read_hour_plan",
    "read_interventions",
    "read_plan_workbook",
    "read_reports",
    "read_staff",
    "schema",
    "sniff_separator",
    "valid_separator",
    "write_plan_template",
    "write_rows",
    "xlsx_rows",
]

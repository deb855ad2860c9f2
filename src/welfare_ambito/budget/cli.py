"""The ``welfare-ambito budget`` commands: ``split``, ``phase`` and ``reconcile``.

``register(subparsers)`` adds them to the main parser; each command function
takes the parsed arguments and returns the exit status: 0 fine, 1 discrepancies
found (``reconcile``), 2 invalid input (a clear message on stderr, never a traceback).
Standalone: ``python -m welfare_ambito.budget.cli split 100 --weights a=1 b=2``.

``-`` reads standard input (``reconcile -``, ``--weights-file -``); ``--lang``
chooses the language of messages; ``--format json`` writes
``{"schema": "welfare-ambito/budget-split", "version": 1, "records": [...]}``
with every number an exact string (a quotient that does not terminate is
written ``"p/q"``); ``--format csv`` escapes cells a spreadsheet would run as
a formula. A closed pipe (``| head``) ends the command quietly.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import IO, Any, Final, TextIO

from welfare_ambito import i18n
from welfare_ambito._lang import Lang
from welfare_ambito.budget._common import cents_of, number_of
from welfare_ambito.budget.allocation import METHODS, allocate, ambito_of
from welfare_ambito.budget.phasing import BASES, UNITS, phase
from welfare_ambito.budget.reconcile import reconcile
from welfare_ambito.budget.tables import read_table
from welfare_ambito.errors import InvalidInput, InvalidValue, WelfareAmbitoError
from welfare_ambito.model.territory import Ambito
from welfare_ambito.money import Money
from welfare_ambito.periods import Period

__all__ = ["BUDGET_SCHEMAS", "cmd_phase", "cmd_reconcile", "cmd_split", "main", "register"]

FORMATS = ("text", "json", "csv", "xlsx")
LANGS = ("it", "en")
FORMAT_HELP = "output: text (default), json, csv, or xlsx (written to -o FILE.xlsx)"
OUTPUT_HELP = "write the output to FILE instead of the terminal"
BUDGET_SCHEMAS: Final = {
    "split": "welfare-ambito/budget-split",
    "phase": "welfare-ambito/budget-phase",
    "reconcile": "welfare-ambito/budget-reconcile",
}
"""The ``schema`` field of each command's JSON output (``version`` is 1)."""

for _msg, _it, _en in (
    ("budget.cli.error", "errore: {where}{text}", "error: {where}{text}"),
    (
        "budget.cli.csv_error",
        "errore: CSV non leggibile ({reason})",
        "error: the CSV cannot be read ({reason})",
    ),
    (
        "error.budget.cli_weight",
        "{pair!r} non è nella forma NOME=PESO",
        "{pair!r} is not NAME=WEIGHT",
    ),
    (
        "error.budget.cli_weights_file",
        "la riga {line} di {source} deve avere due celle: nome, peso",
        "line {line} of {source} must have two cells: name, weight",
    ),
    ("error.budget.cli_duplicate", "{name!r} compare due volte", "{name!r} is listed twice"),
    (
        "error.budget.cli_period",
        "{text!r} non è un periodo INIZIO/FINE",
        "{text!r} is not a period START/END",
    ),
    (
        "error.budget.cli_xlsx_output",
        "--format xlsx scrive una cartella di lavoro: indica -o FILE.xlsx",
        "--format xlsx writes a workbook: give -o FILE.xlsx",
    ),
):
    i18n.define(_msg, it=_it, en=_en)


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``budget split|phase|reconcile`` to an argparse ``subparsers`` object.

    Each leaf parser sets ``handler`` to its command function (``args -> int``).
    """
    budget: argparse.ArgumentParser = subparsers.add_parser(
        "budget",
        help="exact budget tools: split, phase, reconcile",
        description="Exact budget tools (cents, never floats).",
    )
    commands = budget.add_subparsers(dest="budget_command", metavar="COMMAND", required=True)

    split = commands.add_parser(
        "split",
        help="split an amount by weights (caseload, population…)",
        description="Split TOTAL among recipients, exact to the cent. Example: "
        "budget split 430900 --weights Barlassina=44 Giussano=129 --method webster. "
        "With --method fixed the weights are the amounts themselves.",
    )
    split.add_argument("total", help="amount in euros, e.g. 430900 or 430.900,00")
    source = split.add_mutually_exclusive_group(required=True)
    source.add_argument("--weights", nargs="+", metavar="NAME=WEIGHT", help="weights per recipient")
    source.add_argument(
        "--weights-file",
        metavar="CSV",
        help="CSV with two columns: name, weight ('-' for standard input)",
    )
    split.add_argument("--method", choices=METHODS, default="largest_remainder")
    split.add_argument("--minimum", metavar="AMOUNT", help="the same minimum for every recipient")
    split.add_argument("--maximum", metavar="AMOUNT", help="the same maximum for every recipient")
    split.add_argument(
        "--ambito",
        metavar="ID|FILE",
        help="the recipients are Comuni of this Ambito (an embedded id such as seregno, or a "
        "TOML/JSON file): aliases accepted, unknown names refused with a suggestion",
    )
    split.add_argument("--format", choices=FORMATS, default="text", help=FORMAT_HELP)
    split.add_argument("-o", "--output", metavar="FILE", help=OUTPUT_HELP)
    split.add_argument("--lang", choices=LANGS, default="it", help="language of messages")
    split.set_defaults(handler=cmd_split)

    phase_parser = commands.add_parser(
        "phase",
        help="spread an amount over a period",
        description="Spread AMOUNT over PERIOD (2023-06-01/2026-05-31 or 2023-06/2026-05).",
    )
    phase_parser.add_argument("amount", help="amount in euros")
    phase_parser.add_argument("period", help="START/END as dates or months (YYYY-MM)")
    phase_parser.add_argument("--by", choices=UNITS, default="month", dest="unit")
    phase_parser.add_argument("--basis", choices=BASES, default="days")
    phase_parser.add_argument("--format", choices=FORMATS, default="text", help=FORMAT_HELP)
    phase_parser.add_argument("-o", "--output", metavar="FILE", help=OUTPUT_HELP)
    phase_parser.add_argument("--lang", choices=LANGS, default="it", help="language of messages")
    phase_parser.set_defaults(handler=cmd_phase)

    rec = commands.add_parser(
        "reconcile",
        help="check the stated totals of a table (exit 1 if any differ)",
        description="Check that the last row/column totals of TABLE (CSV or XLSX) add up.",
    )
    rec.add_argument(
        "table", help="CSV (Italian numbers, ';' or ',') or .xlsx file; '-' reads CSV from stdin"
    )
    rec.add_argument("--sep", help="CSV separator (guessed when omitted)")
    rec.add_argument("--sheet", help="XLSX sheet name (default: the first)")
    rec.add_argument("--no-total-row", action="store_true", help="the last row is not a total")
    rec.add_argument(
        "--no-total-column", action="store_true", help="the last column is not a total"
    )
    rec.add_argument("--format", choices=FORMATS, default="text", help=FORMAT_HELP)
    rec.add_argument("-o", "--output", metavar="FILE", help=OUTPUT_HELP)
    rec.add_argument("--lang", choices=LANGS, default="it", help="language of messages")
    rec.set_defaults(handler=cmd_reconcile)
    return budget


# -- helpers -------------------------------------------------------------------------------

_NUMBER_CELL = re.compile(r"^-?\d+(\.\d+)?(/\d+)?\Z")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _exact(value: Any) -> Any:
    """A JSON-ready value: numbers become exact strings, dates ISO text."""
    if isinstance(value, Money):
        return str(value.amount)
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        decimal = _terminating(value)
        return decimal if decimal is not None else f"{value.numerator}/{value.denominator}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _terminating(value: Fraction) -> str | None:
    denominator, places = value.denominator, 0
    for prime in (2, 5):
        count = 0
        while denominator % prime == 0:
            denominator //= prime
            count += 1
        places = max(places, count)
    if denominator != 1:
        return None
    return f"{Decimal(value.numerator * 10**places // value.denominator).scaleb(-places):f}"


def _csv_cell(value: Any) -> Any:
    """Neutralise a cell a spreadsheet would run as a formula (OWASP CSV injection)."""
    text = _exact(value)
    if isinstance(text, str) and text.startswith(_FORMULA_START) and not _NUMBER_CELL.match(text):
        return "'" + text
    return text


def _emit(records: list[dict[str, Any]], fmt: str, text: str, out: TextIO, *, command: str) -> None:
    if fmt == "json":
        document = {
            "schema": BUDGET_SCHEMAS[command],
            "version": 1,
            "records": [{k: _exact(v) for k, v in r.items()} for r in records],
        }
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        if records:
            writer = csv.DictWriter(buffer, fieldnames=list(records[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: _csv_cell(v) for k, v in r.items()} for r in records)
        out.write(buffer.getvalue())
    else:
        out.write(text + "\n")
    out.flush()


def _guarded(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        lang: Lang = getattr(args, "lang", "it")
        try:
            return command(args)
        except InvalidInput as exc:  # a document (--ambito FILE): every problem on its line
            from welfare_ambito.cli import print_invalid

            print_invalid(exc, lang)
            return 2
        except WelfareAmbitoError as exc:
            where = f"[{i18n.location(exc.path, lang)}] " if exc.path else ""
            print(
                i18n.message("budget.cli.error", lang, where=where, text=exc.text(lang)),
                file=sys.stderr,
            )
            return 2
        except BrokenPipeError:  # the main command ends quietly
            raise
        except OSError as exc:
            text = f"{exc.strerror or exc}: {exc.filename or ''}"
            print(i18n.message("budget.cli.error", lang, where="", text=text), file=sys.stderr)
            return 2
        except csv.Error as exc:  # e.g. --sep ';;' or a cell beyond the csv field limit
            print(i18n.message("budget.cli.csv_error", lang, reason=exc), file=sys.stderr)
            return 2

    run.__name__ = command.__name__
    run.__doc__ = command.__doc__
    return run


def _check_weight(value: str, *, path: str, fixed: bool) -> str:
    """Read ``value`` now (to name the argument or line in an error); pass the text on."""
    if fixed:
        cents_of(value, path=path)
    else:
        number_of(value, path=path)
    return value


def _weights_from_args(pairs: Sequence[str], *, fixed: bool) -> dict[str, object]:
    weights: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.rpartition("=")
        if not sep or not name.strip():
            raise InvalidValue.of("budget.cli_weight", path="--weights", pair=pair)
        weights[name.strip()] = _check_weight(value, path=f"weights.{name.strip()}", fixed=fixed)
    return weights


def _csv_input(name: str) -> tuple[str | IO[str], str]:
    """What :func:`~welfare_ambito.tables.csv_rows` reads for ``name``, and its name in paths.

    A file is opened by ``csv_rows`` itself; ``-`` is standard input, read through the
    one reader of command inputs and decoded as a file would be (BOM, UTF-8, else
    Windows-1252, as Excel saves a CSV), named ``<stdin>`` («input standard»).
    """
    from welfare_ambito._documents import STDIN, STDIN_NAME, read_input
    from welfare_ambito.tables import detect_encoding

    if name != STDIN:
        return name, name
    data = read_input(name)
    encoding = detect_encoding(data[:65_536])
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline=""), STDIN_NAME


def _weights_from_file(path: str, *, fixed: bool) -> dict[str, object]:
    from welfare_ambito._documents import input_name
    from welfare_ambito.tables import csv_rows

    source, shown = _csv_input(path)
    weights: dict[str, object] = {}
    for index, (number, row) in enumerate(csv_rows(source, name=shown)):
        if len(row) != 2:
            raise InvalidValue.of(
                "budget.cli_weights_file",
                path=f"{shown}:{number}",
                line=number,
                source=input_name(path),
            )
        name, value = row[0].strip(), row[1].strip()
        if index == 0 and not any(char.isdigit() for char in value):
            continue  # a header line ("comune;utenti"); a number is never taken for one
        if name in weights:
            error = InvalidValue.of("budget.cli_duplicate", path=f"{shown}:{number}", name=name)
            error.code = "budget.duplicate_recipient"
            raise error
        weights[name] = _check_weight(value, path=f"{shown}:{number} ({name})", fixed=fixed)
    return weights


_MONTHS = re.compile(r"^\s*(\d{4}-\d{2})\s*/\s*(\d{4}-\d{2})\s*\Z", re.ASCII)


def _period(text: str) -> Period:
    """``YYYY-MM/YYYY-MM`` (whole months) or what :meth:`Period.parse` reads."""
    months = _MONTHS.match(text)
    if months:
        return Period.of_months(*months.groups())
    if "/" not in text:
        raise InvalidValue.of("budget.cli_period", path="period", text=text[:40])
    return Period.parse(text)


def _ambito(value: str) -> Ambito:
    """``--ambito``: a TOML or JSON file describing an Ambito, or the id of an embedded one."""
    if value.lower().endswith((".toml", ".json")) or os.path.sep in value:
        from welfare_ambito._documents import in_file
        from welfare_ambito.convert import load

        try:
            return load(value, into=Ambito)
        except InvalidInput as error:
            raise in_file(error, value) from None
    return ambito_of(value)


def _write(status: int, records: list[dict[str, Any]], args: argparse.Namespace, text: str) -> int:
    output = getattr(args, "output", None)
    if args.format == "xlsx":
        _xlsx(records, output, args)
        sys.stdout.write(text + "\n")
    elif output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            _emit(records, args.format, text, handle, command=args.budget_command)
    else:
        _emit(records, args.format, text, sys.stdout, command=args.budget_command)
    return status


def _xlsx(records: list[dict[str, Any]], output: str | None, args: argparse.Namespace) -> None:
    """The records as a workbook: amounts stay numbers, exact quotas are written as text."""
    from welfare_ambito.tables import write_rows

    if not output or not output.lower().endswith(".xlsx"):
        raise InvalidValue.of("budget.cli_xlsx_output", path="--output")
    header = list(records[0]) if records else []
    rows = ([_cell(record.get(key)) for key in header] for record in records)
    write_rows(output, header, rows, fmt="xlsx", sheet=_SHEETS[args.budget_command])


_SHEETS = {"split": "Riparto", "phase": "Ripartizione nel tempo", "reconcile": "Verifica totali"}


def _cell(value: Any) -> Any:
    """A number where the value is exact as a decimal; a fraction that does not terminate as text."""
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, Fraction):
        decimal = _terminating(value)
        return Decimal(decimal) if decimal is not None else _exact(value)
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return value
    return _exact(value)


# -- commands --------------------------------------------------------------------------------


@_guarded
def cmd_split(args: argparse.Namespace) -> int:
    """``budget split``: print the allocation."""
    fixed = args.method == "fixed"
    weights = (
        _weights_from_args(args.weights, fixed=fixed)
        if args.weights
        else _weights_from_file(args.weights_file, fixed=fixed)
    )
    result = allocate(
        args.total,
        weights,
        method=args.method,
        minimum=args.minimum,
        maximum=args.maximum,
        ambito=_ambito(args.ambito) if args.ambito else None,
    )
    records = [
        {**record, "weight": share.weight, "quota": share.quota, "rounding": share.rounding}
        for record, share in zip(result.to_records(), result.shares, strict=True)
    ]
    return _write(0, records, args, result.to_text(args.lang))


@_guarded
def cmd_phase(args: argparse.Namespace) -> int:
    """``budget phase``: print the amount per piece of the period."""
    result = phase(args.amount, _period(args.period), unit=args.unit, basis=args.basis)
    records = [
        {**record, "weight": piece.weight}
        for record, piece in zip(result.to_records(), result.phases, strict=True)
    ]
    return _write(0, records, args, result.to_text(args.lang))


@_guarded
def cmd_reconcile(args: argparse.Namespace) -> int:
    """``budget reconcile``: list the discrepancies; exit 1 when there are any."""
    try:
        table = _read_reconcile_table(args)
    except WelfareAmbitoError as error:
        _name_the_file(error, args.table)
        raise
    result = reconcile(
        table,
        total_row=False if args.no_total_row else None,
        total_column=False if args.no_total_column else None,
    )
    return _write(0 if result.ok else 1, result.to_records(), args, result.to_text(args.lang))


def _read_reconcile_table(args: argparse.Namespace) -> Any:
    if args.table != "-":
        return read_table(args.table, sep=args.sep, sheet=args.sheet)
    from welfare_ambito.budget.tables import _rows_to_table
    from welfare_ambito.tables import csv_rows

    stream, shown = _csv_input(args.table)
    rows = csv_rows(stream, sep=args.sep, name=shown)
    title = i18n.message("location.stdin", args.lang)
    return _rows_to_table(rows, title=title, citation=None, source=shown)


def _name_the_file(error: WelfareAmbitoError, name: str) -> None:
    """Locate ``error`` in the file ``name`` (``-``: standard input) unless it already is.

    A table's cell (``Meda / A``) is a place in the file: the path says which file.
    """
    from welfare_ambito._documents import path_name

    if not error.path or isinstance(error, InvalidInput):
        return
    head = path_name(name) if name == "-" else os.path.basename(name) or name
    if not error.path.startswith((head, path_name(name))):
        error.path = f"{head}:{error.path}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``welfare-ambito budget ARGS`` (``python -m welfare_ambito.budget.cli ARGS``).

    >>> main(["split", "100", "--weights", "a=1", "b=3", "--format", "csv"])
    recipient,weight,quota,amount,rounding,bound
    a,1,25,25.00,0,
    b,3,75,75.00,0,
    0
    """
    from welfare_ambito.cli import main as welfare_ambito_main

    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["budget"]:
        arguments = arguments[1:]
    return welfare_ambito_main(["budget", *arguments])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The ``welfare-ambito budget`` commands: ``split``, ``phase`` and ``reconcile``.

``register(subparsers)`` adds them to the main parser; each command function
takes the parsed arguments and returns the exit status: 0 fine, 1 discrepancies
found (``reconcile``), 2 invalid input (a clear message on stderr, never a traceback).
Standalone: ``python -m welfare_ambito.budget.cli budget split 100 --weights a=1 b=2``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TextIO

from welfare_ambito.budget._common import number_of
from welfare_ambito.budget.allocation import METHODS, allocate
from welfare_ambito.budget.phasing import BASES, UNITS, phase
from welfare_ambito.budget.reconcile import reconcile
from welfare_ambito.budget.tables import read_table
from welfare_ambito.errors import InvalidValue, WelfareAmbitoError
from welfare_ambito.money import Money
from welfare_ambito.periods import Period

__all__ = ["cmd_phase", "cmd_reconcile", "cmd_split", "register"]

FORMATS = ("text", "json", "csv")


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
        "budget split 430900 --weights Barlassina=44 Giussano=129 --method webster",
    )
    split.add_argument("total", help="amount in euros, e.g. 430900 or 430.900,00")
    source = split.add_mutually_exclusive_group(required=True)
    source.add_argument("--weights", nargs="+", metavar="NAME=WEIGHT", help="weights per recipient")
    source.add_argument("--weights-file", metavar="CSV", help="CSV with two columns: name, weight")
    split.add_argument("--method", choices=METHODS, default="largest_remainder")
    split.add_argument("--minimum", metavar="AMOUNT", help="the same minimum for every recipient")
    split.add_argument("--maximum", metavar="AMOUNT", help="the same maximum for every recipient")
    split.add_argument("--format", choices=FORMATS, default="text")
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
    phase_parser.add_argument("--format", choices=FORMATS, default="text")
    phase_parser.set_defaults(handler=cmd_phase)

    rec = commands.add_parser(
        "reconcile",
        help="check the stated totals of a table (exit 1 if any differ)",
        description="Check that the last row/column totals of TABLE (CSV or XLSX) add up.",
    )
    rec.add_argument("table", help="CSV (Italian numbers, ';' or ',') or .xlsx file")
    rec.add_argument("--sep", help="CSV separator (guessed when omitted)")
    rec.add_argument("--sheet", help="XLSX sheet name (default: the first)")
    rec.add_argument("--no-total-row", action="store_true", help="the last row is not a total")
    rec.add_argument(
        "--no-total-column", action="store_true", help="the last column is not a total"
    )
    rec.add_argument("--format", choices=FORMATS, default="text")
    rec.set_defaults(handler=cmd_reconcile)
    return budget


# -- helpers -------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Money):
        return str(value.amount)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _emit(records: list[dict[str, Any]], fmt: str, text: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump(
            [{k: _plain(v) for k, v in r.items()} for r in records],
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        if records:
            writer = csv.DictWriter(buffer, fieldnames=list(records[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: _plain(v) for k, v in r.items()} for r in records)
        out.write(buffer.getvalue())
    else:
        out.write(text + "\n")


def _guarded(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except WelfareAmbitoError as exc:
            where = f" [{exc.path}]" if exc.path else ""
            print(f"errore{where}: {exc.message_it}\nerror{where}: {exc.message}", file=sys.stderr)
            return 2
        except BrokenPipeError:  # the main command ends quietly
            raise
        except OSError as exc:
            print(f"errore / error: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
            return 2
        except UnicodeDecodeError:
            print(
                "errore / error: the file is not UTF-8 text / il file non è testo UTF-8",
                file=sys.stderr,
            )
            return 2

    run.__name__ = command.__name__
    run.__doc__ = command.__doc__
    return run


def _weights_from_args(pairs: Sequence[str]) -> dict[str, object]:
    weights: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.rpartition("=")
        if not sep or not name.strip():
            raise InvalidValue(
                f"{pair!r} is not NAME=WEIGHT",
                code="budget.cli_weight",
                message_it=f"{pair!r} non è nella forma NOME=PESO",
                path="--weights",
            )
        weights[name.strip()] = number_of(value, path=f"weights.{name.strip()}")
    return weights


def _weights_from_file(path: str) -> dict[str, object]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        text = handle.read()
    first = next((line for line in text.splitlines() if line.strip()), "")
    sep = ";" if ";" in first else ("\t" if "\t" in first else ",")
    weights: dict[str, object] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=sep), start=1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 2:
            raise InvalidValue(
                f"line {number} of {path} must have two cells: name, weight",
                code="budget.cli_weights_file",
                message_it=f"la riga {number} di {path} deve avere due celle: nome, peso",
                path=f"{path}:{number}",
            )
        name, value = row[0].strip(), row[1].strip()
        try:
            weights[name] = number_of(value, path=f"{path}:{number}")
        except InvalidValue:
            if number == 1:  # a header line
                continue
            raise
    return weights


def _period(text: str) -> Period:
    start, sep, end = text.partition("/")
    if not sep:
        raise InvalidValue(
            f"{text!r} is not a period START/END",
            code="budget.cli_period",
            message_it=f"{text!r} non è un periodo INIZIO/FINE",
            path="period",
        )
    if len(start.strip()) == 7 and len(end.strip()) == 7:
        return Period.of_months(start.strip(), end.strip())
    return Period.parse(text)


# -- commands --------------------------------------------------------------------------------


@_guarded
def cmd_split(args: argparse.Namespace) -> int:
    """``budget split``: print the allocation."""
    weights = (
        _weights_from_args(args.weights) if args.weights else _weights_from_file(args.weights_file)
    )
    result = allocate(
        args.total, weights, method=args.method, minimum=args.minimum, maximum=args.maximum
    )
    _emit(result.to_records(), args.format, str(result), sys.stdout)
    return 0


@_guarded
def cmd_phase(args: argparse.Namespace) -> int:
    """``budget phase``: print the amount per piece of the period."""
    result = phase(args.amount, _period(args.period), unit=args.unit, basis=args.basis)
    _emit(result.to_records(), args.format, str(result), sys.stdout)
    return 0


@_guarded
def cmd_reconcile(args: argparse.Namespace) -> int:
    """``budget reconcile``: list the discrepancies; exit 1 when there are any."""
    table = read_table(args.table, sep=args.sep, sheet=args.sheet)
    result = reconcile(
        table,
        total_row=False if args.no_total_row else None,
        total_column=False if args.no_total_column else None,
    )
    _emit(result.to_records(), args.format, str(result), sys.stdout)
    return 0 if result.ok else 1

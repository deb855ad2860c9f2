"""The ``welfare-ambito assess`` and ``welfare-ambito plan template`` commands.

``assess FAMILIES --on DATE -o RESULTS`` screens every family of a CSV/XLSX
export, streamed, with a progress bar on a terminal (tqdm, when installed;
nothing when the output is not a terminal), and writes one row per family
(CSV, XLSX or JSON by the suffix or ``--format``). Exit status: 0 every family
read, 2 invalid input (a missing column, a bad option; or some rows with cells
to correct: their rows are in the results with the errors).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterator
from typing import Any

from welfare_ambito._cli_groups import command_group

__all__ = ["cmd_assess", "cmd_plan_template", "register"]

EXIT_OK = 0
EXIT_INVALID = 2


def _day(text: str) -> dt.date:
    from welfare_ambito.tables._cells import CellProblem, read_date

    try:
        day = read_date(text)
    except CellProblem:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(f"not a date (dd/mm/yyyy or yyyy-mm-dd): {text!r}")
    return day


def _progress(results: Iterator[Any], lang: str, enabled: bool) -> Iterator[Any]:
    """Wrap ``results`` in a tqdm bar when stderr is a terminal and tqdm is installed."""
    if not enabled or not sys.stderr.isatty():
        return results
    try:
        from tqdm import tqdm
    except ImportError:
        return results
    unit = " famiglie" if lang == "it" else " families"
    bar: Iterator[Any] = tqdm(results, unit=unit, file=sys.stderr, leave=False)
    return bar


def _summary_text(summary: dict[str, int], lang: str, output: str) -> str:
    total = sum(summary.values())
    if lang == "it":
        return (
            f"Famiglie esaminate: {total} — rientrano nel target: {summary['eligible']}, "
            f"non rientrano: {summary['not_eligible']}, da valutare: {summary['needs_review']}, "
            f"con dati da correggere: {summary['invalid']}. Esiti scritti in {output}."
        )
    return (
        f"Families screened: {total} — eligible: {summary['eligible']}, "
        f"not eligible: {summary['not_eligible']}, to review: {summary['needs_review']}, "
        f"with cells to correct: {summary['invalid']}. Results written to {output}."
    )


def cmd_assess(args: argparse.Namespace) -> int:
    """``assess FAMILIES --on DATE -o RESULTS``: screen a families table."""
    from welfare_ambito.eligibility.table import assess_table, outcome_label, result_headers
    from welfare_ambito.tables.output import format_of, write_rows

    lang = args.lang
    fmt = format_of(args.output, args.format)
    screening = assess_table(
        args.families,
        on=args.on,
        profile=args.profile,
        lang=lang,
        encoding=args.encoding,
        sep=args.sep,
        sheet=args.sheet,
        mapping=args.mapping,
    )
    results = _progress(iter(screening), lang, not args.no_progress)
    if fmt == "json":
        rows: Iterator[list[Any]] = (
            [r.to_record(lang)[c] for c in _record_columns()] for r in results
        )
        header: tuple[str, ...] = _record_columns()
    else:
        rows = (r.to_row(lang) for r in results)
        header = result_headers(lang)

    def summary_sheet() -> dict[str, list[list[Any]]]:
        title = "Riepilogo" if lang == "it" else "Summary"
        return {title: [[outcome_label(k, lang), v] for k, v in screening.summary.items()]}

    write_rows(args.output, header, rows, fmt=fmt, extra_sheets=summary_sheet)
    print(_summary_text(screening.summary, lang, os.fspath(args.output)))
    return EXIT_INVALID if screening.summary["invalid"] else EXIT_OK


def _record_columns() -> tuple[str, ...]:
    from welfare_ambito.eligibility.table import RESULT_COLUMNS

    return RESULT_COLUMNS


def cmd_plan_template(args: argparse.Namespace) -> int:
    """``plan template PROGRAMME -o FILE``: write a workbook a partner fills in."""
    from welfare_ambito.tables.workbook import write_plan_template

    write_plan_template(args.output, programme=args.programme, profile=args.profile)
    done = "Modello scritto in" if args.lang == "it" else "Template written to"
    print(f"{done} {os.fspath(args.output)}")
    return EXIT_OK


def _guarded(command: Any) -> Any:
    def run(args: argparse.Namespace) -> int:
        try:
            return int(command(args))
        except OSError as exc:
            what = exc.filename or ""
            reason = exc.strerror or type(exc).__name__
            if args.lang == "it":
                print(f"errore: {reason}: {what}", file=sys.stderr)
            else:
                print(f"error: {reason}: {what}", file=sys.stderr)
            return EXIT_INVALID

    run.__doc__ = command.__doc__
    return run


def register(subparsers: Any) -> None:
    """Add ``assess`` and ``plan template`` to the command."""
    assess = subparsers.add_parser(
        "assess",
        help="screen every family of a CSV/XLSX export for the P.I.P.P.I. target",
        description="Screen every family of FAMILIES (CSV or XLSX, one row per child) on a day "
        "and write one row per family to RESULTS (.csv, .xlsx or .json).",
    )
    assess.add_argument("families", help="the families table: .csv or .xlsx")
    assess.add_argument(
        "--on", type=_day, required=True, help="reference day (dd/mm/yyyy or yyyy-mm-dd)"
    )
    assess.add_argument(
        "--profile", default="seregno-pippi-2023", help="embedded profile id or file"
    )
    assess.add_argument("-o", "--output", required=True, help="results file: .csv, .xlsx or .json")
    assess.add_argument("--format", choices=("csv", "xlsx", "json"), help="output format")
    assess.add_argument("--encoding", help="CSV encoding (detected when omitted), e.g. cp1252")
    assess.add_argument("--sep", help="CSV separator (sniffed when omitted)")
    assess.add_argument("--sheet", help="XLSX sheet (the first when omitted)")
    assess.add_argument("--mapping", help="TOML column mapping for a vendor's headers")
    assess.add_argument("--lang", choices=("it", "en"), default="it")
    assess.add_argument("--no-progress", action="store_true", help="no progress bar")
    assess.set_defaults(handler=_guarded(cmd_assess))

    commands = command_group(subparsers, "plan", "start a plan: a TOML template or a workbook")
    template = commands.add_parser(
        "template",
        help="write an XLSX workbook a partner fills in (then: welfare-ambito check FILE)",
    )
    template.add_argument(
        "programme", choices=("pippi", "tutela"), help="the programme: pippi or tutela (Minori)"
    )
    template.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    template.add_argument("--profile", default=None, help="profile whose notice the notes cite")
    template.add_argument("--lang", choices=("it", "en"), default="it")
    template.set_defaults(handler=_guarded(cmd_plan_template))

"""The ``welfare-ambito assess`` and ``welfare-ambito plan template`` commands.

``assess FAMILIES --on DATE -o RESULTS`` screens every family of a CSV/XLSX
export (``-``: a CSV on standard input), streamed, with a progress bar on a terminal (tqdm, when installed;
nothing when the output is not a terminal), and writes one row per family
(CSV, XLSX or JSON by the suffix or ``--format``). Exit status: 0 every family
read, 2 invalid input (a missing column, a bad option; or some rows with cells
to correct: their rows are in the results with the errors).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
from collections.abc import Iterator
from typing import Any

from welfare_ambito import i18n
from welfare_ambito._cli_groups import command_group
from welfare_ambito._lang import Lang

__all__ = ["cmd_assess", "cmd_plan_template", "register"]

EXIT_OK = 0
EXIT_INVALID = 2

i18n.define("tables.cli.families_unit", it=" famiglie", en=" families")
i18n.define("tables.cli.summary_sheet", it="Riepilogo", en="Summary")
i18n.define(
    "tables.cli.template_written", it="Modello scritto in {path}", en="Template written to {path}"
)
i18n.define(
    "tables.cli.summary",
    it="Famiglie esaminate: {total} — rientrano nel target: {eligible}, non rientrano: "
    "{not_eligible}, da valutare: {needs_review}, con dati da correggere: {invalid}. "
    "Esiti scritti in {output}.",
    en="Families screened: {total} — eligible: {eligible}, not eligible: {not_eligible}, "
    "to review: {needs_review}, with cells to correct: {invalid}. Results written to {output}.",
)
i18n.define(
    "tables.cli.not_a_date",
    it="non è una data (gg/mm/aaaa o aaaa-mm-gg): {value!r}",
    en="not a date (dd/mm/yyyy or yyyy-mm-dd): {value!r}",
)
i18n.define(
    "error.tables.template_suffix",
    it="il modello è una cartella di lavoro XLSX: scrivilo in un file .xlsx, non {file!r}",
    en="the template is an XLSX workbook: write it to a .xlsx file, not {file!r}",
)
i18n.define(
    "error.tables.file",
    it="impossibile usare {name}: {reason}",
    en="cannot use {name}: {reason}",
)


def _day(text: str) -> dt.date:
    from welfare_ambito.tables._cells import CellProblem, read_date

    try:
        day = read_date(text)
    except CellProblem:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(i18n.message("tables.cli.not_a_date", "en", value=text))
    return day


def _progress(results: Iterator[Any], lang: Lang, enabled: bool) -> Iterator[Any]:
    """Wrap ``results`` in a tqdm bar when stderr is a terminal and tqdm is installed."""
    if not enabled or not sys.stderr.isatty():
        return results
    try:
        from tqdm import tqdm
    except ImportError:
        return results
    unit = i18n.message("tables.cli.families_unit", lang)
    bar: Iterator[Any] = tqdm(results, unit=unit, file=sys.stderr, leave=False)
    return bar


def _summary_text(summary: dict[str, int], lang: Lang, output: str) -> str:
    """The closing line of ``assess``, numbers grouped as ``lang`` writes them.

    >>> _summary_text({"eligible": 1200, "not_eligible": 3, "needs_review": 0, "invalid": 0},
    ...               "it", "esiti.csv")  # doctest: +ELLIPSIS
    'Famiglie esaminate: 1.203 — rientrano nel target: 1.200, non rientrano: 3, ...esiti.csv.'
    """
    counts = {key: i18n.number(value, lang) for key, value in summary.items()}
    total = i18n.number(sum(summary.values()), lang)
    return i18n.message("tables.cli.summary", lang, total=total, output=output, **counts)


def cmd_assess(args: argparse.Namespace) -> int:
    """``assess FAMILIES --on DATE -o RESULTS``: screen a families table."""
    from welfare_ambito.eligibility.table import assess_table, outcome_label, result_headers
    from welfare_ambito.tables.output import format_of, write_rows

    lang = args.lang
    fmt = format_of(args.output, args.format)
    screening = assess_table(
        _standard_input(args.encoding) if args.families == "-" else args.families,
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
        title = i18n.message("tables.cli.summary_sheet", lang)
        return {title: [[outcome_label(k, lang), v] for k, v in screening.summary.items()]}

    write_rows(args.output, header, rows, fmt=fmt, extra_sheets=summary_sheet)
    print(_summary_text(screening.summary, lang, os.fspath(args.output)))
    return EXIT_INVALID if screening.summary["invalid"] else EXIT_OK


def _standard_input(encoding: str | None) -> io.StringIO:
    """Standard input as text: the named encoding, or detected like a file's."""
    from welfare_ambito.tables._csv_source import _known_encoding, detect_encoding
    from welfare_ambito.tables._errors import table_error

    data = sys.stdin.buffer.read()
    used = _known_encoding(encoding) if encoding else detect_encoding(data[:65_536])
    try:
        return io.StringIO(data.decode("utf-8-sig" if used == "utf-8" else used), newline="")
    except UnicodeError:
        raise table_error(
            "encoding", "stdin", template="not_encoded", name="stdin", encoding=used, line=1
        ) from None


def _record_columns() -> tuple[str, ...]:
    from welfare_ambito.eligibility.table import RESULT_COLUMNS

    return RESULT_COLUMNS


def cmd_plan_template(args: argparse.Namespace) -> int:
    """``plan template PROGRAMME -o FILE``: write a workbook a partner fills in."""
    from welfare_ambito.tables._errors import table_error
    from welfare_ambito.tables.workbook import write_plan_template

    if not os.fspath(args.output).lower().endswith(".xlsx"):
        raise table_error("template_suffix", "--output", file=os.fspath(args.output))
    write_plan_template(args.output, programme=args.programme, profile=args.profile)
    print(i18n.message("tables.cli.template_written", args.lang, path=os.fspath(args.output)))
    return EXIT_OK


def _guarded(command: Any) -> Any:
    def run(args: argparse.Namespace) -> int:
        try:
            return int(command(args))
        except OSError as exc:  # a file that cannot be read or written: the CLI's typed error
            from welfare_ambito.tables._errors import table_error

            name = os.fspath(exc.filename) if exc.filename else "?"
            reason = exc.strerror or type(exc).__name__
            raise table_error("file", str(name), name=name, reason=reason) from None

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
    assess.add_argument("families", help="the families table: .csv or .xlsx, or - (CSV on stdin)")
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

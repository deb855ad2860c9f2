"""The rule commands of ``welfare-ambito``: ``check``, ``rules``, ``explain``, ``profiles``.

:func:`register` adds them to the command's subparsers. Exit codes of
``check``: 0 no error finding, 1 error findings, 2 invalid input (raised as
:class:`~welfare_ambito.errors.WelfareAmbitoError` and printed by the main
command, every problem with its path).

``check`` streams: the findings go from the engine to a
:class:`~welfare_ambito.rules.render.ReportWriter` as they are made, counted on
the way, and only those the report shows are kept (in temporary files past a
megabyte), so a plan of a million families is checked in the memory its own
loading takes. ``--format xlsx`` builds the whole report first (a workbook is
written at once).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from welfare_ambito import i18n
from welfare_ambito._lang import LANG_HELP, LANGS, Lang, is_lang
from welfare_ambito.errors import InvalidValue, Phrase
from welfare_ambito.periods import parse_date

__all__ = ["cmd_check", "cmd_explain", "cmd_profiles", "cmd_rules", "demo_reports", "register"]

EXIT_OK = 0
EXIT_FINDINGS = 1
RULES_SCHEMA = "welfare-ambito/rules"
RULES_VERSION = 1

i18n.define(
    "error.rules.set_syntax",
    it="--set richiede NOME=VALORE, trovato {item!r}",
    en="--set expects NAME=VALUE, got {item!r}",
)
i18n.define(
    "error.cli.xlsx_output",
    it="--format xlsx scrive una cartella di lavoro: indica -o FILE.xlsx",
    en="--format xlsx writes a workbook: give -o FILE.xlsx",
)
i18n.define("cli.report_sheet", it="Esito", en="Report")
i18n.define("cli.profile_extends", it="estende {base}", en="extends {base}")
i18n.define("cli.standard_input", it="l'input standard", en="standard input")
# The labels of «explain RULE_ID».
i18n.define_group(
    "cli.explain",
    [
        ("subject", "soggetto", "subject"),
        ("severity", "gravità", "severity"),
        ("profile", "profilo", "profile"),
        ("message", "messaggio", "message"),
        ("condition", "condizione", "condition"),
        ("source", "fonte", "source"),
        ("parameter", "parametro", "parameter"),
        ("derogation", "deroga", "derogation"),
        ("code", "codice", "code"),
    ],
)
i18n.define("cli.explain.verified_on", it="verificata il {day}", en="verified on {day}")


def _code(lang: object) -> Lang:
    return lang if is_lang(lang) else "en"


def _day(text: str) -> dt.date:
    try:
        return parse_date(text)  # YYYY-MM-DD or DD/MM/YYYY: the one date grammar
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _assignments(values: list[str] | None) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in values or ():
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InvalidValue.of("rules.set_syntax", path="--set", item=item)
        result[name.strip()] = value.strip()
    return result


def _profile(name: str | None, plan: Any = None) -> Any:
    from welfare_ambito.rules.profiles import load_profile, profile_for

    if name is not None:
        return load_profile(name)
    if plan is not None:
        return profile_for(plan)
    return None


def _standard_input() -> str:
    """Standard input as text, through the one decoder of documents (a BOM is dropped).

    Text that is not UTF-8 is an :class:`~welfare_ambito.errors.InvalidInput` naming
    standard input («input standard»), as a file is named.
    """
    from welfare_ambito._documents import decode

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream put in its place (tests, notebooks)
        return str(sys.stdin.read()).removeprefix("\ufeff")
    return decode(stream.read(), Phrase("cli.standard_input"))


def _read_plan(name: str) -> Any:
    """Load the plan file ``name``; ``-`` reads TOML or JSON from standard input."""
    from welfare_ambito._documents import DocumentFloat, parse_document
    from welfare_ambito.convert import load, structure
    from welfare_ambito.model import CoDesignPlan

    if name != "-":
        return load(name)
    text = _standard_input()
    fmt = "json" if text.lstrip().startswith(("{", "[")) else "toml"
    document = parse_document(text, fmt, parse_float=DocumentFloat)
    del text  # a very large plan: its text is not held while its objects are built
    return structure(document, CoDesignPlan)


def _relocated(book: Any, head: Any, findings: Iterable[Any], size: int = 1024) -> Iterator[Any]:
    """``findings`` with their paths given as the workbook's cells, a batch at a time."""
    import attrs

    items = iter(findings)
    while batch := tuple(itertools.islice(items, size)):
        yield from book.relocate(attrs.evolve(head, findings=batch)).findings


def cmd_check(args: argparse.Namespace) -> int:
    """``check PLAN``: evaluate a plan and write its report, the findings streamed."""
    from welfare_ambito.rules.engine import evaluate_stream
    from welfare_ambito.rules.render import ReportWriter

    book: Any = None
    if str(args.plan).lower().endswith((".xlsx", ".xlsm")):  # a plan workbook (tables package)
        from welfare_ambito.tables.workbook import read_plan_workbook

        book = read_plan_workbook(args.plan)
    plan: Any = book.plan if book is not None else _read_plan(args.plan)
    profile = _profile(args.profile, plan)
    head, findings = evaluate_stream(
        plan, profile, on=args.on, lang=args.lang, overrides=_assignments(args.set) or None
    )
    if book is not None:
        findings = _relocated(book, head, findings)
    output = getattr(args, "output", None)
    if args.format == "xlsx":
        import attrs

        return _check_workbook(args, attrs.evolve(head, findings=tuple(findings)), output)
    with ReportWriter(head, args.format, verbose=args.verbose) as writer:
        writer.extend(findings)  # nothing is written until every finding is counted
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                writer.write_to(handle)
        else:
            writer.write_to(sys.stdout)
        return EXIT_OK if writer.summary.ok else EXIT_FINDINGS


def _check_workbook(args: argparse.Namespace, report: Any, output: str | None) -> int:
    """``check --format xlsx``: a workbook for the people who forward the findings by mail.

    A workbook is written at once, so this format holds the whole report; the
    terminal gets the text report.
    """
    from welfare_ambito.rules.render import render
    from welfare_ambito.tables import export

    export(
        report,
        _xlsx_output(output),
        fmt="xlsx",
        title=i18n.message("cli.report_sheet", _code(args.lang)),
    )
    sys.stdout.write(render(report, "text", verbose=args.verbose))
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _xlsx_output(output: str | None) -> str:
    """The workbook to write: ``--format xlsx`` needs ``-o FILE.xlsx``."""
    if not output or not output.lower().endswith(".xlsx"):
        raise InvalidValue.of("cli.xlsx_output", path="--output")
    return output


def cmd_rules(args: argparse.Namespace) -> int:
    """``rules``: the catalogue of a profile (all embedded profiles when none is named)."""
    from welfare_ambito.rules.profiles import profile_ids
    from welfare_ambito.rules.rule_catalogue import catalogue

    names = [args.profile] if args.profile else list(profile_ids())
    if args.format == "json":
        # One shape whether one profile or all: an object listing the catalogues.
        data = {
            "schema": RULES_SCHEMA,
            "version": RULES_VERSION,
            "profiles": [catalogue(_profile(n)).to_dict(args.lang) for n in names],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for name in names:
        cat = catalogue(_profile(name))
        text = cat.to_markdown(args.lang) if args.format == "markdown" else cat.to_text(args.lang)
        sys.stdout.write(text + "\n")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    """``explain RULE_ID``: what a rule checks, its source, parameters and derogations."""
    from welfare_ambito.rules.definition import REGISTRY
    from welfare_ambito.rules.profiles import profile_ids
    from welfare_ambito.rules.rule_catalogue import catalogue

    lang = args.lang
    code = _code(lang)

    def word(name: str) -> str:
        return i18n.message(f"cli.explain.{name}", code)

    rule = REGISTRY.get(args.rule_id)
    profile = _profile(args.profile)
    if profile is None:
        for name in profile_ids():
            candidate = _profile(name)
            if args.rule_id in candidate.rule_ids:
                profile = candidate
                break
    entry = None
    if profile is not None and args.rule_id in profile.rule_ids:
        entry = catalogue(profile)[args.rule_id]
    from welfare_ambito.rules.rule_catalogue import parameter_lines

    citation = entry.citation if entry is not None else rule.citation
    severity = entry.severity if entry is not None else rule.severity
    shown_severity = i18n.message(f"severity.{severity.value}", code)
    lines = [
        f"{rule.id} — {rule.title[lang]}",
        f"  {word('subject')}: {rule.subject}   {word('severity')}: {shown_severity}"
        + (
            f"   {word('profile')}: {profile.id}"
            if entry is not None and profile is not None
            else ""
        ),
        f"  {word('message')}: {rule.message[lang]}",
    ]
    if rule.condition is not None:
        lines.append(f"  {word('condition')}: {rule.condition[lang]}")
    if citation is not None:
        lines.append(f"  {word('source')}: {citation.display(lang)}")
        if citation.verified_on is not None:
            day = i18n.date(citation.verified_on, code)
            lines.append("    " + i18n.message("cli.explain.verified_on", code, day=day))
    if entry is not None:
        for parameter in entry.parameters:
            lines.extend(
                f"  {word('parameter')} {line}" for line in parameter_lines(parameter, lang)
            )
    else:
        for name in rule.all_parameters:
            lines.append(f"  {word('parameter')} {name}")
    for exc in rule.exceptions:
        lines.append(f"  {word('derogation')} {exc.id}: {exc.title[lang]}")
        cited = entry.exception_citations.get(exc.id) if entry is not None else exc.citation
        if cited is not None:
            lines.append(f"    {cited.display(lang)}")
    if rule.module:
        function = getattr(rule.function, "__name__", "?")
        lines.append(f"  {word('code')}: {rule.module}.{function}")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _show(value: Any, lang: str) -> str:
    from welfare_ambito.rules._values import display

    return display(value, lang)


def cmd_profiles(args: argparse.Namespace) -> int:
    """``profiles``: the embedded profiles."""
    from welfare_ambito.rules.profiles import list_profiles

    for info in list_profiles():
        code = _code(getattr(args, "lang", "it"))
        extends = i18n.message("cli.profile_extends", code, base=info.extends)
        base = f" ({extends})" if info.extends else ""
        sys.stdout.write(f"{info.id}{base}\n    {info.title}\n")
    return EXIT_OK


def demo_reports(args: argparse.Namespace) -> int:
    """``demo``: check each embedded example plan against its profile and print the report."""
    from welfare_ambito import data
    from welfare_ambito.rules.engine import evaluate
    from welfare_ambito.rules.profiles import profile_for

    lang: Any = getattr(args, "lang", "it")  # argparse allows only "it" and "en"
    for name in data.example_names():
        plan = data.example(name)
        sys.stdout.write(f"== {name} ==\n")
        report = evaluate(plan, profile_for(plan), lang=lang)
        sys.stdout.write(report.to_text() + "\n")
    return EXIT_OK


def register(subparsers: Any) -> None:
    """Add ``check``, ``rules``, ``explain`` and ``profiles`` to the command."""
    check = subparsers.add_parser("check", help="check a plan against a profile's rules")
    check.add_argument(
        "plan",
        help="the plan: a .toml, .json or .xlsx (plan template) file, or - for standard input",
    )
    check.add_argument("--profile", help="embedded profile id or a profile .toml file")
    check.add_argument("--on", type=_day, help="the day whose parameter values apply (YYYY-MM-DD)")
    check.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        help="override a parameter (what-if); repeatable",
    )
    check.add_argument("--lang", choices=LANGS, default="it", help=LANG_HELP)
    check.add_argument(
        "--format",
        choices=("text", "markdown", "json", "html", "xlsx"),
        default="text",
        help="output: text (default), markdown, json, html, or xlsx (one row per finding, "
        "written to -o FILE.xlsx)",
    )
    check.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE instead of the terminal"
    )
    check.add_argument("--verbose", "-v", action="store_true", help="show passed findings too")
    check.set_defaults(handler=cmd_check)

    rules = subparsers.add_parser("rules", help="list the rules of a profile with their sources")
    rules.add_argument("--profile", help="embedded profile id or a profile .toml file")
    rules.add_argument("--lang", choices=LANGS, default="it", help=LANG_HELP)
    rules.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="output: text (default), markdown or json (one object listing the profiles)",
    )
    rules.set_defaults(handler=cmd_rules)

    explain = subparsers.add_parser(
        "explain", help="explain one rule: source, parameters, derogations"
    )
    explain.add_argument("rule_id", help="the rule id, e.g. pippi.sedt.min_weekly_hours")
    explain.add_argument("--profile", help="profile whose parameter values to show")
    explain.add_argument("--lang", choices=LANGS, default="it", help=LANG_HELP)
    explain.set_defaults(handler=cmd_explain)

    profiles = subparsers.add_parser("profiles", help="list the embedded profiles")
    profiles.set_defaults(handler=cmd_profiles)

"""The ``welfare-ambito test`` command: run case files (no hypothesis or pytest needed).

Exit codes: 0 every case passed, 1 some case failed, 2 a file is invalid
(every problem printed with its path).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from welfare_ambito._lang import LANG_HELP, LANGS

__all__ = ["cmd_test", "register"]


def _read_cases(name: str) -> Any:
    """Load the case file ``name``; ``-`` reads it from standard input (paths relative to .)."""
    from pathlib import Path

    from welfare_ambito._documents import decode, parse_document
    from welfare_ambito.testing.cases import load_cases, parse_cases

    if name != "-":
        return load_cases(name)
    stream = getattr(sys.stdin, "buffer", None)
    text = decode(stream.read(), "stdin") if stream is not None else sys.stdin.read()
    document = parse_document(text, "toml")
    return parse_cases(document, base=Path.cwd(), source="-")


def cmd_test(args: argparse.Namespace) -> int:
    """Run the case files named in ``args.files``; print each case and a summary."""
    from welfare_ambito import i18n
    from welfare_ambito._documents import path_name
    from welfare_ambito.cli import EXIT_FINDINGS, EXIT_INVALID, EXIT_OK, print_invalid
    from welfare_ambito.errors import WelfareAmbitoError
    from welfare_ambito.testing.cases import render_results

    lang = args.lang
    invalid = failed = False
    for name in args.files:
        try:
            case_file = _read_cases(name)
        except WelfareAmbitoError as error:
            print(f"{name}:", file=sys.stderr)
            print_invalid(error, lang, document=path_name(name))
            invalid = True
            continue
        results = case_file.run(lang)
        if args.quiet:
            results_shown = tuple(r for r in results if not r.passed)
            text = render_results(results_shown, lang=lang, source=name).splitlines()[:-1]
            passed = sum(1 for r in results if r.passed)
            summary = i18n.message(
                "cli.cases_summary",
                lang,
                source=name,
                passed=i18n.quantity("unit.cases_passed", passed, lang),
                failed=i18n.quantity("unit.cases_failed", len(results) - passed, lang),
            )
            print("\n".join([*text, summary]))
        else:
            print(render_results(results, lang=lang, source=name))
        failed = failed or not all(r.passed for r in results)
    if invalid:
        return EXIT_INVALID
    return EXIT_FINDINGS if failed else EXIT_OK


def register(subparsers: Any) -> None:
    """Add the ``test`` subcommand."""
    test = subparsers.add_parser(
        "test",
        help="run case files (*.welfare.toml): expected outcomes of families, plans, budgets",
        description=(
            "Run named cases with their expected outcomes and show a diff of expected and "
            "actual. Exit 0: all pass; 1: some fail; 2: invalid file."
        ),
    )
    test.add_argument(
        "files", nargs="+", metavar="CASES.toml", help="case files; - reads one from standard input"
    )
    test.add_argument("--lang", choices=LANGS, default="it", help=LANG_HELP)
    test.add_argument(
        "--quiet", "-q", action="store_true", help="show only the failing cases and the summary"
    )
    test.set_defaults(handler=cmd_test)

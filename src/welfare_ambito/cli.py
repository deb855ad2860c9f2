"""The ``welfare-ambito`` command.

Exit codes: 0 success (no error finding), 1 error findings or discrepancies,
2 invalid input or usage. ``demo`` always exits 0: it shows the embedded
examples, one of which has deliberate mistakes. Invalid input prints every problem with its path,
never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from welfare_ambito.errors import InvalidInput, WelfareAmbitoError

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2

# Each subpackage that adds commands exposes ``register(subparsers)``.
_COMMAND_MODULES = (
    "welfare_ambito.rules.cli",
    "welfare_ambito.rules.profile_tools",
    "welfare_ambito.budget.cli",
    "welfare_ambito.testing.cli",
)


def print_invalid(error: WelfareAmbitoError, lang: str = "it", out: TextIO | None = None) -> None:
    """Print an input error: every problem on its own line, with its path."""
    stream = out if out is not None else sys.stderr
    if isinstance(error, InvalidInput):
        header = (
            f"Dati non validi: {len(error.errors)} problema/i"
            if lang == "it"
            else f"Invalid input: {len(error.errors)} problem(s)"
        )
        print(header, file=stream)
        for detail in error.errors:
            print(f"  {detail.path or '$'}: {detail.text(lang)}", file=stream)
    else:
        where = f"{error.path}: " if error.path else ""
        print(f"{where}{error.text(lang)}", file=stream)


def _demo(args: argparse.Namespace) -> int:
    from welfare_ambito.rules.cli import demo_reports

    return demo_reports(args)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available subcommand."""
    parser = argparse.ArgumentParser(
        prog="welfare-ambito",
        description="Check co-design plans of Italian Ambiti Territoriali Sociali against their notices.",
    )
    from welfare_ambito import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = subparsers.add_parser(
        "demo", help="check the embedded Seregno examples and print the reports"
    )
    demo.add_argument("--lang", choices=("it", "en"), default="it")
    demo.set_defaults(handler=_demo)
    for module_name in _COMMAND_MODULES:
        register: Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None] = (
            importlib.import_module(module_name).register
        )
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    >>> main(["profiles"])
    pippi-national
        P.I.P.P.I. — parametri nazionali del programma
    ...
    seregno-tutela-minori-2022
        Ambito di Seregno — Servizi per la Tutela Minori, 2022
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_INVALID
    try:
        return int(handler(args))
    except WelfareAmbitoError as error:
        print_invalid(error, getattr(args, "lang", "it"))
        return EXIT_INVALID


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The ``welfare-ambito schema KIND`` command: print a document's JSON Schema.

``register(subparsers)`` adds it to the main parser.

>>> from welfare_ambito.cli import main
>>> main(["schema", "--list"])
plan
ambito
...
budget-reconcile
0
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from welfare_ambito import i18n
from welfare_ambito._lang import Lang

i18n.define(
    "cli.schema.kind_missing",
    it="schema: indica il documento (KIND), uno tra: {kinds}",
    en="schema: name the document (KIND), one of: {kinds}",
)

__all__ = ["register"]


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``schema`` to an argparse ``subparsers`` object."""
    from welfare_ambito.schema import KINDS

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of a document (plan, profile, report…)",
        description="Print the JSON Schema (draft 2020-12) of a document the library reads "
        "or writes, for other languages' tools. Example: welfare-ambito schema plan -o plan.json",
    )
    parser.add_argument(
        "kind",
        nargs="?",
        choices=list(KINDS),
        metavar="KIND",
        help="the document: " + ", ".join(KINDS),
    )
    parser.add_argument("--list", action="store_true", help="list the document kinds")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.set_defaults(handler=_run)
    return parser


def _run(args: argparse.Namespace) -> int:
    from welfare_ambito.schema import KINDS, schema_text

    if args.list:
        print("\n".join(KINDS))
        return 0
    if args.kind is None:
        lang: Lang = "en" if getattr(args, "lang", "it") == "en" else "it"
        kinds = ", ".join(KINDS)
        sys.stderr.write(i18n.message("cli.schema.kind_missing", lang, kinds=kinds) + "\n")
        return 2
    text = schema_text(args.kind)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0

"""The ``welfare-ambito`` command.

Exit codes: 0 success (no error finding), 1 error findings or discrepancies,
2 invalid input or usage, 70 an internal error (a bug: a one-line message,
the traceback only with ``WELFARE_AMBITO_DEBUG=1``), 130 interrupted (Ctrl-C), 141 the reader of the output
went away (``welfare-ambito rules | head``: 128 + SIGPIPE, as a shell reports a
tool ended by a broken pipe; nothing is printed). ``demo`` exits 0: it shows the
embedded examples, one of which has deliberate mistakes. Invalid input prints
every problem with its path, never a traceback; with ``--format json`` the
problems are also written on standard output as a JSON document. ``-`` in
place of a file name reads standard input.

``--lang it|en`` is accepted before the command (for every command) or after it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import zipfile
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from welfare_ambito._lang import DEFAULT_LANG, LANG_HELP, LANGS, Lang, is_lang
from welfare_ambito.errors import ErrorDetail, InvalidInput, WelfareAmbitoError

__all__ = ["args_lang", "build_parser", "error_document", "main", "print_invalid"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

ERRORS_SCHEMA = "welfare-ambito/errors"
ERRORS_VERSION = 1

# Each subpackage that adds commands exposes ``register(subparsers)``.
_COMMAND_MODULES = (
    "welfare_ambito.rules.cli",
    "welfare_ambito.rules.profile_tools",
    "welfare_ambito.budget.cli",
    "welfare_ambito.testing.cli",
    "welfare_ambito._schema_cli",
    "welfare_ambito.tables.cli",
)


def _details(error: WelfareAmbitoError) -> list[ErrorDetail]:
    if isinstance(error, InvalidInput):
        return list(error.errors)
    return [ErrorDetail.from_error(error, error.path)]


def _where(detail: ErrorDetail, lang: Lang, document: str) -> str:
    """The location of ``detail`` as the user reads it; ``""`` when its message names the file.

    A file that cannot be read is named by its message (``impossibile leggere x.toml``):
    the document itself is not a plan, or any other kind, until it is read.
    """
    from welfare_ambito import i18n

    if detail.path in ("", "$") and detail.code == "file":
        return ""
    return i18n.location(detail.path, lang, document=document)


def print_invalid(
    error: WelfareAmbitoError,
    lang: Lang = "it",
    out: TextIO | None = None,
    *,
    document: str = "plan",
) -> None:
    """Print an input error: every problem on its own line, with its path.

    A problem in the document as a whole is placed at ``document``: its kind (one of
    :data:`welfare_ambito.i18n.DOCUMENTS`) or its file name.

    >>> import sys
    >>> from welfare_ambito.errors import InvalidValue
    >>> print_invalid(InvalidValue.of("empty", path="id"), "en", out=sys.stdout)
    id: must not be empty
    >>> from welfare_ambito._documents import read_text
    >>> try:
    ...     read_text("profiles/no.such.toml")
    ... except InvalidInput as exc:
    ...     print_invalid(exc, "en", out=sys.stdout)
    Invalid input: 1 problem
      cannot read profiles/no.such.toml: No such file or directory
    """
    from welfare_ambito import i18n

    stream = out if out is not None else sys.stderr
    if isinstance(error, InvalidInput):
        print(i18n.message("cli.invalid_input", lang, count=len(error.errors)), file=stream)
        for detail in error.errors:
            where = _where(detail, lang, document)
            print(
                f"  {where}: {detail.text(lang)}" if where else f"  {detail.text(lang)}",
                file=stream,
            )
    else:
        where = f"{i18n.location(error.path, lang, document=document)}: " if error.path else ""
        print(f"{where}{error.text(lang)}", file=stream)


def error_document(
    error: WelfareAmbitoError, lang: Lang = "it", *, document: str = "plan"
) -> dict[str, Any]:
    """The JSON form of an input error, written by ``--format json`` commands on exit 2.

    Every problem has its machine ``path``, a readable ``location`` (a problem in the
    whole document placed at ``document``, as :func:`print_invalid` does), a stable
    ``code`` and the ``message`` in ``lang``.

    >>> from welfare_ambito.errors import InvalidValue
    >>> doc = error_document(InvalidValue.of("empty", path="families[0].id"), "en")
    >>> doc["ok"], doc["errors"][0]["path"], doc["errors"][0]["location"]
    (False, 'families[0].id', '1st family › id')
    """

    return {
        "schema": ERRORS_SCHEMA,
        "version": ERRORS_VERSION,
        "ok": False,
        "lang": lang,
        "errors": [
            {
                "path": d.path,
                "location": _where(d, lang, document),
                "code": d.code,
                "message": d.text(lang),
            }
            for d in _details(error)
        ],
    }


def _demo(args: argparse.Namespace) -> int:
    from welfare_ambito.rules.cli import demo_reports

    return demo_reports(args)


def _completion(args: argparse.Namespace) -> int:
    from welfare_ambito._completion import completion_script

    sys.stdout.write(completion_script(build_parser(), args.shell))
    return EXIT_OK


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.append(sub)
                found += _subparsers(sub)
    return found


def _lang_everywhere(parser: argparse.ArgumentParser) -> None:
    """Give every command a ``--lang`` that only overrides the global one when written."""
    for sub in _subparsers(parser):
        action = sub._option_string_actions.get("--lang")
        if action is None:
            sub.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=LANG_HELP)
        else:
            action.default = argparse.SUPPRESS
            action.help = LANG_HELP


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available subcommand.

    >>> build_parser().parse_args(["--lang", "en", "profiles"]).lang
    'en'
    >>> build_parser().parse_args(["rules", "--lang", "en"]).lang
    'en'
    """
    from welfare_ambito import __version__

    parser = argparse.ArgumentParser(
        prog="welfare-ambito",
        description=(
            "Check co-design plans of Italian Ambiti Territoriali Sociali against their notices."
        ),
        epilog=(
            "Exit codes: 0 ok, 1 error findings, 2 invalid input or usage, "
            "130 interrupted, 141 output closed early. Use - for standard input."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="print the version"
    )
    parser.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help=LANG_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = subparsers.add_parser(
        "demo", help="check the embedded Seregno examples and print the reports"
    )
    demo.set_defaults(handler=_demo)
    for module_name in _COMMAND_MODULES:
        register: Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None] = (
            importlib.import_module(module_name).register
        )
        register(subparsers)
    completion = subparsers.add_parser(
        "completion",
        help="print a shell completion script",
        description=(
            "Print a completion script for bash or zsh. "
            'Bash: eval "$(welfare-ambito completion bash)" in ~/.bashrc; '
            'zsh: eval "$(welfare-ambito completion zsh)" in ~/.zshrc.'
        ),
    )
    completion.add_argument("shell", choices=("bash", "zsh"), help="the shell: bash or zsh")
    completion.set_defaults(handler=_completion)
    _lang_everywhere(parser)
    return parser


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both
        pass


def _run(args: argparse.Namespace, handler: Callable[[argparse.Namespace], int]) -> int:
    lang: Lang = args.lang
    try:
        code = int(handler(args))
        sys.stdout.flush()
        return code
    except WelfareAmbitoError as error:
        if getattr(args, "format", None) == "json":
            document = error_document(error, lang)
            sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
            sys.stdout.flush()
        print_invalid(error, lang)
        return EXIT_INVALID


def args_lang(argv: Sequence[str] | None) -> Lang:
    """The ``--lang`` written in ``argv`` (the default when none or a wrong one).

    Used to speak the user's language even when ``argv`` could not be parsed.

    >>> args_lang(["check", "plan.toml", "--lang", "en"]), args_lang(["--lang=fr"])
    ('en', 'it')
    """
    words = list(sys.argv[1:] if argv is None else argv)
    chosen: Lang = DEFAULT_LANG
    for before, word in zip(["", *words], words, strict=False):
        value = word.removeprefix("--lang=") if word.startswith("--lang=") else None
        if before == "--lang":
            value = word
        if is_lang(value):
            chosen = value
    return chosen


def _unreadable(key: str, lang: Lang, **params: object) -> str:
    from welfare_ambito import i18n

    return "welfare-ambito: " + i18n.message(f"cli.{key}", lang, **params)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises, never a traceback).

    >>> main(["profiles"])
    pippi-national
        P.I.P.P.I. — parametri nazionali del programma
    ...
    seregno-tutela-minori-2022
        Ambito di Seregno — Servizi per la Tutela Minori, 2022
    0
    """
    parser = build_parser()
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as exit_:  # usage errors (2), --help and --version (0)
            sys.stdout.flush()
            return exit_.code if isinstance(exit_.code, int) else EXIT_INVALID
        if not is_lang(getattr(args, "lang", None)):
            args.lang = DEFAULT_LANG
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return EXIT_INVALID
        return _run(args, handler)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except (RecursionError, MemoryError):
        print(_unreadable("too_large", args_lang(argv)), file=sys.stderr)
        return EXIT_INVALID
    except (OSError, UnicodeError, zipfile.BadZipFile) as exc:
        # A file that cannot be opened or decoded is bad input, whichever reader met it.
        reason = (
            f"{exc.strerror}: {exc.filename}"
            if isinstance(exc, OSError) and exc.strerror
            else type(exc).__name__
        )
        print(_unreadable("unreadable", args_lang(argv), reason=reason), file=sys.stderr)
        return EXIT_INVALID
    except Exception as exc:
        # A bug, not bad input: still no traceback; WELFARE_AMBITO_DEBUG=1 shows it.
        if os.environ.get("WELFARE_AMBITO_DEBUG"):
            raise
        print(
            f"welfare-ambito: internal error ({type(exc).__name__}); please report it "
            "with the command that caused it (WELFARE_AMBITO_DEBUG=1 shows the details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""A fuzz campaign through every document loader: mutated and generated documents.

Run: ``.venv/bin/python benchmarks/fuzz_campaign.py [COUNT] [SEED] [--cli N] [--processes N]``
(default 100,000 cases, seed 0; ``make fuzz``). Every document goes through the loader of
its kind; the only acceptable outcomes are a loaded object or a documented typed error
(:class:`welfare_ambito.InvalidInput` whose every detail has a message, or
:class:`welfare_ambito.NotFound`). Every command of the CLI that reads a file or an
argument then runs on mutated files (TOML, JSON, CSV, XLSX, in the encodings editors
save) and hostile arguments, in-process through ``main(argv)``: the exit code must be a
documented one (0, 1, 2, 141), nothing may print a traceback or run past
:data:`CASE_SECONDS`, and an exit 2 must say where the problem is. A sample, with zip and
whitespace bombs, XML entities and a huge cell, runs as real processes under an
address-space limit (:data:`PROCESS_MEMORY`). Anything else is printed with a reproducer
and makes the script exit 1. ``tests/test_fuzz.py`` runs the same engine at a size CI
affords.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import welfare_ambito as wa
from welfare_ambito._documents import parse_document
from welfare_ambito.errors import InvalidInput, NotFound, WelfareAmbitoError
from welfare_ambito.rules import Report, evaluate, load_profile
from welfare_ambito.rules.profiles import profile_ids
from welfare_ambito.testing.cases import load_cases, parse_cases

ROOT = Path(__file__).resolve().parent.parent

HOSTILE_TOKENS = (
    "[" * 2000,
    "{" * 2000,
    '{"a":' * 3000,
    "9" * 5000,
    "1e999999",
    "-1e999999999",
    "0.1",
    "nan",
    "inf",
    "NaN",
    "\ufeff",
    "\x00",
    "\x7f",
    "\ud7ff",
    '"',
    "'''",
    '"""',
    "\\",
    "\n[[families]]\n",
    "\n[x]\n[x]\n",
    "= =",
    "2023-02-30",
    "9999-12-31",
    "0000-01-01",
    "03/09/2012",
    "true",
    "-0",
    "1_000",
    "0x10",
    "<script>",
    "=cmd|' /C calc'!A0",
)

HOSTILE_VALUES: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    10**40,
    "9" * 5000,
    "1e999999",
    "0.1",
    0.1,
    "",
    " ",
    "x" * 10_000,
    [],
    [[[[[]]]]],
    {},
    {"a": {"b": {"c": 1}}},
    "2023-02-30",
    "03/09/2012",
    "9999-12-31",
    "Milano",
    "\x00",
)


def seeds() -> dict[str, list[str]]:
    """The texts mutated, by kind: plans (TOML, JSON), profiles, case files, reports."""
    plans = [wa.data.example_text(name) for name in wa.data.example_names()]
    plan_json = [wa.dumps(wa.data.example(name), "json") for name in wa.data.example_names()]
    from welfare_ambito.rules.profiles import _embedded_text

    profiles = [_embedded_text(pid) for pid in profile_ids()]
    cases = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.welfare.toml"))
    ]
    reports = [
        evaluate(wa.data.example(name), "seregno-pippi-2023").to_json()
        for name in ("pippi_seregno", "pippi_seregno_mistakes")
    ]
    return {
        "plan_toml": plans,
        "plan_json": plan_json,
        "profile": profiles,
        "cases": cases,
        "report": reports,
    }


# -- mutations ---------------------------------------------------------------------------


def mutate_text(text: str, rng: random.Random) -> str:
    """One to three random edits of ``text``: cut, copy, hostile insertion, byte noise."""
    for _ in range(rng.randint(1, 3)):
        size = len(text)
        at = rng.randrange(size + 1)
        choice = rng.randrange(7)
        if choice == 0 and size:
            end = min(size, at + rng.randint(1, 40))
            text = text[:at] + text[end:]
        elif choice == 1 and size:
            end = min(size, at + rng.randint(1, 200))
            text = text[:at] + text[at:end] * rng.randint(2, 4) + text[at:]
        elif choice == 2:
            text = text[:at] + rng.choice(HOSTILE_TOKENS) + text[at:]
        elif choice == 3:
            text = (
                text[:at]
                + chr(rng.choice((rng.randrange(0x80), rng.randrange(0x10FFFF))))
                + text[at:]
            )
        elif choice == 4:
            text = text[:at]
        elif choice == 5:
            lines = text.splitlines()
            if len(lines) > 2:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
                text = "\n".join(lines)
        else:
            digits = "".join(rng.choice("0123456789.-e") for _ in range(rng.randint(1, 12)))
            text = text[:at] + digits + text[at:]
    # Lone surrogates cannot be encoded: a real file cannot hold them.
    return text.encode("utf-8", "replace").decode("utf-8")


def leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in leaves(v, (*path, k))] or [path]
    if isinstance(node, list) and node:
        return [p for i, v in enumerate(node) for p in leaves(v, (*path, i))]
    return [path]


def mutate_tree(document: Any, rng: random.Random) -> tuple[Any, list[str]]:
    """Replace one to five leaves of a parsed ``document`` with hostile values.

    Returns the document and what was changed (``path = value``), for reproducers.
    """
    document = json.loads(json.dumps(document, default=str))
    paths = [p for p in leaves(document) if p]
    changes = []
    for path in rng.sample(paths, min(len(paths), rng.randint(1, 5))):
        node = document
        for part in path[:-1]:
            node = node[part]
        value = rng.choice(HOSTILE_VALUES)
        node[path[-1]] = value
        changes.append(f"{list(path)} = {value!r:.60}")
    return document, changes


# -- loaders -----------------------------------------------------------------------------


def _profile_file(text: str, folder: Path) -> Any:
    path = folder / "profile.toml"
    path.write_bytes(text.encode("utf-8", "replace"))
    return load_profile(str(path))


def _cases_file(text: str, folder: Path) -> Any:
    path = folder / "cases.welfare.toml"
    path.write_bytes(text.encode("utf-8", "replace"))
    return load_cases(path)


def text_loaders(folder: Path) -> dict[str, Callable[[str], Any]]:
    return {
        "plan_toml": lambda text: wa.loads(text),
        "plan_json": lambda text: wa.loads(text, "json"),
        "profile": lambda text: _profile_file(text, folder),
        "cases": lambda text: _cases_file(text, folder),
        "report": Report.from_json,
    }


TREE_LOADERS: dict[str, Callable[[Any], Any]] = {
    "plan_json": lambda doc: wa.load(doc),
    "profile": lambda doc: load_profile(doc),
    "cases": lambda doc: parse_cases(doc),
    "report": lambda doc: Report.from_dict(doc),
}


def judge(loader: Callable[[Any], Any], document: Any) -> str | BaseException:
    """``"ok"``, ``"typed"``, or the exception that should not have escaped."""
    try:
        loader(document)
    except InvalidInput as error:
        if error.errors and all(d.message and d.message_it for d in error.errors):
            return "typed"
        return error
    except NotFound:
        return "typed"
    except WelfareAmbitoError as error:
        return error  # a typed error, but not one the loaders document
    except Exception as error:  # the point is to catch everything
        return error
    return "ok"


def campaign(count: int, seed: int = 0, *, report: Callable[[str], None] = print) -> Counter[str]:
    """Run ``count`` documents; return the outcome counts (``failures`` among them)."""
    rng = random.Random(seed)
    texts = seeds()
    parsed = {
        "plan_json": [json.loads(t) for t in texts["plan_json"]],
        "report": [json.loads(t) for t in texts["report"]],
        "profile": [parse_document(t, "toml") for t in texts["profile"]],
        "cases": [parse_document(t, "toml") for t in texts["cases"]],
    }
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        loaders = text_loaders(Path(tmp))
        for _ in range(count):
            if rng.random() < 0.6:
                kind = rng.choice(sorted(texts))
                original = rng.choice(texts[kind])
                document: Any = mutate_text(original, rng)
                outcome = judge(loaders[kind], document)
                how = "text"
            else:
                kind = rng.choice(sorted(parsed))
                source = rng.randrange(len(parsed[kind]))
                document, changes = mutate_tree(parsed[kind][source], rng)
                outcome = judge(TREE_LOADERS[kind], document)
                how = "tree"
            if isinstance(outcome, BaseException):
                counts["failures"] += 1
                counts[f"failure {kind} {type(outcome).__name__}"] += 1
                if counts[f"failure {kind} {type(outcome).__name__}"] <= 3:
                    if how == "tree":
                        shown = f"seed document {kind}[{source}] with {'; '.join(changes)}"
                    else:
                        shown = repr(document[:1500])
                    report(
                        f"FAIL {kind} ({how}): {type(outcome).__name__}: {str(outcome)[:300]}\n"
                        f"  reproducer: {shown}"
                    )
            else:
                counts[f"{kind} {how} {outcome}"] += 1
            counts["documents"] += 1
    return counts


# -- the command line --------------------------------------------------------------------
#
# Every command that reads a file or an argument, driven through ``main(argv)`` in-process
# (fast) with mutated files and hostile arguments, and a sample through real processes
# under a time and address-space limit. The acceptable outcomes: an exit code in the
# documented set, no traceback, and on exit 2 a message that locates the problem (the
# file, a field path, a cell, or the argument argparse names).

DOCUMENTED_EXITS = frozenset({0, 1, 2, 141})
CASE_SECONDS = 20.0
"""An in-process case running longer than this is a hang."""
PROCESS_SECONDS = 60.0
PROCESS_MEMORY = 1536 * 2**20
"""Address-space limit of a sampled process: bounded memory, whatever the file."""

HOSTILE_DATES = (
    "2023-09-01",
    "01/09/2023",
    "9999-12-31",
    "0001-01-01",
    "2023-02-30",
    "31/02/2023",
    "not-a-day",
    "",
    "20230601",
    "1e999999",
    "-1",
    "\x00",
)
HOSTILE_AMOUNTS = (
    "430900",
    "430.900,00",
    "1.500",
    "1,000.00",
    "0",
    "-5",
    "0,001",
    "1e999999",
    "1e-999999",
    "9" * 5000,
    "nan",
    "inf",
    "€ 35.600,00",
    "-",
    "",
    "abc",
    "10" + "0" * 40,
)
HOSTILE_WORDS = (
    "",
    " ",
    "\x00",
    "x" * 10_000,
    "../../etc/passwd",
    "/dev/null",
    "-",
    "--",
    "<script>",
    "=cmd|' /C calc'!A0",
    "seregno-pippi-2023",
    "seregno-tutela-minori-2022",
    "pippi-national",
    "pippi.target.age_group",
    "Comune Piccolo",
    "é",
)
HOSTILE_SEPS = (";", ",", "\t", ";;", "", "\x00", "ab", '"', "\n", "|")
HOSTILE_ENCODINGS = ("utf-8", "cp1252", "latin-1", "utf-16", "rot13", "no-such-codec", "", "ascii")


def _families_csv() -> str:
    """The families of the embedded P.I.P.P.I. examples as an Italian CSV export."""
    from welfare_ambito.model._labels import LABELS_IT

    header = (
        "Famiglia;Comune;Minore;Data di nascita;Valutazione preliminare;Orientamento EM;"
        "Fiducia nei servizi;Abuso o maltrattamento grave;Allontanamento in corso;Fragilità"
    )
    label = {True: "sì", False: "no", None: ""}
    lines = [header]
    for name in ("pippi_seregno", "pippi_seregno_mistakes"):
        for family in wa.data.example(name).families:
            for child in family.children:
                cells = [
                    family.id,
                    family.comune or "",
                    child.id,
                    child.birth_date.strftime("%d/%m/%Y"),
                    LABELS_IT[family.pre_assessment] if family.pre_assessment else "",
                    LABELS_IT[family.em_orientation] if family.em_orientation else "",
                    label[family.trust_in_services],
                    label[family.abuse_or_severe_maltreatment],
                    label[family.removal_in_progress],
                    ", ".join(sorted(LABELS_IT[a] for a in family.adversities)),
                ]
                lines.append(";".join(cells))
    return "\r\n".join(lines) + "\r\n"


def _csv_as_xlsx(text: str, path: Path) -> None:
    import csv

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        sheet.append(row)
    book.save(path)


def cli_seeds(folder: Path) -> dict[str, list[Path]]:
    """The well-formed files each argument kind starts from, written into ``folder``."""
    from welfare_ambito.rules.profiles import _embedded_text
    from welfare_ambito.tables.workbook import write_plan_template

    folder.mkdir(parents=True, exist_ok=True)
    seeds: dict[str, list[Path]] = {}

    def put(kind: str, name: str, content: str | bytes) -> Path:
        path = folder / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        seeds.setdefault(kind, []).append(path)
        return path

    for name in wa.data.example_names():
        put("plan", f"{name}.toml", wa.data.example_text(name))
        put("plan", f"{name}.json", wa.dumps(wa.data.example(name), "json"))
    for name in ("pippi_seregno", "tutela_minori_seregno"):
        plan = wa.data.example(name)
        path = folder / f"{name}.xlsx"
        write_plan_template(path, programme=plan.programme.value, plan=plan)
        seeds.setdefault("plan", []).append(path)
    for pid in profile_ids():
        put("profile", f"{pid}.toml", _embedded_text(pid))
    for case_file in sorted((ROOT / "examples").glob("*.welfare.toml")):
        put("cases", case_file.name, case_file.read_text(encoding="utf-8"))
    families = _families_csv()
    put("families", "famiglie.csv", families)
    _csv_as_xlsx(families, folder / "famiglie.xlsx")
    seeds["families"].append(folder / "famiglie.xlsx")
    put("weights", "pesi.csv", "Comune Piccolo;950\r\nComune Grande;1.500\r\n")
    put("weights", "pesi_punto.csv", "name,weight\nBarlassina,44\nGiussano,129\n")
    table = (ROOT / "examples" / "rhodense_spesa_2011.csv").read_text(encoding="utf-8")
    put("table", "spesa.csv", table)
    _csv_as_xlsx(table, folder / "spesa.xlsx")
    seeds["table"].append(folder / "spesa.xlsx")
    put(
        "mapping",
        "mappatura.toml",
        '[columns]\n"Famiglia" = "family"\n\n[values.pre_assessment]\n"Alto" = "worrying"\n',
    )
    ambito = (ROOT / "src" / "welfare_ambito" / "data" / "ambiti" / "seregno.toml").read_text(
        encoding="utf-8"
    )
    put("ambito", "ambito.toml", ambito)
    sources = ROOT / "src" / "welfare_ambito" / "data" / "sources"
    put("source", "avviso.txt", (sources / "seregno-pippi-2023-avviso.txt").read_text("utf-8"))
    return seeds


def _encode(text: str, rng: random.Random) -> bytes:
    """``text`` as a file a user's editor may have saved: UTF-8, BOM, Windows-1252, UTF-16."""
    choice = rng.randrange(10)
    if choice == 0:
        return "\ufeff".encode() + text.encode("utf-8", "replace")
    if choice == 1:
        return text.encode("cp1252", "replace")
    if choice == 2:
        return text.encode("utf-16")
    if choice == 3:
        return text.replace("\n", "\r\n").encode("utf-8", "replace")
    return text.encode("utf-8", "replace")


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """Flip, cut or splice raw bytes (a damaged download)."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not data:
            break
        at = rng.randrange(len(data))
        choice = rng.randrange(3)
        if choice == 0:
            data[at] = rng.randrange(256)
        elif choice == 1:
            del data[at : at + rng.randint(1, 64)]
        else:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(data)


HOSTILE_CELLS: tuple[Any, ...] = (
    None,
    "",
    "=1+1",
    "=SUM(B2:B3)",
    '=HYPERLINK("http://x")',
    "x" * 40_000,
    "9" * 400,
    "1e999999",
    "1.500",
    "1,000.00",
    "31/02/2023",
    "03/09/2012",
    -1,
    10**20,
    0.1,
    float("nan"),
    True,
    "sì",
    "<script>",
    "\x01",
)


def _mutate_xlsx(seed: Path, target: Path, rng: random.Random) -> None:
    """Damage a workbook: raw bytes, an XML part's text, or cell values."""
    import zipfile

    choice = rng.randrange(3)
    if choice == 0:
        target.write_bytes(_mutate_bytes(seed.read_bytes(), rng))
        return
    if choice == 1:
        with zipfile.ZipFile(seed) as source, zipfile.ZipFile(target, "w") as out:
            names = source.namelist()
            victim = rng.choice([n for n in names if n.endswith(".xml")] or names)
            for name in names:
                data = source.read(name)
                if name == victim:
                    text = mutate_text(data.decode("utf-8", "replace"), rng)
                    if rng.random() < 0.2:
                        text = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + text
                    data = text.encode("utf-8", "replace")
                out.writestr(name, data)
        return
    from openpyxl import load_workbook

    book = load_workbook(seed)
    for _ in range(rng.randint(1, 6)):
        sheet = rng.choice(book.worksheets)
        row = rng.randint(1, max(2, sheet.max_row + 1))
        column = rng.randint(1, max(1, sheet.max_column + 1))
        value = rng.choice(HOSTILE_CELLS)
        try:
            sheet.cell(row=row, column=column).value = value
        except Exception:  # openpyxl refuses some values (control characters): keep the rest
            continue
    try:
        book.save(target)
    except Exception:  # a value openpyxl accepted but cannot write: damage the bytes instead
        target.write_bytes(_mutate_bytes(seed.read_bytes(), rng))


def hostile_file(kind: str, seeds: dict[str, list[Path]], folder: Path, rng: random.Random) -> Path:
    """A mutated copy of a seed of ``kind`` (or a fixed hostile path) in ``folder``."""
    roll = rng.random()
    if roll < 0.04:
        return folder  # a directory
    if roll < 0.07:
        return folder / "missing.toml"
    if roll < 0.09:
        return folder / ("x" * 300 + ".toml")
    seed = rng.choice(seeds[kind])
    suffix = seed.suffix if rng.random() < 0.9 else rng.choice((".toml", ".json", ".csv", ".xlsx"))
    target = folder / f"{kind}-{rng.randrange(10**9)}{suffix}"
    if seed.suffix == ".xlsx":
        _mutate_xlsx(seed, target, rng)
    elif rng.random() < 0.05:
        target.write_bytes(_mutate_bytes(seed.read_bytes(), rng))
    else:
        target.write_bytes(_encode(mutate_text(seed.read_text(encoding="utf-8"), rng), rng))
    return target


class CliCase:
    """One command line: ``argv``, what standard input holds, and the command's name."""

    def __init__(self, command: str, argv: list[str], stdin: bytes = b"") -> None:
        self.command = command
        self.argv = argv
        self.stdin = stdin

    def __repr__(self) -> str:
        shown = [a if len(a) < 80 else a[:60] + f"…({len(a)})" for a in self.argv]
        return f"welfare-ambito {' '.join(map(repr, shown))}" + (
            f" < {len(self.stdin)} bytes" if self.stdin else ""
        )


def _maybe(rng: random.Random, p: float, *words: str) -> list[str]:
    return list(words) if rng.random() < p else []


def _profile_arg(rng: random.Random, seeds: dict[str, list[Path]], folder: Path) -> str:
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(profile_ids())
    if roll < 0.8:
        return str(hostile_file("profile", seeds, folder, rng))
    return rng.choice(HOSTILE_WORDS)


def _output(rng: random.Random, folder: Path, suffixes: tuple[str, ...]) -> str:
    roll = rng.random()
    if roll < 0.05:
        return str(folder)
    if roll < 0.08:
        return str(folder / "no" / "such" / "dir" / "out.csv")
    if roll < 0.1:
        return "-"
    return str(folder / f"out-{rng.randrange(10**9)}{rng.choice(suffixes)}")


def _stdin_or_file(
    kind: str, rng: random.Random, seeds: dict[str, list[Path]], folder: Path
) -> tuple[str, bytes]:
    path = hostile_file(kind, seeds, folder, rng)
    if rng.random() < 0.1 and path.suffix != ".xlsx" and len(path.name) < 200 and path.is_file():
        return "-", path.read_bytes()
    return str(path), b""


def cli_case(
    rng: random.Random, seeds: dict[str, list[Path]], folder: Path, command: str | None = None
) -> CliCase:
    """A random command line of ``command`` (default: any that reads a file or an argument)."""
    lang = _maybe(rng, 0.3, "--lang", rng.choice(("it", "en", "fr")))
    command = command or rng.choice(COMMANDS)
    if command == "check":
        plan, stdin = _stdin_or_file("plan", rng, seeds, folder)
        fmt = rng.choice(("text", "markdown", "json", "html", "xlsx", "yaml"))
        argv = ["check", plan, "--format", fmt]
        argv += _maybe(rng, 0.4, "--profile", _profile_arg(rng, seeds, folder))
        argv += _maybe(rng, 0.3, "--on", rng.choice(HOSTILE_DATES))
        argv += _maybe(
            rng,
            0.2,
            "--set",
            rng.choice(("pippi.sedt.min_weekly_hours", "x", "", "a.b"))
            + "="
            + rng.choice(HOSTILE_AMOUNTS),
        )
        argv += _maybe(rng, 0.3, "-o", _output(rng, folder, (".txt", ".xlsx", ".json", "")))
        argv += _maybe(rng, 0.2, "-v")
        return CliCase(command, argv + lang, stdin)
    if command == "demo":
        return CliCase(command, ["demo", *lang])
    if command in ("rules", "explain", "profiles"):
        argv = [command]
        if command == "explain":
            argv.append(rng.choice(("pippi.sedt.min_weekly_hours", *HOSTILE_WORDS)))
        if command != "profiles":
            argv += _maybe(rng, 0.6, "--profile", _profile_arg(rng, seeds, folder))
        if command == "rules":
            argv += _maybe(rng, 0.5, "--format", rng.choice(("text", "markdown", "json")))
        return CliCase(command, argv + lang)
    if command in ("profile verify", "profile lint"):
        argv = [*command.split(), _profile_arg(rng, seeds, folder)]
        argv += _maybe(rng, 0.3, "--source", str(hostile_file("source", seeds, folder, rng)))
        if command == "profile verify":
            argv += _maybe(rng, 0.3, "-v")
        return CliCase(command, argv + lang)
    if command == "profile new":
        argv = ["profile", "new"]
        argv += _maybe(rng, 0.5, "--extends", _profile_arg(rng, seeds, folder))
        argv += _maybe(rng, 0.5, "--ambito", str(hostile_file("ambito", seeds, folder, rng)))
        return CliCase(command, argv + lang)
    if command == "plan new":
        return CliCase(command, ["plan", "new", "--profile", _profile_arg(rng, seeds, folder)])
    if command == "plan template":
        argv = ["plan", "template", rng.choice(("pippi", "tutela", "x"))]
        argv += ["-o", _output(rng, folder, (".xlsx", ".csv", ""))]
        argv += _maybe(rng, 0.3, "--profile", _profile_arg(rng, seeds, folder))
        return CliCase(command, argv + lang)
    if command == "budget split":
        argv = ["budget", "split", rng.choice(HOSTILE_AMOUNTS)]
        stdin = b""
        if rng.random() < 0.5:
            pairs = [
                f"{rng.choice(HOSTILE_WORDS[:12])}={rng.choice(HOSTILE_AMOUNTS)}"
                for _ in range(rng.randint(1, 4))
            ]
            argv += ["--weights", *pairs]
        else:
            weights, stdin = _stdin_or_file("weights", rng, seeds, folder)
            argv += ["--weights-file", weights]
        argv += _maybe(
            rng, 0.5, "--method", rng.choice(("largest_remainder", "webster", "equal", "fixed"))
        )
        argv += _maybe(rng, 0.2, "--minimum", rng.choice(HOSTILE_AMOUNTS))
        argv += _maybe(rng, 0.2, "--maximum", rng.choice(HOSTILE_AMOUNTS))
        argv += _budget_output(rng, folder)
        return CliCase(command, argv + lang, stdin)
    if command == "budget phase":
        period = rng.choice(
            (
                "2023-06-01/2026-05-31",
                "2023-06/2026-05",
                "9999-12/9999-12",
                "0001-01-01/9999-12-31",
                "2023-13/2023-01",
                "x/y",
                "",
                "/",
                "01/06/2023/31/05/2026",
            )
        )
        argv = ["budget", "phase", rng.choice(HOSTILE_AMOUNTS), period]
        argv += _maybe(rng, 0.5, "--by", rng.choice(("month", "semester", "year", "calendar_year")))
        argv += _maybe(rng, 0.3, "--basis", rng.choice(("days", "months")))
        argv += _budget_output(rng, folder)
        return CliCase(command, argv + lang)
    if command == "budget reconcile":
        table, stdin = _stdin_or_file("table", rng, seeds, folder)
        argv = ["budget", "reconcile", table]
        argv += _maybe(rng, 0.2, "--sep", rng.choice(HOSTILE_SEPS))
        argv += _maybe(rng, 0.1, "--sheet", rng.choice(("Sheet", "Foglio1", *HOSTILE_WORDS[:5])))
        argv += _maybe(rng, 0.2, "--no-total-row")
        argv += _maybe(rng, 0.2, "--no-total-column")
        argv += _budget_output(rng, folder)
        return CliCase(command, argv + lang, stdin)
    if command == "test":
        files = [_stdin_or_file("cases", rng, seeds, folder) for _ in range(rng.randint(1, 2))]
        stdin = next((data for _, data in files if data), b"")
        return CliCase(
            command, ["test", *(f for f, _ in files), *_maybe(rng, 0.3, "-q"), *lang], stdin
        )
    if command == "schema":
        argv = ["schema"]
        argv += _maybe(
            rng, 0.8, rng.choice(("plan", "profile", "report", "budget-split", "cases", "x", ""))
        )
        argv += _maybe(rng, 0.1, "--list")
        argv += _maybe(rng, 0.3, "-o", _output(rng, folder, (".json", "")))
        return CliCase(command, argv + lang)
    if command == "assess":
        families, stdin = _stdin_or_file("families", rng, seeds, folder)
        argv = ["assess", families, "--on", rng.choice(HOSTILE_DATES)]
        argv += ["-o", _output(rng, folder, (".csv", ".xlsx", ".json", ".txt"))]
        argv += _maybe(rng, 0.2, "--format", rng.choice(("csv", "xlsx", "json")))
        argv += _maybe(rng, 0.3, "--profile", _profile_arg(rng, seeds, folder))
        argv += _maybe(rng, 0.2, "--encoding", rng.choice(HOSTILE_ENCODINGS))
        argv += _maybe(rng, 0.2, "--sep", rng.choice(HOSTILE_SEPS))
        argv += _maybe(rng, 0.1, "--sheet", rng.choice(("Sheet", *HOSTILE_WORDS[:5])))
        argv += _maybe(rng, 0.2, "--mapping", str(hostile_file("mapping", seeds, folder, rng)))
        return CliCase(command, [*argv, "--no-progress", *lang], stdin)
    return CliCase(command, ["completion", rng.choice(("bash", "zsh", "fish", ""))])


def _budget_output(rng: random.Random, folder: Path) -> list[str]:
    fmt = rng.choice(("text", "json", "csv", "xlsx"))
    argv = ["--format", fmt]
    if fmt == "xlsx" or rng.random() < 0.2:
        argv += ["-o", _output(rng, folder, (".xlsx", ".csv", ".json", ""))]
    return argv


COMMANDS = (
    "check",
    "check",
    "check",
    "demo",
    "rules",
    "explain",
    "profiles",
    "profile verify",
    "profile lint",
    "profile new",
    "plan new",
    "plan template",
    "budget split",
    "budget split",
    "budget phase",
    "budget reconcile",
    "budget reconcile",
    "test",
    "schema",
    "assess",
    "assess",
    "completion",
)
"""The commands, the ones reading user files more often."""

ALL_COMMANDS = tuple(dict.fromkeys(COMMANDS))
"""Every command the campaign drives, once each."""


class Hang(BaseException):
    """Raised by the alarm in a case that ran past :data:`CASE_SECONDS`."""


class _Kept(io.BytesIO):
    """A byte buffer that keeps what was written when the command closes its stream."""

    def close(self) -> None:
        """Keep the buffer readable."""


class CliOutcome:
    """What a command line did: exit code, standard output and error, seconds taken."""

    def __init__(self, code: int | None, out: str, err: str, seconds: float) -> None:
        self.code = code
        self.out = out
        self.err = err
        self.seconds = seconds


def run_in_process(case: CliCase, seconds: float = CASE_SECONDS) -> CliOutcome | BaseException:
    """Run ``case`` through ``main(argv)``; the escaped exception if one escaped."""
    import signal

    from welfare_ambito.cli import main as cli_main

    out, err = _Kept(), _Kept()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    sys.stdin = io.TextIOWrapper(io.BytesIO(case.stdin), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", errors="replace")
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", errors="replace")

    def alarm(signum: int, frame: Any) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.perf_counter()
    try:
        try:
            code: int | None = cli_main(case.argv)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 2
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(ValueError):  # closed by the command: the text is kept
                stream.flush()
    except BaseException as escaped:  # the point is to catch everything, Hang too
        # What the interrupted command left half done (an open workbook writer) is
        # collected now, while its noise still goes to this case's buffers.
        gc.collect()
        return escaped
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
    return CliOutcome(
        code,
        out.getvalue().decode("utf-8", "replace"),
        err.getvalue().decode("utf-8", "replace"),
        time.perf_counter() - started,
    )


GENERIC_PREFIXES = frozenset({"welfare-ambito", "errore", "error", "Traceback"})
"""Words that lead a message without saying where the problem is."""


def located(case: CliCase, outcome: CliOutcome) -> bool:
    """Whether an exit-2 message says where the problem is.

    It names the file (or standard input), a field path or cell (``  where: what`` lines
    under «Dati non validi», or ``[where]`` in the budget commands' one-line errors), the
    argument's value, or the argument itself (argparse's usage error).
    """
    text = outcome.err + outcome.out
    if "usage:" in text or '"path"' in outcome.out:
        return True
    if re.search(r"\[[^\]]+\]", text):
        return True
    if any(line.startswith("  ") and ": " in line for line in text.splitlines()):
        return True
    first = text.strip().split(": ", 1)[0]
    if ": " in text and first not in GENERIC_PREFIXES and re.fullmatch(r"[\w.\[\]!:/ -]+", first):
        return True  # a one-line error led by its path: «output: …», «sep: …»
    named = {"stdin", "standard input", "standard"} if "-" in case.argv else set()
    for word in case.argv[1:]:
        if word:
            named.add(repr(word))  # echoed as the message quotes it: ' ', '-', '\x00'
        if word.startswith("-") or not word.strip():
            continue
        # a long name is shortened in messages: its first characters name it
        named |= {word[:60], repr(word).strip("'")[:60], Path(word).name[:60]}
    if "" in case.argv[1:] and "''" in text:  # an empty argument, echoed
        return True
    return any(name in text for name in named if len(name) > 1)


def judge_cli(case: CliCase, outcome: CliOutcome | BaseException) -> str | None:
    """``None`` if the command behaved, else the class of defect it showed."""
    if isinstance(outcome, Hang):
        return "hang"
    if isinstance(outcome, BaseException):
        return f"escaped {type(outcome).__name__}"
    if outcome.code not in DOCUMENTED_EXITS:
        return f"exit {outcome.code}"
    if "Traceback" in outcome.err or "Traceback (most recent" in outcome.out:
        return "traceback"
    if outcome.code == 2 and not outcome.err.strip() and not outcome.out.strip():
        return "silent exit 2"
    if outcome.code == 2 and not located(case, outcome):
        return "exit 2 without a location"
    return None


def cli_campaign(
    count: int,
    seed: int = 0,
    *,
    report: Callable[[str], None] = print,
    every_command: bool = False,
    seconds: float = CASE_SECONDS,
    progress: Callable[[str], None] | None = None,
) -> Counter[str]:
    """Run ``count`` command lines in-process; return the outcome counts.

    ``every_command`` takes the commands in turn (each gets its share) instead of at
    random; ``seconds`` is how long a case may run before it counts as a hang;
    ``progress`` hears how far the campaign is every 1,000 command lines.
    """
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        folder = Path(tmp)
        seeds = cli_seeds(folder / "seeds")
        work = folder / "work"
        for number in range(count):
            if number % 200 == 0:  # keep the folder small: mutated files are one-shot
                import shutil

                shutil.rmtree(work, ignore_errors=True)
                work.mkdir()
                for stray in Path(tmp).iterdir():  # outputs named by a relative path
                    if stray.name in ("seeds", "work"):
                        continue
                    if stray.is_dir():
                        shutil.rmtree(stray, ignore_errors=True)
                    else:
                        stray.unlink(missing_ok=True)
            command = ALL_COMMANDS[number % len(ALL_COMMANDS)] if every_command else None
            case = cli_case(rng, seeds, work, command)
            outcome = run_in_process(case, seconds)
            defect = judge_cli(case, outcome)
            counts["command lines"] += 1
            if progress is not None and (number + 1) % 1000 == 0:
                progress(
                    f"… {number + 1:,} command lines, {counts['failures']:,} failures, "
                    f"{time.perf_counter() - started:,.0f} s"
                )
            if defect is None:
                assert isinstance(outcome, CliOutcome)
                counts[f"cli {case.command} exit {outcome.code}"] += 1
                continue
            counts["failures"] += 1
            key = f"failure cli {case.command}: {defect}"
            counts[key] += 1
            if counts[key] <= 3:
                if isinstance(outcome, CliOutcome):
                    said = (outcome.err.strip() or outcome.out.strip())[-600:]
                else:
                    said = f"{type(outcome).__name__}: {str(outcome)[:300]}"
                report(f"FAIL {key}\n  reproducer: {case!r}\n  said: {said}")
    return counts


# -- real processes: no traceback, never a hang, bounded memory -------------------------------


def bombs(folder: Path) -> list[Path]:
    """Hostile workbooks: a zip bomb of whitespace, a DTD, a non-zip; a huge CSV cell."""
    import zipfile

    folder.mkdir(parents=True, exist_ok=True)
    seed = folder / "seed.xlsx"
    _csv_as_xlsx(_families_csv(), seed)
    made: list[Path] = []
    bomb = folder / "bomb.xlsx"
    with zipfile.ZipFile(seed) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            if name.endswith("sheet1.xml"):
                with out.open(name, "w", force_zip64=True) as member:
                    member.write(b'<?xml version="1.0"?><worksheet>')
                    chunk = b" " * 2**20
                    for _ in range(600):  # 600 MB of whitespace, about 600 KB packed
                        member.write(chunk)
                    member.write(b"</worksheet>")
            else:
                out.writestr(name, source.read(name))
    made.append(bomb)
    dtd = folder / "entities.xlsx"
    with zipfile.ZipFile(seed) as source, zipfile.ZipFile(dtd, "w") as out:
        for name in source.namelist():
            data = source.read(name)
            if name.endswith("sheet1.xml"):
                laughs = b'<!DOCTYPE l [<!ENTITY a "' + b"a" * 100 + b'">'
                laughs += b"".join(
                    b'<!ENTITY a%d "&a%s;&a%s;">'
                    % (i, b"" if i == 1 else b"%d" % (i - 1), b"" if i == 1 else b"%d" % (i - 1))
                    for i in range(1, 30)
                )
                data = data.replace(b"<worksheet", laughs + b"]><worksheet", 1)
            out.writestr(name, data)
    made.append(dtd)
    not_zip = folder / "not-a-zip.xlsx"
    not_zip.write_bytes(b"PK\x03\x04" + b"\x00" * 1000)
    made.append(not_zip)
    cell = folder / "huge-cell.csv"
    cell.write_text("Famiglia;Data di nascita\nF01;" + "9" * 200_000 + "\n", encoding="utf-8")
    made.append(cell)
    nested = folder / "nested.json"
    nested.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    made.append(nested)
    return made


def bomb_cases(paths: list[Path], folder: Path) -> list[CliCase]:
    """Every command that reads a file, on every hostile file."""
    cases = []
    for path in paths:
        name = str(path)
        cases += [
            CliCase("check", ["check", name]),
            CliCase("assess", ["assess", name, "--on", "2023-09-01", "-o", str(folder / "r.csv")]),
            CliCase("budget reconcile", ["budget", "reconcile", name]),
            CliCase("budget split", ["budget", "split", "100", "--weights-file", name]),
            CliCase("test", ["test", name]),
            CliCase("rules", ["rules", "--profile", name]),
        ]
    return cases


def run_process(case: CliCase, seconds: float = PROCESS_SECONDS) -> CliOutcome | BaseException:
    """Run ``case`` as ``python -m welfare_ambito`` under a time and address-space limit."""
    import os
    import resource
    import subprocess

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (PROCESS_MEMORY, PROCESS_MEMORY))

    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("WELFARE_AMBITO_DEBUG", None)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "welfare_ambito", *case.argv],
            input=case.stdin,
            capture_output=True,
            timeout=seconds,
            preexec_fn=limit,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Hang(f"still running after {seconds} s")
    code = done.returncode if done.returncode >= 0 else 128 - done.returncode
    return CliOutcome(
        code,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        time.perf_counter() - started,
    )


def process_campaign(
    count: int, seed: int = 0, *, report: Callable[[str], None] = print
) -> Counter[str]:
    """``count`` random command lines plus every hostile file, each in a real process."""
    import resource

    rng = random.Random(seed + 7919)
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        folder = Path(tmp)
        seeds = cli_seeds(folder / "seeds")
        work = folder / "work"
        work.mkdir()
        cases = bomb_cases(bombs(folder / "bombs"), work)
        cases += [cli_case(rng, seeds, work) for _ in range(count)]
        # A NUL cannot be passed to a process (no shell can type it): in-process only.
        cases = [c for c in cases if not any("\x00" in word for word in c.argv)]
        slowest = 0.0
        for case in cases:
            outcome = run_process(case)
            defect = judge_cli(case, outcome)
            counts["processes"] += 1
            if isinstance(outcome, CliOutcome):
                slowest = max(slowest, outcome.seconds)
            if defect is None:
                continue
            counts["failures"] += 1
            key = f"failure process {case.command}: {defect}"
            counts[key] += 1
            if counts[key] <= 3:
                said = (
                    (outcome.err.strip() or outcome.out.strip())[-600:]
                    if isinstance(outcome, CliOutcome)
                    else str(outcome)
                )
                report(f"FAIL {key}\n  reproducer: {case!r}\n  said: {said}")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        counts["process peak RSS MB"] = peak // 1024
        counts["process slowest seconds"] = int(slowest + 0.999)
    return counts


def main() -> int:
    """``fuzz_campaign.py [COUNT] [SEED] [--cli N] [--processes N]``.

    COUNT (default 100,000) cases in all: N command lines in-process (default a fifth),
    the rest documents through the loaders; then N real processes (default 200) plus
    every hostile file, under a time and address-space limit.
    """
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("seed", nargs="?", type=int, default=0)
    parser.add_argument("--cli", type=int, default=None, help="command lines in-process")
    parser.add_argument("--processes", type=int, default=200, help="sampled real processes")
    options = parser.parse_args()
    cli = options.count // 5 if options.cli is None else options.cli
    started = time.perf_counter()

    def show(part: Counter[str], title: str) -> None:
        print(f"== {title}", flush=True)
        for key, value in sorted(part.items()):
            print(f"{key:60} {value:>9,}", flush=True)

    counts = campaign(max(0, options.count - cli), options.seed)
    show(counts, "documents through the loaders")
    documents_done = time.perf_counter()
    lines = cli_campaign(cli, options.seed, progress=lambda line: print(line, flush=True))
    show(lines, "command lines in-process")
    counts.update(lines)
    cli_done = time.perf_counter()
    processes = process_campaign(options.processes, options.seed)
    show(processes, "real processes")
    counts.update(processes)
    finished = time.perf_counter()
    print("== all", flush=True)
    for key, value in sorted(counts.items()):
        print(f"{key:60} {value:>9,}")
    print(f"{'seconds: documents':60} {documents_done - started:>9.1f}")
    print(f"{'seconds: command lines in-process':60} {cli_done - documents_done:>9.1f}")
    print(f"{'seconds: processes':60} {finished - cli_done:>9.1f}")
    return 1 if counts["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())

"""A fuzz campaign through every document loader: mutated and generated documents.

Run: ``.venv/bin/python benchmarks/fuzz_campaign.py [COUNT] [SEED]`` (default 100,000
documents, seed 0). Every document goes through the loader of its kind; the only
acceptable outcomes are a loaded object or a documented typed error
(:class:`welfare_ambito.InvalidInput` whose every detail has a message, or
:class:`welfare_ambito.NotFound`). Anything else is printed with a reproducer and makes
the script exit 1. ``tests/test_fuzz.py`` runs the same engine at a size CI affords.
"""

from __future__ import annotations

import json
import random
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


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    started = time.perf_counter()
    counts = campaign(count, seed)
    elapsed = time.perf_counter() - started
    for key, value in sorted(counts.items()):
        print(f"{key:45} {value:>9,}")
    print(f"{'seconds':45} {elapsed:>9.1f}")
    return 1 if counts["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())

"""Every message of every rule speaks one language: no word of the other, no plural slips."""

from __future__ import annotations

import re
import warnings
from decimal import Decimal

import pytest

from welfare_ambito import data, i18n
from welfare_ambito.convert import unstructure
from welfare_ambito.rules.engine import evaluate
from welfare_ambito.rules.profiles import profile_ids

# Small stop-word lists: words that belong to one language only.
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "is",
        "are",
        "not",
        "with",
        "hours",
        "hour",
        "error",
        "errors",
        "warning",
        "warnings",
        "shortfall",
        "missing",
        "notice",
        "from",
        "between",
        "must",
        "none",
        "stated",
        "caseload",
        "line",
        "scope",
        "amount",
        "family",
        "families",
        "children",
        "child",
        "plan",
        "excess",
        "only",
        "more",
        "than",
        "per_week",
        "allowed",
    ]
)
_ITALIAN = frozenset(
    [
        "il",
        "lo",
        "gli",
        "della",
        "delle",
        "dei",
        "degli",
        "del",
        "nel",
        "nella",
        "non",
        "è",
        "ore",
        "ora",
        "famiglia",
        "famiglie",
        "mancanti",
        "errore",
        "errori",
        "avviso",
        "avvisi",
        "minimo",
        "massimo",
        "previsti",
        "previste",
        "dichiarati",
        "dichiarate",
        "sono",
        "con",
        "che",
        "nessun",
        "nessuna",
        "oppure",
        "dal",
        "al",
        "fino",
        "piano",
        "superata",
    ]
)
# Names of Italian institutions and documents, used as names in English too.
_NAMES = re.compile(
    r"Ufficio di Piano|Tutela Minori|Terzo Settore|Ministero[^.;,]*|Regione Lombardia|"
    r"Piano di Zona|Ambito di \w+|P\.I\.P\.P\.I\.|Comune di \w+"
)
# «quotes» of the notice, 'names', "names" and “labels” of a profile's readings: not prose.
_ENGLISH_NON = re.compile(r"\bnon-(?=[a-z])")
_QUOTED = re.compile(r"«[^»]*»|'[^']*'|\"[^\"]*\"|“[^”]*”")
_IDENTIFIERS = re.compile(r"\b\w+(?:\.\w+)+\b")  # rule and parameter ids: not prose
_PLURAL_SLIPS = re.compile(
    r"(?<![\d.,])1 (?:avvisi|errori|problemi|esiti|ore|casi|famiglie|giorni|mesi|anni|"
    r"warnings|errors|problems|findings|hours|cases|families|days|months|years)\b|"
    r"\(s\)|/i\b"
)


def leaks(text: str, lang: str) -> list[str]:
    """The words of the other language in ``text`` (quotes and proper names set aside)."""
    text = _IDENTIFIERS.sub(" ", _QUOTED.sub(" ", _NAMES.sub(" ", text)))
    if lang == "en":
        text = _ENGLISH_NON.sub("", text)  # "non-negative" is English, not the Italian «non»
    words = {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ_]+", text)}
    other = _ENGLISH if lang == "it" else _ITALIAN
    found = sorted(words & other)
    found += _PLURAL_SLIPS.findall(text)
    return found


def _strings(value: object) -> set[str]:
    if isinstance(value, str):
        return {value} if value.strip() else set()
    if isinstance(value, dict):
        return set().union(*(_strings(v) for v in value.values()))
    if isinstance(value, list | tuple):
        return set().union(*(_strings(v) for v in value))
    return set()


def _without(text: str, strings: list[str]) -> str:
    text = _IDENTIFIERS.sub(" ", text)
    for item in strings:
        if len(item) > 2 or not item.isalpha():
            text = text.replace(item, " ")
        else:
            text = re.sub(rf"\b{re.escape(item)}\b", " ", text)
    return text


def _texts(lang: str) -> dict[str, str]:
    """Every rendered message of every embedded example under every embedded profile."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from welfare_ambito.testing import strategies

    texts: dict[str, str] = {}

    def collect(plan: object) -> None:
        # Ids and free text come from the plan, in no language: set them aside.
        own = sorted(_strings(unstructure(plan)), key=len, reverse=True)
        for profile in profile_ids():
            try:
                report = evaluate(plan, profile, lang=lang)
            except Exception:
                continue
            for f in report.findings:
                for part in (f.message, f.condition, f.note):
                    if part:
                        texts.setdefault(f"{f.rule} {f.outcome.value}: {part}", _without(part, own))
            # Source and provenance lines quote Italian documents by their Italian titles
            # and sections.
            rendered = "\n".join(
                line
                for line in report.to_text(verbose=True).splitlines()
                if not line.lstrip().startswith(("fonte:", "source:", "valori:", "values:"))
            )
            texts.setdefault(f"report {report.plan} {profile}", _without(rendered, own))

    for name in data.example_names():
        collect(data.example(name))

    @settings(
        max_examples=25, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(st.one_of(strategies.plans(), strategies.plans(profile="seregno-pippi-2023")))
    def more(plan: object) -> None:
        collect(plan)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        more()
    return texts


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_rule_message_speaks_one_language(lang: str) -> None:
    """Messages, conditions, notes and whole reports contain no word of the other language."""
    problems = {key: leaks(text, lang) for key, text in _texts(lang).items()}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, "\n".join(f"{k[:160]}: {v}" for k, v in sorted(problems.items())[:40])


@pytest.mark.parametrize("key", [k for k in i18n.message_keys() if k.startswith("unit.")])
@pytest.mark.parametrize("lang", ["it", "en"])
def test_units_agree_with_their_count(key: str, lang: str) -> None:
    """1 takes the singular, 0, 2, 1.5 and 1.0 the plural, in both languages."""
    one = i18n.quantity(key, 1, lang)  # type: ignore[arg-type]
    assert not _PLURAL_SLIPS.search(one), one
    assert not leaks(one, lang)
    for count in (0, 2, 1000, Decimal("1.5"), Decimal("1.0")):
        many = i18n.quantity(key, count, lang)  # type: ignore[arg-type]
        assert not leaks(many, lang), many
        if key not in ("unit.needs_review",) or lang == "en":
            assert many.split(" ", 1)[1] != one.split(" ", 1)[1] or lang == "en"


def test_the_leak_detector_finds_leaks() -> None:
    """The detector itself: English in Italian, Italian in English, and plural slips."""
    assert leaks("the CSV text non contiene righe", "it") == ["the"]
    assert "ore" in leaks("Shortfall: 2 ore", "en")
    assert "1 avvisi" in leaks("12 errori, 1 avvisi", "it")
    assert leaks("«il target» of the Ufficio di Piano", "en") == []


@pytest.mark.parametrize("lang", ["it", "en"])
def test_budget_view_speaks_its_language(lang: str) -> None:
    """The notebook view of a budget: headers, totals and amounts in the view's language."""
    from welfare_ambito.budget.view import budget_view

    view = budget_view(data.tutela_minori_budget(), lang=lang)  # type: ignore[arg-type]
    text = str(view)
    html = view._repr_html_()
    if lang == "it":
        assert text.startswith("voce")
        assert "€ 430.900,00" in text
        assert "totale" in text
        assert "I conti tornano." in html
    else:
        assert text.startswith("line")
        assert "€ 430,900.00" in text
        assert "The figures add up." in html
    assert not leaks(text.split("\n", 1)[0], lang)

"""``closest_passage`` stays bounded on hostile quotes and finds what the exhaustive search finds.

The oracle below is the exhaustive search the function used before it was bounded: every
passage of the quote's length (±1 word) compared letter by letter. On doctored quotes of
the embedded notices both must agree; on a long unmatched quote the bounded one must
compare a bounded number of passages (the exhaustive one took minutes).
"""

from __future__ import annotations

import difflib
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from welfare_ambito.citations import normalise_text
from welfare_ambito.rules import profile_tools
from welfare_ambito.rules.profile_tools import QUOTE_WORDS_COMPARED, closest_passage

SOURCES = sorted(
    (Path(profile_tools.__file__).resolve().parent.parent / "data" / "sources").glob("*.txt")
)
TEXTS = {path.stem: path.read_text(encoding="utf-8") for path in SOURCES}


def exhaustive(quote: str, text: str) -> tuple[str, float]:
    """Every passage of the quote's length (±1 word) compared letter by letter."""
    wanted = normalise_text(quote)
    words = normalise_text(text).split(" ")
    size = max(1, len(wanted.split(" ")))
    best, best_ratio = "", 0.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for width in (size - 1, size, size + 1):
        if width < 1:
            continue
        for start in range(max(1, len(words) - width + 1)):
            passage = " ".join(words[start : start + width])
            matcher.set_seq1(passage)
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = passage, ratio
    return best, best_ratio


def test_the_notices_are_there() -> None:
    assert len(TEXTS) >= 5
    assert all(len(text.split()) > 500 for text in TEXTS.values())


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_a_doctored_quote_of_a_real_notice_finds_its_sentence_or_one_as_alike(
    data: st.DataObject,
) -> None:
    """A quote of a notice with a few words changed: the passage shown is the notice's own
    sentence, or one at least as alike (what the exhaustive search guarantees)."""
    name = data.draw(st.sampled_from(sorted(TEXTS)))
    words = normalise_text(TEXTS[name]).split(" ")
    length = data.draw(st.integers(5, 40))
    start = data.draw(st.integers(0, len(words) - length))
    original = words[start : start + length]
    quote = list(original)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(quote) - 1))
        if data.draw(st.booleans()):
            quote[at] = data.draw(st.sampled_from(words))
        else:
            quote[at] = quote[at] + data.draw(st.sampled_from("0123456789"))
    if data.draw(st.booleans()):  # one word dropped or added: still within one word
        at = data.draw(st.integers(0, len(quote) - 1))
        if data.draw(st.booleans()):
            del quote[at]
        else:
            quote.insert(at, data.draw(st.sampled_from(["non", "entro", "n.", "ore", "il"])))
    text = " ".join(quote)
    passage, ratio = closest_passage(text, TEXTS[name])
    own = difflib.SequenceMatcher(None, " ".join(original), text, autojunk=False).ratio()
    assert ratio >= own, (passage, " ".join(original))
    assert difflib.SequenceMatcher(None, passage, text, autojunk=False).ratio() == ratio


@pytest.mark.parametrize(
    ("quote", "source"),
    [
        ("un monte ore non inferiore a n. 7.000 ore", "seregno-pippi-2023-avviso"),
        ("n. 1.500 ore per la figura professionale di psicologo/a", "seregno-pippi-2023-avviso"),
        ("per la durata di 36 mesi", "seregno-pippi-2023-avviso"),
        (
            "innovazione nel coinvolgimento del Quarto Settore nella produzione",
            "seregno-tutela-minori-2022-avviso",
        ),
    ],
)
def test_near_misses_agree_with_the_exhaustive_search(quote: str, source: str) -> None:
    assert closest_passage(quote, TEXTS[source]) == exhaustive(quote, TEXTS[source])


def test_every_embedded_quote_is_its_own_closest_passage() -> None:
    """A quote standing in its notice as whole words is found whole, ratio 1, as before."""
    from welfare_ambito.rules.profile_tools import profile_citations
    from welfare_ambito.rules.profiles import load_profile, profile_ids

    compared = 0
    for profile_id in profile_ids():
        for _, citation in profile_citations(load_profile(profile_id)):
            text = TEXTS.get(citation.document)
            if not citation.quote or citation.paraphrase or text is None:
                continue
            quote = normalise_text(citation.quote)
            if f" {quote} " not in f" {normalise_text(text)} ":  # whole words only
                continue
            passage, ratio = closest_passage(citation.quote, text)
            assert (passage, ratio) == (quote, 1.0)
            compared += 1
        if compared >= 30:  # each profile's first quotes: enough, and the suite stays quick
            break
    assert compared >= 30


@pytest.mark.parametrize("words", [200, 5_000])
def test_a_long_unmatched_quote_compares_a_bounded_number_of_passages(
    words: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The letter-by-letter comparisons do not grow with the quote or the text."""
    text = TEXTS["seregno-pippi-2023-avviso"]
    vocabulary = normalise_text(text).split(" ")
    quote = " ".join(vocabulary[(i * 7919) % len(vocabulary)] for i in range(words))
    calls = 0
    original = difflib.SequenceMatcher.ratio

    def counted(self: difflib.SequenceMatcher[str]) -> float:
        nonlocal calls
        calls += 1
        return original(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counted)
    started = time.perf_counter()
    passage, ratio = closest_passage(quote, text)
    elapsed = time.perf_counter() - started
    assert calls <= profile_tools._MOST_CANDIDATES
    assert 0 < ratio < 1
    assert len(passage.split(" ")) <= QUOTE_WORDS_COMPARED + 1
    assert elapsed < 10  # the exhaustive search took minutes on the 5,000-word quote


def test_a_text_shorter_than_the_quote_is_one_passage() -> None:
    assert closest_passage("a b c d e f", "a b x") == exhaustive("a b c d e f", "a b x")
    assert closest_passage("anything", "") == exhaustive("anything", "")

"""Tools for people who write profiles: verify quotes, lint a profile, start a profile or a plan.

``welfare-ambito profile verify PROFILE [--source NOTICE.txt]`` checks that every
quote stands verbatim in its source (white space, line-break hyphens and
typographic quotes folded) and shows the closest passage of each near miss;
``profile lint`` reports what a profile gets wrong before a plan is checked;
``profile new`` and ``plan new`` print commented templates.

>>> checks = verify_profile("seregno-pippi-2023")
>>> all(c.ok for c in checks), len(checks) > 20
(True, True)
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._cli_groups import command_group
from welfare_ambito._lang import LANGS, Lang
from welfare_ambito.citations import Citation, normalise_text
from welfare_ambito.errors import ErrorDetail, InvalidValue, WelfareAmbitoError
from welfare_ambito.rules._values import Text
from welfare_ambito.rules.parameters import Readings
from welfare_ambito.rules.profiles import Profile, load_profile

__all__ = [
    "LintIssue",
    "QuoteCheck",
    "closest_passage",
    "lint_profile",
    "new_plan",
    "new_profile",
    "profile_citations",
    "register",
    "verify_profile",
]

EXIT_OK = 0
EXIT_PROBLEMS = 1

i18n.define(
    "profile.verify.paraphrase", it="parafrasi: non verificata", en="paraphrase: not checked"
)
i18n.define(
    "profile.verify.no_text",
    it="nessun testo della fonte: dichiara `file` nella fonte o usa --source",
    en="no text for the source: declare its `file` or pass --source",
)
i18n.define("profile.verify.quote", it="citazione: «{quote}»", en="quote: «{quote}»")
i18n.define(
    "profile.verify.closest",
    it="passo più simile ({similarity}): «{closest}»",
    en="closest passage ({similarity}): «{closest}»",
)
i18n.define("profile.verify.summary", it="{found}, {bad}", en="{found}, {bad}")
i18n.define(
    "profile.verify.found",
    it={"one": "1 citazione verificata", "other": "{count} citazioni verificate"},
    en={"one": "1 quote verified", "other": "{count} quotes verified"},
)
i18n.define(
    "profile.verify.not_found",
    it={"one": "1 non trovata", "other": "{count} non trovate"},
    en={"one": "1 not found", "other": "{count} not found"},
)
i18n.define("profile.lint.summary", it="{errors}, {warnings}", en="{errors}, {warnings}")
i18n.define_group(
    "profile.lint.level", [("error", "errore", "error"), ("warning", "avviso", "warning")]
)
i18n.define("profile.lint.unknown_key", it="chiave sconosciuta {key!r}", en="unknown key {key!r}")
i18n.define(
    "profile.lint.unknown_key_suggest",
    it="chiave sconosciuta {key!r}; forse intendevi {suggestion!r}?",
    en="unknown key {key!r}; did you mean {suggestion!r}?",
)
i18n.define(
    "profile.lint.unknown_rule", it="regola sconosciuta {rule!r}", en="unknown rule {rule!r}"
)
i18n.define(
    "profile.lint.unknown_rule_suggest",
    it="regola sconosciuta {rule!r}; forse intendevi {suggestion!r}?",
    en="unknown rule {rule!r}; did you mean {suggestion!r}?",
)
i18n.define(
    "profile.lint.unread_parameter",
    it="nessuna regola legge il parametro {name!r}",
    en="no rule reads parameter {name!r}",
)
i18n.define(
    "profile.lint.unread_parameter_suggest",
    it="nessuna regola legge il parametro {name!r}; forse intendevi {suggestion!r}?",
    en="no rule reads parameter {name!r}; did you mean {suggestion!r}?",
)
i18n.define(
    "profile.lint.quoted_date",
    it="scrivi la data senza virgolette: {key} = {value}",
    en="write the date without quotes: {key} = {value}",
)
i18n.define(
    "profile.lint.period_form",
    it='un periodo si scrive "INIZIO/FINE" con date ISO, es. "2024-01-01/2026-12-31"; '
    "trovato {value!r}",
    en='a period is written "START/END" with ISO dates, e.g. "2024-01-01/2026-12-31"; '
    "found {value!r}",
)
i18n.define(
    "profile.lint.no_citation",
    it="nessuna citazione: cita la frase dell'avviso che fissa questo valore",
    en="no citation: cite the sentence of the notice that sets this value",
)
i18n.define(
    "profile.lint.unit",
    it="l'unità {unit!r} differisce da {parent_unit!r} in {parent}",
    en="unit {unit!r} differs from {parent_unit!r} in {parent}",
)
i18n.define(
    "profile.lint.unset",
    it="la regola {rule} legge {name!r}, che il profilo non imposta",
    en="rule {rule} reads {name!r}, which the profile does not set",
)
i18n.define(
    "profile.lint.not_in_force",
    it="nessun valore in vigore il {on} (lo legge la regola {rule})",
    en="no value in force on {on} (rule {rule} reads it)",
)
i18n.define(
    "error.profile.ambito_file_mismatch",
    it="il file {file!r} dichiara l'Ambito {ambito!r}; il profilo {profile!r} è per {expected!r}",
    en="the file {file!r} declares Ambito {ambito!r}; profile {profile!r} is for {expected!r}",
)


def _as_lang(lang: str) -> Lang:
    """``lang`` as a message language: ``"it"`` or ``"en"`` (anything else reads as English)."""
    return next((known for known in LANGS if known == lang), "en")


def profile_citations(profile: Profile) -> Iterator[tuple[str, Citation]]:
    """``(where, citation)`` for every citation the profile carries: rules, derogations, values.

    >>> where, citation = next(profile_citations(load_profile("seregno-pippi-2023")))
    >>> where
    'citations["pippi.target.no_abuse"]'
    """
    for item in profile.rules:
        if item.citation is not None:
            yield f'citations["{item.id}"]', item.citation
        for exc_id, cited in item.exception_citations.items():
            yield f'citations["{exc_id}"]', cited
    for name, parameter in profile.parameters.items():
        if parameter.citation is not None:
            yield f'parameters["{name}"].citation', parameter.citation
        for index, dated in enumerate(parameter.values):
            where = f'parameters["{name}"].values[{index}]'
            if dated.citation is not None and dated.citation is not parameter.citation:
                yield f"{where}.citation", dated.citation
            if isinstance(dated.value, Readings):
                for r_index, reading in enumerate(dated.value):
                    if reading.citation is not None:
                        yield f"{where}.readings[{r_index}].citation", reading.citation


QUOTE_WORDS_COMPARED = 150
"""The longest quote compared word for word: a longer one is compared by its first words.

The quotes of real profiles are sentences (the longest embedded one has 39 words); a
quote of thousands of words (a pasted page, a damaged file) would make the comparison
quadratic in its length.
"""

_CANDIDATES = 40
"""How many passages, those sharing the most words with the quote, are compared letter by letter
(more when passages tie with the last of them, up to :data:`_MOST_CANDIDATES` for a short quote)."""

_MOST_CANDIDATES = 400
_TIED_WORDS = 2_000  # tied passages compared: at most this many words in all


def closest_passage(quote: str, text: str) -> tuple[str, float]:
    """The passage of ``text`` most like ``quote`` (both folded), and how alike (0–1).

    Passages of the quote's length in words (one fewer, one more) are ranked by the
    words they share with the quote; the :data:`_CANDIDATES` best are compared letter by
    letter (:class:`difflib.SequenceMatcher`), so the time grows with the text, not with
    the square of the quote. A quote longer than :data:`QUOTE_WORDS_COMPARED` words is
    compared by its first words.

    >>> passage, ratio = closest_passage("non inferiore a 6.000 ore",
    ...                                  "un monte ore non inferiore a n. 6.000 ore per")
    >>> passage, round(ratio, 2)
    ('non inferiore a n. 6.000 ore', 0.94)
    """
    quote_words = normalise_text(quote).split(" ")[:QUOTE_WORDS_COMPARED]
    wanted = " ".join(quote_words)
    words = normalise_text(text).split(" ")
    size = max(1, len(quote_words))
    folded = [word.casefold() for word in words]
    quote_folded = [word.casefold() for word in quote_words]
    candidates: list[tuple[int, int, int]] = []  # (shared words, width, start)
    for width in (size - 1, size, size + 1):
        if width >= 1:
            candidates += _shared_words(folded, quote_folded, width)
    # The best by shared words (and those tied with the last of them), then compared in
    # reading order: between passages as alike, the first wins.
    ranked = sorted(candidates, key=lambda c: -c[0])
    if len(ranked) > _CANDIDATES:
        floor = ranked[_CANDIDATES - 1][0]
        most = max(_CANDIDATES, min(_MOST_CANDIDATES, _TIED_WORDS // size))
        ranked = [c for c in ranked[:most] if c[0] >= floor]
    chosen = ranked
    order = {width: rank for rank, width in enumerate((size - 1, size, size + 1))}
    chosen.sort(key=lambda c: (order[c[1]], c[2]))
    best, best_ratio = "", 0.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for _, width, start in chosen:
        passage = " ".join(words[start : start + width])
        matcher.set_seq1(passage)
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = passage, ratio
    return best, best_ratio


def _shared_words(
    words: list[str], quote_words: list[str], width: int
) -> list[tuple[int, int, int]]:
    """``(shared words, width, start)`` of every passage of ``width`` words, in one sweep."""
    wanted = Counter(quote_words)
    window: Counter[str] = Counter()
    shared = 0
    found: list[tuple[int, int, int]] = []
    for index, word in enumerate(words):
        window[word] += 1
        if window[word] <= wanted[word]:
            shared += 1
        if index >= width:
            leaving = words[index - width]
            if window[leaving] <= wanted[leaving]:
                shared -= 1
            window[leaving] -= 1
        if index >= width - 1:
            found.append((shared, width, index - width + 1))
    if not found:  # a text shorter than the passage: the whole text is the one passage
        found.append((shared, width, 0))
    return found


@attrs.frozen(kw_only=True)
class QuoteCheck:
    """One quote checked against its source's text.

    ``ok`` is true when the quote stands verbatim, or the citation is a
    paraphrase (nothing to check); ``closest`` and ``similarity`` describe a
    near miss.

    >>> check = verify_profile("seregno-pippi-2023")[0]
    >>> check.ok, check.status
    (True, 'found')
    """

    where: str
    citation: Citation
    status: str
    """``found``, ``paraphrase``, ``not_found`` or ``no_text``."""
    closest: str | None = None
    similarity: float | None = None

    @property
    def ok(self) -> bool:
        """Found verbatim, or a paraphrase."""
        return self.status in ("found", "paraphrase")

    def describe(self, lang: str = "it") -> str:
        """A few lines for a terminal."""
        mark = "✓" if self.ok else "✗"
        lines = [f"{mark} {self.where} — {self.citation.where(lang)}"]
        shown = _as_lang(lang)
        if self.status == "paraphrase":
            lines.append("    " + i18n.message("profile.verify.paraphrase", shown))
        if self.status == "no_text":
            lines.append("    " + i18n.message("profile.verify.no_text", shown))
        if self.status == "not_found":
            quote = self.citation.quote
            lines.append("    " + i18n.message("profile.verify.quote", shown, quote=quote))
            if self.closest:
                similarity = f"{(self.similarity or 0) * 100:.0f}%"
                lines.append(
                    "    "
                    + i18n.message(
                        "profile.verify.closest",
                        shown,
                        similarity=similarity,
                        closest=self.closest,
                    )
                )
        return "\n".join(lines)


def verify_profile(
    profile: Profile | str | Path, *, source_text: str | None = None
) -> tuple[QuoteCheck, ...]:
    """Check every quote of ``profile`` against the text of its source.

    ``source_text`` stands for the text of every source the library holds no
    text for (a user's notice, given with ``--source``).

    >>> doctored = load_profile({"id": "d", "title": "D", "extends": "seregno-pippi-2023",
    ...     "parameters": {"pippi.hours.educator_min": {"since": "2023-05-01", "value": 6000,
    ...         "citation": {"source": "seregno-pippi-2023-avviso", "section": "S",
    ...                      "quote": "un monte ore non inferiore a n. 7.000 ore"}}}})
    >>> bad = [c for c in verify_profile(doctored) if not c.ok]
    >>> bad[0].closest
    'un monte ore non inferiore a n. 6.000 ore'
    """
    resolved = profile if isinstance(profile, Profile) else load_profile(profile)
    texts: dict[str, str | None] = {}
    checks = []
    for where, citation in profile_citations(resolved):
        if citation.paraphrase:
            checks.append(QuoteCheck(where=where, citation=citation, status="paraphrase"))
            continue
        key = citation.document
        if key not in texts:
            source = resolved.sources.get(key) or citation.source
            text = source.text() if source is not None and source.file is not None else None
            if text is None or (source_text is not None and source in resolved.sources.values()):
                text = source_text if source_text is not None else text
            texts[key] = text
        text = texts[key]
        if text is None:
            checks.append(QuoteCheck(where=where, citation=citation, status="no_text"))
        elif citation.found_in(text) or _found_without_hyphens(citation.quote, text):
            checks.append(QuoteCheck(where=where, citation=citation, status="found"))
        else:
            closest, ratio = closest_passage(citation.quote, text)
            checks.append(
                QuoteCheck(
                    where=where,
                    citation=citation,
                    status="not_found",
                    closest=closest,
                    similarity=ratio,
                )
            )
    return tuple(checks)


def _found_without_hyphens(quote: str, text: str) -> bool:
    """A word split at a line end ("tecni-" + "co") also matches the whole word."""
    return normalise_text(quote).replace("-", "") in normalise_text(text).replace("-", "")


# -- lint ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class LintIssue:
    """One problem of a profile: where, what, and how to fix it (in Italian and English).

    >>> issue = LintIssue.of("error", "rules", "profile.lint.unknown_rule", rule="x.y")
    >>> issue.level, issue.message, issue.describe("it")
    ('error', "unknown rule 'x.y'", "errore rules: regola sconosciuta 'x.y'")
    """

    level: str
    path: str
    text: Text
    """The message in both languages."""

    @classmethod
    def of(cls, level: str, path: str, key: str, /, **params: Any) -> LintIssue:
        """The issue whose message is the catalogue's ``key`` (:mod:`welfare_ambito.i18n`)."""
        return cls(level=level, path=path, text=Text.message(key, **params))

    @classmethod
    def from_error(cls, error: WelfareAmbitoError | ErrorDetail, path: str) -> LintIssue:
        """An error the loader reported, as a lint error at ``path``."""
        return cls(level="error", path=path, text=Text(error.text("it"), error.text("en")))

    @property
    def message(self) -> str:
        """The message in English."""
        return self.text.en

    @property
    def message_it(self) -> str:
        """The message in Italian."""
        return self.text.it

    def describe(self, lang: Lang = "it") -> str:
        """``level path: message`` in ``lang``."""
        level = i18n.message(f"profile.lint.level.{self.level}", lang)
        return f"{level} {self.path}: {self.text.display(lang)}"


_KEYS: dict[str, frozenset[str]] = {
    "profile": frozenset(
        {
            "id",
            "title",
            "ambito",
            "extends",
            "description",
            "programme",
            "rules",
            "parameters",
            "sources",
            "citations",
        }
    ),
    "rule": frozenset({"severity", "citation", "enabled"}),
    "parameter": frozenset(
        {"unit", "description", "citation", "values", "value", "since", "until", "readings"}
    ),
    "value": frozenset({"since", "until", "value", "readings", "citation"}),
    "reading": frozenset({"label", "value", "citation"}),
    "citation": frozenset(
        {"document", "source", "section", "quote", "verified_on", "url", "paraphrase"}
    ),
    "source": frozenset(
        {"title", "issuer", "year", "act_kind", "act_number", "act_date", "url", "file", "legacy"}
    ),
}


def _issue(level: str, path: str, key: str, word: str, known: Any, /, **params: Any) -> LintIssue:
    """The issue ``key``, or ``key_suggest`` with the closest of ``known`` to ``word``."""
    close = difflib.get_close_matches(word, sorted(known), n=1)
    if close:
        return LintIssue.of(level, path, f"{key}_suggest", suggestion=close[0], **params)
    return LintIssue.of(level, path, key, **params)


def _likely_meant(name: str, known: set[str]) -> str | None:
    """The parameter a rule reads that ``name`` most likely misspells, if any.

    Dotted names share their programme's prefix, so the whole names of two unrelated
    parameters look alike; a slip is a near spelling of the last part under the same
    prefix (``pippi.hours.educatr_min``), or of the whole name.

    >>> _likely_meant("pippi.hours.educatr_min", {"pippi.hours.educator_min", "pippi.cig"})
    'pippi.hours.educator_min'
    >>> _likely_meant("pippi.act.vis_law", {"pippi.cig", "pippi.cup"}) is None
    True
    """
    prefix, _, last = name.rpartition(".")
    siblings = {k.rpartition(".")[2]: k for k in known if k.rpartition(".")[0] == prefix}
    close = difflib.get_close_matches(last, sorted(siblings), n=1, cutoff=0.75)
    if close:
        return siblings[close[0]]
    whole = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.9)
    return whole[0] if whole else None


def _documents_the_notice(entry: Any) -> bool:
    """Whether a parameter is there to document the notice, not to be read by a rule.

    Two kinds: contested readings the plan's data cannot decide (the rule catalogue lists
    them with both sentences) and cited facts (the acts a notice rests on, the national
    design's figures). An uncited parameter no rule reads is most likely a slip.
    """
    if not isinstance(entry, Mapping):
        return False
    values = entry.get("values") if isinstance(entry.get("values"), list) else [entry]
    items = [item for item in values or [] if isinstance(item, Mapping)]
    if any("readings" in item for item in items):
        return True
    return entry.get("citation") is not None or any(item.get("citation") for item in items)


def _unknown_keys(table: Any, kind: str, path: str) -> Iterator[LintIssue]:
    if not isinstance(table, Mapping):
        return
    for key in table:
        if key not in _KEYS[kind]:
            where = f"{path}.{key}" if path else key
            yield _issue("error", where, "profile.lint.unknown_key", key, _KEYS[kind], key=key)


def _raw_issues(
    raw: Mapping[str, Any],
    known_params: set[str],
    known_rules: set[str],
    units: Mapping[str, str] | None = None,
) -> Iterator[LintIssue]:
    yield from _unknown_keys(raw, "profile", "")
    rules = raw.get("rules", [])
    ids = list(rules) if isinstance(rules, list | Mapping) else []
    for rule_id in ids:
        if isinstance(rule_id, str) and rule_id not in known_rules:
            yield _issue(
                "error",
                f"rules[{rule_id!r}]",
                "profile.lint.unknown_rule",
                rule_id,
                known_rules,
                rule=rule_id,
            )
        if isinstance(rules, Mapping):
            yield from _unknown_keys(rules[rule_id], "rule", f"rules[{rule_id!r}]")
    for source_id, source in (raw.get("sources") or {}).items():
        yield from _unknown_keys(source, "source", f"sources[{source_id!r}]")
    for target, cited in (raw.get("citations") or {}).items():
        yield from _unknown_keys(cited, "citation", f"citations[{target!r}]")
    for name, entry in (raw.get("parameters") or {}).items():
        path = f"parameters[{name!r}]"
        if name not in known_params:
            meant = _likely_meant(name, known_params)
            if meant is not None:
                yield LintIssue.of(
                    "warning",
                    path,
                    "profile.lint.unread_parameter_suggest",
                    name=name,
                    suggestion=meant,
                )
            elif not _documents_the_notice(entry):
                yield LintIssue.of("warning", path, "profile.lint.unread_parameter", name=name)
        yield from _unknown_keys(entry, "parameter", path)
        if not isinstance(entry, Mapping):
            continue
        if isinstance(entry.get("citation"), Mapping):
            yield from _unknown_keys(entry["citation"], "citation", f"{path}.citation")
        values = entry.get("values") if isinstance(entry.get("values"), list) else [entry]
        for index, item in enumerate(values or []):
            where = f"{path}.values[{index}]" if "values" in entry else path
            if "values" in entry:
                yield from _unknown_keys(item, "value", where)
            if not isinstance(item, Mapping):
                continue
            unit = entry.get("unit") or (units or {}).get(name)
            yield from _period_form(unit, item, where)
            for key in ("since", "until"):
                if isinstance(item.get(key), str):
                    yield LintIssue.of(
                        "error",
                        f"{where}.{key}",
                        "profile.lint.quoted_date",
                        key=key,
                        value=item[key],
                    )


def _period_form(unit: Any, item: Mapping[str, Any], where: str) -> Iterator[LintIssue]:
    if unit != "period":
        return
    candidates = [item.get("value")] + [
        r.get("value") for r in item.get("readings", []) if isinstance(r, Mapping)
    ]
    import re

    for value in candidates:
        if value is None:
            continue
        if not isinstance(value, str) or not re.fullmatch(
            r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", value
        ):
            yield LintIssue.of("error", f"{where}.value", "profile.lint.period_form", value=value)


def lint_profile(path: str | Path, *, source_text: str | None = None) -> tuple[LintIssue, ...]:
    """Every problem of the profile file at ``path``, errors and warnings.

    >>> [i.describe("en") for i in lint_profile("seregno-pippi-2023") if i.level == "error"]
    []
    """
    from welfare_ambito._documents import parse_document
    from welfare_ambito.errors import InvalidInput
    from welfare_ambito.rules.definition import REGISTRY
    from welfare_ambito.rules.profiles import _locate

    text, _, _ = _locate(str(path), None)
    raw = parse_document(text, "toml", parse_float=float)
    known_rules = set(REGISTRY.ids())
    known_params = {n for r in REGISTRY for n in r.all_parameters}
    units: dict[str, str] = {}
    if isinstance(raw.get("extends"), str):
        try:
            base = load_profile(raw["extends"])
            units = {name: p.unit for name, p in base.parameters.items()}
        except WelfareAmbitoError:
            pass  # the loader below names a base that cannot be read
    issues = list(_raw_issues(raw, known_params, known_rules, units))
    if any(i.level == "error" for i in issues):
        return tuple(issues)
    try:
        profile = load_profile(path if isinstance(path, Path) else str(path))
    except InvalidInput as error:
        return tuple(issues + [LintIssue.from_error(e, e.path) for e in error.errors])
    except WelfareAmbitoError as error:
        return (*issues, LintIssue.from_error(error, error.path or ""))
    own = set(raw.get("parameters") or {})
    for name in sorted(own):
        parameter = profile.parameters[name]
        for index, dated in enumerate(parameter.values):
            readings_cited = isinstance(dated.value, Readings) and all(
                r.citation for r in dated.value
            )
            if dated.citation is None and parameter.citation is None and not readings_cited:
                issues.append(
                    LintIssue.of(
                        "error",
                        f"parameters[{name!r}].values[{index}]",
                        "profile.lint.no_citation",
                    )
                )
        declared = raw["parameters"][name].get("unit")
        if declared is not None and name in units and units[name] != declared:
            issues.append(
                LintIssue.of(
                    "error",
                    f"parameters[{name!r}].unit",
                    "profile.lint.unit",
                    unit=declared,
                    parent_unit=units[name],
                    parent=profile.extends,
                )
            )
    issues.extend(_coverage(profile))
    for check in verify_profile(profile, source_text=source_text):
        if not check.ok:
            lines = {lang: check.describe(lang).split("\n", 1)[-1].strip() for lang in LANGS}
            issues.append(
                LintIssue(level="error", path=check.where, text=Text(lines["it"], lines["en"]))
            )
    return tuple(issues)


def _coverage(profile: Profile) -> Iterator[LintIssue]:
    """Rules reading parameters the profile sets no value for, on the days it covers."""
    days = sorted(
        {d.since for p in profile.parameters.values() for d in p.values if d.since != dt.date.min}
    )
    start = max(days) if days else None
    for item in profile.rules:
        for name in item.rule.all_parameters:
            if name not in profile.parameters:
                yield LintIssue.of(
                    "error", f"rules[{item.id!r}]", "profile.lint.unset", rule=item.id, name=name
                )
            elif start is not None and not any(
                d.covers(start) for d in profile.parameters[name].values
            ):
                yield LintIssue.of(
                    "error",
                    f"parameters[{name!r}]",
                    "profile.lint.not_in_force",
                    on=start.isoformat(),
                    rule=item.id,
                )


# -- templates ------------------------------------------------------------------------------


def _toml(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _template_value(parameter: Any, on: dt.date) -> str:
    from welfare_ambito.rules._values import jsonable

    entry = next((d for d in reversed(parameter.values) if d.since <= on), parameter.values[-1])
    value: Any = jsonable(entry.value)
    if parameter.unit in ("count", "years") and isinstance(value, str) and value.isdigit():
        return value
    if parameter.unit in ("hours", "hours/week", "count", "years") and isinstance(value, str):
        return value
    return _toml(str(value))


def new_profile(extends: str = "pippi-national", *, ambito: str | Path | None = None) -> str:
    """A complete, commented profile extending ``extends``: every rule and parameter to set.

    Rules of the same programme that ``extends`` does not apply come with the
    parameters they read (units and example values from the embedded profiles).

    >>> text = new_profile("pippi-national")
    >>> 'extends = "pippi-national"' in text, '[parameters."pippi.hours.educator_min"]' in text
    (True, True)
    """
    from welfare_ambito.rules.definition import REGISTRY
    from welfare_ambito.rules.profiles import profile_ids

    base = load_profile(extends)
    programme = base.programme or ""
    examples: dict[str, tuple[str, Any]] = {}
    for other in profile_ids():
        candidate = load_profile(other)
        if candidate.programme == programme:
            for name, parameter in candidate.parameters.items():
                examples.setdefault(name, (candidate.id, parameter))
    prefix = f"{programme}." if programme else ""
    extra_rules = [
        r for r in REGISTRY if r.id.startswith(prefix) and r.id not in base.rule_ids and prefix
    ]
    ambito_id, ambito_name = "my_ambito", "Ambito di …"
    if ambito is not None:
        declared = _declared_ambito(ambito)
        ambito_id, ambito_name = declared.id, declared.name
    today = dt.date.today()
    lines = [
        f"# Profile for {ambito_name}: your notice, extending {base.id} ({base.title}).",
        "# Replace every REPLACE, cite the sentence of YOUR notice for every value, then run:",
        "#   welfare-ambito profile verify THIS.toml --source YOUR_NOTICE.txt",
        "#   welfare-ambito profile lint THIS.toml",
        "#   welfare-ambito check PLAN.toml --profile THIS.toml",
        f'id = "{ambito_id}-{programme or "profile"}-{today.year}"',
        f'title = "{ambito_name} — REPLACE: the notice\'s title"',
        f'extends = "{base.id}"',
        f'ambito = "{ambito_id}"' + (f"  # declared in {ambito}" if ambito is not None else ""),
        f'programme = "{programme}"' if programme else "",
        "",
        f"# Rules inherited from {base.id}: {', '.join(base.rule_ids) or '—'}",
        "# Rules of the programme you may add: uncomment the ones your notice sets.",
        "rules = [",
    ]
    for item in extra_rules:
        lines.append(f'    # "{item.id}",  # {item.title["en"]}')
    lines += [
        "]",
        "",
        "# The notice, declared once; citations name it by its id.",
        '[sources."my-notice"]',
        'title = "REPLACE: Avviso di coprogettazione …"',
        f'issuer = "{ambito_name}"',
        f"year = {today.year}",
        'file = "my-notice.txt"  # the text of the notice, next to this file',
        '# act_kind = "determinazione"',
        '# act_number = "…"',
        "# act_date = 2024-01-31",
        '# url = "https://…"',
        "",
        "# Every value below is the one in force today, with the sentence it comes from.",
        "# Set yours and cite YOUR notice's sentence; delete the blocks you inherit unchanged.",
        "",
    ]
    needed = list(
        dict.fromkeys([*base.parameters, *(n for r in extra_rules for n in r.all_parameters)])
    )
    for name in needed:
        origin, parameter = (
            (base.id, base.parameters[name])
            if name in base.parameters
            else examples.get(name, ("", None))
        )
        lines.append(f"# --- {name}")
        if parameter is None:
            lines += [
                f'[parameters."{name}"]',
                'unit = "REPLACE"',
                "since = REPLACE",
                "value = REPLACE",
                "",
            ]
            continue
        if parameter.description:
            lines.append(f"# {parameter.description}")
        latest = parameter.values[-1]
        cited = latest.citation or parameter.citation
        if isinstance(latest.value, Readings):
            lines.append(
                f"# In {origin}: {len(latest.value)} readings (the notice says it twice) —"
            )
            for reading in latest.value:
                where = reading.citation.display("en") if reading.citation else "uncited"
                lines.append(f"#   {reading.label}: {reading.value} — {where}")
            lines += [f'[parameters."{name}"]', f'unit = "{parameter.unit}"', ""]
            lines += [f'[[parameters."{name}".values]]', f"since = {today.year}-01-01", ""]
            for reading in latest.value:
                lines += [
                    f'[[parameters."{name}".values.readings]]',
                    f"label = {_toml(reading.label)}",
                    f"value = {_toml(str(reading.value))}",
                    'citation = { source = "my-notice", section = "REPLACE: SECTION", '
                    'quote = "REPLACE: the sentence of your notice, verbatim" }',
                    "",
                ]
            continue
        lines.append(
            f"# In {origin}: {_template_value(parameter, today)} [{parameter.unit}] — "
            + (cited.display("en") if cited is not None else "uncited")
        )
        lines += [
            f'[parameters."{name}"]',
            f'unit = "{parameter.unit}"',
            f"since = {today.year}-01-01",
            f"value = {_template_value(parameter, today)}",
            'citation = { source = "my-notice", section = "REPLACE: SECTION", '
            'quote = "REPLACE: the sentence of your notice, verbatim" }',
            "",
        ]
    return "\n".join(lines) + "\n"


def _declared_ambito(path: str | Path) -> Any:
    """The Ambito of the file at ``path``, loaded (and checked) as a plan's would be."""
    from welfare_ambito.convert import load
    from welfare_ambito.model import Ambito

    return load(path, into=Ambito)


def _ambito_line(profile: Profile, ambito: str | Path | None) -> str:
    from welfare_ambito._ambiti import embedded_ambiti

    if ambito is not None:
        declared = _declared_ambito(ambito)
        if profile.ambito is not None and declared.id != profile.ambito:
            raise InvalidValue.of(
                "profile.ambito_file_mismatch",
                path="--ambito",
                file=str(ambito),
                ambito=declared.id,
                profile=profile.id,
                expected=profile.ambito,
            )
        shown = Path(ambito).as_posix()
        return f'ambito = "{shown}"  # required: {declared.name}, declared in its own file'
    if profile.ambito is None:
        return (
            'ambito = "REPLACE"  # required: the Ambito id, or the path of your Ambito\'s file '
            "(relative to this plan's folder)"
        )
    if profile.ambito in embedded_ambiti():
        return f'ambito = "{profile.ambito}"  # required: the Ambito id'
    return (
        f'ambito = "REPLACE.toml"  # required: the path of the file declaring Ambito '
        f"{profile.ambito!r}, relative to this plan's folder"
    )


def new_plan(profile: str | Profile, *, ambito: str | Path | None = None) -> str:
    """A commented plan template for ``profile``: every field, required or optional.

    ``ambito`` is the file declaring the user's own Ambito: the plan names it by
    that path (relative to the plan's folder: give it as the plan will see it).

    >>> text = new_plan("seregno-pippi-2023")
    >>> "# required" in text and "hour_plan" in text, 'ambito = "seregno"' in text
    (True, True)
    """
    resolved = profile if isinstance(profile, Profile) else load_profile(profile)
    from welfare_ambito.model import CoDesignPlan

    lines = [
        f"# A plan for {resolved.title} (profile {resolved.id}).",
        f"# Check it with: welfare-ambito check THIS.toml --profile {resolved.id}",
        "# Fields marked required must be filled in; optional ones may be deleted.",
    ]
    lines += _attrs_template(CoDesignPlan, "", set())
    declared = _ambito_line(resolved, ambito)
    lines = [declared if line.startswith('ambito = "REPLACE"') else line for line in lines]
    if resolved.programme:
        lines = [
            line.replace('programme = "REPLACE"', f'programme = "{resolved.programme}"')
            for line in lines
        ]
    return "\n".join(lines) + "\n"


def _attrs_template(cls: type, table: str, seen: set[type]) -> list[str]:
    import typing

    lines: list[str] = []
    nested: list[tuple[str, type, bool]] = []
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # a type hint the template cannot resolve: show the field's name only
        hints = {}
    for field in attrs.fields(cls):
        if field.name.startswith("_") or not field.init:
            continue
        required = field.default is attrs.NOTHING
        hint = hints.get(field.name, field.type)
        if field.name == "ambito" and not table:
            lines.append('ambito = "REPLACE"  # required: the Ambito id')
            continue
        inner, many = _inner(hint)
        tag = "required" if required else "optional"
        doc = f"  # {tag}: {_describe(hint)}"
        if inner is not None and attrs.has(inner) and inner not in seen:
            nested.append((field.name, inner, many))
            continue
        lines.append(f"{'' if required else '# '}{field.name} = {_placeholder(hint)}{doc}")
    for name, inner, many in nested:
        path = f"{table}.{name}" if table else name
        lines.append("")
        lines.append(f"[[{path}]]" if many else f"[{path}]")
        lines += _attrs_template(inner, path, seen | {inner})
    return lines


def _inner(hint: Any) -> tuple[type | None, bool]:
    import typing

    origin = typing.get_origin(hint)
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if origin in (tuple, list) and args:
        inner, _ = _inner(args[0])
        return inner, True
    if origin is not None and args:
        return _inner(args[0])
    return (hint if isinstance(hint, type) else None), False


def _describe(hint: Any) -> str:
    import enum

    inner, _ = _inner(hint)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return "one of " + ", ".join(str(m.value) for m in inner)
    return getattr(hint, "__name__", None) or str(hint).replace("typing.", "").replace(
        "welfare_ambito.", ""
    )


def _placeholder(hint: Any) -> str:
    text = _describe(hint).lower()
    if "date" in text:
        return "2024-01-01"
    if "bool" in text:
        return "false"
    if "int" in text or "decimal" in text:
        return "0"
    return '"REPLACE"'


# -- command line ---------------------------------------------------------------------------


@contextlib.contextmanager
def _in_file(name: str | Path | None) -> Iterator[None]:
    """Locate the problems of the file ``name`` in it: a command reads a profile and an
    Ambito's file, and a syntax error alone says nothing of which (an embedded id is no file).
    """
    from welfare_ambito._documents import in_file
    from welfare_ambito.errors import InvalidInput
    from welfare_ambito.rules.profiles import profile_ids

    try:
        yield
    except InvalidInput as error:
        if name is None or str(name) in profile_ids():
            raise
        raise in_file(error, name) from None


def _read_source(source: str | None) -> str | None:
    """The notice text of ``--source``: a typed error naming the file when it cannot be read."""
    from welfare_ambito._documents import read_text

    return read_text(source) if source else None


def cmd_verify(args: argparse.Namespace) -> int:
    """``profile verify PROFILE [--source NOTICE.txt]``: every quote, verbatim, or the closest passage."""
    text = _read_source(args.source)
    with _in_file(args.profile):
        checks = verify_profile(args.profile, source_text=text)
    bad = [c for c in checks if not c.ok]
    for check in checks if args.verbose else bad:
        sys.stdout.write(check.describe(args.lang) + "\n")
    found = sum(1 for c in checks if c.status == "found")
    lang = _as_lang(args.lang)
    summary = i18n.message(
        "profile.verify.summary",
        lang,
        found=i18n.quantity("profile.verify.found", found, lang),
        bad=i18n.quantity("profile.verify.not_found", len(bad), lang),
    )
    sys.stdout.write(summary + "\n")
    return EXIT_PROBLEMS if bad else EXIT_OK


def cmd_lint(args: argparse.Namespace) -> int:
    """``profile lint PROFILE``: unknown keys, uncited values, units, periods, coverage, quotes."""
    text = _read_source(args.source)
    with _in_file(args.profile):
        issues = lint_profile(args.profile, source_text=text)
    for issue in issues:
        sys.stdout.write(issue.describe(args.lang) + "\n")
    errors = sum(1 for i in issues if i.level == "error")
    lang = _as_lang(args.lang)
    summary = i18n.message(
        "profile.lint.summary",
        lang,
        errors=i18n.quantity("unit.errors", errors, lang),
        warnings=i18n.quantity("unit.warnings", len(issues) - errors, lang),
    )
    sys.stdout.write(summary + "\n")
    return EXIT_PROBLEMS if errors else EXIT_OK


def cmd_new_profile(args: argparse.Namespace) -> int:
    """``profile new --extends ID [--ambito FILE]``: print a commented profile."""
    with _in_file(args.ambito):
        if args.ambito is not None:
            _declared_ambito(args.ambito)
    with _in_file(args.extends):
        text = new_profile(args.extends, ambito=args.ambito)
    sys.stdout.write(text)
    return EXIT_OK


def cmd_new_plan(args: argparse.Namespace) -> int:
    """``plan new --profile ID [--ambito FILE]``: print a commented plan template."""
    with _in_file(args.ambito):
        if args.ambito is not None:
            _declared_ambito(args.ambito)
    with _in_file(args.profile):
        text = new_plan(args.profile, ambito=args.ambito)
    sys.stdout.write(text)
    return EXIT_OK


def register(subparsers: Any) -> None:
    """Add ``profile verify|lint|new`` and ``plan new`` to the command."""
    profile = subparsers.add_parser("profile", help="write and check profiles")
    actions = profile.add_subparsers(dest="profile_command", required=True)
    verify = actions.add_parser("verify", help="check every quote against its source's text")
    verify.add_argument("profile", help="embedded profile id or a profile .toml file")
    verify.add_argument("--source", help="the notice's text, for sources the library does not hold")
    verify.add_argument("--lang", choices=("it", "en"), default="it")
    verify.add_argument("--verbose", "-v", action="store_true", help="show found quotes too")
    verify.set_defaults(handler=cmd_verify)
    lint = actions.add_parser("lint", help="report a profile's problems")
    lint.add_argument("profile", help="embedded profile id or a profile .toml file")
    lint.add_argument("--source", help="the notice's text, for sources the library does not hold")
    lint.add_argument("--lang", choices=("it", "en"), default="it")
    lint.set_defaults(handler=cmd_lint)
    new = actions.add_parser("new", help="print a complete, commented profile")
    new.add_argument("--extends", default="pippi-national", help="the profile to extend")
    new.add_argument("--ambito", help="your Ambito's TOML file (id, name, Comuni, lead)")
    new.set_defaults(handler=cmd_new_profile)

    plan_actions = command_group(subparsers, "plan", "start a plan: a TOML template or a workbook")
    plan_new = plan_actions.add_parser("new", help="print a commented plan template")
    plan_new.add_argument("--profile", required=True, help="the profile the plan answers")
    plan_new.add_argument(
        "--ambito",
        help="your Ambito's file, as the plan will name it (relative to the plan's folder)",
    )
    plan_new.set_defaults(handler=cmd_new_plan)

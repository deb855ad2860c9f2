"""Case files: named cases with their expected outcomes, for people who do not write Python.

A case file is TOML (name it ``test_<something>.welfare.toml`` and pytest,
with our plugin, collects it; ``welfare-ambito test FILE`` runs it anywhere).
Each case has one input — a ``family``, a ``plan``, a ``budget`` or an
``allocation`` — and an ``expect`` table::

    profile = "seregno-pippi-2023"        # default for every case
    on = 2024-01-15                       # default reference day

    [[cases]]
    name = "Un figlio di 8 anni, tutto registrato: rientra nel target"
    [cases.family]
    id = "F1"
    pre_assessment = "worrying"
    em_orientation = "keep_in_family"
    trust_in_services = true
    abuse_or_severe_maltreatment = false
    children = [{ id = "F1-C1", birth_date = 2015-09-01 }]
    [cases.expect]
    outcome = "eligible"                  # also: group, reunification, missing

    [[cases]]
    name = "Il piano d'esempio con errori"
    plan = "pippi_seregno_mistakes"       # an embedded example, a file next to this one, or a table
    [cases.expect]
    ok = false
    failing = ["pippi.sedt.weekly_hours", "pippi.hours.educator"]   # exactly these rules fail
    findings = [{ rule = "pippi.sedt.weekly_hours", path = "interventions[3]", outcome = "fail" }]

    [[cases]]
    name = "Riparto per utenza"
    [cases.allocation]
    total = "1000.00"
    weights = { Barlassina = 44, Giussano = 129 }
    method = "largest_remainder"          # optional; also minimum, maximum
    [cases.expect.shares]
    Barlassina = "254.34"
    Giussano = "745.66"

A ``budget`` case checks a budget alone with the profile's budget rules
(``expect`` as for a plan). Any case may set ``profile``, ``on``,
``overrides`` (a what-if: ``{ "pippi.hours.educator_min" = "7000" }``) and
``description``. This module needs neither hypothesis nor pytest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import attrs

from welfare_ambito import i18n
from welfare_ambito._lang import Lang, is_lang
from welfare_ambito.errors import ErrorDetail, InvalidInput, WelfareAmbitoError

i18n.define_group(
    "cases",
    (
        ("unknown_key", "chiave sconosciuta {key!r}", "unknown key {key!r}"),
        (
            "no_cases",
            "nessun [[cases]]: un file di casi ne elenca almeno uno",
            "no [[cases]]: a case file lists at least one case",
        ),
        ("case_table", "un caso è una tabella", "a case is a table"),
        ("duplicate_name", "nome ripetuto {name!r}", "duplicate name {name!r}"),
        ("needs_name", "ogni caso ha un nome", "each case needs a name"),
        (
            "one_input",
            "un caso ha esattamente un input tra {inputs} (trovati {found})",
            "a case has exactly one input among {inputs} (found {found})",
        ),
        ("needs_expect", "ogni caso ha una tabella [expect]", "each case needs an [expect] table"),
        (
            "unknown_expectation",
            "attesa sconosciuta {key!r} per un caso {kind} (usa {allowed})",
            "unknown expectation {key!r} for a {kind} case (use {allowed})",
        ),
        ("on_date", "'on' è una data (2024-01-15)", "'on' is a date (2024-01-15)"),
        ("no_profile", "nessun profilo per questo caso", "no profile for this case"),
        ("family_needs_on", "un caso famiglia richiede 'on'", "a family case needs 'on'"),
        ("overrides_table", "overrides è una tabella", "overrides is a table"),
        (
            "plan_value",
            "'plan' è il nome di un esempio, di un file o una tabella",
            "'plan' is the name of an example, a file name or a table",
        ),
        (
            "outcome_value",
            "outcome è eligible, not_eligible o needs_review",
            "outcome is eligible, not_eligible or needs_review",
        ),
        (
            "group_value",
            "group è core, preadolescent, adolescent o outside",
            "group is core, preadolescent, adolescent or outside",
        ),
        ("boolean", "{key} è true o false", "{key} is true or false"),
        ("whole_number", "{key} è un numero intero", "{key} is a whole number"),
        ("texts", "{key} è un elenco di testi", "{key} is a list of texts"),
        ("findings_list", "findings è un elenco di tabelle", "findings is a list of tables"),
        ("finding_keys", "una verifica ha rule e outcome", "a finding has rule and outcome"),
        ("finding_outcome", "outcome è uno tra {outcomes}", "outcome is one of {outcomes}"),
        (
            "shares_table",
            "shares è una tabella destinatario = importo",
            "shares is a table recipient = amount",
        ),
        ("allocation_table", "allocation è una tabella", "allocation is a table"),
        ("missing_key", "manca {key}", "missing {key}"),
    ),
)
i18n.define(
    "cases.does_not_run", it="il caso non si esegue: {reason}", en="the case does not run: {reason}"
)
i18n.define("cases.details", it="dettagli:", en="details:")
i18n.define("cases.expected", it="atteso:  ", en="expected:")
i18n.define("cases.actual", it="ottenuto:", en="actual:  ")
i18n.define(
    "cases.extra_missing",
    it="in più: {extra}; mancanti: {absent}",
    en="unexpected: {extra}; missing: {absent}",
)
i18n.define("cases.no_finding", it="nessuna verifica", en="no finding")
i18n.define("cases.no_error", it="nessun errore", en="no error")
i18n.define("cases.summary", it="{where}{passed}, {failed}", en="{where}{passed}, {failed}")

__all__ = [
    "CASE_FILE_SUFFIX",
    "Case",
    "CaseFile",
    "CaseResult",
    "load_cases",
    "render_results",
    "run_cases",
]

CASE_FILE_SUFFIX = ".welfare.toml"
"""Files ending so are case files; pytest collects those named ``test_*.welfare.toml``."""

_INPUTS = ("family", "plan", "budget", "allocation")
_CASE_KEYS = frozenset({"name", "description", "profile", "on", "overrides", "expect", *_INPUTS})
_FILE_KEYS = frozenset({"profile", "on", "lang", "cases", "title", "description"})
_EXPECT_KEYS = {
    "family": frozenset({"outcome", "group", "reunification", "missing"}),
    "plan": frozenset({"ok", "errors", "warnings", "failing", "findings"}),
    "budget": frozenset({"ok", "errors", "warnings", "failing", "findings"}),
    "allocation": frozenset({"shares", "error"}),
}
_FINDING_KEYS = frozenset({"rule", "path", "outcome"})
_OUTCOMES = ("pass", "fail", "not_applicable", "needs_review")


def _problem(path: str, key: str, /, **params: Any) -> ErrorDetail:
    """A problem of a case file at ``path``: the catalogue's ``cases.<key>``, code ``cases.invalid``."""
    english, italian = (i18n.message(f"cases.{key}", lang, **params) for lang in ("en", "it"))
    return ErrorDetail(path, "cases.invalid", english, italian)


@attrs.frozen(kw_only=True)
class Case:
    """One named case: an input, the profile and day, and what is expected."""

    index: int
    name: str
    kind: str
    """``family``, ``plan``, ``budget`` or ``allocation``."""
    input: Any
    expect: Mapping[str, Any]
    profile: str | None
    on: dt.date | None
    overrides: Mapping[str, Any] = attrs.field(factory=dict)
    description: str | None = None
    source: str = ""

    def run(self, lang: str = "it") -> CaseResult:
        """Run the case; never raises for a wrong expectation (see :class:`CaseResult`)."""
        try:
            runner = {
                "family": _run_family,
                "plan": _run_plan,
                "budget": _run_budget,
                "allocation": _run_allocation,
            }[self.kind]
            differences, details = runner(self, lang)
        except WelfareAmbitoError as exc:
            if self.kind == "allocation" and "error" in self.expect:
                wanted = str(self.expect["error"])
                if wanted in (exc.code, "any"):
                    return CaseResult(case=self, differences=(), details=())
                return CaseResult(
                    case=self,
                    differences=(_diff("error", wanted, exc.code, lang),),
                    details=(str(exc),),
                )
            return CaseResult(
                case=self,
                differences=(_text(lang, "does_not_run", reason=exc.text(lang)),),
                details=(),
            )
        return CaseResult(case=self, differences=tuple(differences), details=tuple(details))


@attrs.frozen(kw_only=True)
class CaseResult:
    """The result of one case: ``differences`` between expected and actual, empty if it passed."""

    case: Case
    differences: tuple[str, ...]
    details: tuple[str, ...] = ()
    """Context shown when the case fails (the reasons of an assessment, the failing findings)."""

    @property
    def passed(self) -> bool:
        """Whether actual and expected agree."""
        return not self.differences

    def render(self, lang: str = "it") -> str:
        """``PASS name`` or ``FAIL name`` followed by the readable diff."""
        head = f"{'PASS' if self.passed else 'FAIL'}  [{self.case.index + 1}] {self.case.name}"
        if self.passed:
            return head
        lines = [head, *(f"    {d}" for d in self.differences)]
        if self.details:
            lines.append("    " + _text(lang, "details"))
            lines.extend(f"      {d}" for d in self.details)
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class CaseFile:
    """A parsed case file."""

    path: str
    cases: tuple[Case, ...]
    lang: str = "it"
    title: str | None = None

    def run(self, lang: str | None = None) -> tuple[CaseResult, ...]:
        """Run every case."""
        return tuple(case.run(lang or self.lang) for case in self.cases)


def _lang(lang: str) -> Lang:
    """``lang`` as a catalogue language (English for anything but Italian)."""
    return lang if is_lang(lang) else "en"


def _text(lang: str, key: str, /, **params: Any) -> str:
    return i18n.message(f"cases.{key}", _lang(lang), **params)


def _outcome(value: str, lang: str) -> str:
    return i18n.message(f"outcome.{value}", _lang(lang))


def _diff(what: str, expected: Any, actual: Any, lang: str) -> str:
    return (
        f"{what}\n"
        f"      - {_text(lang, 'expected')} {expected}\n"
        f"      + {_text(lang, 'actual')} {actual}"
    )


# -- reading -------------------------------------------------------------------------------


def load_cases(path: str | Path) -> CaseFile:
    """Read a case file; :class:`~welfare_ambito.errors.InvalidInput` lists every problem."""
    from welfare_ambito._documents import parse_document, read_text

    file = Path(path)
    document = parse_document(read_text(file), "toml")
    return parse_cases(document, base=file.parent, source=str(file))


def parse_cases(
    document: Mapping[str, Any], *, base: Path = Path("."), source: str = ""
) -> CaseFile:
    """Build a :class:`CaseFile` from parsed TOML; paths in it are relative to ``base``."""
    problems: list[ErrorDetail] = []
    for key in document:
        if key not in _FILE_KEYS:
            problems.append(_problem(key, "unknown_key", key=key))
    default_profile = document.get("profile")
    default_on = document.get("on")
    lang = document.get("lang", "it")
    raw_cases = document.get("cases")
    if not isinstance(raw_cases, list) or not raw_cases:
        problems.append(
            _problem(
                "cases",
                "no_cases",
            )
        )
        raw_cases = []
    cases: list[Case] = []
    names: set[str] = set()
    for index, raw in enumerate(raw_cases):
        where = f"cases[{index}]"
        if not isinstance(raw, Mapping):
            problems.append(_problem(where, "case_table"))
            continue
        case = _parse_case(raw, index, where, default_profile, default_on, base, source, problems)
        if case is not None:
            if case.name in names:
                problems.append(
                    _problem(
                        f"{where}.name",
                        "duplicate_name",
                        name=case.name,
                    )
                )
            names.add(case.name)
            cases.append(case)
    if problems:
        raise InvalidInput(problems)
    return CaseFile(path=source, cases=tuple(cases), lang=str(lang), title=document.get("title"))


def _parse_case(
    raw: Mapping[str, Any],
    index: int,
    where: str,
    default_profile: Any,
    default_on: Any,
    base: Path,
    source: str,
    problems: list[ErrorDetail],
) -> Case | None:
    from welfare_ambito.convert import structure
    from welfare_ambito.model import Budget, CoDesignPlan, Family

    before = len(problems)
    for key in raw:
        if key not in _CASE_KEYS:
            problems.append(_problem(f"{where}.{key}", "unknown_key", key=key))
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(_problem(f"{where}.name", "needs_name"))
        name = f"case {index + 1}"
    kinds = [k for k in _INPUTS if k in raw]
    if len(kinds) != 1:
        problems.append(
            _problem(
                where,
                "one_input",
                inputs=", ".join(_INPUTS),
                found=len(kinds),
            )
        )
        return None
    kind = kinds[0]
    expect = raw.get("expect")
    if not isinstance(expect, Mapping) or not expect:
        problems.append(
            _problem(
                f"{where}.expect",
                "needs_expect",
            )
        )
        expect = {}
    for key in expect:
        if key not in _EXPECT_KEYS[kind]:
            allowed = ", ".join(sorted(_EXPECT_KEYS[kind]))
            problems.append(
                _problem(
                    f"{where}.expect.{key}",
                    "unknown_expectation",
                    key=key,
                    kind=kind,
                    allowed=allowed,
                )
            )
    _check_expect(kind, expect, f"{where}.expect", problems)
    profile = raw.get("profile", default_profile)
    on = raw.get("on", default_on)
    if on is not None and (isinstance(on, dt.datetime) or not isinstance(on, dt.date)):
        problems.append(_problem(f"{where}.on", "on_date"))
    if kind in ("family", "plan", "budget") and profile is None:
        problems.append(_problem(f"{where}.profile", "no_profile"))
    if kind == "family" and on is None:
        problems.append(_problem(f"{where}.on", "family_needs_on"))
    overrides = raw.get("overrides", {})
    if not isinstance(overrides, Mapping):
        problems.append(_problem(f"{where}.overrides", "overrides_table"))
        overrides = {}

    value: Any = raw[kind]
    try:
        if kind == "family":
            value = structure(value, Family)
        elif kind == "budget":
            value = structure(value, Budget)
        elif kind == "plan":
            value = _plan(value, base)
            if not isinstance(value, CoDesignPlan):  # pragma: no cover - load returns plans
                raise TypeError
        elif kind == "allocation":
            _check_allocation(value, f"{where}.allocation", problems)
    except InvalidInput as exc:
        for detail in exc.errors:
            path = f"{where}.{kind}" + (f".{detail.path}" if detail.path else "")
            problems.append(attrs.evolve(detail, path=path))
    if len(problems) > before:
        return None
    return Case(
        index=index,
        name=str(name),
        kind=kind,
        input=value,
        expect=dict(expect),
        profile=None if profile is None else str(profile),
        on=on,
        overrides=dict(overrides),
        description=raw.get("description"),
        source=source,
    )


def _plan(value: Any, base: Path) -> Any:
    from welfare_ambito import data
    from welfare_ambito.convert import load

    if isinstance(value, str):
        if value in data.example_names():
            return data.example(value)
        return load(base / value)
    if isinstance(value, Mapping):
        return load(value)
    raise InvalidInput(
        [
            _problem(
                "",
                "plan_value",
            )
        ]
    )


def _check_expect(
    kind: str, expect: Mapping[str, Any], where: str, problems: list[ErrorDetail]
) -> None:
    def bad(key: str, message: str, /, **params: Any) -> None:
        problems.append(_problem(f"{where}.{key}", message, **params))

    if "outcome" in expect and expect["outcome"] not in (
        "eligible",
        "not_eligible",
        "needs_review",
    ):
        bad("outcome", "outcome_value")
    if "group" in expect and expect["group"] not in (
        "core",
        "preadolescent",
        "adolescent",
        "outside",
    ):
        bad("group", "group_value")
    for key in ("reunification", "ok"):
        if key in expect and not isinstance(expect[key], bool):
            bad(key, "boolean", key=key)
    for key in ("errors", "warnings"):
        if key in expect and (isinstance(expect[key], bool) or not isinstance(expect[key], int)):
            bad(key, "whole_number", key=key)
    for key in ("missing", "failing"):
        if key in expect and not (
            isinstance(expect[key], list) and all(isinstance(x, str) for x in expect[key])
        ):
            bad(key, "texts", key=key)
    if "findings" in expect:
        items = expect["findings"]
        if not isinstance(items, list):
            bad("findings", "findings_list")
            return
        for i, item in enumerate(items):
            if not isinstance(item, Mapping) or "rule" not in item or "outcome" not in item:
                bad(f"findings[{i}]", "finding_keys")
                continue
            for key in item:
                if key not in _FINDING_KEYS:
                    bad(f"findings[{i}].{key}", "unknown_key", key=key)
            if item["outcome"] not in _OUTCOMES:
                bad(f"findings[{i}].outcome", "finding_outcome", outcomes=", ".join(_OUTCOMES))
    if "shares" in expect and not isinstance(expect["shares"], Mapping):
        bad("shares", "shares_table")


def _check_allocation(value: Any, where: str, problems: list[ErrorDetail]) -> None:
    if not isinstance(value, Mapping):
        problems.append(_problem(where, "allocation_table"))
        return
    for key in value:
        if key not in ("total", "weights", "method", "minimum", "maximum"):
            problems.append(_problem(f"{where}.{key}", "unknown_key", key=key))
    for key in ("total", "weights"):
        if key not in value:
            problems.append(_problem(f"{where}.{key}", "missing_key", key=key))


# -- running -----------------------------------------------------------------------------------


def _profile(case: Case) -> Any:
    from welfare_ambito.rules import load_profile

    profile = case.profile
    assert profile is not None
    path = Path(case.source).parent / profile if case.source else Path(profile)
    resolved = load_profile(str(path) if profile.endswith(".toml") and path.is_file() else profile)
    return resolved.override(case.overrides) if case.overrides else resolved


def _run_family(case: Case, lang: str) -> tuple[list[str], list[str]]:
    from welfare_ambito.eligibility import assess

    assert case.on is not None
    # assess validates the language at its boundary (a typed error for any other value).
    result = assess(case.input, on=case.on, profile=_profile(case), lang=cast("Lang", lang))
    actual = {
        "outcome": result.outcome.value,
        "group": None if result.group is None else result.group.value,
        "reunification": result.reunification,
        "missing": sorted(result.missing),
    }
    differences = []
    for key, wanted in case.expect.items():
        got = actual[key]
        if key == "missing":
            wanted = sorted(wanted)
        if got != wanted:
            differences.append(_diff(key, wanted, got, lang))
    return differences, [f"- {r}" for r in result.reasons()]


_RANK = {"fail": 3, "needs_review": 2, "pass": 1, "not_applicable": 0}


def _check_report(case: Case, report: Any, lang: str) -> tuple[list[str], list[str]]:
    from welfare_ambito.rules import Outcome, Severity
    from welfare_ambito.rules.render import where as located

    expect = case.expect
    findings = report.findings
    failing = [f for f in findings if f.outcome is Outcome.FAIL]
    actual_ok = not any(f.severity is Severity.ERROR for f in failing)
    differences: list[str] = []
    if "ok" in expect and expect["ok"] != actual_ok:
        differences.append(_diff("ok", expect["ok"], actual_ok, lang))
    for key, severity in (("errors", Severity.ERROR), ("warnings", Severity.WARNING)):
        if key in expect:
            count = sum(1 for f in failing if f.severity is severity)
            if count != expect[key]:
                differences.append(_diff(key, expect[key], count, lang))
    if "failing" in expect:
        wanted = sorted(set(expect["failing"]))
        got = sorted({f.rule for f in failing})
        if wanted != got:
            extra = [r for r in got if r not in wanted]
            absent = [r for r in wanted if r not in got]
            note = _text(lang, "extra_missing", extra=extra, absent=absent)
            differences.append(_diff("failing", wanted, got, lang) + f"\n      ({note})")
    for item in expect.get("findings", ()):
        rule, path = item["rule"], item.get("path")
        chosen = [f for f in findings if f.rule == rule and (path is None or f.path == path)]
        where = f"{rule} @ {path}" if path is not None else rule
        if not chosen:
            differences.append(_diff(where, item["outcome"], _text(lang, "no_finding"), lang))
            continue
        outcomes: list[str] = [str(f.outcome.value) for f in chosen]
        worst = max(outcomes, key=_RANK.__getitem__)
        if worst != item["outcome"]:
            differences.append(_diff(where, item["outcome"], worst, lang))
    details = [
        f"- {f.rule} @ {located(f, lang)}: {_outcome(f.outcome.value, lang)} — {f.message}"
        for f in findings
        if f.outcome in (Outcome.FAIL, Outcome.NEEDS_REVIEW)
    ]
    return differences, details


def _run_plan(case: Case, lang: str) -> tuple[list[str], list[str]]:
    from welfare_ambito.rules import evaluate

    report = evaluate(case.input, _profile(case), on=case.on, lang=lang)  # type: ignore[arg-type]
    return _check_report(case, report, lang)


def _run_budget(case: Case, lang: str) -> tuple[list[str], list[str]]:
    from welfare_ambito import data
    from welfare_ambito.model import Ambito, CoDesignPlan, Comune, Partner, Programme
    from welfare_ambito.rules import evaluate

    profile = _profile(case)
    if profile.ambito:
        ambito = data.ambito(profile.ambito)
    else:
        ambito = Ambito(id="case", name="Ambito", lead="Comune", comuni=(Comune(name="Comune"),))
    try:
        programme = Programme(profile.programme)
    except ValueError:
        programme = Programme.OTHER
    plan = CoDesignPlan(
        id="case",
        ambito=ambito,
        partner=Partner(name="-"),
        programme=programme,
        budget=case.input,
        period=case.input.period,
    )
    rules = [r.id for r in profile.rules if r.rule.subject == "budget"]
    report = evaluate(plan, profile, on=case.on, lang=lang, rules=rules)  # type: ignore[arg-type]
    return _check_report(case, report, lang)


def _run_allocation(case: Case, lang: str) -> tuple[list[str], list[str]]:
    from welfare_ambito.budget.allocation import allocate
    from welfare_ambito.money import Money

    spec = case.input
    result = allocate(
        spec["total"],
        spec["weights"],
        method=spec.get("method", "largest_remainder"),
        minimum=spec.get("minimum"),
        maximum=spec.get("maximum"),
    )
    differences = []
    if "error" in case.expect:
        differences.append(_diff("error", case.expect["error"], _text(lang, "no_error"), lang))
    for name, wanted in case.expect.get("shares", {}).items():
        got = result.get(name)
        expected = Money.parse(str(wanted)) if isinstance(wanted, str) else Money(wanted)
        if got != expected:
            differences.append(_diff(f"shares.{name}", expected, got, lang))
    return differences, list(result.explain(lang).splitlines())


def run_cases(path: str | Path, *, lang: str | None = None) -> tuple[CaseResult, ...]:
    """Load and run the case file at ``path``."""
    cases = load_cases(path)
    return cases.run(lang)


def render_results(results: Sequence[CaseResult], *, lang: str = "it", source: str = "") -> str:
    """Every case's line (and diff when it fails), then a summary line."""
    lines = [r.render(lang) for r in results]
    passed = sum(1 for r in results if r.passed)
    failed = len(results) - passed
    where = f"{source}: " if source else ""
    chosen = _lang(lang)
    lines.append(
        _text(
            lang,
            "summary",
            where=where,
            passed=i18n.quantity("unit.cases_passed", passed, chosen),
            failed=i18n.quantity("unit.cases_failed", failed, chosen),
        )
    )
    return "\n".join(lines)

"""Findings and reports: data first (serialisable, comparable), text second.

A :class:`Report` has a stable JSON form, ``{"schema": "welfare-ambito/report",
"version": 1, ...}``; :meth:`Report.from_json` reads it back to an equal report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Final, NamedTuple

import attrs

from welfare_ambito import i18n
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito._lang import Lang, is_lang
from welfare_ambito.citations import Citation, citation_from_dict, citation_to_dict
from welfare_ambito.errors import ErrorDetail, InvalidInput, InvalidValue
from welfare_ambito.rules._values import JsonValue
from welfare_ambito.rules.outcomes import Outcome, Severity
from welfare_ambito.rules.parameters import Provenance

__all__ = [
    "REPORT_SCHEMA",
    "REPORT_VERSION",
    "Finding",
    "Provenance",
    "Report",
    "ReportDiff",
    "Summary",
    "citation_from_dict",
    "citation_to_dict",
    "finding_record",
    "findings_frame",
]

REPORT_SCHEMA: Final = "welfare-ambito/report"
"""The ``schema`` field of a report's JSON form.

>>> Report(profile="seregno-pippi-2023", on=dt.date(2024, 1, 1)).to_dict()["schema"]
'welfare-ambito/report'
"""
REPORT_VERSION: Final = 1
"""The ``version`` field of a report's JSON form; it changes only with an incompatible change.

>>> Report(profile="seregno-pippi-2023", on=dt.date(2024, 1, 1)).to_dict()["version"]
1
"""

# The words of Finding.why, beside the outcomes' own (outcome.<value>).
i18n.define_group(
    "report.why",
    [
        ("condition", "condizione", "condition"),
        ("values", "valori", "values"),
        ("missing", "dati mancanti", "missing inputs"),
        ("exception", "deroga applicata", "derogation applied"),
        ("conflict", "deroghe in conflitto", "conflicting derogations"),
        ("note", "nota", "note"),
    ],
)
i18n.define(
    "error.rules.report_schema",
    it="non è un report: lo schema deve essere {schema!r}",
    en="not a report: schema must be {schema!r}",
)
i18n.define(
    "error.rules.report_version",
    it="versione del report non supportata {version!r}",
    en="unsupported report version {version!r}",
)
i18n.define(
    "error.rules.report_invalid", it="report non valido: {reason}", en="malformed report: {reason}"
)


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


def _frozen(value: Any) -> JsonValue:
    if isinstance(value, Mapping):
        return FrozenDict({str(k): _frozen(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    return value  # type: ignore[no-any-return]


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


class Finding(NamedTuple):
    """What one rule concluded about one subject, with why.

    ``path`` locates the subject (``interventions[3]``; ``""`` is the plan),
    ``values`` are the values compared (JSON form), ``missing`` the inputs to
    fill in (full paths), ``exception`` the derogation that turned a failure
    into a pass, ``conflict`` the derogations that applied at once.
    ``citation`` is the sentence the profile binds to the rule (shown only when
    every value the rule used comes from the notice); ``provenance`` says, for
    each parameter value used, the citation the profile gives it, or that the
    user set it.

    A named tuple rather than an attrs class: a report of a long stream builds
    one per subject and rule, and a tuple is several times cheaper to build.
    It is immutable and compares by value; build it with keywords.

    >>> f = Finding(rule="pippi.hours.educator", outcome=Outcome.FAIL, severity=Severity.ERROR,
    ...             path="hour_plan", title="Monte ore minimo: educatore",
    ...             message="Ore di educatore nel piano: 5500; minimo 6000.")
    >>> f.is_error, f.key
    (True, ('pippi.hours.educator', 'hour_plan'))
    >>> Finding.from_dict(f.to_dict()) == f
    True
    """

    rule: str
    outcome: Outcome
    severity: Severity
    path: str
    title: str
    message: str
    values: FrozenDict[str, JsonValue] = FrozenDict()
    citation: Citation | None = None
    condition: str | None = None
    missing: tuple[str, ...] = ()
    exception: str | None = None
    conflict: tuple[str, ...] = ()
    note: str | None = None
    subject_id: str | None = None
    """The id of the subject at ``path`` (``F04``), to name it as the user does."""
    provenance: tuple[Provenance, ...] = ()

    @property
    def is_error(self) -> bool:
        """A failure of severity ``error``."""
        return self.outcome is Outcome.FAIL and self.severity is Severity.ERROR

    @property
    def key(self) -> tuple[str, str]:
        """``(rule, path)``: what identifies a finding across two reports."""
        return (self.rule, self.path)

    def why(self, lang: str = "it") -> str:
        """Why the rule concluded so: the condition, the derogation or the missing inputs, with values.

        >>> f = Finding.from_dict({"rule": "a.b", "outcome": "fail", "severity": "error",
        ...     "path": "x[0]", "title": "T", "message": "m", "values": {"hours": "6"},
        ...     "condition": "hours ≥ 8"})
        >>> f.why("en")
        'failed — condition: hours ≥ 8 — values: hours=6'
        """
        code: Lang = lang if is_lang(lang) else "en"
        words = {
            name: i18n.message(f"report.why.{name}", code)
            for name in ("condition", "values", "missing", "exception", "conflict", "note")
        }
        parts = [i18n.message(f"outcome.{self.outcome.value}", code)]
        if self.condition and self.outcome in (Outcome.PASS, Outcome.FAIL):
            parts.append(f"{words['condition']}: {self.condition}")
        if self.exception and self.outcome is Outcome.PASS:
            parts.append(f"{words['exception']}: {self.exception}")
        if self.conflict:
            parts.append(f"{words['conflict']}: {', '.join(self.conflict)}")
        if self.missing:
            parts.append(f"{words['missing']}: {', '.join(self.missing)}")
        if self.values:
            shown = ", ".join(f"{k}={_short(v)}" for k, v in self.values.items())
            parts.append(f"{words['values']}: {shown}")
        if self.note:
            parts.append(f"{words['note']}: {self.note}")
        return " — ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the finding."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "outcome": self.outcome.value,
            "severity": self.severity.value,
            "path": self.path,
            "title": self.title,
            "message": self.message,
            "values": _thaw(self.values),
        }
        if self.citation is not None:
            out["citation"] = citation_to_dict(self.citation)
        if self.condition is not None:
            out["condition"] = self.condition
        if self.missing:
            out["missing"] = list(self.missing)
        if self.exception is not None:
            out["exception"] = self.exception
        if self.conflict:
            out["conflict"] = list(self.conflict)
        if self.note is not None:
            out["note"] = self.note
        if self.subject_id is not None:
            out["subject_id"] = self.subject_id
        if self.provenance:
            out["provenance"] = [p.to_dict() for p in self.provenance]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """A finding from its JSON form."""
        citation = data.get("citation")
        return cls(
            rule=data["rule"],
            outcome=Outcome(data["outcome"]),
            severity=Severity(data["severity"]),
            path=data["path"],
            title=data["title"],
            message=data["message"],
            values=_frozen(data.get("values", {})),  # type: ignore[arg-type]
            citation=None if citation is None else citation_from_dict(citation),
            condition=data.get("condition"),
            missing=tuple(data.get("missing", ())),
            exception=data.get("exception"),
            conflict=tuple(data.get("conflict", ())),
            note=data.get("note"),
            subject_id=data.get("subject_id"),
            provenance=tuple(Provenance.from_dict(p) for p in data.get("provenance", ())),
        )


def _short(value: JsonValue) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_short(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    return str(value)


def _counts(value: Any) -> FrozenDict[Outcome, int]:
    counts = dict.fromkeys(Outcome, 0)
    for key, number in dict(value).items():
        counts[Outcome(key)] = int(number)
    return FrozenDict(counts)


@attrs.frozen(kw_only=True)
class Summary:
    """Counts of a report: findings per outcome and failures per severity.

    ``ok`` is true when no failure has severity ``error``.

    >>> counts = {"pass": 79, "fail": 13, "needs_review": 1}
    >>> summary = Summary(outcomes=counts, errors=12, warnings=1)
    >>> summary.total, summary.ok
    (93, False)
    >>> summary.to_dict()["failures"]
    {'error': 12, 'warning': 1, 'info': 0}
    """

    outcomes: FrozenDict[Outcome, int] = attrs.field(factory=dict, converter=_counts)
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    @property
    def total(self) -> int:
        """Number of findings."""
        return sum(self.outcomes.values())

    @property
    def ok(self) -> bool:
        """No failure of severity ``error``."""
        return self.errors == 0

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Summary:
        """The summary of ``findings`` (consumed once)."""
        tally = Tally()
        for finding in findings:
            tally.add(finding.outcome, finding.severity)
        return tally.summary()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the summary."""
        return {
            "total": self.total,
            "ok": self.ok,
            "outcomes": {k.value: n for k, n in self.outcomes.items()},
            "failures": {"error": self.errors, "warning": self.warnings, "info": self.infos},
        }


class Tally:
    """A running count of outcomes and failures, for streams too long to keep."""

    __slots__ = ("counts", "failures")

    def __init__(self) -> None:
        self.counts: dict[Outcome, int] = dict.fromkeys(Outcome, 0)
        self.failures: dict[Severity, int] = dict.fromkeys(Severity, 0)

    def add(self, outcome: Outcome, severity: Severity) -> None:
        """Count one finding."""
        self.counts[outcome] += 1
        if outcome is Outcome.FAIL:
            self.failures[severity] += 1

    def summary(self) -> Summary:
        """The counts so far."""
        return Summary(
            outcomes=self.counts,
            errors=self.failures[Severity.ERROR],
            warnings=self.failures[Severity.WARNING],
            infos=self.failures[Severity.INFO],
        )


@attrs.frozen(kw_only=True)
class Report:
    """The findings of a plan checked against a profile on a date.

    ``parameters`` are the values in force that the rules read (JSON form);
    ``overrides`` names those that come from a what-if; ``provenance`` gives
    the citation of every value read (or says the user set it).

    >>> from welfare_ambito import data
    >>> from welfare_ambito.rules import evaluate
    >>> report = evaluate(data.example("pippi_seregno_mistakes"), "seregno-pippi-2023",
    ...                   rules=["pippi.hours.educator", "pippi.hours.psychologist"])
    >>> report.ok, report.on, [(f.rule, f.outcome.value) for f in report.findings]
    (False, datetime.date(2023, 9, 1),
     [('pippi.hours.educator', 'fail'), ('pippi.hours.psychologist', 'pass')])
    >>> Report.from_json(report.to_json()) == report
    True
    """

    profile: str
    on: dt.date
    lang: str = "it"
    plan: str | None = None
    profile_title: str | None = None
    ambito: str | None = None
    parameters: FrozenDict[str, JsonValue] = attrs.field(factory=FrozenDict, converter=_frozen)
    overrides: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_tuple)
    provenance: tuple[Provenance, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def summary(self) -> Summary:
        """Counts per outcome and per severity of failure."""
        return Summary.of(self.findings)

    @property
    def ok(self) -> bool:
        """No failure of severity ``error``."""
        return not any(f.is_error for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Failures of severity ``error``."""
        return tuple(f for f in self.findings if f.is_error)

    def select(
        self,
        *,
        outcome: Outcome | str | None = None,
        rule: str | None = None,
        path: str | None = None,
    ) -> tuple[Finding, ...]:
        """Findings with the given outcome, rule id (or id prefix ending in ``.``) and path."""
        chosen = []
        for finding in self.findings:
            if outcome is not None and finding.outcome != Outcome(outcome):
                continue
            if rule is not None and not (
                finding.rule == rule or (rule.endswith(".") and finding.rule.startswith(rule))
            ):
                continue
            if path is not None and finding.path != path:
                continue
            chosen.append(finding)
        return tuple(chosen)

    def finding(self, rule: str, path: str = "") -> Finding | None:
        """The finding of ``rule`` on the subject at ``path``, or ``None``."""
        return next((f for f in self.findings if f.rule == rule and f.path == path), None)

    # -- JSON ---------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON form (``schema``, ``version`` 1)."""
        data = self.head_dict(self.summary)
        data["findings"] = [f.to_dict() for f in self.findings]
        return data

    def head_dict(self, summary: Summary) -> dict[str, Any]:
        """:meth:`to_dict` of a report with ``summary``, without its last key, ``findings``.

        What a writer streaming the findings writes first, once it has counted them.

        >>> report = Report(profile="seregno-pippi-2023", on=dt.date(2024, 1, 1))
        >>> head = report.head_dict(Summary(outcomes={"fail": 2}, errors=2))
        >>> head["ok"], head["summary"]["total"], list(head)[-1]
        (False, 2, 'provenance')
        """
        return {
            "schema": REPORT_SCHEMA,
            "version": REPORT_VERSION,
            "profile": self.profile,
            "profile_title": self.profile_title,
            "ambito": self.ambito,
            "plan": self.plan,
            "on": self.on.isoformat(),
            "lang": self.lang,
            "ok": summary.ok,
            "summary": summary.to_dict(),
            "parameters": _thaw(self.parameters),
            "overrides": list(self.overrides),
            "provenance": [p.to_dict() for p in self.provenance],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON text of :meth:`to_dict` (stable key order, UTF-8 text)."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Read a report written by :meth:`to_dict`; :class:`InvalidInput` if it is not one."""
        if not isinstance(data, Mapping) or data.get("schema") != REPORT_SCHEMA:
            raise InvalidInput(
                [
                    ErrorDetail.from_error(
                        InvalidValue.of("rules.report_schema", schema=REPORT_SCHEMA), "schema"
                    )
                ]
            )
        if data.get("version") != REPORT_VERSION:
            raise InvalidInput(
                [
                    ErrorDetail.from_error(
                        InvalidValue.of("rules.report_version", version=data.get("version")),
                        "version",
                    )
                ]
            )
        try:
            return cls(
                profile=data["profile"],
                profile_title=data.get("profile_title"),
                ambito=data.get("ambito"),
                plan=data.get("plan"),
                on=dt.date.fromisoformat(data["on"]),
                lang=data.get("lang", "it"),
                parameters=data.get("parameters", {}),
                overrides=tuple(data.get("overrides", ())),
                findings=tuple(Finding.from_dict(f) for f in data.get("findings", ())),
                provenance=tuple(Provenance.from_dict(p) for p in data.get("provenance", ())),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidInput(
                [ErrorDetail.from_error(InvalidValue.of("rules.report_invalid", reason=exc), "")]
            ) from None

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Read the JSON text written by :meth:`to_json`."""
        from welfare_ambito._documents import parse_document

        data = parse_document(text, "json")
        return cls.from_dict(data)

    # -- comparison and rendering ---------------------------------------------------------

    def diff(self, other: Report) -> ReportDiff:
        """What changed from this report to ``other`` (e.g. a plan and its what-if)."""
        return ReportDiff.between(self, other)

    def to_text(self, *, verbose: bool = False) -> str:
        """Plain text for a terminal."""
        from welfare_ambito.rules.render import render_text

        return render_text(self, verbose=verbose)

    def to_markdown(self, *, verbose: bool = False) -> str:
        """Markdown, e.g. for a pull request comment."""
        from welfare_ambito.rules.render import render_markdown

        return render_markdown(self, verbose=verbose)

    def to_html(self, *, verbose: bool = False) -> str:
        """An HTML fragment."""
        from welfare_ambito.rules.render import render_html

        return render_html(self, verbose=verbose)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.to_text()

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per finding (see :func:`finding_record`), with the report's profile and day.

        >>> from welfare_ambito import data
        >>> from welfare_ambito.rules import evaluate
        >>> report = evaluate(data.example("pippi_seregno_mistakes"), "seregno-pippi-2023",
        ...                   rules=["pippi.hours.educator"])
        >>> [(r["rule"], r["outcome"], r["path"]) for r in report.to_records()]
        [('pippi.hours.educator', 'fail', 'hour_plan')]
        """
        return [
            {"profile": self.profile, "on": self.on, **finding_record(f)} for f in self.findings
        ]

    def to_pandas(self) -> Any:
        """:meth:`to_records` as a DataFrame: categorical outcome and severity (needs pandas)."""
        return findings_frame(self.to_records(), leading=("profile", "on"))


@attrs.frozen(kw_only=True)
class ReportDiff:
    """The differences between two reports, keyed by ``(rule, path)``.

    >>> from welfare_ambito import data
    >>> from welfare_ambito.rules import evaluate
    >>> plan, only = data.example("pippi_seregno_mistakes"), ["pippi.hours.educator"]
    >>> before = evaluate(plan, "seregno-pippi-2023", rules=only)
    >>> after = evaluate(plan, "seregno-pippi-2023", rules=only,
    ...                  overrides={"pippi.hours.educator_min": "5000"})
    >>> diff = before.diff(after)
    >>> [(a.outcome.value, b.outcome.value) for a, b in diff.outcome_changes()], diff.parameters
    ([('fail', 'pass')], FrozenDict({'pippi.hours.educator_min': ('6000', '5000')}))
    """

    added: tuple[Finding, ...] = ()
    removed: tuple[Finding, ...] = ()
    changed: tuple[tuple[Finding, Finding], ...] = ()
    """``(before, after)`` pairs whose outcome, severity or values differ."""
    parameters: FrozenDict[str, tuple[JsonValue, JsonValue]] = attrs.field(factory=FrozenDict)
    """``name: (before, after)`` for parameter values that differ (``None``: not read)."""

    @classmethod
    def between(cls, before: Report, after: Report) -> ReportDiff:
        """Compare ``before`` with ``after``."""
        old = {f.key: f for f in before.findings}
        new = {f.key: f for f in after.findings}
        added = tuple(f for k, f in new.items() if k not in old)
        removed = tuple(f for k, f in old.items() if k not in new)
        changed = tuple(
            (old[k], f)
            for k, f in new.items()
            if k in old
            and (old[k].outcome, old[k].severity, old[k].values, old[k].exception)
            != (f.outcome, f.severity, f.values, f.exception)
        )
        names = list(dict.fromkeys([*before.parameters, *after.parameters]))
        params = {
            n: (before.parameters.get(n), after.parameters.get(n))
            for n in names
            if before.parameters.get(n) != after.parameters.get(n)
        }
        return cls(added=added, removed=removed, changed=changed, parameters=FrozenDict(params))

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.parameters)

    def outcome_changes(self) -> tuple[tuple[Finding, Finding], ...]:
        """Changed pairs whose outcome differs."""
        return tuple((a, b) for a, b in self.changed if a.outcome != b.outcome)

    def to_text(self, lang: str = "it") -> str:
        """One line per difference."""
        from welfare_ambito.rules.render import render_diff

        return render_diff(self, lang=lang)

    def __str__(self) -> str:
        return self.to_text()


FINDING_COLUMNS: Final = (
    "rule",
    "outcome",
    "severity",
    "path",
    "title",
    "message",
    "missing",
    "exception",
    "source",
)
"""The columns of :func:`finding_record`."""


def finding_record(finding: Finding) -> dict[str, Any]:
    """A finding as one flat row: codes for outcome and severity, missing inputs joined.

    >>> f = Finding(rule="a.b", outcome=Outcome.NEEDS_REVIEW, severity=Severity.ERROR, path="x",
    ...             title="T", message="m", missing=("x.y",))
    >>> finding_record(f)["outcome"], finding_record(f)["missing"]
    ('needs_review', 'x.y')
    """
    citation = finding.citation
    return {
        "rule": finding.rule,
        "outcome": finding.outcome.value,
        "severity": finding.severity.value,
        "path": finding.path,
        "title": finding.title,
        "message": finding.message,
        "missing": "; ".join(finding.missing),
        "exception": finding.exception,
        "source": None if citation is None else f"{citation.document}, {citation.section}",
    }


def findings_frame(records: list[dict[str, Any]], *, leading: tuple[str, ...]) -> Any:
    """Finding rows as a DataFrame: ``outcome`` and ``severity`` categorical (needs pandas).

    >>> from welfare_ambito import data
    >>> from welfare_ambito.rules import evaluate
    >>> report = evaluate(data.example("pippi_seregno"), "seregno-pippi-2023",
    ...                   rules=["pippi.hours.educator"])
    >>> str(report.to_pandas()["outcome"].dtype)
    'category'
    """
    from welfare_ambito.tables.frames import to_frame

    return to_frame(
        records,
        columns=(*leading, *FINDING_COLUMNS),
        categories={
            "outcome": [o.value for o in Outcome],
            "severity": [s.value for s in Severity],
        },
    )

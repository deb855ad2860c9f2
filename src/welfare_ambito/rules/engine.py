"""Evaluate a profile's rules on a plan, or on a stream of subjects.

:func:`evaluate` returns a :class:`~welfare_ambito.rules.report.Report`.
:class:`Checker` binds a profile to a day once and then checks plans or long
streams of subjects: :meth:`Checker.stream` yields findings one at a time,
:meth:`Checker.outcomes` and :meth:`Checker.tally` build no finding at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito._lang import LANGS, Lang, is_lang
from welfare_ambito.citations import Citation
from welfare_ambito.errors import IncompatibleTypes, InvalidValue, NotFound, Phrase
from welfare_ambito.model import CoDesignPlan
from welfare_ambito.rules._values import JsonValue, display, jsonable
from welfare_ambito.rules.definition import Result, Rule, RuleException, Verdict
from welfare_ambito.rules.outcomes import Outcome, Severity
from welfare_ambito.rules.parameters import Parameters, Provenance
from welfare_ambito.rules.profiles import Profile, ProfileRule, ensure_fits, load_profile
from welfare_ambito.rules.report import Finding, Report, Summary, Tally
from welfare_ambito.rules.subjects import MISSING, walk

__all__ = ["Checker", "evaluate", "evaluate_stream", "iterate"]

_PASS = Outcome.PASS
_FAIL = Outcome.FAIL
_REVIEW = Outcome.NEEDS_REVIEW
_NA = Outcome.NOT_APPLICABLE
_new_tuple = tuple.__new__
_Described = tuple[str, str, FrozenDict[str, JsonValue], str | None]
"""Title, message, values and condition of a finding, remembered per values read."""
_DescribedResult = tuple[str, str, FrozenDict[str, JsonValue], str | None, str | None]
"""The same, with the note, for a finding of a :class:`Result`."""
_MEMO_SIZE = 4096
_ID = "\x00id\x00"
"""Stands for a subject's id in remembered messages (no id contains a NUL)."""

i18n.define(
    "error.rules.not_a_plan",
    it="evaluate() controlla un CoDesignPlan, non un {kind}",
    en="evaluate() checks a CoDesignPlan, not a {kind}",
)
i18n.define(
    "error.rules.missing_parameters",
    it="il profilo {profile!r} non imposta parametri letti dalle sue regole: {listed}",
    en="profile {profile!r} does not set parameters its rules read: {listed}",
)
i18n.define("rules.parameter_of_rule", it="{name} (regola {rule})", en="{name} (rule {rule})")
# The code rules.parameter_not_in_force names one parameter where a value is asked for
# (rules/parameters.py); binding a profile to a day names every parameter it lacks then.
i18n.define(
    "rules.parameters_not_in_force",
    it="nessun valore in vigore il {on} per: {parameters}",
    en="no value in force on {on} for: {parameters}",
)


@attrs.frozen
class _Each(Phrase):
    """The phrase ``key`` once for each set of parameters in ``each``, joined by commas.

    A list quoted whole in an error message, each item in the message's language
    (a :class:`Phrase` is never shortened, however long the list).

    >>> listed = _Each("rules.parameter_of_rule", each=({"name": "a", "rule": "r.one"},
    ...                                                  {"name": "b", "rule": "r.two"}))
    >>> listed.display("it")
    'a (regola r.one), b (regola r.two)'
    """

    each: tuple[dict[str, Any], ...] = ()

    def display(self, lang: str = "it") -> str:
        """Each item in ``lang``, joined by commas."""
        return ", ".join(Phrase(self.key, params).display(lang) for params in self.each)


def _get_or_none(getter: Any, subject: Any) -> Any:
    try:
        return getter(subject)
    except AttributeError:
        return None


_MISSING_TEXT = {"it": "dato non presente nel piano", "en": "not recorded in the plan"}
_MAYBE_TEXT = {"it": "la deroga potrebbe applicarsi", "en": "the derogation may apply"}
_CONFLICT_TEXT = {
    "it": "più deroghe potrebbero applicarsi insieme: decide una persona",
    "en": "more than one derogation may apply at once: a person decides",
}


def _subject_id(subject: Any) -> str | None:
    """The subject's own id (families, interventions, staff...), to name it in reports."""
    ident = getattr(subject, "id", None)
    return ident if type(ident) is str else None


def _join(path: str, relative: str) -> str:
    if not path:
        return relative
    if not relative:
        return path
    return f"{path}{relative}" if relative.startswith("[") else f"{path}.{relative}"


class _Bound:
    """A profile rule bound to the parameter values in force on one day."""

    __slots__ = (
        "_conditions",
        "_constants",
        "_json",
        "_memo",
        "_results",
        "_shown",
        "citation",
        "exceptions",
        "function",
        "getters",
        "id_index",
        "outcome_of",
        "params",
        "provenance",
        "rule",
        "severity",
        "single",
    )

    def __init__(
        self, item: ProfileRule, params: Parameters, provenance: tuple[Provenance, ...] = ()
    ) -> None:
        self.rule: Rule[Any] = item.rule
        self.function = item.rule.function
        self.outcome_of = item.rule.outcomes_with(params)
        """Subject → outcome before derogations (the rule's outcome-only form, if it has one)."""
        self.severity: Severity = item.severity
        self.provenance = provenance
        # The rule's sentence stands beside the values only when every one is the notice's own.
        from_notice = all(p.citation is not None and not p.overridden for p in provenance)
        self.citation: Citation | None = item.citation if from_notice else None
        self.exceptions: tuple[RuleException, ...] = item.rule.exceptions
        self.params = params
        self.getters = item.rule._getters
        self.single = self.getters[0][1] if len(self.getters) == 1 else None
        self.id_index: int | None = next(
            (i for i, (name, _) in enumerate(self.getters) if name == "id"), None
        )
        """Where the subject's own id is among the values read (it differs for every subject)."""
        self._shown: dict[str, dict[str, str]] = {}
        self._json: dict[str, JsonValue] | None = None
        self._conditions: dict[str, str | None] = {}
        self._memo: dict[tuple[Any, ...], _Described] = {}
        self._results: dict[tuple[Any, ...], _DescribedResult] = {}
        self._constants: dict[tuple[Any, ...], _DescribedResult] = {}
        """Descriptions of constant results (:meth:`Result.constant`), by token and values read."""

    def condition(self, lang: Lang, shown: Mapping[str, str]) -> str | None:
        """The filled condition; computed once when it names only parameters."""
        rule = self.rule
        if rule.condition is None:
            return None
        if lang in self._conditions:
            return self._conditions[lang]
        text = rule.fill("condition", lang, shown)
        _, names = rule._templates[f"condition.{lang}"]
        if not set(names) & set(rule.reads):
            self._conditions[lang] = text
        return text

    def shown(self, lang: Lang) -> dict[str, str]:
        """The rule's parameter values as shown in ``lang`` (computed once)."""
        cached = self._shown.get(lang)
        if cached is None:
            cached = {n: display(self.params[n], lang) for n in self.rule.parameters}
            self._shown[lang] = cached
        return cached

    def json(self) -> dict[str, JsonValue]:
        """The rule's parameter values in JSON form (computed once)."""
        if self._json is None:
            self._json = {n: jsonable(self.params[n]) for n in self.rule.parameters}
        return self._json


class _Derogation:
    __slots__ = ("applied", "missing", "outcome", "undecided", "values")

    def __init__(self) -> None:
        self.applied: list[RuleException] = []
        self.undecided: list[RuleException] = []
        self.missing: list[str] = []
        self.values: dict[str, Any] = {}
        self.outcome = _FAIL


def _derogate(bound: _Bound, subject: Any) -> _Derogation:
    """Run the derogations of a failed rule: one applies → pass; two → conflict."""
    result = _Derogation()
    for exc in bound.exceptions:
        verdict = exc.function(subject, bound.params)
        if isinstance(verdict, Result):
            outcome = verdict.outcome
            result.values.update(verdict.values)
            if outcome is _REVIEW:
                result.missing.extend(verdict.missing)
        elif isinstance(verdict, Outcome):
            outcome = verdict
        else:
            outcome = _PASS if verdict else _FAIL
        if outcome is _PASS:
            result.applied.append(exc)
        elif outcome is _REVIEW:
            result.undecided.append(exc)
    if len(result.applied) == 1 and not result.undecided:
        result.outcome = _PASS
    elif result.applied or result.undecided:
        result.outcome = _REVIEW
    return result


class Checker:
    """A profile bound to a day (and a language), ready to check plans or streams.

    Parameters the rules read are resolved once; a rule whose parameters the
    profile does not set, or sets no value for on ``on``, is an error here,
    naming every such parameter.

    >>> import datetime as dt
    >>> checker = Checker("seregno-pippi-2023", on=dt.date(2024, 1, 1))
    >>> checker.on
    datetime.date(2024, 1, 1)
    """

    def __init__(
        self,
        profile: Profile | str,
        *,
        on: dt.date,
        lang: Lang = "it",
        overrides: Mapping[str, Any] | None = None,
        rules: Iterable[str] | None = None,
    ) -> None:
        if not is_lang(lang):
            raise InvalidValue.of("choice", path="lang", value=lang, choices="it, en")
        if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
            raise InvalidValue.of("type", path="on", expected="a date", actual=type(on).__name__)
        resolved = load_profile(profile) if isinstance(profile, str) else profile
        if overrides:
            resolved = resolved.override(overrides)
        self.profile = resolved
        self.on = on
        self.lang = lang
        chosen = resolved.rules
        if rules is not None:
            wanted = list(rules)
            for rule_id in wanted:
                resolved.rule(rule_id)
            chosen = tuple(r for r in chosen if r.id in set(wanted))
        self._bound = self._bind(chosen)
        self._by_kind: dict[str, list[_Bound]] = {}
        for bound in self._bound:
            self._by_kind.setdefault(bound.rule.subject, []).append(bound)

    def __reduce__(self) -> tuple[Any, ...]:
        # Bound rules hold caches: a checker travels as what it was made from, and rebinds.
        rules = tuple(b.rule.id for b in self._bound)
        return (_rebuild_checker, (self.profile, self.on, self.lang, rules))

    def _bind(self, chosen: tuple[ProfileRule, ...]) -> tuple[_Bound, ...]:
        unset = [
            (r.id, n)
            for r in chosen
            for n in r.rule.all_parameters
            if n not in self.profile.parameters
        ]
        if unset:
            error = NotFound.of(
                "rules.missing_parameters",
                path=unset[0][1],
                profile=self.profile.id,
                listed=_Each(
                    "rules.parameter_of_rule",
                    each=tuple({"name": name, "rule": rule_id} for rule_id, name in unset),
                ),
            )
            error.params = {"parameters": [n for _, n in unset]}
            raise error
        gaps: list[str] = []
        for name in dict.fromkeys(n for r in chosen for n in r.rule.all_parameters):
            try:
                self.profile.parameters[name].entry_at(self.on)
            except NotFound:
                gaps.append(name)
        if gaps:
            text = {
                lang: i18n.message(
                    "rules.parameters_not_in_force",
                    lang,
                    on=i18n.date(self.on, lang),
                    parameters=", ".join(gaps),
                )
                for lang in LANGS
            }
            raise NotFound(
                text["en"],
                code="rules.parameter_not_in_force",
                message_it=text["it"],
                path=gaps[0],
                params={"parameters": gaps, "on": self.on.isoformat()},
            )
        parameters = self.profile.parameters
        return tuple(
            _Bound(
                item,
                parameters.at(self.on, item.rule.all_parameters),
                tuple(
                    p
                    for n in item.rule.all_parameters
                    for p in parameters[n].provenance_at(self.on)
                ),
            )
            for item in chosen
        )

    # -- plans ----------------------------------------------------------------------------

    def findings(self, plan: Any) -> Iterator[Finding]:
        """Every finding of every rule on every subject of ``plan``, one at a time."""
        ensure_fits(self.profile, plan)
        for bound in self._bound:
            for path, subject in walk(plan, bound.rule.subject):
                yield self._check(bound, path, subject)

    def report(self, plan: Any) -> Report:
        """The report of ``plan``."""
        findings = tuple(self.findings(plan))
        return attrs.evolve(self.head(plan), findings=findings)

    def head(self, plan: Any) -> Report:
        """The report of ``plan`` without its findings: what a writer streaming them needs first.

        >>> import datetime as dt
        >>> from welfare_ambito import data
        >>> checker = Checker("seregno-pippi-2023", on=dt.date(2023, 9, 1))
        >>> head = checker.head(data.example("pippi_seregno"))
        >>> head.plan, head.findings, "pippi.hours.educator_min" in head.parameters
        ('seregno-pippi-2023-partner-a', (), True)
        """
        read = dict.fromkeys(n for b in self._bound for n in b.rule.all_parameters)
        overridden = set(self.profile.parameters.overridden())
        return Report(
            profile=self.profile.id,
            profile_title=self.profile.title,
            ambito=self.profile.ambito,
            plan=getattr(plan, "id", None),
            on=self.on,
            lang=self.lang,
            parameters={n: jsonable(self.profile.parameters[n].at(self.on)) for n in read},
            overrides=tuple(n for n in read if n in overridden),
            provenance=tuple(
                p for n in read for p in self.profile.parameters[n].provenance_at(self.on)
            ),
        )

    # -- streams of subjects ------------------------------------------------------------------

    def findings_of(self, subject: Any, *, kind: str, path: str = "") -> tuple[Finding, ...]:
        """The findings of the ``kind`` rules on one subject, at ``path`` (``""``: the subject).

        Missing inputs are then paths relative to the subject.

        >>> import datetime as dt
        >>> from welfare_ambito import data
        >>> checker = Checker("seregno-pippi-2023", on=dt.date(2023, 6, 1), lang="en")
        >>> family = data.example("pippi_seregno").families[0]
        >>> [f.outcome.value for f in checker.findings_of(family, kind="family")][:3]
        ['pass', 'pass', 'pass']
        """
        out = []
        for bound in self._rules_for(kind):
            verdict = bound.function(subject, bound.params)
            kind_of = verdict.__class__
            if kind_of is Result:
                if not bound.exceptions or verdict.outcome is not _FAIL:  # type: ignore[union-attr]
                    out.append(self._result(bound, path, subject, verdict))  # type: ignore[arg-type]
                    continue
            elif kind_of is Outcome and (not bound.exceptions or verdict is not _FAIL):
                out.append(self._plain(bound, path, subject, verdict))  # type: ignore[arg-type]
                continue
            out.append(self._check(bound, path, subject, verdict))
        return tuple(out)

    def _rules_for(self, kind: str) -> list[_Bound]:
        return self._by_kind.get(kind, [])

    def stream(
        self, subjects: Iterable[Any], *, kind: str, collection: str | None = None
    ) -> Iterator[Finding]:
        """Findings for a stream of ``kind`` subjects, one at a time (nothing is kept).

        Paths are ``collection[i]`` (default: the kind's plan field, else the kind).
        """
        from welfare_ambito.rules.subjects import subject_kind

        prefix = collection or subject_kind(kind).collection or kind
        rules = self._rules_for(kind)
        if len(rules) == 1 and rules[0].single is not None and not rules[0].exceptions:
            yield from self._stream_one(rules[0], subjects, prefix)
            return
        plain, result_of, check = self._plain, self._result, self._check
        hoisted = [(b.function, b.params, b.exceptions, b) for b in rules]
        for index, subject in enumerate(subjects):
            path = f"{prefix}[{index}]"
            if subject is MISSING:
                for bound in rules:
                    yield check(bound, path, subject)
                continue
            for function, params, derogations, bound in hoisted:
                verdict = function(subject, params)
                kind_of = verdict.__class__
                if kind_of is Result:
                    if not derogations or verdict.outcome is not _FAIL:  # type: ignore[union-attr]
                        yield result_of(bound, path, subject, verdict)  # type: ignore[arg-type]
                        continue
                elif kind_of is Outcome and (not derogations or verdict is not _FAIL):
                    yield plain(bound, path, subject, verdict)  # type: ignore[arg-type]
                    continue
                yield check(bound, path, subject, verdict)

    def _stream_one(self, bound: _Bound, subjects: Iterable[Any], prefix: str) -> Iterator[Finding]:
        """:meth:`stream` for one rule reading one field, with no derogation: the hot loop.

        The same steps as :meth:`_plain`, with every lookup hoisted out of the loop:
        a stream of many subjects checked against one rule is what it is for.
        """
        function, params, single = bound.function, bound.params, bound.single
        rule_id, severity, citation = bound.rule.id, bound.severity, bound.citation
        provenance = bound.provenance
        assert single is not None
        check, describe = self._check, self._describe
        # One memo per outcome, chosen by identity: keys are then the bare values read.
        by_pass: dict[Any, _Described] = {}
        by_fail: dict[Any, _Described] = {}
        by_na: dict[Any, _Described] = {}
        by_review: dict[Any, _Described] = {}
        for index, subject in enumerate(subjects):
            path = f"{prefix}[{index}]"
            if subject is MISSING:
                yield check(bound, path, subject)
                continue
            outcome = function(subject, params)
            if outcome.__class__ is not Outcome:
                yield check(bound, path, subject, outcome)
                continue
            try:
                value = single(subject)
            except AttributeError:
                value = None
            memo = (
                by_pass
                if outcome is _PASS
                else by_fail
                if outcome is _FAIL
                else by_na
                if outcome is _NA
                else by_review
            )
            try:
                cached = memo.get(value)
            except TypeError:  # an unhashable value: nothing to remember
                cached = describe(bound, outcome, [value])
            else:
                if cached is None:
                    cached = describe(bound, outcome, [value])
                    if len(memo) >= _MEMO_SIZE:
                        memo.clear()
                    memo[value] = cached
            title, message, values, condition = cached
            yield _new_tuple(
                Finding,
                (
                    rule_id,
                    outcome,
                    severity,
                    path,
                    title,
                    message,
                    values,
                    citation,
                    condition,
                    (),
                    None,
                    (),
                    None,
                    ident if (ident := getattr(subject, "id", None)).__class__ is str else None,
                    provenance,
                ),
            )

    def outcomes(self, subjects: Iterable[Any], *, kind: str) -> Iterator[Outcome]:
        """Only the outcome of each rule on each subject: no message, no values, no finding."""
        rules = self._rules_for(kind)
        if len(rules) == 1:
            yield from _outcomes_one(rules[0], subjects)
            return
        if not any(b.exceptions for b in rules):
            # No derogation to run: one list of outcomes per subject, handed out in turn.
            forms = [b.outcome_of for b in rules]
            for subject in subjects:
                yield from [form(subject) for form in forms]
            return
        # Lookups hoisted: this loop runs subjects × rules times.
        hoisted = [(b.outcome_of, b.exceptions, b) for b in rules]
        for subject in subjects:
            for form, derogations, bound in hoisted:
                outcome = form(subject)
                if outcome is _FAIL and derogations:
                    outcome = _derogate(bound, subject).outcome
                yield outcome

    def tally(self, subjects: Iterable[Any], *, kind: str) -> Summary:
        """Counts of outcomes (and failures per severity) for a stream, keeping nothing else."""
        rules = self._rules_for(kind)
        counts = dict.fromkeys(Outcome, 0)
        failures = dict.fromkeys(Severity, 0)
        if len(rules) == 1:
            severity = rules[0].severity
            for outcome in _outcomes_one(rules[0], subjects):
                counts[outcome] += 1
                if outcome is _FAIL:
                    failures[severity] += 1
        else:
            for subject in subjects:
                for bound in rules:
                    outcome = _outcome(bound, subject)
                    counts[outcome] += 1
                    if outcome is _FAIL:
                        failures[bound.severity] += 1
        tally = Tally()
        tally.counts.update(counts)
        tally.failures.update(failures)
        return tally.summary()

    # -- one finding -------------------------------------------------------------------------

    def _check(
        self, bound: _Bound, path: str, subject: Any, verdict: Verdict | None = None
    ) -> Finding:
        rule = bound.rule
        lang = self.lang
        if subject is MISSING:
            return Finding(
                rule=rule.id,
                outcome=_REVIEW,
                severity=bound.severity,
                path=path,
                title=rule.title[lang],
                message=f"{rule.title[lang]}: {_MISSING_TEXT[lang]}",
                citation=bound.citation,
                missing=(path,),
                provenance=bound.provenance,
            )
        if verdict is None:
            verdict = bound.function(subject, bound.params)
        if verdict.__class__ is Outcome and not (verdict is _FAIL and bound.exceptions):
            return self._plain(bound, path, subject, verdict)
        if verdict.__class__ is Result and not (verdict.outcome is _FAIL and bound.exceptions):
            return self._result(bound, path, subject, verdict)
        outcome = verdict if verdict.__class__ is Outcome else verdict.outcome  # type: ignore[union-attr]
        # Values read from the subject first, then the parameters (shown and JSON forms cached).
        read = rule.read_values(subject)
        shown = {name: display(value, lang) for name, value in read.items()}
        shown.update(bound.shown(lang))
        values = {name: jsonable(value) for name, value in read.items()}
        values.update(bound.json())
        missing: tuple[str, ...] = ()
        note: str | None = None
        if verdict.__class__ is Result:
            result: Result = verdict
            if result.values:
                for name, value in result.values.items():
                    shown[name] = display(value, lang)
                    values[name] = jsonable(value)
            missing = result.missing
            note = None if result.note is None else display(result.note, lang)
        exception: str | None = None
        conflict: tuple[str, ...] = ()
        if outcome is _FAIL and bound.exceptions:
            outcome, exception, conflict, note, extra, more_missing = self._derogations(
                bound, subject
            )
            for name, value in extra.items():
                shown[name] = display(value, lang)
                values[name] = jsonable(value)
            missing = (*missing, *more_missing)
        title = rule.title[lang]
        if outcome is _NA:
            message = title if note is None else f"{title}: {note}"
        else:
            message = rule.fill("message", lang, shown)
        return Finding(
            rule=rule.id,
            outcome=outcome,
            severity=bound.severity,
            path=path,
            title=title,
            message=message,
            values=FrozenDict(values),
            citation=bound.citation,
            condition=None if rule.condition is None else rule.fill("condition", lang, shown),
            missing=tuple([_join(path, m) for m in missing]) if missing else (),
            exception=exception,
            conflict=conflict,
            note=note,
            subject_id=_subject_id(subject),
            provenance=bound.provenance,
        )

    def _result(self, bound: _Bound, path: str, subject: Any, result: Result) -> Finding:
        """A finding for a :class:`Result` with no derogation to run.

        Its title, message, values and condition depend only on the outcome, the
        note, the values read and the values returned: they are built once per
        distinct combination (a population repeats a handful of them), so an
        explanation costs a dictionary lookup, not a formatting.
        """
        token = result.token
        if token is not None and bound.id_index is None:
            # A constant result on a rule that does not read the subject's id: the
            # common case of a population, looked up before anything is built.
            single = bound.single
            if single is not None:
                try:
                    quick: tuple[Any, ...] = (token, single(subject))
                except AttributeError:
                    quick = (token, None)
            elif not bound.getters:
                quick = (token,)
            else:
                try:
                    quick = (token, *[getter(subject) for _, getter in bound.getters])
                except AttributeError:
                    quick = (token, *[_get_or_none(g, subject) for _, g in bound.getters])
            try:
                hit = bound._constants.get(quick)
            except TypeError:  # an unhashable value: described below, not remembered
                hit = None
            if hit is not None:
                missing = result.missing
                return _new_tuple(
                    Finding,
                    (
                        bound.rule.id,
                        result.outcome,
                        bound.severity,
                        path,
                        hit[0],
                        hit[1],
                        hit[2],
                        bound.citation,
                        hit[3],
                        tuple([_join(path, m) for m in missing]) if missing else (),
                        None,
                        (),
                        hit[4],
                        sid if (sid := getattr(subject, "id", None)).__class__ is str else None,
                        bound.provenance,
                    ),
                )
        try:
            read = [getter(subject) for _, getter in bound.getters]
        except AttributeError:
            read = [_get_or_none(getter, subject) for _, getter in bound.getters]
        # The subject's own id differs for every subject: a placeholder stands for it in
        # what is remembered, and the id is put back in the finding (messages name it).
        own: str | None = None
        ident = bound.id_index
        if ident is not None and read[ident].__class__ is str:
            own = read[ident]
            read[ident] = _ID
        outcome = result.outcome
        if token is not None:  # a constant result: known by its token, its values not compared
            key: tuple[Any, ...] = (token, *read)
            memo = bound._constants
        else:
            key = (id(outcome), result.note, *read, *result.values.items())
            memo = bound._results
        try:
            cached = memo.get(key)
        except TypeError:  # an unhashable value: nothing to remember
            cached = self._describe_result(bound, result, read)
        else:
            if cached is None:
                cached = self._describe_result(bound, result, read)
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                memo[key] = cached
        title, message, values, condition, note = cached
        if own is not None:
            message = message.replace(_ID, own)
            if condition is not None:
                condition = condition.replace(_ID, own)
            mine = dict(values)
            for name, value in mine.items():
                if value == _ID:
                    mine[name] = own
            values = FrozenDict(mine)
        missing = result.missing
        return _new_tuple(
            Finding,
            (
                bound.rule.id,
                outcome,
                bound.severity,
                path,
                title,
                message,
                values,
                bound.citation,
                condition,
                tuple([_join(path, m) for m in missing]) if missing else (),
                None,
                (),
                note,
                sid if (sid := getattr(subject, "id", None)).__class__ is str else None,
                bound.provenance,
            ),
        )

    def _describe_result(self, bound: _Bound, result: Result, read: list[Any]) -> _DescribedResult:
        rule = bound.rule
        lang = self.lang
        shown: dict[str, str] = {}
        values: dict[str, JsonValue] = {}
        for (name, _), value in zip(bound.getters, read, strict=True):
            shown[name] = display(value, lang)
            values[name] = jsonable(value)
        shown.update(bound.shown(lang))
        values.update(bound.json())
        for name, value in result.values.items():
            shown[name] = display(value, lang)
            values[name] = jsonable(value)
        title = rule.title[lang]
        note = None if result.note is None else display(result.note, lang)
        if result.outcome is _NA:
            message = title if note is None else f"{title}: {note}"
        else:
            message = rule.fill("message", lang, shown)
        condition = None if rule.condition is None else rule.fill("condition", lang, shown)
        return title, message, FrozenDict(values), condition, note

    def _plain(self, bound: _Bound, path: str, subject: Any, outcome: Outcome) -> Finding:
        """A finding for a bare outcome with no derogation to run: the common, fast case.

        The message, values and condition depend only on the outcome and the values
        read, so they are remembered per distinct combination (equal values show
        alike: numbers are shown in canonical form, see ``decimal_text``).
        """
        # Outcomes are keyed by identity: an Enum member's hash runs Python code.
        single = bound.single
        if single is not None:  # one field read: no lists to build
            try:
                value = single(subject)
            except AttributeError:
                value = None
            read = [value]
            key: tuple[Any, ...] = (id(outcome), value)
        else:
            try:
                read = [getter(subject) for _, getter in bound.getters]
            except AttributeError:
                read = [_get_or_none(getter, subject) for _, getter in bound.getters]
            key = (id(outcome), *read)
        memo = bound._memo
        try:
            cached = memo.get(key)
        except TypeError:  # an unhashable value: nothing to remember
            cached = self._describe(bound, outcome, read)
        else:
            if cached is None:
                cached = self._describe(bound, outcome, read)
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                memo[key] = cached
        title, message, values, condition = cached
        # Positional construction: several times cheaper than keywords for a NamedTuple.
        return _new_tuple(
            Finding,
            (
                bound.rule.id,
                outcome,
                bound.severity,
                path,
                title,
                message,
                values,
                bound.citation,
                condition,
                (),
                None,
                (),
                None,
                _subject_id(subject),
                bound.provenance,
            ),
        )

    def _describe(self, bound: _Bound, outcome: Outcome, read: list[Any]) -> _Described:
        rule = bound.rule
        lang = self.lang
        shown = dict(bound.shown(lang))
        values = dict(bound.json())
        for (name, _), value in zip(bound.getters, read, strict=True):
            shown[name] = display(value, lang)
            values[name] = jsonable(value)
        title = rule.title[lang]
        message = title if outcome is _NA else rule.fill("message", lang, shown)
        return title, message, FrozenDict(values), bound.condition(lang, shown)

    def _derogations(
        self, bound: _Bound, subject: Any
    ) -> tuple[Outcome, str | None, tuple[str, ...], str | None, dict[str, Any], list[str]]:
        lang = self.lang
        derogation = _derogate(bound, subject)
        extra: dict[str, Any] = {}
        for exc in bound.exceptions:
            extra.update(_reads(exc, subject))
            for name in exc.parameters:
                extra[name] = bound.params[name]
        extra.update(derogation.values)
        outcome = derogation.outcome
        exception: str | None = None
        conflict: tuple[str, ...] = ()
        note: str | None = None
        if outcome is _PASS:
            chosen = derogation.applied[0]
            exception = chosen.id
            note = chosen.title[lang]
        elif outcome is _REVIEW:
            candidates = (*derogation.applied, *derogation.undecided)
            if len(candidates) > 1:
                conflict = tuple(e.id for e in candidates)
                note = _CONFLICT_TEXT[lang]
            else:
                exception = candidates[0].id
                note = f"{_MAYBE_TEXT[lang]}: {candidates[0].title[lang]}"
        return outcome, exception, conflict, note, extra, derogation.missing


def _rebuild_checker(profile: Profile, on: dt.date, lang: Lang, rules: tuple[str, ...]) -> Checker:
    return Checker(profile, on=on, lang=lang, rules=rules)


def _reads(exc: RuleException, subject: Any) -> dict[str, Any]:
    import operator

    values: dict[str, Any] = {}
    for name in exc.reads:
        try:
            values[name] = operator.attrgetter(name)(subject)
        except AttributeError:
            values[name] = None
    return values


def _outcome(bound: _Bound, subject: Any) -> Outcome:
    outcome = bound.outcome_of(subject)
    if outcome is _FAIL and bound.exceptions:
        return _derogate(bound, subject).outcome
    return outcome


def _outcomes_one(bound: _Bound, subjects: Iterable[Any]) -> Iterator[Outcome]:
    derogations = bound.exceptions
    if bound.rule.outcome_form is not None and not derogations:
        yield from map(bound.outcome_of, subjects)
        return
    function, params = bound.function, bound.params
    for subject in subjects:
        verdict = function(subject, params)
        outcome = verdict if verdict.__class__ is Outcome else verdict.outcome  # type: ignore[union-attr]
        if outcome is _FAIL and derogations:
            outcome = _derogate(bound, subject).outcome
        yield outcome


def _default_day(plan: Any) -> dt.date:
    period = getattr(plan, "period", None)
    if period is not None:
        return period.start  # type: ignore[no-any-return]
    return dt.date.today()


def evaluate(
    plan: CoDesignPlan,
    profile: Profile | str,
    *,
    on: dt.date | None = None,
    lang: Lang = "it",
    overrides: Mapping[str, Any] | None = None,
    rules: Iterable[str] | None = None,
) -> Report:
    """Check ``plan`` against ``profile`` (an id, a path or a :class:`Profile`) on ``on``.

    ``on`` defaults to the start of the plan's period (today if it has none).
    ``overrides`` sets parameter values for a what-if; ``rules`` restricts the
    check to some rule ids. The inputs are never modified.

    >>> from welfare_ambito import data
    >>> evaluate(data.example("pippi_seregno"), "seregno-pippi-2023").ok
    True
    >>> report = evaluate(data.example("pippi_seregno_mistakes"), "seregno-pippi-2023")
    >>> finding = report.finding("pippi.hours.educator", "hour_plan")
    >>> finding.outcome, finding.values["hours"], finding.condition
    (<Outcome.FAIL: 'fail'>, '5500', 'ore di educatore ≥ 6.000')
    """
    if not isinstance(plan, CoDesignPlan):
        raise IncompatibleTypes.of("rules.not_a_plan", path="plan", kind=type(plan).__name__)
    day = on if on is not None else _default_day(plan)
    return Checker(profile, on=day, lang=lang, overrides=overrides, rules=rules).report(plan)


def iterate(
    plan: Any,
    profile: Profile | str,
    *,
    on: dt.date | None = None,
    lang: Lang = "it",
    overrides: Mapping[str, Any] | None = None,
    rules: Iterable[str] | None = None,
) -> Iterator[Finding]:
    """Like :func:`evaluate`, but yield the findings one at a time.

    >>> from welfare_ambito import data
    >>> findings = iterate(data.example("pippi_seregno_mistakes"), "seregno-pippi-2023",
    ...                    rules=["pippi.sedt.weekly_hours"], lang="en")
    >>> [f.path for f in findings if f.outcome is Outcome.FAIL]
    ['interventions[2]', 'interventions[5]']
    """
    day = on if on is not None else _default_day(plan)
    return Checker(profile, on=day, lang=lang, overrides=overrides, rules=rules).findings(plan)


def evaluate_stream(
    plan: CoDesignPlan,
    profile: Profile | str,
    *,
    on: dt.date | None = None,
    lang: Lang = "it",
    overrides: Mapping[str, Any] | None = None,
    rules: Iterable[str] | None = None,
) -> tuple[Report, Iterator[Finding]]:
    """Like :func:`evaluate`, with the findings not kept: ``(head, findings)``.

    ``head`` is the report without its findings (profile, day, parameters in
    force); ``findings`` yields them one at a time, in :func:`evaluate`'s order,
    so a writer holds only what it shows (``welfare-ambito check`` of a very
    large plan). ``attrs.evolve(head, findings=tuple(findings))`` equals
    :func:`evaluate`'s report.

    >>> from welfare_ambito import data
    >>> plan = data.example("pippi_seregno_mistakes")
    >>> head, findings = evaluate_stream(plan, "seregno-pippi-2023")
    >>> attrs.evolve(head, findings=tuple(findings)) == evaluate(plan, "seregno-pippi-2023")
    True
    """
    if not isinstance(plan, CoDesignPlan):
        raise IncompatibleTypes.of("rules.not_a_plan", path="plan", kind=type(plan).__name__)
    day = on if on is not None else _default_day(plan)
    checker = Checker(profile, on=day, lang=lang, overrides=overrides, rules=rules)
    return checker.head(plan), checker.findings(plan)

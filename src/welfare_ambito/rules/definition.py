"""Rules: typed Python functions with an id, bilingual texts, parameters and a citation.

Declare a rule next to its function with :func:`rule`::

    @rule(
        id="pippi.sedt.weekly_hours",
        subject="intervention",
        title={"it": "Intensità minima dell'educativa", "en": "Minimum educator intensity"},
        message={
            "it": "{weekly_hours} ore settimanali; minimo {pippi.sedt.min_weekly_hours}",
            "en": "{weekly_hours} hours a week; minimum {pippi.sedt.min_weekly_hours}",
        },
        parameters=("pippi.sedt.min_weekly_hours",),
        reads=("kind", "weekly_hours"),
    )

The sentence of the notice is not in the code: the profile binds it, to the
parameter (``[parameters."pippi.sedt.min_weekly_hours"] citation = {...}``)
or to the rule (``[citations."pippi.sedt.weekly_hours"]``).
    def sedt_weekly_hours(intervention: Intervention, p: Parameters) -> Verdict:
        if intervention.kind is not InterventionKind.SEDT:
            return Outcome.NOT_APPLICABLE
        ok = intervention.weekly_hours >= p.decimal("pippi.sedt.min_weekly_hours")
        return Outcome.PASS if ok else Outcome.FAIL

A function returns a bare :class:`Outcome` (the fast path: the engine reads
the declared ``reads`` and ``parameters`` as the values compared, only when a
finding is materialised) or a :class:`Result` built with :func:`passed`,
:func:`failed`, :func:`check`, :func:`not_applicable` or
:func:`needs_review`, carrying computed values and missing inputs.

>>> from welfare_ambito.rules import REGISTRY, failed
>>> REGISTRY.get("pippi.sedt.weekly_hours").parameters
('pippi.sedt.min_weekly_hours',)
>>> failed(weekly_hours=6, shortfall=2).outcome
<Outcome.FAIL: 'fail'>
"""

from __future__ import annotations

import contextlib
import difflib
import itertools
import operator
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar

import attrs

from welfare_ambito import i18n
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito.citations import Citation
from welfare_ambito.errors import InvalidValue, NotFound
from welfare_ambito.model import _validate as v
from welfare_ambito.rules._values import Text
from welfare_ambito.rules.outcomes import Outcome, Severity
from welfare_ambito.rules.parameters import Parameters, did_you_mean

__all__ = [
    "REGISTRY",
    "Registry",
    "Result",
    "Rule",
    "RuleException",
    "Verdict",
    "check",
    "failed",
    "needs_review",
    "not_applicable",
    "passed",
    "rule",
]

S = TypeVar("S")
_TOKENS = itertools.count(1)

_RULE_ID = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.\[\]-]*)\}")

i18n.define(
    "error.rules.texts",
    it="{field} richiede un testo italiano e uno inglese: {{'it': ..., 'en': ...}}",
    en="{field} needs an Italian and an English text: {{'it': ..., 'en': ...}}",
)
i18n.define(
    "error.rules.unknown_rule",
    it="regola sconosciuta {rule!r}{hint}",
    en="unknown rule {rule!r}{hint}",
)


class Result:
    """What a rule function concluded, with the values it compared.

    ``missing`` lists inputs the subject does not record, as paths relative to
    the subject (``"pre_assessment"``); the engine prefixes the subject's path.
    Build it with :func:`passed`, :func:`failed`, :func:`check`,
    :func:`not_applicable` or :func:`needs_review`.

    >>> result = failed(hours=5500, shortfall=500)
    >>> result
    Result('fail', values={'hours': 5500, 'shortfall': 500}, missing=())
    >>> result.outcome is Outcome.FAIL, result.values["shortfall"]
    (True, 500)
    """

    __slots__ = ("missing", "note", "outcome", "token", "values")

    def __init__(
        self,
        outcome: Outcome,
        values: Mapping[str, Any] | None = None,
        missing: tuple[str, ...] = (),
        note: str | Text | None = None,
    ) -> None:
        self.outcome = outcome
        self.values: Mapping[str, Any] = values if values is not None else {}
        self.missing = missing
        self.note = note
        self.token: int | None = None
        """Set on a :meth:`constant` result: the engine remembers its description by it."""

    def constant(self) -> Result:
        """This result as a constant a rule may return for many subjects.

        Its values are frozen, and the engine describes the findings built from it
        once per distinct set of values read (by the result's identity, without
        comparing its values): a rule that returns one of a few constant results
        explains a population at the cost of a dictionary lookup per finding.

        >>> shared = passed(reason="ok").constant()
        >>> shared == passed(reason="ok"), shared.token is not None
        (True, True)
        >>> shared.values["reason"] = "changed"
        Traceback (most recent call last):
        ...
        TypeError: FrozenDict is immutable
        """
        made = Result(self.outcome, FrozenDict(self.values), self.missing, self.note)
        made.token = next(_TOKENS)
        return made

    def __repr__(self) -> str:
        return f"Result({self.outcome.value!r}, values={dict(self.values)!r}, missing={self.missing!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return (self.outcome, dict(self.values), self.missing, self.note) == (
            other.outcome,
            dict(other.values),
            other.missing,
            other.note,
        )

    __hash__ = None  # type: ignore[assignment]


Verdict = Outcome | Result
"""What a rule function returns: a bare outcome or a :class:`Result`.

>>> isinstance(Outcome.PASS, Verdict), isinstance(passed(hours=6000), Verdict)
(True, True)
"""


def passed(**values: Any) -> Result:
    """The subject satisfies the rule; ``values`` are what was compared.

    >>> result = passed(hours=6000, minimum=6000)
    >>> result.outcome, result.values
    (<Outcome.PASS: 'pass'>, {'hours': 6000, 'minimum': 6000})
    """
    return Result(Outcome.PASS, values)


def failed(**values: Any) -> Result:
    """The subject does not satisfy the rule; ``values`` are what was compared.

    >>> result = failed(hours=5500, minimum=6000, shortfall=500)
    >>> result.outcome, result.values["shortfall"]
    (<Outcome.FAIL: 'fail'>, 500)
    """
    return Result(Outcome.FAIL, values)


def check(condition: bool, **values: Any) -> Result:
    """Pass when ``condition`` holds, fail otherwise, with ``values``.

    >>> check(6 >= 8, hours=6, minimum=8).outcome
    <Outcome.FAIL: 'fail'>
    """
    return Result(Outcome.PASS if condition else Outcome.FAIL, values)


def not_applicable(note: str | Text | None = None) -> Result:
    """The rule does not concern this subject (``note`` says why, best as a bilingual ``Text``).

    >>> result = not_applicable("not an educator intervention (SEDT)")
    >>> result.outcome, result.note
    (<Outcome.NOT_APPLICABLE: 'not_applicable'>, 'not an educator intervention (SEDT)')
    """
    return Result(Outcome.NOT_APPLICABLE, None, (), note)


def needs_review(*missing: str, note: str | Text | None = None, **values: Any) -> Result:
    """A person must decide; ``missing`` are the inputs to fill in, relative to the subject.

    >>> needs_review("pre_assessment").missing
    ('pre_assessment',)
    """
    return Result(Outcome.NEEDS_REVIEW, values, tuple(missing), note)


def _texts(value: object, path: str) -> FrozenDict[str, str]:
    if isinstance(value, str):
        value = {"it": value, "en": value}
    if not isinstance(value, Mapping) or set(value) != {"it", "en"}:
        raise InvalidValue.of("rules.texts", path=path, field=path)
    for lang, text in value.items():
        if not isinstance(text, str) or not text.strip():
            raise InvalidValue.of("empty", path=f"{path}.{lang}")
    return FrozenDict({"it": value["it"], "en": value["en"]})


def _title(value: Any) -> FrozenDict[str, str]:
    return _texts(value, "title")


def _message(value: Any) -> FrozenDict[str, str]:
    return _texts(value, "message")


def _condition(value: Any) -> FrozenDict[str, str] | None:
    return None if value is None else _texts(value, "condition")


def _severity(value: Any) -> Any:
    return v.enum_value(Severity)(value)


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


def _rule_id(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not _RULE_ID.match(value):
        raise InvalidValue.of(
            "pattern", path=attribute.name, value=value, what="rule id (dotted, lowercase)"
        )


def _names(value: Any) -> Any:
    if isinstance(value, str):
        return (value,)
    return tuple(value) if isinstance(value, list | tuple | set | frozenset) else value


ExceptionFunction = Callable[[Any, Parameters], "bool | Outcome | Result"]
OutcomeForm = Callable[[Parameters], Callable[[Any], Outcome]]
"""A rule's outcome-only form: parameters in force → (subject → outcome)."""


@attrs.frozen(kw_only=True)
class RuleException:
    """A derogation ("in deroga: ...") that turns a failure into a pass with a note.

    Its function returns ``True`` when the derogation applies, ``False`` when
    it does not, or :func:`needs_review` (with missing inputs) when the subject
    does not say.

    >>> rule = REGISTRY.get("tutela.staff.psychologist.qualification")
    >>> derogation = rule.exceptions[0]
    >>> derogation.id, derogation.parameters
    ('tutela.staff.psychologist.derogation_5_years', ('tutela.psychologist.derogation_min_years',))
    >>> derogation.citation is None  # the profile binds the sentence
    True
    """

    id: str = attrs.field(validator=_rule_id)
    title: FrozenDict[str, str] = attrs.field(converter=_title)
    function: ExceptionFunction = attrs.field(repr=False)
    citation: Citation | None = attrs.field(
        default=None, validator=v.optional(v.instance(Citation, "a citation"))
    )
    parameters: tuple[str, ...] = attrs.field(default=(), converter=_names)
    reads: tuple[str, ...] = attrs.field(default=(), converter=_names)


@attrs.frozen(kw_only=True, eq=False)
class Rule(Generic[S]):
    """A rule: identity, texts, subject kind, parameters, citation and its function.

    ``message`` is a template filled with the values compared: ``{name}`` is a
    value the function returned, a field it ``reads`` (``{weekly_hours}``) or a
    parameter (``{pippi.sedt.min_weekly_hours}``). ``condition`` states, in
    words, what must hold (it answers "why not").

    >>> sedt = REGISTRY.get("pippi.sedt.weekly_hours")
    >>> sedt.subject, sedt.parameters, sedt.severity
    ('intervention', ('pippi.sedt.min_weekly_hours',), <Severity.ERROR: 'error'>)
    >>> sedt.fill("condition", "en", {"pippi.sedt.min_weekly_hours": "8"})
    'weekly hours ≥ 8'
    """

    id: str = attrs.field(validator=_rule_id)
    title: FrozenDict[str, str] = attrs.field(converter=_title)
    message: FrozenDict[str, str] = attrs.field(converter=_message)
    subject: str = attrs.field(validator=v.text)
    function: Callable[[S, Parameters], Verdict] = attrs.field(repr=False)
    citation: Citation | None = attrs.field(
        default=None, validator=v.optional(v.instance(Citation, "a citation"))
    )
    """A default citation; the library's rules carry none: a profile binds the sentence."""
    severity: Severity = attrs.field(
        default=Severity.ERROR, converter=_severity, validator=v.member_of(Severity)
    )
    parameters: tuple[str, ...] = attrs.field(default=(), converter=_names)
    reads: tuple[str, ...] = attrs.field(default=(), converter=_names)
    condition: FrozenDict[str, str] | None = attrs.field(default=None, converter=_condition)
    exceptions: tuple[RuleException, ...] = attrs.field(default=(), converter=_tuple)
    module: str | None = attrs.field(default=None)
    """The Python module that defines the function (for the catalogue)."""
    outcome_form: OutcomeForm | None = attrs.field(default=None, repr=False)
    """The rule's outcome-only form, if it declares one (see :meth:`outcome_only`)."""

    _getters: tuple[tuple[str, Callable[[Any], Any]], ...] = attrs.field(
        init=False, repr=False, eq=False
    )

    _templates: FrozenDict[str, tuple[str, tuple[str, ...]]] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self, "_getters", tuple((name, operator.attrgetter(name)) for name in self.reads)
        )
        templates = {f"message.{k}": compile_template(t) for k, t in self.message.items()}
        if self.condition is not None:
            templates.update(
                {f"condition.{k}": compile_template(t) for k, t in self.condition.items()}
            )
        object.__setattr__(self, "_templates", FrozenDict(templates))

    def fill(self, which: str, lang: str, values: Mapping[str, str]) -> str:
        """Fill the ``"message"`` or ``"condition"`` template in ``lang``; unknown names: ``?``."""
        fmt, names = self._templates[f"{which}.{lang}"]
        # A template may end with an optional part ("… {verdict}") that is empty.
        return fmt.format(*[values.get(name, "?") for name in names]).rstrip()

    @property
    def all_parameters(self) -> tuple[str, ...]:
        """Parameters of the rule and of its exceptions, without repeats."""
        names = list(self.parameters)
        for exc in self.exceptions:
            names.extend(p for p in exc.parameters if p not in names)
        return tuple(dict.fromkeys(names))

    def read_values(self, subject: Any, extra: Iterable[str] = ()) -> dict[str, Any]:
        """The declared fields of ``subject`` (and ``extra`` dotted fields); absent ones are ``None``."""
        values: dict[str, Any] = {}
        getters = self._getters
        if extra:
            getters = (*getters, *((n, operator.attrgetter(n)) for n in extra))
        for name, getter in getters:
            try:
                values[name] = getter(subject)
            except AttributeError:
                values[name] = None
        return values

    def render(self, lang: str, values: Mapping[str, str]) -> str:
        """The message in ``lang`` with ``values`` (display strings) filled in; unknown: ``?``."""
        return self.fill("message", lang, values)

    def with_exception(self, exception: RuleException) -> Rule[S]:
        """A copy with one more derogation."""
        return attrs.evolve(self, exceptions=(*self.exceptions, exception))

    def exception(
        self,
        *,
        id: str,
        title: Mapping[str, str] | str,
        citation: Citation | None = None,
        parameters: Iterable[str] = (),
        reads: Iterable[str] = (),
    ) -> Callable[[ExceptionFunction], ExceptionFunction]:
        """Declare a derogation of this rule next to its function (decorator).

        Declare derogations at import time, right after the rule: they become
        part of it.
        """

        def decorate(function: ExceptionFunction) -> ExceptionFunction:
            exc = RuleException(
                id=id,
                title=title,
                function=function,
                citation=citation,
                parameters=tuple(parameters),
                reads=tuple(reads),
            )
            # Derogations are part of the rule's declaration: they are attached in place,
            # at import time, so every holder of the rule (module, registries) sees them.
            object.__setattr__(self, "exceptions", (*self.exceptions, exc))
            return function

        return decorate

    def outcome_only(self, form: OutcomeForm) -> OutcomeForm:
        """Declare the rule's outcome-only form next to it (decorator).

        ``form`` receives the parameters in force (once per binding) and returns a
        function from a subject to the bare :class:`Outcome` the rule's own
        function concludes, before derogations, without building any value or
        text. :meth:`~welfare_ambito.rules.Checker.outcomes` and
        :meth:`~welfare_ambito.rules.Checker.tally` use it; findings always come
        from the rule's function, which stays the reference. A property test
        must hold them equal (see ``tests/test_h3_outcome_forms.py``).

        >>> sedt = REGISTRY.get("pippi.sedt.weekly_hours")
        >>> sedt.outcome_form is not None
        True
        """
        object.__setattr__(self, "outcome_form", form)
        return form

    def outcomes_with(self, parameters: Parameters) -> Callable[[S], Outcome]:
        """The function from a subject to the rule's outcome (before derogations) under ``parameters``.

        The outcome-only form when the rule declares one, else the rule's own
        function with the outcome taken from its verdict.

        >>> import datetime as dt
        >>> from welfare_ambito import data
        >>> from welfare_ambito.rules import load_profile
        >>> sedt = REGISTRY.get("pippi.sedt.weekly_hours")
        >>> p = load_profile("seregno-pippi-2023").parameters.at(dt.date(2024, 1, 1), sedt.parameters)
        >>> outcome = sedt.outcomes_with(p)
        >>> [outcome(i).value for i in data.example("pippi_seregno_mistakes").interventions][:3]
        ['pass', 'pass', 'fail']
        """
        if self.outcome_form is not None:
            return self.outcome_form(parameters)
        function = self.function

        def outcome(subject: S) -> Outcome:
            verdict = function(subject, parameters)
            return verdict if verdict.__class__ is Outcome else verdict.outcome  # type: ignore[union-attr]

        return outcome

    def __call__(self, subject: S, parameters: Parameters) -> Verdict:
        return self.function(subject, parameters)

    def __reduce_ex__(self, protocol: Any) -> Any:
        # A rule's function is replaced in its module by the rule itself, so pickle cannot
        # find it by name: a registered rule travels by id and is looked up on arrival.
        if REGISTRY._rules.get(self.id) is self:
            return (_registered_rule, (self.id, self.module))
        return super().__reduce_ex__(protocol)


def _registered_rule(rule_id: str, module: str | None) -> Rule[Any]:
    """The registered rule ``rule_id`` (unpickling), importing its module if needed."""
    if rule_id not in REGISTRY and module is not None:
        import importlib

        importlib.import_module(module)
    return REGISTRY.get(rule_id)


def compile_template(template: str) -> tuple[str, tuple[str, ...]]:
    """``"{a.b} of {c}"`` → ``("{0} of {1}", ("a.b", "c"))``: a format string and its names.

    >>> compile_template("{x} ≥ {y}")
    ('{0} ≥ {1}', ('x', 'y'))
    """
    names: list[str] = []
    parts: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(template[position : match.start()].replace("{", "{{").replace("}", "}}"))
        parts.append("{" + str(len(names)) + "}")
        names.append(match.group(1))
        position = match.end()
    parts.append(template[position:].replace("{", "{{").replace("}", "}}"))
    return "".join(parts), tuple(names)


def render_template(template: str, values: Mapping[str, str]) -> str:
    """Fill ``{name}`` placeholders (dotted names allowed) from ``values``; unknown ones: ``?``.

    >>> render_template("{a.b} of {c}", {"a.b": "8"})
    '8 of ?'
    """
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), "?"), template)


class Registry:
    """A set of rules by id. :data:`REGISTRY` holds the library's own.

    Tests and plugins may use their own registry, or :meth:`scoped` to add
    rules to one and drop them afterwards.

    >>> mine = Registry(parent=REGISTRY)
    >>> len(mine), "pippi.hours.educator" in mine
    (0, True)
    >>> mine.get("pippi.hours.educator").subject
    'hour_plan'
    """

    def __init__(
        self,
        rules: Iterable[Rule[Any]] = (),
        *,
        builtin_modules: Iterable[str] = (),
        parent: Registry | None = None,
    ) -> None:
        self._rules: dict[str, Rule[Any]] = {}
        self.parent = parent
        """Rules not found here are looked up in ``parent`` (e.g. :data:`REGISTRY`)."""
        self._builtin_modules = tuple(builtin_modules)
        self._loaded = not self._builtin_modules
        self._loading = False
        # Re-entrant: a rule module imported while loading may itself consult the registry.
        self._load_lock = threading.RLock()
        for item in rules:
            self.add(item)

    def _load_builtins(self) -> None:
        if self._loaded:
            return
        # Other threads wait here until every built-in module has registered its rules;
        # ``_loaded`` turns true only once they all have (a cold start with several
        # threads once saw half a registry).
        with self._load_lock:
            if self._loaded or self._loading:
                return
            self._loading = True
            try:
                import importlib
                import importlib.util

                for name in self._builtin_modules:
                    if importlib.util.find_spec(name) is not None:
                        importlib.import_module(name)
                self._load_entry_points()
                self._loaded = True
            finally:
                self._loading = False

    def _load_entry_points(self) -> None:
        from importlib.metadata import entry_points

        for entry in entry_points(group="welfare_ambito.rules"):
            entry.load()

    def add(self, item: Rule[Any], *, replace: bool = False) -> Rule[Any]:
        """Register ``item``; a different rule with the same id is an error unless ``replace``."""
        existing = self._rules.get(item.id)
        if existing is not None and not replace and existing.function is not item.function:
            raise InvalidValue.of("duplicate", path=item.id, what="rule id", value=item.id)
        self._rules[item.id] = item
        return item

    def remove(self, rule_id: str) -> None:
        """Unregister ``rule_id`` (no error if absent)."""
        self._rules.pop(rule_id, None)

    @contextlib.contextmanager
    def scoped(self, *rules: Rule[Any]) -> Iterator[Registry]:
        """Register ``rules`` for the ``with`` block only; what was there before is restored."""
        saved = dict(self._rules)
        try:
            for item in rules:
                self.add(item, replace=True)
            yield self
        finally:
            self._rules.clear()
            self._rules.update(saved)

    def get(self, rule_id: str) -> Rule[Any]:
        """The rule ``rule_id``; :class:`NotFound` (with a suggestion) if unknown."""
        self._load_builtins()
        try:
            return self._rules[rule_id]
        except KeyError:
            if self.parent is not None and rule_id in self.parent:
                return self.parent.get(rule_id)
            close = difflib.get_close_matches(rule_id, list(self._rules), n=1)
            error = NotFound.of(
                "rules.unknown_rule", path=rule_id, rule=rule_id, hint=did_you_mean(close)
            )
            error.params = {"rule": rule_id}  # the hint is wording, not a value to match on
            raise error from None

    def __contains__(self, rule_id: object) -> bool:
        self._load_builtins()
        return rule_id in self._rules or (self.parent is not None and rule_id in self.parent)

    def __iter__(self) -> Iterator[Rule[Any]]:
        self._load_builtins()
        return iter(sorted(self._rules.values(), key=lambda r: r.id))

    def __len__(self) -> int:
        self._load_builtins()
        return len(self._rules)

    def ids(self) -> tuple[str, ...]:
        """Ids of the registered rules, sorted."""
        return tuple(r.id for r in self)


REGISTRY = Registry(
    builtin_modules=(
        "welfare_ambito.rules.budget",
        "welfare_ambito.rules.pippi",
        "welfare_ambito.rules.tutela",
    )
)
"""The library's rules: those of :mod:`welfare_ambito.rules.pippi`, ``.tutela`` and of
packages that declare a ``welfare_ambito.rules`` entry point.

>>> "pippi.sedt.weekly_hours" in REGISTRY
True
>>> REGISTRY.get("pippi.hours.educator").citation is None  # a profile binds the sentence
True
"""


def rule(
    *,
    id: str,
    title: Mapping[str, str] | str,
    message: Mapping[str, str] | str,
    subject: str,
    citation: Citation | None = None,
    severity: Severity | str = Severity.ERROR,
    parameters: Iterable[str] = (),
    reads: Iterable[str] = (),
    condition: Mapping[str, str] | str | None = None,
    registry: Registry | None = REGISTRY,
) -> Callable[[Callable[[S, Parameters], Verdict]], Rule[S]]:
    """Declare a rule next to its function; the function becomes a :class:`Rule`.

    ``registry=None`` builds the rule without registering it (tests may then
    register it in a registry of their own).

    >>> import datetime as dt
    >>> from welfare_ambito import data
    >>> from welfare_ambito.model import Profession
    >>> from welfare_ambito.rules import load_profile
    >>> @rule(id="demo.hours.educator", subject="hour_plan", title="Ore di educatore",
    ...       message="{hours} ore; minimo {pippi.hours.educator_min}",
    ...       parameters=("pippi.hours.educator_min",), registry=None)
    ... def educator_hours(hour_plan, p):
    ...     hours = hour_plan.hours[Profession.EDUCATOR]
    ...     return check(hours >= p.decimal("pippi.hours.educator_min"), hours=hours)
    >>> p = load_profile("seregno-pippi-2023").parameters.at(dt.date(2024, 1, 1))
    >>> educator_hours(data.example("pippi_seregno_mistakes").hour_plan, p)
    Result('fail', values={'hours': Decimal('5500')}, missing=())
    """

    def decorate(function: Callable[[S, Parameters], Verdict]) -> Rule[S]:
        built: Rule[S] = Rule(
            id=id,
            title=title,
            message=message,
            subject=subject,
            function=function,
            citation=citation,
            severity=severity,
            parameters=tuple(parameters),
            reads=tuple(reads),
            condition=condition,
            module=getattr(function, "__module__", None),
        )
        if registry is not None:
            registry.add(built)
        return built

    return decorate

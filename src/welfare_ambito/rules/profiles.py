"""Profiles: which rules apply to an Ambito's notice, with which cited parameter values.

A profile is a TOML file: an id, a title, the Ambito, the rules it applies
and the parameters it sets. ``extends`` names a base profile whose rules and
parameters it inherits and may override. The embedded profiles live in
``welfare_ambito/data/profiles/``; any other file can be loaded by path.

>>> profile = load_profile("seregno-pippi-2023")
>>> profile.extends
'pippi-national'
>>> import datetime as dt
>>> profile.parameters.value("pippi.sedt.min_weekly_hours", dt.date(2024, 1, 1))
Decimal('8')
"""

from __future__ import annotations

import contextvars
import datetime as dt
import difflib
import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito.citations import Citation, Source, citation_from_dict, source_from_dict
from welfare_ambito.errors import (
    ErrorDetail,
    InvalidInput,
    InvalidValue,
    NotFound,
    Phrase,
    WelfareAmbitoError,
)
from welfare_ambito.rules.definition import REGISTRY, Registry, Rule
from welfare_ambito.rules.outcomes import Severity
from welfare_ambito.rules.parameters import (
    DatedValue,
    Parameter,
    ParameterSet,
    Reading,
    Readings,
    did_you_mean,
)
from welfare_ambito.rules.subjects import subject_kind

__all__ = [
    "Profile",
    "ProfileInfo",
    "ProfileRule",
    "ensure_fits",
    "list_profiles",
    "load_profile",
    "profile_for",
    "profile_ids",
]

i18n.define(
    "error.rules.profile_programme",
    it="il piano è per il programma {plan!r}; il profilo {profile_id!r} è per {profile!r}",
    en="the plan is for programme {plan!r}; profile {profile_id!r} is for {profile!r}",
)
i18n.define(
    "error.rules.profile_ambito",
    it="il piano è per l'Ambito {plan!r}; il profilo {profile_id!r} è per {profile!r}: "
    "verificalo con il profilo di quell'Ambito",
    en="the plan is for Ambito {plan!r}; profile {profile_id!r} is for {profile!r}: "
    "check it with that Ambito's profile",
)
i18n.define(
    "error.rules.rule_not_in_profile",
    it="la regola {rule!r} non è nel profilo {profile!r}",
    en="rule {rule!r} is not in profile {profile!r}",
)
i18n.define(
    "error.rules.profile_cycle",
    it="i profili si estendono a vicenda: {names}",
    en="profiles extend each other in a cycle: {names}",
)
i18n.define(
    "error.rules.value_or_readings",
    it="indica value oppure readings",
    en="give either value or readings",
)
i18n.define(
    "error.rules.values_and_value",
    it="indica values = [...] oppure since/value, non entrambi",
    en="give either values = [...] or since/value, not both",
)
i18n.define(
    "error.rules.unknown_profile",
    it="nessun profilo {name!r} (né incorporato né file){hint}",
    en="no profile {name!r} (neither embedded nor a file){hint}",
)
i18n.define("rules.hint.embedded", it="; incorporati: {known}", en="; embedded: {known}")
i18n.define(
    "error.rules.citation_target",
    it="{target!r} non è una regola né una deroga di questo profilo{hint}",
    en="{target!r} is neither a rule nor a derogation of this profile{hint}",
)
i18n.define(
    "error.rules.no_default_profile",
    it="nessun profilo incorporato univoco per l'Ambito {ambito!r} e il programma "
    "{programme!r} (candidati: {candidates}); indicane uno con --profile",
    en="no single embedded profile for Ambito {ambito!r} and programme {programme!r} "
    "(candidates: {candidates}); choose one with --profile",
)

_PROFILE_KEYS = frozenset(
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
)
_SOURCES: contextvars.ContextVar[Mapping[str, Source] | None] = contextvars.ContextVar(
    "welfare_ambito_profile_sources", default=None
)
"""The sources declared by the profile being read (its own and its bases')."""
_RULE_KEYS = frozenset({"severity", "citation", "enabled"})
_PARAM_KEYS = frozenset(
    {"unit", "description", "citation", "values", "value", "since", "until", "readings"}
)
_VALUE_KEYS = frozenset({"since", "until", "value", "readings", "citation"})
_READING_KEYS = frozenset({"label", "value", "citation"})


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ProfileRule:
    """A rule as a profile applies it: its severity and citation in force there.

    >>> item = load_profile("seregno-pippi-2023").rule("pippi.hours.educator")
    >>> item.id, item.severity, item.citation  # the parameter's citation says where 6.000 comes from
    ('pippi.hours.educator', <Severity.ERROR: 'error'>, None)
    >>> load_profile("seregno-pippi-2023").rule("pippi.duties.annual_summary").citation.section
    'RENDICONTAZIONI, DATI E RELAZIONI'
    """

    rule: Rule[Any]
    severity: Severity
    citation: Citation | None = None
    """The sentence the profile binds to the rule (``None``: the parameters' citations say it)."""
    exception_citations: FrozenDict[str, Citation] = attrs.field(factory=FrozenDict)
    """The sentence the profile binds to each derogation of the rule, by derogation id."""

    @property
    def id(self) -> str:
        """The rule's id."""
        return self.rule.id


@attrs.frozen(kw_only=True)
class ProfileInfo:
    """What :func:`list_profiles` tells about a profile without loading its rules.

    >>> info = next(i for i in list_profiles() if i.id == "seregno-tutela-minori-2022")
    >>> info.ambito, info.extends, info.source
    ('seregno', None, 'embedded:seregno-tutela-minori-2022')
    """

    id: str
    title: str
    ambito: str | None
    extends: str | None
    source: str


@attrs.frozen(kw_only=True)
class Profile:
    """Rules and cited parameter values for one notice of one Ambito.

    Immutable: :meth:`override` and :meth:`derive` return new profiles.

    >>> profile = load_profile("seregno-pippi-2023")
    >>> profile.title
    'Ambito di Seregno — P.I.P.P.I. (PNRR M5C2 1.1.1), 2023–2026'
    >>> lenient = profile.derive(
    ...     id="seregno-what-if", severity={"pippi.sedt.weekly_hours": "warning"}
    ... )
    >>> lenient.rule("pippi.sedt.weekly_hours").severity, lenient.extends
    (<Severity.WARNING: 'warning'>, 'seregno-pippi-2023')
    >>> profile.rule("pippi.sedt.weekly_hours").severity
    <Severity.ERROR: 'error'>
    """

    id: str
    title: str
    ambito: str | None = None
    programme: str | None = None
    description: str | None = None
    extends: str | None = None
    rules: tuple[ProfileRule, ...] = attrs.field(default=(), converter=_tuple)
    parameters: ParameterSet = attrs.field(factory=ParameterSet)
    source: str | None = None
    """Where the profile was read from (``embedded:<id>``, a path, or ``None``)."""
    sources: FrozenDict[str, Source] = attrs.field(factory=FrozenDict)
    """The documents the profile (and its bases) declare, by id."""

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """Ids of the rules the profile applies, in order."""
        return tuple(r.id for r in self.rules)

    def rule(self, rule_id: str) -> ProfileRule:
        """The rule ``rule_id`` as this profile applies it."""
        for item in self.rules:
            if item.id == rule_id:
                return item
        raise NotFound.of("rules.rule_not_in_profile", path=rule_id, rule=rule_id, profile=self.id)

    def missing_parameters(self) -> tuple[tuple[str, str], ...]:
        """``(rule id, parameter)`` pairs for parameters rules read that the profile does not set."""
        return tuple(
            (item.id, name)
            for item in self.rules
            for name in item.rule.all_parameters
            if name not in self.parameters
        )

    def override(
        self,
        values: Mapping[str, Any],
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Profile:
        """A what-if: the same profile with ``name: value`` in force (parsed by unit).

        >>> base = load_profile("seregno-pippi-2023")
        >>> what_if = base.override({"pippi.hours.educator_min": "7000"})
        >>> what_if.parameters.value("pippi.hours.educator_min", dt.date(2024, 1, 1))
        Decimal('7000')
        >>> base.parameters.value("pippi.hours.educator_min", dt.date(2024, 1, 1))
        Decimal('6000')
        """
        return attrs.evolve(
            self, parameters=self.parameters.override(values, since=since, until=until)
        )

    def derive(
        self,
        *,
        id: str | None = None,
        title: str | None = None,
        parameters: Mapping[str, Any] | None = None,
        severity: Mapping[str, Severity | str] | None = None,
        add: Iterable[Rule[Any]] = (),
        remove: Iterable[str] = (),
    ) -> Profile:
        """A new profile extending this one: other id/title, parameter values, severities, rules."""
        rules = [r for r in self.rules if r.id not in set(remove)]
        for item in add:
            rules.append(ProfileRule(rule=item, severity=item.severity, citation=item.citation))
        for rule_id, level in (severity or {}).items():
            index = next((i for i, r in enumerate(rules) if r.id == rule_id), None)
            if index is None:
                self.rule(rule_id)  # raises NotFound naming the rule
                continue
            rules[index] = attrs.evolve(rules[index], severity=Severity(level))
        derived = attrs.evolve(
            self,
            id=id or self.id,
            title=title or self.title,
            extends=self.id if id and id != self.id else self.extends,
            rules=tuple(rules),
            source=None,
        )
        return derived.override(parameters) if parameters else derived


# -- reading TOML ---------------------------------------------------------------------------


def _embedded_dir() -> Any:
    from importlib import resources

    return resources.files("welfare_ambito") / "data" / "profiles"


@functools.cache
def _embedded_files() -> FrozenDict[str, str]:
    folder = _embedded_dir()
    if not folder.is_dir():
        return FrozenDict()
    return FrozenDict(
        {p.name.removesuffix(".toml"): p.name for p in folder.iterdir() if p.name.endswith(".toml")}
    )


def profile_ids() -> tuple[str, ...]:
    """Ids of the embedded profiles, sorted.

    >>> "seregno-pippi-2023" in profile_ids()
    True
    """
    return tuple(sorted(_embedded_files()))


@functools.cache
def _embedded_text(profile_id: str) -> str:
    return str((_embedded_dir() / _embedded_files()[profile_id]).read_text(encoding="utf-8"))


def _parse(text: str, source: str) -> dict[str, Any]:
    from welfare_ambito._documents import parse_document

    return dict(parse_document(text, "toml"))


def list_profiles() -> tuple[ProfileInfo, ...]:
    """The embedded profiles: id, title, Ambito and base.

    >>> [(info.id, info.extends) for info in list_profiles()]
    [('pippi-national', None), ('seregno-pippi-2023', 'pippi-national'),
     ('seregno-tutela-minori-2022', None)]
    """
    infos = []
    for profile_id in profile_ids():
        raw = _parse(_embedded_text(profile_id), f"embedded:{profile_id}")
        infos.append(
            ProfileInfo(
                id=str(raw.get("id", profile_id)),
                title=str(raw.get("title", "")),
                ambito=raw.get("ambito"),
                extends=raw.get("extends"),
                source=f"embedded:{profile_id}",
            )
        )
    return tuple(infos)


def _unknown_profile(name: str) -> NotFound:
    known = list(profile_ids())
    close = difflib.get_close_matches(name, known, n=1)
    hint = did_you_mean(close) or Phrase("rules.hint.embedded", {"known": ", ".join(known)})
    error = NotFound.of("rules.unknown_profile", path=name, name=name, hint=hint)
    error.params = {"name": name}  # the hint is wording, not a value a tool matches on
    assert isinstance(error, NotFound)
    return error


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the system, a NUL byte
        return False


def _locate(name: str, relative_to: Path | None) -> tuple[str, str, Path | None]:
    """``(text, source, folder)`` of the profile called ``name``."""
    looks_like_file = name.endswith(".toml") or "/" in name or "\\" in name
    if not looks_like_file and name in _embedded_files():
        return _embedded_text(name), f"embedded:{name}", None
    candidates = []
    path = Path(name)
    if relative_to is not None and not path.is_absolute():
        candidates.append(relative_to / path)
        if not looks_like_file:
            candidates.append(relative_to / f"{name}.toml")
    candidates.append(path)
    for candidate in candidates:
        if _is_file(candidate):
            from welfare_ambito._documents import read_text

            text = read_text(candidate)
            return text, str(candidate), candidate.parent
    raise _unknown_profile(name)


def load_profile(
    source: str | Path | Mapping[str, Any] | Profile,
    *,
    registry: Registry | None = None,
) -> Profile:
    """Load a profile: an embedded id (``"seregno-pippi-2023"``), a TOML path, or a mapping.

    Rules are looked up in ``registry`` (default: the library's). Every problem
    of the document is reported at once as :class:`~welfare_ambito.InvalidInput`;
    an unknown profile is :class:`~welfare_ambito.errors.NotFound`.

    >>> load_profile("seregno-tutela-minori-2022").ambito
    'seregno'
    >>> what_if = load_profile({"id": "what-if", "title": "Prova", "extends": "seregno-pippi-2023",
    ...     "parameters": {"pippi.hours.educator_min": {"since": "2023-05-01", "value": 7000}}})
    >>> what_if.parameters.value("pippi.hours.educator_min", dt.date(2024, 1, 1))
    Decimal('7000')
    """
    if isinstance(source, Profile):
        return source
    reg = registry if registry is not None else REGISTRY
    if isinstance(source, Mapping):
        return _build(dict(source), "<mapping>", None, reg, ())
    if isinstance(source, Path):
        text, origin, folder = _locate(str(source), None)
    else:
        text, origin, folder = _locate(source, None)
    return _build(_parse(text, origin), origin, folder, reg, ())


def _build(
    raw: dict[str, Any],
    origin: str,
    folder: Path | None,
    registry: Registry,
    chain: tuple[str, ...],
) -> Profile:
    errors: list[ErrorDetail] = []

    def problem(error: WelfareAmbitoError, path: str) -> None:
        errors.append(ErrorDetail.from_error(error, path))

    for key in sorted(set(raw) - _PROFILE_KEYS):
        problem(WelfareAmbitoError.of("unknown_key", key=key), key)
    for key in ("id", "title"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            problem(WelfareAmbitoError.of("missing" if key not in raw else "empty"), key)
    if any(e.path in ("id", "title") for e in errors):
        raise InvalidInput(errors)
    profile_id: str = raw["id"]

    base: Profile | None = None
    extends = raw.get("extends")
    if extends is not None:
        if not isinstance(extends, str):
            raise InvalidInput(
                [
                    ErrorDetail.from_error(
                        WelfareAmbitoError.of(
                            "type", expected="a profile id or path", actual=type(extends).__name__
                        ),
                        "extends",
                    )
                ]
            )
        text, base_origin, base_folder = _locate(extends, folder)
        if base_origin in chain or base_origin == origin:
            names = " → ".join((*chain, origin, base_origin))
            raise InvalidInput(
                [
                    ErrorDetail.from_error(
                        InvalidValue.of("rules.profile_cycle", names=names), "extends"
                    )
                ]
            )
        base = _build(
            _parse(text, base_origin), base_origin, base_folder, registry, (*chain, origin)
        )

    sources = dict(base.sources) if base else {}
    sources.update(_declared_sources(raw.get("sources", {}), folder, errors))
    token = _SOURCES.set(FrozenDict(sources))
    try:
        rules = _rules(raw.get("rules", []), base, registry, errors)
        parameters = _parameters(raw.get("parameters", {}), base, errors)
        rules = _bind_citations(raw, rules, base, errors)
    finally:
        _SOURCES.reset(token)
    if errors:
        raise InvalidInput(errors)
    return Profile(
        id=profile_id,
        title=raw["title"],
        ambito=raw.get("ambito", base.ambito if base else None),
        programme=raw.get("programme", base.programme if base else None),
        description=raw.get("description"),
        extends=extends,
        rules=rules,
        parameters=parameters,
        source=origin,
        sources=FrozenDict(sources),
    )


def _declared_sources(
    raw: Any, folder: Path | None, errors: list[ErrorDetail]
) -> dict[str, Source]:
    if not isinstance(raw, Mapping):
        errors.append(
            ErrorDetail.from_error(
                WelfareAmbitoError.of(
                    "type", expected="a table of sources", actual=type(raw).__name__
                ),
                "sources",
            )
        )
        return {}
    declared: dict[str, Source] = {}
    for source_id, item in raw.items():
        try:
            declared[source_id] = source_from_dict(
                source_id, item, path=f"sources[{source_id!r}]", folder=folder
            )
        except InvalidValue as exc:
            errors.append(ErrorDetail.from_error(exc, exc.path))
    return declared


def _bind_citations(
    raw: Mapping[str, Any],
    rules: tuple[ProfileRule, ...],
    base: Profile | None,
    errors: list[ErrorDetail],
) -> tuple[ProfileRule, ...]:
    """Bind ``[citations."<rule or derogation id>"]``; drop inherited ones whose values changed.

    A sentence inherited from the base profile states the base's figures: when
    this profile sets a parameter the rule reads, the base's sentence no longer
    describes the rule here, so it is dropped unless this profile cites its own.
    """
    changed = (
        set(raw.get("parameters", {})) if isinstance(raw.get("parameters"), Mapping) else set()
    )
    inherited = {r.id for r in base.rules} if base else set()
    result = []
    for item in rules:
        if item.id in inherited and changed & set(item.rule.all_parameters):
            item = attrs.evolve(item, citation=None)
        kept = {
            exc.id: item.exception_citations[exc.id]
            for exc in item.rule.exceptions
            if exc.id in item.exception_citations
            and not (item.id in inherited and changed & set(exc.parameters))
        }
        result.append(attrs.evolve(item, exception_citations=FrozenDict(kept)))
    cited = raw.get("citations", {})
    if not isinstance(cited, Mapping):
        errors.append(
            ErrorDetail.from_error(
                WelfareAmbitoError.of("type", expected="a table", actual=type(cited).__name__),
                "citations",
            )
        )
        return tuple(result)
    by_rule = {r.id: i for i, r in enumerate(result)}
    by_exception = {e.id: i for i, r in enumerate(result) for e in r.rule.exceptions}
    for target, entry in cited.items():
        path = f"citations[{target!r}]"
        citation = _citation(entry, path, errors)
        if citation is None:
            continue
        if target in by_rule:
            index = by_rule[target]
            result[index] = attrs.evolve(result[index], citation=citation)
        elif target in by_exception:
            index = by_exception[target]
            current = dict(result[index].exception_citations)
            current[target] = citation
            result[index] = attrs.evolve(result[index], exception_citations=FrozenDict(current))
        else:
            known = [*by_rule, *by_exception]
            close = difflib.get_close_matches(target, known, n=1)
            error = InvalidValue.of(
                "rules.citation_target", target=target, hint=did_you_mean(close)
            )
            error.params = {"target": target}
            errors.append(ErrorDetail.from_error(error, path))
    return tuple(result)


def _rules(
    raw: Any, base: Profile | None, registry: Registry, errors: list[ErrorDetail]
) -> tuple[ProfileRule, ...]:
    entries: dict[str, Any]
    if isinstance(raw, list):
        entries = {}
        for index, item in enumerate(raw):
            if not isinstance(item, str):
                errors.append(
                    ErrorDetail.from_error(
                        WelfareAmbitoError.of(
                            "type", expected="a rule id", actual=type(item).__name__
                        ),
                        f"rules[{index}]",
                    )
                )
                continue
            entries[item] = {}
    elif isinstance(raw, Mapping):
        entries = dict(raw)
    else:
        errors.append(
            ErrorDetail.from_error(
                WelfareAmbitoError.of(
                    "type", expected="a list or table of rules", actual=type(raw).__name__
                ),
                "rules",
            )
        )
        return base.rules if base else ()

    result: dict[str, ProfileRule] = {r.id: r for r in base.rules} if base else {}
    for rule_id, settings in entries.items():
        path = f"rules[{rule_id!r}]"
        if not isinstance(settings, Mapping):
            errors.append(
                ErrorDetail.from_error(
                    WelfareAmbitoError.of(
                        "type", expected="a table", actual=type(settings).__name__
                    ),
                    path,
                )
            )
            continue
        for key in sorted(set(settings) - _RULE_KEYS):
            errors.append(
                ErrorDetail.from_error(
                    WelfareAmbitoError.of("unknown_key", key=key), f"{path}.{key}"
                )
            )
        if settings.get("enabled", True) is False:
            result.pop(rule_id, None)
            continue
        current = result.get(rule_id)
        if current is None:
            try:
                found = registry.get(rule_id)
                subject_kind(found.subject)
            except NotFound as exc:
                errors.append(ErrorDetail.from_error(exc, path))
                continue
            current = ProfileRule(rule=found, severity=found.severity, citation=found.citation)
        if "severity" in settings:
            try:
                current = attrs.evolve(current, severity=Severity(settings["severity"]))
            except ValueError:
                errors.append(
                    ErrorDetail.from_error(
                        WelfareAmbitoError.of(
                            "choice", value=settings["severity"], choices=", ".join(Severity)
                        ),
                        f"{path}.severity",
                    )
                )
        if "citation" in settings:
            try:
                current = attrs.evolve(
                    current,
                    citation=citation_from_dict(
                        settings["citation"], path=f"{path}.citation", sources=_SOURCES.get()
                    ),
                )
            except InvalidValue as exc:
                errors.append(ErrorDetail.from_error(exc, exc.path))
        result[rule_id] = current
    return tuple(result.values())


def _date(value: Any, path: str, errors: list[ErrorDetail]) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    errors.append(ErrorDetail.from_error(WelfareAmbitoError.of("date", value=value), path))
    return None


def _citation(raw: Any, path: str, errors: list[ErrorDetail]) -> Citation | None:
    if raw is None:
        return None
    try:
        return citation_from_dict(raw, path=path, sources=_SOURCES.get())
    except (InvalidValue, ValueError) as exc:
        if isinstance(exc, WelfareAmbitoError):
            errors.append(ErrorDetail.from_error(exc, exc.path))
        else:
            errors.append(
                ErrorDetail.from_error(WelfareAmbitoError.of("date", value=str(exc)), path)
            )
        return None


def _readings(raw: Any, path: str, errors: list[ErrorDetail]) -> Readings | None:
    if not isinstance(raw, list) or not raw:
        errors.append(
            ErrorDetail.from_error(
                WelfareAmbitoError.of(
                    "type", expected="a non-empty list of readings", actual=type(raw).__name__
                ),
                path,
            )
        )
        return None
    readings = []
    for index, item in enumerate(raw):
        where = f"{path}[{index}]"
        if not isinstance(item, Mapping):
            errors.append(
                ErrorDetail.from_error(
                    WelfareAmbitoError.of("type", expected="a table", actual=type(item).__name__),
                    where,
                )
            )
            continue
        for key in sorted(set(item) - _READING_KEYS):
            errors.append(
                ErrorDetail.from_error(
                    WelfareAmbitoError.of("unknown_key", key=key), f"{where}.{key}"
                )
            )
        if "value" not in item or "label" not in item:
            errors.append(
                ErrorDetail.from_error(
                    WelfareAmbitoError.of("missing"),
                    f"{where}.{'value' if 'value' not in item else 'label'}",
                )
            )
            continue
        try:
            readings.append(
                Reading(
                    value=item["value"],
                    label=item["label"],
                    citation=_citation(item.get("citation"), f"{where}.citation", errors),
                )
            )
        except WelfareAmbitoError as exc:
            errors.append(ErrorDetail.from_error(exc, f"{where}.{exc.path}".rstrip(".")))
    return Readings(readings=tuple(readings)) if readings else None


def _dated(raw: Mapping[str, Any], path: str, errors: list[ErrorDetail]) -> DatedValue | None:
    for key in sorted(set(raw) - _VALUE_KEYS):
        errors.append(
            ErrorDetail.from_error(WelfareAmbitoError.of("unknown_key", key=key), f"{path}.{key}")
        )
    if "since" not in raw:
        errors.append(ErrorDetail.from_error(WelfareAmbitoError.of("missing"), f"{path}.since"))
        return None
    since = _date(raw["since"], f"{path}.since", errors)
    until = _date(raw["until"], f"{path}.until", errors) if "until" in raw else None
    if ("value" in raw) == ("readings" in raw):
        errors.append(
            ErrorDetail.from_error(InvalidValue.of("rules.value_or_readings"), f"{path}.value")
        )
        return None
    value: Any = (
        raw["value"] if "value" in raw else _readings(raw["readings"], f"{path}.readings", errors)
    )
    citation = _citation(raw.get("citation"), f"{path}.citation", errors)
    if since is None or value is None:
        return None
    try:
        return DatedValue(since=since, until=until, value=value, citation=citation)
    except InvalidValue as exc:
        errors.append(ErrorDetail.from_error(exc, f"{path}.{exc.path}" if exc.path else path))
        return None


def _parameters(raw: Any, base: Profile | None, errors: list[ErrorDetail]) -> ParameterSet:
    inherited = base.parameters if base else ParameterSet()
    if not isinstance(raw, Mapping):
        errors.append(
            ErrorDetail.from_error(
                WelfareAmbitoError.of(
                    "type", expected="a table of parameters", actual=type(raw).__name__
                ),
                "parameters",
            )
        )
        return inherited
    result: dict[str, Parameter] = dict(inherited.items())
    for name, entry in raw.items():
        path = f"parameters[{name!r}]"
        if not isinstance(entry, Mapping):
            errors.append(
                ErrorDetail.from_error(
                    WelfareAmbitoError.of("type", expected="a table", actual=type(entry).__name__),
                    path,
                )
            )
            continue
        before = len(errors)
        for key in sorted(set(entry) - _PARAM_KEYS):
            errors.append(
                ErrorDetail.from_error(
                    WelfareAmbitoError.of("unknown_key", key=key), f"{path}.{key}"
                )
            )
        existing = result.get(name)
        if "unit" not in entry and existing is None:
            errors.append(ErrorDetail.from_error(WelfareAmbitoError.of("missing"), f"{path}.unit"))
            continue
        values: list[DatedValue] = []
        if "values" in entry:
            if any(k in entry for k in ("value", "readings", "since", "until")):
                errors.append(
                    ErrorDetail.from_error(
                        InvalidValue.of("rules.values_and_value"), f"{path}.values"
                    )
                )
                continue
            if not isinstance(entry["values"], list):
                errors.append(
                    ErrorDetail.from_error(
                        WelfareAmbitoError.of(
                            "type", expected="a list", actual=type(entry["values"]).__name__
                        ),
                        f"{path}.values",
                    )
                )
                continue
            for index, item in enumerate(entry["values"]):
                if not isinstance(item, Mapping):
                    errors.append(
                        ErrorDetail.from_error(
                            WelfareAmbitoError.of(
                                "type", expected="a table", actual=type(item).__name__
                            ),
                            f"{path}.values[{index}]",
                        )
                    )
                    continue
                dated = _dated(item, f"{path}.values[{index}]", errors)
                if dated is not None:
                    values.append(dated)
        elif "value" in entry or "readings" in entry:
            shorthand = {k: entry[k] for k in ("since", "until", "value", "readings") if k in entry}
            dated = _dated(shorthand, path, errors)
            if dated is not None:
                values.append(dated)
        elif existing is None:
            errors.append(
                ErrorDetail.from_error(WelfareAmbitoError.of("missing"), f"{path}.values")
            )
            continue
        citation = _citation(entry.get("citation"), f"{path}.citation", errors)
        if len(errors) > before:
            continue
        try:
            if existing is not None and "unit" not in entry:
                changed = attrs.evolve(
                    existing,
                    values=tuple(values) if values else existing.values,
                    citation=citation
                    if citation is not None
                    else (None if values else existing.citation),
                    description=entry.get("description", existing.description),
                )
            else:
                changed = Parameter(
                    name=name,
                    unit=entry["unit"],
                    values=tuple(values),
                    citation=citation,
                    description=entry.get("description"),
                )
        except InvalidValue as exc:
            errors.append(ErrorDetail.from_error(exc, f"{path}.{exc.path}" if exc.path else path))
            continue
        result[name] = changed
    return ParameterSet(FrozenDict(result))


def ensure_fits(profile: Profile, plan: Any) -> None:
    """Refuse a plan whose programme or Ambito differs from the profile's (when both say one).

    >>> from welfare_ambito import data
    >>> from welfare_ambito.errors import InvalidValue
    >>> try:
    ...     ensure_fits(load_profile("seregno-tutela-minori-2022"), data.example("pippi_seregno"))
    ... except InvalidValue as error:
    ...     print(error.code, error.path)
    rules.profile_programme programme
    """
    programme = getattr(plan, "programme", None)
    programme = getattr(programme, "value", programme)
    if profile.programme is not None and programme is not None and programme != profile.programme:
        raise InvalidValue.of(
            "rules.profile_programme",
            path="programme",
            plan=programme,
            profile=profile.programme,
            profile_id=profile.id,
        )
    ambito = getattr(getattr(plan, "ambito", None), "id", None)
    if profile.ambito is not None and ambito is not None and ambito != profile.ambito:
        raise InvalidValue.of(
            "rules.profile_ambito",
            path="ambito",
            plan=ambito,
            profile=profile.ambito,
            profile_id=profile.id,
        )


def profile_for(plan: Any) -> Profile:
    """The embedded profile for ``plan``'s Ambito and programme, when exactly one fits.

    Raises :class:`NotFound` when none or several fit: then name one explicitly.
    """
    ambito = getattr(getattr(plan, "ambito", None), "id", None)
    programme = getattr(plan, "programme", None)
    programme_value = getattr(programme, "value", programme)
    fitting = [
        info.id
        for info in list_profiles()
        if info.ambito is not None
        and info.ambito == ambito
        and _programme_of(info.id) == programme_value
    ]
    if len(fitting) == 1:
        return load_profile(fitting[0])
    raise NotFound.of(
        "rules.no_default_profile",
        path="profile",
        ambito=ambito,
        programme=programme_value,
        candidates=", ".join(fitting) or "—",
    )


def _programme_of(profile_id: str) -> str | None:
    raw = _parse(_embedded_text(profile_id), profile_id)
    programme = raw.get("programme")
    return programme if isinstance(programme, str) else None

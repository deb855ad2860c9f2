"""SESEI cases: a pseudonymous id and an immutable, dated history of events.

Everything else — the current state, the running project, the durations — is derived from
the events, so two cases with the same events are the same case.

>>> import datetime as dt
>>> case = Case(
...     id="RHO-2016-001",
...     events=[
...         CaseEvent(kind="referral", on=dt.date(2016, 1, 11), referrer="school"),
...         CaseEvent(kind="assessment_feasible", on=dt.date(2016, 1, 25)),
...     ],
... )
>>> case.state
<CaseState.PLANNING: 'planning'>
>>> case.durations().referral_to_assessment
14
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from welfare_ambito import i18n
from welfare_ambito.errors import InvalidValue, Phrase
from welfare_ambito.model import _validate as v
from welfare_ambito.model.services import InterventionKind
from welfare_ambito.periods import parse_date
from welfare_ambito.sesei.workflow import VERIFICATIONS, CaseState, EventKind, next_state

__all__ = [
    "SESEI_KINDS",
    "Case",
    "CaseDurations",
    "CaseEvent",
    "EducationalProject",
    "Referrer",
    "SchoolLevel",
    "SeseiIntervention",
]

# A field named in a message: the Italian words, the field's own name in English.
i18n.define_group(
    "sesei.field",
    (
        (field, italian, field)
        for field, italian in (
            ("school_level", "il grado scolastico"),
            ("group", "il gruppo"),
            ("referrer", "chi segnala"),
            ("project", "il progetto educativo"),
        )
    ),
)
i18n.define(
    "error.sesei.missing_for_kind",
    it="per un intervento {kind!r} occorre indicare {what}",
    en="{what} is required for a {kind!r} intervention",
)
i18n.define(
    "error.sesei.missing_payload",
    it="l'evento «{event}» richiede {what}",
    en="a '{event}' event needs {what}",
)
i18n.define(
    "error.sesei.unexpected_payload",
    it="{what} riguarda solo l'evento «{event}», non «{other}»",
    en="{what} belongs only to a '{event}' event, not to '{other}'",
)
i18n.define(
    "error.sesei.event_order",
    it="caso {case_id!r}: l'evento {index} («{event}») ha data {on}, "
    "precedente all'evento prima ({previous})",
    en="case {case_id!r}: event {index} ({event}) is dated {on}, "
    "before the previous event ({previous})",
)


def _event(kind: EventKind) -> Phrase:
    """The event's name in the message's language (the workflow's catalogue names)."""
    return Phrase(f"sesei.EventKind.{kind.value}")


T = TypeVar("T")


def _as_kind(value: Any) -> Any:
    return v.enum_value(InterventionKind)(value)


def _as_level(value: Any) -> Any:
    return v.enum_value(SchoolLevel)(value)


def _as_event_kind(value: Any) -> Any:
    return v.enum_value(EventKind)(value)


def _as_referrer(value: Any) -> Any:
    return v.enum_value(Referrer)(value)


class Referrer(enum.StrEnum):
    """Who refers a child to SESEI (seed 001, "Segnalazione del bisogno").

    >>> Referrer("neuropsychiatry")
    <Referrer.NEUROPSYCHIATRY: 'neuropsychiatry'>
    """

    COMUNE_SOCIAL_SERVICE = "comune_social_service"
    """Il servizio sociale comunale."""
    SCHOOL = "school"
    """La scuola."""
    NEUROPSYCHIATRY = "neuropsychiatry"
    """La neuropsichiatria dell'infanzia e dell'adolescenza (NPIA)."""
    TUTELA_MINORI = "tutela_minori"
    """Il servizio tutela minori."""
    OTHER_SERVICE = "other_service"
    """Altri servizi territoriali."""


class SchoolLevel(enum.StrEnum):
    """School levels of the SESEI figures (seed 000, "N. SCUOLE COINVOLTE").

    >>> SchoolLevel("secondaria_1").label_it
    'secondaria di 1° grado'
    >>> [level.value for level in SchoolLevel]
    ['infanzia', 'primaria', 'secondaria_1', 'secondaria_2']
    """

    INFANZIA = "infanzia"
    """Scuola dell'infanzia (3–6)."""
    PRIMARIA = "primaria"
    """Scuola primaria."""
    SECONDARIA_1 = "secondaria_1"
    """Scuola secondaria di 1° grado."""
    SECONDARIA_2 = "secondaria_2"
    """Scuola secondaria di 2° grado (istituti superiori)."""

    @property
    def label_it(self) -> str:
        """Italian name of the level."""
        return _LEVEL_IT[self]


_LEVEL_IT = {
    SchoolLevel.INFANZIA: "infanzia",
    SchoolLevel.PRIMARIA: "primaria",
    SchoolLevel.SECONDARIA_1: "secondaria di 1° grado",
    SchoolLevel.SECONDARIA_2: "secondaria di 2° grado",
}

SESEI_KINDS: frozenset[InterventionKind] = frozenset(
    {
        InterventionKind.SCHOOL,
        InterventionKind.EDM,
        InterventionKind.EDM_TUTELA,
        InterventionKind.GROUP,
        InterventionKind.COMMUNICATION_ASSISTANCE,
    }
)
"""The intervention kinds SESEI delivers: the four counted in seed 000 ("N. INTERVENTI SESEI
al 31.12.15") and the communication assistance for pupils with sensory disabilities of seed
001 («gestione di interventi di assistenza alla comunicazione a favore dei disabili
sensoriali per l'autonomia e inclusione scolastica»).

>>> sorted(kind.value for kind in SESEI_KINDS)
['communication_assistance', 'edm', 'edm_tutela', 'group', 'school']
>>> InterventionKind.EDM in SESEI_KINDS
True
"""


def _sesei_kind(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in SESEI_KINDS:
        raise InvalidValue.of(
            "choice",
            path=attribute.name,
            value=value,
            choices=", ".join(sorted(k.value for k in SESEI_KINDS)),
        )


def _required_for(kind: InterventionKind) -> v.Validator:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if inst.kind is kind and value is None:
            raise InvalidValue.of(
                "sesei.missing_for_kind",
                path=attribute.name,
                what=Phrase(f"sesei.field.{attribute.name}"),
                kind=kind.value,
            )

    return check


@attrs.frozen(kw_only=True)
class SeseiIntervention:
    """One intervention of a SESEI educational project.

    ``school_level`` is required for a school intervention; ``school`` is a pseudonymous
    id of the school (it lets statistics count the schools involved); ``group`` is
    required for a group project and names the group, so participants of one group are
    counted once as a group.

    >>> SeseiIntervention(kind="school", school_level="primaria", school="SC-12").kind
    <InterventionKind.SCHOOL: 'school'>
    """

    kind: InterventionKind = attrs.field(
        converter=_as_kind,
        validator=[v.member_of(InterventionKind), _sesei_kind],
    )
    school_level: SchoolLevel | None = attrs.field(
        default=None,
        converter=_as_level,
        validator=[
            v.optional(v.member_of(SchoolLevel)),
            _required_for(InterventionKind.SCHOOL),
        ],
    )
    school: str | None = attrs.field(default=None, validator=v.optional(v.identifier))
    group: str | None = attrs.field(
        default=None,
        validator=[
            v.optional(v.identifier),
            _required_for(InterventionKind.GROUP),
        ],
    )


@attrs.frozen(kw_only=True)
class EducationalProject:
    """The educational project (seed 001, "Definizione del progetto di sostegno educativo").

    "Si definiscono gli obiettivi educativi generali, la frequenza, le modalità e la durata
    degli interventi, nonché la figura educativa che seguirà il caso": ``goals`` (short
    codes or phrases, never personal data), ``weekly_hours`` (frequency), ``interventions``
    (modality), ``duration_months`` and ``educator`` (a staff id).

    >>> import datetime as dt
    >>> project = EducationalProject(
    ...     goals=["autonomia in classe"], weekly_hours="4.5", duration_months=9,
    ...     interventions=[SeseiIntervention(kind="school", school_level="primaria")],
    ...     educator="EDU-07",
    ... )
    >>> project.weekly_hours, project.planned_end(dt.date(2016, 9, 12))
    (Decimal('4.5'), datetime.date(2017, 6, 11))
    """

    goals: tuple[str, ...] = attrs.field(
        converter=v.to_tuple, validator=[v.tuple_of(v.text), v.non_empty]
    )
    interventions: tuple[SeseiIntervention, ...] = attrs.field(
        converter=v.to_tuple,
        validator=[v.tuple_of(v.instance(SeseiIntervention, "an intervention")), v.non_empty],
    )
    weekly_hours: Decimal = attrs.field(
        converter=attrs.Converter(v.to_decimal, takes_field=True),  # type: ignore[misc]
        validator=[v.instance(Decimal, "a number"), v.positive],
    )
    duration_months: int = attrs.field(validator=[v.instance(int, "a whole number"), v.positive])
    educator: str = attrs.field(validator=v.identifier)
    """Pseudonymous id of the assigned educator (a staff member)."""

    def planned_end(self, start: dt.date) -> dt.date:
        """Last day of the project if it starts on ``start`` and lasts ``duration_months``."""
        return start + relativedelta(months=self.duration_months, days=-1)


def _payload(field: str, kind: EventKind) -> v.Validator:
    what = Phrase(f"sesei.field.{field}")
    event = _event(kind)

    def check(inst: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if inst.kind is kind and value is None:
            raise InvalidValue.of("sesei.missing_payload", path=field, event=event, what=what)
        if isinstance(inst.kind, EventKind) and inst.kind is not kind and value is not None:
            raise InvalidValue.of(
                "sesei.unexpected_payload",
                path=field,
                what=what,
                event=event,
                other=_event(inst.kind),
            )

    return check


@attrs.frozen(kw_only=True)
class CaseEvent:
    """One dated event of a case: ``referral`` carries ``referrer``, ``project`` a project.

    >>> import datetime as dt
    >>> event = CaseEvent(kind="referral", on=dt.date(2016, 1, 11), referrer="tutela_minori")
    >>> event.kind, event.referrer
    (<EventKind.REFERRAL: 'referral'>, <Referrer.TUTELA_MINORI: 'tutela_minori'>)
    """

    kind: EventKind = attrs.field(converter=_as_event_kind, validator=v.member_of(EventKind))
    on: dt.date = attrs.field(validator=v.a_date)
    referrer: Referrer | None = attrs.field(
        default=None,
        converter=_as_referrer,
        validator=[
            v.optional(v.member_of(Referrer)),
            _payload("referrer", EventKind.REFERRAL),
        ],
    )
    project: EducationalProject | None = attrs.field(
        default=None,
        validator=[
            v.optional(v.instance(EducationalProject, "an educational project")),
            _payload("project", EventKind.PROJECT),
        ],
    )


def _fold(case_id: str, events: tuple[CaseEvent, ...]) -> CaseState | None:
    state: CaseState | None = None
    previous: dt.date | None = None
    for index, event in enumerate(events):
        if previous is not None and event.on < previous:
            raise InvalidValue.of(
                "sesei.event_order",
                path=f"events[{index}].on",
                case_id=case_id,
                index=index,
                event=_event(event.kind),
                on=event.on,
                previous=previous,
            )
        state = next_state(state, event.kind, case_id=case_id, on=event.on, path=f"events[{index}]")
        previous = event.on
    return state


def _check_history(
    inst: Case, attribute: attrs.Attribute[Any], value: tuple[CaseEvent, ...]
) -> None:
    _fold(inst.id, value)


@attrs.frozen(kw_only=True)
class CaseDurations:
    """Days between the phases of a case; ``None`` when a phase has not happened.

    All durations count calendar days from the first event of one phase to the first
    following event of the next one (same day = 0).

    >>> import datetime as dt
    >>> case = Case.from_dict({"id": "C1", "events": [
    ...     {"kind": "referral", "on": "2016-01-11", "referrer": "school"},
    ...     {"kind": "assessment_feasible", "on": "2016-01-25"}]})
    >>> durations = case.durations(on=dt.date(2016, 3, 1))
    >>> durations.referral_to_assessment, durations.referral_to_project, durations.open_days
    (14, None, 50)
    """

    referral_to_assessment: int | None
    """Segnalazione → valutazione (feasible or not)."""
    referral_to_project: int | None
    """Segnalazione → first project defined."""
    project_to_first_review: int | None
    """First project → first verification."""
    referral_to_closure: int | None
    """Segnalazione → closure of any kind."""
    open_days: int
    """Days the case was open: to its closure, or to ``on`` if still open."""
    replannings: int
    """How many times the project was re-planned."""


_ASSESSMENTS = (EventKind.ASSESSMENT_FEASIBLE, EventKind.ASSESSMENT_NOT_FEASIBLE)
_CLOSINGS = (EventKind.ASSESSMENT_NOT_FEASIBLE, EventKind.CLOSURE, EventKind.INTERRUPTION)


@attrs.frozen(kw_only=True)
class Case:
    """A SESEI case: pseudonymous ``id``, optional ``comune`` and its ``events``.

    The history must start with a referral, follow :data:`~welfare_ambito.sesei.TRANSITIONS`
    and be in date order (events on the same day keep their given order); otherwise
    :class:`~welfare_ambito.sesei.IllegalTransition` or
    :class:`~welfare_ambito.errors.InvalidValue` names the case, the state and the event.

    >>> import datetime as dt
    >>> case = Case(id="RHO-2016-002", comune="Rho", events=[
    ...     CaseEvent(kind="referral", on=dt.date(2016, 1, 11), referrer="comune_social_service"),
    ...     CaseEvent(kind="assessment_not_feasible", on=dt.date(2016, 2, 1)),
    ... ])
    >>> case.state, case.is_open, case.closing_event.kind.label_it
    (<CaseState.CLOSED: 'closed'>, False, 'valutazione: non fattibile')
    >>> case.durations().referral_to_closure
    21
    """

    id: str = attrs.field(validator=v.identifier)
    events: tuple[CaseEvent, ...] = attrs.field(
        converter=v.to_tuple,
        validator=[
            v.tuple_of(v.instance(CaseEvent, "a case event")),
            v.non_empty,
            _check_history,
        ],
    )
    comune: str | None = attrs.field(default=None, validator=v.optional(v.text))

    # -- construction -------------------------------------------------------------
    @classmethod
    def replay(cls, id: str, events: Iterable[CaseEvent], *, comune: str | None = None) -> Case:
        """Build the case by applying ``events`` one at a time (same result as the constructor)."""
        items = iter(events)
        case = cls(id=id, events=(next(items, None),), comune=comune)
        for event in items:
            case = case.apply(event)
        return case

    def apply(self, event: CaseEvent) -> Case:
        """A new case with ``event`` appended; this case is unchanged."""
        return attrs.evolve(self, events=(*self.events, event))

    # -- derived --------------------------------------------------------------------
    @property
    def state(self) -> CaseState:
        """The current state, derived from the events."""
        state = _fold(self.id, self.events)
        assert state is not None  # a valid history is non-empty
        return state

    @property
    def is_open(self) -> bool:
        """Whether the case is not closed."""
        return self.state is not CaseState.CLOSED

    @property
    def referral(self) -> CaseEvent:
        """The referral that opened the case."""
        return self.events[0]

    @property
    def referred_on(self) -> dt.date:
        """Date of the referral."""
        return self.events[0].on

    @property
    def referrer(self) -> Referrer:
        """Who referred the case."""
        referrer = self.events[0].referrer
        assert referrer is not None  # guaranteed by CaseEvent's validators
        return referrer

    @property
    def closing_event(self) -> CaseEvent | None:
        """The event that closed the case (not feasible, closure or interruption), if any."""
        last = self.events[-1]
        return last if last.kind in _CLOSINGS else None

    @property
    def projects(self) -> tuple[EducationalProject, ...]:
        """Every project defined, oldest first (more than one after re-planning)."""
        return tuple(e.project for e in self.events if e.project is not None)

    @property
    def current_project(self) -> EducationalProject | None:
        """The running project: the latest one while the case is active or in verification."""
        if self.state in (CaseState.ACTIVE, CaseState.MONITORING):
            return self.projects[-1]
        return None

    @property
    def interventions(self) -> tuple[SeseiIntervention, ...]:
        """Interventions of the running project (empty if none is running)."""
        project = self.current_project
        return project.interventions if project is not None else ()

    def as_of(self, on: dt.date) -> Case | None:
        """The case as it stood at the end of day ``on``; ``None`` if referred later."""
        events = tuple(e for e in self.events if e.on <= on)
        return attrs.evolve(self, events=events) if events else None

    def _first(self, kinds: tuple[EventKind, ...], after: int = 0) -> int | None:
        for index in range(after, len(self.events)):
            if self.events[index].kind in kinds:
                return index
        return None

    def _days(self, start: int | None, end: int | None) -> int | None:
        if start is None or end is None:
            return None
        return (self.events[end].on - self.events[start].on).days

    def durations(self, on: dt.date | None = None) -> CaseDurations:
        """Days between phases; ``on`` (default: the last event) ends an open case's count."""
        assessed = self._first(_ASSESSMENTS)
        project = self._first((EventKind.PROJECT,))
        review = None if project is None else self._first(tuple(VERIFICATIONS), after=project)
        closing = self._first(_CLOSINGS)
        if closing is not None:
            open_days = (self.events[closing].on - self.referred_on).days
        else:
            end = on if on is not None else self.events[-1].on
            open_days = max((end - self.referred_on).days, 0)
        return CaseDurations(
            referral_to_assessment=self._days(0, assessed),
            referral_to_project=self._days(0, project),
            project_to_first_review=self._days(project, review),
            referral_to_closure=self._days(0, closing),
            open_days=open_days,
            replannings=sum(1 for e in self.events if e.kind is EventKind.REPLANNING),
        )

    # -- plain data -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain data (strings, numbers, lists, dicts) that :meth:`from_dict` reads back."""
        data: dict[str, Any] = {"id": self.id, "events": [_event_dict(e) for e in self.events]}
        if self.comune is not None:
            data["comune"] = self.comune
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Case:
        """Read a case from plain data (a dict, or a TOML/JSON table); dates as ISO text.

        Errors are :class:`~welfare_ambito.errors.InvalidValue` with the path of the bad
        field, e.g. ``events[2].project.interventions[0].school_level``.

        >>> Case.from_dict({"id": "C1", "events": [
        ...     {"kind": "referral", "on": "2016-01-11", "referrer": "school"}]}).state
        <CaseState.REFERRED: 'referred'>
        """
        _mapping(data, "", {"id", "events", "comune"})
        events = _list(data, "events", "", _event_from_dict)
        return _build(cls, "", id=_get(data, "id", ""), events=events, comune=data.get("comune"))


# -- plain-data helpers ---------------------------------------------------------------------


def _event_dict(event: CaseEvent) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": event.kind.value, "on": event.on.isoformat()}
    if event.referrer is not None:
        data["referrer"] = event.referrer.value
    if event.project is not None:
        project = event.project
        data["project"] = {
            "goals": list(project.goals),
            "interventions": [_intervention_dict(i) for i in project.interventions],
            "weekly_hours": str(project.weekly_hours),
            "duration_months": project.duration_months,
            "educator": project.educator,
        }
    return data


def _intervention_dict(item: SeseiIntervention) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": item.kind.value}
    for name in ("school_level", "school", "group"):
        value = getattr(item, name)
        if value is not None:
            data[name] = str(value)
    return data


def _join(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    return f"{prefix}{path}" if path.startswith("[") else f"{prefix}.{path}"


def _mapping(data: object, path: str, keys: set[str]) -> None:
    if not isinstance(data, Mapping):
        raise InvalidValue.of("type", path=path, expected="a table", actual=type(data).__name__)
    for key in data:
        if key not in keys:
            raise InvalidValue.of("unknown_key", path=_join(path, str(key)), key=key)


def _get(data: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in data:
        raise InvalidValue.of("missing", path=_join(path, key))
    return data[key]


def _list(data: Mapping[str, Any], key: str, path: str, item: Callable[[Any, str], T]) -> list[T]:
    value = _get(data, key, path)
    where = _join(path, key)
    if not isinstance(value, list | tuple):
        raise InvalidValue.of("type", path=where, expected="a list", actual=type(value).__name__)
    return [item(element, f"{where}[{index}]") for index, element in enumerate(value)]


def _build(cls: Callable[..., T], path: str, **fields: Any) -> T:
    try:
        return cls(**fields)
    except InvalidValue as exc:
        exc.path = _join(path, exc.path)
        raise


def _event_from_dict(data: Any, path: str) -> CaseEvent:
    _mapping(data, path, {"kind", "on", "referrer", "project"})
    on = parse_date(_get(data, "on", path), path=_join(path, "on"))
    project = data.get("project")
    if project is not None:
        project = _project_from_dict(project, _join(path, "project"))
    return _build(
        CaseEvent,
        path,
        kind=_get(data, "kind", path),
        on=on,
        referrer=data.get("referrer"),
        project=project,
    )


def _project_from_dict(data: Any, path: str) -> EducationalProject:
    _mapping(data, path, {"goals", "interventions", "weekly_hours", "duration_months", "educator"})
    interventions = _list(data, "interventions", path, _intervention_from_dict)
    return _build(
        EducationalProject,
        path,
        goals=_get(data, "goals", path),
        interventions=interventions,
        weekly_hours=_get(data, "weekly_hours", path),
        duration_months=_get(data, "duration_months", path),
        educator=_get(data, "educator", path),
    )


def _intervention_from_dict(data: Any, path: str) -> SeseiIntervention:
    _mapping(data, path, {"kind", "school_level", "school", "group"})
    return _build(
        SeseiIntervention,
        path,
        kind=_get(data, "kind", path),
        school_level=data.get("school_level"),
        school=data.get("school"),
        group=data.get("group"),
    )

"""The SESEI case workflow as a state machine (seed 001, "Fasi del processo di lavoro di Sesei").

Phases published by Sercop: *segnalazione del bisogno* → *valutazione del bisogno* →
*definizione del progetto di sostegno educativo* → *verifica e monitoraggio* (which may lead
to *riprogettazione*) → *conclusione del progetto*.

Decisions the seed leaves open, taken here and documented:

* The assessment ends either **feasible** (the project is then defined) or **not feasible**,
  which closes the case: the seed says Sercop "valuta la fattibilità di attivazione".
* **Re-planning** is decided at a verification and returns the case to the definition of the
  educational project (state :attr:`CaseState.PLANNING`); a new
  :attr:`EventKind.PROJECT` event then replaces the project.
* The **kick-off meeting** with the family and the child (project shared, educator
  introduced) is an event of the active project; **family interviews** and **network
  reviews** are two distinct kinds of verification (:data:`VERIFICATIONS`), beside a
  verification of unspecified form (:attr:`EventKind.REVIEW`).
* **Closure** for goals reached follows at least one verification, because the seed closes a
  project "nel momento in cui si ritengono raggiunti gli obiettivi … in accordo con tutti i
  soggetti coinvolti", i.e. after checking them.
* **Interruption** (the family withdraws, moves away, the referral is withdrawn) is not in the
  seed but a case must be closable for reasons other than success: it closes any open case.
* A closed case is final; a new referral opens a new case.

>>> next_state(None, EventKind.REFERRAL)
<CaseState.REFERRED: 'referred'>
>>> next_state(CaseState.REFERRED, EventKind.ASSESSMENT_NOT_FEASIBLE)
<CaseState.CLOSED: 'closed'>
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Final

from welfare_ambito import i18n
from welfare_ambito._lang import LANGS, Lang
from welfare_ambito.errors import InvalidValue

__all__ = [
    "TRANSITIONS",
    "VERIFICATIONS",
    "CaseState",
    "EventKind",
    "IllegalTransition",
    "legal_events",
    "next_state",
]


class CaseState(enum.StrEnum):
    """Where a SESEI case stands, derived from its events.

    >>> CaseState.MONITORING.label_it
    'in verifica'
    >>> CaseState("closed")
    <CaseState.CLOSED: 'closed'>
    """

    REFERRED = "referred"
    """Segnalato: the need has been referred, the assessment is pending."""
    PLANNING = "planning"
    """In progettazione: found feasible (or re-planning), the project is being defined."""
    ACTIVE = "active"
    """Progetto attivo: the educational project is defined and running."""
    MONITORING = "monitoring"
    """In verifica: at least one verification of the running project has been held."""
    CLOSED = "closed"
    """Concluso: not feasible, goals reached or interrupted. Final."""

    @property
    def label_it(self) -> str:
        """Italian name of the state."""
        return _STATE_IT[self]


class EventKind(enum.StrEnum):
    """What can happen to a SESEI case; each event is dated.

    >>> EventKind("replanning").label_it
    'riprogettazione'
    >>> [e.value for e in legal_events(None)]
    ['referral']
    """

    REFERRAL = "referral"
    """Segnalazione del bisogno (opens the case)."""
    ASSESSMENT_FEASIBLE = "assessment_feasible"
    """Valutazione del bisogno: the intervention is feasible."""
    ASSESSMENT_NOT_FEASIBLE = "assessment_not_feasible"
    """Valutazione del bisogno: the intervention is not feasible (closes the case)."""
    PROJECT = "project"
    """Definizione del progetto di sostegno educativo (or of a new one after re-planning)."""
    KICK_OFF = "kick_off"
    """Incontro di avvio: the meeting with the family and the child that shares the project
    and introduces the educator (seed 001); the project stays active."""
    REVIEW = "review"
    """Verifica e monitoraggio: a verification of the running project (of unspecified form)."""
    FAMILY_INTERVIEW = "family_interview"
    """Colloquio individuale con la famiglia: a verification held with the family (seed 001)."""
    NETWORK_REVIEW = "network_review"
    """Verifica periodica di rete: a verification with every operator of the project (seed 001)."""
    REPLANNING = "replanning"
    """Riprogettazione: a verification decided to define a new project."""
    CLOSURE = "closure"
    """Conclusione del progetto: the agreed goals are reached."""
    INTERRUPTION = "interruption"
    """Interruzione: the case closes before its goals (not in the seed; see module notes)."""

    @property
    def label_it(self) -> str:
        """Italian name of the event."""
        return _EVENT_IT[self]


_STATE_IT: Final[Mapping[CaseState, str]] = {
    CaseState.REFERRED: "segnalato",
    CaseState.PLANNING: "in progettazione",
    CaseState.ACTIVE: "progetto attivo",
    CaseState.MONITORING: "in verifica",
    CaseState.CLOSED: "concluso",
}

_EVENT_IT: Final[Mapping[EventKind, str]] = {
    EventKind.REFERRAL: "segnalazione",
    EventKind.ASSESSMENT_FEASIBLE: "valutazione: fattibile",
    EventKind.ASSESSMENT_NOT_FEASIBLE: "valutazione: non fattibile",
    EventKind.PROJECT: "definizione del progetto",
    EventKind.KICK_OFF: "incontro di avvio con famiglia e minore",
    EventKind.REVIEW: "verifica",
    EventKind.FAMILY_INTERVIEW: "colloquio con la famiglia",
    EventKind.NETWORK_REVIEW: "verifica di rete",
    EventKind.REPLANNING: "riprogettazione",
    EventKind.CLOSURE: "conclusione",
    EventKind.INTERRUPTION: "interruzione",
}

# State and event names: the Italian label, the value in English (as the English messages quote it).
i18n.define_group(
    "sesei.CaseState", ((state.value, label, state.value) for state, label in _STATE_IT.items())
)
i18n.define_group(
    "sesei.EventKind", ((event.value, label, event.value) for event, label in _EVENT_IT.items())
)
i18n.define(
    "error.sesei.illegal_transition",
    it="caso {case_id!r}: l'evento «{event}»{when} non è ammesso nello stato «{state}»; "
    "ammessi: {allowed}",
    en="case {case_id!r}: event {event!r}{when} is not allowed in state {state!r}; "
    "allowed: {allowed}",
)
i18n.define("sesei.on_day", it=" del {day}", en=" on {day}")
i18n.define("sesei.not_opened", it="non ancora aperto", en="not yet opened")
i18n.define("sesei.none_allowed", it="nessuno (il caso è concluso)", en="none (the case is closed)")

TRANSITIONS: Final[Mapping[tuple[CaseState | None, EventKind], CaseState]] = {
    (None, EventKind.REFERRAL): CaseState.REFERRED,
    (CaseState.REFERRED, EventKind.ASSESSMENT_FEASIBLE): CaseState.PLANNING,
    (CaseState.REFERRED, EventKind.ASSESSMENT_NOT_FEASIBLE): CaseState.CLOSED,
    (CaseState.REFERRED, EventKind.INTERRUPTION): CaseState.CLOSED,
    (CaseState.PLANNING, EventKind.PROJECT): CaseState.ACTIVE,
    (CaseState.PLANNING, EventKind.INTERRUPTION): CaseState.CLOSED,
    (CaseState.ACTIVE, EventKind.KICK_OFF): CaseState.ACTIVE,
    (CaseState.ACTIVE, EventKind.REVIEW): CaseState.MONITORING,
    (CaseState.ACTIVE, EventKind.FAMILY_INTERVIEW): CaseState.MONITORING,
    (CaseState.ACTIVE, EventKind.NETWORK_REVIEW): CaseState.MONITORING,
    (CaseState.ACTIVE, EventKind.INTERRUPTION): CaseState.CLOSED,
    (CaseState.MONITORING, EventKind.REVIEW): CaseState.MONITORING,
    (CaseState.MONITORING, EventKind.FAMILY_INTERVIEW): CaseState.MONITORING,
    (CaseState.MONITORING, EventKind.NETWORK_REVIEW): CaseState.MONITORING,
    (CaseState.MONITORING, EventKind.REPLANNING): CaseState.PLANNING,
    (CaseState.MONITORING, EventKind.CLOSURE): CaseState.CLOSED,
    (CaseState.MONITORING, EventKind.INTERRUPTION): CaseState.CLOSED,
}
"""Every legal transition: ``(state before, event) -> state after``; ``None`` is "no case yet".

>>> TRANSITIONS[(CaseState.MONITORING, EventKind.REPLANNING)]
<CaseState.PLANNING: 'planning'>
>>> (CaseState.REFERRED, EventKind.CLOSURE) in TRANSITIONS
False
"""


VERIFICATIONS: Final[frozenset[EventKind]] = frozenset(
    {EventKind.REVIEW, EventKind.FAMILY_INTERVIEW, EventKind.NETWORK_REVIEW}
)
"""The events that verify a running project: «colloqui individuali con la famiglia del minore e
verifiche periodiche di rete» (seed 001), or a verification of unspecified form.

>>> sorted(e.value for e in VERIFICATIONS)
['family_interview', 'network_review', 'review']
"""


class IllegalTransition(InvalidValue):
    """An event that the workflow does not allow in the case's current state.

    Carries ``case_id``, ``state`` (``None`` before the referral), ``event`` and ``on``, and
    an English and Italian message naming all of them. Also a :class:`ValueError`.

    >>> try:
    ...     next_state(CaseState.REFERRED, EventKind.CLOSURE, case_id="RHO-2016-001")
    ... except IllegalTransition as exc:
    ...     print(exc.state, exc.event, isinstance(exc, ValueError))
    ...     print(exc.message_it)
    referred closure True
    caso 'RHO-2016-001': l'evento «conclusione» non è ammesso nello stato «segnalato»;
    ammessi: valutazione: fattibile, valutazione: non fattibile, interruzione
    """

    def __init__(
        self,
        *,
        case_id: str,
        state: CaseState | None,
        event: EventKind,
        on: dt.date | None = None,
        path: str = "",
    ) -> None:
        self.case_id = case_id
        self.state = state
        self.event = event
        self.on = on
        allowed = legal_events(state)

        def said(lang: Lang) -> str:
            def name(item: CaseState | EventKind) -> str:
                return i18n.message(f"sesei.{type(item).__name__}.{item.value}", lang)

            return i18n.message(
                "error.sesei.illegal_transition",
                lang,
                case_id=case_id,
                event=name(event),
                when=""
                if on is None
                else i18n.message("sesei.on_day", lang, day=i18n.date(on, lang)),
                state=i18n.message("sesei.not_opened", lang) if state is None else name(state),
                allowed=", ".join(name(e) for e in allowed)
                or i18n.message("sesei.none_allowed", lang),
            )

        italian, english = (said(lang) for lang in LANGS)
        super().__init__(
            english,
            code="sesei.illegal_transition",
            message_it=italian,
            path=path,
            params={
                "case_id": case_id,
                "state": None if state is None else state.value,
                "event": event.value,
            },
        )


def legal_events(state: CaseState | None) -> tuple[EventKind, ...]:
    """The events allowed in ``state`` (``None``: before the referral), in declaration order.

    >>> [e.value for e in legal_events(CaseState.MONITORING)]
    ['review', 'family_interview', 'network_review', 'replanning', 'closure', 'interruption']
    >>> legal_events(CaseState.CLOSED)
    ()
    """
    return tuple(event for event in EventKind if (state, event) in TRANSITIONS)


def next_state(
    state: CaseState | None,
    event: EventKind,
    *,
    case_id: str = "?",
    on: dt.date | None = None,
    path: str = "",
) -> CaseState:
    """The state after ``event`` in ``state``; :class:`IllegalTransition` if not allowed.

    >>> next_state(CaseState.ACTIVE, EventKind.REVIEW)
    <CaseState.MONITORING: 'monitoring'>
    >>> next_state(CaseState.MONITORING, EventKind.REPLANNING)
    <CaseState.PLANNING: 'planning'>
    """
    if not isinstance(event, EventKind):
        raise InvalidValue.of(
            "choice", path=path, value=event, choices=", ".join(e.value for e in EventKind)
        )
    if state is not None and not isinstance(state, CaseState):
        raise InvalidValue.of(
            "choice", path=path, value=state, choices=", ".join(s.value for s in CaseState)
        )
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        raise IllegalTransition(
            case_id=case_id, state=state, event=event, on=on, path=path
        ) from None

"""Service statistics of SESEI, in the shape Sercop publishes them (seed 000).

Seed 000 publishes, for a date: the cases in charge ("N. CASI IN CARICO"), the
interventions by kind ("N. INTERVENTI SESEI al 31.12.15"), the groups, the schools involved
by level ("N. SCUOLE COINVOLTE … di cui INFANZIA …") and the requests evaluated in a school
year ("N. RICHIESTE EDUCATIVE VALUTATE nell'anno 15/16"). :func:`statistics` computes the
same figures from a set of :class:`~welfare_ambito.sesei.Case`.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito._lang import Lang, is_lang
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model.services import InterventionKind
from welfare_ambito.periods import Period
from welfare_ambito.sesei.cases import SESEI_KINDS, Case, SchoolLevel
from welfare_ambito.sesei.workflow import CaseState, EventKind

__all__ = ["SeseiStatistics", "statistics"]

_KINDS = tuple(k for k in InterventionKind if k in SESEI_KINDS)

_KIND_IT = {
    InterventionKind.SCHOOL: "scolastici",
    InterventionKind.EDM: "EDM",
    InterventionKind.EDM_TUTELA: "EDM tutela",
    InterventionKind.GROUP: "progettualità di gruppo (partecipanti)",
    InterventionKind.COMMUNICATION_ASSISTANCE: "assistenza alla comunicazione",
}

i18n.define_group(
    "sesei.figure",
    (
        # (figure, italian, english)
        ("cases", "casi segnalati alla data", "cases referred by the date"),
        ("open_cases", "casi in carico (aperti)", "cases in charge (open)"),
        ("cases_by_state", "casi per stato", "cases by state"),
        ("interventions_by_kind", "interventi attivi per tipo", "running interventions by kind"),
        ("groups", "progettualità di gruppo (gruppi)", "group projects"),
        ("schools_by_level", "scuole coinvolte per grado", "schools involved by level"),
        ("schools", "scuole coinvolte", "schools involved"),
        (
            "school_interventions_by_level",
            "interventi scolastici per grado",
            "school interventions by level",
        ),
        (
            "requests_evaluated",
            "richieste valutate nel periodo",
            "requests evaluated in the period",
        ),
    ),
)
# The keys of a figure by kind or by level: the Italian label, the value in English.
i18n.define_group(
    "sesei.figure.interventions_by_kind",
    ((kind.value, italian, kind.value) for kind, italian in _KIND_IT.items()),
)
for _by_level in ("schools_by_level", "school_interventions_by_level"):
    i18n.define_group(
        f"sesei.figure.{_by_level}",
        ((level.value, level.label_it, level.value) for level in SchoolLevel),
    )
i18n.define("sesei.stats.head", it="SESEI al {day}", en="SESEI on {day}")
i18n.define("sesei.stats.evaluated", it=" (valutazioni {period})", en=" (assessments {period})")


def _zeros(keys: Iterable[Any], counts: Counter[Any]) -> FrozenDict[Any, int]:
    return FrozenDict({key: counts.get(key, 0) for key in keys})


@attrs.frozen(kw_only=True)
class SeseiStatistics:
    """SESEI figures on the date ``on`` (and, optionally, over the period ``evaluated_in``).

    Counts are ints; every mapping lists all its keys, zeros included.

    >>> import datetime as dt
    >>> case = Case.from_dict({"id": "C1", "events": [
    ...     {"kind": "referral", "on": "2015-09-14", "referrer": "school"},
    ...     {"kind": "assessment_feasible", "on": "2015-10-05"}]})
    >>> stats = statistics([case], on=dt.date(2015, 12, 31),
    ...                    evaluated_in=Period.of_months("2015-09", "2016-08"))
    >>> stats.open_cases, stats.by_state[CaseState.PLANNING], stats.requests_evaluated
    (1, 1, 1)
    """

    on: dt.date
    cases: int
    """Cases referred on or before ``on``."""
    open_cases: int
    """Cases not closed on ``on`` ("casi in carico")."""
    by_state: FrozenDict[CaseState, int]
    interventions_by_kind: FrozenDict[InterventionKind, int]
    """Interventions of running projects; a group project counts each participant."""
    groups: int
    """Distinct groups with at least one participant in a running project."""
    schools_by_level: FrozenDict[SchoolLevel, int]
    """Distinct schools (by id) with a running school intervention, per level."""
    school_interventions_by_level: FrozenDict[SchoolLevel, int]
    evaluated_in: Period | None = None
    requests_evaluated: int | None = None
    """Assessments (feasible or not) dated within ``evaluated_in``."""

    @property
    def schools(self) -> int:
        """Schools involved, all levels."""
        return sum(self.schools_by_level.values())

    def to_records(self) -> list[dict[str, Any]]:
        """One plain record per figure: ``{"figure", "key", "value"}`` (key ``None`` for totals)."""
        records: list[dict[str, Any]] = [
            {"figure": "cases", "key": None, "value": self.cases},
            {"figure": "open_cases", "key": None, "value": self.open_cases},
        ]
        mappings: tuple[tuple[str, FrozenDict[Any, int]], ...] = (
            ("cases_by_state", self.by_state),
            ("interventions_by_kind", self.interventions_by_kind),
        )
        for figure, mapping in mappings:
            records += [{"figure": figure, "key": str(k), "value": n} for k, n in mapping.items()]
        records.append({"figure": "groups", "key": None, "value": self.groups})
        records.append({"figure": "schools", "key": None, "value": self.schools})
        for figure, mapping in (
            ("schools_by_level", self.schools_by_level),
            ("school_interventions_by_level", self.school_interventions_by_level),
        ):
            records += [{"figure": figure, "key": str(k), "value": n} for k, n in mapping.items()]
        if self.requests_evaluated is not None:
            records.append(
                {"figure": "requests_evaluated", "key": None, "value": self.requests_evaluated}
            )
        return records

    def _rows(self, lang: str) -> list[tuple[str, str, int]]:
        code: Lang = lang if is_lang(lang) else "en"
        rows = []
        for record in self.to_records():
            figure, key = record["figure"], record["key"]
            label = "" if key is None else _label(figure, key, code)
            rows.append((i18n.message(f"sesei.figure.{figure}", code), label, record["value"]))
        return rows

    def to_text(self, lang: str = "it") -> str:
        """A plain-text table of the figures, in Italian (``"it"``) or English (``"en"``)."""
        code: Lang = lang if is_lang(lang) else "en"
        head = i18n.message("sesei.stats.head", code, day=i18n.date(self.on, code))
        if self.evaluated_in is not None:
            period = self.evaluated_in
            shown = f"{i18n.date(period.start, code)}–{i18n.date(period.end, code)}"
            head += i18n.message("sesei.stats.evaluated", code, period=shown)
        lines = [head]
        for figure, label, value in self._rows(lang):
            name = f"{figure}: {label}" if label else figure
            lines.append(f"  {name:<66} {value:>6}")
        return "\n".join(lines)

    def to_html(self, lang: str = "it") -> str:
        """An HTML ``<table>`` of the figures (escaped)."""
        caption = self.to_text(lang).splitlines()[0]
        cells = "".join(
            f"<tr><th>{html.escape(figure)}</th><td>{html.escape(label)}</td><td>{value}</td></tr>"
            for figure, label, value in self._rows(lang)
        )
        return f"<table><caption>{html.escape(caption)}</caption>{cells}</table>"

    def __str__(self) -> str:
        return self.to_text("it")


def _label(figure: str, key: str, lang: Lang) -> str:
    """The name of ``key`` (a state, kind or school level) of ``figure`` in ``lang``."""
    if figure == "cases_by_state":
        return i18n.message(f"sesei.CaseState.{CaseState(key).value}", lang)
    return i18n.message(f"sesei.figure.{figure}.{key}", lang)


def statistics(
    cases: Iterable[Case], *, on: dt.date, evaluated_in: Period | None = None
) -> SeseiStatistics:
    """The SESEI figures of ``cases`` as they stood at the end of ``on``.

    ``evaluated_in`` (e.g. the school year 2015/16) also counts the requests evaluated in it.
    Case ids must be distinct.

    >>> import datetime as dt
    >>> from welfare_ambito.sesei import Case, CaseEvent
    >>> case = Case(id="C1", events=[CaseEvent(kind="referral", on=dt.date(2016, 1, 4),
    ...                                        referrer="school")])
    >>> statistics([case], on=dt.date(2016, 1, 31)).open_cases
    1
    """
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise InvalidValue.of("type", path="on", expected="a date", actual=type(on).__name__)
    states: Counter[CaseState] = Counter()
    kinds: Counter[InterventionKind] = Counter()
    levels: Counter[SchoolLevel] = Counter()
    schools: dict[SchoolLevel, set[str]] = {level: set() for level in SchoolLevel}
    groups: set[str] = set()
    seen: set[str] = set()
    evaluated = 0
    total = 0
    for index, case in enumerate(cases):
        if not isinstance(case, Case):
            raise InvalidValue.of(
                "type", path=f"cases[{index}]", expected="a Case", actual=type(case).__name__
            )
        if case.id in seen:
            raise InvalidValue.of(
                "duplicate", path=f"cases[{index}].id", what="case", value=case.id
            )
        seen.add(case.id)
        if evaluated_in is not None:
            evaluated += sum(
                1
                for e in case.events
                if e.kind in (EventKind.ASSESSMENT_FEASIBLE, EventKind.ASSESSMENT_NOT_FEASIBLE)
                and evaluated_in.start <= e.on <= evaluated_in.end
            )
        past = case.as_of(on)
        if past is None:
            continue
        total += 1
        states[past.state] += 1
        for item in past.interventions:
            kinds[item.kind] += 1
            if item.group is not None:
                groups.add(item.group)
            if item.school_level is not None and item.kind is InterventionKind.SCHOOL:
                levels[item.school_level] += 1
                if item.school is not None:
                    schools[item.school_level].add(item.school)
    return SeseiStatistics(
        on=on,
        cases=total,
        open_cases=total - states[CaseState.CLOSED],
        by_state=_zeros(CaseState, states),
        interventions_by_kind=_zeros(_KINDS, kinds),
        groups=len(groups),
        schools_by_level=FrozenDict({level: len(ids) for level, ids in schools.items()}),
        school_interventions_by_level=_zeros(SchoolLevel, levels),
        evaluated_in=evaluated_in,
        requests_evaluated=evaluated if evaluated_in is not None else None,
    )

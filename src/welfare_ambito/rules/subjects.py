"""Subject kinds: what a rule applies to, and how to find those subjects in a plan.

Each kind walks a :class:`~welfare_ambito.model.CoDesignPlan` into
``(path, subject)`` pairs: ``"family"`` gives ``("families[0]", family)``...
An optional part the plan does not record (``budget``, ``hour_plan``) gives
``(path, MISSING)``: the engine reports the rule as needing review, with the
missing path.

New kinds are added with :func:`register_subject_kind`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs

from welfare_ambito import i18n
from welfare_ambito.errors import InvalidValue, NotFound

__all__ = [
    "MISSING",
    "SubjectKind",
    "register_subject_kind",
    "subject_kind",
    "subject_kinds",
    "walk",
]

i18n.define(
    "error.rules.unknown_subject",
    it="tipo di soggetto sconosciuto {name!r}; noti: {known}",
    en="unknown subject kind {name!r}; known: {known}",
)


class _Missing:
    """Marks an optional part of a plan that is not recorded."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Final = _Missing()
"""Stands for a part of the plan that the plan does not record.

>>> import attrs
>>> from welfare_ambito import data
>>> plan = attrs.evolve(data.example("pippi_seregno"), budget=None)
>>> list(walk(plan, "budget"))
[('budget', MISSING)]
>>> bool(MISSING)
False
"""

Walker = Callable[[Any], Iterator[tuple[str, Any]]]


@attrs.frozen(kw_only=True)
class SubjectKind:
    """A kind of subject: its name, a description and how to walk a plan to its instances.

    >>> from welfare_ambito import data
    >>> kind = subject_kind("intervention")
    >>> kind.collection
    'interventions'
    >>> [path for path, _ in kind.walker(data.example("pippi_seregno"))][:2]
    ['interventions[0]', 'interventions[1]']
    """

    name: str
    description: str
    walker: Walker = attrs.field(repr=False)
    collection: str | None = None
    """The plan's field holding a sequence of such subjects (paths ``collection[i]``)."""


_KINDS: dict[str, SubjectKind] = {}


def register_subject_kind(
    name: str,
    walker: Walker,
    *,
    description: str,
    collection: str | None = None,
    replace: bool = False,
) -> SubjectKind:
    """Add a subject kind; ``walker(plan)`` yields ``(path, subject)`` pairs.

    >>> from welfare_ambito import data
    >>> def budget_lines(plan):
    ...     for index, line in enumerate(plan.budget.lines if plan.budget else ()):
    ...         yield f"budget.lines[{index}]", line
    >>> kind = register_subject_kind("budget_line", budget_lines,
    ...                              description="each budget line", replace=True)
    >>> [line.id for _, line in walk(data.example("tutela_minori_seregno"), "budget_line")][:2]
    ['associated', 'administrative']
    """
    if name in _KINDS and not replace:
        raise InvalidValue.of("duplicate", path=name, what="subject kind", value=name)
    kind = SubjectKind(name=name, description=description, walker=walker, collection=collection)
    _KINDS[name] = kind
    return kind


def subject_kind(name: str) -> SubjectKind:
    """The subject kind ``name``; :class:`NotFound` if unknown."""
    try:
        return _KINDS[name]
    except KeyError:
        raise NotFound.of(
            "rules.unknown_subject", path=name, name=name, known=", ".join(_KINDS)
        ) from None


def subject_kinds() -> tuple[SubjectKind, ...]:
    """Every registered subject kind.

    >>> [kind.name for kind in subject_kinds()][:4]
    ['plan', 'family', 'intervention', 'group']
    """
    return tuple(_KINDS.values())


def walk(plan: Any, kind: str) -> Iterator[tuple[str, Any]]:
    """``(path, subject)`` pairs of ``kind`` in ``plan``."""
    return subject_kind(kind).walker(plan)


def _sequence(field: str) -> Walker:
    def walker(plan: Any) -> Iterator[tuple[str, Any]]:
        for index, item in enumerate(getattr(plan, field)):
            yield f"{field}[{index}]", item

    return walker


def _optional(field: str) -> Walker:
    def walker(plan: Any) -> Iterator[tuple[str, Any]]:
        value = getattr(plan, field)
        yield field, MISSING if value is None else value

    return walker


def _plan(plan: Any) -> Iterator[tuple[str, Any]]:
    yield "", plan


def _children(plan: Any) -> Iterator[tuple[str, Any]]:
    for index, family in enumerate(plan.families):
        for position, child in enumerate(family.children):
            yield f"families[{index}].children[{position}]", child


register_subject_kind("plan", _plan, description="the whole co-design plan")
for _kind, _field, _what in (
    ("family", "families", "each family (families[i])"),
    ("intervention", "interventions", "each intervention (interventions[i])"),
    ("group", "groups", "each group module (groups[i])"),
    ("staff", "staff", "each staff member (staff[i])"),
    ("service", "services", "each service offer (services[i])"),
    ("report", "reports", "each reporting duty (reports[i])"),
):
    register_subject_kind(_kind, _sequence(_field), description=_what, collection=_field)
register_subject_kind("child", _children, description="each child of each family")
register_subject_kind("budget", _optional("budget"), description="the plan's budget")
register_subject_kind(
    "hour_plan", _optional("hour_plan"), description="the plan's hours per profession"
)

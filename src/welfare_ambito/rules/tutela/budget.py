"""The plan's budget matches the notice's split (seed 002, "RISORSE FINANZIARIE").

€ 680.000,00 a year for three years (€ 2.040.000,00): associated services
€ 249.100,00 (of which € 40.000,00 administrative), territorial teams
€ 430.900,00 split per Comune. Every figure is a parameter ``tutela.budget.*``
of the profile; the plan's lines are found by scope (``associated``,
``administrative``, ``territorial``) and, for the teams, by Comune (names
resolved in the Ambito of the profile's ``tutela.catalogue``).
Whether the plan's own figures add up is the business of the generic
``budget.*`` rules (:mod:`welfare_ambito.rules.budget`).

«Servizi Associati € 249.100,00 di cui € 40.000,00 per i servizi amministrativi»
admits two readings (``tutela.budget.administrative_reading``, see
:data:`ADMINISTRATIVE_READINGS`): the € 40.000,00 is the administrative services'
exact share of a split («così suddivisi»), or the most they may take of the
associated services. A plan whose administrative line is below the figure
complies under the second reading only, and (all else matching) needs review
naming both; above the figure it fails under both.
"""

from __future__ import annotations

from typing import Any

from welfare_ambito import i18n
from welfare_ambito._lang import LANGS
from welfare_ambito.data import ambito as embedded_ambito
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import Budget, ServiceScope
from welfare_ambito.model.territory import normalise_name
from welfare_ambito.money import Money
from welfare_ambito.rules._texts import said_in
from welfare_ambito.rules._values import Text
from welfare_ambito.rules.definition import Verdict, needs_review, passed, rule
from welfare_ambito.rules.outcomes import Outcome
from welfare_ambito.rules.parameters import Parameters
from welfare_ambito.rules.readings import decide
from welfare_ambito.tutela import catalogue

__all__ = [
    "ADMINISTRATIVE_READING",
    "ADMINISTRATIVE_READINGS",
    "TERRITORIAL_PREFIX",
    "notice_split",
]

i18n.define(
    "tutela.budget.difference",
    it="{figure}: piano {plan}, avviso {notice}, differenza {difference}",
    en="{figure}: plan {plan}, notice {notice}, difference {difference}",
)
i18n.define("tutela.budget.not_stated", it="non indicati: {figures}", en="not stated: {figures}")
i18n.define("tutela.budget.all_match", it="tutte le voci corrispondono", en="every figure matches")
i18n.define(
    "tutela.budget.some_not_stated",
    it="il piano non indica alcune voci dell'avviso",
    en="the plan does not state some figures",
)

TERRITORIAL_PREFIX = "tutela.budget.territorial."
"""Per-Comune parameters are ``tutela.budget.territorial.<comune>`` (folded name, ``_`` for spaces)."""

ADMINISTRATIVE_READING = "tutela.budget.administrative_reading"
"""The parameter whose readings say what «di cui € 40.000,00» binds."""

ADMINISTRATIVE_READINGS = ("exact", "cap")
"""The values of ``tutela.budget.administrative_reading``: the administrative services' figure
is their exact share of the split, or the most they may take of the associated services."""

_ADMINISTRATIVE = "tutela.budget.administrative"

_COMUNI = ("barlassina", "giussano", "lentate_sul_seveso", "meda", "seregno", "seveso")
_PARAMETERS = (
    "tutela.budget.annual_total",
    "tutela.budget.years",
    "tutela.budget.overall_total",
    "tutela.budget.associated",
    "tutela.budget.administrative",
    "tutela.budget.territorial",
    *(TERRITORIAL_PREFIX + c for c in _COMUNI),
)


def _key(name: str) -> str:
    return normalise_name(name).replace(" ", "_")


def _sum(lines: list[Any]) -> Money | None:
    return sum((line.amount for line in lines), Money(0)) if lines else None


def _plan_figures(budget: Budget, ambito_id: str) -> dict[str, Money | int | None]:
    """The plan's figures under the parameters' names (``None``: the plan has no such line)."""
    top = budget.top_level()
    figures: dict[str, Money | int | None] = {
        "tutela.budget.annual_total": budget.total,
        "tutela.budget.years": budget.years,
        "tutela.budget.overall_total": budget.overall_total,
        "tutela.budget.associated": _sum([x for x in top if x.scope is ServiceScope.ASSOCIATED]),
        "tutela.budget.administrative": _sum(
            [x for x in budget.lines if x.scope is ServiceScope.ADMINISTRATIVE]
        ),
        "tutela.budget.territorial": _sum([x for x in top if x.scope is ServiceScope.TERRITORIAL]),
    }
    area = embedded_ambito(ambito_id)
    per_comune: dict[str, list[Any]] = {}
    for line in budget.lines:
        if line.comune is not None and line.scope in (ServiceScope.TERRITORIAL, None):
            found = area.find(line.comune)
            name = found.name if found is not None else line.comune
            per_comune.setdefault(TERRITORIAL_PREFIX + _key(name), []).append(line)
    for comune in _COMUNI:
        figures[TERRITORIAL_PREFIX + comune] = _sum(per_comune.get(TERRITORIAL_PREFIX + comune, []))
    return figures


@rule(
    id="tutela.budget.notice_split",
    subject="budget",
    title={
        "it": "Il budget del piano corrisponde alla ripartizione dell'avviso",
        "en": "The plan's budget matches the notice's split",
    },
    message={
        "it": "Confronto con l'avviso: {details}. {reading}",
        "en": "Against the notice: {details}. {reading}",
    },
    condition={
        "it": (
            "totale annuo {tutela.budget.annual_total} per {tutela.budget.years} anni; associati "
            "{tutela.budget.associated} (di cui amministrativi {tutela.budget.administrative}: "
            "esattamente, o al massimo, secondo la lettura); équipe {tutela.budget.territorial}, "
            "ripartite per Comune"
        ),
        "en": (
            "yearly total {tutela.budget.annual_total} for {tutela.budget.years} years; associated "
            "{tutela.budget.associated} (of which administrative {tutela.budget.administrative}: "
            "exactly, or at most, by the reading); teams {tutela.budget.territorial}, split per "
            "Comune"
        ),
    },
    parameters=(*_PARAMETERS, ADMINISTRATIVE_READING, "tutela.catalogue"),
)
def notice_split(budget: Budget, p: Parameters) -> Verdict:
    """Each figure of the notice equals the plan's (lines found by scope and Comune).

    ``differences`` lists each figure that differs: ``figure``, ``plan``,
    ``notice`` and ``difference`` (plan − notice); a figure the plan does not
    state is listed in ``not_stated`` (the plan's budget needs review). An
    administrative figure below the notice's complies under the ``cap`` reading
    of «di cui» only: with every other figure matching, the finding needs review
    naming both readings.
    """
    readings = p.readings(ADMINISTRATIVE_READING)
    for value in readings.values:
        if value not in ADMINISTRATIVE_READINGS:
            raise InvalidValue.of(
                "rules.unknown_reading",
                path=ADMINISTRATIVE_READING,
                name=ADMINISTRATIVE_READING,
                value=value,
                choices=", ".join(ADMINISTRATIVE_READINGS),
            )
    ours = _plan_figures(budget, catalogue(p.text("tutela.catalogue")).ambito)
    differences: list[dict[str, Any]] = []
    not_stated: list[str] = []
    for name in _PARAMETERS:
        expected = p[name]
        stated = ours[name]
        if stated is None:
            not_stated.append(name)
        elif stated != expected:
            record: dict[str, Any] = {"figure": name, "plan": stated, "notice": expected}
            record["difference"] = stated - expected
            differences.append(record)
    # «di cui» as a cap: an administrative figure below the notice's is within it.
    within_cap = [
        d for d in differences if d["figure"] == _ADMINISTRATIVE and d["plan"] < d["notice"]
    ]
    values = {
        "differences": tuple(differences),
        "not_stated": tuple(not_stated) or None,
        "details": _details(differences, not_stated),
    }
    verdicts = {"exact": not differences, "cap": len(differences) == len(within_cap)}
    result = decide(p, ADMINISTRATIVE_READING, verdicts, **values)
    if result.outcome is not Outcome.PASS:
        return result  # fails under every reading in force, or needs review naming both
    if not_stated:
        return needs_review(
            note=Text.message("tutela.budget.some_not_stated"),
            **{**values, "reading": result.values["reading"]},
        )
    return passed(**{**values, "reading": result.values["reading"]})


def _details(differences: list[dict[str, Any]], not_stated: list[str]) -> Text:
    """Each differing figure, then the figures the plan does not state, in both languages."""
    if not differences and not not_stated:
        return Text.message("tutela.budget.all_match")
    texts: list[str] = []
    for lang in LANGS:
        parts = [
            said_in(
                "tutela.budget.difference",
                lang,
                figure=d["figure"],
                plan=d["plan"],
                notice=d["notice"],
                difference=d["difference"],
            )
            for d in differences
        ]
        if not_stated:
            parts.append(
                i18n.message("tutela.budget.not_stated", lang, figures=", ".join(not_stated))
            )
        texts.append("; ".join(parts))
    return Text(it=texts[0], en=texts[1])

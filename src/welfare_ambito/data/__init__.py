"""Embedded data: Ambiti, the cited figures of the seed notices, and example plans.

Everything is TOML read with :mod:`importlib.resources`, so it works from a
wheel. Each figure carries the sentence of the notice it comes from.

>>> from welfare_ambito import data
>>> data.seregno().names()[:3]
('Barlassina', 'Ceriano Laghetto', 'Cogliate')
>>> figures = data.figures("seregno-tutela-minori-2022")
>>> str(figures.value("budget.annual_total"))
'€ 680.000,00'
>>> figures["budget.annual_total"].citation.section
'RISORSE FINANZIARIE PER L’ATTUAZIONE DEGLI INTERVENTI'
"""

from __future__ import annotations

import difflib
import functools
import tomllib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._ambiti import embedded_ambiti, embedded_ambito
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito.citations import Citation
from welfare_ambito.errors import NotFound, Phrase
from welfare_ambito.model import (
    Ambito,
    Budget,
    BudgetLine,
    CoDesignPlan,
    ServiceScope,
    SplitKind,
)
from welfare_ambito.model.territory import normalise_name
from welfare_ambito.money import Money
from welfare_ambito.periods import Period

__all__ = [
    "Figure",
    "FigureSet",
    "ambiti",
    "ambito",
    "example",
    "example_names",
    "example_text",
    "figure_sets",
    "figures",
    "resource",
    "seregno",
    "tutela_minori_budget",
    "tutela_minori_caseloads",
]

_FIGURE_FILES = {
    "seregno-tutela-minori-2022": "seregno_tutela_minori_2022.toml",
    "seregno-pippi-2023": "seregno_pippi_2023.toml",
}


def resource(*parts: str) -> Traversable:
    """A file or folder of the embedded data, e.g. ``resource("ambiti", "seregno.toml")``.

    >>> node = resource("ambiti", "seregno.toml")
    >>> node.name, node.is_file()
    ('seregno.toml', True)
    >>> 'lead = "Seregno"' in node.read_text(encoding="utf-8")
    True
    """
    node = resources.files(__name__)
    for part in parts:
        node = node / part
    return node


def _read_toml(node: Traversable) -> dict[str, Any]:
    return tomllib.loads(node.read_text(encoding="utf-8"), parse_float=Decimal)


# What an unknown name was looked up as: a masculine noun in Italian (error.not_found).
i18n.define_group(
    "data.noun",
    (
        ("figure", "dato", "figure"),
        ("figure_set", "insieme di dati", "figure set"),
        ("example", "esempio", "example"),
    ),
)


def _not_found(kind: str, name: str, known: list[str]) -> NotFound:
    """``kind`` (``figure``, ``figure_set``, ``example``) ``name`` is not embedded.

    >>> error = _not_found("example", "pippi_seregn", ["pippi_seregno"])
    >>> error.text("it")
    "nessun esempio incorporato 'pippi_seregn'; forse intendevi 'pippi_seregno'?"
    >>> _not_found("figure_set", "x", ["a", "b"]).text("en")
    "no embedded figure set 'x'; known: a, b"
    """
    close = difflib.get_close_matches(name, known, n=1)
    hint = (
        Phrase("error.hint.did_you_mean", {"suggestion": close[0]})
        if close
        else Phrase("error.hint.known", {"known": ", ".join(known)})
    )
    error = NotFound.of("not_found", what=Phrase(f"data.noun.{kind}"), name=name, hint=hint)
    assert isinstance(error, NotFound)
    return error


# -- Ambiti ------------------------------------------------------------------------


def ambiti() -> tuple[str, ...]:
    """Ids of the embedded Ambiti.

    >>> "seregno" in ambiti()
    True
    """
    return embedded_ambiti()


@functools.cache
def ambito(ambito_id: str) -> Ambito:
    """The embedded Ambito ``ambito_id`` (e.g. ``"seregno"``).

    >>> seregno = ambito("seregno")
    >>> seregno.name, seregno.lead, len(seregno)
    ('Ambito di Seregno', 'Seregno', 10)
    >>> seregno.resolve("Lentate S/S")
    'Lentate sul Seveso'
    """
    return embedded_ambito(ambito_id)


def seregno() -> Ambito:
    """The Ambito di Seregno: 10 Comuni, lead Seregno.

    >>> ambito = seregno()
    >>> ambito.lead, len(ambito.names()), "Meda" in ambito
    ('Seregno', 10, True)
    """
    return ambito("seregno")


# -- figures -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Figure:
    """A number (or list) stated by a notice, with the sentence that states it.

    >>> figure = figures("seregno-pippi-2023")["hours.educator.min"]
    >>> figure.value, figure.unit
    (6000, 'hours')
    >>> figure.citation.quote
    "con un monte ore non inferiore a n. 6.000 ore per la figura professionale dell'educatore"
    """

    name: str
    value: Any
    unit: str
    citation: Citation


@attrs.frozen
class FigureSet(Mapping[str, Figure]):
    """The figures of one source document, by name.

    >>> pippi = figures("seregno-pippi-2023")
    >>> pippi.document, "funding.amount" in pippi
    ('seregno-pippi-2023-avviso', True)
    >>> str(pippi.value("funding.amount")), str(pippi.value("period.services_reading"))
    ('€ 211.500,00', '2023-06-01/2026-05-31')
    """

    id: str
    title: str
    document: str
    _figures: FrozenDict[str, Figure] = attrs.field(alias="figures")

    def __getitem__(self, name: str) -> Figure:
        try:
            return self._figures[name]
        except KeyError:
            raise _not_found("figure", name, list(self._figures)) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._figures)

    def __len__(self) -> int:
        return len(self._figures)

    def value(self, name: str) -> Any:
        """The typed value of figure ``name`` (Money for EUR, Period for periods)."""
        return self[name].value


def _typed(value: Any, unit: str) -> Any:
    if unit == "EUR":
        return Money(value)
    if unit == "period":
        return Period.parse(value)
    if unit == "share":
        return Decimal(value)
    if isinstance(value, list):
        return tuple(value)
    return value


def figure_sets() -> tuple[str, ...]:
    """Ids of the embedded figure sets (one per seed notice).

    >>> figure_sets()
    ('seregno-tutela-minori-2022', 'seregno-pippi-2023')
    """
    return tuple(_FIGURE_FILES)


@functools.cache
def figures(set_id: str) -> FigureSet:
    """The cited figures of a notice: ``"seregno-tutela-minori-2022"`` or ``"seregno-pippi-2023"``.

    >>> tutela = figures("seregno-tutela-minori-2022")
    >>> str(tutela.value("budget.annual_total")), tutela.value("budget.years")
    ('€ 680.000,00', 3)
    >>> tutela["budget.annual_total"].citation.document
    'seregno-tutela-minori-2022-avviso'
    """
    if set_id not in _FIGURE_FILES:
        raise _not_found("figure_set", set_id, list(_FIGURE_FILES))
    raw = _read_toml(resource("figures", _FIGURE_FILES[set_id]))
    document = raw["document"]
    items = {
        item["name"]: Figure(
            name=item["name"],
            value=_typed(item["value"], item["unit"]),
            unit=item["unit"],
            citation=Citation(document=document, section=item["section"], quote=item["quote"]),
        )
        for item in raw["figures"]
    }
    return FigureSet(set_id, raw["title"], document, FrozenDict(items))


# -- Tutela Minori (seed 002) ----------------------------------------------------------


def _slug(name: str) -> str:
    return normalise_name(name).replace(" ", "-")


@functools.cache
def tutela_minori_budget() -> Budget:
    """The yearly budget of seed 002 as stated: € 680.000,00 a year for three years.

    Lines: ``associated`` (of which ``administrative``, covering all 10
    Comuni), ``territorial`` and one ``territorial.<comune>`` line per Comune.

    >>> budget = tutela_minori_budget()
    >>> str(budget.total), budget.years, str(budget.overall_total)
    ('€ 680.000,00', 3, '€ 2.040.000,00')
    >>> str(budget.line("territorial.seregno").amount)
    '€ 210.000,00'
    """
    fig = figures("seregno-tutela-minori-2022")
    ambito_names = seregno().names()
    six = fig.value("scope.associated_comuni")
    lines = [
        BudgetLine(
            id="associated",
            label="Servizi associati",
            amount=fig.value("budget.associated"),
            scope=ServiceScope.ASSOCIATED,
            comuni=six,
            split=SplitKind.PARTS,
        ),
        BudgetLine(
            id="administrative",
            label="Servizi amministrativi",
            amount=fig.value("budget.administrative"),
            scope=ServiceScope.ADMINISTRATIVE,
            parent="associated",
            comuni=ambito_names,
        ),
        BudgetLine(
            id="territorial",
            label="Équipe territoriali",
            amount=fig.value("budget.territorial"),
            scope=ServiceScope.TERRITORIAL,
            comuni=fig.value("scope.territorial_comuni"),
            split=SplitKind.FULL,
        ),
    ]
    prefix = "budget.territorial."
    for name in fig:
        if name.startswith(prefix):
            comune = name.removeprefix(prefix)
            lines.append(
                BudgetLine(
                    id=f"territorial.{_slug(comune)}",
                    label=f"Équipe territoriale di {comune}",
                    amount=fig.value(name),
                    scope=ServiceScope.TERRITORIAL,
                    comune=comune,
                    parent="territorial",
                )
            )
    return Budget(
        total=fig.value("budget.annual_total"),
        lines=tuple(lines),
        years=fig.value("budget.years"),
        overall_total=fig.value("budget.overall_total"),
    )


def tutela_minori_caseloads() -> FrozenDict[str, int]:
    """Minors in the territorial teams' care at 31/12/2021, per Comune (seed 002).

    >>> caseloads = tutela_minori_caseloads()
    >>> caseloads["Seregno"], caseloads["Meda"], sum(caseloads.values())
    (255, 108, 762)
    """
    fig = figures("seregno-tutela-minori-2022")
    prefix = "caseload.2021-12-31."
    return FrozenDict(
        {name.removeprefix(prefix): fig.value(name) for name in fig if name.startswith(prefix)}
    )


# -- example plans ----------------------------------------------------------------------


def example_names() -> tuple[str, ...]:
    """Names of the embedded example plans (file names without ``.toml``).

    >>> names = example_names()
    >>> "pippi_seregno" in names, "tutela_minori_seregno" in names
    (True, True)
    """
    return tuple(
        sorted(
            p.name.removesuffix(".toml")
            for p in resource("examples").iterdir()
            if p.name.endswith(".toml")
        )
    )


def example_text(name: str) -> str:
    """The TOML text of example plan ``name``.

    >>> text = example_text("pippi_seregno")
    >>> 'programme = "pippi"' in text, 'cup = "B24H22000190001"' in text
    (True, True)
    """
    if name not in example_names():
        raise _not_found("example", name, list(example_names()))
    return resource("examples", f"{name}.toml").read_text(encoding="utf-8")


def example(name: str) -> CoDesignPlan:
    """Load the embedded example plan ``name``, e.g. ``"pippi_seregno"``.

    >>> plan = example("pippi_seregno")
    >>> plan.programme.value, plan.ambito.name, str(plan.budget.total)
    ('pippi', 'Ambito di Seregno', '€ 211.500,00')
    """
    from welfare_ambito.convert import loads

    return loads(example_text(name))

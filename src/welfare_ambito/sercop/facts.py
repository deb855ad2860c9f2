"""Sercop's single figures, its 2011 activations (seed 003) and SESEI's partnership (seed 000).

«Sercop in sintesi» (turnover, employees, freelancers, users, third-sector
operators), the figures of the network of Lombard social-service agencies, and
the timeline «ATTIVAZIONI E CONFERIMENTI ANNO 2011», each with its verbatim quote.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal

import attrs

from welfare_ambito.citations import Citation
from welfare_ambito.data import resource

__all__ = [
    "Activation",
    "Fact",
    "Partnership",
    "sercop_activations",
    "sercop_facts",
    "sesei_partnership",
]

_FILE = ("facts", "sercop_2011.toml")


@attrs.frozen(kw_only=True)
class Fact:
    """One published figure, with its unit, whether it is approximate («circa») and its quote.

    >>> users = next(f for f in sercop_facts() if f.id == "sercop.users")
    >>> users.value, users.approximate, users.citation.quote
    (Decimal('2500'), True, 'Circa 2500 utenti')
    """

    id: str
    group: str
    label_it: str
    label_en: str
    value: Decimal
    unit: str
    approximate: bool
    citation: Citation


@attrs.frozen(kw_only=True)
class Activation:
    """An activity Sercop took on in 2011, from the first day of its month.

    >>> first = sercop_activations()[0]
    >>> first.since, first.label_it[:33]
    (datetime.date(2011, 5, 1), 'Accreditamento degli asili nido d')
    """

    since: dt.date
    label_it: str
    citation: Citation


@attrs.frozen(kw_only=True)
class Partnership:
    """The temporary association of cooperatives (ATI) that ran SESEI with Sercop (seed 000).

    >>> p = sesei_partnership()
    >>> p.kind, p.period, len(p.members), p.members[0]
    ('ATI', '2013-2016', 5, 'Comin')
    """

    kind: str
    period: str
    members: tuple[str, ...]
    citation: Citation


def _raw() -> dict[str, object]:
    return tomllib.loads(resource(*_FILE).read_text(encoding="utf-8"))


def sercop_facts() -> tuple[Fact, ...]:
    """Sercop's and its network's figures of 2011, in the order published.

    >>> [f.id for f in sercop_facts()][:3]
    ['sercop.turnover_eur', 'sercop.employees', 'sercop.freelancers']
    """
    raw = _raw()
    document = str(raw["document"])
    return tuple(
        Fact(
            id=item["id"],
            group=item["group"],
            label_it=item["label_it"],
            label_en=item["label_en"],
            value=Decimal(item["value"]),
            unit=item["unit"],
            approximate=bool(item["approximate"]),
            citation=Citation(document=document, section=item["group"], quote=item["quote"]),
        )
        for item in raw["facts"]  # type: ignore[attr-defined]
    )


def sercop_activations() -> tuple[Activation, ...]:
    """The 2011 activations and transfers of services, by month.

    >>> [a.since.month for a in sercop_activations()]
    [5, 6, 6, 6, 7, 9, 10, 10]
    """
    raw = _raw()
    document = str(raw["document"])
    return tuple(
        Activation(
            since=dt.date(2011, int(item["month"]), 1),
            label_it=item["label_it"],
            citation=Citation(
                document=document,
                section="ATTIVAZIONI E CONFERIMENTI ANNO 2011",
                quote=item["quote"],
            ),
        )
        for item in raw["activations"]  # type: ignore[attr-defined]
    )


def sesei_partnership() -> Partnership:
    """The composition of the ATI that ran SESEI in 2013–2016 (seed 000).

    >>> sesei_partnership().members[-1]
    'Serena'
    """
    item = _raw()["partnership"]
    return Partnership(
        kind=item["kind"],  # type: ignore[index]
        period=item["period"],  # type: ignore[index]
        members=tuple(item["members"]),  # type: ignore[index]
        citation=Citation(
            document=item["document"],  # type: ignore[index]
            section=item["section"],  # type: ignore[index]
            quote=item["quote"],  # type: ignore[index]
        ),
    )

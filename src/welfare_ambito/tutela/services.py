"""The Tutela Minori service catalogue: services, scopes of Comuni, caseloads and laws.

The catalogue is cited data (``welfare_ambito/data/catalogue/*.toml``): every
service, scope, caseload and legal reference carries the sentence of the
notice it comes from.

>>> cat = catalogue()
>>> cat.service("penale_minorile").caseload.count
45
>>> [r.id for r in cat.service("affidi").references()]
['l_184_1983_149_2001']
>>> cat.team("Lentate S/S").caseload.count
86
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito.citations import Citation
from welfare_ambito.errors import InvalidValue, NotFound, Phrase, WelfareAmbitoError
from welfare_ambito.model import Profession, ServiceScope
from welfare_ambito.model.territory import normalise_name

__all__ = [
    "Caseload",
    "CatalogueService",
    "LegalReference",
    "ServiceCatalogue",
    "TerritorialTeam",
    "catalogue",
    "catalogue_ids",
]

i18n.define(
    "error.tutela.catalogue.scope",
    it="il catalogo {id!r} non indica i Comuni dell'ambito {scope!r}",
    en="the catalogue {id!r} states no Comuni for the scope {scope!r}",
)
i18n.define(
    "error.tutela.catalogue.unknown", it="{what} {name!r}{hint}", en="{what} {name!r}{hint}"
)
for _what, _italian in (
    ("service", "servizio sconosciuto"),
    ("territorial_team", "équipe territoriale sconosciuta"),
    ("legal_reference", "riferimento normativo sconosciuto"),
    ("catalogue", "catalogo sconosciuto"),
):
    i18n.define(
        f"tutela.catalogue.unknown.{_what}", it=_italian, en=f"unknown {_what.replace('_', ' ')}"
    )
i18n.define(
    "tutela.catalogue.did_you_mean",
    it="; forse intendevi {suggestion!r}?",
    en="; did you mean {suggestion!r}?",
)
i18n.define("tutela.catalogue.known", it="; noti: {known}", en="; known: {known}")


@attrs.frozen(kw_only=True)
class Caseload:
    """How many minors a service or team had in its care on a stated day.

    >>> load = catalogue().service("affidi").caseload
    >>> load.count, load.on
    (22, datetime.date(2022, 6, 30))
    >>> load.citation.quote
    '... minori in carico al 30/06/22 n. 22;'
    """

    count: int
    on: dt.date
    citation: Citation


@attrs.frozen(kw_only=True)
class LegalReference:
    """A law the notice names; ``principal`` if it is in "I principali riferimenti normativi".

    >>> law = catalogue().reference("dpr_448_1988")
    >>> law.principal, [s.id for s in catalogue() if law in s.references()]
    (True, ['penale_minorile'])
    >>> print(law.title)
    DPR 22 settembre 1988 n. 448 — disposizioni sul processo penale a carico di imputati minorenni
    """

    id: str
    title: str
    principal: bool
    citation: Citation


@attrs.frozen(kw_only=True)
class CatalogueService:
    """A service the partner must offer: its scope of Comuni, caseload and laws.

    ``comuni`` is the scope the offer must cover: all of them for associated
    and administrative services; for territorial services one team per Comune.
    ``profession`` is the profile a territorial team requires, if stated.

    >>> service = catalogue().service("servizio_psicologico")
    >>> service.scope.value, service.per_comune, service.profession.value
    ('territorial', True, 'psychologist')
    >>> service.comuni
    ('Barlassina', 'Giussano', 'Lentate sul Seveso', 'Meda', 'Seregno', 'Seveso')
    """

    id: str
    name: str
    name_en: str
    scope: ServiceScope
    comuni: tuple[str, ...]
    citation: Citation
    legal_references: tuple[LegalReference, ...] = ()
    caseload: Caseload | None = None
    profession: Profession | None = None

    @property
    def per_comune(self) -> bool:
        """Whether the plan offers this service once per Comune (a territorial team)."""
        return self.scope is ServiceScope.TERRITORIAL

    def references(self) -> tuple[LegalReference, ...]:
        """The laws the notice names for this service."""
        return self.legal_references


@attrs.frozen(kw_only=True)
class TerritorialTeam:
    """A Comune's territorial team (social worker + psychologist) and its caseload.

    >>> team = catalogue().team("Seregno")
    >>> team.comune, team.caseload.count, team.caseload.on
    ('Seregno', 255, datetime.date(2021, 12, 31))
    >>> sum(t.caseload.count for t in catalogue().teams)
    762
    """

    comune: str
    caseload: Caseload


@attrs.frozen(kw_only=True)
class ServiceCatalogue:
    """The services, territorial teams and legal references of one co-design notice.

    >>> cat = catalogue("seregno-tutela-minori-2022")
    >>> cat.ambito, len(cat), "affidi" in cat
    ('seregno', 10, True)
    >>> [s.id for s in cat.of_scope("territorial")]
    ['servizio_sociale_professionale', 'servizio_psicologico']
    >>> len(cat.scope_comuni("administrative")), len(cat.principal_references())
    (10, 18)
    """

    id: str
    title: str
    ambito: str
    document: str
    services: tuple[CatalogueService, ...]
    teams: tuple[TerritorialTeam, ...]
    legal_references: tuple[LegalReference, ...]
    scopes: tuple[tuple[ServiceScope, tuple[str, ...], Citation], ...]

    def __iter__(self) -> Iterator[CatalogueService]:
        return iter(self.services)

    def __len__(self) -> int:
        return len(self.services)

    def __contains__(self, service_id: object) -> bool:
        return any(s.id == service_id for s in self.services)

    def ids(self) -> tuple[str, ...]:
        """Ids of the services, in the notice's order."""
        return tuple(s.id for s in self.services)

    def service(self, service_id: str) -> CatalogueService:
        """The service ``service_id``; :class:`~welfare_ambito.errors.NotFound` if unknown."""
        for item in self.services:
            if item.id == service_id:
                return item
        raise _unknown("service", service_id, list(self.ids()))

    def find(self, service_id: str) -> CatalogueService | None:
        """The service ``service_id``, or ``None``."""
        return next((s for s in self.services if s.id == service_id), None)

    def of_scope(self, scope: ServiceScope | str) -> tuple[CatalogueService, ...]:
        """The services of ``scope`` (``"associated"``, ``"administrative"``, ``"territorial"``)."""
        wanted = _scope(scope)
        return tuple(s for s in self.services if s.scope is wanted)

    def _scope_entry(self, scope: ServiceScope | str) -> tuple[tuple[str, ...], Citation]:
        wanted = _scope(scope)
        for kind, comuni, citation in self.scopes:
            if kind is wanted:
                return comuni, citation
        raise NotFound.of("tutela.catalogue.scope", path="scope", id=self.id, scope=wanted.value)

    def scope_comuni(self, scope: ServiceScope | str) -> tuple[str, ...]:
        """The Comuni a scope covers."""
        return self._scope_entry(scope)[0]

    def scope_citation(self, scope: ServiceScope | str) -> Citation:
        """The sentence stating which Comuni a scope covers."""
        return self._scope_entry(scope)[1]

    def team(self, comune: str) -> TerritorialTeam:
        """The territorial team of ``comune`` (official name or a short form)."""
        from welfare_ambito.data import ambito

        found = ambito(self.ambito).find(comune)
        wanted = normalise_name(found.name if found is not None else comune)
        for item in self.teams:
            if normalise_name(item.comune) == wanted:
                return item
        raise _unknown("territorial team", comune, [t.comune for t in self.teams])

    def reference(self, reference_id: str) -> LegalReference:
        """The legal reference ``reference_id``."""
        for item in self.legal_references:
            if item.id == reference_id:
                return item
        raise _unknown("legal reference", reference_id, [r.id for r in self.legal_references])

    def principal_references(self) -> tuple[LegalReference, ...]:
        """The list "I principali riferimenti normativi", in the notice's order."""
        return tuple(r for r in self.legal_references if r.principal)


def _unknown(what: str, name: str, known: list[str]) -> WelfareAmbitoError:
    """``what``: ``service``, ``territorial team``, ``legal reference`` or ``catalogue``."""
    import difflib

    close = difflib.get_close_matches(name, known, n=1)
    hint = (
        Phrase("tutela.catalogue.did_you_mean", {"suggestion": close[0]})
        if close
        else Phrase("tutela.catalogue.known", {"known": ", ".join(known)})
    )
    return NotFound.of(
        "tutela.catalogue.unknown",
        path=name,
        what=Phrase(f"tutela.catalogue.unknown.{what.replace(' ', '_')}"),
        name=name,
        hint=hint,
    )


def catalogue_ids() -> tuple[str, ...]:
    """Ids of the embedded service catalogues.

    >>> catalogue_ids()
    ('seregno-tutela-minori-2022',)
    """
    from welfare_ambito.data import resource

    return tuple(
        sorted(
            p.name.removesuffix(".toml")
            for p in resource("catalogue").iterdir()
            if p.name.endswith(".toml")
        )
    )


@functools.cache
def catalogue(catalogue_id: str = "seregno-tutela-minori-2022") -> ServiceCatalogue:
    """The embedded service catalogue ``catalogue_id`` (default: Seregno's Tutela Minori, seed 002).

    >>> cat = catalogue()
    >>> cat.id, cat.document
    ('seregno-tutela-minori-2022', 'seregno-tutela-minori-2022-avviso')
    >>> cat.team("Lentate S/S").comune
    'Lentate sul Seveso'
    """
    import tomllib
    from decimal import Decimal

    from welfare_ambito.data import resource

    known = catalogue_ids()
    if catalogue_id not in known:
        raise _unknown("catalogue", catalogue_id, list(known))
    text = resource("catalogue", f"{catalogue_id}.toml").read_text(encoding="utf-8")
    return _build(tomllib.loads(text, parse_float=Decimal))


def _build(raw: dict[str, Any]) -> ServiceCatalogue:
    document = raw["document"]

    def cite(item: dict[str, Any]) -> Citation:
        return Citation(document=document, section=item["section"], quote=item["quote"])

    def caseload(item: dict[str, Any] | None) -> Caseload | None:
        if item is None:
            return None
        return Caseload(count=item["count"], on=item["on"], citation=cite(item))

    references = tuple(
        LegalReference(id=r["id"], title=r["title"], principal=r["principal"], citation=cite(r))
        for r in raw["legal_references"]
    )
    by_id = {r.id: r for r in references}
    scopes = tuple(
        (ServiceScope(name), tuple(item["comuni"]), cite(item))
        for name, item in raw["scopes"].items()
    )
    scope_comuni = {kind: comuni for kind, comuni, _ in scopes}
    services = []
    for item in raw["services"]:
        scope = ServiceScope(item["scope"])
        unknown = [r for r in item["legal_references"] if r not in by_id]
        if unknown:
            raise InvalidValue.of(
                "reference", path=f"services.{item['id']}", what="legal reference", value=unknown[0]
            )
        services.append(
            CatalogueService(
                id=item["id"],
                name=item["name"],
                name_en=item["name_en"],
                scope=scope,
                comuni=scope_comuni[scope],
                citation=cite(item),
                legal_references=tuple(by_id[r] for r in item["legal_references"]),
                caseload=caseload(item.get("caseload")),
                profession=Profession(item["profession"]) if "profession" in item else None,
            )
        )
    teams = tuple(
        TerritorialTeam(comune=t["comune"], caseload=caseload(t["caseload"]))  # type: ignore[arg-type]
        for t in raw["teams"]
    )
    return ServiceCatalogue(
        id=raw["id"],
        title=raw["title"],
        ambito=raw["ambito"],
        document=document,
        services=tuple(services),
        teams=teams,
        legal_references=references,
        scopes=scopes,
    )


def _scope(scope: ServiceScope | str) -> ServiceScope:
    try:
        return ServiceScope(scope)
    except ValueError:
        choices = ", ".join(member.value for member in ServiceScope)
        raise InvalidValue.of("choice", path="scope", value=scope, choices=choices) from None

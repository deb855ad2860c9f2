"""The rule catalogue of a profile: every rule with its parameters and citations.

>>> entry = catalogue("seregno-pippi-2023")["pippi.hours.educator"]
>>> entry.citation.section, [p.name for p in entry.parameters]
('SERVIZI E RISORSE UMANE', ['pippi.hours.educator_min'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs

from welfare_ambito.citations import Citation
from welfare_ambito.errors import NotFound
from welfare_ambito.rules.definition import Rule
from welfare_ambito.rules.outcomes import Severity
from welfare_ambito.rules.parameters import Parameter
from welfare_ambito.rules.profiles import Profile, load_profile
from welfare_ambito.rules.report import citation_to_dict

__all__ = ["Catalogue", "CatalogueEntry", "catalogue"]


@attrs.frozen(kw_only=True)
class CatalogueEntry:
    """One rule as a profile applies it, with the parameters it reads.

    >>> entry = catalogue("seregno-pippi-2023")["pippi.sedt.weekly_hours"]
    >>> entry.id, entry.severity
    ('pippi.sedt.weekly_hours', <Severity.ERROR: 'error'>)
    >>> entry.to_dict("en")["parameters"][0]["values"][0]
    {'since': '2023-05-01', 'until': None, 'value': '8', 'citation': None}
    """

    rule: Rule[Any]
    severity: Severity
    citation: Citation
    parameters: tuple[Parameter, ...]

    @property
    def id(self) -> str:
        """The rule's id."""
        return self.rule.id

    def to_dict(self, lang: str = "it") -> dict[str, Any]:
        """The JSON form: texts in ``lang``, parameters with their dated values and citations."""
        from welfare_ambito.rules._values import jsonable

        rule = self.rule
        return {
            "id": rule.id,
            "title": rule.title[lang],
            "subject": rule.subject,
            "severity": self.severity.value,
            "message": rule.message[lang],
            "condition": None if rule.condition is None else rule.condition[lang],
            "reads": list(rule.reads),
            "citation": citation_to_dict(self.citation),
            "exceptions": [
                {
                    "id": e.id,
                    "title": e.title[lang],
                    "citation": None if e.citation is None else citation_to_dict(e.citation),
                }
                for e in rule.exceptions
            ],
            "module": rule.module,
            "parameters": [
                {
                    "name": p.name,
                    "unit": p.unit,
                    "description": p.description,
                    "overridden": p.overridden,
                    "citation": None if p.citation is None else citation_to_dict(p.citation),
                    "values": [
                        {
                            "since": None if d.since == dt.date.min else d.since.isoformat(),
                            "until": None if d.until is None else d.until.isoformat(),
                            "value": jsonable(d.value),
                            "citation": None
                            if d.citation is None
                            else citation_to_dict(d.citation),
                        }
                        for d in p.values
                    ],
                }
                for p in self.parameters
            ],
        }


@attrs.frozen(kw_only=True)
class Catalogue:
    """Every rule of a profile, in the profile's order.

    >>> cat = catalogue("seregno-tutela-minori-2022")
    >>> cat.profile.title
    'Ambito di Seregno — Servizi per la Tutela Minori, 2022'
    >>> cat["tutela.staff.psychologist.qualification"].rule.exceptions[0].id
    'tutela.staff.psychologist.derogation_5_years'
    """

    profile: Profile
    entries: tuple[CatalogueEntry, ...]

    def __iter__(self) -> Iterator[CatalogueEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, rule_id: str) -> CatalogueEntry:
        for entry in self.entries:
            if entry.id == rule_id:
                return entry
        raise NotFound(
            f"rule {rule_id!r} is not in profile {self.profile.id!r}",
            code="rules.rule_not_in_profile",
            message_it=f"la regola {rule_id!r} non è nel profilo {self.profile.id!r}",
            path=rule_id,
        )

    def to_dict(self, lang: str = "it") -> dict[str, Any]:
        """The JSON form of the catalogue."""
        return {
            "profile": self.profile.id,
            "title": self.profile.title,
            "rules": [e.to_dict(lang) for e in self.entries],
        }

    def to_text(self, lang: str = "it") -> str:
        """Plain text for a terminal."""
        from welfare_ambito.rules.render import render_catalogue

        return render_catalogue(self, lang=lang, markdown=False)

    def to_markdown(self, lang: str = "it") -> str:
        """Markdown for the documentation."""
        from welfare_ambito.rules.render import render_catalogue

        return render_catalogue(self, lang=lang, markdown=True)


def catalogue(profile: Profile | str) -> Catalogue:
    """List every rule of ``profile`` with its parameters and citations.

    >>> cat = catalogue("seregno-pippi-2023")
    >>> "pippi.hours.educator" in [entry.id for entry in cat]
    True
    >>> cat["pippi.hours.educator"].citation.quote
    "con un monte ore non inferiore a n. 6.000 ore per la figura professionale dell'educatore"
    """
    resolved = load_profile(profile) if isinstance(profile, str) else profile
    entries = tuple(
        CatalogueEntry(
            rule=item.rule,
            severity=item.severity,
            citation=item.citation,
            parameters=tuple(
                resolved.parameters[n] for n in item.rule.all_parameters if n in resolved.parameters
            ),
        )
        for item in resolved.rules
    )
    return Catalogue(profile=resolved, entries=entries)

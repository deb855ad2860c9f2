"""The rule catalogue of a profile: every rule with its parameters and citations.

>>> entry = catalogue("seregno-pippi-2023")["pippi.hours.educator"]
>>> entry.parameters[0].citation.section, [p.name for p in entry.parameters]
('SERVIZI E RISORSE UMANE', ['pippi.hours.educator_min'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito._lang import Lang, is_lang
from welfare_ambito.citations import Citation, citation_to_dict
from welfare_ambito.errors import NotFound
from welfare_ambito.rules.definition import Rule
from welfare_ambito.rules.outcomes import Severity
from welfare_ambito.rules.parameters import Parameter
from welfare_ambito.rules.profiles import Profile, load_profile

__all__ = ["Catalogue", "CatalogueEntry", "catalogue", "parameter_lines"]


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
    citation: Citation | None
    parameters: tuple[Parameter, ...]
    exception_citations: FrozenDict[str, Citation] = attrs.field(factory=FrozenDict)
    """The sentence the profile binds to each derogation, by derogation id."""

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
            "citation": None if self.citation is None else citation_to_dict(self.citation),
            "exceptions": [
                {
                    "id": e.id,
                    "title": e.title[lang],
                    "citation": None
                    if self.exception_citations.get(e.id) is None
                    else citation_to_dict(self.exception_citations[e.id]),
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
        raise NotFound.of(
            "rules.rule_not_in_profile", path=rule_id, rule=rule_id, profile=self.profile.id
        )

    @property
    def unread_readings(self) -> tuple[Parameter, ...]:
        """Parameters with contested readings that no rule of the profile reads.

        The profile lists them so the choice and its sentences stay visible where the
        plan's data cannot decide it (one weekly figure per intervention, a declared
        meeting without dates).

        >>> [p.name for p in catalogue("seregno-tutela-minori-2022").unread_readings]
        ['tutela.partner.technical_meetings_reading']
        """
        from welfare_ambito.rules.parameters import Readings

        read = {name for entry in self.entries for name in entry.rule.all_parameters}
        return tuple(
            parameter
            for name, parameter in self.profile.parameters.items()
            if name not in read and any(isinstance(d.value, Readings) for d in parameter.values)
        )

    def to_dict(self, lang: str = "it") -> dict[str, Any]:
        """The JSON form of the catalogue."""
        return {
            "profile": self.profile.id,
            "title": self.profile.title,
            "rules": [e.to_dict(lang) for e in self.entries],
            "unread_readings": [
                {"name": p.name, "description": p.description, "lines": parameter_lines(p, lang)}
                for p in self.unread_readings
            ],
        }

    def to_text(self, lang: str = "it") -> str:
        """Plain text for a terminal: each rule, its sentence, its parameters' values and sentences."""
        return _render(self, lang, markdown=False)

    def to_markdown(self, lang: str = "it") -> str:
        """Markdown for the documentation."""
        return _render(self, lang, markdown=True)


i18n.define(
    "error.rules.rule_not_in_profile",
    it="la regola {rule!r} non è nel profilo {profile!r}",
    en="rule {rule!r} is not in profile {profile!r}",
)
i18n.define("catalogue.from", it="dal {day}", en="from {day}")
i18n.define("catalogue.to", it="al {day}", en="to {day}")
i18n.define("catalogue.uncited", it="nessuna citazione nel profilo", en="not cited by the profile")
i18n.define("catalogue.readings", it="letture", en="readings")
i18n.define("catalogue.derogation", it="deroga", en="derogation")
i18n.define("catalogue.no_rules", it="(nessuna regola)", en="(no rules)")
i18n.define("catalogue.source", it="fonte", en="source")
i18n.define(
    "catalogue.unread_readings",
    it="Letture contestate che i dati del piano non decidono (nessuna regola le legge)",
    en="Contested readings the plan's data cannot decide (no rule reads them)",
)
i18n.define(
    "catalogue.subject_severity",
    it="soggetto: {subject}; gravità: {severity}",
    en="subject: {subject}; severity: {severity}",
)
i18n.define(
    "catalogue.subject_severity_md",
    it="soggetto: `{subject}` · gravità: **{severity}**",
    en="subject: `{subject}` · severity: **{severity}**",
)


def _code(lang: str) -> Lang:
    return lang if is_lang(lang) else "en"


def parameter_lines(parameter: Parameter, lang: str = "it") -> list[str]:
    """One line per dated value (and per reading) of ``parameter``, each with its sentence.

    >>> profile = load_profile("seregno-pippi-2023")
    >>> parameter_lines(profile.parameters["pippi.hours.educator_min"], "en")[0][:60]
    'pippi.hours.educator_min [hours] = 6,000 (from 2023-05-01) —'
    """
    from welfare_ambito.rules._values import display
    from welfare_ambito.rules.parameters import OVERRIDDEN_TEXT, Readings

    code = _code(lang)
    uncited = i18n.message("catalogue.uncited", code)
    lines = []
    for dated in parameter.values:
        when = (
            ""
            if dated.since == dt.date.min
            else i18n.message("catalogue.from", code, day=i18n.date(dated.since, code))
        )
        if dated.until is not None:
            when += " " + i18n.message("catalogue.to", code, day=i18n.date(dated.until, code))
        when = f" ({when.strip()})" if when.strip() else ""
        cited = None if dated.overridden else (dated.citation or parameter.citation)
        head = f"{parameter.name} [{parameter.unit}]"
        if isinstance(dated.value, Readings):
            lines.append(f"{head}{when}: {i18n.message('catalogue.readings', code)}")
            for reading in dated.value:
                sentence = reading.citation or cited
                tail = sentence.display(lang) if sentence is not None else uncited
                lines.append(f"  {reading.label} = {display(reading.value, lang)} — {tail}")
            continue
        if dated.overridden:
            tail = OVERRIDDEN_TEXT[code]
        else:
            tail = cited.display(lang) if cited is not None else uncited
        lines.append(f"{head} = {display(dated.value, lang)}{when} — {tail}")
    return lines


def _render(catalogue: Catalogue, lang: str, *, markdown: bool) -> str:
    code = _code(lang)
    profile = catalogue.profile
    lines: list[str] = []
    if markdown:
        lines += [f"# {profile.title} (`{profile.id}`)", ""]
    else:
        lines += [f"{profile.title} [{profile.id}]", ""]
    if not catalogue.entries:
        lines.append(i18n.message("catalogue.no_rules", code))
    for entry in catalogue:
        rule = entry.rule
        facts = {
            "subject": rule.subject,
            "severity": i18n.message(f"severity.{entry.severity.value}", code),
        }
        if markdown:
            lines += [
                f"## `{rule.id}` — {rule.title[lang]}",
                "",
                "- " + i18n.message("catalogue.subject_severity_md", code, **facts),
            ]
        else:
            lines += [
                f"{rule.id} — {rule.title[lang]}",
                "    " + i18n.message("catalogue.subject_severity", code, **facts),
            ]
        prefix = "- " if markdown else "    "
        if entry.citation is not None:
            source = i18n.message("catalogue.source", code)
            lines.append(f"{prefix}{source}: {entry.citation.display(lang)}")
        for parameter in entry.parameters:
            for line in parameter_lines(parameter, lang):
                indent = "  " if line.startswith("  ") else ""
                lines.append(f"{indent}{prefix}{line.strip()}" if markdown else f"{prefix}{line}")
        for exc in rule.exceptions:
            derogation = i18n.message("catalogue.derogation", code)
            lines.append(f"{prefix}{derogation} {exc.id}: {exc.title[lang]}")
            cited = entry.exception_citations.get(exc.id)
            if cited is not None:
                lines.append(f"{'  - ' if markdown else '      '}{cited.display(lang)}")
        lines.append("")
    unread = catalogue.unread_readings
    if unread:
        heading = i18n.message("catalogue.unread_readings", code)
        lines += [f"## {heading}", ""] if markdown else [heading, ""]
        for parameter in unread:
            for line in parameter_lines(parameter, lang):
                indent = "  " if line.startswith("  ") else ""
                lines.append(f"{indent}- {line.strip()}" if markdown else f"    {line}")
            lines.append("")
    return "\n".join(lines)


def catalogue(profile: Profile | str) -> Catalogue:
    """List every rule of ``profile`` with its parameters and citations.

    >>> cat = catalogue("seregno-pippi-2023")
    >>> "pippi.hours.educator" in [entry.id for entry in cat]
    True
    >>> cat["pippi.hours.educator"].parameters[0].citation.quote
    "con un monte ore non inferiore a n. 6.000 ore per la figura professionale dell'educatore"
    """
    resolved = load_profile(profile) if isinstance(profile, str) else profile
    entries = tuple(
        CatalogueEntry(
            rule=item.rule,
            severity=item.severity,
            citation=item.citation,
            exception_citations=item.exception_citations,
            parameters=tuple(
                resolved.parameters[n] for n in item.rule.all_parameters if n in resolved.parameters
            ),
        )
        for item in resolved.rules
    )
    return Catalogue(profile=resolved, entries=entries)

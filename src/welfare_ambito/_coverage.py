"""Coverage maps: every normative statement of an embedded notice and what covers it.

A map (``data/coverage/<notice>.toml``) lists each statement of a notice, quoted
verbatim, with its kind and its cover: the rules that check it, the parameters
or dataset that hold it as cited data, or the reason no plan can show it
(``not_checkable``). :func:`problems` names every way a map can lie; the docs
hook renders :func:`markdown` per notice with the coverage figure.
"""

from __future__ import annotations

import tomllib
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from welfare_ambito.citations import normalise_text
from welfare_ambito.data import resource

__all__ = ["CoverageMap", "Statement", "coverage_ids", "load_coverage", "markdown", "problems"]


@attrs.frozen(kw_only=True)
class Statement:
    """One normative statement of a notice and what covers it.

    >>> s = Statement(section="S", kind="number", quote="8 ore", rules=("pippi.sedt.weekly_hours",))
    >>> s.status
    'rule'
    """

    section: str
    kind: str
    quote: str
    rules: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()
    dataset: str | None = None
    not_checkable: str | None = None
    note: str | None = None

    @property
    def status(self) -> str:
        """``rule`` (a rule checks it), ``data`` (held as cited data), ``not_checkable``, or ``uncovered``."""
        if self.rules:
            return "rule"
        if self.parameters or self.dataset:
            return "data"
        if self.not_checkable:
            return "not_checkable"
        return "uncovered"


@attrs.frozen(kw_only=True)
class CoverageMap:
    """The statements of one notice, with the profile and embedded text they refer to.

    >>> m = load_coverage("seregno-pippi-2023")
    >>> m.profile, m.figure() >= Decimal("0.9")
    ('seregno-pippi-2023', True)
    """

    id: str
    title: str
    document: str
    text: str
    profile: str
    statements: tuple[Statement, ...]

    def count(self, status: str) -> int:
        """How many statements have ``status``."""
        return sum(1 for s in self.statements if s.status == status)

    def figure(self) -> Decimal:
        """Share of statements checked by a rule or held as cited data (0–1, 3 decimals)."""
        covered = self.count("rule") + self.count("data")
        return (Decimal(covered) / Decimal(len(self.statements))).quantize(
            Decimal("0.001"), rounding=ROUND_HALF_UP
        )


def coverage_ids() -> tuple[str, ...]:
    """Ids of the embedded coverage maps.

    >>> coverage_ids()
    ('seregno-pippi-2023', 'seregno-tutela-minori-2022')
    """
    return tuple(
        sorted(
            p.name.removesuffix(".toml")
            for p in resource("coverage").iterdir()
            if p.name.endswith(".toml")
        )
    )


def load_coverage(notice: str) -> CoverageMap:
    """The embedded coverage map of ``notice``."""
    raw: dict[str, Any] = tomllib.loads(
        resource("coverage", f"{notice}.toml").read_text(encoding="utf-8")
    )
    statements = tuple(
        Statement(
            section=item["section"],
            kind=item["kind"],
            quote=item["quote"],
            rules=tuple(item.get("rules", ())),
            parameters=tuple(item.get("parameters", ())),
            dataset=item.get("dataset"),
            not_checkable=item.get("not_checkable"),
            note=item.get("note"),
        )
        for item in raw["statements"]
    )
    return CoverageMap(
        id=raw["id"],
        title=raw["title"],
        document=raw["document"],
        text=raw["text"],
        profile=raw["profile"],
        statements=statements,
    )


def problems(coverage: CoverageMap) -> list[str]:
    """Every way ``coverage`` misleads: quotes not verbatim, unknown rules or parameters, gaps.

    A rule must be applied by the map's profile and a parameter defined by it;
    a statement with no cover needs a reason.

    >>> problems(load_coverage("seregno-tutela-minori-2022"))
    []
    """
    from welfare_ambito.rules import load_profile

    profile = load_profile(coverage.profile)
    text = normalise_text(resource("sources", coverage.text).read_text(encoding="utf-8"))
    rule_ids = set(profile.rule_ids)
    found: list[str] = []
    for index, statement in enumerate(coverage.statements):
        where = f"{coverage.id} statements[{index}]"
        if normalise_text(statement.quote) not in text:
            found.append(f"{where}: quote not verbatim: {statement.quote[:60]!r}")
        found += [
            f"{where}: rule {r!r} not in the profile" for r in statement.rules if r not in rule_ids
        ]
        found += [
            f"{where}: parameter {p!r} not in the profile"
            for p in statement.parameters
            if p not in profile.parameters
        ]
        if statement.status == "uncovered":
            found.append(f"{where}: uncovered, and no reason given")
    return found


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _cover(statement: Statement) -> str:
    parts = [f"`{r}`" for r in statement.rules]
    parts += [f"parametro · parameter `{p}`" for p in statement.parameters]
    if statement.dataset:
        parts.append(f"dati · dataset {_cell(statement.dataset)}")
    if statement.not_checkable:
        parts.append(f"non verificabile · not checkable: {_cell(statement.not_checkable)}")
    if statement.note:
        parts.append(f"*{_cell(statement.note)}*")
    return "<br>".join(parts)


_LABELS = {
    "rule": "regola · rule",
    "data": "dato citato · cited data",
    "not_checkable": "a una persona · for a person",
    "uncovered": "scoperto · uncovered",
}


def markdown(coverage: CoverageMap) -> str:
    """The map as a Markdown section: the figure, then one row per statement.

    >>> print(markdown(load_coverage("seregno-pippi-2023")).splitlines()[0])
    ## Avviso P.I.P.P.I. (PNRR M5C2 1.1.1) — Ambito di Seregno, 2023
    """
    total = len(coverage.statements)
    percent = (coverage.figure() * 100).quantize(Decimal("0.1"))
    lines = [
        f"## {coverage.title}",
        "",
        f"Profile `{coverage.profile}` · {total} statements: "
        f"**{coverage.count('rule')}** checked by a rule, **{coverage.count('data')}** held as "
        f"cited data, **{coverage.count('not_checkable')}** left to people. "
        f"Coverage · copertura: **{str(percent).replace('.', ',')} %**.",
        "",
        "| # | section · sezione | kind | statement · enunciato | status | covered by · coperto da |",
        "|---|---|---|---|---|---|",
    ]
    for number, s in enumerate(coverage.statements, start=1):
        lines.append(
            f"| {number} | {_cell(s.section)} | {s.kind} | «{_cell(s.quote)}» | "
            f"{_LABELS[s.status]} | {_cover(s)} |"
        )
    return "\n".join(lines) + "\n"

"""Cohort rules over the families of a plan: the shares of the reunification and 11–14 groups,
and the number of families of an implementation (national P.I.P.P.I. design).

The shares are «mediamente» (on average) 20% «in ogni AT» / «in ogni ATS»: a cap
on each plan, or an average across Ambiti. Both are readings of the profile
(``pippi.cohort.*_share_reading``): a plan over the share needs review naming
both, and says how many families are over (the families allowed are the share
of the plan's families, rounded down).

Who is in the 11–14 group is a reading too (``pippi.cohort.age_overlap_reading``):
the bands overlap at 11 («minori da 0 a 11 anni», «famiglie con figli da 11 a 14
anni»). Under ``core`` (the notice's programme description: «in prima battuta,
ai bambini di 0-11 anni e, in seconda battuta, agli adolescenti dai 12 al 17
anni») a family whose youngest child in the bands is 11 is core target, as
:class:`~welfare_ambito.eligibility.pippi.AgeBands` places it; under
``preadolescent`` it counts in the 11–14 group. Such a family is in the target
either way: only the group's count, and so its share, changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from welfare_ambito import i18n
from welfare_ambito._lang import LANGS
from welfare_ambito.eligibility.pippi import AgeBands, TargetGroup, in_reunification_group
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import CoDesignPlan, Family
from welfare_ambito.rules import (
    Parameters,
    Severity,
    Verdict,
    check,
    needs_review,
    not_applicable,
    rule,
)
from welfare_ambito.rules.pippi._common import Text
from welfare_ambito.rules.readings import decide, decide_all

__all__ = [
    "OVERLAP_READINGS",
    "families_per_implementation",
    "in_preadolescent_group",
    "preadolescent_share",
    "reunification_share",
]

_SHARE_MESSAGE = {
    "it": "{count} su {families_text} ({actual}) nel {what}; quota media {share}: "
    "al massimo {allowed}. {verdict} {reading}",
    "en": "{count} of {families_text} ({actual}) in the {what}; average share {share}: "
    "at most {allowed}. {verdict} {reading}",
}
_AGE_READING = "pippi.cohort.age_overlap_reading"
_PREADOLESCENT_READING = "pippi.cohort.preadolescent_share_reading"

OVERLAP_READINGS = ("core", "preadolescent")
"""The values of ``pippi.cohort.age_overlap_reading``: where a family whose youngest child in
the bands is 11 (the overlap) counts: core target, or the 11–14 group."""

i18n.define("pippi.cohort.within_share", it="Entro la quota.", en="Within the share.")
i18n.define("pippi.cohort.no_family", it="nessuna famiglia nel piano", en="no family in the plan")
i18n.define(
    "pippi.cohort.reunification_group", it="gruppo riunificazione", en="reunification group"
)
i18n.define("pippi.cohort.preadolescent_group", it="gruppo 11–14", en="11–14 group")
i18n.define(
    "pippi.cohort.birth_after_reference",
    it="Date di nascita successive al giorno di riferimento: dati da correggere.",
    en="Birth dates after the reference day: data to correct.",
)
i18n.define("pippi.cohort.percent", it="{it}%", en="{en}%")
i18n.define(
    "pippi.cohort.other_reading",
    it="Secondo “{label}”: {in_group} su {families_text} ({actual}). {verdict}",
    en="Under “{label}”: {in_group} of {families_text} ({actual}). {verdict}",
)


def _text(key: str, /, **params: Any) -> Text:
    """The catalogue message ``key`` in both languages, each ``Text`` parameter in its own."""
    it, en = (
        i18n.message(
            key,
            lang,
            **{k: v.display(lang) if isinstance(v, Text) else v for k, v in params.items()},
        )
        for lang in LANGS
    )
    return Text(it, en)


def _percent(value: Decimal) -> Text:
    shown = (value * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).normalize()
    return Text.message(
        "pippi.cohort.percent", it=i18n.number(shown, "it"), en=i18n.number(shown, "en")
    )


def _allowed(share: Decimal, families: int) -> int:
    return int((share * families).to_integral_value(rounding=ROUND_FLOOR))


def _verdict(over: int) -> Text:
    if over == 0:
        return Text.message("pippi.cohort.within_share")
    return Text.message("rules.families_over_share", count=over)


def _share_values(count: int, families: int, share: Decimal, what: Text) -> dict[str, Any]:
    allowed = _allowed(share, families)
    over = max(0, count - allowed)
    return {
        "count": count,
        "families": families,
        "families_text": Text.message("unit.families", count=families),
        "actual": _percent(Decimal(count) / families),
        "share": _percent(share),
        "allowed": allowed,
        "over": over,
        "what": what,
        "verdict": _verdict(over),
    }


def _share(
    count: int, families: int, share: Decimal, what: Text, p: Parameters, reading: str
) -> Verdict:
    values = _share_values(count, families, share, what)
    # «mediamente il 20% … in ogni AT/ATS»: a cap on this plan, or an average across Ambiti.
    return decide(p, reading, {"cap": values["over"] == 0, "average": True}, **values)


def in_preadolescent_group(ages: tuple[int, ...], bands: AgeBands, reading: str) -> bool:
    """Whether a family whose children have ``ages`` counts in the 11–14 group under ``reading``.

    ``reading`` is one of :data:`OVERLAP_READINGS`. Under ``core`` the group is
    :meth:`AgeBands.group_of`'s (no child 0–11, one 11–14); under
    ``preadolescent`` a family core only by a child at the overlap counts too.

    >>> bands = AgeBands()
    >>> [in_preadolescent_group(ages, bands, "core") for ages in [(11,), (11, 13), (13,), (5, 11)]]
    [False, False, True, False]
    >>> [in_preadolescent_group(ages, bands, "preadolescent") for ages in [(11,), (11, 13), (13,), (5, 11)]]
    [True, True, True, False]
    """
    group = bands.group_of(ages)
    if group is TargetGroup.PREADOLESCENT:
        return True
    if reading == "core":
        return False
    if reading == "preadolescent":
        return group is TargetGroup.CORE and bands.core_only_by_overlap(ages)
    raise InvalidValue.of(
        "rules.unknown_reading",
        path=_AGE_READING,
        name=_AGE_READING,
        value=reading,
        choices=", ".join(OVERLAP_READINGS),
    )


def _group_counts(
    families: tuple[Family, ...], p: Parameters, bands: AgeBands, readings: tuple[str, ...]
) -> Mapping[str, int]:
    ages = [family.ages_on(p.on) for family in families]
    return {
        reading: sum(1 for a in ages if in_preadolescent_group(a, bands, reading))
        for reading in readings
    }


@rule(
    id="pippi.cohort.reunification_share",
    subject="plan",
    title={
        "it": "Quota media delle famiglie in riunificazione",
        "en": "Average share of reunification families",
    },
    message=_SHARE_MESSAGE,
    condition={
        "it": "famiglie in riunificazione ≤ {pippi.target.reunification_share} delle famiglie",
        "en": "reunification families ≤ {pippi.target.reunification_share} of the families",
    },
    parameters=("pippi.target.reunification_share", "pippi.cohort.reunification_share_reading"),
    severity=Severity.WARNING,
)
def reunification_share(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Families with a removal in progress and a reunification project: about 20% on average."""
    if not plan.families:
        return not_applicable(Text.message("pippi.cohort.no_family"))
    count = sum(1 for f in plan.families if in_reunification_group(f))
    return _share(
        count,
        len(plan.families),
        p.decimal("pippi.target.reunification_share"),
        Text.message("pippi.cohort.reunification_group"),
        p,
        "pippi.cohort.reunification_share_reading",
    )


@rule(
    id="pippi.cohort.preadolescent_share",
    subject="plan",
    title={
        "it": "Quota media delle famiglie con figli preadolescenti",
        "en": "Average share of families with pre-adolescent children",
    },
    message=_SHARE_MESSAGE,
    condition={
        "it": "famiglie del gruppo 11–14 ≤ {pippi.target.preadolescent_share} delle famiglie",
        "en": "families of the 11–14 group ≤ {pippi.target.preadolescent_share} of the families",
    },
    parameters=(
        *AgeBands.PARAMETERS,
        "pippi.target.preadolescent_share",
        _PREADOLESCENT_READING,
        _AGE_READING,
    ),
    severity=Severity.WARNING,
)
def preadolescent_share(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Families of the 11–14 group (no child 0–11; 11 itself by the reading in force): about 20%.

    The count follows each reading of the overlap at 11 in force, and each reading of
    the share; the first reading of the overlap gives ``count``, the others add a
    sentence when their count differs.
    """
    if not plan.families:
        return not_applicable(Text.message("pippi.cohort.no_family"))
    bands = AgeBands.from_parameters(p)
    share = p.decimal("pippi.target.preadolescent_share")
    what = Text.message("pippi.cohort.preadolescent_group")
    invalid = [
        f"families[{i}].children[{j}].birth_date"
        for i, family in enumerate(plan.families)
        for j, child in enumerate(family.children)
        if child.birth_date > p.on
    ]
    if invalid:
        return needs_review(
            *invalid,
            count=None,
            families=len(plan.families),
            actual=None,
            share=_percent(share),
            allowed=None,
            what=what,
            verdict=Text.message("pippi.cohort.birth_after_reference"),
        )
    overlap = p.readings(_AGE_READING)
    for value in overlap.values:
        if value not in OVERLAP_READINGS:
            raise InvalidValue.of(
                "rules.unknown_reading",
                path=_AGE_READING,
                name=_AGE_READING,
                value=value,
                choices=", ".join(OVERLAP_READINGS),
            )
    counts = _group_counts(plan.families, p, bands, OVERLAP_READINGS)
    families = len(plan.families)
    first = overlap.readings[0]
    values = _share_values(counts[first.value], families, share, what)
    others = [
        _text(
            "pippi.cohort.other_reading",
            label=r.label,
            in_group=counts[r.value],
            families_text=values["families_text"],
            actual=_percent(Decimal(counts[r.value]) / families),
            verdict=_verdict(max(0, counts[r.value] - values["allowed"])),
        )
        for r in overlap.readings[1:]
        if counts[r.value] != counts[first.value]
    ]
    if others:
        values["verdict"] = Text(
            " ".join([values["verdict"].it, *(o.it for o in others)]),
            " ".join([values["verdict"].en, *(o.en for o in others)]),
        )
    allowed = values["allowed"]

    def complies(chosen: Mapping[str, Any]) -> bool:
        cap = chosen[_PREADOLESCENT_READING]
        if cap not in ("cap", "average"):
            raise InvalidValue.of(
                "rules.unknown_reading",
                path=_PREADOLESCENT_READING,
                name=_PREADOLESCENT_READING,
                value=cap,
                choices="cap, average",
            )
        return cap == "average" or bool(counts[chosen[_AGE_READING]] <= allowed)

    return decide_all(
        p,
        (_PREADOLESCENT_READING, _AGE_READING),
        complies,
        overlap_families=counts["preadolescent"] - counts["core"],
        **values,
    )


@rule(
    id="pippi.cohort.families_per_implementation",
    subject="plan",
    title={
        "it": "Famiglie target di un'implementazione (disegno nazionale)",
        "en": "Target families of an implementation (national design)",
    },
    message={
        "it": "Il piano include {families_text}; il disegno nazionale prevede "
        "{pippi.implementation.families} famiglie target per implementazione.",
        "en": "The plan includes {families_text}; the national design has "
        "{pippi.implementation.families} target families per implementation.",
    },
    condition={
        "it": "famiglie del piano ≥ {pippi.implementation.families}",
        "en": "families in the plan ≥ {pippi.implementation.families}",
    },
    parameters=("pippi.implementation.families",),
    severity=Severity.WARNING,
)
def families_per_implementation(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """At least the target families of one implementation (10 in the national design)."""
    if not plan.families:
        return needs_review(
            "families", families=0, families_text=Text.message("unit.families", count=0)
        )
    families = len(plan.families)
    return check(
        families >= p.count("pippi.implementation.families"),
        families=families,
        families_text=Text.message("unit.families", count=families),
    )

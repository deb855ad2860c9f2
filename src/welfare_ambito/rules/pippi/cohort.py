"""Cohort rules over the families of a plan: the shares of the reunification and 11–14 groups,
and the number of families of an implementation (national P.I.P.P.I. design).

The shares are «mediamente» (on average) 20% «in ogni AT» / «in ogni ATS»: a cap
on each plan, or an average across Ambiti. Both are readings of the profile
(``pippi.cohort.*_share_reading``): a plan over the share needs review naming
both, and says how many families are over (the families allowed are the share
of the plan's families, rounded down).
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from welfare_ambito.eligibility.pippi import AgeBands, TargetGroup, in_reunification_group
from welfare_ambito.model import CoDesignPlan
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
from welfare_ambito.rules.readings import decide

__all__ = ["families_per_implementation", "preadolescent_share", "reunification_share"]

_TARGET = "LE FAMIGLIE TARGET PER IL PROGRAMMA P.I.P.P.I."
_SHARE_MESSAGE = {
    "it": "{count} su {families_text} ({actual}) nel {what}; quota media {share}: "
    "al massimo {allowed}. {verdict} {reading}",
    "en": "{count} of {families_text} ({actual}) in the {what}; average share {share}: "
    "at most {allowed}. {verdict} {reading}",
}


def _percent(value: Decimal) -> Text:
    shown = (value * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).normalize()
    text = format(shown, "f")
    return Text(f"{text.replace('.', ',')}%", f"{text}%")


def _share(
    count: int, families: int, share: Decimal, what: Text, p: Parameters, reading: str
) -> Verdict:
    allowed = int((share * families).to_integral_value(rounding=ROUND_FLOOR))
    over = max(0, count - allowed)
    verdict = (
        Text("Entro la quota.", "Within the share.")
        if over == 0
        else Text.message("rules.families_over_share", count=over)
    )
    # «mediamente il 20% … in ogni AT/ATS»: a cap on this plan, or an average across Ambiti.
    return decide(
        p,
        reading,
        {"cap": over == 0, "average": True},
        count=count,
        families=families,
        families_text=Text.message("unit.families", count=families),
        actual=_percent(Decimal(count) / families),
        share=_percent(share),
        allowed=allowed,
        over=over,
        what=what,
        verdict=verdict,
    )


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
        return not_applicable(Text("nessuna famiglia nel piano", "no family in the plan"))
    count = sum(1 for f in plan.families if in_reunification_group(f))
    return _share(
        count,
        len(plan.families),
        p.decimal("pippi.target.reunification_share"),
        Text("gruppo riunificazione", "reunification group"),
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
        "pippi.cohort.preadolescent_share_reading",
    ),
    severity=Severity.WARNING,
)
def preadolescent_share(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Families of the 11–14 group (no child 0–11; see the reading of the bands): about 20%."""
    if not plan.families:
        return not_applicable(Text("nessuna famiglia nel piano", "no family in the plan"))
    bands = AgeBands.from_parameters(p)
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
            share=_percent(p.decimal("pippi.target.preadolescent_share")),
            allowed=None,
            what=Text("gruppo 11–14", "11–14 group"),
            verdict=Text(
                "Date di nascita successive al giorno di riferimento: dati da correggere.",
                "Birth dates after the reference day: data to correct.",
            ),
        )
    count = sum(
        1
        for family in plan.families
        if bands.group_of(family.ages_on(p.on)) is TargetGroup.PREADOLESCENT
    )
    return _share(
        count,
        len(plan.families),
        p.decimal("pippi.target.preadolescent_share"),
        Text("gruppo 11–14", "11–14 group"),
        p,
        "pippi.cohort.preadolescent_share_reading",
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

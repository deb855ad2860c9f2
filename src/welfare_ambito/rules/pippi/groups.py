"""Group modules (seed 004, «SERVIZI E RISORSE UMANE»): 6–8 meetings, weekly or fortnightly."""

from __future__ import annotations

from welfare_ambito import i18n
from welfare_ambito.model import Cadence, GroupModule
from welfare_ambito.rules import Parameters, Verdict, needs_review, rule
from welfare_ambito.rules.pippi._common import Text
from welfare_ambito.rules.readings import decide

__all__ = ["cadence", "meetings"]

i18n.define(
    "pippi.groups.irregular",
    it="Cadenza irregolare: verificare che sia mediamente settimanale o quindicinale.",
    en="Irregular cadence: check that it is weekly or fortnightly on average.",
)
i18n.define(
    "pippi.groups.cadence_not_foreseen",
    it="Cadenza non prevista dall'avviso.",
    en="A cadence the notice does not foresee.",
)


@rule(
    id="pippi.groups.meetings",
    subject="group",
    title={"it": "Incontri per modulo di gruppo", "en": "Meetings per group module"},
    message={
        "it": "Il modulo {id} prevede {meetings} incontri; i moduli sono da "
        "{pippi.groups.min_meetings} a {pippi.groups.max_meetings} incontri. {reading}",
        "en": "Module {id} has {meetings} meetings; modules have "
        "{pippi.groups.min_meetings} to {pippi.groups.max_meetings} meetings. {reading}",
    },
    condition={
        "it": "{pippi.groups.min_meetings} ≤ incontri ≤ {pippi.groups.max_meetings}",
        "en": "{pippi.groups.min_meetings} ≤ meetings ≤ {pippi.groups.max_meetings}",
    },
    parameters=(
        "pippi.groups.min_meetings",
        "pippi.groups.max_meetings",
        "pippi.groups.meetings_reading",
    ),
    reads=("id", "meetings"),
)
def meetings(group: GroupModule, p: Parameters) -> Verdict:
    """Between the fewest and the most meetings (6 and 8), under the reading that binds.

    «"moduli" da 6/8 incontri» may bind every module, or describe the usual
    one (``pippi.groups.meetings_reading``): outside the range, the finding
    needs review naming both readings.
    """
    low, high = p.count("pippi.groups.min_meetings"), p.count("pippi.groups.max_meetings")
    within = low <= group.meetings <= high
    return decide(p, "pippi.groups.meetings_reading", {"bound": within, "descriptive": True})


def _cadences(text: str) -> tuple[Cadence | str, ...]:
    """The cadences a profile allows, in its order (as members when they name one)."""
    names = (part.strip() for part in text.split(","))
    return tuple(Cadence(n) if n in Cadence._value2member_map_ else n for n in names if n)


@rule(
    id="pippi.groups.cadence",
    subject="group",
    title={"it": "Cadenza dei moduli di gruppo", "en": "Cadence of group modules"},
    message={
        "it": "Il modulo {id} ha cadenza {cadence}; ammesse: {allowed}. {verdict} {reading}",
        "en": "Module {id} meets {cadence}; allowed: {allowed}. {verdict} {reading}",
    },
    condition={
        "it": "cadenza tra {pippi.groups.cadences}",
        "en": "cadence among {pippi.groups.cadences}",
    },
    parameters=("pippi.groups.cadences", "pippi.groups.cadence_reading"),
    reads=("id", "cadence"),
)
def cadence(group: GroupModule, p: Parameters) -> Verdict:
    """Weekly or fortnightly; an irregular cadence needs review (it may average fortnightly)."""
    allowed = _cadences(p.text("pippi.groups.cadences"))
    if group.cadence is Cadence.IRREGULAR and Cadence.IRREGULAR not in allowed:
        return needs_review(
            "cadence",
            allowed=allowed,
            verdict=Text.message("pippi.groups.irregular"),
        )
    ok = group.cadence in allowed
    return decide(
        p,
        "pippi.groups.cadence_reading",
        {"required": ok, "descriptive": True},
        allowed=allowed,
        verdict=Text("", "") if ok else Text.message("pippi.groups.cadence_not_foreseen"),
    )

"""Educator interventions (SEDT, seed 004 «SERVIZI E RISORSE UMANE»): at least 8 hours a week.

The notice counts EM participation inside the 8 hours when it is foreseen
(«comprendente la disponibilità alla partecipazione, se prevista, all'équipe
multidimensionale»). The floor applies to the weekly hours the plan declares
for the intervention:

* ``em_participation_included`` true: the declared hours include the EM time;
  compared as they are;
* false: the declared hours exclude EM time. Hours at or above the floor pass
  (EM time can only add to them); below it the intervention fails, and the
  finding says that EM time, if foreseen, belongs inside the declared hours
  (declare the total);
* not recorded: compared as they are; below the floor fails.

So adding hours never turns a pass into a failure.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from welfare_ambito import i18n
from welfare_ambito.model import Intervention, InterventionKind
from welfare_ambito.rules import Outcome, Parameters, Result, Verdict, check, not_applicable, rule
from welfare_ambito.rules.pippi._common import Text

__all__ = ["sedt_weekly_hours"]


i18n.define("pippi.sedt.not_sedt", it="non è un intervento SEDT", en="not a SEDT intervention")
i18n.define(
    "pippi.sedt.shortfall",
    it="Ore mancanti: {count}.",
    en={"one": "Shortfall: 1 hour.", "other": "Shortfall: {count} hours."},
)
i18n.define(
    "pippi.sedt.shortfall_excluding_em",
    it="Ore mancanti: {count}; le ore dichiarate escludono l'EM: se la partecipazione all'EM è "
    "prevista, va compresa nelle ore dell'intervento.",
    en={
        "one": "Shortfall: 1 hour; the declared hours exclude the EM: if EM participation is "
        "foreseen, it belongs inside the intervention's hours.",
        "other": "Shortfall: {count} hours; the declared hours exclude the EM: if EM "
        "participation is foreseen, it belongs inside the intervention's hours.",
    },
)

_NOT_SEDT = not_applicable(Text.message("pippi.sedt.not_sedt")).constant()
_SEDT = InterventionKind.SEDT
_ZERO = Decimal(0)
_VERDICTS: dict[tuple[Decimal, bool], Result] = {}
"""Verdicts by shortfall and by whether the declared hours exclude the EM (a handful recur)."""


@rule(
    id="pippi.sedt.weekly_hours",
    subject="intervention",
    title={
        "it": "Intensità minima dell'educativa domiciliare (SEDT)",
        "en": "Minimum intensity of the educator intervention (SEDT)",
    },
    message={
        "it": "L'intervento {id} prevede {weekly_hours} ore settimanali; minimo "
        "{pippi.sedt.min_weekly_hours} (partecipazione all'EM compresa, se prevista). {verdict}",
        "en": "Intervention {id} has {weekly_hours} hours a week; minimum "
        "{pippi.sedt.min_weekly_hours} (EM participation included, when foreseen). {verdict}",
    },
    condition={
        "it": "ore settimanali ≥ {pippi.sedt.min_weekly_hours}",
        "en": "weekly hours ≥ {pippi.sedt.min_weekly_hours}",
    },
    parameters=("pippi.sedt.min_weekly_hours",),
    reads=("id", "kind", "weekly_hours", "em_participation_included"),
)
def sedt_weekly_hours(intervention: Intervention, p: Parameters) -> Verdict:
    """Each SEDT intervention has at least the minimum weekly hours; a failure names the shortfall."""
    if intervention.kind is not _SEDT:
        return _NOT_SEDT
    minimum = p.decimal("pippi.sedt.min_weekly_hours")
    shortfall = max(minimum - intervention.weekly_hours, _ZERO)
    excluded = bool(shortfall) and intervention.em_participation_included is False
    key = (shortfall, excluded)
    verdict = _VERDICTS.get(key)
    if verdict is None or verdict.values["shortfall"].as_tuple() != shortfall.as_tuple():
        # (equal shortfalls written differently, 2 and 2.0, are shown as written)
        if not shortfall:
            text = Text.blank()
        elif excluded:
            text = Text.message("pippi.sedt.shortfall_excluding_em", count=shortfall)
        else:
            text = Text.message("pippi.sedt.shortfall", count=shortfall)
        verdict = check(not shortfall, shortfall=shortfall, verdict=text).constant()
        if len(_VERDICTS) >= 1024:
            _VERDICTS.clear()
        _VERDICTS[key] = verdict
    return verdict


@sedt_weekly_hours.outcome_only
def _sedt_weekly_hours_outcome(p: Parameters) -> Callable[[Intervention], Outcome]:
    minimum = p.decimal("pippi.sedt.min_weekly_hours")
    passing, failing, na = Outcome.PASS, Outcome.FAIL, Outcome.NOT_APPLICABLE

    def outcome(intervention: Intervention) -> Outcome:
        if intervention.kind is not _SEDT:
            return na
        return passing if intervention.weekly_hours >= minimum else failing

    return outcome

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

from decimal import Decimal

from welfare_ambito.model import Intervention, InterventionKind
from welfare_ambito.rules import Parameters, Verdict, check, not_applicable, rule
from welfare_ambito.rules.pippi._common import Text

__all__ = ["sedt_weekly_hours"]


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
    if intervention.kind is not InterventionKind.SEDT:
        return not_applicable(Text("non è un intervento SEDT", "not a SEDT intervention"))
    minimum = p.decimal("pippi.sedt.min_weekly_hours")
    shortfall = max(minimum - intervention.weekly_hours, Decimal(0))
    if not shortfall:
        verdict = Text("", "")
    elif intervention.em_participation_included is False:
        missing = Text.message("rules.shortfall_hours", count=shortfall)
        verdict = Text(
            f"{missing.it}; le ore dichiarate escludono l'EM: se la "
            "partecipazione all'EM è prevista, va compresa nelle ore dell'intervento.",
            f"{missing.en}; the declared hours exclude the EM: if EM participation "
            "is foreseen, it belongs inside the intervention's hours.",
        )
    else:
        missing = Text.message("rules.shortfall_hours", count=shortfall)
        verdict = Text(f"{missing.it}.", f"{missing.en}.")
    return check(not shortfall, shortfall=shortfall, verdict=verdict)

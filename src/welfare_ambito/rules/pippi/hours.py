"""Professional hours over the project (seed 004 «SERVIZI E RISORSE UMANE»): one floor per profession.

«con un monte ore non inferiore a n. 6.000 ore per la figura professionale
dell'educatore, n. 1.400 ore per la figura professionale di psicologo/a e n. 900
ore per la figura professionale di pedagogo, n. 100 ore per la figura
professionale di mediatore culturale»: each floor is its own finding, with the
shortfall.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from welfare_ambito import i18n
from welfare_ambito.model import HourPlan, Profession
from welfare_ambito.rules import Parameters, Rule, Verdict, check, rule
from welfare_ambito.rules.pippi._common import Text

__all__ = ["FLOORS", "cultural_mediator", "educator", "pedagogist", "psychologist"]

i18n.define(
    "pippi.hours.shortfall",
    it="Ore mancanti: {count}.",
    en={"one": "Shortfall: 1 hour.", "other": "Shortfall: {count} hours."},
)


FLOORS: dict[Profession, str] = {
    Profession.EDUCATOR: "pippi.hours.educator_min",
    Profession.PSYCHOLOGIST: "pippi.hours.psychologist_min",
    Profession.PEDAGOGIST: "pippi.hours.pedagogist_min",
    Profession.CULTURAL_MEDIATOR: "pippi.hours.cultural_mediator_min",
}
"""The parameter holding each profession's floor of hours over the project."""


def _floor_rule(profession: Profession, names: tuple[str, str]) -> Rule[Any]:
    parameter = FLOORS[profession]
    it_name, en_name = names

    def floor(hour_plan: HourPlan, p: Parameters) -> Verdict:
        hours = hour_plan.hours_of(profession)
        shortfall = max(p.decimal(parameter) - hours, Decimal(0))
        return check(
            not shortfall,
            hours=hours,
            shortfall=shortfall,
            verdict=Text("", "")
            if not shortfall
            else Text.message("pippi.hours.shortfall", count=shortfall),
        )

    floor.__name__ = floor.__qualname__ = profession.value
    floor.__doc__ = f"At least the floor of {en_name} hours over the project."
    return rule(
        id=f"pippi.hours.{profession.value}",
        subject="hour_plan",
        title={"it": f"Monte ore minimo: {it_name}", "en": f"Minimum hours: {en_name}"},
        message={
            "it": f"Ore di {it_name} nel piano: {{hours}}; minimo {{{parameter}}}. {{verdict}}",
            "en": f"{en_name.capitalize()} hours in the plan: {{hours}}; minimum "
            f"{{{parameter}}}. {{verdict}}",
        },
        condition={
            "it": f"ore di {it_name} ≥ {{{parameter}}}",
            "en": f"{en_name} hours ≥ {{{parameter}}}",
        },
        parameters=(parameter,),
    )(floor)


educator = _floor_rule(
    Profession.EDUCATOR,
    ("educatore", "educator"),
)
psychologist = _floor_rule(
    Profession.PSYCHOLOGIST,
    ("psicologo/a", "psychologist"),
)
pedagogist = _floor_rule(
    Profession.PEDAGOGIST,
    ("pedagogista", "pedagogist"),
)
cultural_mediator = _floor_rule(
    Profession.CULTURAL_MEDIATOR,
    ("mediatore culturale", "cultural mediator"),
)

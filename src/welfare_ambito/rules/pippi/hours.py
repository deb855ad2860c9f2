"""Professional hours over the project (seed 004 «SERVIZI E RISORSE UMANE»): one finding per profession.

«con un monte ore non inferiore a n. 6.000 ore per la figura professionale
dell'educatore, n. 1.400 ore per la figura professionale di psicologo/a e n. 900
ore per la figura professionale di pedagogo, n. 100 ore per la figura
professionale di mediatore culturale»: the educator's 6.000 hours are a floor
under any reading. Whether «non inferiore» also governs the other three figures
is a contested reading (``pippi.hours.floor_reading``, see :data:`FLOOR_READINGS`):

* ``every_figure``: the four figures are four floors (more hours comply);
* ``educator_only``: the psychologist's, pedagogist's and cultural mediator's
  figures are the hours foreseen, so the plan states them exactly.

Fewer hours than a figure fail under both readings, the figure itself passes
under both; more hours than a psychologist's, pedagogist's or mediator's figure
comply under the first reading only, and the finding needs review naming both
(a profile that keeps one reading decides). Each finding carries the
``shortfall`` and, for those three, the ``excess`` over the figure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from welfare_ambito import i18n
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import HourPlan, Profession
from welfare_ambito.rules import Parameters, Rule, Verdict, check, rule
from welfare_ambito.rules.pippi._common import Text
from welfare_ambito.rules.readings import decide

__all__ = [
    "FLOORS",
    "FLOOR_READING",
    "FLOOR_READINGS",
    "complies",
    "cultural_mediator",
    "educator",
    "pedagogist",
    "psychologist",
]

i18n.define(
    "pippi.hours.shortfall",
    it="Ore mancanti: {count}.",
    en={"one": "Shortfall: 1 hour.", "other": "Shortfall: {count} hours."},
)
i18n.define(
    "pippi.hours.excess",
    it="Ore oltre il monte ore indicato: {count}.",
    en={"one": "1 hour over the stated hours.", "other": "{count} hours over the stated hours."},
)


FLOORS: dict[Profession, str] = {
    Profession.EDUCATOR: "pippi.hours.educator_min",
    Profession.PSYCHOLOGIST: "pippi.hours.psychologist_min",
    Profession.PEDAGOGIST: "pippi.hours.pedagogist_min",
    Profession.CULTURAL_MEDIATOR: "pippi.hours.cultural_mediator_min",
}
"""The parameter holding each profession's figure of hours over the project."""

FLOOR_READING = "pippi.hours.floor_reading"
"""The parameter whose readings say which figures «non inferiore» governs."""

FLOOR_READINGS = ("every_figure", "educator_only")
"""The values of ``pippi.hours.floor_reading``: «non inferiore» governs every figure (four
floors), or the educator's only (the other three are the hours foreseen, exact)."""


def complies(profession: Profession, hours: Decimal, figure: Decimal, reading: str) -> bool:
    """Whether ``hours`` of ``profession`` satisfy the notice's ``figure`` under ``reading``.

    >>> d = Decimal
    >>> [complies(Profession.PSYCHOLOGIST, d(h), d(1400), r)
    ...  for h in (1399, 1400, 1401) for r in FLOOR_READINGS]
    [False, False, True, True, True, False]
    >>> complies(Profession.EDUCATOR, d(6500), d(6000), "educator_only")
    True
    """
    if reading not in FLOOR_READINGS:
        raise InvalidValue.of(
            "rules.unknown_reading",
            path=FLOOR_READING,
            name=FLOOR_READING,
            value=reading,
            choices=", ".join(FLOOR_READINGS),
        )
    if hours < figure:
        return False
    return profession is Profession.EDUCATOR or reading == "every_figure" or hours == figure


def _educator_rule() -> Rule[Any]:
    parameter = FLOORS[Profession.EDUCATOR]

    def educator(hour_plan: HourPlan, p: Parameters) -> Verdict:
        hours = hour_plan.hours_of(Profession.EDUCATOR)
        shortfall = max(p.decimal(parameter) - hours, Decimal(0))
        return check(
            not shortfall,
            hours=hours,
            shortfall=shortfall,
            verdict=Text.blank()
            if not shortfall
            else Text.message("pippi.hours.shortfall", count=shortfall),
        )

    educator.__doc__ = "At least the floor of educator hours over the project (under any reading)."
    return rule(
        id="pippi.hours.educator",
        subject="hour_plan",
        title={"it": "Monte ore minimo: educatore", "en": "Minimum hours: educator"},
        message={
            "it": f"Ore di educatore nel piano: {{hours}}; minimo {{{parameter}}}. {{verdict}}",
            "en": f"Educator hours in the plan: {{hours}}; minimum {{{parameter}}}. {{verdict}}",
        },
        condition={
            "it": f"ore di educatore ≥ {{{parameter}}}",
            "en": f"educator hours ≥ {{{parameter}}}",
        },
        parameters=(parameter,),
    )(educator)


def _figure_rule(profession: Profession, names: tuple[str, str]) -> Rule[Any]:
    parameter = FLOORS[profession]
    it_name, en_name = names

    def figure_rule(hour_plan: HourPlan, p: Parameters) -> Verdict:
        hours = hour_plan.hours_of(profession)
        figure = p.decimal(parameter)
        readings = p.readings(FLOOR_READING)
        shortfall = max(figure - hours, Decimal(0))
        excess = max(hours - figure, Decimal(0))
        if shortfall:
            verdict = Text.message("pippi.hours.shortfall", count=shortfall)
        elif excess and "educator_only" in readings.values:
            verdict = Text.message("pippi.hours.excess", count=excess)
        else:
            verdict = Text.blank()
        verdicts = {r: complies(profession, hours, figure, r) for r in readings.values}
        return decide(
            p,
            FLOOR_READING,
            verdicts,
            hours=hours,
            shortfall=shortfall,
            excess=excess,
            verdict=verdict,
        )

    figure_rule.__name__ = figure_rule.__qualname__ = profession.value
    figure_rule.__doc__ = f"The {en_name} hours over the project: at least the figure, or exactly it (by the reading)."
    return rule(
        id=f"pippi.hours.{profession.value}",
        subject="hour_plan",
        title={
            "it": f"Monte ore: {it_name} (un minimo, o le ore previste)",
            "en": f"Hours: {en_name} (a minimum, or the hours foreseen)",
        },
        message={
            "it": f"Ore di {it_name} nel piano: {{hours}}; l'avviso indica {{{parameter}}}. "
            "{verdict} {reading}",
            "en": f"{en_name.capitalize()} hours in the plan: {{hours}}; the notice states "
            f"{{{parameter}}}. {{verdict}} {{reading}}",
        },
        condition={
            "it": f"ore di {it_name} ≥ {{{parameter}}} («non inferiore» regge ogni figura) "
            f"oppure = {{{parameter}}} (regge solo l'educatore): secondo la lettura",
            "en": f"{en_name} hours ≥ {{{parameter}}} («non inferiore» governs every figure) "
            f"or = {{{parameter}}} (it governs the educator's only): by the reading",
        },
        parameters=(parameter, FLOOR_READING),
    )(figure_rule)


educator = _educator_rule()
psychologist = _figure_rule(
    Profession.PSYCHOLOGIST,
    ("psicologo/a", "psychologist"),
)
pedagogist = _figure_rule(
    Profession.PEDAGOGIST,
    ("pedagogista", "pedagogist"),
)
cultural_mediator = _figure_rule(
    Profession.CULTURAL_MEDIATOR,
    ("mediatore culturale", "cultural mediator"),
)

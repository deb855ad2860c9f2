"""The project period (seed 004): the notice states it twice, differently.

«giugno 2023 – maggio 2026» («SERVIZI E RISORSE UMANE») and «maggio 2023 –
aprile 2026» («RISORSE FINANZIARIE PER L'ATTUAZIONE DEGLI INTERVENTI»): the
parameter ``pippi.project.period`` keeps both readings; a plan's period must
match one of them, and the finding says which.
"""

from __future__ import annotations

from welfare_ambito import i18n
from welfare_ambito.model import CoDesignPlan
from welfare_ambito.rules import Parameters, Verdict, failed, needs_review, passed, rule
from welfare_ambito.rules.pippi._common import Text

__all__ = ["matches_notice"]

i18n.define("pippi.period.not_stated", it="Periodo non indicato.", en="No period stated.")
i18n.define(
    "pippi.period.matches",
    it="Coincide con la lettura «{reading}».",
    en="It matches the reading «{reading}».",
)
i18n.define(
    "pippi.period.matches_none",
    it="Non coincide con nessuna delle due letture dell'avviso.",
    en="It matches neither of the notice's two readings.",
)


@rule(
    id="pippi.period.matches_notice",
    subject="plan",
    title={
        "it": "Periodo del progetto conforme all'avviso",
        "en": "Project period as the notice states it",
    },
    message={
        "it": "Periodo del piano {period}; l'avviso indica {pippi.project.period}. {verdict}",
        "en": "The plan's period is {period}; the notice states {pippi.project.period}. {verdict}",
    },
    condition={
        "it": "periodo = una delle letture: {pippi.project.period}",
        "en": "period = one of the readings: {pippi.project.period}",
    },
    parameters=("pippi.project.period",),
    reads=("period",),
)
def matches_notice(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """The plan's period equals one reading of the notice's period; say which, or that none does."""
    if plan.period is None:
        return needs_review("period", verdict=Text.message("pippi.period.not_stated"))
    readings = p.readings("pippi.project.period")
    matched = readings.matching(lambda period: period == plan.period)
    if matched:
        label = matched[0].label
        return passed(
            reading=label,
            verdict=Text.message("pippi.period.matches", reading=label),
        )
    return failed(
        reading=None,
        verdict=Text.message("pippi.period.matches_none"),
    )

"""Contested readings: where a notice's sentence admits two readings, the user decides.

A profile states such a sentence as a parameter with :class:`~welfare_ambito.rules.Readings`
(each reading labelled and cited). A rule asks :func:`decide` whether the subject
satisfies the rule under each reading in force: when all agree, the rule passes
or fails; when they disagree, the finding needs review and names both readings.
A profile that has made its choice keeps one reading (or a plain value), and
the rule passes or fails under that reading alone.

>>> import datetime as dt
>>> from welfare_ambito.rules import Parameters, Reading, Readings
>>> p = Parameters({"x.reading": Readings(readings=(
...     Reading(value="minimum", label="almeno 32 ore"),
...     Reading(value="average", label="32 ore medie, indicative")))}, on=dt.date(2024, 1, 1))
>>> decide(p, "x.reading", {"minimum": False, "average": True}).outcome
<Outcome.NEEDS_REVIEW: 'needs_review'>
>>> decide(p, "x.reading", {"minimum": True, "average": True}).outcome
<Outcome.PASS: 'pass'>
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from welfare_ambito.rules._values import Text
from welfare_ambito.rules.definition import Result, check, needs_review
from welfare_ambito.rules.parameters import Parameters

__all__ = ["decide"]


def decide(p: Parameters, name: str, verdicts: Mapping[Any, bool], **values: Any) -> Result:
    """Pass or fail when every reading of ``name`` in force agrees; else needs review naming both.

    ``verdicts`` maps each reading's value to whether the subject satisfies the
    rule under it. ``values`` go into the finding; ``reading`` (a bilingual
    sentence) says which readings pass and which fail.

    >>> import datetime as dt
    >>> from welfare_ambito.rules import Parameters, Reading, Readings
    >>> p = Parameters({"hours.reading": Readings(readings=(
    ...     Reading(value="cap", label="al massimo"), Reading(value="floor", label="almeno")))},
    ...     on=dt.date(2024, 1, 1))
    >>> result = decide(p, "hours.reading", {"cap": True, "floor": False})
    >>> result.outcome.value, result.values["readings_passing"]
    ('needs_review', ('al massimo',))
    """
    readings = p.readings(name)
    outcomes = [(r, bool(verdicts[r.value])) for r in readings]
    passing = [r.label for r, ok in outcomes if ok]
    failing = [r.label for r, ok in outcomes if not ok]
    if not failing or not passing:
        label = readings.readings[0].label if len(readings) == 1 else ""
        chosen = Text(
            f"Lettura scelta dal profilo: “{label}”." if label and label != name else "",
            f"Reading chosen by the profile: “{label}”." if label and label != name else "",
        )
        return check(not failing, reading=chosen, **values)
    listed_pass = ", ".join(f"“{x}”" for x in passing)
    listed_fail = ", ".join(f"“{x}”" for x in failing)
    return needs_review(
        note=None,
        reading=Text(
            f"L'avviso ammette due letture: secondo {listed_pass} è conforme, secondo "
            f"{listed_fail} no. La scelta spetta a chi applica l'avviso: indicala nel profilo.",
            f"The notice admits two readings: under {listed_pass} the plan complies, under "
            f"{listed_fail} it does not. The choice is the notice's owner's: state it in the "
            "profile.",
        ),
        readings_passing=tuple(passing),
        readings_failing=tuple(failing),
        **values,
    )

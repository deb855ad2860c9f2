"""Contested readings: where a notice's sentence admits two readings, the user decides.

A profile states such a sentence as a parameter with :class:`~welfare_ambito.rules.Readings`
(each reading labelled and cited). A rule asks :func:`decide` whether the subject
satisfies the rule under each reading in force: when all agree, the rule passes
or fails; when they disagree, the finding needs review and names both readings.
A profile that has made its choice keeps one reading (or a plain value), and
the rule passes or fails under that reading alone.

A rule that reads two contested sentences at once (the 11–14 group's share: who
counts in the group, and whether the share caps each plan) asks :func:`decide_all`
with a verdict for every combination of readings; a finding that needs review
names the combinations under which the plan complies and those under which it
does not.

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

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from welfare_ambito import i18n
from welfare_ambito._lang import LANGS, Lang
from welfare_ambito.errors import InvalidValue
from welfare_ambito.rules._values import Text
from welfare_ambito.rules.definition import Result, check, needs_review
from welfare_ambito.rules.parameters import Parameters, Readings

__all__ = ["decide", "decide_all"]

i18n.define(
    "rules.reading.chosen",
    it="Lettura scelta dal profilo: {labels}.",
    en="Reading chosen by the profile: {labels}.",
)
i18n.define(
    "rules.reading.chosen_many",
    it="Letture scelte dal profilo: {labels}.",
    en="Readings chosen by the profile: {labels}.",
)
i18n.define(
    "rules.reading.two",
    it="L'avviso ammette due letture: secondo {passing} è conforme, secondo {failing} no. "
    "La scelta spetta a chi applica l'avviso: indicala nel profilo.",
    en="The notice admits two readings: under {passing} the plan complies, under {failing} "
    "it does not. The choice is the notice's owner's: state it in the profile.",
)
i18n.define(
    "rules.reading.combined",
    it="L'avviso ammette più letture: secondo {passing} è conforme, secondo {failing} no. "
    "La scelta spetta a chi applica l'avviso: indicala nel profilo.",
    en="The notice admits more than one reading: under {passing} the plan complies, under "
    "{failing} it does not. The choice is the notice's owner's: state it in the profile.",
)
i18n.define("rules.reading.and", it=" e ", en=" and ")
i18n.define("rules.reading.or", it=" o ", en=" or ")
i18n.define("rules.reading.otherwise", it=" oppure ", en=" or ")
i18n.define(
    "error.rules.unknown_reading",
    it="{value!r} non è una lettura nota di {name}: {choices}",
    en="{value!r} is not a known reading of {name}: {choices}",
)

_MOST_COMBINATIONS = 256


def _quoted(labels: Sequence[str]) -> str:
    return ", ".join(f"“{x}”" for x in labels)


def _chosen(labels: Sequence[str]) -> Text:
    if not labels:
        return Text.blank()
    key = "rules.reading.chosen" if len(labels) == 1 else "rules.reading.chosen_many"
    return Text.message(key, labels=_quoted(labels))


def decide(p: Parameters, name: str, verdicts: Mapping[Any, bool], /, **values: Any) -> Result:
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
    outcomes = [(r, bool(_verdict(verdicts, name, r.value))) for r in readings]
    passing = [r.label for r, ok in outcomes if ok]
    failing = [r.label for r, ok in outcomes if not ok]
    if not failing or not passing:
        label = readings.readings[0].label if len(readings) == 1 else ""
        chosen = _chosen([label] if label and label != name else [])
        return check(not failing, reading=chosen, **values)
    return needs_review(
        note=None,
        reading=Text.message(
            "rules.reading.two", passing=_quoted(passing), failing=_quoted(failing)
        ),
        readings_passing=tuple(passing),
        readings_failing=tuple(failing),
        **values,
    )


def _verdict(verdicts: Mapping[Any, bool], name: str, value: Any) -> bool:
    try:
        return verdicts[value]
    except KeyError:
        raise InvalidValue.of(
            "rules.unknown_reading",
            path=name,
            name=name,
            value=value,
            choices=", ".join(str(v) for v in verdicts),
        ) from None


Cube = tuple[frozenset[int], ...]


def _cover(points: set[tuple[int, ...]], sizes: Sequence[int]) -> list[Cube]:
    """Few cubes (a set of readings per parameter) whose combinations are exactly ``points``."""
    subsets = [
        [
            frozenset(chosen)
            for k in range(size, 0, -1)
            for chosen in itertools.combinations(range(size), k)
        ]
        for size in sizes
    ]
    candidates = 1
    for options in subsets:
        candidates *= len(options)
    if candidates > _MOST_COMBINATIONS:  # many readings: name each combination
        return [tuple(frozenset({i}) for i in point) for point in sorted(points)]
    cubes = [
        cube
        for cube in itertools.product(*subsets)
        if all(point in points for point in itertools.product(*cube))
    ]
    largest = [
        cube
        for cube in cubes
        if not any(
            other != cube and all(a <= b for a, b in zip(cube, other, strict=True))
            for other in cubes
        )
    ]
    uncovered = set(points)
    chosen: list[Cube] = []
    while uncovered:
        best = max(
            largest, key=lambda c: len(uncovered & set(itertools.product(*c)))
        )  # max keeps the first of equals: the order is the profile's
        chosen.append(best)
        uncovered -= set(itertools.product(*best))
    return chosen


def _cube_parts(cube: Cube, dims: Sequence[Readings]) -> list[list[str]]:
    return [
        [readings.readings[i].label for i in sorted(chosen)]
        for chosen, readings in zip(cube, dims, strict=True)
        if len(chosen) < len(readings)
    ]


def _cube_text(cube: Cube, dims: Sequence[Readings], lang: Lang) -> str:
    either = i18n.message("rules.reading.or", lang)
    both = i18n.message("rules.reading.and", lang)
    return both.join(either.join(f"“{x}”" for x in part) for part in _cube_parts(cube, dims))


def _cubes_text(cubes: Sequence[Cube], dims: Sequence[Readings], lang: Lang) -> str:
    return i18n.message("rules.reading.otherwise", lang).join(
        _cube_text(c, dims, lang) for c in cubes
    )


def decide_all(
    p: Parameters,
    names: Sequence[str],
    complies: Callable[[Mapping[str, Any]], bool],
    /,
    **values: Any,
) -> Result:
    """Like :func:`decide`, over every combination of the readings of ``names`` in force.

    ``complies`` gets ``{name: reading value}`` for one combination and says
    whether the subject satisfies the rule under it. When every combination
    agrees the rule passes or fails (and names the readings the profile chose);
    otherwise it needs review, naming the fewest sets of readings under which
    the plan complies (``readings_passing``) and does not (``readings_failing``):
    in each, the labels of the readings that matter, joined by ``" + "`` (``" / "``
    between readings of one parameter that are alike).

    >>> import datetime as dt
    >>> from welfare_ambito.rules import Parameters, Reading, Readings
    >>> def two(name, a, b):
    ...     return Readings(readings=(Reading(value=a, label=a), Reading(value=b, label=b)))
    >>> p = Parameters({"share.reading": two("s", "cap", "average"),
    ...                 "age.reading": two("a", "core", "group")}, on=dt.date(2024, 1, 1))
    >>> result = decide_all(p, ["share.reading", "age.reading"],
    ...     lambda r: r["share.reading"] == "average" or r["age.reading"] == "core")
    >>> result.outcome.value, result.values["readings_failing"]
    ('needs_review', ('cap + group',))
    >>> result.values["readings_passing"]
    ('core', 'average')
    >>> print(result.values["reading"].display("en"))
    The notice admits more than one reading: under “core” or “average” the plan complies, under “cap” and “group” it does not. The choice is the notice's owner's: state it in the profile.
    """
    dims = [p.readings(name) for name in names]
    sizes = [len(d) for d in dims]
    outcomes: dict[tuple[int, ...], bool] = {}
    for point in itertools.product(*(range(size) for size in sizes)):
        chosen = {name: dims[i].readings[point[i]].value for i, name in enumerate(names)}
        outcomes[point] = bool(complies(chosen))
    passing = {point for point, ok in outcomes.items() if ok}
    failing = set(outcomes) - passing
    if not passing or not failing:
        labels = [
            d.readings[0].label
            for d, name in zip(dims, names, strict=True)
            if len(d) == 1 and d.readings[0].label != name
        ]
        return check(not failing, reading=_chosen(labels), **values)
    cover_pass, cover_fail = _cover(passing, sizes), _cover(failing, sizes)

    def plain(cubes: Sequence[Cube]) -> tuple[str, ...]:
        return tuple(" + ".join(" / ".join(part) for part in _cube_parts(c, dims)) for c in cubes)

    sentence = {
        lang: i18n.message(
            "rules.reading.combined",
            lang,
            passing=_cubes_text(cover_pass, dims, lang),
            failing=_cubes_text(cover_fail, dims, lang),
        )
        for lang in LANGS
    }
    return needs_review(
        note=None,
        reading=Text(sentence["it"], sentence["en"]),
        readings_passing=plain(cover_pass),
        readings_failing=plain(cover_fail),
        **values,
    )

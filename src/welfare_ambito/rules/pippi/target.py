"""Target families (seed 004, «LE FAMIGLIE TARGET PER IL PROGRAMMA P.I.P.P.I.»): one rule per criterion.

:func:`welfare_ambito.eligibility.assess` runs these rules on one family; a
plan check runs them on each of its families. Each rule declares an
outcome-only form (:meth:`~welfare_ambito.rules.Rule.outcome_only`) that
:meth:`~welfare_ambito.rules.Checker.outcomes` uses; a property test holds it
equal to the rule. The reading of the overlapping
age bands is documented in :mod:`welfare_ambito.eligibility.pippi`.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from typing import Any

from welfare_ambito import i18n
from welfare_ambito.eligibility.pippi import AgeBands, TargetGroup
from welfare_ambito.errors import InvalidValue
from welfare_ambito.model import EMOrientation, Family, PreAssessment
from welfare_ambito.rules import (
    Outcome,
    Parameters,
    Result,
    Severity,
    Verdict,
    failed,
    needs_review,
    passed,
    rule,
)
from welfare_ambito.rules.pippi._common import Text

__all__ = [
    "adversities",
    "age_group",
    "em_orientation",
    "no_abuse",
    "pre_assessment",
    "trust",
]

_TARGET = "LE FAMIGLIE TARGET PER IL PROGRAMMA P.I.P.P.I."
_REASON = {"it": "{reason}", "en": "{reason}"}

i18n.define(
    "pippi.target.age.born_after_reference",
    it="Il minore {child} risulta nato dopo il giorno di riferimento: dato non valido, da "
    "correggere (non è un neonato).",
    en="Child {child} is born after the reference day: invalid input to correct (not a newborn).",
)
i18n.define(
    "pippi.target.age.core_by_overlap",
    it="Target principale: un figlio ha 11 anni, età compresa sia in «minori da 0 a 11 anni» sia "
    "in «famiglie con figli da 11 a 14 anni»; si segue il programma, che rivolge «in prima "
    "battuta» ai «bambini di 0-11 anni» e agli adolescenti «dai 12 al 17 anni» in seconda "
    "battuta: la famiglia non è contata nel gruppo 11–14.",
    en="Core target: a child is 11, an age in both «minori da 0 a 11 anni» and «famiglie con "
    "figli da 11 a 14 anni»; the programme's own split is followed (children «0-11» first, "
    "adolescents «dai 12 al 17» second): the family is not counted in the 11–14 group.",
)
i18n.define(
    "pippi.target.age.core",
    it="Target principale: almeno un figlio di 0–11 anni.",
    en="Core target: at least one child aged 0–11.",
)
i18n.define(
    "pippi.target.age.preadolescent",
    it="Famiglia con figli da 11 a 14 anni (nessuno sotto gli 11 anni): rientra nel gruppo "
    "11–14, che può costituire mediamente il 20% delle famiglie.",
    en="Family with children aged 11–14 (none younger than 11): it belongs to the 11–14 group, "
    "which may be on average 20% of the families.",
)
i18n.define(
    "pippi.target.age.adolescent",
    it="Solo figli di 15–17 anni: fuori dal target di questo avviso; il programma si rivolge agli "
    "adolescenti dai 12 ai 17 anni solo «in seconda battuta».",
    en="Only children aged 15–17: outside this notice's target; the programme reaches "
    "adolescents aged 12–17 only «in seconda battuta» (second).",
)
i18n.define(
    "pippi.target.age.outside",
    it="Nessun figlio minorenne nelle fasce del programma (0–11, 11–14): fuori target.",
    en="No minor child in the programme's bands (0–11, 11–14): outside the target.",
)
i18n.define(
    "pippi.target.abuse.not_recorded",
    it="Non è registrato se si tratti di abuso o grave maltrattamento: da valutare.",
    en="Whether there is abuse or severe maltreatment is not recorded: to review.",
)
i18n.define(
    "pippi.target.abuse.present",
    it="Situazione di abuso o grave maltrattamento: orientativamente fuori target; l'avviso dice "
    "«orientativamente», quindi l'EM può decidere diversamente.",
    en="Abuse or severe maltreatment: indicatively outside the target; the notice says "
    "«orientativamente» (indicatively), so the EM may decide otherwise.",
)
i18n.define(
    "pippi.target.abuse.absent",
    it="Nessun abuso o grave maltrattamento.",
    en="No abuse or severe maltreatment.",
)
i18n.define(
    "pippi.target.pre_assessment.not_recorded",
    it="Esito del pre-assessment dell'EM non registrato.",
    en="The EM's pre-assessment is not recorded.",
)
i18n.define(
    "pippi.target.pre_assessment.worrying",
    it="Il pre-assessment dell'EM giudica le condizioni «preoccupanti».",
    en="The EM's pre-assessment judges the conditions «preoccupanti» (worrying).",
)
i18n.define(
    "pippi.target.pre_assessment.not_worrying",
    it="Il pre-assessment dell'EM non giudica le condizioni «preoccupanti»: fuori target.",
    en="The EM's pre-assessment does not judge the conditions worrying: outside the target.",
)
i18n.define(
    "pippi.target.orientation.not_recorded",
    it="Orientamento dell'EM non registrato.",
    en="The EM's orientation is not recorded.",
)
i18n.define(
    "pippi.target.orientation.keep_but_removal",
    it="È in corso un allontanamento ma l'orientamento registrato è di mantenere in famiglia: se "
    "i servizi lavorano a una riunificazione, registrare «reunification».",
    en="A removal is in progress but the recorded orientation is to keep the child in the "
    "family: if the services work for a reunification, record «reunification».",
)
i18n.define(
    "pippi.target.orientation.keep",
    it="L'EM è orientata a mantenere il minore in famiglia.",
    en="The EM's orientation is to keep the child in the family.",
)
i18n.define(
    "pippi.target.orientation.reunification_without_removal",
    it="Orientamento alla riunificazione senza un allontanamento in corso: dati da verificare.",
    en="Reunification orientation with no removal in progress: check the data.",
)
i18n.define(
    "pippi.target.orientation.reunification",
    it="Allontanamento in corso con progetto di riunificazione familiare (gruppo "
    "riunificazione, mediamente il 20% delle famiglie).",
    en="Removal in progress with a family reunification project (reunification group, on "
    "average 20% of the families).",
)
i18n.define(
    "pippi.target.orientation.removal",
    it="L'EM è orientata all'allontanamento senza progetto di riunificazione: fuori target.",
    en="The EM's orientation is removal with no reunification project: outside the target.",
)
i18n.define(
    "pippi.target.trust.not_recorded",
    it="Fiducia nei servizi non registrata: da valutare, non si presume.",
    en="Trust in the services is not recorded: to review, not assumed.",
)
i18n.define(
    "pippi.target.trust.positive",
    it="La famiglia nutre una positiva fiducia nei servizi.",
    en="The family shows positive trust in the services.",
)
i18n.define(
    "pippi.target.trust.negative",
    it="La famiglia non nutre una positiva fiducia nei servizi: fuori target.",
    en="The family does not show positive trust in the services: outside the target.",
)
i18n.define("pippi.target.adversities.none", it="nessuna", en="none")

# Verdicts that do not depend on the family: built once, so that a population is
# explained at the cost of a lookup (see Result.constant).
_PASS, _FAIL, _REVIEW = Outcome.PASS, Outcome.FAIL, Outcome.NEEDS_REVIEW
_CORE = TargetGroup.CORE


def _review(field: str, key: str) -> Result:
    return needs_review(field, reason=Text.message(key)).constant()


def _passed(key: str) -> Result:
    return passed(reason=Text.message(key)).constant()


def _failed(key: str) -> Result:
    return failed(reason=Text.message(key)).constant()


_AGE_REASONS = {
    (TargetGroup.CORE, True): Text.message("pippi.target.age.core_by_overlap"),
    (TargetGroup.CORE, False): Text.message("pippi.target.age.core"),
    (TargetGroup.PREADOLESCENT, False): Text.message("pippi.target.age.preadolescent"),
    (TargetGroup.ADOLESCENT, False): Text.message("pippi.target.age.adolescent"),
    (TargetGroup.OUTSIDE, False): Text.message("pippi.target.age.outside"),
}
_AGE_RESULTS: dict[tuple[Any, ...], Result] = {}
"""The age rule's verdicts by group, overlap and counts (a population repeats a handful)."""


@rule(
    id="pippi.target.age_group",
    subject="family",
    title={"it": "Età dei figli: target 0–11 anni", "en": "Children's ages: target 0–11"},
    message=_REASON,
    condition={
        "it": "almeno un figlio di {pippi.target.child_min_age}–{pippi.target.child_max_age} anni "
        "(oppure, nel gruppo 11–14, di {pippi.target.preadolescent_min_age}–"
        "{pippi.target.preadolescent_max_age} anni)",
        "en": "at least one child aged {pippi.target.child_min_age}–{pippi.target.child_max_age} "
        "(or, in the 11–14 group, aged {pippi.target.preadolescent_min_age}–"
        "{pippi.target.preadolescent_max_age})",
    },
    parameters=AgeBands.PARAMETERS,
)
def age_group(family: Family, p: Parameters) -> Verdict:
    """Core target (0–11), the 11–14 group, or outside the target (15–17 only, or no minor).

    Ages are whole years on the evaluation day. At the overlap (11) the child is
    core target: the notice's description of the programme puts 0–11 first and
    adolescents from 12 («in prima battuta, ai bambini di 0-11 anni e, in seconda
    battuta, agli adolescenti dai 12 al 17 anni»).
    """
    on = p.on
    try:
        group, core, preadolescent, adolescent, both = AgeBands.from_parameters(p).census(
            family.children, on
        )
    except InvalidValue:  # a child born after the day: invalid input, never a newborn
        for index, child in enumerate(family.children):
            if child.birth_date > on:
                return needs_review(
                    f"children[{index}].birth_date",
                    reason=Text.message("pippi.target.age.born_after_reference", child=child.id),
                )
        raise
    overlap = group is _CORE and core == both
    # Groups are keyed by identity: an Enum member's hash runs Python code.
    key = (id(group), overlap, core, preadolescent, adolescent)
    verdict = _AGE_RESULTS.get(key)
    if verdict is None:
        verdict = Result(
            _PASS if group is TargetGroup.CORE or group is TargetGroup.PREADOLESCENT else _FAIL,
            {
                "group": group,
                "reason": _AGE_REASONS[group, overlap],
                "children_core": core,
                "children_11_14": preadolescent,
                "children_15_17": adolescent,
            },
        ).constant()
        if len(_AGE_RESULTS) >= 1024:
            _AGE_RESULTS.clear()
        _AGE_RESULTS[key] = verdict
    return verdict


@age_group.outcome_only
def _age_group_outcome(p: Parameters) -> Callable[[Family], Outcome]:
    # AgeBands.placer inlined: this runs once per family of a population.
    on = p.on
    bands = AgeBands.from_parameters(p)
    place = bands.placer(on)
    year, today, leap = on.year, on.month * 32 + on.day, calendar.isleap(on.year)
    table = bands.table
    size = len(table)

    def outcome(family: Family) -> Outcome:
        found = 0
        for child in family.children:
            born = child.birth_date
            if born > on:
                return _REVIEW
            day = born.month * 32 + born.day
            if day == 93 and not leap:  # 29 February (2·32 + 29) is 28 February in a common year
                day = 92
            age = year - born.year - (today < day)
            found |= table[age] if age < size else place(born)
        return _PASS if found & 3 else _FAIL  # core (1) or 11–14 (2)

    return outcome


_ABUSE_UNKNOWN = _review("abuse_or_severe_maltreatment", "pippi.target.abuse.not_recorded")
_ABUSE = _failed("pippi.target.abuse.present")
_NO_ABUSE = _passed("pippi.target.abuse.absent")


@rule(
    id="pippi.target.no_abuse",
    subject="family",
    title={
        "it": "Né abuso né gravi forme di maltrattamento (orientativamente)",
        "en": "No abuse or severe maltreatment (indicatively)",
    },
    message=_REASON,
    reads=("abuse_or_severe_maltreatment",),
)
def no_abuse(family: Family, p: Parameters) -> Verdict:
    """Abuse or severe maltreatment: outside the target, but the EM may decide otherwise."""
    flag = family.abuse_or_severe_maltreatment
    if flag is None:
        return _ABUSE_UNKNOWN
    return _ABUSE if flag else _NO_ABUSE


@no_abuse.outcome_only
def _no_abuse_outcome(p: Parameters) -> Callable[[Family], Outcome]:
    def outcome(family: Family) -> Outcome:
        flag = family.abuse_or_severe_maltreatment
        return _REVIEW if flag is None else _FAIL if flag else _PASS

    return outcome


_PRE_UNKNOWN = _review("pre_assessment", "pippi.target.pre_assessment.not_recorded")
_WORRYING = _passed("pippi.target.pre_assessment.worrying")
_NOT_WORRYING = _failed("pippi.target.pre_assessment.not_worrying")


@rule(
    id="pippi.target.pre_assessment",
    subject="family",
    title={
        "it": "Pre-assessment dell'EM: condizioni «preoccupanti»",
        "en": "EM pre-assessment: conditions judged «preoccupanti» (worrying)",
    },
    message=_REASON,
    reads=("pre_assessment",),
)
def pre_assessment(family: Family, p: Parameters) -> Verdict:
    """The EM's pre-assessment must judge the conditions worrying."""
    judged = family.pre_assessment
    if judged is None:
        return _PRE_UNKNOWN
    return _WORRYING if judged is PreAssessment.WORRYING else _NOT_WORRYING


@pre_assessment.outcome_only
def _pre_assessment_outcome(p: Parameters) -> Callable[[Family], Outcome]:
    worrying = PreAssessment.WORRYING

    def outcome(family: Family) -> Outcome:
        judged = family.pre_assessment
        return _REVIEW if judged is None else _PASS if judged is worrying else _FAIL

    return outcome


_ORIENTATION_UNKNOWN = _review("em_orientation", "pippi.target.orientation.not_recorded")
_KEEP_BUT_REMOVAL = _review("em_orientation", "pippi.target.orientation.keep_but_removal")
_KEEP = _passed("pippi.target.orientation.keep")
_REUNIFY_NO_REMOVAL = _review(
    "removal_in_progress", "pippi.target.orientation.reunification_without_removal"
)
_REUNIFY = _passed("pippi.target.orientation.reunification")
_REMOVAL = _failed("pippi.target.orientation.removal")


@rule(
    id="pippi.target.em_orientation",
    subject="family",
    title={
        "it": "Orientamento dell'EM: mantenere in famiglia o riunificare",
        "en": "EM orientation: keep in the family or reunify",
    },
    message=_REASON,
    reads=("em_orientation", "removal_in_progress"),
)
def em_orientation(family: Family, p: Parameters) -> Verdict:
    """Keep the child in the family, or a removal in progress with a reunification project."""
    orientation = family.em_orientation
    if orientation is None:
        return _ORIENTATION_UNKNOWN
    if orientation is EMOrientation.KEEP_IN_FAMILY:
        return _KEEP_BUT_REMOVAL if family.removal_in_progress else _KEEP
    if orientation is EMOrientation.REUNIFICATION:
        return _REUNIFY_NO_REMOVAL if family.removal_in_progress is False else _REUNIFY
    return _REMOVAL


@em_orientation.outcome_only
def _em_orientation_outcome(p: Parameters) -> Callable[[Family], Outcome]:
    keep, reunify = EMOrientation.KEEP_IN_FAMILY, EMOrientation.REUNIFICATION

    def outcome(family: Family) -> Outcome:
        orientation = family.em_orientation
        if orientation is None:
            return _REVIEW
        if orientation is keep:
            return _REVIEW if family.removal_in_progress else _PASS
        if orientation is reunify:
            return _REVIEW if family.removal_in_progress is False else _PASS
        return _FAIL

    return outcome


_TRUST_UNKNOWN = _review("trust_in_services", "pippi.target.trust.not_recorded")
_TRUST = _passed("pippi.target.trust.positive")
_NO_TRUST = _failed("pippi.target.trust.negative")


@rule(
    id="pippi.target.trust",
    subject="family",
    title={
        "it": "Fiducia positiva nell'intervento dei servizi",
        "en": "Positive trust in the services' intervention",
    },
    message=_REASON,
    reads=("trust_in_services",),
)
def trust(family: Family, p: Parameters) -> Verdict:
    """Positive trust is required; not recorded → needs review, never a guess."""
    trusted = family.trust_in_services
    if trusted is None:
        return _TRUST_UNKNOWN
    return _TRUST if trusted else _NO_TRUST


@trust.outcome_only
def _trust_outcome(p: Parameters) -> Callable[[Family], Outcome]:
    def outcome(family: Family) -> Outcome:
        trusted = family.trust_in_services
        return _REVIEW if trusted is None else _PASS if trusted else _FAIL

    return outcome


_NO_ADVERSITY = passed(adversities=Text.message("pippi.target.adversities.none")).constant()


@rule(
    id="pippi.target.adversities",
    subject="family",
    title={
        "it": "Avversità specifiche (non escludono)",
        "en": "Specific adversities (never exclude)",
    },
    message={
        "it": "Avversità specifiche registrate: {adversities}; non escludono la famiglia.",
        "en": "Specific adversities recorded: {adversities}; they never exclude the family.",
    },
    reads=("adversities",),
    severity=Severity.INFO,
)
def adversities(family: Family, p: Parameters) -> Verdict:
    """Adversities are recorded; they never exclude a family (always passes)."""
    if not family.adversities:
        return _NO_ADVERSITY
    # The members, not their codes: a report names them in its language («disabilità»).
    return passed(adversities=tuple(sorted(family.adversities, key=lambda a: a.value)))


@adversities.outcome_only
def _adversities_outcome(p: Parameters) -> Callable[[Family], Outcome]:
    def outcome(family: Family) -> Outcome:
        return _PASS

    return outcome

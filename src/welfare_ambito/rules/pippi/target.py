"""Target families (seed 004, «LE FAMIGLIE TARGET PER IL PROGRAMMA P.I.P.P.I.»): one rule per criterion.

:func:`welfare_ambito.eligibility.assess` runs these rules on one family; a
plan check runs them on each of its families. The reading of the overlapping
age bands is documented in :mod:`welfare_ambito.eligibility.pippi`.
"""

from __future__ import annotations

from welfare_ambito.eligibility.pippi import AgeBands, TargetGroup
from welfare_ambito.model import EMOrientation, Family, PreAssessment
from welfare_ambito.rules import Parameters, Severity, Verdict, failed, needs_review, passed, rule
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
    for index, child in enumerate(family.children):
        if child.birth_date > p.on:
            return needs_review(
                f"children[{index}].birth_date",
                reason=Text(
                    f"Il minore {child.id} risulta nato dopo il giorno di riferimento: dato non "
                    "valido, da correggere (non è un neonato).",
                    f"Child {child.id} is born after the reference day: invalid input to correct "
                    "(not a newborn).",
                ),
            )
    bands = AgeBands.from_parameters(p)
    ages = family.ages_on(p.on)
    group = bands.group_of(ages)
    counts = {
        "children_core": sum(1 for a in ages if bands.is_core(a)),
        "children_11_14": sum(1 for a in ages if bands.is_preadolescent(a)),
        "children_15_17": sum(1 for a in ages if bands.is_adolescent(a)),
    }
    if group is TargetGroup.CORE:
        if bands.core_only_by_overlap(ages):
            reason = Text(
                "Target principale: un figlio ha 11 anni, età compresa sia in «minori da 0 a 11 "
                "anni» sia in «famiglie con figli da 11 a 14 anni»; si segue il programma, che "
                "rivolge «in prima battuta» ai «bambini di 0-11 anni» e agli adolescenti «dai 12 "
                "al 17 anni» in seconda battuta: la famiglia non è contata nel gruppo 11–14.",
                "Core target: a child is 11, an age in both «minori da 0 a 11 anni» and «famiglie "
                "con figli da 11 a 14 anni»; the programme's own split is followed (children "
                "«0-11» first, adolescents «dai 12 al 17» second): the family is not counted in "
                "the 11–14 group.",
            )
        else:
            reason = Text(
                "Target principale: almeno un figlio di 0–11 anni.",
                "Core target: at least one child aged 0–11.",
            )
        return passed(group=group, reason=reason, **counts)
    if group is TargetGroup.PREADOLESCENT:
        return passed(
            group=group,
            reason=Text(
                "Famiglia con figli da 11 a 14 anni (nessuno sotto gli 11 anni): rientra nel "
                "gruppo 11–14, che può costituire mediamente il 20% delle famiglie.",
                "Family with children aged 11–14 (none younger than 11): it belongs to the 11–14 "
                "group, which may be on average 20% of the families.",
            ),
            **counts,
        )
    if group is TargetGroup.ADOLESCENT:
        return failed(
            group=group,
            reason=Text(
                "Solo figli di 15–17 anni: fuori dal target di questo avviso; il programma si "
                "rivolge agli adolescenti dai 12 ai 17 anni solo «in seconda battuta».",
                "Only children aged 15–17: outside this notice's target; the programme reaches "
                "adolescents aged 12–17 only «in seconda battuta» (second).",
            ),
            **counts,
        )
    return failed(
        group=group,
        reason=Text(
            "Nessun figlio minorenne nelle fasce del programma (0–11, 11–14): fuori target.",
            "No minor child in the programme's bands (0–11, 11–14): outside the target.",
        ),
        **counts,
    )


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
        return needs_review(
            "abuse_or_severe_maltreatment",
            reason=Text(
                "Non è registrato se si tratti di abuso o grave maltrattamento: da valutare.",
                "Whether there is abuse or severe maltreatment is not recorded: to review.",
            ),
        )
    if flag:
        return failed(
            reason=Text(
                "Situazione di abuso o grave maltrattamento: orientativamente fuori target; "
                "l'avviso dice «orientativamente», quindi l'EM può decidere diversamente.",
                "Abuse or severe maltreatment: indicatively outside the target; the notice says "
                "«orientativamente» (indicatively), so the EM may decide otherwise.",
            )
        )
    return passed(
        reason=Text("Nessun abuso o grave maltrattamento.", "No abuse or severe maltreatment.")
    )


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
    if family.pre_assessment is None:
        return needs_review(
            "pre_assessment",
            reason=Text(
                "Esito del pre-assessment dell'EM non registrato.",
                "The EM's pre-assessment is not recorded.",
            ),
        )
    if family.pre_assessment is PreAssessment.WORRYING:
        return passed(
            reason=Text(
                "Il pre-assessment dell'EM giudica le condizioni «preoccupanti».",
                "The EM's pre-assessment judges the conditions «preoccupanti» (worrying).",
            )
        )
    return failed(
        reason=Text(
            "Il pre-assessment dell'EM non giudica le condizioni «preoccupanti»: fuori target.",
            "The EM's pre-assessment does not judge the conditions worrying: outside the target.",
        )
    )


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
    removal = family.removal_in_progress
    if orientation is None:
        return needs_review(
            "em_orientation",
            reason=Text(
                "Orientamento dell'EM non registrato.", "The EM's orientation is not recorded."
            ),
        )
    if orientation is EMOrientation.KEEP_IN_FAMILY:
        if removal:
            return needs_review(
                "em_orientation",
                reason=Text(
                    "È in corso un allontanamento ma l'orientamento registrato è di mantenere in "
                    "famiglia: se i servizi lavorano a una riunificazione, registrare "
                    "«reunification».",
                    "A removal is in progress but the recorded orientation is to keep the child "
                    "in the family: if the services work for a reunification, record "
                    "«reunification».",
                ),
            )
        return passed(
            reason=Text(
                "L'EM è orientata a mantenere il minore in famiglia.",
                "The EM's orientation is to keep the child in the family.",
            )
        )
    if orientation is EMOrientation.REUNIFICATION:
        if removal is False:
            return needs_review(
                "removal_in_progress",
                reason=Text(
                    "Orientamento alla riunificazione senza un allontanamento in corso: dati da "
                    "verificare.",
                    "Reunification orientation with no removal in progress: check the data.",
                ),
            )
        return passed(
            reason=Text(
                "Allontanamento in corso con progetto di riunificazione familiare (gruppo "
                "riunificazione, mediamente il 20% delle famiglie).",
                "Removal in progress with a family reunification project (reunification group, "
                "on average 20% of the families).",
            )
        )
    return failed(
        reason=Text(
            "L'EM è orientata all'allontanamento senza progetto di riunificazione: fuori target.",
            "The EM's orientation is removal with no reunification project: outside the target.",
        )
    )


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
    if family.trust_in_services is None:
        return needs_review(
            "trust_in_services",
            reason=Text(
                "Fiducia nei servizi non registrata: da valutare, non si presume.",
                "Trust in the services is not recorded: to review, not assumed.",
            ),
        )
    if family.trust_in_services:
        return passed(
            reason=Text(
                "La famiglia nutre una positiva fiducia nei servizi.",
                "The family shows positive trust in the services.",
            )
        )
    return failed(
        reason=Text(
            "La famiglia non nutre una positiva fiducia nei servizi: fuori target.",
            "The family does not show positive trust in the services: outside the target.",
        )
    )


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
    recorded = tuple(sorted(a.value for a in family.adversities))
    return passed(adversities=recorded if recorded else Text("nessuna", "none"))

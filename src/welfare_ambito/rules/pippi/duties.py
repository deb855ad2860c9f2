"""Reporting duties (seed 004): half-yearly accounting, yearly summary, surveys, overall evaluation, VIS.

The expected calendar is generated from the plan's period by
:func:`welfare_ambito.duties.reporting_calendar`; the declared reports of each
kind must cover every step (see :func:`welfare_ambito.duties.check_calendar`).
"""

from __future__ import annotations

from welfare_ambito.citations import Citation
from welfare_ambito.duties import CalendarCheck, check_calendar
from welfare_ambito.model import CoDesignPlan, ReportKind
from welfare_ambito.rules import Parameters, Rule, Verdict, check, needs_review, rule
from welfare_ambito.rules._values import display
from welfare_ambito.rules.pippi._common import Text, cite

__all__ = [
    "annual_summary",
    "impact_evaluation",
    "overall_evaluation",
    "satisfaction_surveys",
    "semiannual_accounting",
]

_REPORTS = "RENDICONTAZIONI, DATI E RELAZIONI"


def _describe(result: CalendarCheck) -> Text:
    if result.ok:
        return Text(
            f"Previsti {len(result.expected)}, dichiarati {len(result.declared)}: calendario "
            "completo.",
            f"{len(result.expected)} expected, {len(result.declared)} declared: the calendar is "
            "complete.",
        )
    parts_it, parts_en = [], []
    if result.missing:
        listed_it = ", ".join(display(m, "it") for m in result.missing)
        listed_en = ", ".join(display(m, "en") for m in result.missing)
        parts_it.append(f"periodi senza relazione: {listed_it}")
        parts_en.append(f"periods with no report: {listed_en}")
    if result.too_long:
        parts_it.append(
            "relazioni più lunghe del passo: "
            + ", ".join(display(m, "it") for m in result.too_long)
        )
        parts_en.append(
            "reports longer than the step: " + ", ".join(display(m, "en") for m in result.too_long)
        )
    if result.outside:
        parts_it.append(
            "relazioni fuori dal periodo: " + ", ".join(display(m, "it") for m in result.outside)
        )
        parts_en.append(
            "reports outside the period: " + ", ".join(display(m, "en") for m in result.outside)
        )
    return Text(
        f"Previsti {len(result.expected)}, dichiarati {len(result.declared)}; "
        + "; ".join(parts_it)
        + ".",
        f"{len(result.expected)} expected, {len(result.declared)} declared; "
        + "; ".join(parts_en)
        + ".",
    )


def _calendar_rule(
    kind: ReportKind, rule_id: str, names: tuple[str, str], citation: Citation
) -> Rule[CoDesignPlan]:
    it_name, en_name = names

    def duty(plan: CoDesignPlan, p: Parameters) -> Verdict:
        if plan.period is None:
            return needs_review(
                "period", verdict=Text("Periodo non indicato.", "No period stated.")
            )
        result = check_calendar(plan.period, plan.reports, kind)
        return check(
            result.ok,
            expected=result.expected,
            missing=result.missing,
            verdict=_describe(result),
        )

    duty.__name__ = duty.__qualname__ = kind.value
    duty.__doc__ = f"The declared {en_name} cover the plan's period, step by step."
    return rule(
        id=rule_id,
        subject="plan",
        title={"it": it_name.capitalize(), "en": en_name.capitalize()},
        message={
            "it": f"{it_name.capitalize()}: {{verdict}}",
            "en": f"{en_name.capitalize()}: {{verdict}}",
        },
        condition={
            "it": f"ogni periodo del calendario coperto da {it_name}",
            "en": f"every period of the calendar covered by {en_name}",
        },
        citation=citation,
    )(duty)


semiannual_accounting = _calendar_rule(
    ReportKind.SEMIANNUAL_ACCOUNTING,
    "pippi.duties.semiannual_accounting",
    ("rendicontazioni semestrali", "half-yearly accounting reports"),
    cite(
        _REPORTS,
        "la rendicontazione semestrale degli interventi svolti seguendo le indicazioni del "
        "Ministero del Lavoro e delle Politiche Sociali relative al Piano Nazionale di Ripresa e "
        "Resilienza (PNRR);",
    ),
)
annual_summary = _calendar_rule(
    ReportKind.ANNUAL_SUMMARY,
    "pippi.duties.annual_summary",
    (
        "sintesi annuali (reclami, soddisfazione, controlli)",
        "yearly summaries (complaints, satisfaction, controls)",
    ),
    cite(_REPORTS, "una sintesi annuale relativa a:"),
)
overall_evaluation = _calendar_rule(
    ReportKind.OVERALL_EVALUATION,
    "pippi.duties.overall_evaluation",
    ("valutazione complessiva delle attività", "overall evaluation of the activities"),
    cite(
        _REPORTS,
        "una valutazione complessiva delle attività, con l'evidenza di aspetti critici e di "
        "eventuali proposte migliorative.",
    ),
)


@rule(
    id="pippi.duties.satisfaction_surveys",
    subject="plan",
    title={
        "it": "Questionari di soddisfazione a beneficiari e operatori",
        "en": "Satisfaction questionnaires to beneficiaries and operators",
    },
    message={
        "it": "Rilevazioni della soddisfazione dichiarate: {surveys}.",
        "en": "Satisfaction surveys declared: {surveys}.",
    },
    condition={"it": "almeno una rilevazione", "en": "at least one survey"},
    citation=cite(
        "RILEVAZIONE DEL GRADO DI SODDISFAZIONE",
        "somministrare questionari del grado di soddisfazione ai beneficiari,",
    ),
)
def satisfaction_surveys(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """At least one satisfaction survey (the notice sets no cadence; results go in the yearly summary)."""
    surveys = sum(1 for r in plan.reports if r.kind is ReportKind.SATISFACTION_SURVEY)
    return check(surveys > 0, surveys=surveys)


@rule(
    id="pippi.duties.impact_evaluation",
    subject="plan",
    title={
        "it": "Metodologia di Valutazione di Impatto Sociale (VIS) con indicatori",
        "en": "Social impact evaluation (VIS) method with indicators",
    },
    message={"it": "{verdict}", "en": "{verdict}"},
    condition={
        "it": "una metodologia VIS con almeno un indicatore",
        "en": "a VIS method with at least one indicator",
    },
    citation=cite(
        "VALUTAZIONE DI IMPATTO SOCIALE",
        "Il partenariato in fase di coprogettazione dovrà perciò prevedere l'individuazione di una "
        "metodologia da utilizzare per la VIS, con i relativi indicatori e le modalità di verifica, "
        "valutazione e misurazione.",
    ),
)
def impact_evaluation(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """The plan states a VIS method and its indicators."""
    vis = plan.impact_evaluation
    if vis is None:
        return check(
            False,
            indicators=0,
            verdict=Text(
                "Nessuna metodologia VIS indicata nel piano.",
                "The plan states no VIS method.",
            ),
        )
    count = len(vis.indicators)
    return check(
        count > 0,
        method=vis.method,
        indicators=count,
        verdict=Text(
            f"Metodologia VIS: {vis.method}; {count} indicatori.",
            f"VIS method: {vis.method}; {count} indicators.",
        )
        if count
        else Text(
            f"Metodologia VIS «{vis.method}» senza indicatori.",
            f"VIS method «{vis.method}» with no indicators.",
        ),
    )

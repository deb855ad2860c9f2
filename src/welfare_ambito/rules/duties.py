"""Reporting-duty rules shared by programmes: a declared calendar against the generated one.

A notice that asks for half-yearly reports, a yearly summary or an overall
evaluation gets one rule per duty from :func:`calendar_rule`; the expected
calendar comes from :func:`welfare_ambito.duties.check_calendar`.
"""

from __future__ import annotations

from welfare_ambito import i18n
from welfare_ambito._lang import Lang, is_lang
from welfare_ambito.duties import CalendarCheck, check_calendar
from welfare_ambito.model import CoDesignPlan, ReportKind
from welfare_ambito.rules._values import Text, display, named_texts
from welfare_ambito.rules.definition import Rule, Verdict, check, needs_review, rule
from welfare_ambito.rules.parameters import Parameters

__all__ = ["calendar_rule", "describe_calendar"]

i18n.define(
    "rules.duties.counts",
    it="Previsti {expected}, dichiarati {declared}",
    en="{expected} expected, {declared} declared",
)
i18n.define("rules.duties.complete", it=": calendario completo.", en=": the calendar is complete.")
i18n.define(
    "rules.duties.missing",
    it="periodi senza relazione: {periods}",
    en="periods with no report: {periods}",
)
i18n.define(
    "rules.duties.too_long",
    it="relazioni più lunghe del passo: {periods}",
    en="reports longer than the step: {periods}",
)
i18n.define(
    "rules.duties.outside",
    it="relazioni fuori dal periodo: {periods}",
    en="reports outside the period: {periods}",
)


def _listed(items: tuple[object, ...], lang: str) -> str:
    return ", ".join(display(item, lang) for item in items)


def describe_calendar(result: CalendarCheck, lang: str) -> str:
    """What a calendar check found, in ``lang``: counts, then each kind of gap.

    >>> import datetime as dt
    >>> from welfare_ambito import Period
    >>> period = Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    >>> describe_calendar(check_calendar(period, (), ReportKind.ANNUAL_SUMMARY), "en")
    '1 expected, 0 declared; periods with no report: 2024-01-01–2024-12-31.'
    """
    language: Lang = lang if is_lang(lang) else "en"
    counts = i18n.message(
        "rules.duties.counts",
        language,
        expected=i18n.number(len(result.expected), language),
        declared=i18n.number(len(result.declared), language),
    )
    if result.ok:
        return counts + i18n.message("rules.duties.complete", language)
    gaps = [
        i18n.message(key, language, periods=_listed(items, lang))
        for key, items in zip(
            ("rules.duties.missing", "rules.duties.too_long", "rules.duties.outside"),
            (result.missing, result.too_long, result.outside),
            strict=True,
        )
        if items
    ]
    return f"{counts}; {'; '.join(gaps)}."


_WHOLE = "whole"


def calendar_rule(
    kind: ReportKind,
    rule_id: str,
    names: tuple[str, str],
    step_parameter: str | None = None,
) -> Rule[CoDesignPlan]:
    """A plan rule: the declared reports of ``kind`` cover the plan's period, step by step.

    ``names`` are the duty's Italian and English names (plural, lower case).
    ``step_parameter`` names the profile's text parameter holding the step the
    notice sets (``"semester"``, ``"year"`` or ``"whole"`` for the whole period);
    without it the step is :data:`welfare_ambito.duties.STEPS`'s.
    The finding's values: ``expected_count``, ``expected``, ``missing``,
    ``too_long`` and ``outside`` (the periods concerned) and ``verdict`` (text).
    """
    it_name, en_name = names

    def duty(plan: CoDesignPlan, p: Parameters) -> Verdict:
        if plan.period is None:
            return needs_review("period")
        steps = None
        if step_parameter is not None:
            step = p.text(step_parameter)
            steps = {kind: None if step == _WHOLE else step}
        result = check_calendar(plan.period, plan.reports, kind, steps=steps)
        return check(
            result.ok,
            expected_count=len(result.expected),
            expected=result.expected,
            missing=result.missing or None,
            too_long=result.too_long or None,
            outside=result.outside or None,
            verdict=Text(describe_calendar(result, "it"), describe_calendar(result, "en")),
        )

    duty.__name__ = duty.__qualname__ = rule_id.rsplit(".", 1)[-1]
    duty.__doc__ = f"The declared {en_name} cover the plan's period, step by step."
    title, message = named_texts(it_name, en_name)
    return rule(
        id=rule_id,
        subject="plan",
        title=title,
        message=message,
        condition={
            "it": f"ogni periodo del calendario coperto da {it_name}",
            "en": f"every period of the calendar covered by {en_name}",
        },
        reads=("period",),
        parameters=() if step_parameter is None else (step_parameter,),
    )(duty)

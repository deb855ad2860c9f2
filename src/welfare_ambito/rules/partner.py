"""Partner-duty rules shared by programmes: a duty the notice sets is declared in the plan.

Each programme builds one rule per duty with :func:`declaration_rule`; a plan
that omits a duty gets one failed finding per missing duty.
:func:`technical_lead_rule` checks the named technical lead and :func:`code_rule`
a code of the plan (CUP, CIG) against the profile's. The rules know no notice:
a profile binds each one's sentence under ``[citations]``.
"""

from __future__ import annotations

from welfare_ambito import i18n
from welfare_ambito.model import CoDesignPlan, Declaration
from welfare_ambito.rules._values import Text, named_texts
from welfare_ambito.rules.definition import Rule, Verdict, check, rule
from welfare_ambito.rules.parameters import Parameters

__all__ = ["code_rule", "declaration_rule", "technical_lead_rule"]

i18n.define("rules.partner.declared", it="dichiarato.", en="declared.")
i18n.define(
    "rules.partner.not_declared", it="il piano non lo dichiara.", en="the plan does not declare it."
)
i18n.define(
    "rules.partner.no_lead",
    it="il piano non indica il referente tecnico.",
    en="the plan names no technical lead.",
)
i18n.define(
    "rules.partner.lead_not_staff",
    it="il referente {lead} non è tra il personale del piano.",
    en="the lead {lead} is not among the plan's staff.",
)
i18n.define(
    "rules.partner.lead_without_cv",
    it="manca il curriculum del referente {lead}.",
    en="the CV of the lead {lead} is missing.",
)
i18n.define(
    "rules.partner.lead_with_cv", it="referente {lead}, con curriculum.", en="lead {lead}, with CV."
)


def declaration_rule(
    duty: Declaration,
    rule_id: str,
    names: tuple[str, str],
) -> Rule[CoDesignPlan]:
    """A plan rule: the plan's declarations include ``duty``.

    ``names`` are the duty's Italian and English names (lower case). The
    finding's values: ``declared`` (bool) and ``duty`` (the declaration's code).

    >>> from welfare_ambito import data
    >>> from welfare_ambito.rules import REGISTRY
    >>> from welfare_ambito.rules import tutela  # registers the Tutela rules
    >>> privacy = REGISTRY.get("tutela.partner.privacy")
    >>> privacy(data.example("tutela_minori_seregno"), None).outcome.value
    'pass'
    """
    it_name, en_name = names

    def declared(plan: CoDesignPlan, p: Parameters) -> Verdict:
        present = plan.declarations is not None and duty in plan.declarations
        return check(
            present,
            duty=duty.value,
            declared=present,
            verdict=Text.message(
                "rules.partner.declared" if present else "rules.partner.not_declared"
            ),
        )

    declared.__name__ = declared.__qualname__ = rule_id.rsplit(".", 1)[-1]
    declared.__doc__ = f"The plan declares: {en_name}."
    title, message = named_texts(it_name, en_name)
    return rule(
        id=rule_id,
        subject="plan",
        title=title,
        message=message,
        condition={
            # The duty by its name in each language; its code («survey_report_sent») stays in
            # the finding's values for tools.
            "it": f"il piano dichiara: {it_name}",
            "en": f"the plan declares: {en_name}",
        },
        reads=("declarations",),
    )(declared)


def technical_lead_rule(rule_id: str) -> Rule[CoDesignPlan]:
    """A plan rule: a technical lead is named among the plan's staff, with a CV.

    The finding's values: ``lead`` (the staff id or ``None``), ``cv`` and
    ``verdict``.
    """

    def technical_lead(plan: CoDesignPlan, p: Parameters) -> Verdict:
        lead = plan.declarations.technical_lead if plan.declarations is not None else None
        if lead is None:
            return check(
                False,
                lead=None,
                verdict=Text.message("rules.partner.no_lead"),
            )
        known = any(member.id == lead.staff for member in plan.staff)
        if not known:
            verdict = Text.message("rules.partner.lead_not_staff", lead=lead.staff)
        elif not lead.cv:
            verdict = Text.message("rules.partner.lead_without_cv", lead=lead.staff)
        else:
            verdict = Text.message("rules.partner.lead_with_cv", lead=lead.staff)
        return check(known and lead.cv, lead=lead.staff, cv=lead.cv, verdict=verdict)

    technical_lead.__name__ = technical_lead.__qualname__ = rule_id.rsplit(".", 1)[-1]
    technical_lead.__doc__ = "A technical lead among the staff, with a CV."
    return rule(
        id=rule_id,
        subject="plan",
        title={
            "it": "Referente tecnico con curriculum",
            "en": "Technical lead with CV",
        },
        message={"it": "Referente tecnico: {verdict}", "en": "Technical lead: {verdict}"},
        condition={
            "it": "un referente tecnico del personale, con curriculum",
            "en": "a technical lead among the staff, with a CV",
        },
        reads=("declarations", "staff"),
    )(technical_lead)


def code_rule(
    rule_id: str,
    field: str,
    parameter: str,
) -> Rule[CoDesignPlan]:
    """A plan rule: the plan's code ``field`` (``"cup"`` or ``"cig"``) equals the profile's.

    ``cup`` is read from the plan, ``cig`` from its declarations. A missing code
    fails: a payment under the project cannot be traced without it.
    """
    label = field.upper()

    def code(plan: CoDesignPlan, p: Parameters) -> Verdict:
        if field == "cig":
            value = plan.declarations.cig if plan.declarations is not None else None
        else:
            value = getattr(plan, field)
        expected = p.text(parameter)
        return check(value == expected, code=value, expected=expected)

    code.__name__ = code.__qualname__ = rule_id.rsplit(".", 1)[-1]
    code.__doc__ = f"The plan's {label} is the notice's."
    return rule(
        id=rule_id,
        subject="plan",
        title={"it": f"{label} del progetto", "en": f"The project's {label}"},
        message={
            "it": f"{label} del piano: {{code}}; dell'avviso: {{{parameter}}}.",
            "en": f"The plan's {label}: {{code}}; the notice's: {{{parameter}}}.",
        },
        condition={
            "it": f"{label} del piano = {{{parameter}}}",
            "en": f"the plan's {label} = {{{parameter}}}",
        },
        parameters=(parameter,),
    )(code)

"""Strategies for what a partner declares, and the completion of a compliant plan's declarations.

:func:`partner_declarations` draws declarations (every duty by default);
:func:`complete` gives a generated plan what a profile's partner, structure and
qualification rules ask for: every duty, a technical lead with a CV among the
staff, the notice's CIG, the team's figures, a supportive family for every
family, the required services and the educators' qualifications.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from welfare_ambito.testing import MissingTestingExtra

try:
    from hypothesis import strategies as st
except ImportError:
    raise MissingTestingExtra.for_package("hypothesis") from None

from welfare_ambito.model import (
    CoDesignPlan,
    Declaration,
    PartnerDeclarations,
    Profession,
    ProgrammeTeam,
    ServiceOffer,
    TechnicalLead,
)

__all__ = ["complete", "partner_declarations", "programme_teams", "technical_leads"]


def _param(profile: Any, name: str, on: dt.date, default: Any = None) -> Any:
    if name not in profile.parameters:
        return default
    return profile.parameters.value(name, on)


def partner_declarations(
    *,
    duties: frozenset[Declaration] | None = None,
    staff_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[PartnerDeclarations]:
    """Declarations with ``duties`` (all by default) and, given ``staff_ids``, a lead with a CV.

    >>> from hypothesis import find
    >>> found = find(partner_declarations(staff_ids=("C1",)), lambda d: True)
    >>> len(found.duties) == len(Declaration), found.technical_lead
    (True, TechnicalLead(staff='C1', cv=True))
    """
    chosen = frozenset(Declaration) if duties is None else duties
    lead = (
        st.sampled_from(staff_ids).map(lambda s: TechnicalLead(staff=s, cv=True))
        if staff_ids
        else st.none()
    )
    return st.builds(
        PartnerDeclarations,
        duties=st.just(chosen),
        technical_lead=lead,
        team=st.none(),
    )


_IDS = st.from_regex(r"[A-Z][A-Z0-9-]{0,7}", fullmatch=True)


def technical_leads() -> st.SearchStrategy[TechnicalLead]:
    """Technical leads: a pseudonymous staff id, with or without a CV.

    >>> from hypothesis import find
    >>> find(technical_leads(), lambda lead: lead.cv).cv
    True
    """
    return st.builds(TechnicalLead, staff=_IDS, cv=st.booleans())


def programme_teams() -> st.SearchStrategy[ProgrammeTeam]:
    """P.I.P.P.I. teams, with counts and flags recorded or not.

    >>> from hypothesis import find
    >>> find(programme_teams(), lambda team: team.coaches == 2).coaches
    2
    """
    counts = st.none() | st.integers(0, 60)
    return st.builds(
        ProgrammeTeam,
        em_operators=counts,
        coaches=counts,
        support_families=st.lists(_IDS, max_size=5, unique=True).map(tuple),
        facilitators_from_em=st.none() | st.booleans(),
    )


def complete(plan: CoDesignPlan, profile: Any, on: dt.date) -> CoDesignPlan:
    """``plan`` with the declarations, services and qualifications ``profile`` requires on ``on``.

    Figures come from the profile's parameters when it has them (``pippi.cig``,
    ``pippi.implementation.min_em``, ``pippi.services.required``…); a profile
    without them gets declarations only.
    """
    min_em = _param(profile, "pippi.implementation.min_em", on, 4)
    min_coaches = _param(profile, "pippi.implementation.min_coaches", on, 2)
    team = ProgrammeTeam(
        em_operators=int(min_em),
        coaches=int(min_coaches),
        support_families=tuple(f.id for f in plan.families),
        facilitators_from_em=True,
    )
    lead = TechnicalLead(staff=plan.staff[0].id, cv=True) if plan.staff else None
    declarations = PartnerDeclarations(
        duties=frozenset(Declaration),
        technical_lead=lead,
        cig=_param(profile, "pippi.cig", on),
        team=team,
    )
    required = str(_param(profile, "pippi.services.required", on, ""))
    services = tuple(plan.services) + tuple(
        ServiceOffer(service=s.strip())
        for s in required.split(",")
        if s.strip() and not any(o.service == s.strip() for o in plan.services)
    )
    degrees = str(_param(profile, "pippi.staff.educator_degrees", on, ""))
    degree = next((d.strip() for d in degrees.split(",") if d.strip()), None)
    training = _param(profile, "pippi.staff.prior_training", on)
    staff = tuple(
        attrs.evolve(
            member,
            degree=member.degree or degree,
            trainings=(*member.trainings, f"{training} (P.I.P.P.I.)")
            if training
            else member.trainings,
        )
        if member.profession is Profession.EDUCATOR
        else member
        for member in plan.staff
    )
    return attrs.evolve(plan, declarations=declarations, services=services, staff=staff)

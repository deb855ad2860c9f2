"""Continuity of the staff in service today (seed 002, "LE RISORSE UMANE"): information only.

"Per i diversi servizi è prioritario dare continuità agli operatori oggi in
servizio." is a priority, not a requirement: the rule never fails, it tells
the reader which current operators the plan keeps.

A plan lists only its own staff, not today's operators, so "keeps" means: a
staff member recorded as already in service (``StaffMember.in_service``) whom
the plan assigns to at least one service (``ServiceOffer.staff``). In-service
staff listed but assigned to no service are reported apart; operators of today
whom the plan does not list at all cannot be seen.
"""

from __future__ import annotations

from typing import Any

from welfare_ambito.model import CoDesignPlan
from welfare_ambito.rules.definition import Verdict, needs_review, passed, rule
from welfare_ambito.rules.parameters import Parameters

__all__ = ["staff_continuity"]


@rule(
    id="tutela.staff.continuity",
    subject="plan",
    severity="info",
    title={
        "it": "Continuità degli operatori oggi in servizio",
        "en": "Continuity of the staff in service today",
    },
    message={
        "it": (
            "Operatori già in servizio mantenuti: {kept_count} su {staff_count} ({kept}); "
            "nuovi: {new}; in servizio ma non assegnati a un servizio: {unassigned}; "
            "dato non indicato: {not_recorded}."
        ),
        "en": (
            "Staff already in service kept: {kept_count} of {staff_count} ({kept}); "
            "new: {new}; in service but assigned to no service: {unassigned}; "
            "not recorded: {not_recorded}."
        ),
    },
    condition={
        "it": "priorità (non obbligo): dare continuità agli operatori oggi in servizio",
        "en": "a priority (not a requirement): keep the staff in service today",
    },
)
def staff_continuity(plan: CoDesignPlan, p: Parameters) -> Verdict:
    """Which staff already in service the plan keeps in its services (never a failure)."""
    assigned = {staff_id for offer in plan.services for staff_id in offer.staff}
    # Sorted by id: the report must not depend on the order the plan lists its staff in.
    staff = sorted(plan.staff, key=lambda s: s.id)
    kept = tuple(s.id for s in staff if s.in_service is True and s.id in assigned)
    unassigned = tuple(s.id for s in staff if s.in_service is True and s.id not in assigned)
    new = tuple(s.id for s in staff if s.in_service is False)
    not_recorded = tuple(
        f"staff[{index}].in_service"
        for index, s in sorted(enumerate(plan.staff), key=lambda pair: pair[1].id)
        if s.in_service is None
    )
    values: dict[str, Any] = {
        "kept_count": len(kept),
        "staff_count": len(plan.staff),
        "kept": kept or None,
        "new": new or None,
        "unassigned": unassigned or None,
        "not_recorded": not_recorded or None,
    }
    if not_recorded:
        return needs_review(*not_recorded, **values)
    return passed(**values)

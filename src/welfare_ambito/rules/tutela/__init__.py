"""Rules of the Tutela Minori co-design (seed 002), for the ``seregno-tutela-minori-2022`` profile.

Importing this package registers its rules (and the generic ``budget.*`` rules
of :mod:`welfare_ambito.rules.budget`) in :data:`welfare_ambito.rules.REGISTRY`.

Modules: :mod:`.staff` (qualifications and hours), :mod:`.continuity` (staff
kept, information), :mod:`.services` (catalogue, scopes of Comuni,
supervision hours), :mod:`.budget` (the notice's split), :mod:`.duties`
(reporting calendar), :mod:`.partner` (declared duties, experience, art. 330 c.c.
exclusion, CCNL labour cost).
"""

from welfare_ambito.rules import budget as _generic_budget
from welfare_ambito.rules.tutela import budget, continuity, duties, partner, services, staff

__all__ = ["budget", "continuity", "duties", "partner", "services", "staff"]

del _generic_budget

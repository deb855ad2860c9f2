"""Tutela Minori (child protection) co-design: the service catalogue of seed 002.

The rules that check a plan against the notice live in
:mod:`welfare_ambito.rules.tutela` (profile ``seregno-tutela-minori-2022``).

>>> from welfare_ambito.tutela import catalogue
>>> len(catalogue()), catalogue().service("servizi_amministrativi").scope.value
(10, 'administrative')
"""

from welfare_ambito.tutela.services import (
    Caseload,
    CatalogueService,
    LegalReference,
    ServiceCatalogue,
    TerritorialTeam,
    catalogue,
    catalogue_ids,
)

__all__ = [
    "Caseload",
    "CatalogueService",
    "LegalReference",
    "ServiceCatalogue",
    "TerritorialTeam",
    "catalogue",
    "catalogue_ids",
]

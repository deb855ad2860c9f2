"""Testing kit for downstream projects: strategies, property suites, case files, a pytest plugin.

Install with ``pip install "welfare-ambito[testing]"``. ``import welfare_ambito``
never imports this package, and this package imports nothing heavy: pick the
module you need.

* :mod:`welfare_ambito.testing.strategies` — hypothesis strategies for every
  domain object (``families(outcome="eligible")``, ``plans(profile=...)``,
  ``plans(violating="pippi.sedt.weekly_hours")``, ``malformed_documents()``...).
* :mod:`welfare_ambito.testing.suites` — ``AllocatorContract``,
  ``EligibilityScreenContract``, ``PlanRoundTripContract``,
  ``PlanProducerContract`` and the ``check_*`` functions.
* :mod:`welfare_ambito.testing.cases` — TOML case files
  (``welfare-ambito test CASES.welfare.toml``; needs neither hypothesis nor pytest).
* :mod:`welfare_ambito.testing.plugin` — the pytest plugin: fixtures,
  ``--welfare-profile``, collection of ``*.welfare.toml`` files.

Importing a module that needs hypothesis or pytest when it is not installed
raises :class:`MissingTestingExtra` (an :class:`ImportError`) saying to install
``welfare-ambito[testing]``.

See the guide "Use welfare_ambito in your CI" (``docs/testing-in-ci.md``).
"""

from __future__ import annotations

import importlib.util
from typing import cast

from welfare_ambito import i18n
from welfare_ambito.errors import WelfareAmbitoError

__all__ = ["MissingTestingExtra", "require_extra"]

i18n.define(
    "error.testing.missing_extra",
    it="welfare_ambito.testing richiede {package}: installa welfare-ambito[testing]",
    en="welfare_ambito.testing needs {package}: install welfare-ambito[testing]",
)


class MissingTestingExtra(WelfareAmbitoError, ImportError):  # type: ignore[misc]  # path: str
    """A module of the testing kit needs a package that is not installed.

    >>> print(MissingTestingExtra.for_package("hypothesis"))
    welfare_ambito.testing needs hypothesis: install welfare-ambito[testing]
    """

    @classmethod
    def for_package(cls, package: str) -> MissingTestingExtra:
        """The error for the missing ``package``."""
        return cast(MissingTestingExtra, cls.of("testing.missing_extra", package=package))


def require_extra(*packages: str) -> None:
    """Raise :class:`MissingTestingExtra` unless every one of ``packages`` can be imported.

    >>> require_extra("attrs")
    """
    for package in packages:
        try:
            found = importlib.util.find_spec(package) is not None
        except (ImportError, ValueError):  # a package blocked or half-removed
            found = False
        if not found:
            raise MissingTestingExtra.for_package(package)

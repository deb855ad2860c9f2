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

See the guide "Use welfare_ambito in your CI" (``docs/testing-in-ci.md``).
"""

__all__: list[str] = []

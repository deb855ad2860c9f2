"""Testing kit for downstream projects: hypothesis strategies, property suites, a pytest plugin.

Needs the ``testing`` extra (``pip install welfare-ambito[testing]``); ``import
welfare_ambito`` never imports this package.
"""

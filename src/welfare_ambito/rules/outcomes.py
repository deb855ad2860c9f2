"""Outcomes of a rule and severities of a finding."""

from __future__ import annotations

import enum

__all__ = ["Outcome", "Severity"]


class Outcome(enum.StrEnum):
    """What a rule concluded about one subject.

    >>> Outcome("fail") is Outcome.FAIL
    True
    """

    PASS = "pass"
    """The subject satisfies the rule (possibly through a derogation)."""
    FAIL = "fail"
    """The subject does not satisfy the rule."""
    NOT_APPLICABLE = "not_applicable"
    """The rule does not concern this subject."""
    NEEDS_REVIEW = "needs_review"
    """A person must decide: the notice leaves it to judgement, or inputs are missing."""


class Severity(enum.StrEnum):
    """How much a failure matters: an ``error`` makes a report not ``ok``.

    >>> Severity("warning") is Severity.WARNING
    True
    >>> [severity.value for severity in Severity]
    ['error', 'warning', 'info']
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

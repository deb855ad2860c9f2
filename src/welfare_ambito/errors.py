"""The error hierarchy of welfare_ambito.

Every error a user can cause is a :class:`WelfareAmbitoError`, mixed with the
builtin it resembles, so callers may catch either:

* :class:`InvalidValue` (also a :class:`ValueError`): one bad value, with the
  path of the field, a stable ``code`` and a message in English and Italian;
* :class:`InvalidInput` (also a :class:`ValueError`): a whole document that did
  not load, carrying *every* problem in ``errors``;
* :class:`IncompatibleTypes` (also a :class:`TypeError`): e.g. adding a float
  to :class:`~welfare_ambito.Money`;
* :class:`NotFound` (also a :class:`LookupError`): an unknown Comune, profile,
  rule or parameter.

Messages never contain personal data: people are pseudonymous ids and birth
dates never appear.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from welfare_ambito import _messages

__all__ = [
    "ErrorDetail",
    "IncompatibleTypes",
    "InvalidInput",
    "InvalidValue",
    "NotFound",
    "WelfareAmbitoError",
]


class WelfareAmbitoError(Exception):
    """Root of every error welfare_ambito raises on purpose.

    ``path`` locates the bad field (``""`` for the document itself), ``code``
    is a stable identifier, ``message`` is English and ``message_it`` Italian.

    >>> error = WelfareAmbitoError(
    ...     "a weight cannot be negative", code="budget.negative_weight",
    ...     message_it="un peso non può essere negativo", path="weights.Meda",
    ... )
    >>> str(error), error.code
    ('weights.Meda: a weight cannot be negative', 'budget.negative_weight')
    >>> error.text("it")
    'un peso non può essere negativo'
    """

    def __init__(
        self,
        message: str,
        *,
        code: str = "error",
        path: str = "",
        message_it: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.message_it = message_it if message_it is not None else message
        self.code = code
        self.path = path
        self.params: dict[str, Any] = dict(params or {})

    @classmethod
    def of(cls, code: str, *, path: str = "", **params: Any) -> WelfareAmbitoError:
        """Build the error from the bilingual template ``code``."""
        return cls(
            _messages.render(code, "en", **params),
            code=code,
            path=path,
            message_it=_messages.render(code, "it", **params),
            params=params,
        )

    def text(self, lang: str = "it") -> str:
        """The message in ``lang`` (``"it"`` or ``"en"``)."""
        return self.message_it if lang == "it" else self.message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InvalidValue(WelfareAmbitoError, ValueError):
    """One value is not acceptable: raised by constructors and validators.

    >>> from welfare_ambito import Money
    >>> Money(0.1)
    Traceback (most recent call last):
    ...
    welfare_ambito.errors.InvalidValue: a float cannot hold euros exactly; ...
    """


class IncompatibleTypes(WelfareAmbitoError, TypeError):
    """Two values cannot be combined, e.g. ``Money + float``.

    >>> from welfare_ambito import Money
    >>> try:
    ...     Money("211500.00") + 0.5
    ... except IncompatibleTypes as exc:
    ...     print(isinstance(exc, TypeError), exc)
    True cannot add Money and float; wrap the amount in Money()
    """


class NotFound(WelfareAmbitoError, LookupError):
    """A name (Comune, profile, rule, parameter) is not known.

    >>> from welfare_ambito import data
    >>> try:
    ...     data.ambito("Seregno")
    ... except NotFound as exc:
    ...     print(isinstance(exc, LookupError), exc)
    True no embedded Ambito 'Seregno'; did you mean 'seregno'?
    """


@attrs.frozen
class ErrorDetail:
    """One problem of a document: where it is and what is wrong.

    ``path`` looks like ``families[2].children[0].birth_date``.

    >>> from welfare_ambito.periods import parse_date
    >>> try:
    ...     parse_date("31/02/2021")
    ... except InvalidValue as exc:
    ...     detail = ErrorDetail.from_error(exc, "families[2].children[0].birth_date")
    >>> print(detail)
    families[2].children[0].birth_date: not a day of the calendar (check day and month)
    >>> detail.code, detail.text("it")
    ('date', 'non è un giorno del calendario (controlla giorno e mese)')
    """

    path: str
    code: str
    message: str
    message_it: str

    def text(self, lang: str = "it") -> str:
        """The message in ``lang`` (``"it"`` or ``"en"``)."""
        return self.message_it if lang == "it" else self.message

    def __str__(self) -> str:
        return f"{self.path or '$'}: {self.message}"

    @classmethod
    def from_error(cls, error: WelfareAmbitoError, path: str) -> ErrorDetail:
        """Turn ``error`` into a detail located at ``path``."""
        return cls(path=path, code=error.code, message=error.message, message_it=error.message_it)


class InvalidInput(WelfareAmbitoError, ValueError):
    """A document did not load; ``errors`` lists *every* problem with its path.

    >>> import welfare_ambito
    >>> try:
    ...     welfare_ambito.load({"id": "p", "programme": "pippi", "colour": 1})
    ... except welfare_ambito.InvalidInput as exc:
    ...     print(sorted(e.path for e in exc.errors))
    ['ambito', 'colour', 'partner']
    """

    def __init__(self, errors: Iterable[ErrorDetail]) -> None:
        self.errors: tuple[ErrorDetail, ...] = tuple(errors)
        lines = [str(e) for e in self.errors]
        lines_it = [f"{e.path or '$'}: {e.message_it}" for e in self.errors]
        count = len(self.errors)
        super().__init__(
            f"{count} problem(s) in the input:\n  " + "\n  ".join(lines),
            code="invalid_input",
            message_it=f"{count} problema/i nei dati:\n  " + "\n  ".join(lines_it),
        )

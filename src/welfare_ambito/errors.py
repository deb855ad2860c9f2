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
from decimal import Decimal
from typing import Any

import attrs

from welfare_ambito import _messages, i18n

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
        """Build the error from the bilingual template ``code``.

        ``code`` names a template of the catalogue (``error.<code>``, see
        :mod:`welfare_ambito.i18n`); a module defines its own next to the code that
        raises them. Building the message never fails, whatever the values: a number
        too long to print is named by its size.

        >>> print(InvalidValue.of("negative", value=-(10**5000)))
        must not be negative, got a number of about 5001 digits
        """
        if not _messages.known(code):
            raise KeyError(f"no message template for error code {code!r}")
        try:
            english = _messages.render(code, "en", **_printable(params, "en"))
            italian = _messages.render(code, "it", **_printable(params, "it"))
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            english = italian = code
        return cls(english, code=code, path=path, message_it=italian, params=params)

    def text(self, lang: str = "it") -> str:
        """The message in ``lang`` (``"it"`` or ``"en"``)."""
        return self.message_it if lang == "it" else self.message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class _Shortened:
    """A stand-in for a value too long to print in a message."""

    def __init__(self, english: str) -> None:
        self.english = english

    def __format__(self, spec: str) -> str:
        return self.english

    def __str__(self) -> str:
        return self.english

    __repr__ = __str__


_LONGEST_TEXT = 200


def _printable(params: dict[str, Any], lang: str) -> dict[str, Any]:
    return {key: _shorten(value, lang) for key, value in params.items()}


def _shorten(value: Any, lang: str) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 3000:
        # str() of an int over 4300 digits raises; the bit length gives the size anyway.
        size = int(value.bit_length() * 0.30103) + 1
        return _Shortened(
            f"un numero di circa {size} cifre"
            if lang == "it"
            else f"a number of about {size} digits"
        )
    if isinstance(value, str | Decimal) and len(str(value)) > _LONGEST_TEXT:
        text = str(value)
        more = f"{len(text)} caratteri" if lang == "it" else f"{len(text)} characters"
        return _Shortened(repr(text[:_LONGEST_TEXT]) + f"… ({more})")
    return value


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

    ``path`` looks like ``families[2].children[0].birth_date``; a date's message
    never repeats the value, which may be a date of birth.

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
            f"{i18n.message('unit.problems', 'en', count=count)} in the input:\n  "
            + "\n  ".join(lines),
            code="invalid_input",
            message_it=f"{i18n.message('unit.problems', 'it', count=count)} nei dati:\n  "
            + "\n  ".join(lines_it),
        )

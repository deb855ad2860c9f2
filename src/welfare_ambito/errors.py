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

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Self

import attrs

from welfare_ambito import _messages, i18n
from welfare_ambito._lang import Lang, is_lang

__all__ = [
    "ErrorDetail",
    "IncompatibleTypes",
    "InvalidInput",
    "InvalidValue",
    "NotFound",
    "Phrase",
    "WelfareAmbitoError",
]

i18n.define(
    "errors.long_number",
    it="un numero di circa {digits} cifre",
    en="a number of about {digits} digits",
)
i18n.define(
    "errors.invalid_input",
    it={"one": "1 problema nei dati:", "other": "{count} problemi nei dati:"},
    en={"one": "1 problem in the input:", "other": "{count} problems in the input:"},
)
i18n.define("errors.number", it="{value}", en="{value}")
i18n.define(
    "unit.characters",
    it={"one": "1 carattere", "other": "{count} caratteri"},
    en={"one": "1 character", "other": "{count} characters"},
)


@attrs.frozen
class Phrase:
    """A catalogue message quoted inside an error message, written in that message's language.

    A parameter of :meth:`WelfareAmbitoError.of` that is a ``Phrase`` is rendered with
    the catalogue message ``key`` in each language: a word that differs per language
    (``colonna`` / ``column``) stays one parameter of one template.

    >>> i18n.define("example.column", it="colonna", en="column")
    >>> i18n.define("error.example.missing", it="{what} {key!r} assente", en="{what} {key!r} absent")
    >>> error = InvalidValue.of("example.missing", what=Phrase("example.column"), key="n")
    >>> error.text("it"), error.text("en")
    ("colonna 'n' assente", "column 'n' absent")
    """

    key: str = attrs.field()
    params: dict[str, Any] = attrs.field(factory=dict)

    @key.validator
    def _known(self, attribute: attrs.Attribute[str], key: str) -> None:
        # An unknown key would only show when the message is built, as the bare error code
        # (building a message never fails): refuse it where the phrase is made instead.
        if not i18n.known(key):
            raise KeyError(f"no catalogue message {key!r} for a phrase")

    def display(self, lang: str = "it") -> str:
        """The phrase in ``lang`` (English for any other), numbers written as ``lang`` writes them.

        >>> i18n.define("example.size", it="più di {size} byte", en="over {size} bytes")
        >>> Phrase("example.size", {"size": 10_000}).display("it")
        'più di 10.000 byte'
        """
        code: Lang = lang if is_lang(lang) else "en"
        params = {name: _in_words(value, name, code) for name, value in self.params.items()}
        return i18n.message(self.key, code, **params)

    def __str__(self) -> str:
        return self.display("en")

    @classmethod
    def number(cls, value: int | Decimal) -> Phrase:
        """``value`` written as each language writes it: one parameter, grouped per language.

        >>> limit = Phrase.number(131_072)
        >>> limit.display("it"), limit.display("en")
        ('131.072', '131,072')
        """
        return cls("errors.number", {"value": value})


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
        too long to print is named by its size. A day is written as each language
        writes it (``01/06/2023`` / ``2023-06-01``); a :class:`Phrase` in the
        language of the message.

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

    @classmethod
    def from_detail(cls, detail: ErrorDetail) -> Self:
        """The error ``detail`` describes, located at its path: the inverse of
        :meth:`ErrorDetail.from_error`.

        Code, messages and params are the detail's; nothing is written again, so an
        error moved to another path (a prefix added, or a detail raised once more)
        stays the error its catalogue template made.

        >>> detail = ErrorDetail.from_error(InvalidValue.of("empty"), "families[0].id")
        >>> error = InvalidValue.from_detail(detail)
        >>> print(error)
        families[0].id: must not be empty
        >>> error.code, error.text("it")
        ('empty', 'non può essere vuoto')
        """
        return cls(
            detail.message,
            code=detail.code,
            path=detail.path,
            message_it=detail.message_it,
            params=dict(detail.params),
        )

    def text(self, lang: str = "it") -> str:
        """The message in ``lang`` (``"it"`` or ``"en"``)."""
        return self.message_it if lang == "it" else self.message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def _in_words(value: Any, name: str, lang: Lang) -> Any:
    """A phrase's parameter as ``lang`` writes it: numbers grouped, phrases in ``lang``."""
    if isinstance(value, Phrase):
        return value.display(lang)
    if isinstance(value, int | Decimal) and not isinstance(value, bool) and name != "count":
        return i18n.number(value, lang)
    return value


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
    code = lang if is_lang(lang) else "en"
    if isinstance(value, Phrase):
        return _Shortened(value.display(code))
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return _Shortened(i18n.date(value, code))
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 3000:
        # str() of an int over 4300 digits raises; the bit length gives the size anyway.
        size = int(value.bit_length() * 0.30103) + 1
        return _Shortened(i18n.message("errors.long_number", code, digits=size))
    if isinstance(value, str | Decimal) and len(str(value)) > _LONGEST_TEXT:
        text = str(value)
        more = i18n.message("unit.characters", code, count=len(text))
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
    params: Mapping[str, object] = attrs.field(factory=dict, eq=False, repr=False)
    """The values the message was built from (:attr:`WelfareAmbitoError.params`)."""

    def text(self, lang: str = "it") -> str:
        """The message in ``lang`` (``"it"`` or ``"en"``)."""
        return self.message_it if lang == "it" else self.message

    def __str__(self) -> str:
        return f"{self.path or '$'}: {self.message}"

    @classmethod
    def from_error(cls, error: WelfareAmbitoError, path: str) -> ErrorDetail:
        """Turn ``error`` into a detail located at ``path`` (its params kept)."""
        return cls(
            path=path,
            code=error.code,
            message=error.message,
            message_it=error.message_it,
            params=dict(error.params),
        )


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
            i18n.message("errors.invalid_input", "en", count=count) + "\n  " + "\n  ".join(lines),
            code="invalid_input",
            message_it=i18n.message("errors.invalid_input", "it", count=count)
            + "\n  "
            + "\n  ".join(lines_it),
        )

"""Money: euros as :class:`~decimal.Decimal`, exact to the cent."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final, SupportsIndex

from welfare_ambito import i18n
from welfare_ambito.errors import IncompatibleTypes, InvalidValue
from welfare_ambito.parsing import MAX_INTEGER_DIGITS, read_amount

__all__ = ["ROUND_HALF_EVEN", "ROUND_HALF_UP", "Money", "format_euro"]

_CENT: Final = Decimal("0.01")

for _operation, _verb in (
    ("add", "sommare"),
    ("subtract", "sottrarre"),
    ("divide", "dividere"),
    ("compare", "confrontare"),
):
    i18n.define(
        f"error.money.{_operation}",
        it=f"impossibile {_verb} Money e {{actual}}; usa Money() per l'importo",
        en=f"cannot {_operation} Money and {{actual}}; wrap the amount in Money()",
    )
i18n.define(
    "error.money.multiply",
    it="Money si moltiplica per un intero o un Decimal, non {actual}",
    en="Money can be multiplied by an int or a Decimal, not {actual}",
)
i18n.define(
    "error.money.factor",
    it="il fattore deve essere intero o Decimal, non {actual}",
    en="factor must be an int or a Decimal, not {actual}",
)


def _as_decimal(value: object, *, path: str = "", rounding: str | None = None) -> Decimal:
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, Decimal) and value.is_finite() and value.adjusted() < MAX_INTEGER_DIGITS:
        return value  # any number of decimals: quantizing to the cent refuses or rounds them
    # With a rounding, three decimals are meaningful, so "1.005" is ambiguous.
    return read_amount(value, path=path, ambiguous_dot=rounding is not None)


class Money:
    """An amount in euros, exact to the cent.

    Built from ``str`` (read by :func:`welfare_ambito.parsing.read_amount`: the
    machine form ``"1500.25"`` or the Italian ``"1.500,25"``), ``int`` (numpy
    integers too) or ``Decimal``. A ``float``, NaN, infinity or more than two
    decimals is rejected unless ``rounding`` (a :mod:`decimal` rounding mode
    such as ``ROUND_HALF_UP``) says how to round; with a rounding, text such as
    ``"1.005"`` (a thousand and five, or one and a half cent?) is refused.

    >>> Money("35600") + Money("0.50")
    Money('35600.50')
    >>> str(Money("35600"))
    '€ 35.600,00'
    >>> sum([Money(1), Money(2)])
    Money('3.00')
    >>> Money("1.000"), Money("1.000,50")
    (Money('1000.00'), Money('1000.50'))
    >>> Money("1.0050", rounding=ROUND_HALF_UP)
    Money('1.01')
    >>> f"{Money('35600'):.2f} | {Money('35600')}"
    '35600.00 | € 35.600,00'
    """

    __slots__ = ("_amount",)
    _amount: Decimal

    def __init__(
        self,
        amount: str | int | Decimal | SupportsIndex | Money = 0,
        *,
        rounding: str | None = None,
    ) -> None:
        number = _as_decimal(amount, rounding=rounding)
        try:
            quantized = number.quantize(_CENT, rounding=rounding or ROUND_HALF_EVEN)
        except InvalidOperation:  # more digits than the decimal context holds
            raise InvalidValue.of("money_not_finite", value=str(number)) from None
        if rounding is None and quantized != number:
            raise InvalidValue.of("money_precision", value=str(number))
        object.__setattr__(self, "_amount", quantized + Decimal("0.00"))

    # -- construction ---------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> Money:
        """Read an amount as the seeds and Italian spreadsheets write it.

        Accepts an optional ``€``/``EUR`` before or after, Italian grouping
        (``"35.600,00"``, ``"211.500"``), a plain decimal point
        (``"35600.00"``) and ``"-"`` for zero, as published tables use: the
        grammar of :mod:`welfare_ambito.parsing`, the same as ``Money(text)``.

        >>> Money.parse("€ 35.600,00")
        Money('35600.00')
        >>> Money.parse("211.500")
        Money('211500.00')
        >>> Money.parse("35600.00")
        Money('35600.00')
        """
        if not isinstance(text, str):
            raise InvalidValue.of("type", expected="str", actual=type(text).__name__)
        return cls(read_amount(text, dash_zero=True))

    @classmethod
    def from_cents(cls, cents: int) -> Money:
        """The amount of ``cents`` euro cents."""
        if isinstance(cents, bool) or not isinstance(cents, int):
            raise InvalidValue.of("type", expected="int", actual=type(cents).__name__)
        return cls(Decimal(cents).scaleb(-2))

    @classmethod
    def zero(cls) -> Money:
        """€ 0,00."""
        return cls(0)

    # -- access -----------------------------------------------------------------
    @property
    def amount(self) -> Decimal:
        """The amount as a :class:`~decimal.Decimal` with two decimals."""
        return self._amount

    @property
    def cents(self) -> int:
        """The amount in cents."""
        return int(self._amount.scaleb(2))

    def is_zero(self) -> bool:
        """Whether the amount is zero."""
        return not self._amount

    # -- arithmetic -------------------------------------------------------------
    def _other(self, other: object, operation: str) -> Money:
        if isinstance(other, Money):
            return other
        error = IncompatibleTypes.of(f"money.{operation}", actual=type(other).__name__)
        error.code = "incompatible"
        raise error

    def __add__(self, other: object) -> Money:
        return Money(self._amount + self._other(other, "add").amount)

    def __radd__(self, other: object) -> Money:
        # sum() starts from the int 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return self._other(other, "add") + self

    def __sub__(self, other: object) -> Money:
        return Money(self._amount - self._other(other, "subtract").amount)

    def __neg__(self) -> Money:
        return Money(-self._amount)

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        return Money(abs(self._amount))

    def __mul__(self, factor: object) -> Money:
        if isinstance(factor, int) and not isinstance(factor, bool):
            return Money(self._amount * factor)
        if isinstance(factor, Decimal):
            return Money(self._amount * factor)  # exact or an error asking for rounding
        error = IncompatibleTypes.of("money.multiply", actual=type(factor).__name__)
        error.code = "incompatible"
        raise error

    __rmul__ = __mul__

    def times(self, factor: int | Decimal, *, rounding: str) -> Money:
        """Multiply by ``factor`` and round to the cent with ``rounding``.

        >>> Money("10.00").times(Decimal("0.333"), rounding=ROUND_HALF_UP)
        Money('3.33')
        """
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal):
            error = IncompatibleTypes.of("money.factor", actual=type(factor).__name__)
            error.code = "incompatible"
            raise error
        return Money(self._amount * factor, rounding=rounding)

    def ratio(self, other: Money) -> Decimal:
        """``self / other`` as an exact-as-possible :class:`Decimal` (e.g. a share)."""
        return self._amount / self._other(other, "divide").amount

    # -- comparison -------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self._amount == other._amount
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("Money", self._amount))

    def __lt__(self, other: object) -> bool:
        return self._amount < self._other(other, "compare").amount

    def __le__(self, other: object) -> bool:
        return self._amount <= self._other(other, "compare").amount

    def __gt__(self, other: object) -> bool:
        return self._amount > self._other(other, "compare").amount

    def __ge__(self, other: object) -> bool:
        return self._amount >= self._other(other, "compare").amount

    def __bool__(self) -> bool:
        return bool(self._amount)

    # -- immutability and text ----------------------------------------------------
    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Money is immutable")

    def __reduce__(self) -> tuple[type[Money], tuple[str]]:
        return (Money, (str(self._amount),))

    def __copy__(self) -> Money:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Money:
        return self

    def __repr__(self) -> str:
        return f"Money('{self._amount}')"

    def __str__(self) -> str:
        return format_euro(self)

    def __format__(self, spec: str) -> str:
        # A numeric presentation (".2f", ",.2f", "e", "%") formats the Decimal amount;
        # anything else (width, alignment) formats the Italian text.
        if spec and spec[-1] in "eEfFgGn%":
            return format(self._amount, spec)
        return format(str(self), spec) if spec else str(self)

    def __round__(self, ndigits: SupportsIndex | None = None) -> Money:
        return self


def format_euro(money: Money, *, symbol: bool = True) -> str:
    """Italian form of ``money``: ``€ 35.600,00`` (``-€ 1,50`` when negative).

    >>> format_euro(Money("1234567.8"))
    '€ 1.234.567,80'
    >>> format_euro(Money("-1.5"), symbol=False)
    '-1,50'
    """
    amount = money.amount
    sign = "-" if amount < 0 else ""
    integer, _, decimals = f"{abs(amount):.2f}".partition(".")
    groups = f"{int(integer):,}".replace(",", ".")
    body = f"{groups},{decimals}"
    return f"{sign}€ {body}" if symbol else f"{sign}{body}"

"""What a cell holds, one small function per kind of value.

Each reader takes the raw cell (text from CSV, a number/date/bool from XLSX or
pandas) and returns the value, ``None`` for a blank, or raises :class:`CellProblem`
saying what to write. Numbers and dates go through :mod:`welfare_ambito.parsing`,
the one grammar of every door; a spreadsheet's binary float is read by its
shortest decimal form (an amount only when it is exact to the cent).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from welfare_ambito import i18n, parsing
from welfare_ambito.errors import InvalidValue, WelfareAmbitoError
from welfare_ambito.money import Money

__all__ = [
    "CellProblem",
    "is_blank",
    "normalise",
    "read_bool",
    "read_choice",
    "read_choices",
    "read_date",
    "read_decimal",
    "read_int",
    "read_money",
    "read_text",
]

_BLANKS = frozenset({"", "-", "n.d", "nd", "n/d", "non rilevato", "non rilevata", "?", "na", "n/a"})
_TRUE = frozenset({"si", "sì", "s", "yes", "y", "true", "vero", "x", "1"})
_FALSE = frozenset({"no", "n", "false", "falso", "0"})


i18n.define(
    "error.tables.date_not_text",
    it="una data dove serve un testo",
    en="a date where text is expected",
)
i18n.define(
    "error.tables.bool",
    it="scrivi sì o no (o lascia vuoto se non rilevato)",
    en="write sì or no (or leave blank if not recorded)",
)
i18n.define(
    "error.tables.date",
    it="non è una data: scrivi gg/mm/aaaa (es. 31/01/2016)",
    en="not a date: write dd/mm/yyyy (e.g. 31/01/2016)",
)
i18n.define(
    "error.tables.number",
    it="non è un numero: scrivilo come 1500 o 1.500,5",
    en="not a number: write it as 1500 or 1.500,5",
)
i18n.define("error.tables.integer", it="scrivi un numero intero", en="write a whole number")
i18n.define(
    "error.tables.amount",
    it="non è un importo in euro al centesimo: scrivilo come 35.600,00",
    en="not an amount in euros to the cent: write it as 35.600,00",
)
i18n.define(
    "error.tables.choice",
    it="{value!r} non è tra: {shown}",
    en="{value!r} is not one of: {shown}",
)
i18n.define(
    "error.tables.uncomputed_formula",
    it="una formula senza valore calcolato: apri e salva il file con Excel o LibreOffice, "
    "oppure scrivi il valore",
    en="a formula without a computed value: open and save the file in Excel or LibreOffice, "
    "or write the value",
)


class CellProblem(Exception):
    """A cell that cannot be read: the catalogue's ``error.<code>`` says what to write.

    >>> problem = CellProblem("tables.integer")
    >>> problem.code, problem.text("it"), problem.text("en")
    ('tables.integer', 'scrivi un numero intero', 'write a whole number')
    """

    def __init__(self, code: str, /, **params: Any) -> None:
        error = InvalidValue.of(code, **params)
        super().__init__(error.message)
        self.code = code
        self.message = error.message
        self.message_it = error.message_it

    @classmethod
    def from_error(cls, error: WelfareAmbitoError, code: str) -> CellProblem:
        """The problem ``error`` describes (its texts), under ``code``."""
        problem = cls.__new__(cls)
        Exception.__init__(problem, error.message)
        problem.code = code
        problem.message = error.message
        problem.message_it = error.message_it
        return problem

    def text(self, lang: str = "it") -> str:
        """What to write, in ``lang``."""
        return {"it": self.message_it}.get(lang, self.message)


@functools.lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower case, accents off, spaces collapsed: how headers and labels are compared.

    >>> normalise("  Data di  Nascita "), normalise("Fragilità"), normalise("SÌ")
    ('data di nascita', 'fragilita', 'si')
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(plain.replace("_", " ").replace("\u00a0", " ").split()).strip(" :.")


def is_blank(cell: object) -> bool:
    """A cell that records nothing: empty, ``-``, ``n.d.``, ``non rilevato``.

    >>> is_blank(""), is_blank(" n.d. "), is_blank(None), is_blank("no")
    (True, True, True, False)
    """
    if isinstance(cell, str):
        if len(cell) > 16:  # every blank word is short: skip normalising ids and long text
            return not cell.strip()
        return not cell or normalise(cell) in _BLANKS
    if cell is None:
        return True
    if isinstance(cell, float) and cell != cell:  # NaN from pandas
        return True
    return type(cell).__name__ in ("NaTType", "NAType")


def read_text(cell: object) -> str | None:
    """The cell as text (numbers from a spreadsheet written without ``.0``)."""
    if is_blank(cell):
        return None
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.date | dt.datetime):
        raise CellProblem("tables.date_not_text")
    return str(cell).strip()


def read_bool(cell: object) -> bool | None:
    """sì/no, yes/no, vero/falso, x, 1/0; blank is ``None`` (not recorded).

    >>> read_bool("Sì"), read_bool("no"), read_bool(""), read_bool(True)
    (True, False, None, True)
    """
    if is_blank(cell):
        return None
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, int | float) and cell in (0, 1):
        return bool(cell)
    word = normalise(str(cell))
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise CellProblem("tables.bool")


def read_date(cell: object) -> dt.date | None:
    """A date cell: a spreadsheet date, ``dd/mm/yyyy`` or ``yyyy-mm-dd``. The value is never echoed.

    >>> read_date("03/09/2012"), read_date("2012-09-03"), read_date(dt.datetime(2012, 9, 3))
    (datetime.date(2012, 9, 3), datetime.date(2012, 9, 3), datetime.date(2012, 9, 3))
    """
    if is_blank(cell):
        return None
    if isinstance(cell, dt.datetime):
        if cell.time() != dt.time(0):
            raise _not_a_date()
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if hasattr(cell, "to_pydatetime"):  # pandas.Timestamp
        return read_date(cell.to_pydatetime())
    if isinstance(cell, str):
        try:
            return parsing.read_date(cell)
        except InvalidValue:
            raise _not_a_date() from None
    raise _not_a_date()


def _not_a_date() -> CellProblem:
    return CellProblem("tables.date")


def read_decimal(cell: object) -> Decimal | None:
    """A number (hours, years): Italian ``1.500,5`` or plain ``1500.5``; floats only if exact.

    >>> read_decimal("1.500,5"), read_decimal(8), read_decimal(7.5), read_decimal("12")
    (Decimal('1500.5'), Decimal('8'), Decimal('7.5'), Decimal('12'))
    >>> read_decimal("1.500")
    Traceback (most recent call last):
    ...
    welfare_ambito.tables._cells.CellProblem: '1.500' could be 1500 or 1.5: write 1500 (or 1.500,0) for 1500, 1.5 (or 1,5) for 1.5
    """
    if is_blank(cell):
        return None
    if isinstance(cell, bool):
        raise _not_a_number()
    try:
        return parsing.read_decimal(
            cell.strip() if isinstance(cell, str) else cell, floats="shortest"
        )
    except InvalidValue as error:
        code = "tables.ambiguous_number" if error.code == "number_ambiguous" else "tables.number"
        raise CellProblem.from_error(error, code) from None


def _not_a_number() -> CellProblem:
    return CellProblem("tables.number")


def read_int(cell: object) -> int | None:
    """A whole number (meetings, years).

    >>> read_int("8"), read_int(8.0)
    (8, 8)
    """
    number = read_decimal(cell)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellProblem("tables.integer")
    return int(number)


def read_money(cell: object) -> Money | None:
    """An amount in euros: ``€ 35.600,00``, ``35600``, a spreadsheet number to the cent.

    >>> read_money("€ 35.600,00"), read_money(24.5), read_money(1500)
    (Money('35600.00'), Money('24.50'), Money('1500.00'))
    """
    if is_blank(cell):
        return None
    if isinstance(cell, bool):
        raise _not_an_amount()
    try:
        if isinstance(cell, str):
            return Money.parse(cell.strip())
        if isinstance(cell, float):
            exact = Decimal(repr(cell))
            rounded = exact.quantize(Decimal("0.01"))
            if exact != rounded:
                raise _not_an_amount()
            return Money(rounded)
        if isinstance(cell, int | Decimal):
            return Money(cell)
    except (InvalidValue, ArithmeticError, ValueError):
        raise _not_an_amount() from None
    raise _not_an_amount()


def _not_an_amount() -> CellProblem:
    return CellProblem("tables.amount")


def read_choice(cell: object, labels: Mapping[str, Any], shown: str) -> Any:
    """The value a label stands for (labels keyed by :func:`normalise`); ``shown`` lists them."""
    if is_blank(cell):
        return None
    word = normalise(str(cell))
    if word in labels:
        return labels[word]
    raise CellProblem("tables.choice", value=str(cell)[:40], shown=shown)


def read_choices(cell: object, labels: Mapping[str, Any], shown: str) -> frozenset[Any] | None:
    """Several labels in one cell, separated by ``,`` ``;`` ``|`` or new lines."""
    if is_blank(cell):
        return frozenset()
    parts = [p for p in re.split(r"[,;|\n]", str(cell)) if p.strip()]
    return frozenset(read_choice(p, labels, shown) for p in parts)

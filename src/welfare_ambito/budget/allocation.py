"""Split an amount among recipients, exact to the cent, and say how each share was found.

All arithmetic is on integer cents and exact fractions: the shares always add up
to the total. Methods:

``largest_remainder`` (default, Hamilton)
    Each recipient first gets its exact quota rounded down to the cent; the cents
    left over go, one each, to the largest remainders. Every share is within one
    cent of its exact quota.
``webster`` (Sainte-Laguë, a divisor method)
    Cents go one at a time to the recipient with the highest ``weight / (cents + ½)``.
    It is *house-monotone*: when the total grows, no share shrinks.
``equal``
    Everyone weighs the same (largest remainder on equal weights).
``fixed``
    The amounts are given (the notice's split); they are only checked: they must
    add up to the total and respect the bounds.

Ties are broken the same way every time, whatever the order of the input:
a larger remainder (or priority) first, then — for ``largest_remainder`` — a larger
weight, then the recipient's name in alphabetical (code-point) order.

``minimum`` and ``maximum`` bound the shares (one amount for everyone, or a
mapping per recipient). The exact quota then becomes the *bounded* quota: the
proportional share, with the recipients below their minimum raised to it and
those above their maximum cut to it, the others scaled so the total still holds.
Zero-weight recipients receive their minimum (zero without one).

>>> a = allocate("100", {"Meda": 1, "Seveso": 2})
>>> a["Meda"], a["Seveso"]
(Money('33.33'), Money('66.67'))
>>> sum(a.values())
Money('100.00')
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from typing import Any, Final, Literal, cast

import attrs

from welfare_ambito import i18n
from welfare_ambito._ambiti import embedded_ambito
from welfare_ambito._lang import DEFAULT_LANG, Lang
from welfare_ambito.budget._common import (
    Amount,
    cents_of,
    decimal_of,
    euro_text,
    fraction_text,
    lang_of,
    number_of,
    number_text,
    records_frame,
    word,
)
from welfare_ambito.budget._html import html_table, text_table
from welfare_ambito.errors import InvalidValue, NotFound
from welfare_ambito.model.territory import Ambito
from welfare_ambito.money import Money
from welfare_ambito.parsing import MAX_INTEGER_DIGITS

__all__ = ["METHODS", "Allocation", "Method", "Share", "allocate"]

Method = Literal["largest_remainder", "webster", "equal", "fixed"]
METHODS: Final[tuple[str, ...]] = ("largest_remainder", "webster", "equal", "fixed")
"""The allocation methods :func:`allocate` accepts, the default first.

>>> METHODS[0], "webster" in METHODS
('largest_remainder', True)
"""

Bound = Amount | Mapping[str, Amount] | None

for _msg, _it, _en in (
    (
        "budget.share.explain",
        "{recipient}: peso {weight}, quota esatta € {quota}, assegnati {amount} "
        "(arrotondamento {rounding})",
        "{recipient}: weight {weight}, exact quota € {quota}, assigned {amount} "
        "(rounding {rounding})",
    ),
    ("budget.share.bound", "; quota fissata dal {bound}", "; quota set by the {bound}"),
    (
        "budget.allocation.explain",
        "Ripartizione di {total} con il metodo {method}:",
        "Split of {total} by the {method} method:",
    ),
    (
        "error.budget.unknown_recipient",
        "{name!r} non è tra i destinatari",
        "{name!r} is not one of the recipients",
    ),
    (
        "error.budget.duplicate_recipient",
        "un destinatario compare due volte",
        "a recipient is listed twice",
    ),
    (
        "error.budget.weights_type",
        "i pesi devono essere una mappa destinatario -> peso (o, per 'equal', un elenco di nomi)",
        "weights must be a mapping recipient -> weight (or, for 'equal', a list of names)",
    ),
    (
        "error.budget.recipient_type",
        "i nomi dei destinatari devono essere testo non vuoto, trovato {actual}",
        "recipient names must be non-empty text, got {actual}",
    ),
    (
        "error.budget.no_recipients",
        "non ci sono destinatari tra cui ripartire",
        "there is no recipient to split among",
    ),
    (
        "error.budget.negative_weight",
        "il peso di {name!r} è negativo ({value}); i pesi sono utenze, popolazioni o altri "
        "numeri non negativi",
        "the weight of {name!r} is negative ({value}); weights are caseloads, populations or "
        "other non-negative numbers",
    ),
    (
        "error.budget.negative_bound",
        "un limite non può essere negativo ({amount})",
        "a bound cannot be negative ({amount})",
    ),
    (
        "error.budget.negative_amount",
        "l'importo di {name!r} è negativo ({amount})",
        "the amount of {name!r} is negative ({amount})",
    ),
    (
        "error.budget.fixed_sum",
        "gli importi indicati sommano {computed}, non il totale {stated} (differenza {difference})",
        "the given amounts add up to {computed}, not to the total {stated} (difference {difference})",
    ),
    (
        "error.budget.unknown_method",
        "metodo sconosciuto {method!r}; usa uno tra {choices}",
        "unknown method {method!r}; use one of {choices}",
    ),
    (
        "error.budget.negative_total",
        "il totale da ripartire è negativo ({amount})",
        "the total to split is negative ({amount})",
    ),
    (
        "error.budget.zero_total_weight",
        "la somma dei pesi è zero: non c'è un criterio di ripartizione",
        "the weights add up to zero: there is nothing to split by",
    ),
    (
        "error.budget.below_minimum",
        "{name!r} riceve {amount}, sotto il minimo {bound}",
        "{name!r} gets {amount}, below its minimum {bound}",
    ),
    (
        "error.budget.above_maximum",
        "{name!r} riceve {amount}, sopra il massimo {bound}",
        "{name!r} gets {amount}, above its maximum {bound}",
    ),
    (
        "error.budget.minimum_over_maximum",
        "il minimo di {name!r} ({minimum}) supera il massimo ({maximum})",
        "the minimum of {name!r} ({minimum}) exceeds its maximum ({maximum})",
    ),
    (
        "error.budget.minimums_over_total",
        "i minimi sommano {amount}, più del totale {total}",
        "the minimums add up to {amount}, more than the total {total}",
    ),
    (
        "error.budget.maximums_under_total",
        "i massimi consentono al più {amount}, meno del totale {total}",
        "the maximums allow at most {amount}, less than the total {total}",
    ),
):
    i18n.define(_msg, it=_it, en=_en)


@attrs.frozen(kw_only=True)
class Share:
    """One recipient's share and how it was found.

    ``quota`` is the exact (bounded) quota in euros as a :class:`~fractions.Fraction`;
    ``amount`` the share in cents; ``rounding = amount - quota`` (in euros).
    ``bound`` is ``"minimum"`` or ``"maximum"`` when a bound set the quota.

    >>> share = allocate("100", {"Meda": 1, "Seveso": 2}).share("Meda")
    >>> share.quota, share.amount, share.rounding
    (Fraction(100, 3), Money('33.33'), Fraction(-1, 300))
    >>> share.explain("en")
    'Meda: weight 1, exact quota € 33.333333…, assigned € 33.33 (rounding -0.003333…)'
    >>> share.explain("it")
    'Meda: peso 1, quota esatta € 33,333333…, assegnati € 33,33 (arrotondamento -0,003333…)'
    """

    recipient: str
    weight: Fraction
    quota: Fraction
    amount: Money
    bound: str | None = None

    @property
    def rounding(self) -> Fraction:
        """How much the share differs from the exact quota, in euros (signed)."""
        return Fraction(self.amount.amount) - self.quota

    def explain(self, lang: str = DEFAULT_LANG) -> str:
        """One sentence: weight, exact quota, the rounding and any bound."""
        lang = lang_of(lang)
        text = i18n.message(
            "budget.share.explain",
            lang,
            recipient=self.recipient,
            weight=number_text(self.weight, lang),
            quota=number_text(self.quota, lang),
            amount=euro_text(self.amount, lang),
            rounding=number_text(self.rounding, lang),
        )
        if self.bound:
            text += i18n.message(
                "budget.share.bound", lang, bound=word(f"bound.{self.bound}", lang)
            )
        return text


def _rebuild_allocation(
    total: int,
    method: str,
    names: tuple[str, ...],
    cents: tuple[int, ...],
    weights: tuple[int | Fraction, ...],
    qnum: tuple[int, ...],
    qden: int,
    bounds: tuple[str | None, ...],
) -> Allocation:
    return Allocation(
        total_cents=total,
        method=method,
        names=names,
        cents=cents,
        weights=weights,
        quota_numerators=qnum,
        quota_denominator=qden,
        bounds=bounds,
    )


class Allocation(Mapping[str, Money]):
    """A read-only mapping recipient → :class:`~welfare_ambito.Money` that sums to ``total``.

    Recipients keep the order they were given in. :attr:`shares` explains each
    share; :meth:`to_records`, :meth:`to_pandas` and the HTML form serve notebooks.

    >>> from welfare_ambito import data
    >>> split = allocate("430900", data.tutela_minori_caseloads())
    >>> split.method, str(split.total), len(split)
    ('largest_remainder', '€ 430.900,00', 6)
    >>> str(split["Seregno"]), split.share("Seregno").weight
    ('€ 144.198,82', Fraction(255, 1))
    """

    # A hand-written class rather than attrs: shares are built lazily from integer
    # cents so that splitting among thousands of recipients stays fast.
    __slots__ = (
        "_bounds",
        "_cents",
        "_index",
        "_method",
        "_names",
        "_qden",
        "_qnum",
        "_shares",
        "_total",
        "_weights",
    )

    _names: tuple[str, ...]
    _cents: tuple[int, ...]
    _weights: tuple[int | Fraction, ...]
    _qnum: tuple[int, ...]
    _qden: int
    _bounds: tuple[str | None, ...]
    _total: int
    _method: str
    _index: dict[str, int] | None
    _shares: tuple[Share, ...] | None

    def __init__(
        self,
        *,
        total_cents: int,
        method: str,
        names: tuple[str, ...],
        cents: tuple[int, ...],
        weights: tuple[int | Fraction, ...],
        quota_numerators: tuple[int, ...],
        quota_denominator: int,
        bounds: tuple[str | None, ...],
    ) -> None:
        if sum(cents) != total_cents:  # pragma: no cover - an invariant, not user input
            raise AssertionError("allocation does not add up")
        values = {
            "_names": names,
            "_cents": cents,
            "_weights": weights,
            "_qnum": quota_numerators,
            "_qden": quota_denominator,
            "_bounds": bounds,
            "_total": total_cents,
            "_method": method,
            "_index": None,
            "_shares": None,
        }
        for key, value in values.items():
            object.__setattr__(self, key, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Allocation is read-only")

    def __reduce__(self) -> tuple[Any, ...]:
        # Read-only slots: pickle rebuilds it from its parts (the shares stay lazy).
        return (
            _rebuild_allocation,
            (
                self._total,
                self._method,
                self._names,
                self._cents,
                self._weights,
                self._qnum,
                self._qden,
                self._bounds,
            ),
        )

    def _positions(self) -> dict[str, int]:
        """Recipient → position, built on the first lookup by name."""
        index = self._index
        if index is None:
            index = dict(zip(self._names, range(len(self._names)), strict=True))
            object.__setattr__(self, "_index", index)
        return index

    # -- mapping ------------------------------------------------------------------
    def __getitem__(self, recipient: str) -> Money:
        try:
            return Money.from_cents(self._cents[self._positions()[recipient]])
        except (KeyError, TypeError):
            raise KeyError(recipient) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, recipient: object) -> bool:
        return isinstance(recipient, str) and recipient in self._positions()

    # -- what it is -----------------------------------------------------------------
    @property
    def total(self) -> Money:
        """The amount that was split."""
        return Money.from_cents(self._total)

    @property
    def method(self) -> str:
        """The method used (one of :data:`METHODS`)."""
        return self._method

    def cents(self) -> dict[str, int]:
        """Shares in cents, in recipient order."""
        return dict(zip(self._names, self._cents, strict=True))

    @property
    def shares(self) -> tuple[Share, ...]:
        """Each recipient's :class:`Share`, in recipient order."""
        if self._shares is None:
            scale = Fraction(1, 100 * self._qden)
            shares = tuple(
                Share(
                    recipient=name,
                    weight=Fraction(self._weights[i]),
                    quota=self._qnum[i] * scale,
                    amount=Money.from_cents(self._cents[i]),
                    bound=self._bounds[i],
                )
                for i, name in enumerate(self._names)
            )
            object.__setattr__(self, "_shares", shares)
            return shares
        return self._shares

    def share(self, recipient: str) -> Share:
        """The :class:`Share` of ``recipient``."""
        position = self._positions().get(recipient) if isinstance(recipient, str) else None
        if position is None:
            raise _unknown(recipient, "recipient")
        return self.shares[position]

    def explain(self, lang: str = DEFAULT_LANG) -> str:
        """A paragraph: the method, the total, then one line per share."""
        lang = lang_of(lang)
        head = i18n.message(
            "budget.allocation.explain",
            lang,
            total=euro_text(self.total, lang),
            method=word(f"method.{self._method}", lang),
        )
        return "\n".join([head, *(f"- {s.explain(lang)}" for s in self.shares)])

    # -- notebooks --------------------------------------------------------------------
    def to_records(self) -> list[dict[str, Any]]:
        """One dict per recipient: weight, exact quota, amount, rounding, bound."""
        return [
            {
                "recipient": s.recipient,
                "weight": decimal_of(s.weight) if _terminates(s.weight) else s.weight,
                "quota": fraction_text(s.quota, 10),
                "amount": s.amount.amount,
                "rounding": fraction_text(s.rounding, 10),
                "bound": s.bound,
            }
            for s in self.shares
        ]

    def to_pandas(self) -> Any:
        """A pandas DataFrame of :meth:`to_records` (needs pandas)."""
        return records_frame(self.to_records(), feature="Allocation.to_pandas")

    def _rows(self, lang: Lang) -> list[list[str]]:
        rows = [
            [
                s.recipient,
                number_text(s.weight, lang),
                number_text(s.quota, lang, 4),
                euro_text(s.amount, lang),
                number_text(s.rounding, lang, 4),
                word(f"bound.{s.bound}", lang) if s.bound else "",
            ]
            for s in self.shares
        ]
        rows.append([word("header.total", lang), "", "", euro_text(self.total, lang), "", ""])
        return rows

    _HEADER: Final = ("recipient", "weight", "quota", "amount", "rounding", "bound")

    def _header(self, lang: Lang) -> list[str]:
        return [word(f"header.{name}", lang) for name in self._HEADER]

    def to_html(self, lang: Lang = DEFAULT_LANG) -> str:
        """The shares as an HTML table in ``lang``."""
        caption = word(
            "caption.allocation",
            lang,
            total=euro_text(self.total, lang),
            method=word(f"method.{self._method}", lang),
        )
        return html_table(self._header(lang), self._rows(lang), caption=caption, right=(1, 2, 3, 4))

    def to_text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The shares as a text table in ``lang`` (headers, numbers and amounts).

        >>> print(allocate("100", {"Meda": 1, "Seveso": 2}).to_text("en"))
        recipient  weight  exact quota €    amount  rounding €  bound
        ---------  ------  -------------  --------  ----------  -----
        Meda            1       33.3333…   € 33.33    -0.0033…
        Seveso          2       66.6666…   € 66.67     0.0033…
        total                             € 100.00
        """
        return text_table(self._header(lang), self._rows(lang), right=(1, 2, 3, 4))

    def _repr_html_(self) -> str:
        return self.to_html(DEFAULT_LANG)

    def __str__(self) -> str:
        return self.to_text(DEFAULT_LANG)

    def __repr__(self) -> str:
        inner = ", ".join(
            f"{n!r}: {Money.from_cents(c)!r}" for n, c in zip(self._names, self._cents, strict=True)
        )
        return f"Allocation(total={self.total!r}, method={self._method!r}, shares={{{inner}}})"


def _terminates(value: Fraction) -> bool:
    den = value.denominator
    for prime in (2, 5):
        while den % prime == 0:
            den //= prime
    return den == 1


def _unknown(name: str, path: str) -> NotFound:
    error = NotFound.of("budget.unknown_recipient", path=path, name=name)
    assert isinstance(error, NotFound)
    return error


# -- input ------------------------------------------------------------------------------


def ambito_of(ambito: object) -> Ambito:
    """An :class:`~welfare_ambito.model.Ambito`, given as one or as the id of an embedded one."""
    if isinstance(ambito, Ambito):
        return ambito
    if isinstance(ambito, str):
        return embedded_ambito(ambito)
    raise InvalidValue.of(
        "type", path="ambito", expected="an Ambito or its id", actual=type(ambito).__name__
    )


def comune_name(ambito: Ambito, name: str, path: str) -> str:
    """The official name of the Comune called ``name`` (aliases too), or a did-you-mean error."""
    found = ambito.find(name)
    if found is not None:
        return found.name
    suggestion = ambito.closest(name)
    if suggestion is not None:
        raise NotFound.of(
            "unknown_comune_suggest",
            path=path,
            name=name,
            ambito=ambito.name,
            suggestion=suggestion,
        )
    raise NotFound.of("unknown_comune", path=path, name=name, ambito=ambito.name)


def canonical_names(names: Iterable[str], ambito: Ambito, where: str) -> tuple[str, ...]:
    """``names`` as the official names of Comuni of ``ambito``; a Comune named twice is refused."""
    official: list[str] = []
    seen: set[str] = set()
    for name in names:
        canonical = comune_name(ambito, name, f"{where}.{name}")
        if canonical in seen:
            raise InvalidValue.of("budget.duplicate_recipient", path=f"{where}.{name}")
        seen.add(canonical)
        official.append(canonical)
    return tuple(official)


def _canonical_bound(bound: Bound, ambito: Ambito, which: str) -> Bound:
    if not isinstance(bound, Mapping):
        return bound
    keys = canonical_names(bound, ambito, which)
    return dict(zip(keys, bound.values(), strict=True))


def _recipients(weights: object, method: str) -> tuple[tuple[str, ...], list[object]]:
    if not isinstance(weights, Mapping) and callable(getattr(weights, "items", None)):
        # A pandas Series (index -> weight) or another mapping-like object.
        weights = dict(weights.items())  # type: ignore[attr-defined]
    if isinstance(weights, Mapping):
        names = tuple(weights)
        values = list(weights.values())
    elif (
        method == "equal" and isinstance(weights, Iterable) and not isinstance(weights, str | bytes)
    ):
        names = tuple(weights)
        values = [1] * len(names)
        if len(set(names)) != len(names):
            raise InvalidValue.of("budget.duplicate_recipient", path="weights")
    else:
        raise InvalidValue.of("budget.weights_type", path="weights")
    # Every name non-empty text, checked at C speed for a million names; the loop names the culprit.
    if set(map(type, names)) != {str} or not all(names):
        for name in names:
            if not isinstance(name, str) or not name:
                raise InvalidValue.of(
                    "budget.recipient_type", path="weights", actual=type(name).__name__
                )
    if not names:
        raise InvalidValue.of("budget.no_recipients", path="weights")
    return names, values


_INT_BOUND = 10**MAX_INTEGER_DIGITS  # larger ints go through number_of, which refuses them


def _weights(
    names: tuple[str, ...], values: list[object]
) -> tuple[list[int], tuple[int | Fraction, ...]]:
    """Exact weights, and the same scaled to integers with one common factor."""
    if values and set(map(type, values)) == {int}:
        ints = cast("list[int]", values)
        if min(ints) > -_INT_BOUND and max(ints) < _INT_BOUND:
            if min(ints) < 0:
                for name, value in zip(names, ints, strict=True):
                    if value < 0:
                        raise _negative_weight(name, value)
            return ints, tuple(ints)
    fractions = tuple(number_of(v, path=f"weights.{n}") for n, v in zip(names, values, strict=True))
    for name, exact in zip(names, fractions, strict=True):
        if exact < 0:
            raise _negative_weight(name, exact)
    common = math.lcm(*(f.denominator for f in fractions))
    return [f.numerator * (common // f.denominator) for f in fractions], fractions


def _negative_weight(name: str, value: object) -> InvalidValue:
    error = InvalidValue.of(
        "budget.negative_weight", path=f"weights.{name}", name=name, value=value
    )
    assert isinstance(error, InvalidValue)
    return error


def _bounds(bound: Bound, names: tuple[str, ...], which: str) -> list[int] | None:
    if bound is None:
        return None
    if isinstance(bound, Mapping):
        index = {n: i for i, n in enumerate(names)}
        values: list[int | None] = [None] * len(names)
        for key, value in bound.items():
            if key not in index:
                raise _unknown(str(key), f"{which}.{key}")
            values[index[key]] = _bound_cents(value, f"{which}.{key}")
        default = 0 if which == "minimum" else -1
        return [default if v is None else v for v in values]
    cents = _bound_cents(bound, which)
    return [cents] * len(names)


def _bound_cents(value: object, path: str) -> int:
    cents = cents_of(value, path=path)
    if cents < 0:
        raise InvalidValue.of("budget.negative_bound", path=path, amount=Money.from_cents(cents))
    return cents


def _infeasible(key: str, path: str, **params: object) -> InvalidValue:
    """Bounds that cannot all hold: message ``key``, the stable code ``budget.bounds_infeasible``."""
    error = InvalidValue.of(key, path=path, **params)
    error.code = "budget.bounds_infeasible"
    assert isinstance(error, InvalidValue)
    return error


# -- the methods --------------------------------------------------------------------------


def _water_fill(
    total: int, w: list[int], lo: list[int], hi: list[int] | None
) -> tuple[int, int, list[int], list[str | None]]:
    """The bounded quotas: numerators over one common denominator, and which bound set each.

    The quotas are ``clamp(λ·w, lo, hi)`` with ``λ`` such that they add up to the
    total. Found on integers by fixing bound violators (Bitran–Hax), checked, and
    if the check fails found again by an exact search over the breakpoints.
    """
    n = len(w)
    if hi is None and not any(lo):
        return total, sum(w), [total * x for x in w], [None] * n
    upper = [None if hi is None or hi[i] < 0 else hi[i] for i in range(n)]
    caps = [-1 if u is None else u for u in upper]
    fixed: list[int | None] = [None if w[i] else lo[i] for i in range(n)]
    free = [i for i in range(n) if w[i]]
    rest = total - sum(lo[i] for i in range(n) if not w[i])
    p, q = rest, 1
    while free:
        p, q = rest, sum(w[i] for i in free)
        low = [i for i in free if p * w[i] < lo[i] * q]
        high = [i for i in free if caps[i] >= 0 and p * w[i] > caps[i] * q]
        if not low and not high:
            break
        below = sum(lo[i] * q - p * w[i] for i in low)
        over = sum(p * w[i] - caps[i] * q for i in high)
        chosen, bound = (low, lo) if below >= over else (high, caps)
        for i in chosen:
            fixed[i] = bound[i]
            rest -= bound[i]
        gone = set(chosen)
        free = [i for i in free if i not in gone]
    numerators: list[int] = []
    flags: list[str | None] = []
    for i in range(n):
        raw = p * w[i]
        up = upper[i]
        if raw < lo[i] * q or (not w[i] and lo[i]):
            numerators.append(lo[i] * q)
            flags.append("minimum")
        elif up is not None and raw > up * q:
            numerators.append(up * q)
            flags.append("maximum")
        else:
            numerators.append(raw)
            flags.append(None)
        value = fixed[i]
        if value is not None and numerators[-1] != value * q:
            break
    else:
        if sum(numerators) == total * q:
            return p, q, numerators, flags
    return _water_fill_exact(total, w, lo, hi)


def _water_fill_exact(
    total: int, w: list[int], lo: list[int], hi: list[int] | None
) -> tuple[int, int, list[int], list[str | None]]:
    """:func:`_water_fill` by binary search over the breakpoints, in exact fractions."""
    n = len(w)
    inf = None

    def upper(i: int) -> int | None:
        return inf if hi is None or hi[i] < 0 else hi[i]

    def f(lam: Fraction) -> Fraction:
        acc = Fraction(0)
        for i in range(n):
            value: Fraction | int = lam * w[i] if w[i] else lo[i]
            if value < lo[i]:
                value = lo[i]
            up = upper(i)
            if up is not None and value > up:
                value = up
            acc += value
        return acc

    points = {Fraction(0)}
    for i in range(n):
        if w[i]:
            points.add(Fraction(lo[i], w[i]))
            up = upper(i)
            if up is not None:
                points.add(Fraction(up, w[i]))
    ordered = sorted(points)
    low, high = 0, len(ordered) - 1
    while low < high:  # largest breakpoint with f <= total
        mid = (low + high + 1) // 2
        if f(ordered[mid]) <= total:
            low = mid
        else:
            high = mid - 1
    c = ordered[low]
    fc = f(c)
    if fc == total:
        lam = c
    else:
        free = 0
        for i in range(n):
            up = upper(i)
            if w[i] and Fraction(lo[i], w[i]) <= c and (up is None or Fraction(up, w[i]) > c):
                free += w[i]
        lam = c + (total - fc) / free
    p, q = lam.numerator, lam.denominator
    numerators: list[int] = []
    flags: list[str | None] = []
    for i in range(n):
        raw = p * w[i]
        up = upper(i)
        if raw < lo[i] * q:
            numerators.append(lo[i] * q)
            flags.append("minimum")
        elif up is not None and raw > up * q:
            numerators.append(up * q)
            flags.append("maximum")
        else:
            numerators.append(raw)
            flags.append(None)
    return p, q, numerators, flags


def _largest_remainder(
    total: int, names: tuple[str, ...], w: list[int], numerators: list[int], q: int
) -> list[int]:
    floors = [x // q for x in numerators]
    extra = total - sum(floors)
    if extra:
        remainders = [x % q for x in numerators]
        # The extra-th largest remainder is the threshold: everything above it gets a
        # cent; ties at it are ordered by weight, then name. Only the threshold is
        # selected (a partial selection when few cents are left), on plain ints.
        if extra * 16 < len(remainders):
            threshold = heapq.nlargest(extra, remainders)[-1]
        elif q <= 2**53:
            # Remainders below 2**53 are exact as floats, which sort several times faster.
            threshold = int(sorted(map(float, remainders), reverse=True)[extra - 1])
        else:
            threshold = sorted(remainders, reverse=True)[extra - 1]
        above = [i for i, r in enumerate(remainders) if r > threshold]
        tied = [i for i, r in enumerate(remainders) if r == threshold]
        wanted = extra - len(above)
        if wanted < len(tied):
            # By name, then (stable) by weight, larger first: two sorts on C-level keys.
            tied.sort(key=names.__getitem__)
            tied.sort(key=w.__getitem__, reverse=True)
        for i in above:
            floors[i] += 1
        for i in tied[:wanted]:
            floors[i] += 1
    return floors


class _Seat:
    """A cent's priority ``num / den`` for the Webster heap (compared exactly)."""

    __slots__ = ("den", "index", "name", "num", "sign")

    def __init__(self, num: int, den: int, name: str, index: int, sign: int) -> None:
        self.num, self.den, self.name, self.index, self.sign = num, den, name, index, sign

    def __lt__(self, other: _Seat) -> bool:
        left, right = self.num * other.den, other.num * self.den
        if left != right:
            return (left > right) if self.sign > 0 else (left < right)
        return (self.name < other.name) if self.sign > 0 else (self.name > other.name)


# Relative margin of the float pre-selection of Webster candidates: far above the
# error of one int-to-float conversion and one division (a few 1e-16).
_MARGIN: Final = 1e-9


def _candidates(priorities: list[tuple[int, int]], count: int, sign: int) -> list[int]:
    """Positions that may win one of ``count`` cents, chosen by float priority with a margin.

    Only a recipient whose first priority is among the ``count`` best can win a
    cent (its later cents rank lower); floats pick those with room to spare, the
    exact heap then decides. Every position when floats cannot be trusted.
    """
    everyone = list(range(len(priorities)))
    if count * 4 >= len(priorities):
        return everyone
    try:
        keys = [num / den for num, den in priorities]
    except OverflowError:
        return everyone
    if sign > 0:
        cut = heapq.nlargest(count, keys)[-1]
        limit = cut - abs(cut) * _MARGIN
        return [i for i, key in enumerate(keys) if key >= limit]
    cut = heapq.nsmallest(count, keys)[-1]
    limit = cut + abs(cut) * _MARGIN
    return [i for i, key in enumerate(keys) if key <= limit]


def _webster(
    total: int,
    names: tuple[str, ...],
    w: list[int],
    lo: list[int],
    hi: list[int] | None,
    p: int,
    q: int,
) -> list[int]:
    n = len(w)
    # Start from every cent whose priority reaches the water-filled divisor q/p, then
    # add or remove cents in priority order: the result is the one-cent-at-a-time
    # Webster sequence with ties by name, hence house-monotone.
    seats = []
    for i in range(n):
        seat = (2 * p * w[i] + q) // (2 * q) if w[i] else lo[i]
        seat = max(seat, lo[i])
        if hi is not None and hi[i] >= 0:
            seat = min(seat, hi[i])
        seats.append(seat)
    missing = total - sum(seats)
    if missing > 0:
        open_ = [i for i in range(n) if w[i] and (hi is None or hi[i] < 0 or seats[i] < hi[i])]
        chosen = _candidates([(2 * w[i], 2 * seats[i] + 1) for i in open_], missing, 1)
        heap = [
            _Seat(2 * w[i], 2 * seats[i] + 1, names[i], i, 1) for i in (open_[j] for j in chosen)
        ]
        heapq.heapify(heap)
        for _ in range(missing):
            top = heapq.heappop(heap)
            i = top.index
            seats[i] += 1
            if hi is None or hi[i] < 0 or seats[i] < hi[i]:
                heapq.heappush(heap, _Seat(2 * w[i], 2 * seats[i] + 1, names[i], i, 1))
    elif missing < 0:
        open_ = [i for i in range(n) if seats[i] > lo[i]]
        chosen = _candidates([(2 * w[i], 2 * seats[i] - 1) for i in open_], -missing, -1)
        heap = [
            _Seat(2 * w[i], 2 * seats[i] - 1, names[i], i, -1) for i in (open_[j] for j in chosen)
        ]
        heapq.heapify(heap)
        for _ in range(-missing):
            top = heapq.heappop(heap)
            i = top.index
            seats[i] -= 1
            if seats[i] > lo[i]:
                heapq.heappush(heap, _Seat(2 * w[i], 2 * seats[i] - 1, names[i], i, -1))
    return seats


def _fixed(
    total: int, names: tuple[str, ...], values: list[object], lo: list[int], hi: list[int] | None
) -> list[int]:
    cents = [cents_of(v, path=f"weights.{n}") for n, v in zip(names, values, strict=True)]
    for name, amount in zip(names, cents, strict=True):
        if amount < 0:
            raise InvalidValue.of(
                "budget.negative_amount",
                path=f"weights.{name}",
                name=name,
                amount=Money.from_cents(amount),
            )
    computed = sum(cents)
    if computed != total:
        stated, found = Money.from_cents(total), Money.from_cents(computed)
        difference = stated - found
        raise InvalidValue.of(
            "budget.fixed_sum", path="weights", stated=stated, computed=found, difference=difference
        )
    for i, name in enumerate(names):
        if cents[i] < lo[i]:
            raise _infeasible(
                "budget.below_minimum",
                f"minimum.{name}",
                name=name,
                amount=Money.from_cents(cents[i]),
                bound=Money.from_cents(lo[i]),
            )
        if hi is not None and 0 <= hi[i] < cents[i]:
            raise _infeasible(
                "budget.above_maximum",
                f"maximum.{name}",
                name=name,
                amount=Money.from_cents(cents[i]),
                bound=Money.from_cents(hi[i]),
            )
    return cents


def allocate(
    total: Amount,
    weights: Mapping[str, object] | Iterable[str],
    *,
    method: Method | str = "largest_remainder",
    minimum: Bound = None,
    maximum: Bound = None,
    ambito: Ambito | str | None = None,
) -> Allocation:
    """Split ``total`` among the recipients of ``weights``, exact to the cent.

    With ``ambito`` (an :class:`~welfare_ambito.model.Ambito` or the id of an
    embedded one) the recipients are Comuni of that Ambito: aliases are accepted,
    the result names each by its official name, and a name that is not a Comune
    is refused (:class:`~welfare_ambito.errors.NotFound`, code
    ``unknown_comune_suggest`` with the closest name, path ``weights.<name>``).
    Without it, recipients are any names.

    ``weights`` maps each recipient to a non-negative number (caseload,
    population…; int, Decimal, Fraction, float or text); for ``method="equal"``
    the values are ignored and a plain list of names is accepted too; for
    ``method="fixed"`` the values are the amounts themselves. ``minimum`` and
    ``maximum`` are one amount for everyone or a mapping per recipient.

    Raises :class:`~welfare_ambito.errors.InvalidValue` for a negative total or
    weight, a zero total weight, bounds that cannot all hold, or given amounts
    (``fixed``) that do not add up; :class:`~welfare_ambito.errors.NotFound`
    for a bound naming an unknown recipient.

    >>> caseload = {"Barlassina": 44, "Giussano": 129, "Meda": 108}
    >>> split = allocate("1000", caseload, method="webster")
    >>> [str(v) for v in split.values()]
    ['€ 156,58', '€ 459,08', '€ 384,34']
    """
    if method not in METHODS:
        raise InvalidValue.of(
            "budget.unknown_method", path="method", method=method, choices=", ".join(METHODS)
        )
    total_cents = cents_of(total, path="total")
    if total_cents < 0:
        raise InvalidValue.of(
            "budget.negative_total", path="total", amount=Money.from_cents(total_cents)
        )
    names, values = _recipients(weights, method)
    if ambito is not None:
        member = ambito_of(ambito)
        names = canonical_names(names, member, "weights")
        minimum = _canonical_bound(minimum, member, "minimum")
        maximum = _canonical_bound(maximum, member, "maximum")
    n = len(names)
    lo = _bounds(minimum, names, "minimum") or [0] * n
    hi = _bounds(maximum, names, "maximum")
    if hi is not None:
        for i, name in enumerate(names):
            if 0 <= hi[i] < lo[i]:
                raise _infeasible(
                    "budget.minimum_over_maximum",
                    f"minimum.{name}",
                    name=name,
                    minimum=Money.from_cents(lo[i]),
                    maximum=Money.from_cents(hi[i]),
                )

    if method == "fixed":
        cents = _fixed(total_cents, names, values, lo, hi)
        return Allocation(
            total_cents=total_cents,
            method=method,
            names=names,
            cents=tuple(cents),
            weights=tuple(Fraction(c, 100) for c in cents),
            quota_numerators=tuple(cents),
            quota_denominator=1,
            bounds=(None,) * n,
        )

    if method == "equal":
        values = [1] * n
    w, exact = _weights(names, values)
    if not any(w):
        raise InvalidValue.of("budget.zero_total_weight", path="weights")
    floor_sum = sum(lo)
    if floor_sum > total_cents:
        raise _infeasible(
            "budget.minimums_over_total",
            "minimum",
            amount=Money.from_cents(floor_sum),
            total=Money.from_cents(total_cents),
        )
    if hi is not None and all(hi[i] >= 0 for i in range(n) if w[i]):
        # Zero-weight recipients take their minimum only.
        ceiling = sum(hi[i] if w[i] else lo[i] for i in range(n))
        if ceiling < total_cents:
            raise _infeasible(
                "budget.maximums_under_total",
                "maximum",
                amount=Money.from_cents(ceiling),
                total=Money.from_cents(total_cents),
            )
    p, q, numerators, flags = _water_fill(total_cents, w, lo, hi)
    if method == "webster":
        cents = _webster(total_cents, names, w, lo, hi, p, q)
    else:
        cents = _largest_remainder(total_cents, names, w, numerators, q)
    return Allocation(
        total_cents=total_cents,
        method=method,
        names=names,
        cents=tuple(cents),
        weights=exact,
        quota_numerators=tuple(numerators),
        quota_denominator=q,
        bounds=tuple(flags),
    )

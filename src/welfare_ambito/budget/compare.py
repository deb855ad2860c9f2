"""Put a stated split per Comune beside splits by caseload, population or any other key.

>>> stated = {"Meda": "32600", "Seveso": "63700"}
>>> c = compare_split(stated, {"caseload": {"Meda": 108, "Seveso": 140}})
>>> [(r["recipient"], str(r["by_caseload"]), str(r["diff_caseload"])) for r in c.to_records()]
[('Meda', '41937.10', '-9337.10'), ('Seveso', '54362.90', '9337.10')]
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._lang import DEFAULT_LANG, Lang
from welfare_ambito.budget._common import (
    Amount,
    cents_of,
    decimal_of,
    euro_text,
    number_text,
    optional_module,
    records_frame,
    word,
)
from welfare_ambito.budget._html import html_table, text_table
from welfare_ambito.budget.allocation import (
    Allocation,
    Method,
    allocate,
    ambito_of,
    canonical_names,
)
from welfare_ambito.errors import InvalidValue, NotFound, WelfareAmbitoError
from welfare_ambito.model.territory import Ambito
from welfare_ambito.money import Money

__all__ = ["Comparison", "compare_split"]

i18n.define_group(
    "error.budget",
    (
        ("unknown_key", "nessuna ripartizione per {key!r}", "no split by {key!r}"),
        (
            "key_weights_type",
            "i pesi della chiave {key!r} devono associare un numero a ogni destinatario",
            "the weights of key {key!r} must map each recipient to a number",
        ),
        (
            "key_unknown_recipient",
            "{name!r} ha un peso in {key!r} ma nessun importo dichiarato",
            "{name!r} has a weight in {key!r} but no stated amount",
        ),
        (
            "key_missing_recipient",
            "la chiave {key!r} non ha un peso per {names}",
            "key {key!r} has no weight for {names}",
        ),
        ("unknown_per", "per={per!r} non è tra le chiavi", "per={per!r} is not one of the keys"),
    ),
)


def _coded(error: WelfareAmbitoError, code: str) -> WelfareAmbitoError:
    """``error`` with the stable ``code`` its class of mistake has always had."""
    error.code = code
    return error


def _per_unit(amount: Money, weight: Fraction) -> Money | None:
    if weight == 0:
        return None
    exact = Fraction(amount.amount) / weight
    return Money(Decimal(exact.numerator) / Decimal(exact.denominator), rounding=ROUND_HALF_EVEN)


def _weight_value(weight: Fraction) -> Decimal | Fraction:
    try:
        return decimal_of(weight)
    except ArithmeticError:  # pragma: no cover - non-terminating weights are rare
        return weight


@attrs.frozen(kw_only=True)
class Comparison:
    """The stated split beside one allocation per key, recipient by recipient.

    ``per`` names the key whose weights give the "amount per unit" columns
    (per case, when the key is the caseload). Differences are
    ``stated - by key``: positive when the notice gives a Comune more than the key would.

    >>> stated = {"Meda": "32600", "Seregno": "210000"}
    >>> c = compare_split(stated, {"caseload": {"Meda": 108, "Seregno": 255}})
    >>> c.keys, c.per, str(c.stated.total)
    (('caseload',), 'caseload', '€ 242.600,00')
    >>> [(r["recipient"], r["stated_per_caseload"]) for r in c.to_records()]
    [('Meda', Decimal('301.85')), ('Seregno', Decimal('823.53'))]
    """

    stated: Allocation
    splits: tuple[tuple[str, Allocation], ...]
    per: str | None

    @property
    def keys(self) -> tuple[str, ...]:
        """Names of the keys, in the order given."""
        return tuple(name for name, _ in self.splits)

    def split(self, key: str) -> Allocation:
        """The allocation by ``key``."""
        for name, allocation in self.splits:
            if name == key:
                return allocation
        raise NotFound.of("budget.unknown_key", path="keys", key=key)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per recipient: stated amount, weight and amount per unit of ``per``,
        then ``by_<key>``, ``diff_<key>`` (and ``by_<key>_per_<per>``) for each key."""
        per_split = self.split(self.per) if self.per else None
        records: list[dict[str, Any]] = []
        for recipient, stated in self.stated.items():
            record: dict[str, Any] = {"recipient": recipient, "stated": stated.amount}
            weight = per_split.share(recipient).weight if per_split is not None else None
            if weight is not None:
                record[self.per or ""] = _weight_value(weight)
                unit = _per_unit(stated, weight)
                record[f"stated_per_{self.per}"] = unit.amount if unit is not None else None
            for name, allocation in self.splits:
                amount = allocation[recipient]
                record[f"by_{name}"] = amount.amount
                record[f"diff_{name}"] = (stated - amount).amount
                if weight is not None:
                    unit = _per_unit(amount, weight)
                    record[f"by_{name}_per_{self.per}"] = unit.amount if unit is not None else None
            records.append(record)
        return records

    def to_pandas(self) -> Any:
        """A pandas DataFrame of :meth:`to_records`, indexed by recipient (needs pandas)."""
        return records_frame(self.to_records(), feature="Comparison.to_pandas").set_index(
            "recipient"
        )

    def _table(self, lang: Lang) -> tuple[list[str], list[list[str]]]:
        header = [word("header.recipient", lang), word("header.stated", lang)]
        if self.per:
            header += [self.per, word("header.stated_per", lang, per=self.per)]
        for name in self.keys:
            header += [
                word("header.by_key", lang, key=name),
                word("header.diff_key", lang, key=name),
            ]
        rows: list[list[str]] = []

        def euro(value: Any) -> str:
            return euro_text(Money(value), lang)

        for record in self.to_records():
            row = [record["recipient"], euro(record["stated"])]
            if self.per:
                unit = record[f"stated_per_{self.per}"]
                weight = record[self.per]
                row += [
                    number_text(Fraction(weight), lang),
                    "" if unit is None else euro(unit),
                ]
            for name in self.keys:
                row += [euro(record[f"by_{name}"]), euro(record[f"diff_{name}"])]
            rows.append(row)
        total = [word("header.total", lang), euro_text(self.stated.total, lang)]
        if self.per:
            weights = sum((s.weight for s in self.split(self.per).shares), Fraction(0))
            total += [number_text(weights, lang), ""]
        for _, allocation in self.splits:
            total += [
                euro_text(allocation.total, lang),
                euro_text(self.stated.total - allocation.total, lang),
            ]
        rows.append(total)
        return header, rows

    def to_html(self, lang: Lang = DEFAULT_LANG) -> str:
        """The comparison as an HTML table in ``lang``."""
        header, rows = self._table(lang)
        caption = word("caption.split", lang, total=euro_text(self.stated.total, lang))
        return html_table(header, rows, caption=caption, right=range(1, len(header)))

    def to_text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The comparison as a text table in ``lang``; the keys keep the names they were given.

        >>> c = compare_split({"Meda": "100", "Seveso": "200"}, {"utenza": {"Meda": 1, "Seveso": 1}})
        >>> print(c.to_text().splitlines()[0])
        destinatario  dichiarato  utenza  dichiarato per utenza  secondo utenza  differenza (utenza)
        """
        header, rows = self._table(lang)
        return text_table(header, rows, right=range(1, len(header)))

    def _repr_html_(self) -> str:
        return self.to_html(DEFAULT_LANG)

    def __str__(self) -> str:
        return self.to_text(DEFAULT_LANG)

    def plot(self, ax: Any = None, *, title: str | None = None, lang: Lang = DEFAULT_LANG) -> Any:
        """A grouped bar chart (stated and each key per recipient); needs matplotlib.

        Returns the matplotlib ``Axes``.
        """
        optional_module("matplotlib", feature="Comparison.plot", extra="plot")
        pyplot = optional_module("matplotlib.pyplot", feature="Comparison.plot", extra="plot")
        if ax is None:
            _, ax = pyplot.subplots()
        names = list(self.stated)
        series = [(word("header.stated", lang), self.stated), *self.splits]
        width = 0.8 / len(series)
        for offset, (label, allocation) in enumerate(series):
            positions = [i + offset * width for i in range(len(names))]
            # matplotlib draws floats; the figures themselves stay exact Money.
            heights = [float(allocation[n].amount) for n in names]
            ax.bar(positions, heights, width, label=label)
        ax.set_xticks([i + width * (len(series) - 1) / 2 for i in range(len(names))])
        ax.set_xticklabels(names, rotation=30, ha="right")
        ax.set_ylabel("€")
        ax.set_title(title or word("caption.split", lang, total=euro_text(self.stated.total, lang)))
        ax.legend()
        return ax


def _mapping(value: Any) -> Any:
    """A pandas Series (index -> value) as a dict; anything else unchanged."""
    if not isinstance(value, Mapping) and callable(getattr(value, "items", None)):
        return dict(value.items())
    return value


def compare_split(
    stated: Mapping[str, Amount],
    keys: Mapping[str, Mapping[str, object]],
    *,
    method: Method | str = "largest_remainder",
    per: str | None = None,
    ambito: Ambito | str | None = None,
) -> Comparison:
    """Compare the ``stated`` amounts per recipient with a split of their total by each key.

    ``keys`` maps a key's name (``"caseload"``, ``"population"``) to weights per
    recipient; every key must weigh exactly the recipients of ``stated``.
    ``per`` (default: the first key) gives the amounts per unit (per case).
    With ``ambito`` (an Ambito or an embedded id) the recipients are its Comuni,
    aliases accepted and written by their official names, as :func:`allocate` does.

    The six territorial teams of the Ambito di Seregno (€ 430.900,00) beside a split
    by caseload:

    >>> from welfare_ambito import data
    >>> teams = data.tutela_minori_budget().children("territorial")
    >>> stated = {line.comune or line.id: line.amount for line in teams}
    >>> c = compare_split(stated, {"caseload": data.tutela_minori_caseloads()})
    >>> [(r["recipient"], r["diff_caseload"]) for r in c.to_records()][-2:]
    [('Seregno', Decimal('65801.18')), ('Seveso', Decimal('-15467.98'))]
    """
    stated = _mapping(stated)
    member = None if ambito is None else ambito_of(ambito)
    if member is not None and isinstance(stated, Mapping):
        official = canonical_names(stated, member, "stated")
        stated = dict(zip(official, stated.values(), strict=True))
    total = Money.from_cents(sum(cents_of(v, path=f"stated.{k}") for k, v in stated.items()))
    stated_split = allocate(total, stated, method="fixed")
    names = list(stated_split)
    splits: list[tuple[str, Allocation]] = []
    for key, given in keys.items():
        weights = _mapping(given)
        if member is not None and isinstance(weights, Mapping):
            official = canonical_names(weights, member, f"keys.{key}")
            weights = dict(zip(official, weights.values(), strict=True))
        if not isinstance(weights, Mapping):
            raise _coded(
                InvalidValue.of("budget.key_weights_type", path=f"keys.{key}", key=key),
                "budget.weights_type",
            )
        for name in weights:
            if name not in stated_split:
                raise _coded(
                    NotFound.of(
                        "budget.key_unknown_recipient",
                        path=f"keys.{key}.{name}",
                        name=name,
                        key=key,
                    ),
                    "budget.unknown_recipient",
                )
        missing = [n for n in names if n not in weights]
        if missing:
            raise InvalidValue.of(
                "budget.key_missing_recipient",
                path=f"keys.{key}.{missing[0]}",
                key=key,
                names=", ".join(missing),
            )
        splits.append((key, allocate(total, {n: weights[n] for n in names}, method=method)))
    if per is None and splits:
        per = splits[0][0]
    if per is not None and per not in keys:
        raise _coded(NotFound.of("budget.unknown_per", path="per", per=per), "budget.unknown_key")
    return Comparison(stated=stated_split, splits=tuple(splits), per=per)

"""Consistency checks of published tables: recompute what a table derives, report mismatches.

The checks an analyst runs before trusting a report: totals against their items, shares
against 100%, ratios (coverage, averages) against their inputs, yearly variations against
the series. A figure published with rounding is compared at its published precision: it
matches when it is within half a unit of its last digit of the exact recomputation (for a
sum of *n* rounded shares, *n* half-units).

>>> findings = check_published()
>>> sorted({f.table for f in findings if f.severity is Severity.MISMATCH})
['nidi_accreditati_2011', 'sesei_scuole_web', 'tutela_minori_2008_2011']
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from welfare_ambito import i18n
from welfare_ambito._lang import LANGS, Lang
from welfare_ambito.money import Money
from welfare_ambito.sercop.published import (
    Cell,
    CellKind,
    PublishedTable,
    RowRole,
    published_table,
)

__all__ = [
    "Discrepancy",
    "Severity",
    "check_column_totals",
    "check_parts",
    "check_published",
    "check_ratio_across",
    "check_ratios",
    "check_shares",
    "check_variations",
]

i18n.define(
    "sercop.check.mismatch",
    it="{where}: {what}: pubblicato {published}, ricalcolato {recomputed} "
    "(differenza {difference}, tolleranza {tolerance})",
    en="{where}: {what}: published {published}, recomputed {recomputed} "
    "(difference {difference}, tolerance {tolerance})",
)
i18n.define("sercop.check.note", it="{where}: {what}", en="{where}: {what}")
i18n.define(
    "sercop.check.column_total",
    it="il totale non è la somma delle righe",
    en="total is not the sum of its rows",
)
i18n.define(
    "sercop.check.parts",
    it="le parti ('di cui') superano il totale",
    en="the parts ('di cui') exceed the total",
)
i18n.define(
    "sercop.check.ratio_undefined",
    it="{numerator}/{denominator} non è definito ({top}/{bottom}); pubblicato {cell!r}",
    en="{numerator}/{denominator} is undefined ({top}/{bottom}); published {cell!r}",
)
i18n.define(
    "sercop.check.ratio",
    it="{published} non è {numerator}/{denominator}×{scale}",
    en="{published} is not {numerator}/{denominator}×{scale}",
)
i18n.define(
    "sercop.check.zero_denominator",
    it="{source}: {denominator} è zero; il rapporto non è definito",
    en="{source}: {denominator} is zero; the ratio is undefined",
)
i18n.define(
    "sercop.check.ratio_across",
    it="non corrisponde a {source} {numerator}/{denominator}",
    en="not {source} {numerator}/{denominator}",
)
i18n.define(
    "sercop.check.variation",
    it="non è la variazione da {before} a {after}",
    en="not the change from {before} to {after}",
)
i18n.define(
    "sercop.check.variation_matches",
    it="non è la variazione da {before} a {after}; corrisponde alla variazione da {other} a {after}",
    en="not the change from {before} to {after}; it matches the change from {other} to {after}",
)
i18n.define(
    "sercop.check.shares", it="le quote non sommano al 100%", en="the shares do not add up to 100%"
)

Number = int | Decimal


class Severity(enum.StrEnum):
    """How serious a finding is.

    >>> [f.row for f in check_published() if f.severity is Severity.NOTE]
    ['pogliano_milanese', 'pregnana_milanese', 'settimo_milanese']
    """

    MISMATCH = "mismatch"
    """The published figure does not match its recomputation."""
    NOTE = "note"
    """The figure cannot be recomputed (e.g. 0/0) or needs a reader's attention."""


@attrs.frozen(kw_only=True)
class Discrepancy:
    """One finding: where (``table``, ``row``, ``column``), what was published and recomputed.

    ``difference`` is ``published - recomputed`` (``recomputed`` at the published precision);
    ``tolerance`` is the largest difference from the exact value still taken as a match.

    >>> (found,) = check_column_totals(published_table("sesei_scuole_web"))
    >>> found.row, found.published, found.recomputed, found.difference
    ('total', 87, 85, 2)
    >>> print(found.text("it"))
    sesei_scuole_web [total, n]: il totale non è la somma delle righe: pubblicato 87,
    ricalcolato 85 (differenza 2, tolleranza 0)
    """

    table: str
    row: str
    column: str
    check: str
    published: Number | None
    recomputed: Number | None
    difference: Number | None
    tolerance: Decimal
    severity: Severity
    message: str
    message_it: str

    def text(self, lang: str = "it") -> str:
        """The message in ``lang`` (``"it"`` or ``"en"``; English for any other)."""
        return {"it": self.message_it}.get(lang, self.message)

    def to_record(self) -> dict[str, Any]:
        """Plain data (numbers as :class:`Decimal` / ``int``)."""
        return attrs.asdict(self)

    def __str__(self) -> str:
        return self.message  # the message already names the table, row and column


def _number(cell: Cell | None) -> Decimal:
    if cell is None:
        return Decimal(0)
    value = cell.value
    return value.amount if isinstance(value, Money) else Decimal(value)


def _half_unit(decimals: int) -> Decimal:
    return Decimal(5).scaleb(-(decimals + 1))


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _plain(value: Decimal, kind: CellKind) -> Number:
    return int(value) if kind is CellKind.COUNT and value == value.to_integral_value() else value


def _figure(number: Number | None, lang: Lang) -> str:
    """A figure as ``lang`` writes it (``-14,67``, ``1.234`` in Italian); ``—`` for none."""
    return "—" if number is None else i18n.number(number, lang)


def _what(key: str, /, **params: Any) -> tuple[str, str]:
    """What a check found, English then Italian; numbers written as each language writes them."""
    english, italian = (
        i18n.message(
            key,
            lang,
            **{
                name: _figure(value, lang)
                if isinstance(value, int | Decimal) and not isinstance(value, bool)
                else value
                for name, value in params.items()
            },
        )
        for lang in ("en", "it")
    )
    return english, italian


def _finding(
    table: PublishedTable,
    row: str,
    column: str,
    check: str,
    *,
    published: Number | None,
    recomputed: Number | None,
    tolerance: Decimal,
    what: tuple[str, str],
    severity: Severity = Severity.MISMATCH,
) -> Discrepancy:
    difference = None if published is None or recomputed is None else published - recomputed
    where = f"{table.id} [{row}, {column}]"
    texts: dict[Lang, str] = {}
    for lang, said in zip(LANGS, (what[1], what[0]), strict=True):
        if severity is Severity.MISMATCH:
            texts[lang] = i18n.message(
                "sercop.check.mismatch",
                lang,
                where=where,
                what=said,
                published=_figure(published, lang),
                recomputed=_figure(recomputed, lang),
                difference=_figure(difference, lang),
                tolerance=_figure(tolerance, lang),
            )
        else:
            texts[lang] = i18n.message("sercop.check.note", lang, where=where, what=said)
    message, message_it = texts["en"], texts["it"]
    return Discrepancy(
        table=table.id,
        row=row,
        column=column,
        check=check,
        published=published,
        recomputed=recomputed,
        difference=difference,
        tolerance=tolerance,
        severity=severity,
        message=message,
        message_it=message_it,
    )


def _compare(
    table: PublishedTable,
    row: str,
    column: str,
    check: str,
    cell: Cell,
    exact: Decimal,
    what: tuple[str, str],
) -> list[Discrepancy]:
    tolerance = Decimal(0) if cell.kind is CellKind.COUNT else _half_unit(cell.decimals)
    published = _number(cell)
    if abs(published - exact) <= tolerance:
        return []
    recomputed = _round(exact, cell.decimals)
    return [
        _finding(
            table,
            row,
            column,
            check,
            published=_plain(published, cell.kind),
            recomputed=_plain(recomputed, cell.kind),
            tolerance=tolerance,
            what=what,
        )
    ]


def check_column_totals(table: PublishedTable) -> tuple[Discrepancy, ...]:
    """Each ``total`` row against the sum of the ``item`` rows, column by column.

    Percentage columns are not summable and are left to :func:`check_ratios`.

    >>> check_column_totals(published_table("sesei_scuole_2016"))  # 24 + 35 + 17 + 18 = 94
    ()
    >>> web = published_table("sesei_scuole_web")  # published total 87, rows add up to 85
    >>> [(f.row, f.column, f.check) for f in check_column_totals(web)]
    [('total', 'n', 'column_total')]
    """
    items = table.rows_with(RowRole.ITEM)
    found: list[Discrepancy] = []
    for total in table.rows_with(RowRole.TOTAL):
        for index, column in enumerate(table.columns):
            cell = total.cells[index]
            if cell is None or cell.kind is CellKind.PERCENT:
                continue
            exact = sum((_number(row.cells[index]) for row in items), Decimal(0))
            found += _compare(
                table,
                total.key,
                column.key,
                "column_total",
                cell,
                exact,
                _what("sercop.check.column_total"),
            )
    return tuple(found)


def check_parts(table: PublishedTable) -> tuple[Discrepancy, ...]:
    """``part`` rows ("di cui") together do not exceed their ``total`` row.

    >>> table = published_table("sesei_casi_2016")  # 33 + 62 "di cui" of 590 cases
    >>> check_parts(table)
    ()
    """
    found: list[Discrepancy] = []
    parts = table.rows_with(RowRole.PART)
    for total in table.rows_with(RowRole.TOTAL):
        for index, column in enumerate(table.columns):
            cell = total.cells[index]
            if cell is None or not parts:
                continue
            within = sum((_number(row.cells[index]) for row in parts), Decimal(0))
            if within > _number(cell):
                found.append(
                    _finding(
                        table,
                        total.key,
                        column.key,
                        "parts",
                        published=_plain(_number(cell), cell.kind),
                        recomputed=_plain(within, cell.kind),
                        tolerance=Decimal(0),
                        what=_what("sercop.check.parts"),
                    )
                )
    return tuple(found)


def check_ratios(
    table: PublishedTable,
    *,
    numerator: str,
    denominator: str,
    published: str,
    scale: int = 100,
) -> tuple[Discrepancy, ...]:
    """Column ``published`` against ``numerator / denominator × scale``, row by row.

    A zero denominator makes the ratio undefined: a :attr:`Severity.NOTE` says what was
    published instead.

    >>> findings = check_ratios(
    ...     published_table("nidi_vigilanza_2011"),
    ...     numerator="visits", denominator="facilities", published="coverage",
    ... )
    >>> [(f.row, f.severity.value, f.published) for f in findings][0]
    ('pogliano_milanese', 'note', Decimal('0'))
    """
    num, den, pub = (table.column_index(k) for k in (numerator, denominator, published))
    found: list[Discrepancy] = []
    for row in table.rows:
        cell = row.cells[pub]
        if cell is None:
            continue
        top, bottom = _number(row.cells[num]), _number(row.cells[den])
        if bottom == 0:
            found.append(
                _finding(
                    table,
                    row.key,
                    published,
                    "ratio",
                    published=_plain(_number(cell), cell.kind),
                    recomputed=None,
                    tolerance=Decimal(0),
                    severity=Severity.NOTE,
                    what=_what(
                        "sercop.check.ratio_undefined",
                        numerator=numerator,
                        denominator=denominator,
                        top=top,
                        bottom=bottom,
                        cell=cell.text,
                    ),
                )
            )
            continue
        found += _compare(
            table,
            row.key,
            published,
            "ratio",
            cell,
            top / bottom * scale,
            _what(
                "sercop.check.ratio",
                published=published,
                numerator=numerator,
                denominator=denominator,
                scale=scale,
            ),
        )
    return tuple(found)


def check_ratio_across(
    table: PublishedTable,
    *,
    column: str,
    source: PublishedTable,
    numerator: str,
    denominator: str,
    scale: int = 1,
) -> tuple[Discrepancy, ...]:
    """Each row of ``table`` (e.g. a chart) against the same row of ``source``'s ratio.

    >>> check_ratio_across(
    ...     published_table("nidi_prescrizioni_per_visita_2011"), column="average",
    ...     source=published_table("nidi_vigilanza_2011"),
    ...     numerator="prescriptions", denominator="visits",
    ... )
    ()
    """
    index = table.column_index(column)
    found: list[Discrepancy] = []
    for row in table.rows:
        cell = row.cells[index]
        if cell is None:
            continue
        bottom = _number(source.cell(row.key, denominator))
        if bottom == 0:
            found.append(
                _finding(
                    table,
                    row.key,
                    column,
                    "ratio_across",
                    published=_plain(_number(cell), cell.kind),
                    recomputed=None,
                    tolerance=Decimal(0),
                    severity=Severity.NOTE,
                    what=_what(
                        "sercop.check.zero_denominator", source=source.id, denominator=denominator
                    ),
                )
            )
            continue
        exact = _number(source.cell(row.key, numerator)) / bottom * scale
        found += _compare(
            table,
            row.key,
            column,
            "ratio_across",
            cell,
            exact,
            _what(
                "sercop.check.ratio_across",
                source=source.id,
                numerator=numerator,
                denominator=denominator,
            ),
        )
    return tuple(found)


def check_variations(
    table: PublishedTable, *, series: str, published: str, columns: Sequence[str]
) -> tuple[Discrepancy, ...]:
    """Row ``published`` (percent) against the change of row ``series`` from the column before.

    ``columns`` lists the column keys of one series in time order; the variation in
    ``columns[i]`` is ``(series[i] / series[i-1] - 1) × 100``.

    >>> findings = check_variations(
    ...     published_table("tutela_minori_2008_2011"), series="total", published="variation",
    ...     columns=["b_2008", "b_2009", "b_2010", "b_2011"],
    ... )
    >>> [(f.column, f.published, f.recomputed) for f in findings]
    [('b_2010', Decimal('-14.67'), Decimal('-3.14')),
     ('b_2011', Decimal('2.31'), Decimal('5.63'))]
    """
    base, pub = table.row(series), table.row(published)
    found: list[Discrepancy] = []
    for before, after in itertools.pairwise(columns):
        i, j = table.column_index(before), table.column_index(after)
        cell = pub.cells[j]
        previous = _number(base.cells[i])
        if cell is None or previous == 0:
            continue
        exact = (_number(base.cells[j]) / previous - 1) * 100
        what = _what("sercop.check.variation", before=before, after=after)
        for other in columns[: columns.index(before)]:
            start = _number(base.cells[table.column_index(other)])
            change = (_number(base.cells[j]) / start - 1) * 100 if start else None
            if change is not None and abs(_number(cell) - change) <= _half_unit(cell.decimals):
                what = _what(
                    "sercop.check.variation_matches", before=before, after=after, other=other
                )
                break
        found += _compare(
            table,
            published,
            after,
            "variation",
            cell,
            exact,
            what,
        )
    return tuple(found)


def check_shares(
    table: PublishedTable, *, column: str, expected: Decimal = Decimal(100)
) -> tuple[Discrepancy, ...]:
    """The shares in ``column`` add up to ``expected`` (100%), allowing for their rounding.

    >>> (found,) = check_shares(published_table("nidi_accreditati_2011"), column="share")
    >>> found.published, found.tolerance  # 83,3% + 17,6%; two shares, 0.05 each
    (Decimal('100.9'), Decimal('0.10'))
    """
    index = table.column_index(column)
    cells = [row.cells[index] for row in table.rows if row.cells[index] is not None]
    if not cells:
        return ()
    total = sum((_number(c) for c in cells), Decimal(0))
    decimals = max(c.decimals for c in cells if c is not None)
    tolerance = _half_unit(decimals) * len(cells)
    if abs(total - expected) <= tolerance:
        return ()
    return (
        _finding(
            table,
            "*",
            column,
            "shares",
            published=total,
            recomputed=expected,
            tolerance=tolerance,
            what=_what("sercop.check.shares"),
        ),
    )


def _registered() -> list[Callable[[], tuple[Discrepancy, ...]]]:
    def table(name: str) -> PublishedTable:
        return published_table(name)

    series_a = ["a_2008", "a_2009", "a_2010", "a_2011"]
    series_b = ["b_2008", "b_2009", "b_2010", "b_2011"]
    return [
        lambda: check_parts(table("sesei_casi_2016")),
        lambda: check_column_totals(table("sesei_scuole_2016")),
        lambda: check_column_totals(table("sesei_scuole_web")),
        lambda: check_variations(
            table("tutela_minori_2008_2011"),
            series="total",
            published="variation",
            columns=series_a,
        ),
        lambda: check_variations(
            table("tutela_minori_2008_2011"),
            series="total",
            published="variation",
            columns=series_b,
        ),
        lambda: check_shares(table("tutela_minori_costi_2011"), column="share"),
        lambda: check_shares(table("tutela_minori_ricavi_2011"), column="share"),
        lambda: check_column_totals(table("nidi_posti_2011")),
        lambda: check_shares(table("nidi_accreditati_2011"), column="share"),
        lambda: check_column_totals(table("nidi_vigilanza_2011")),
        lambda: check_ratios(
            table("nidi_vigilanza_2011"),
            numerator="visits",
            denominator="facilities",
            published="coverage",
        ),
        lambda: check_ratio_across(
            table("nidi_prescrizioni_per_visita_2011"),
            column="average",
            source=table("nidi_vigilanza_2011"),
            numerator="prescriptions",
            denominator="visits",
        ),
    ]


def check_published() -> tuple[Discrepancy, ...]:
    """Run every check that applies to the shipped Sercop tables; all findings, in order.

    >>> findings = check_published()
    >>> len(findings)
    7
    >>> print(findings[0].text("en"))
    sesei_scuole_web [total, n]: total is not the sum of its rows: published 87, recomputed 85
    (difference 2, tolerance 0)
    """
    return tuple(finding for check in _registered() for finding in check())

"""Consistency checks on Sercop's published tables: the exact findings, figure by figure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from welfare_ambito.sercop import (
    Severity,
    check_column_totals,
    check_published,
    check_ratios,
    check_shares,
    check_variations,
    load_table,
    published_table,
)

B = ["b_2008", "b_2009", "b_2010", "b_2011"]


def key(f: object) -> tuple[object, ...]:
    return (
        f.table,  # type: ignore[attr-defined]
        f.row,  # type: ignore[attr-defined]
        f.column,  # type: ignore[attr-defined]
        f.check,  # type: ignore[attr-defined]
        f.severity,  # type: ignore[attr-defined]
        f.published,  # type: ignore[attr-defined]
        f.recomputed,  # type: ignore[attr-defined]
        f.difference,  # type: ignore[attr-defined]
        f.tolerance,  # type: ignore[attr-defined]
    )


EXPECTED = [
    # seed 001: 28 + 36 + 21 = 85, but the page says 87 schools
    ("sesei_scuole_web", "total", "n", "column_total", Severity.MISMATCH, 87, 85, 2, Decimal(0)),
    # seed 003: 16.665 vs 17.205 is -3,14%; the published -14,67% is the change from 2008
    (
        "tutela_minori_2008_2011", "variation", "b_2010", "variation", Severity.MISMATCH,
        Decimal("-14.67"), Decimal("-3.14"), Decimal("-11.53"), Decimal("0.005"),
    ),
    # seed 003: 17.603 vs 16.665 is 5,63%; the published 2,31% is the change from 2009
    (
        "tutela_minori_2008_2011", "variation", "b_2011", "variation", Severity.MISMATCH,
        Decimal("2.31"), Decimal("5.63"), Decimal("-3.32"), Decimal("0.005"),
    ),
    # seed 003: the accredited nurseries pie, 83,3% + 17,6% = 100,9%
    (
        "nidi_accreditati_2011", "*", "share", "shares", Severity.MISMATCH,
        Decimal("100.9"), Decimal(100), Decimal("0.9"), Decimal("0.10"),
    ),
    # seed 003: coverage published as 0 where there are 0 facilities (0/0 is undefined)
    *[
        ("nidi_vigilanza_2011", comune, "coverage", "ratio", Severity.NOTE, Decimal(0), None, None, Decimal(0))
        for comune in ("pogliano_milanese", "pregnana_milanese", "settimo_milanese")
    ],
]  # fmt: skip


def test_exact_findings_on_the_shipped_tables() -> None:
    """The shipped tables give exactly the documented discrepancies and notes, in order."""
    assert [key(f) for f in check_published()] == EXPECTED


def test_messages_are_bilingual_and_explain() -> None:
    """Each finding has an English and an Italian message naming table, cell and figures."""
    findings = check_published()
    for finding in findings:
        assert finding.table in finding.message
        assert finding.table in finding.message_it
        assert finding.text("en") == finding.message
        assert finding.text("it") == finding.message_it
    variation = findings[1]
    assert "it matches the change from b_2008 to b_2010" in variation.message
    assert "corrisponde alla variazione da b_2008 a b_2010" in variation.message_it
    assert "pubblicato 87, ricalcolato 85" in findings[0].message_it
    assert findings[0].to_record()["published"] == 87


def test_consistent_tables_pass() -> None:
    """Tables whose derived figures match their inputs give no finding."""
    assert check_column_totals(published_table("sesei_scuole_2016")) == ()
    assert check_column_totals(published_table("nidi_posti_2011")) == ()
    assert check_column_totals(published_table("nidi_vigilanza_2011")) == ()
    series = published_table("tutela_minori_2008_2011")
    a = ["a_2008", "a_2009", "a_2010", "a_2011"]
    assert check_variations(series, series="total", published="variation", columns=a) == ()
    assert check_shares(published_table("tutela_minori_costi_2011"), column="share") == ()
    assert check_shares(published_table("tutela_minori_ricavi_2011"), column="share") == ()


def test_total_coverage_compared_at_published_precision() -> None:
    """11 visits of 13 facilities is 84,6%: the published 85% matches at whole percent."""
    findings = check_ratios(
        published_table("nidi_vigilanza_2011"),
        numerator="visits",
        denominator="facilities",
        published="coverage",
    )
    assert all(f.severity is Severity.NOTE for f in findings)
    assert "total" not in {f.row for f in findings}


def table(cells: list[str], total: str) -> object:
    return load_table(
        {
            "id": "t",
            "title_it": "t",
            "title_en": "t",
            "as_of": "x",
            "citation": {"seed": "s", "section": "s", "quote": "q"},
            "columns": [
                {"key": "n", "label": "n", "label_en": "n", "kind": "count"},
                {"key": "p", "label": "p", "label_en": "p", "kind": "percent"},
            ],
            "rows": [
                *[
                    {"key": f"r{i}", "label": "r", "label_en": "r", "cells": [c, "50%"]}
                    for i, c in enumerate(cells)
                ],
                {
                    "key": "tot",
                    "label": "T",
                    "label_en": "T",
                    "role": "total",
                    "cells": [total, ""],
                },
            ],
        }
    )


@pytest.mark.parametrize(
    ("cells", "total", "found"),
    [(["1", "2"], "3", 0), (["1", "2"], "4", 1), (["1.000", "2"], "1.002", 0)],
)
def test_column_totals_generic(cells: list[str], total: str, found: int) -> None:
    """A total row matches the sum of its items exactly (counts have no tolerance)."""
    assert len(check_column_totals(table(cells, total))) == found  # type: ignore[arg-type]


def test_variation_rounding_tolerance() -> None:
    """A variation within half a unit of its last printed digit is a match, beyond it is not."""
    series = published_table("tutela_minori_2008_2011")
    findings = check_variations(series, series="total", published="variation", columns=B[:2])
    assert findings == ()  # -11,9048% published as -11,90%

"""Sercop's published tables: shipped exactly as printed, with their citations."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from welfare_ambito.errors import InvalidValue, NotFound
from welfare_ambito.sercop import (
    Cell,
    CellKind,
    RowRole,
    load_table,
    published_table,
    published_tables,
)

SEEDS = Path("/work/shared/seeds")


def test_all_tables_load_with_citations() -> None:
    """Every shipped table loads and cites a seed file, a section and a quote."""
    tables = published_tables()
    assert {t.id for t in tables} == {
        "nidi_accreditati_2011",
        "nidi_posti_2011",
        "nidi_prescrizioni_per_visita_2011",
        "nidi_vigilanza_2011",
        "sesei_casi_2016",
        "sesei_interventi_2015",
        "sesei_scuole_2016",
        "sesei_scuole_web",
        "tutela_minori_2008_2011",
        "tutela_minori_costi_2011",
        "tutela_minori_ricavi_2011",
    }
    for table in tables:
        assert table.citation.source is not None
        assert table.citation.source.file
        assert table.citation.section
        assert table.citation.quote


def test_cells_appear_in_their_seed() -> None:
    """Every printed cell text of a table occurs in the cited source's embedded text."""
    for table in published_tables():
        assert table.citation.source is not None
        text = table.citation.source.text()
        assert text is not None
        for record in table.to_records():
            assert record["text"] in text, (table.id, record)


def test_sesei_figures() -> None:
    """Seed 000: 590 cases; 385/105/103 interventions and 10 groups; 94 schools by level."""
    casi = published_table("sesei_casi_2016")
    assert casi.value("cases", "n") == 590
    assert casi.value("requests_evaluated_2015_16", "n") == 486
    assert casi.value("pre_post_services", "n") == 38
    interventi = published_table("sesei_interventi_2015")
    assert [interventi.value(k, "n") for k in ("school", "edm", "edm_tutela", "group")] == [
        385,
        105,
        103,
        10,
    ]
    scuole = published_table("sesei_scuole_2016")
    assert [r.cells[0].value for r in scuole.rows if r.cells[0]] == [94, 24, 35, 17, 18]
    web = published_table("sesei_scuole_web")
    assert web.citation.document == "sercop-sesei-scheda-servizio"
    assert [r.cells[0].value for r in web.rows if r.cells[0]] == [87, 28, 36, 21]


def test_seed_003_tables() -> None:
    """Seed 003: Tutela series, nursery places and supervision visits, exactly as printed."""
    tutela = published_table("tutela_minori_2008_2011")
    assert tutela.value("total", "a_2011") == 511
    assert tutela.cell("total", "b_2009") == Cell(
        text="17.205", kind=CellKind.COUNT, value=17205, decimals=0
    )
    assert tutela.value("variation", "b_2010") == Decimal("-14.67")
    assert tutela.cell("variation", "a_2008") is None
    nidi = published_table("nidi_posti_2011")
    assert nidi.value("total", "public_nido") == 700
    assert nidi.row("total").role is RowRole.TOTAL
    visite = published_table("nidi_vigilanza_2011")
    assert visite.value("vanzago", "coverage") == Decimal(75)
    assert visite.cell("total", "coverage").decimals == 0  # type: ignore[union-attr]
    media = published_table("nidi_prescrizioni_per_visita_2011")
    assert media.value("vanzago", "average") == Decimal("7.7")


def test_unknown_names() -> None:
    """Unknown tables, rows and columns are NotFound (a LookupError), never KeyError."""
    with pytest.raises(NotFound):
        published_table("nope")
    table = published_table("nidi_posti_2011")
    with pytest.raises(LookupError):
        table.row("milano")
    with pytest.raises(NotFound):
        table.column_index("nope")


def test_loader_errors_have_paths() -> None:
    """A malformed table fails with InvalidValue at the bad cell or field."""
    base = {
        "id": "t",
        "title_it": "t",
        "title_en": "t",
        "as_of": "2011",
        "citation": {"seed": "s", "section": "s", "quote": "q"},
        "columns": [{"key": "n", "label": "N.", "label_en": "n", "kind": "count"}],
        "rows": [{"key": "a", "label": "A", "label_en": "A", "cells": ["1"]}],
    }
    assert load_table(base).value("a", "n") == 1
    bad_cell = [{"key": "a", "label": "A", "label_en": "A", "cells": ["1,5"]}]
    with pytest.raises(InvalidValue) as info:
        load_table({**base, "rows": bad_cell})
    assert info.value.path == "rows[0].cells[0]"
    with pytest.raises(InvalidValue) as info:
        load_table({**base, "rows": [{"key": "a", "label": "A", "label_en": "A", "cells": []}]})
    assert info.value.path == "rows[0].cells"
    with pytest.raises(InvalidValue) as info:
        load_table({**base, "colour": 1})
    assert info.value.path == "colour"
    with pytest.raises(InvalidValue) as info:
        load_table({**base, "citation": {"seed": "s"}})
    assert info.value.path == "citation.section"


@pytest.mark.parametrize(
    ("text", "kind", "value", "decimals"),
    [
        ("19530", CellKind.COUNT, 19530, 0),
        ("16.665", CellKind.COUNT, 16665, 0),
        ("-1,73%", CellKind.PERCENT, Decimal("-1.73"), 2),
        ("100%", CellKind.PERCENT, Decimal(100), 0),
        ("0", CellKind.PERCENT, Decimal(0), 0),
        ("7,7", CellKind.NUMBER, Decimal("7.7"), 1),
    ],
)
def test_cell_reading(text: str, kind: CellKind, value: object, decimals: int) -> None:
    """Cells are read from their Italian printed form, keeping the published precision."""
    cell = Cell.read(text, kind)
    assert (cell.value, cell.decimals, cell.text) == (value, decimals, text)

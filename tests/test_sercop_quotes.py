"""Every published Sercop table quotes its source verbatim, in the text embedded in the package."""

from __future__ import annotations

from pathlib import Path

import pytest

from welfare_ambito import data
from welfare_ambito.citations import normalise_text
from welfare_ambito.sercop import published_tables

SOURCES = Path(data.__file__).parent / "sources"
EMBEDDED = {
    "000_1e5b63d191278c80.txt": "sercop-sesei-relazione-2013-2016.txt",
    "001_234d90e6dc8662f1.txt": "sercop-sesei-scheda-servizio.txt",
    "003_9e96d65d23ab23e3.txt": "sercop-bilancio-sociale-2011.txt",
}


@pytest.mark.parametrize("table", published_tables(), ids=lambda t: t.id)
def test_table_quote_is_verbatim_in_the_embedded_text(table: object) -> None:
    """The quote occurs in the embedded source, white space folded; no skipped rows, no added marks."""
    citation = table.citation  # type: ignore[attr-defined]
    text = normalise_text((SOURCES / EMBEDDED[citation.document]).read_text(encoding="utf-8"))
    assert normalise_text(citation.quote) in text

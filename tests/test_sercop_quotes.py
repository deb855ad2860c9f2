"""Every published Sercop table quotes its source verbatim, in the text embedded in the package."""

from __future__ import annotations

import pytest

from welfare_ambito.citations import _document, embedded_sources, normalise_text
from welfare_ambito.sercop import published_tables


def _text(document: str) -> str:
    """The embedded text of the source a citation names (its id, or a legacy file name)."""
    text = embedded_sources()[_document(document)].text()
    assert text is not None
    return normalise_text(text)


@pytest.mark.parametrize("table", published_tables(), ids=lambda t: t.id)
def test_table_quote_is_verbatim_in_the_embedded_text(table: object) -> None:
    """The quote occurs in the embedded source, white space folded; no skipped rows, no added marks."""
    citation = table.citation  # type: ignore[attr-defined]
    text = _text(citation.document)
    assert normalise_text(citation.quote) in text


def _bilancio() -> str:
    return _text("sercop-bilancio-sociale-2011")


def test_facts_and_activations_quote_seed_003_verbatim() -> None:
    """«Sercop in sintesi», the network figures and the 2011 timeline are quoted verbatim."""
    from welfare_ambito.sercop import sercop_activations, sercop_facts

    text = _bilancio()
    items = [*sercop_facts(), *sercop_activations()]
    assert len(items) == 18
    for item in items:
        assert normalise_text(item.citation.quote) in text, item.citation.quote


def test_each_fact_figure_is_printed_in_its_quote() -> None:
    """The value held is the number the quote prints (Italian grouping, or «2 milioni»)."""
    from welfare_ambito.sercop import sercop_facts

    for fact in sercop_facts():
        printed = f"{int(fact.value):,}".replace(",", ".")
        millions = f"{int(fact.value) // 1_000_000} milioni"
        quote = fact.citation.quote
        assert printed in quote or str(int(fact.value)) in quote or millions in quote, fact.id
        assert fact.approximate == quote.lower().startswith("circa") or "circa" in quote


def test_activations_run_in_month_order_within_2011() -> None:
    """The timeline is ordered and inside 2011."""
    from welfare_ambito.sercop import sercop_activations

    days = [a.since for a in sercop_activations()]
    assert days == sorted(days)
    assert all(day.year == 2011 for day in days)


def test_sesei_partnership_quotes_seed_000() -> None:
    """The ATI's five cooperatives are quoted verbatim and each is named in the quote."""
    from welfare_ambito.sercop import sesei_partnership

    partnership = sesei_partnership()
    citation = partnership.citation
    text = _text(citation.document)
    assert normalise_text(citation.quote) in text
    assert partnership.members == ("Comin", "Stripes", "Tre Effe", "GP2 Servizi", "Serena")
    assert all(member in citation.quote for member in partnership.members)

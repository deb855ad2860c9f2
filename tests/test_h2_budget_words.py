"""Every budget text output speaks the chosen language: no word of the other one.

Renders allocations (with bounds), explanations, phasings, reconciliations,
comparisons, tables, budget views and the budget CLI's text output in Italian and
in English, and looks for the other language's words with the detector of
tests/test_i18n_words.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_i18n_words import leaks

from welfare_ambito import Money, Period, data
from welfare_ambito.budget import allocate, compare_split, phase, reconcile, rhodense_spesa_2011
from welfare_ambito.budget.view import budget_view
from welfare_ambito.cli import main

LANGS = ("it", "en")


def _outputs(lang: str) -> dict[str, str]:
    caseloads = {"Barlassina": 44, "Giussano": 129, "Meda": 108}
    bounded = allocate("430900", caseloads, minimum=Money("100000"), maximum=Money("180000"))
    split = allocate("430900", caseloads, method="webster")
    phasing = phase("211500", Period.parse("2023-06-01/2026-05-31"), unit="semester")
    result = reconcile(rhodense_spesa_2011())
    comparison = compare_split(
        {"Barlassina": "35600", "Giussano": "51000", "Meda": "32600"}, {"utenza": caseloads}
    )
    view = budget_view(data.tutela_minori_budget(), data.seregno(), lang=lang)  # type: ignore[arg-type]
    return {
        "allocation": split.to_text(lang),  # type: ignore[arg-type]
        "allocation html": split.to_html(lang),  # type: ignore[arg-type]
        "bounded allocation": bounded.to_text(lang),  # type: ignore[arg-type]
        "explain": bounded.explain(lang),
        "phasing": phasing.to_text(lang),  # type: ignore[arg-type]
        "phasing html": phasing.to_html(lang),  # type: ignore[arg-type]
        "reconciliation": result.to_text(lang),  # type: ignore[arg-type]
        "reconciliation html": result.to_html(lang),  # type: ignore[arg-type]
        "findings": "\n".join(f.text(lang) for f in result.findings),
        "comparison": comparison.to_text(lang),  # type: ignore[arg-type]
        "comparison html": comparison.to_html(lang),  # type: ignore[arg-type]
        "table html": rhodense_spesa_2011().to_html(lang),  # type: ignore[arg-type]
        "view": str(view),
    }


def _prose(text: str) -> str:
    """Data set aside: the published table's title and labels, Comuni, ids."""
    import html

    table = rhodense_spesa_2011()
    text = html.unescape(text)
    names = {*table.columns, *table.rows, table.title, table.citation or ""}
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return text


@pytest.mark.parametrize("lang", LANGS)
def test_every_budget_text_output_speaks_one_language(lang: str) -> None:
    problems = {k: leaks(_prose(v), lang) for k, v in _outputs(lang).items()}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, problems


@pytest.mark.parametrize("lang", LANGS)
def test_italian_and_english_outputs_differ(lang: str) -> None:
    """Each output is rendered for its language (headers and numbers change)."""
    other = "en" if lang == "it" else "it"
    mine, theirs = _outputs(lang), _outputs(other)
    assert all(mine[key] != theirs[key] for key in mine)


@pytest.mark.parametrize("lang", LANGS)
def test_budget_cli_text_output_speaks_one_language(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "spesa.csv"
    table.write_text(rhodense_spesa_2011().to_csv(), encoding="utf-8")
    runs = [
        ["budget", "split", "1000", "--weights", "Meda=1", "Seveso=2", "--lang", lang],
        ["budget", "phase", "211500", "2023-06/2024-05", "--lang", lang],
        ["budget", "reconcile", str(table), "--lang", lang],
        ["budget", "split", "-5", "--weights", "a=1", "--lang", lang],
    ]
    for argv in runs:
        main(argv)
        out, err = capsys.readouterr()
        assert not leaks(_prose(out + err), lang), (argv, out + err)
    if lang == "it":
        assert "importo" in out + err or "errore" in err

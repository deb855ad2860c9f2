"""Embedded data: the Ambito di Seregno, the seeds' figures with citations, the example plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from welfare_ambito import CoDesignPlan, Money, Period, data
from welfare_ambito.citations import normalise_text

ISTAT = {
    "Barlassina": "108005",
    "Ceriano Laghetto": "108018",
    "Cogliate": "108020",
    "Giussano": "108024",
    "Lazzate": "108025",
    "Lentate sul Seveso": "108054",
    "Meda": "108030",
    "Misinto": "108032",
    "Seregno": "108039",
    "Seveso": "108040",
}


def test_seregno_has_its_ten_comuni_with_istat_codes() -> None:
    """The embedded Ambito di Seregno lists 10 Comuni, lead Seregno, with ISTAT codes."""
    ambito = data.seregno()
    assert ambito.lead == "Seregno"
    assert {c.name: c.istat_code for c in ambito} == ISTAT


def test_territorial_amounts_add_up_to_the_notice_totals() -> None:
    """Six territorial amounts = € 430.900,00; + € 249.100,00 = € 680.000,00; × 3 = € 2.040.000,00."""
    figures = data.figures("seregno-tutela-minori-2022")
    territorial = [figures.value(n) for n in figures if n.startswith("budget.territorial.")]
    assert len(territorial) == 6
    assert sum(territorial, Money(0)) == Money("430900.00") == figures.value("budget.territorial")
    annual = figures.value("budget.territorial") + figures.value("budget.associated")
    assert annual == Money("680000.00") == figures.value("budget.annual_total")
    assert annual * figures.value("budget.years") == figures.value("budget.overall_total")


def test_tutela_minori_budget_and_caseloads() -> None:
    """The seed 002 budget has the stated lines and the caseloads of 31/12/2021."""
    budget = data.tutela_minori_budget()
    assert budget.total == Money("680000")
    assert budget.overall_total == Money("2040000")
    assert budget.line("administrative").parent == "associated"
    assert len(budget.children("territorial")) == 6
    assert dict(data.tutela_minori_caseloads()) == {
        "Barlassina": 44,
        "Giussano": 129,
        "Lentate sul Seveso": 86,
        "Meda": 108,
        "Seregno": 255,
        "Seveso": 140,
    }


def test_pippi_figures_keep_both_readings_of_the_period() -> None:
    """The two periods of seed 004 are both kept, each with its own citation."""
    figures = data.figures("seregno-pippi-2023")
    services = figures["period.services_reading"]
    finance = figures["period.finance_reading"]
    assert services.value == Period.of_months("2023-06", "2026-05")
    assert finance.value == Period.of_months("2023-05", "2026-04")
    assert services.citation.section != finance.citation.section
    assert figures.value("funding.amount") == Money("211500")


@pytest.mark.parametrize("set_id", data.figure_sets())
def test_every_figure_quotes_its_seed_verbatim(set_id: str, seeds_dir: Path) -> None:
    """Each figure's quote and section appear in the cited seed (white space folded)."""
    figures = data.figures(set_id)
    text = (seeds_dir / figures.document).read_text(encoding="utf-8")
    for name, figure in figures.items():
        assert figure.citation.found_in(text), name
        assert normalise_text(figure.citation.section) in normalise_text(text), name


@pytest.mark.parametrize("name", data.example_names())
def test_examples_load_and_are_also_in_the_examples_folder(name: str) -> None:
    """Each embedded example loads as a plan and examples/ holds the same file."""
    assert isinstance(data.example(name), CoDesignPlan)
    repo_copy = Path(__file__).parent.parent / "examples" / f"{name}.toml"
    assert repo_copy.read_text(encoding="utf-8") == data.example_text(name)


def test_unknown_names_are_lookup_errors_with_suggestions() -> None:
    """Unknown Ambiti, figure sets and examples raise NotFound naming a close match."""
    with pytest.raises(LookupError, match="seregno"):
        data.ambito("seregn")
    with pytest.raises(LookupError):
        data.figures("nowhere")
    with pytest.raises(LookupError, match="pippi_seregno"):
        data.example("pippi_seregn")

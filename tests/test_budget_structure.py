"""Structure checks of a Budget: sums to the cent and Comuni in scope (seed 002)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import Money
from welfare_ambito.budget import SplitKind, budget_view, check_budget, check_sums, split_kind
from welfare_ambito.model import Ambito, Budget, BudgetLine, Comune, ServiceScope

# Seed 002, sections "I SERVIZI OGGETTO…" and "DIMENSIONE TERRITORIALE E TITOLARITA' DEI SERVIZI".
TEN = (
    "Barlassina", "Ceriano Laghetto", "Cogliate", "Giussano", "Lazzate",
    "Lentate sul Seveso", "Meda", "Misinto", "Seregno", "Seveso",
)  # fmt: skip
SIX = ("Barlassina", "Giussano", "Lentate sul Seveso", "Meda", "Seregno", "Seveso")
# Seed 002, "RISORSE FINANZIARIE PER L'ATTUAZIONE DEGLI INTERVENTI".
TEAMS = {
    "Barlassina": "35600", "Giussano": "51000", "Lentate sul Seveso": "38000",
    "Meda": "32600", "Seregno": "210000", "Seveso": "63700",
}  # fmt: skip


def seregno() -> Ambito:
    return Ambito(
        id="seregno",
        name="Ambito di Seregno",
        lead="Seregno",
        comuni=[
            Comune(name=n, aliases=("Lentate S/S",) if n == "Lentate sul Seveso" else ())
            for n in TEN
        ],
    )


def tutela_minori(**changes: str) -> Budget:
    """The seed 002 budget, built like welfare_ambito.data.tutela_minori_budget()."""
    lines = [
        BudgetLine(id="associated", label="Servizi associati", amount=changes.get("associated", "249100"),
                   scope=ServiceScope.ASSOCIATED, comuni=SIX),
        BudgetLine(id="administrative", label="Servizi amministrativi",
                   amount=changes.get("administrative", "40000"), scope=ServiceScope.ADMINISTRATIVE,
                   parent="associated", comuni=TEN),
        BudgetLine(id="territorial", label="Équipe territoriali", amount=changes.get("territorial", "430900"),
                   scope=ServiceScope.TERRITORIAL, comuni=SIX),
    ]  # fmt: skip
    for name, amount in TEAMS.items():
        slug = name.lower().replace(" ", "-")
        lines.append(
            BudgetLine(id=f"territorial.{slug}", label=f"Équipe di {name}", amount=changes.get(slug, amount),
                       scope=ServiceScope.TERRITORIAL, comune=changes.get(f"{slug}.comune", name),
                       parent="territorial")
        )  # fmt: skip
    return Budget(
        total=changes.get("total", "680000"), lines=lines, years=3,
        overall_total=changes.get("overall", "2040000"),
    )  # fmt: skip


def test_seed_002_budget_adds_up() -> None:
    """249.100 (di cui 40.000) + 430.900 = 680.000 a year, × 3 = 2.040.000: no finding."""
    assert check_budget(tutela_minori(), seregno()) == ()


def test_embedded_seed_002_budget_adds_up() -> None:
    """The lead's embedded budget and Ambito, when present, also pass every check."""
    data = pytest.importorskip("welfare_ambito.data")
    if not hasattr(data, "tutela_minori_budget"):
        pytest.skip("welfare_ambito.data.tutela_minori_budget not available yet")
    assert check_budget(data.tutela_minori_budget(), data.seregno()) == ()


def test_split_kinds_are_inferred() -> None:
    """Children naming a Comune are a full split; 'administrative' is a 'di cui' part."""
    budget = tutela_minori()
    assert split_kind(budget, "territorial") is SplitKind.FULL
    assert split_kind(budget, "associated") is SplitKind.PARTS
    assert split_kind(budget, "administrative") is None
    assert split_kind(budget, "associated", full_splits={"associated"}) is SplitKind.FULL


def test_a_wrong_team_amount_is_reported_with_figures() -> None:
    """Meda at 32.500 leaves the split € 100 short of the territorial line."""
    findings = check_budget(tutela_minori(meda="32500"), seregno())
    assert [(f.code, f.path) for f in findings] == [("budget.split_sum", "lines[2].amount")]
    (finding,) = findings
    assert (finding.stated, finding.computed, finding.difference) == (
        Money("430900"),
        Money("430800"),
        Money("100"),
    )
    assert "differenza" in finding.message_it
    assert "difference" in finding.message


def test_parts_larger_than_parent_are_reported() -> None:
    """'Di cui' parts may be smaller than the parent, never larger."""
    findings = check_sums(tutela_minori(administrative="250000"))
    assert [f.code for f in findings] == ["budget.parts_exceed"]
    assert findings[0].difference == Money("-900")


def test_wrong_totals_are_reported() -> None:
    """A yearly total or a three-year total that does not add up is a finding each."""
    findings = check_sums(tutela_minori(total="690000", overall="2070000"))
    assert [(f.code, str(f.difference)) for f in findings] == [("budget.total", "€ 10.000,00")]
    findings = check_sums(tutela_minori(overall="2000000"))
    assert [(f.code, f.computed) for f in findings] == [("budget.overall_total", Money("2040000"))]


def test_comune_outside_the_ambito_or_the_scope() -> None:
    """A team for a non-member, or for a member outside the six, is reported."""
    outside = check_budget(tutela_minori(**{"meda.comune": "Monza"}), seregno())
    assert [f.code for f in outside] == ["budget.unknown_comune", "budget.comune_without_share"]
    scope = check_budget(tutela_minori(**{"meda.comune": "Cogliate"}), seregno())
    assert [f.code for f in scope] == ["budget.comune_out_of_scope", "budget.comune_without_share"]
    assert scope[0].path == "lines[6].comune"
    assert scope[1].severity == "warning"


def test_aliases_are_accepted() -> None:
    """A team named by the notice's short form 'Lentate S/S' is in scope."""
    budget = tutela_minori(**{"lentate-sul-seveso.comune": "Lentate S/S"})
    assert check_budget(budget, seregno()) == ()


@given(index=st.integers(0, len(TEAMS) - 1), delta=st.integers(-(10**6), 10**6).filter(bool))
def test_changing_one_team_gives_exactly_one_finding(index: int, delta: int) -> None:
    """Moving one team's amount by any cents gives one split_sum finding with that difference."""
    budget = tutela_minori()
    line = [ln for ln in budget.lines if ln.parent == "territorial"][index]
    changed = attrs.evolve(line, amount=line.amount + Money.from_cents(delta))
    budget = attrs.evolve(budget, lines=tuple(changed if ln is line else ln for ln in budget.lines))
    findings = check_budget(budget, seregno())
    assert [f.code for f in findings if f.code != "budget.negative_line"] == ["budget.split_sum"]
    split = next(f for f in findings if f.code == "budget.split_sum")
    assert split.difference == Money.from_cents(-delta)


def test_budget_view_for_notebooks() -> None:
    """The view lists lines in tree order with HTML and records, highlighting findings."""
    view = budget_view(tutela_minori(meda="32500"), seregno())
    records = view.to_records()
    assert [r["id"] for r in records][:3] == ["associated", "administrative", "territorial"]
    assert records[2]["children"] == "full"
    assert records[0]["children"] == "parts"
    html = view._repr_html_()
    assert "<table" in html
    assert "#fde2e2" in html
    assert not view.ok
    assert "lines[2].amount" in str(view)

"""Allocation: exact splits, their invariants, and the seeds' figures."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from welfare_ambito import Money
from welfare_ambito.budget import METHODS, Allocation, allocate
from welfare_ambito.errors import InvalidValue, NotFound

# Seed 002, "DIMENSIONE TERRITORIALE E TITOLARITA' DEI SERVIZI": "L'utenza in carico al 31/12/2021".
CASELOADS = {
    "Barlassina": 44,
    "Giussano": 129,
    "Lentate sul Seveso": 86,
    "Meda": 108,
    "Seregno": 255,
    "Seveso": 140,
}
# Seed 002, "RISORSE FINANZIARIE": "Equipe Territoriali € 430.900,00 a loro volta così suddivisi".
TERRITORIAL = {
    "Barlassina": "35.600,00",
    "Giussano": "51.000,00",
    "Lentate sul Seveso": "38.000,00",
    "Meda": "32.600,00",
    "Seregno": "210.000,00",
    "Seveso": "63.700,00",
}
WEIGHTED = ("largest_remainder", "webster")

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6)


@st.composite
def weight_maps(draw: Any, *, min_size: int = 1, max_size: int = 12) -> dict[str, int]:
    keys = draw(st.lists(names, min_size=min_size, max_size=max_size, unique=True))
    values = draw(st.lists(st.integers(0, 10_000), min_size=len(keys), max_size=len(keys)))
    assume(any(values))
    return dict(zip(keys, values, strict=True))


totals = st.integers(0, 10**9)


@st.composite
def bounded_cases(draw: Any) -> tuple[int, dict[str, int], dict[str, Money], dict[str, Money]]:
    weights = draw(weight_maps())
    low = {k: draw(st.integers(0, 10_000)) for k in weights}
    high = {k: low[k] + draw(st.integers(0, 100_000)) for k in weights}
    floor = sum(low.values())
    ceiling = sum(high[k] if weights[k] else low[k] for k in weights)
    total = draw(st.integers(floor, ceiling))
    return (
        total,
        weights,
        {k: Money.from_cents(v) for k, v in low.items()},
        {k: Money.from_cents(v) for k, v in high.items()},
    )


def quota_cents(total: int, weights: dict[str, int], name: str) -> Fraction:
    return Fraction(total * weights[name], sum(weights.values()))


# -- properties ---------------------------------------------------------------------------


@given(
    total=totals,
    weights=weight_maps(),
    method=st.sampled_from(["largest_remainder", "webster", "equal"]),
)
def test_sum_is_exact_and_no_share_negative(
    total: int, weights: dict[str, int], method: str
) -> None:
    """Every method's shares add up to the total to the cent and none is negative."""
    result = allocate(Money.from_cents(total), weights, method=method)
    assert sum(result.cents().values()) == total
    assert all(v >= Money(0) for v in result.values())
    assert list(result) == list(weights)


@given(case=bounded_cases(), method=st.sampled_from(WEIGHTED))
def test_bounds_hold_and_sum_is_exact(case: Any, method: str) -> None:
    """Shares respect every minimum and maximum and still add up to the total."""
    total, weights, low, high = case
    result = allocate(Money.from_cents(total), weights, method=method, minimum=low, maximum=high)
    assert sum(result.cents().values()) == total
    for name, amount in result.items():
        assert low[name] <= amount <= high[name]


@given(total=totals, weights=weight_maps())
def test_largest_remainder_within_one_cent_of_quota(total: int, weights: dict[str, int]) -> None:
    """largest_remainder keeps every share strictly within one cent of its exact quota."""
    result = allocate(Money.from_cents(total), weights)
    for name, cents in result.cents().items():
        assert abs(cents - quota_cents(total, weights, name)) < 1
        assert result.share(name).quota == quota_cents(total, weights, name) / 100


@given(case=bounded_cases())
def test_largest_remainder_within_one_cent_of_bounded_quota(case: Any) -> None:
    """With bounds, each share is within one cent of its reported (bounded) quota."""
    total, weights, low, high = case
    result = allocate(Money.from_cents(total), weights, minimum=low, maximum=high)
    for share in result.shares:
        assert abs(share.rounding) < Fraction(1, 100)
        assert low[share.recipient].amount <= share.quota <= high[share.recipient].amount


@given(case=bounded_cases())
def test_bounded_quotas_are_proportional_between_the_bounds(case: Any) -> None:
    """Unbound recipients share one rate per unit of weight; bound ones sit at their bound."""
    total, weights, low, high = case
    result = allocate(Money.from_cents(total), weights, minimum=low, maximum=high)
    rates = {s.quota / s.weight for s in result.shares if s.bound is None and s.weight}
    assert len(rates) <= 1
    for share in result.shares:
        if share.bound == "minimum":
            assert share.quota == low[share.recipient].amount
            assert not rates or share.weight * min(rates) <= share.quota
        if share.bound == "maximum":
            assert share.quota == high[share.recipient].amount
            assert not rates or share.weight * max(rates) >= share.quota


@given(total=totals, growth=st.integers(0, 10_000), weights=weight_maps())
def test_webster_never_lowers_a_share_when_total_grows(
    total: int, growth: int, weights: dict[str, int]
) -> None:
    """webster is house-monotone: a larger total never lowers anyone's share."""
    before = allocate(Money.from_cents(total), weights, method="webster")
    after = allocate(Money.from_cents(total + growth), weights, method="webster")
    for name in weights:
        assert after[name] >= before[name]


@given(
    total=totals, growth=st.integers(0, 10_000), weights=weight_maps(), floor=st.integers(0, 1000)
)
def test_webster_house_monotone_with_a_minimum(
    total: int, growth: int, weights: dict[str, int], floor: int
) -> None:
    """webster stays house-monotone with a common minimum."""
    assume(floor * len(weights) <= total)
    minimum = Money.from_cents(floor)
    before = allocate(Money.from_cents(total), weights, method="webster", minimum=minimum)
    after = allocate(Money.from_cents(total + growth), weights, method="webster", minimum=minimum)
    for name in weights:
        assert after[name] >= before[name]


@given(
    total=totals,
    weights=weight_maps(),
    raise_by=st.integers(1, 10_000),
    data=st.data(),
    method=st.sampled_from(WEIGHTED),
)
def test_raising_a_weight_never_lowers_that_share(
    total: int, weights: dict[str, int], raise_by: int, data: Any, method: str
) -> None:
    """Raising one recipient's weight, the others fixed, never lowers its share."""
    name = data.draw(st.sampled_from(sorted(weights)))
    before = allocate(Money.from_cents(total), weights, method=method)
    after = allocate(
        Money.from_cents(total), {**weights, name: weights[name] + raise_by}, method=method
    )
    assert after[name] >= before[name]


@given(
    case=bounded_cases(),
    raise_by=st.integers(1, 10_000),
    data=st.data(),
    method=st.sampled_from(WEIGHTED),
)
def test_raising_a_weight_never_lowers_that_share_with_bounds(
    case: Any, raise_by: int, data: Any, method: str
) -> None:
    """Weight monotonicity also holds under minimums and maximums."""
    total, weights, low, high = case
    name = data.draw(st.sampled_from(sorted(weights)))
    before = allocate(Money.from_cents(total), weights, method=method, minimum=low, maximum=high)
    raised = {**weights, name: weights[name] + raise_by}
    after = allocate(Money.from_cents(total), raised, method=method, minimum=low, maximum=high)
    assert after[name] >= before[name]


@given(
    total=totals,
    weights=weight_maps(min_size=2),
    data=st.data(),
    method=st.sampled_from(["largest_remainder", "webster", "equal"]),
)
def test_result_does_not_depend_on_input_order(
    total: int, weights: dict[str, int], data: Any, method: str
) -> None:
    """Shuffling the recipients gives the same share to each of them."""
    order = data.draw(st.permutations(list(weights)))
    shuffled = {k: weights[k] for k in order}
    first = allocate(Money.from_cents(total), weights, method=method)
    second = allocate(Money.from_cents(total), shuffled, method=method)
    assert dict(first) == dict(second)


@given(case=bounded_cases(), data=st.data(), method=st.sampled_from(WEIGHTED))
def test_bounded_result_does_not_depend_on_input_order(case: Any, data: Any, method: str) -> None:
    """Order independence holds with bounds too."""
    total, weights, low, high = case
    order = data.draw(st.permutations(list(weights)))
    first = allocate(Money.from_cents(total), weights, method=method, minimum=low, maximum=high)
    second = allocate(
        Money.from_cents(total),
        {k: weights[k] for k in order},
        method=method,
        minimum=low,
        maximum=high,
    )
    assert dict(first) == dict(second)


@given(total=totals, weights=weight_maps())
def test_fixed_accepts_its_own_result(total: int, weights: dict[str, int]) -> None:
    """fixed accepts amounts that add up, and returns them unchanged."""
    amounts = allocate(Money.from_cents(total), weights)
    fixed = allocate(Money.from_cents(total), dict(amounts), method="fixed")
    assert dict(fixed) == dict(amounts)


@given(total=st.integers(0, 10**7), count=st.integers(1, 20))
def test_equal_shares_differ_by_at_most_one_cent(total: int, count: int) -> None:
    """equal gives everyone the same to within one cent."""
    result = allocate(Money.from_cents(total), [f"c{i:02d}" for i in range(count)], method="equal")
    cents = list(result.cents().values())
    assert max(cents) - min(cents) <= 1
    assert sum(cents) == total


# -- examples on the seeds -------------------------------------------------------------------


def test_seed_002_split_by_caseload() -> None:
    """€ 430.900,00 by the caseload at 31/12/2021 gives these exact shares."""
    result = allocate("430.900,00", CASELOADS)
    assert {k: str(v.amount) for k, v in result.items()} == {
        "Barlassina": "24881.36",
        "Giussano": "72947.64",
        "Lentate sul Seveso": "48631.76",
        "Meda": "61072.44",
        "Seregno": "144198.82",
        "Seveso": "79167.98",
    }
    assert result.total == Money("430900")


def test_seed_002_stated_split_is_a_valid_fixed_allocation() -> None:
    """The notice's split per Comune adds up to € 430.900,00 exactly."""
    result = allocate("430900", TERRITORIAL, method="fixed")
    assert result["Seregno"] == Money("210000")


def test_fixed_that_does_not_add_up_is_an_error_with_figures() -> None:
    """fixed reports the stated total, the computed sum and the difference."""
    with pytest.raises(InvalidValue) as info:
        allocate("431000", TERRITORIAL, method="fixed")
    assert info.value.code == "budget.fixed_sum"
    assert info.value.params["difference"] == Money("100")
    assert "differenza" in info.value.message_it


def test_equal_ties_go_to_names_in_alphabetical_order() -> None:
    """Leftover cents of an equal split go to the first names alphabetically, whatever the order."""
    result = allocate("0.05", ["c", "a", "b"], method="equal")
    assert result.cents() == {"c": 1, "a": 2, "b": 2}


def test_largest_remainder_ties_prefer_larger_weight_then_name() -> None:
    """Equal remainders: the larger weight first, then the name."""
    # Quotas 0.5 and 1.5 cents: equal remainders, "b" weighs more.
    assert allocate("0.02", {"a": 1, "b": 3}).cents() == {"a": 0, "b": 2}
    assert allocate("0.01", {"b": 1, "a": 1}).cents() == {"b": 0, "a": 1}


def test_share_explains_itself_in_both_languages() -> None:
    """A share states its weight, exact quota and rounding, in Italian and English."""
    share = allocate("100", {"Meda": 1, "Seveso": 2}).share("Meda")
    assert share.quota == Fraction(100, 3)
    assert "quota esatta € 33,333333…" in share.explain("it")
    assert "exact quota" in share.explain("en")
    assert share.rounding == Fraction(-1, 300)


def test_minimum_raises_small_shares_and_scales_the_rest() -> None:
    """A common minimum lifts the small Comuni; the others share the rest by weight."""
    result = allocate("430900", CASELOADS, minimum="60000")
    assert result["Barlassina"] == Money("60000")
    assert result.share("Barlassina").bound == "minimum"
    assert sum(result.values()) == Money("430900")


def test_weights_may_be_decimal_text_or_float() -> None:
    """Weights can be Decimal, Italian or plain text, or float (read as its decimal form)."""
    a = allocate("10", {"x": Decimal("1.5"), "y": "2,5"})
    b = allocate("10", {"x": 1.5, "y": "2.5"})
    assert dict(a) == dict(b) == {"x": Money("3.75"), "y": Money("6.25")}


def test_allocation_is_a_read_only_mapping() -> None:
    """An Allocation is a Mapping that cannot be changed."""
    result = allocate("1", {"a": 1})
    assert isinstance(result, Allocation)
    with pytest.raises(AttributeError):
        result.x = 1  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        result["a"] = Money(2)  # type: ignore[index]
    with pytest.raises(KeyError):
        result["zzz"]


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"total": "10", "weights": {"a": 0, "b": 0}}, "budget.zero_total_weight"),
        ({"total": "10", "weights": {"a": -1, "b": 2}}, "budget.negative_weight"),
        ({"total": "-10", "weights": {"a": 1}}, "budget.negative_total"),
        ({"total": "10", "weights": {}}, "budget.no_recipients"),
        ({"total": "10", "weights": {"a": 1}, "method": "dhondt"}, "budget.unknown_method"),
        ({"total": "10", "weights": {"a": 1, "b": 1}, "minimum": "6"}, "budget.bounds_infeasible"),
        ({"total": "10", "weights": {"a": 1, "b": 1}, "maximum": "4"}, "budget.bounds_infeasible"),
        (
            {"total": "10", "weights": {"a": 1}, "minimum": {"a": "5"}, "maximum": {"a": "4"}},
            "budget.bounds_infeasible",
        ),
        ({"total": "10", "weights": {"a": "many"}}, "budget.not_a_number"),
        ({"total": "10", "weights": {"a": float("nan")}}, "budget.not_a_number"),
        ({"total": 10.0, "weights": {"a": 1}}, "budget.amount_type"),
        ({"total": "10", "weights": "abc"}, "budget.weights_type"),
        ({"total": "10", "weights": {"a": 1}, "minimum": "-1"}, "budget.negative_bound"),
    ],
)
def test_invalid_input_is_a_clear_error(kwargs: dict[str, Any], code: str) -> None:
    """Bad totals, weights, methods and bounds raise InvalidValue with a stable code."""
    total = kwargs.pop("total")
    weights = kwargs.pop("weights")
    with pytest.raises(InvalidValue) as info:
        allocate(total, weights, **kwargs)
    assert info.value.code == code
    assert info.value.message_it
    assert info.value.message


def test_bound_for_an_unknown_recipient_is_not_found() -> None:
    """A minimum naming someone who is not a recipient is a NotFound (a LookupError)."""
    with pytest.raises(NotFound) as info:
        allocate("10", {"Meda": 1}, minimum={"Medda": "1"})
    assert info.value.path == "minimum.Medda"


def test_methods_are_listed() -> None:
    """The four methods are public."""
    assert set(METHODS) == {"largest_remainder", "webster", "equal", "fixed"}

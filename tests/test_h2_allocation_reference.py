"""allocate against a simple reference implementation, written from the documented rules.

The reference hands out cents the slow, obvious way (exact fractions, one cent at a
time, ties by the documented order), so any shortcut of the fast path shows up here.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from welfare_ambito import Money
from welfare_ambito.budget import allocate

names = st.text(alphabet="abcdefgh", min_size=1, max_size=3)


@st.composite
def weight_maps(draw: Any, max_size: int = 9) -> dict[str, int]:
    keys = draw(st.lists(names, min_size=1, max_size=max_size, unique=True))
    # Small weights, often equal: ties are the point.
    values = [draw(st.integers(0, 6)) for _ in keys]
    assume(any(values))
    return dict(zip(keys, values, strict=True))


def reference_largest_remainder(total: int, weights: dict[str, int]) -> dict[str, int]:
    """Floors of the exact quotas; leftover cents by remainder, then weight, then name."""
    whole = sum(weights.values())
    quotas = {n: Fraction(total * w, whole) for n, w in weights.items()}
    cents = {n: q.numerator // q.denominator for n, q in quotas.items()}
    order = sorted(weights, key=lambda n: (-(quotas[n] - cents[n]), -weights[n], n))
    for name in order[: total - sum(cents.values())]:
        cents[name] += 1
    return cents


def reference_webster(
    total: int, weights: dict[str, int], low: dict[str, int], high: dict[str, int] | None
) -> dict[str, int]:
    """From the minimums, one cent at a time to the highest weight / (cents + 1/2), ties by name."""
    cents = dict(low)
    for _ in range(total - sum(cents.values())):
        open_ = [n for n in weights if weights[n] and (high is None or cents[n] < high[n])]
        best = min(open_, key=lambda n: (-Fraction(2 * weights[n], 2 * cents[n] + 1), n))
        cents[best] += 1
    return cents


def _cents(result: Any) -> dict[str, int]:
    return {name: amount.cents for name, amount in result.items()}


@given(total=st.integers(0, 3000), weights=weight_maps())
def test_largest_remainder_is_the_reference(total: int, weights: dict[str, int]) -> None:
    result = allocate(Money.from_cents(total), weights)
    assert _cents(result) == reference_largest_remainder(total, weights)


@given(total=st.integers(0, 3000), names_=st.lists(names, min_size=1, max_size=9, unique=True))
def test_equal_is_the_reference(total: int, names_: list[str]) -> None:
    result = allocate(Money.from_cents(total), names_, method="equal")
    assert _cents(result) == reference_largest_remainder(total, dict.fromkeys(names_, 1))


@given(total=st.integers(0, 600), weights=weight_maps())
def test_webster_is_the_reference(total: int, weights: dict[str, int]) -> None:
    result = allocate(Money.from_cents(total), weights, method="webster")
    assert _cents(result) == reference_webster(total, weights, dict.fromkeys(weights, 0), None)


@given(data=st.data(), weights=weight_maps())
def test_bounded_webster_is_the_reference(data: st.DataObject, weights: dict[str, int]) -> None:
    low = {n: data.draw(st.integers(0, 40)) for n in weights}
    high = {n: low[n] + data.draw(st.integers(0, 200)) for n in weights}
    floor = sum(low.values())
    ceiling = sum(high[n] if weights[n] else low[n] for n in weights)
    total = data.draw(st.integers(floor, ceiling))
    result = allocate(
        Money.from_cents(total),
        weights,
        method="webster",
        minimum={n: Money.from_cents(v) for n, v in low.items()},
        maximum={n: Money.from_cents(v) for n, v in high.items()},
    )
    assert _cents(result) == reference_webster(total, weights, low, high)


@given(
    total=st.integers(0, 2000),
    weights=weight_maps(max_size=80),
    method=st.sampled_from(["largest_remainder", "webster"]),
)
def test_many_recipients_few_cents_left_is_the_reference(
    total: int, weights: dict[str, int], method: str
) -> None:
    """Many recipients and few leftover cents: the partial-selection paths, held to the reference."""
    result = _cents(allocate(Money.from_cents(total), weights, method=method))
    if method == "webster":
        assert result == reference_webster(total, weights, dict.fromkeys(weights, 0), None)
    else:
        assert result == reference_largest_remainder(total, weights)

"""Any value in any parameter of a profile: it loads, or it is a typed error at its path.

The fuzz campaign found a profile given as a mapping with a 5,000-digit text in a count
parameter ending in Python's own ``ValueError`` (the integer conversion limit): a count was
read with ``int()`` instead of the one grammar of counts, which bounds its digits.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from welfare_ambito import data
from welfare_ambito.errors import WelfareAmbitoError
from welfare_ambito.rules.profiles import load_profile

PROFILES = Path(data.__file__).parent / "profiles"
TREES = {
    path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
    for path in sorted(PROFILES.glob("*.toml"))
}
SLOTS = [
    (profile, name)
    for profile, tree in TREES.items()
    for name, entry in (tree.get("parameters") or {}).items()
    if "value" in entry
]
HOSTILE = st.one_of(
    st.just("9" * 5000),
    st.just(10**5000),
    st.just(-(10**40)),
    st.just("1e999999"),
    st.just("1.500"),
    st.just("-3"),
    st.just(""),
    st.text(max_size=30),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(slot=st.sampled_from(SLOTS), value=HOSTILE)
def test_a_hostile_parameter_value_loads_or_is_a_typed_error(
    slot: tuple[str, str], value: Any
) -> None:
    profile, name = slot
    tree = copy.deepcopy(TREES[profile])
    tree["parameters"][name]["value"] = value
    try:
        load_profile(tree)
    except WelfareAmbitoError as error:
        assert name in str(error), str(error)[:300]

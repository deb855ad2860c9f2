"""An immutable, hashable mapping for the fields of frozen domain objects."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any, NoReturn, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

__all__ = ["FrozenDict"]


class FrozenDict(dict[K, V]):
    """A read-only mapping that keeps insertion order and can be hashed.

    A ``dict`` underneath, so reading it runs at C speed; every method that
    would change it raises ``TypeError``.

    >>> d = FrozenDict({"a": 1})
    >>> d["a"], len(d), d == {"a": 1}
    (1, 1, True)
    >>> d["b"] = 2
    Traceback (most recent call last):
    ...
    TypeError: FrozenDict is immutable
    """

    __slots__ = ("_hash",)

    def __init__(self, data: Mapping[K, V] | Iterable[tuple[K, V]] | None = None) -> None:
        super().__init__(data or {})
        self._hash: int | None = None

    def __hash__(self) -> int:  # type: ignore[override]
        if self._hash is None:
            self._hash = hash(frozenset(self.items()))
        return self._hash

    def _immutable(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("FrozenDict is immutable")

    __setitem__ = _immutable
    __delitem__ = _immutable
    __ior__ = _immutable
    clear = _immutable
    pop = _immutable
    popitem = _immutable
    setdefault = _immutable
    update = _immutable

    def __repr__(self) -> str:
        return f"FrozenDict({dict(self)!r})"

    def __reduce__(self) -> tuple[type[FrozenDict[K, V]], tuple[dict[K, V]]]:
        return (type(self), (dict(self),))

    def __copy__(self) -> FrozenDict[K, V]:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> FrozenDict[K, V]:
        return self

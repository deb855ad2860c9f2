"""A small TOML writer for the documents welfare_ambito dumps.

The standard library reads TOML (:mod:`tomllib`) but does not write it; our
documents are plain trees of tables, arrays, strings, ints and bools, so a
writer of that subset keeps the runtime dependencies to attrs, cattrs and
python-dateutil.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["dumps"]

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


# TOML basic strings: escape the quote, the backslash and every control character
# (U+0000–U+001F and U+007F); everything else is written as itself.
_ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\t"): "\\t"}
_ESCAPES.update({code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F) if code not in _ESCAPES})


def _string(text: str) -> str:
    """``text`` as a TOML basic string.

    >>> print(_string('a "b"\\x7f'))
    "a \\"b\\"\\u007F"
    """
    return '"' + text.translate(_ESCAPES) + '"'


def _key(key: str) -> str:
    return key if _BARE.match(key) else _string(key)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Sequence):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(k)} = {_scalar(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _is_table_array(value: Any) -> bool:
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and bool(value)
        and all(isinstance(item, Mapping) for item in value)
    )


def _table(lines: list[str], prefix: tuple[str, ...], table: Mapping[str, Any]) -> None:
    nested: list[tuple[str, Any]] = []
    for key, value in table.items():
        if value is None:
            continue
        if isinstance(value, Mapping) or _is_table_array(value):
            nested.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_scalar(value)}")
    for key, value in nested:
        path = (*prefix, key)
        dotted = ".".join(_key(p) for p in path)
        if isinstance(value, Mapping):
            # A table holding only sub-tables needs no header of its own.
            only_tables = bool(value) and all(
                isinstance(v, Mapping) or _is_table_array(v) or v is None for v in value.values()
            )
            if not only_tables:
                lines.append("")
                lines.append(f"[{dotted}]")
            _table(lines, path, value)
        else:
            for item in value:
                lines.append("")
                lines.append(f"[[{dotted}]]")
                _table(lines, path, item)


def dumps(document: Mapping[str, Any]) -> str:
    """Write ``document`` (a tree of dicts, lists and scalars) as TOML text.

    >>> print(dumps({"id": "p1", "families": [{"id": "F1"}]}))
    id = "p1"
    <BLANKLINE>
    [[families]]
    id = "F1"
    <BLANKLINE>
    """
    lines: list[str] = []
    _table(lines, (), document)
    return "\n".join(lines).lstrip("\n") + "\n"

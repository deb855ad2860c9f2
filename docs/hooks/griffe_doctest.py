"""Griffe extension for the API reference: docstrings written for ``help()`` read well as Markdown.

The library's docstrings hold bare doctest examples (``>>> …`` lines, run by pytest) and a
few reStructuredText roles (``:class:`Money```). In Markdown a ``>>>`` line is a nested
quotation and a role is noise, so before mkdocstrings renders a docstring this extension

* wraps each run of top-level ``>>>`` lines and their output in a ```` ```pycon ```` fence;
* turns ``:role:`~a.b.C``` into ```C``` and ``:role:`a.b.C``` into ```a.b.C```;
* turns a reStructuredText ``::`` that introduces an indented literal block into ``:``
  (the indented block is already a code block in Markdown).

The docstrings themselves are not changed.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?[a-z]+:`(~?)([^`]+)`")
_LITERAL = re.compile(r"(?<=\S)::$")


def _role(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


def markdownify(text: str) -> str:
    """The docstring text with doctest runs fenced and roles turned into code spans.

    >>> print(markdownify("Say :class:`~welfare_ambito.Money`.\\n\\n>>> 1 + 1\\n2"))
    Say `Money`.
    <BLANKLINE>
    ```pycon
    >>> 1 + 1
    2
    ```
    """
    out: list[str] = []
    in_fence = False
    in_example = False
    for line in _ROLE.sub(_role, text).split("\n"):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if in_example:
            if not line.strip():
                out.append("```")
                in_example = False
            out.append(line)
            continue
        if not in_fence and line.rstrip() == "::":
            continue
        if not in_fence:
            line = _LITERAL.sub(":", line.rstrip())
        if not in_fence and line.startswith(">>>"):
            out.append("```pycon")
            in_example = True
        out.append(line)
    if in_example:
        out.append("```")
    return "\n".join(out)


class DoctestMarkdown(griffe.Extension):
    """Rewrite each object's docstring for Markdown as it is loaded."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Fence doctests and drop reST roles in ``obj``'s docstring."""
        if obj.docstring is not None:
            obj.docstring.value = markdownify(obj.docstring.value)

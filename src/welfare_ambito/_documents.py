"""One reader for every document a user hands us: bytes → text → TOML or JSON.

Plans, profiles, case files and reports all come through here, so every door
refuses the same hostile inputs the same way, with an :class:`InvalidInput`:
a missing file, a directory, a name the system cannot open, a file too large,
text that is not UTF-8, syntax errors, numbers longer than Python will parse,
nesting deeper than any of our documents. A UTF-8 byte-order mark (Notepad's
default) is accepted.

>>> parse_document('\\ufeffid = "p1"', "toml")
{'id': 'p1'}
>>> try:
...     parse_document("[" * 100_000, "json")
... except InvalidInput as exc:
...     print(exc.errors[0].code)
syntax
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from attrs import evolve as attrs_evolve

from welfare_ambito import i18n
from welfare_ambito.errors import ErrorDetail, InvalidInput, InvalidValue, Phrase

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "STDIN",
    "STDIN_NAME",
    "DocumentFloat",
    "decode",
    "in_file",
    "input_name",
    "parse_document",
    "path_name",
    "read_bytes",
    "read_document",
    "read_input",
    "read_input_text",
    "read_text",
]

i18n.define("documents.stdin", it="input standard", en="standard input")
i18n.define("documents.folder", it="è una cartella, non un file", en="it is a folder, not a file")
i18n.define("documents.too_large", it="più grande di {size} byte", en="larger than {size} bytes")
i18n.define("documents.the_text", it="il testo", en="the text")
i18n.define(
    "documents.not_utf8",
    it="non è testo UTF-8 (byte {byte}); salva il file come UTF-8",
    en="not UTF-8 text (byte {byte}); save the file as UTF-8",
)
i18n.define("documents.use_format", it="usa un file {format}", en="use a {format} file")
i18n.define("documents.either", it="{some} o {last}", en="{some} or {last}")
i18n.define(
    "documents.too_deep",
    it="annidato oltre {levels} livelli",
    en="nested deeper than {levels} levels",
)
i18n.define(
    "documents.long_number",
    it="un numero più lungo di {digits} cifre (riga {line})",
    en="a number longer than {digits} digits (line {line})",
)
i18n.define(
    "documents.not_json_number",
    it="{name} non è un numero ammesso in JSON",
    en="{name} is not a number JSON allows",
)

Format = Literal["toml", "json"]

MAX_BYTES = 16 * 1024 * 1024
"""The largest document read, in bytes: our largest real document is under 100 kB."""

MAX_DEPTH = 64
"""The deepest nesting of tables and arrays accepted: our documents use at most 6."""

# Python refuses to turn longer digit strings into an int (CVE-2020-10735).
_MAX_DIGITS = 4300
_LONG_NUMBER = re.compile(r"\d[\d_]{" + str(_MAX_DIGITS) + ",}")


class DocumentFloat(Decimal):
    """A number written with a decimal point or exponent in a document (a TOML/JSON float).

    It is exact, like every :class:`~decimal.Decimal`; the converter only needs to know
    where it came from, to refuse it where a float is refused (amounts of money).
    """

    __slots__ = ()


def _detail(code: str, **params: Any) -> ErrorDetail:
    return ErrorDetail.from_error(InvalidValue.of(code, **params), "")


def _file_error(source: str | Phrase, reason: str | Phrase) -> InvalidInput:
    """The file ``source`` cannot be read, for ``reason`` (a system's text or a phrase)."""
    return InvalidInput([_detail("file", file=source, reason=reason)])


def _syntax(fmt: str, reason: str | Phrase) -> InvalidInput:
    return InvalidInput([_detail("syntax", format=fmt.upper(), reason=reason)])


def _shown(path: str | os.PathLike[str]) -> str:
    text = os.fspath(path)
    # A path is the user's own text, but a 10,000-character one makes an unreadable message.
    return text if len(text) <= 200 else f"{text[:90]}…{text[-90:]}"


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of the file at ``path``, or :class:`InvalidInput` naming the file.

    >>> try:
    ...     read_bytes("no/such/plan.toml")
    ... except InvalidInput as exc:
    ...     print(exc.errors[0].code)
    file
    """
    shown = _shown(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise _file_error(shown, Phrase("documents.folder")) from None
    except (OSError, ValueError) as exc:
        # ValueError: a NUL byte in the path.
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise _file_error(shown, reason) from None
    if len(data) > max_bytes:
        raise _file_error(shown, Phrase("documents.too_large", {"size": max_bytes}))
    return data


def decode(data: bytes, source: str | Phrase = "") -> str:
    """``data`` as UTF-8 text, a leading byte-order mark dropped.

    ``source`` names the input in the error: a file's name, or a phrase in the
    reader's language (standard input).

    >>> decode("\\ufeffciao".encode())
    'ciao'
    >>> try:
    ...     decode("città".encode("latin-1"), "profile.toml")
    ... except InvalidInput as exc:
    ...     print(exc.errors[0].message)
    cannot read profile.toml: not UTF-8 text (byte 5); save the file as UTF-8
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _file_error(
            source or Phrase("documents.the_text"),
            Phrase("documents.not_utf8", {"byte": exc.start + 1}),
        ) from None


def read_text(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of the file at ``path`` (a byte-order mark is accepted)."""
    return decode(read_bytes(path, max_bytes=max_bytes), _shown(path))


STDIN = "-"
"""The file name that means standard input on a command line."""

STDIN_NAME = "<stdin>"
"""Standard input in a field path (``<stdin>:3``): :func:`welfare_ambito.i18n.location`
reads it «input standard» / "standard input"."""


def input_name(name: str | os.PathLike[str]) -> str | Phrase:
    """How a message names the input ``name``: «input standard» for ``-``, else its path.

    >>> input_name("-").display("it"), input_name("-").display("en"), input_name("w.csv")
    ('input standard', 'standard input', 'w.csv')
    """
    return Phrase("documents.stdin") if os.fspath(name) == STDIN else _shown(name)


def path_name(name: str | os.PathLike[str]) -> str:
    """``name`` as the head of a field path: :data:`STDIN_NAME` for ``-``, else its path.

    >>> path_name("-"), path_name("data/w.csv")
    ('<stdin>', 'data/w.csv')
    """
    return STDIN_NAME if os.fspath(name) == STDIN else _shown(name)


def read_input(name: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of the file ``name``, or of standard input for ``-``.

    The one reader of what a command is given: bounded like a file, and every
    refusal an :class:`InvalidInput` naming the file or «input standard».

    >>> import io, sys
    >>> sys.stdin, kept = io.TextIOWrapper(io.BytesIO(b"id = 1")), sys.stdin
    >>> read_input("-")
    b'id = 1'
    >>> sys.stdin = kept
    """
    if os.fspath(name) != STDIN:
        return read_bytes(name, max_bytes=max_bytes)
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is not None:
            data: bytes = stream.read(max_bytes + 1)
        else:  # a text stream put in its place (a test, an embedding application)
            data = sys.stdin.read(max_bytes + 1).encode("utf-8", "surrogateescape")
    except (OSError, ValueError) as exc:  # a closed or unreadable standard input
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise _file_error(Phrase("documents.stdin"), reason) from None
    if len(data) > max_bytes:
        raise _file_error(
            Phrase("documents.stdin"), Phrase("documents.too_large", {"size": max_bytes})
        )
    return data


def read_input_text(name: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of the file ``name`` or (``-``) of standard input; a BOM is accepted.

    >>> import io, sys
    >>> sys.stdin, kept = io.TextIOWrapper(io.BytesIO("città".encode("cp1252"))), sys.stdin
    >>> try:
    ...     read_input_text("-")
    ... except InvalidInput as exc:
    ...     print(exc.errors[0].text("it"))
    impossibile leggere input standard: non è testo UTF-8 (byte 5); salva il file come UTF-8
    >>> sys.stdin = kept
    """
    return decode(read_input(name, max_bytes=max_bytes), input_name(name))


def in_file(error: InvalidInput, name: str | os.PathLike[str]) -> InvalidInput:
    """``error``'s problems located in the file ``name`` (``-``: standard input).

    A path becomes ``NAME:path`` (the document itself: ``NAME``), so a command that
    reads several files says which one each problem is in; a file that cannot be
    read is already named by its message, and a problem located in another file
    (an Ambito's file a profile names) stays there.

    >>> error = InvalidInput([ErrorDetail("", "syntax", "not TOML", "non è TOML"),
    ...                       ErrorDetail("comuni[0].name", "empty", "empty", "vuoto")])
    >>> [d.path for d in in_file(error, "ambito.toml").errors]
    ['ambito.toml', 'ambito.toml:comuni[0].name']
    """
    head = path_name(name)
    return InvalidInput(
        detail
        if (detail.code == "file" and not detail.path)  # its message names the file already
        or i18n.file_of(detail.path) is not None  # in another file the document names
        else attrs_evolve(detail, path=f"{head}:{detail.path}" if detail.path else head)
        for detail in error.errors
    )


def _json_int(text: str) -> int | Decimal:
    # A longer integer cannot become an int from text; as a Decimal it reaches the field's
    # own check, which reports it with its path.
    return int(text) if len(text) <= _MAX_DIGITS else Decimal(text)


class _NotJsonNumber(ValueError):
    """NaN or Infinity in a JSON text: Python's reader accepts them, JSON does not."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _json_constant(name: str) -> Any:
    raise _NotJsonNumber(name)


def _depth(document: Any) -> int:
    deepest = 0
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            return level
        if isinstance(value, dict):
            stack.extend((item, level + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, level + 1) for item in value)
    return deepest


def _too_deep() -> Phrase:
    return Phrase("documents.too_deep", {"levels": MAX_DEPTH})


# What a document that is not a table is, in the words of the "type" message.
_KIND_WORDS: dict[type, str] = {
    list: "array",
    int: "number",
    Decimal: "number",
    bool: "true/false",
    type(None): "nothing",
}


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def parse_document(
    text: str,
    fmt: Format | str,
    *,
    table: bool = True,
    parse_float: Callable[[str], Any] = Decimal,
) -> Any:
    """Parse TOML or JSON ``text``; numbers with a fraction become :class:`~decimal.Decimal`.

    With ``table`` (the default) the document must be a table / JSON object.
    Every failure is an :class:`InvalidInput`.

    >>> parse_document('{"hours": 1.5}', "json")
    {'hours': Decimal('1.5')}
    >>> try:
    ...     parse_document("x = " + "9" * 5000, "toml")
    ... except InvalidInput as exc:
    ...     print(exc.errors[0].message)
    not valid TOML: a number longer than 4,300 digits (line 1)
    """
    fmt = fmt.lower()
    if fmt not in ("toml", "json"):
        raise InvalidInput([_detail("choice", value=fmt, choices="toml, json")])
    text = text.removeprefix("\ufeff")
    try:
        if fmt == "toml":
            document: Any = tomllib.loads(text, parse_float=parse_float)
        else:
            document = json.loads(
                text, parse_float=parse_float, parse_int=_json_int, parse_constant=_json_constant
            )
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise _syntax(fmt, str(exc)) from None
    except RecursionError:
        raise _syntax(fmt, _too_deep()) from None
    except _NotJsonNumber as exc:
        raise _syntax(fmt, Phrase("documents.not_json_number", {"name": exc.name})) from None
    except (ValueError, ArithmeticError, MemoryError) as exc:
        long = _LONG_NUMBER.search(text)
        if long is not None:
            where = _line_of(text, long.start())
            raise _syntax(
                fmt, Phrase("documents.long_number", {"digits": _MAX_DIGITS, "line": str(where)})
            ) from None
        raise _syntax(fmt, str(exc)[:200]) from None
    if _depth(document) > MAX_DEPTH:
        raise _syntax(fmt, _too_deep())
    if table and not isinstance(document, dict):
        kind = _KIND_WORDS.get(type(document), "text")
        raise InvalidInput([_detail("type", expected="a JSON object", actual=kind)])
    return document


def read_document(
    path: str | os.PathLike[str],
    *,
    formats: Iterable[str] = ("toml", "json"),
    parse_float: Callable[[str], Any] = Decimal,
) -> tuple[dict[str, Any], Format]:
    """``(document, format)`` of the ``.toml``/``.json`` file at ``path``.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "p.json").write_bytes(b'\\xef\\xbb\\xbf{"id": "p1"}')
    >>> read_document(folder / "p.json")
    ({'id': 'p1'}, 'json')
    """
    shown = _shown(path)
    fmt = Path(os.fspath(path)).suffix.lower().lstrip(".")
    allowed = tuple(formats)
    if fmt not in allowed:
        names = [f".{f}" for f in allowed]
        wanted: str | Phrase = names[0]
        if len(names) > 1:
            wanted = Phrase("documents.either", {"some": ", ".join(names[:-1]), "last": names[-1]})
        raise _file_error(shown, Phrase("documents.use_format", {"format": wanted}))
    document = parse_document(decode(read_bytes(path), shown), fmt, parse_float=parse_float)
    return document, fmt  # type: ignore[return-value]  # fmt is one of "toml", "json"

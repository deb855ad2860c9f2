"""The one safe opener of CSV text: encoding, separator, and every failure a typed error.

Excel on Italian Windows saves "CSV (delimitato dal separatore di elenco)" as
Windows-1252 with ``;`` and CRLF; other tools write UTF-8, with or without a BOM.
The encoding is detected (BOM, else UTF-8 if the start decodes as UTF-8, else
Windows-1252) or named; the separator is sniffed from the first line or named.
A cell over :data:`MAX_CELL_CHARS` characters, a bad separator or undecodable
bytes raise :class:`~welfare_ambito.errors.InvalidValue` with the line, never a
``_csv.Error`` or ``UnicodeDecodeError``.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Iterator
from typing import IO

from welfare_ambito import i18n
from welfare_ambito.errors import InvalidValue, Phrase
from welfare_ambito.tables._errors import table_error, unreadable

i18n.define(
    "error.tables.separator",
    it="{sep!r} non è un separatore: scrivi un solo carattere, come ';' o ','",
    en="{sep!r} is not a separator: write one character, such as ';' or ','",
)
i18n.define(
    "error.tables.encoding",
    it="codifica {encoding!r} sconosciuta: scrivi per esempio utf-8 o cp1252",
    en="unknown encoding {encoding!r}: write for example utf-8 or cp1252",
)
i18n.define(
    "error.tables.not_encoded",
    it="{name} non è testo {encoding} (riga {line}): salvalo in UTF-8 o indicane la "
    "codifica (per esempio cp1252)",
    en="{name} is not {encoding} text (line {line}): save it as UTF-8 or name its "
    "encoding (for example cp1252)",
)
i18n.define(
    "error.tables.csv_syntax",
    it="la riga {line} di {name} non è CSV valido ({reason}); controlla le virgolette",
    en="line {line} of {name} is not valid CSV ({reason}); check the quotes",
)
i18n.define(
    "error.tables.cell_too_long",
    it="una cella alla riga {line} di {name} supera {limit} caratteri",
    en="a cell on line {line} of {name} is longer than {limit} characters",
)

__all__ = ["MAX_CELL_CHARS", "csv_rows", "detect_encoding", "sniff_separator", "valid_separator"]

MAX_CELL_CHARS = 131_072
"""The longest cell read (the csv module's default limit): longer is refused, not truncated.

>>> MAX_CELL_CHARS
131072
"""

_SEPARATORS = (";", "\t", ",")
_SAMPLE = 65_536


def sniff_separator(first_line: str) -> str:
    """The separator of a CSV whose first non-blank line is ``first_line``.

    The most frequent of ``;``, tab and ``,`` outside double quotes; on a tie the
    first of them in that order; ``,`` when none occurs. The one sniffer of the
    library (budget tables, weights files, families exports).

    >>> sniff_separator("Comune;Minori;TOTALE"), sniff_separator("a,b"), sniff_separator("x")
    (';', ',', ',')
    >>> sniff_separator('"Comune, sede";Importo')
    ';'
    """
    counts = dict.fromkeys(_SEPARATORS, 0)
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_SEPARATORS, key=lambda s: (counts[s], -_SEPARATORS.index(s)))
    return best if counts[best] else ","


def valid_separator(sep: str | None) -> str | None:
    """``sep`` checked: one character (``"tab"`` or ``"\\t"`` spelled out is a tab), or ``None``.

    >>> valid_separator(";"), valid_separator("tab"), valid_separator(None)
    (';', '\\t', None)
    >>> valid_separator(";;")
    Traceback (most recent call last):
    ...
    welfare_ambito.errors.InvalidValue: sep: ';;' is not a separator: write one character, such as ';' or ','
    """
    if sep is None:
        return None
    if sep in ("tab", "\\t", "TAB"):
        return "\t"
    if not isinstance(sep, str) or len(sep) != 1 or sep in '"\r\n' or sep.isalnum():
        raise table_error("separator", "sep", sep=sep)
    return sep


def detect_encoding(sample: bytes) -> str:
    """The encoding of a file that starts with ``sample``: BOM, else UTF-8, else Windows-1252.

    >>> detect_encoding(b"\\xef\\xbb\\xbfComune"), detect_encoding("Città".encode())
    ('utf-8-sig', 'utf-8')
    >>> detect_encoding("Città".encode("cp1252"))
    'cp1252'
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a sample cut in the middle of a character is still UTF-8
        if not (exc.reason == "unexpected end of data" and len(sample) >= _SAMPLE):
            return "cp1252"
    return "utf-8"


def _known_encoding(encoding: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError):  # ValueError: a name with a NUL
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):  # rot13, base64…
        raise table_error("encoding", "encoding", encoding=encoding) from None
    return info.name


def _open_text(
    source: str | os.PathLike[str] | IO[str], encoding: str | None
) -> tuple[IO[str], str, str]:
    """The text stream, its display name and its encoding."""
    if not isinstance(source, str | os.PathLike):
        return source, "CSV", str(getattr(source, "encoding", None) or "text")
    path = os.fspath(source)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed by the caller through the wrapper
    except OSError as exc:
        raise unreadable(os.path.basename(path) or path, exc) from None
    try:
        if encoding is None:
            chosen = detect_encoding(raw.read(_SAMPLE))
            raw.seek(0)
        else:
            chosen = _known_encoding(encoding)
            if chosen == "utf-8":
                chosen = "utf-8-sig"  # a BOM is never a character of the first header
        text = io.TextIOWrapper(raw, encoding=chosen, newline="")
    except BaseException:
        raw.close()
        raise
    return text, os.path.basename(path), chosen


def csv_rows(
    source: str | os.PathLike[str] | IO[str],
    *,
    encoding: str | None = None,
    sep: str | None = None,
    name: str | None = None,
) -> Iterator[tuple[int, list[str]]]:
    """``(line number, cells)`` of a CSV file or text stream, streamed; blank lines skipped.

    ``encoding`` ``None`` detects it; ``sep`` ``None`` sniffs it from the first
    non-blank line. Every failure is an :class:`~welfare_ambito.errors.InvalidValue`
    whose path is ``NAME:LINE``.

    >>> rows = csv_rows(io.StringIO("famiglia;minore\\r\\nF01;F01-C1\\r\\n"))
    >>> list(rows)
    [(1, ['famiglia', 'minore']), (2, ['F01', 'F01-C1'])]
    """
    chosen_sep = valid_separator(sep)
    stream, shown, used = _open_text(source, encoding)
    shown = name or shown
    try:
        yield from _rows(stream, shown, used, chosen_sep, source)
    finally:
        if isinstance(source, str | os.PathLike):
            stream.close()


def _named(shown: str) -> str | Phrase:
    """How a message names the CSV ``shown``: standard input in the reader's words."""
    return Phrase("location.stdin") if shown == i18n.STDIN_NAME else shown


def _raw_bytes(source: str | os.PathLike[str] | IO[str]) -> IO[bytes] | None:
    """The bytes behind ``source`` from their start, when they can be read again."""
    if isinstance(source, str | os.PathLike):
        try:
            return open(source, "rb")
        except OSError:
            return None
    buffer = getattr(source, "buffer", None)
    if isinstance(buffer, io.BytesIO):  # standard input, already read into memory
        return io.BytesIO(buffer.getvalue())
    return None


def _first_undecodable_line(source: str | os.PathLike[str] | IO[str], encoding: str) -> int | None:
    """The line of ``source`` whose bytes do not decode as ``encoding`` (read again on error).

    The text stream decodes in chunks, so its own error says only which chunk is wrong.
    """
    raw = _raw_bytes(source)
    if raw is None:
        return None
    decoder = codecs.getincrementaldecoder(encoding)()
    with raw:
        for number, line in enumerate(raw, start=1):
            try:
                decoder.decode(line)
            except UnicodeError:
                return number
    return None


def _rows(
    stream: IO[str],
    shown: str,
    used: str,
    sep: str | None,
    source: str | os.PathLike[str] | IO[str],
) -> Iterator[tuple[int, list[str]]]:
    line = 0
    reader = None
    try:
        if sep is None:
            head = stream.readline()
            line = 1
            while head and not head.strip():
                head = stream.readline()
                line += 1
            sep = sniff_separator(head.lstrip("\ufeff"))
            lines = _chain(head, stream)
        else:
            lines = _chain("", stream)
        reader = csv.reader(lines, delimiter=sep, strict=False)
        first = True
        for cells in reader:
            if first and cells:
                cells[0] = cells[0].lstrip("\ufeff")
                first = False
            if any(c.strip() for c in cells):
                for cell in cells:
                    if len(cell) > MAX_CELL_CHARS:
                        raise _too_long(shown, reader.line_num)
                yield reader.line_num, cells
    except UnicodeError:  # undecodable bytes; UTF-16 without its byte order mark
        near = (reader.line_num + 1) if reader is not None else max(line, 1)
        near = _first_undecodable_line(source, used) or near
        raise table_error(
            "encoding",
            f"{shown}:{near}",
            template="not_encoded",
            name=_named(shown),
            encoding=used,
            line=near,
        ) from None
    except csv.Error as exc:
        number = (reader.line_num if reader is not None else line) or 1
        if "field larger than field limit" in str(exc):
            raise _too_long(shown, number) from None
        raise table_error(
            "csv_syntax", f"{shown}:{number}", name=_named(shown), line=number, reason=str(exc)
        ) from None


def _too_long(shown: str, line: int) -> InvalidValue:
    return table_error(
        "cell_too_long",
        f"{shown}:{line}",
        name=_named(shown),
        line=line,
        limit=Phrase.number(MAX_CELL_CHARS),
    )


def _chain(head: str, stream: IO[str]) -> Iterator[str]:
    if head:
        yield head
    yield from stream

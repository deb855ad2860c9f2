"""A CSV that does not decode is reported at the line that does not, by file and by stdin.

The text stream decodes in chunks of several kilobytes, so the reader's own error pointed
at the start of the chunk («verso la riga 1») whatever line held the bad bytes.
"""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from welfare_ambito.errors import InvalidValue
from welfare_ambito.tables import csv_rows

# 0x81 is not a character of Windows-1252 nor the start of a UTF-8 sequence.
_BAD = b"\x81\x8d;3\r\n"


def _document(good_lines: int) -> bytes:
    head = b"comune;importo\r\n"
    body = b"".join(b"Meda;%d\r\n" % i for i in range(good_lines))
    return head + body + _BAD


def _error(source: object) -> InvalidValue:
    try:
        list(csv_rows(source))  # type: ignore[arg-type]
    except InvalidValue as error:
        return error
    raise AssertionError("an undecodable CSV was read")


@settings(max_examples=25, deadline=None)
@given(good_lines=st.integers(min_value=0, max_value=3000))
def test_the_bad_line_is_named_in_a_file(tmp_path_factory: object, good_lines: int) -> None:
    folder: Path = tmp_path_factory.mktemp("csv")  # type: ignore[attr-defined]
    path = folder / "pesi.csv"
    path.write_bytes(_document(good_lines))
    error = _error(path)
    assert error.path == f"pesi.csv:{good_lines + 2}"
    assert f"(riga {good_lines + 2})" in error.text("it")


@settings(max_examples=25, deadline=None)
@given(good_lines=st.integers(min_value=0, max_value=3000))
def test_the_bad_line_is_named_in_standard_input(good_lines: int) -> None:
    stream = io.TextIOWrapper(io.BytesIO(_document(good_lines)), encoding="cp1252", newline="")
    error = _error(stream)
    assert error.path.endswith(f":{good_lines + 2}")


def test_standard_input_is_named_in_the_readers_words() -> None:
    from welfare_ambito.tables._csv_source import csv_rows as rows

    stream = io.TextIOWrapper(io.BytesIO(_document(1)), encoding="cp1252", newline="")
    try:
        list(rows(stream, name="<stdin>"))
    except InvalidValue as error:
        assert error.text("it").startswith("input standard non è testo cp1252 (riga 3)")
        assert error.text("en").startswith("standard input is not cp1252 text (line 3)")
        assert "--encoding" not in error.text("it")
    else:
        raise AssertionError("an undecodable CSV was read")

"""``i18n.location`` names every kind of place a message points at, as the user knows it.

Its callers (``cli.print_invalid`` and ``error_document`` for every document a command
reads, the report renderers for plans, the budget commands' one-line errors) hand it
field paths of a document, file names (``profiles/x.toml``), a line or a field of a
file (``w.csv:3``, ``ambito.toml:comuni[0].name``), standard input (``<stdin>``) and the
document itself (``""``). A file name is never cut at its dots; a field path always is;
the document itself is named by its kind, «piano» only for a plan.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import i18n
from welfare_ambito._documents import STDIN_NAME, in_file
from welfare_ambito._lang import Lang
from welfare_ambito.errors import ErrorDetail, InvalidInput

LANGS: tuple[Lang, ...] = ("it", "en")
SUFFIXES = (".toml", ".json", ".csv", ".xlsx", ".txt", ".TOML")

name_part = st.text(
    st.characters(
        whitelist_categories=("Ll", "Lu", "Nd"), whitelist_characters="-_ .àè", max_codepoint=0x24F
    ),
    min_size=1,
    max_size=12,
).filter(lambda t: t.strip() == t and t.strip())
file_names = st.builds(
    lambda folders, stem, suffix: "/".join([*folders, stem + suffix]),
    st.lists(name_part.filter(lambda t: ":" not in t), max_size=3),
    name_part,
    st.sampled_from(SUFFIXES),
)
identifier = st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True)
segment = st.builds(
    lambda name, indexes: name + "".join(f"[{i}]" for i in indexes),
    identifier,
    st.lists(st.integers(0, 99), max_size=2),
)
field_paths = st.lists(segment, min_size=1, max_size=4).map(".".join)


@given(name=file_names, lang=st.sampled_from(LANGS))
def test_a_file_name_is_shown_as_written(name: str, lang: Lang) -> None:
    assert i18n.location(name, lang) == name
    assert i18n.file_of(name) == name


@given(name=file_names, line=st.integers(1, 10**6), lang=st.sampled_from(LANGS))
def test_a_line_of_a_file_is_named_with_the_file(name: str, line: int, lang: Lang) -> None:
    word = "riga" if lang == "it" else "line"
    assert i18n.location(f"{name}:{line}", lang) == f"{name} › {word} {line}"


@given(name=file_names, path=field_paths, lang=st.sampled_from(LANGS))
def test_a_field_of_a_file_reads_as_the_same_field_of_a_document(
    name: str, path: str, lang: Lang
) -> None:
    inside = i18n.location(path, lang)
    assert i18n.location(f"{name}:{path}", lang) == f"{name} › {inside}"


@given(path=field_paths, lang=st.sampled_from(LANGS))
def test_a_field_path_is_cut_at_its_dots_and_names_no_file(path: str, lang: Lang) -> None:
    shown = i18n.location(path, lang)
    assert i18n.file_of(path) is None
    assert shown.count(" › ") >= path.count(".")
    assert "[" not in shown  # positions are ordinals, counted from 1


@pytest.mark.parametrize("lang", LANGS)
def test_standard_input_is_named_in_the_readers_language(lang: Lang) -> None:
    word = "input standard" if lang == "it" else "standard input"
    assert i18n.location(STDIN_NAME, lang) == word
    assert i18n.location(f"{STDIN_NAME}:7", lang).startswith(f"{word} › ")


@pytest.mark.parametrize(
    ("document", "italian", "english"),
    [
        ("plan", "piano", "plan"),
        ("profile", "profilo", "profile"),
        ("ambito", "Ambito", "Ambito"),
        ("cases", "file dei casi", "case file"),
        ("table", "tabella", "table"),
        ("report", "rapporto", "report"),
        ("profiles/my.profile.toml", "profiles/my.profile.toml", "profiles/my.profile.toml"),
        ("-", "-", "-"),
    ],
)
def test_the_document_itself_is_named_by_its_kind_or_file(
    document: str, italian: str, english: str
) -> None:
    for path in ("", "$"):
        assert i18n.location(path, "it", document=document) == italian
        assert i18n.location(path, "en", document=document) == english


def test_only_a_plan_is_called_a_plan() -> None:
    for kind in i18n.DOCUMENTS:
        if kind != "plan":
            assert i18n.location("", "it", document=kind) != "piano"
            assert i18n.location("", "en", document=kind) != "plan"


@given(name=file_names, paths=st.lists(st.one_of(st.just(""), field_paths), min_size=1))
def test_problems_located_in_a_file_name_it_and_keep_their_field(
    name: str, paths: list[str]
) -> None:
    error = InvalidInput([ErrorDetail(p, "x", "m", "m") for p in paths])
    located = in_file(error, name)
    for before, detail in zip(paths, located.errors, strict=True):
        assert i18n.file_of(detail.path) == name
        assert detail.path == (f"{name}:{before}" if before else name)
        # located again (a file named in another one): it stays where it is
    assert in_file(located, "other.toml").errors == located.errors


def test_a_file_that_cannot_be_read_keeps_its_message_and_no_location() -> None:
    from welfare_ambito.cli import error_document

    error = InvalidInput([ErrorDetail("", "file", "cannot read x.toml: gone", "…")])
    assert in_file(error, "x.toml").errors == error.errors
    assert error_document(error, "it")["errors"][0]["location"] == ""


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_broken_case_file_is_named_never_called_a_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """``test FILE`` and ``test -``: a document-level problem names the file, not «piano»."""
    import io

    from welfare_ambito.cli import main

    broken = tmp_path / "casi.welfare.toml"
    broken.write_text("garbage = [\n", encoding="utf-8")
    assert main(["test", str(broken), "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert f"  {broken}:" in err, err
    assert "piano" not in err, err
    assert "plan:" not in err, err
    monkeypatch.setattr("sys.stdin", io.StringIO("garbage = [\n"))
    assert main(["test", "-", "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert ("input standard:" if lang == "it" else "standard input:") in err, err


@given(line=st.integers(min_value=1, max_value=10**7), lang=st.sampled_from(["it", "en"]))
def test_a_line_named_in_words_reads_in_the_readers_language(line: int, lang: Lang) -> None:
    """Budget tables name a line ``line N``: the reader sees «riga N» in Italian."""
    word = "riga" if lang == "it" else "line"
    assert i18n.location(f"line {line}", lang) == f"{word} {line}"
    assert i18n.location(f"t.csv:line {line}", lang) == f"t.csv › {word} {line}"
    assert i18n.location(f"line {line} (Meda)", lang) == f"{word} {line} (Meda)"

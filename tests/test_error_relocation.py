"""An error moved to another path stays the error its catalogue template made.

The converter collects problems as :class:`~welfare_ambito.ErrorDetail` and raises them
again as :class:`~welfare_ambito.InvalidValue` (the exception group cattrs reads, the
cross-reference checks): :meth:`WelfareAmbitoError.from_detail` is the one way back, so
no caller writes a message pair again and no code, text or parameter is lost on the way.
"""

from __future__ import annotations

import copy
import string
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from welfare_ambito import ErrorDetail, InvalidValue, NotFound, data, i18n
from welfare_ambito.convert import StructureError, structure, unstructure
from welfare_ambito.model import Child, CoDesignPlan

_ERROR_KEYS = tuple(
    key
    for key in i18n.message_keys()
    if key.startswith("error.") and all(isinstance(t, str) for t in i18n._CATALOGUE[key].values())
)


def _params(key: str) -> dict[str, str]:
    names: set[str] = set()
    for lang in ("it", "en"):
        for _, field, _, _ in string.Formatter().parse(i18n._CATALOGUE[key][lang]):  # type: ignore[arg-type]
            if field:
                names.add(field.split(".")[0].split("[")[0].split("!")[0])
    return {name: f"v-{name}" for name in names}


@given(
    key=st.sampled_from(_ERROR_KEYS),
    path=st.from_regex(r"\A(|[a-z_]{1,8}(\[[0-9]\])?(\.[a-z_]{1,8}){0,2})\Z"),
    kind=st.sampled_from([InvalidValue, NotFound]),
)
def test_a_detail_raised_again_is_the_same_error_at_its_path(
    key: str, path: str, kind: type[InvalidValue] | type[NotFound]
) -> None:
    """from_error then from_detail keeps code, both messages and params; only the path moves."""
    code = key.removeprefix("error.")
    params = _params(key)
    original = InvalidValue.of(code, path="elsewhere", **params)
    detail = ErrorDetail.from_error(original, path)
    again = kind.from_detail(detail)
    assert isinstance(again, kind)
    assert again.path == path
    assert (again.code, again.message, again.message_it) == (
        original.code,
        original.message,
        original.message_it,
    )
    assert again.params == original.params == params
    assert ErrorDetail.from_error(again, path) == detail


def test_a_detail_is_equal_and_hashable_whatever_its_params() -> None:
    """params ride along without changing equality, hashing or the repr of a detail."""
    with_params = ErrorDetail.from_error(InvalidValue.of("empty"), "id")
    bare = ErrorDetail("id", "empty", with_params.message, with_params.message_it)
    assert with_params == bare
    assert hash(with_params) == hash(bare)
    assert repr(with_params) == repr(bare)
    detail = ErrorDetail.from_error(InvalidValue.of("choice", value="x", choices="a, b"), "k")
    assert detail.params == {"value": "x", "choices": "a, b"}


def _plan_document() -> dict[str, Any]:
    return copy.deepcopy(unstructure(data.example("pippi_seregno")))


def test_the_exception_group_leaves_keep_code_path_and_params() -> None:
    """Every leaf cattrs reads is the detail's error, with its params, at the detail's path."""
    document = _plan_document()
    document["families"][0]["trust_in_services"] = "yes"
    document["interventions"][0]["family"] = "F99"
    with pytest.raises(StructureError) as caught:
        structure(document, CoDesignPlan)
    error = caught.value
    assert {d.code for d in error.errors} >= {"type", "reference"}
    assert len(error.exceptions) == len(error.errors)
    for leaf, detail in zip(error.exceptions, error.errors, strict=True):
        assert isinstance(leaf, InvalidValue)
        assert (leaf.path, leaf.code, leaf.message, leaf.message_it) == (
            detail.path,
            detail.code,
            detail.message,
            detail.message_it,
        )
        assert leaf.params == detail.params
    reference = next(d for d in error.errors if d.code == "reference")
    assert reference.path == "interventions[0].family"
    assert reference.params["value"] == "F99"


@pytest.mark.parametrize(
    ("written", "english"),
    [
        ("03.09.2012", "not a date (write YYYY-MM-DD or DD/MM/YYYY)"),
        ("2012-09-31", "not a day of the calendar (check day and month)"),
        ("31/02/2012", "not a day of the calendar (check day and month)"),
    ],
)
def test_a_bad_birth_date_is_described_never_repeated(written: str, english: str) -> None:
    """The converter says what is wrong with a date (the forms it reads), never the date."""
    with pytest.raises(StructureError) as caught:
        structure({"id": "C1", "birth_date": written}, Child)
    (detail,) = caught.value.errors
    assert (detail.path, detail.code, detail.message) == ("birth_date", "date", english)
    for lang in ("it", "en"):
        text = str(caught.value) if lang == "en" else caught.value.text("it")
        for part in (written, *written.replace("/", ".").replace("-", ".").split(".")):
            if len(part) > 2:
                assert part not in text, (lang, text)
    assert "GG/MM/AAAA" in detail.text("it") or "giorno" in detail.text("it")


def test_an_unexpected_failure_names_its_kind_never_the_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A failure no hook foresaw is reported at $ in both languages without echoing its text."""
    import welfare_ambito.convert as convert

    class Failing:
        def structure(self, data: object, into: type) -> object:
            raise RecursionError("F01 born 2012-03-09")

    monkeypatch.setattr(convert, "_STRICT", Failing())
    with pytest.raises(StructureError) as caught:
        structure({"id": "C1"}, Child)
    (detail,) = caught.value.errors
    assert (detail.path, detail.code) == ("", "invalid")
    assert detail.params == {"into": "Child", "error": "RecursionError"}
    for lang in ("it", "en"):
        assert "2012" not in detail.text(lang)
        assert "F01" not in detail.text(lang)
        assert "Child" in detail.text(lang)
    assert detail.text("it") != detail.text("en")


@pytest.mark.parametrize(
    ("lookup", "italian"),
    [
        (lambda: data.figures("nowhere"), "nessun insieme di dati incorporato 'nowhere'"),
        (lambda: data.example("pippi_seregn"), "nessun esempio incorporato 'pippi_seregn'"),
        (
            lambda: data.figures("seregno-pippi-2023")["no.such"],
            "nessun dato incorporato 'no.such'",
        ),
    ],
)
def test_unknown_embedded_names_speak_each_language(lookup: Any, italian: str) -> None:
    """The Italian message names the kind in Italian; the English one keeps today's text."""
    with pytest.raises(NotFound) as caught:
        lookup()
    error = caught.value
    assert error.code == "not_found"
    assert error.text("it").startswith(italian)
    assert "figure" not in error.text("it")
    assert "example" not in error.text("it")
    assert error.message.startswith("no embedded ")
    hint_it = "; forse intendevi " if "forse" in error.text("it") else "; noti: "
    hint_en = "; did you mean " if hint_it.startswith("; forse") else "; known: "
    assert hint_it in error.text("it")
    assert hint_en in error.message
    assert error.params["name"] == italian.split("'")[1]

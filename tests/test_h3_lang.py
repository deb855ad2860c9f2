"""A message language is ``"it"`` or ``"en"``: any other value is a typed error, never English."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from welfare_ambito import data
from welfare_ambito.eligibility import assess
from welfare_ambito.errors import InvalidValue
from welfare_ambito.rules import Checker, iterate
from welfare_ambito.rules._values import Text

BAD = ["fr", "EN", "", "italiano", None, 1]


@pytest.mark.parametrize("lang", BAD)
def test_every_lang_boundary_refuses_an_unknown_language(lang: Any) -> None:
    """Checker, iterate, assess and Text.display name the field and refuse the value."""
    plan = data.example("pippi_seregno")
    calls = [
        lambda: Checker("seregno-pippi-2023", on=dt.date(2024, 1, 1), lang=lang),
        lambda: list(iterate(plan, "seregno-pippi-2023", lang=lang)),
        lambda: assess(plan.families[0], on=plan.period.start, lang=lang),
        lambda: Text("sì", "yes").display(lang),
    ]
    for call in calls:
        with pytest.raises(InvalidValue) as caught:
            call()
        assert caught.value.path == "lang"
        assert caught.value.code == "choice"


def test_text_display_in_each_language() -> None:
    """The two languages give their own sentence."""
    assert Text("sì", "yes").display("it") == "sì"
    assert Text("sì", "yes").display("en") == "yes"

"""Planted personal data never comes back in errors, reprs or findings."""

from __future__ import annotations

import copy

import pytest

import welfare_ambito as wa
from welfare_ambito.model import ImpactEvaluation, Partner
from welfare_ambito.rules import evaluate

BIRTH = "31/09/2012"  # day-first, and no such day: refused without being repeated
FISCAL = "RSSMRA80A01F205X"
METHOD = "Colloqui con Maria Rossi, via Roma 3"
COMUNE = "Casa di Giovanni Bianchi"


def _planted() -> dict[str, object]:
    document = copy.deepcopy(wa.dump(wa.data.example("pippi_seregno"), "dict"))
    document["families"][0]["children"][0]["birth_date"] = BIRTH
    document["families"][1]["comune"] = COMUNE
    document["partner"]["fiscal_code"] = FISCAL
    document["impact_evaluation"] = {"method": METHOD, "indicators": ["x"]}
    return document


@pytest.mark.parametrize("lang", ["it", "en"])
def test_load_errors_do_not_repeat_planted_values(lang: str) -> None:
    with pytest.raises(wa.InvalidInput) as caught:
        wa.load(_planted())
    error = caught.value
    texts = [str(error), error.text(lang), repr(error)]
    texts += [d.text(lang) for d in error.errors] + [repr(d) for d in error.errors]
    paths = {d.path for d in error.errors}
    assert paths == {"families[0].children[0].birth_date", "families[1].comune"}
    for text in texts:
        for planted in (BIRTH, COMUNE, FISCAL, METHOD):
            assert planted not in text


def test_reprs_hide_fiscal_code_and_method() -> None:
    assert FISCAL not in repr(Partner(name="Coop", fiscal_code=FISCAL))
    assert METHOD not in repr(ImpactEvaluation(method=METHOD))


def test_findings_do_not_repeat_the_fiscal_code() -> None:
    # The VIS method's echo in the pippi.vis rule is helper h13b's change (rules' messages).
    document = _planted()
    document["families"][0]["children"][0]["birth_date"] = "2016-04-12"
    document["families"][1]["comune"] = "Giussano"
    plan = wa.load(document)
    assert FISCAL not in repr(plan)
    assert METHOD not in repr(plan)
    for lang in ("it", "en"):
        report = evaluate(plan, "seregno-pippi-2023", lang=lang)
        for text in (report.to_text(verbose=True), report.to_json(), report.to_markdown()):
            assert FISCAL not in text

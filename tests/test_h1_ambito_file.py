"""A plan names its Ambito's own file by path: loaded and checked like any Ambito.

``ambito = "ambito.toml"`` is relative to the plan file's folder; a plan given as a mapping
(or as text to ``loads``) resolves it against the current folder. A missing or bad file is a
typed error under the plan field ``ambito``, every bad field with its path.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import welfare_ambito as wa
from welfare_ambito.cli import main
from welfare_ambito.errors import InvalidInput
from welfare_ambito.model import Ambito
from welfare_ambito.rules import Outcome, evaluate, load_profile
from welfare_ambito.rules.profile_tools import new_plan

ROOT = Path(__file__).resolve().parents[1]
LARIO = ROOT / "examples" / "lario"
PLAN = LARIO / "plan.toml"
PROFILE = LARIO / "lario-pippi-2024.toml"


def _errors(exc: pytest.ExceptionInfo[InvalidInput]) -> dict[str, str]:
    return {e.path: e.code for e in exc.value.errors}


def _copy(tmp_path: Path) -> Path:
    """The Lario example files in a fresh folder (the plan beside its Ambito's file)."""
    folder = tmp_path / "lario"
    shutil.copytree(LARIO, folder)
    return folder


def test_a_plan_file_names_its_ambito_file_beside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The path is relative to the plan's folder, whatever the current folder."""
    monkeypatch.chdir(ROOT / "docs")
    plan = wa.load(PLAN)
    assert plan.ambito == wa.load(LARIO / "ambito.toml", into=Ambito)
    assert plan.ambito.id == "lario_occidentale"
    assert plan.ambito.resolve("Grandola") == "Grandola ed Uniti"  # its aliases too


def test_a_relative_folder_in_the_path_and_a_json_plan(tmp_path: Path) -> None:
    """``ambiti/lario.toml`` from a JSON plan in another folder: still beside the plan."""
    folder = tmp_path / "plans"
    (folder / "ambiti").mkdir(parents=True)
    shutil.copy(LARIO / "ambito.toml", folder / "ambiti" / "lario.toml")
    data = wa.dump(wa.load(PLAN), "dict")
    data["ambito"] = "ambiti/lario.toml"
    (folder / "plan.json").write_text(json.dumps(data), encoding="utf-8")
    assert wa.load(folder / "plan.json").ambito.id == "lario_occidentale"


def test_a_mapping_resolves_the_path_against_the_current_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """From a dict (or text) there is no plan file: the current folder, as open() would."""
    data = wa.dump(wa.load(PLAN), "dict")
    data["ambito"] = "ambito.toml"
    monkeypatch.chdir(LARIO)
    assert wa.load(data).ambito.id == "lario_occidentale"
    assert wa.loads(PLAN.read_text(encoding="utf-8")).ambito.id == "lario_occidentale"
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InvalidInput) as caught:
        wa.load(data)
    assert _errors(caught) == {"ambito": "ambito_file_missing"}
    (error,) = caught.value.errors
    assert "'ambito.toml'" in error.message
    assert str(tmp_path / "ambito.toml") in error.message
    assert "non esiste" in error.message_it
    # an absolute path works from anywhere
    data["ambito"] = str(LARIO / "ambito.toml")
    assert wa.load(data).ambito.id == "lario_occidentale"


def test_a_missing_ambito_file_is_an_error_under_ambito(tmp_path: Path) -> None:
    """The plan's other problems are still listed with it, never a traceback."""
    folder = _copy(tmp_path)
    (folder / "ambito.toml").unlink()
    text = (folder / "plan.toml").read_text(encoding="utf-8").replace('id = "F01"', "id = 1", 1)
    (folder / "plan.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        wa.load(folder / "plan.toml")
    errors = _errors(caught)
    assert errors["ambito"] == "ambito_file_missing"
    assert "families[0].id" in errors


BAD_AMBITO = """id = "lario_occidentale"
name = "Ambito del Lario Occidentale"
lead = "Menaggio"
colour = "blue"

[[comuni]]
name = "Menaggio"
istat_code = "013145"

[[comuni]]
name = "Porlezza"
istat_code = 13192

[[comuni]]
nome = "Plesio"
istat_code = "013185"
"""


def test_every_bad_field_of_the_ambito_file_is_reported_with_its_path(tmp_path: Path) -> None:
    """A first error names the file; then each field, under ambito.…, with its own code."""
    folder = _copy(tmp_path)
    (folder / "ambito.toml").write_text(BAD_AMBITO, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        wa.load(folder / "plan.toml")
    errors = _errors(caught)
    assert errors["ambito"] == "ambito_file_invalid"
    assert errors["ambito.colour"] == "unknown_key"
    assert errors["ambito.comuni[1].istat_code"] == "type"
    assert errors["ambito.comuni[2].nome"] == "unknown_key_suggest"
    assert errors["ambito.comuni[2].name"] == "missing"
    head = next(e for e in caught.value.errors if e.path == "ambito")
    assert "'ambito.toml'" in head.message
    assert "4 problems" in head.message
    assert "4 problemi" in head.message_it


@pytest.mark.parametrize(
    ("content", "code"),
    [("id = [", "syntax"), ('id = "x"\nname = "X"\nlead = "Nowhere"\ncomuni = []\n', None)],
)
def test_an_unreadable_or_invalid_ambito_document_is_typed(
    tmp_path: Path, content: str, code: str | None
) -> None:
    """TOML that does not parse, or an Ambito its own checks refuse: errors under ambito."""
    folder = _copy(tmp_path)
    (folder / "ambito.toml").write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        wa.load(folder / "plan.toml")
    paths = [e.path for e in caught.value.errors if e.path.startswith("ambito")]
    assert paths
    if code is not None:
        assert _errors(caught)["ambito"] == code


def test_an_unknown_comune_gets_the_did_you_mean_of_the_users_ambito(tmp_path: Path) -> None:
    """A misspelt Comune of the user's Ambito: the closest name of that Ambito, not Seregno's."""
    folder = _copy(tmp_path)
    text = (folder / "plan.toml").read_text(encoding="utf-8")
    assert 'comune = "Menaggio"' in text
    (folder / "plan.toml").write_text(
        text.replace('comune = "Menaggio"', 'comune = "Menagio"', 1), encoding="utf-8"
    )
    with pytest.raises(InvalidInput) as caught:
        wa.load(folder / "plan.toml")
    (error,) = caught.value.errors
    assert error.code == "unknown_comune"
    assert "Ambito del Lario Occidentale" in error.message
    assert "did you mean 'Menaggio'?" in error.message
    assert "forse intendevi 'Menaggio'?" in error.message_it


def test_check_runs_a_plan_with_its_ambito_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """check: the compliant plan exits 0, the faulty one 1 quoting the Ambito's own notice."""
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(PLAN), "--profile", str(PROFILE)]) == 0
    capsys.readouterr()
    faulty = LARIO / "plan_mistakes.toml"
    assert main(["check", str(faulty), "--profile", str(PROFILE), "--verbose"]) == 1
    out = capsys.readouterr().out
    assert (
        "«i singoli interventi educativi non possono essere inferiori a 10 ore settimanali»" in out
    )
    assert "Ambito del Lario Occidentale" in out
    assert "otto ore" not in out


def test_a_plan_of_the_users_ambito_is_refused_by_another_ambitos_profile(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The profile/plan mismatch check sees the Ambito the file declares."""
    assert main(["check", str(PLAN), "--profile", "seregno-pippi-2023"]) == 2
    err = capsys.readouterr().err
    assert "lario_occidentale" in err
    assert "seregno" in err
    with pytest.raises(wa.InvalidValue) as caught:
        evaluate(wa.load(PLAN), "seregno-pippi-2023")
    assert caught.value.code == "rules.profile_ambito"
    assert caught.value.path == "ambito"


def test_plan_new_names_the_ambito_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """plan new --ambito FILE writes the path; the template, filled in, loads beside the file."""
    monkeypatch.chdir(LARIO)
    assert main(["plan", "new", "--profile", str(PROFILE), "--ambito", "ambito.toml"]) == 0
    out = capsys.readouterr().out
    assert 'ambito = "ambito.toml"  # required: Ambito del Lario Occidentale' in out
    # without the file, the template asks for it (the profile's Ambito is not embedded)
    text = new_plan(load_profile(PROFILE))
    assert 'ambito = "REPLACE.toml"' in text
    assert "'lario_occidentale'" in text
    # an embedded Ambito keeps its id
    assert 'ambito = "seregno"' in new_plan("seregno-pippi-2023")


def test_plan_new_refuses_another_ambitos_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An Ambito file whose id is not the profile's, or that does not load: a typed error."""
    other = (
        (LARIO / "ambito.toml")
        .read_text(encoding="utf-8")
        .replace('id = "lario_occidentale"', 'id = "altro"')
    )
    (tmp_path / "altro.toml").write_text(other, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(wa.InvalidValue) as caught:
        new_plan(load_profile(PROFILE), ambito="altro.toml")
    assert caught.value.code == "profile.ambito_file_mismatch"
    assert main(["plan", "new", "--profile", str(PROFILE), "--ambito", "altro.toml"]) == 2
    assert "altro" in capsys.readouterr().err
    (tmp_path / "broken.toml").write_text(BAD_AMBITO, encoding="utf-8")
    with pytest.raises(InvalidInput):
        new_plan(load_profile(PROFILE), ambito="broken.toml")


def test_a_plan_with_an_ambito_file_writes_back_self_contained() -> None:
    """dumps writes the Ambito's tables (the file is not needed to read the output back)."""
    plan = wa.load(PLAN)
    text = wa.dumps(plan)
    assert "[[ambito.comuni]]" in text
    assert wa.loads(text) == plan


def test_profile_new_reads_the_ambito_file_through_the_same_loader(tmp_path: Path) -> None:
    """profile new --ambito FILE: a bad file is a typed error naming its fields, never a crash."""
    from welfare_ambito.rules.profile_tools import new_profile

    text = new_profile("pippi-national", ambito=LARIO / "ambito.toml")
    assert 'ambito = "lario_occidentale"' in text
    (tmp_path / "bad.toml").write_text(BAD_AMBITO, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        new_profile("pippi-national", ambito=tmp_path / "bad.toml")
    assert "comuni[1].istat_code" in {e.path for e in caught.value.errors}


def test_the_compliant_example_passes_every_rule() -> None:
    """The example plan of the docs is compliant with its profile, rule by rule."""
    report = evaluate(wa.load(PLAN), load_profile(PROFILE))
    bad: list[Any] = [
        f for f in report.findings if f.outcome in (Outcome.FAIL, Outcome.NEEDS_REVIEW)
    ]
    assert bad == []

"""Profile tools: verify quotes, lint, templates, and another Ambito's profile end to end."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from welfare_ambito import data
from welfare_ambito.cli import main
from welfare_ambito.rules import load_profile, profile_ids
from welfare_ambito.rules.profile_tools import (
    closest_passage,
    lint_profile,
    new_plan,
    verify_profile,
)

LARIO = Path(__file__).parent / "data" / "lario"
EXAMPLES = Path(data.__file__).parent / "examples"


@pytest.mark.parametrize("profile_id", sorted(profile_ids()))
def test_every_embedded_profile_verifies(
    profile_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every quote of every embedded profile stands verbatim in its embedded source text."""
    checks = verify_profile(profile_id)
    assert checks
    assert [c.where for c in checks if not c.ok] == []
    assert main(["profile", "verify", profile_id]) == 0
    assert " 0 non trovate" in capsys.readouterr().out


def _doctored_profile(folder: Path) -> Path:
    """A profile whose one quote has a figure changed (1.500 where the notice says 1.400)."""
    path = folder / "doctored.toml"
    path.write_text(
        """id = "doctored"
title = "Doctored"
extends = "seregno-pippi-2023"
[parameters."pippi.hours.psychologist_min"]
since = 2023-05-01
value = 1400
citation = { source = "seregno-pippi-2023-avviso", section = "SERVIZI E RISORSE UMANE", quote = "n. 1.500 ore per la figura professionale di psicologo/a" }
""",
        encoding="utf-8",
    )
    return path


def test_a_doctored_quote_fails_with_the_closest_passage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One changed figure in a quote: verify fails and shows the notice's real sentence."""
    path = _doctored_profile(tmp_path)
    assert main(["profile", "verify", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "closest passage" in out
    assert "«n. 1.400 ore per la figura professionale di psicologo/a" in out
    assert "1 not found" in out


def test_quotes_fold_white_space_hyphens_and_typographic_quotes() -> None:
    """Hard wraps, a hyphen at a line end and curly quotes do not make a quote fail."""
    passage, ratio = closest_passage("l’Ambito di Seregno", "del\nl'Ambito  di\n Seregno.")
    assert ratio > 0.9
    assert "Seregno" in passage


def test_lint_finds_unknown_keys_uncited_values_and_wrong_periods(tmp_path: Path) -> None:
    """``sinse`` gets a did-you-mean; an uncited value, a period in the wrong form are named."""
    path = tmp_path / "bad.toml"
    path.write_text(
        """id = "bad"
title = "Bad"
extends = "seregno-pippi-2023"
[parameters."pippi.hours.educator_min"]
sinse = 2023-01-01
value = 100
""",
        encoding="utf-8",
    )
    issues = lint_profile(path)
    assert any("did you mean 'since'" in i.message for i in issues)
    path.write_text(
        """id = "bad"
title = "Bad"
extends = "seregno-pippi-2023"
[parameters."pippi.hours.educator_min"]
since = 2023-05-01
value = 100
[parameters."pippi.project.period"]
since = 2023-05-01
value = "01/05/2023-30/04/2026"
""",
        encoding="utf-8",
    )
    messages = [i.message for i in lint_profile(path)]
    assert any('"2024-01-01/2026-12-31"' in m for m in messages)
    path.write_text(
        """id = "bad"
title = "Bad"
extends = "seregno-pippi-2023"
[parameters."pippi.hours.educator_min"]
since = 2023-05-01
value = 100
""",
        encoding="utf-8",
    )
    issues = lint_profile(path)
    assert [i.path for i in issues if "no citation" in i.message] == [
        "parameters['pippi.hours.educator_min'].values[0]"
    ]


def test_plan_new_prints_every_field_commented() -> None:
    """The plan template names the required and optional fields and the profile's Ambito."""
    text = new_plan("seregno-pippi-2023")
    assert 'ambito = "seregno"' in text
    assert "# required" in text
    assert "# optional" in text
    assert "[hour_plan]" in text or "[hour_plan.hours]" in text or "hour_plan" in text


def _fill(template: str, values: dict[str, tuple[str | None, str, str]], rules: list[str]) -> str:
    """What a user does with the template: keep the values they set, cite their notice."""
    head, *blocks = template.split("# --- ")
    head = re.sub(
        r"rules = \[.*?\]\n",
        "rules = [" + ", ".join(f'"{r}"' for r in rules) + "]\n",
        head,
        flags=re.S,
    )
    head = head.replace('file = "my-notice.txt"', 'file = "avviso-lario-2024.txt"')
    head = head.replace(
        "REPLACE: Avviso di coprogettazione …", "Avviso di coprogettazione P.I.P.P.I."
    )
    kept = []
    for block in blocks:
        name = block.split("\n", 1)[0].strip()
        if name not in values:
            continue  # inherited as the base states it
        value, section, quote = values[name]
        block = re.sub(r"\nsince = .*", "\nsince = 2023-01-01", block, count=1)
        if value is not None:  # a reading parameter keeps the template's readings
            block = re.sub(r"\nvalue = .*", f"\nvalue = {value}", block, count=1)
        block = block.replace("REPLACE: SECTION", section)
        block = block.replace("REPLACE: the sentence of your notice, verbatim", quote)
        kept.append("# --- " + block)
    return head + "".join(kept)


LARIO_VALUES: dict[str, tuple[str | None, str, str]] = {
    "pippi.hours.floor_reading": (
        None,
        "SERVIZI E RISORSE UMANE",
        "Il partner garantisce un monte ore non inferiore a",
    ),
    "pippi.sedt.min_weekly_hours": (
        "10",
        "SERVIZI E RISORSE UMANE",
        "i singoli interventi educativi non possono essere inferiori a 10 ore settimanali",
    ),
    "pippi.hours.educator_min": (
        "8000",
        "SERVIZI E RISORSE UMANE",
        "un monte ore non inferiore a n. 8.000 ore per la figura professionale dell'educatore",
    ),
    "pippi.hours.psychologist_min": (
        "1500",
        "SERVIZI E RISORSE UMANE",
        "n. 1.500 ore per la figura professionale di psicologo/a",
    ),
    "pippi.hours.pedagogist_min": (
        "950",
        "SERVIZI E RISORSE UMANE",
        "n. 950 ore per la figura professionale di pedagogista",
    ),
    "pippi.hours.cultural_mediator_min": (
        "120",
        "SERVIZI E RISORSE UMANE",
        "n. 120 ore per la figura professionale di mediatore culturale",
    ),
    "pippi.budget.max_total": (
        '"300000.00"',
        "RISORSE FINANZIARIE",
        "Le risorse complessive per il triennio sono pari ad € 300.000,00",
    ),
}


SEREGNO_TO_LARIO = {
    "Barlassina": "Menaggio",
    "Ceriano Laghetto": "Porlezza",
    "Cogliate": "Tremezzina",
    "Giussano": "Grandola ed Uniti",
    "Lazzate": "Carlazzo",
    "Lentate sul Seveso": "Bene Lario",
    "Meda": "Plesio",
    "Misinto": "Menaggio",
    "Seregno": "Porlezza",
    "Seveso": "Tremezzina",
}


def _lario_plan(text: str) -> str:
    """A plan of the other Ambito: its Comuni, and the Ambito declared in the plan."""
    text = text.replace('ambito = "seregno"\n', "")
    for old, new in SEREGNO_TO_LARIO.items():
        text = text.replace(f'comune = "{old}"', f'comune = "{new}"')
    declared = (LARIO / "ambito.toml").read_text(encoding="utf-8")
    declared = declared.replace("[[comuni]]", "[[ambito.comuni]]")
    declared = declared.replace('id = "lario_occidentale"', '[ambito]\nid = "lario_occidentale"')
    return text + "\n" + declared


def test_another_ambito_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """profile new → own notice → verify → a compliant plan passes, a faulty one quotes its notice."""
    assert (
        main(
            [
                "profile",
                "new",
                "--extends",
                "pippi-national",
                "--ambito",
                str(LARIO / "ambito.toml"),
            ]
        )
        == 0
    )
    template = capsys.readouterr().out
    assert 'ambito = "lario_occidentale"' in template
    # Untouched, the template loads but cites nothing real: verify says so.
    (tmp_path / "template.toml").write_text(template, encoding="utf-8")
    shutil.copy(LARIO / "avviso-lario-2024.txt", tmp_path / "my-notice.txt")
    assert main(["profile", "verify", str(tmp_path / "template.toml")]) == 1
    capsys.readouterr()

    rules = [
        "pippi.sedt.weekly_hours",
        "pippi.hours.educator",
        "pippi.hours.psychologist",
        "pippi.hours.pedagogist",
        "pippi.hours.cultural_mediator",
        "pippi.budget.within_funding",
    ]
    profile_path = tmp_path / "lario.toml"
    profile_path.write_text(_fill(template, LARIO_VALUES, rules), encoding="utf-8")
    shutil.copy(LARIO / "avviso-lario-2024.txt", tmp_path / "avviso-lario-2024.txt")
    assert main(["profile", "verify", str(profile_path)]) == 0, capsys.readouterr().out
    assert main(["profile", "lint", str(profile_path)]) == 0, capsys.readouterr().out
    capsys.readouterr()

    # A Seregno plan is refused: it is another Ambito's.
    seregno = EXAMPLES / "pippi_seregno.toml"
    assert main(["check", str(seregno), "--profile", str(profile_path)]) == 2
    assert "lario_occidentale" in capsys.readouterr().err

    # Faulty for this Ambito: Seregno's 8 hours a week and 6,000 educator hours.
    faulty = tmp_path / "faulty.toml"
    faulty.write_text(_lario_plan(seregno.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["check", str(faulty), "--profile", str(profile_path), "--verbose"]) == 1
    out = capsys.readouterr().out
    assert "Ambito del Lario Occidentale" in out
    assert (
        "«i singoli interventi educativi non possono essere inferiori a 10 ore settimanali»" in out
    )
    assert (
        "«un monte ore non inferiore a n. 8.000 ore per la figura professionale dell'educatore»"
        in out
    )
    assert "n. 6.000 ore" not in out  # the plan states 6.000 hours; Seregno's sentence must not
    assert "otto ore" not in out
    assert "211.500,00 per" not in out

    text = faulty.read_text(encoding="utf-8")
    text = re.sub(r"weekly_hours = \d+", "weekly_hours = 12", text)
    for old, new in (
        ("educator = 6000", "educator = 8000"),
        ("psychologist = 1400", "psychologist = 1500"),
        ("pedagogist = 900", "pedagogist = 950"),
        ("cultural_mediator = 100\n", "cultural_mediator = 120\n"),
        ('amount = "204700.00"', 'amount = "254600.00"'),
        ('total = "211500.00"', 'total = "261400.00"'),
    ):
        assert old in text
        text = text.replace(old, new)
    compliant = tmp_path / "compliant.toml"
    compliant.write_text(text, encoding="utf-8")
    assert main(["check", str(compliant), "--profile", str(profile_path)]) == 0, (
        capsys.readouterr().out
    )


def test_the_committed_lario_profile_matches_its_notice() -> None:
    """The synthetic other Ambito used by the provenance tests verifies against its notice."""
    profile = load_profile(LARIO / "lario-pippi-2024.toml")
    assert all(c.ok for c in verify_profile(profile))


def test_a_plan_for_another_programme_is_refused_with_a_typed_error() -> None:
    """A P.I.P.P.I. plan checked with the Tutela profile is refused, naming both programmes."""
    from welfare_ambito.errors import InvalidValue
    from welfare_ambito.rules import evaluate

    with pytest.raises(InvalidValue) as caught:
        evaluate(data.example("pippi_seregno"), "seregno-tutela-minori-2022")
    assert caught.value.code == "rules.profile_programme"
    assert caught.value.path == "programme"
    assert "tutela_minori" in str(caught.value)


def test_a_source_without_text_needs_the_notice_to_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A user's source declared without its file is not waved through: --source gives the text."""
    text = (LARIO / "lario-pippi-2024.toml").read_text(encoding="utf-8")
    path = tmp_path / "nofile.toml"
    path.write_text(text.replace('file = "avviso-lario-2024.txt"\n', ""), encoding="utf-8")
    assert main(["profile", "verify", str(path), "--lang", "en"]) == 1
    assert "no text for the source" in capsys.readouterr().out
    notice = str(LARIO / "avviso-lario-2024.txt")
    assert main(["profile", "verify", str(path), "--source", notice]) == 0


def test_profile_commands_report_unreadable_files_as_typed_errors(tmp_path, capsys) -> None:
    """A profile with a TOML syntax error, or a notice that is not UTF-8: exit 2, file named."""
    from welfare_ambito.cli import main

    broken = tmp_path / "broken.toml"
    broken.write_text("x = [\n", encoding="utf-8")
    notice = tmp_path / "notice.txt"
    notice.write_bytes(b"\xff\xfe not utf-8")
    assert main(["profile", "lint", str(broken)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    for command in (["profile", "verify"], ["profile", "lint"]):
        assert main([*command, "seregno-pippi-2023", "--source", str(notice)]) == 2
        assert "notice.txt" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["it", "en"])
def test_verify_and_lint_summaries_read_as_sentences_of_one_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """One problem is «1 errore» / «1 non trovata», never «1 errori»; levels in ``lang``."""
    from test_i18n_words import leaks

    doctored = _doctored_profile(tmp_path)
    assert main(["profile", "verify", str(doctored), "--lang", lang]) == 1
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary.endswith("1 non trovata" if lang == "it" else "1 not found"), summary
    assert not leaks(summary, lang), summary

    one_key = tmp_path / "one_key.toml"
    one_key.write_text("x = 1\n", encoding="utf-8")
    assert main(["profile", "lint", str(one_key), "--lang", lang]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == ("1 errore, 0 avvisi" if lang == "it" else "1 error, 0 warnings")
    assert lines[0].startswith("errore " if lang == "it" else "error "), lines[0]
    assert not any(leaks(line, lang) for line in lines), lines


@pytest.mark.parametrize("profile_id", profile_ids())
def test_every_embedded_profile_lints_clean(profile_id: str) -> None:
    """What we ship is what we ask of users: no error and no warning on our own profiles."""
    assert [i.describe("en") for i in lint_profile(profile_id)] == []


def test_an_unread_parameter_is_a_warning_only_when_it_looks_like_a_slip(tmp_path: Path) -> None:
    """A near spelling of a parameter a rule reads is named; cited facts and readings are not."""
    path = tmp_path / "p.toml"
    path.write_text(
        """id = "p"
title = "P"
extends = "seregno-pippi-2023"
[parameters."pippi.hours.educatr_min"]
unit = "hours"
since = 2023-05-01
value = 7000
citation = { source = "seregno-pippi-2023-avviso", section = "SERVIZI E RISORSE UMANE", quote = "con un monte ore non inferiore a n. 6.000 ore per la figura professionale dell'educatore" }
[parameters."pippi.act.extra_law"]
unit = "text"
since = 2023-05-01
value = "Legge 6 giugno 2016, n. 106"
citation = { source = "seregno-pippi-2023-avviso", section = "VALUTAZIONE DI IMPATTO SOCIALE", quote = "ai sensi della legge n. 106/2016" }
[parameters."pippi.notes.extra"]
unit = "count"
since = 2023-05-01
value = 3
""",
        encoding="utf-8",
    )
    unread = {i.path: i.message for i in lint_profile(path) if "no rule reads" in i.message}
    assert set(unread) == {
        "parameters['pippi.hours.educatr_min']",
        "parameters['pippi.notes.extra']",
    }
    assert (
        "did you mean 'pippi.hours.educator_min'" in unread["parameters['pippi.hours.educatr_min']"]
    )
    assert "did you mean" not in unread["parameters['pippi.notes.extra']"]

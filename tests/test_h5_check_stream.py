"""``check`` streams its report: the streamed output is byte for byte the held one.

The reference is :func:`welfare_ambito.rules.render.render` of the whole report built by
``evaluate`` (what ``check`` wrote before it streamed). The streamed path is
``evaluate_stream`` → :class:`ReportWriter`; it must agree for every format, language,
verbosity, plan and order of findings, and with its spools in memory or on disk.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from welfare_ambito import data
from welfare_ambito.cli import main
from welfare_ambito.rules import Outcome, Severity
from welfare_ambito.rules.engine import Checker, evaluate, evaluate_stream
from welfare_ambito.rules.profiles import profile_for
from welfare_ambito.rules.render import STREAMED_FORMATS, ReportWriter, render
from welfare_ambito.rules.report import Finding, Report
from welfare_ambito.testing.strategies import plans

EXAMPLES = tuple(data.example_names())


def streamed(
    head: Report, findings: Iterator[Finding] | tuple[Finding, ...], fmt: str, **options: object
) -> tuple[str, ReportWriter]:
    out = io.StringIO(newline="")
    with ReportWriter(head, fmt, **options) as writer:  # type: ignore[arg-type]
        writer.extend(findings)
        writer.write_to(out)
    return out.getvalue(), writer


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("fmt", STREAMED_FORMATS)
def test_every_example_streams_as_it_renders(name: str, fmt: str) -> None:
    """Each example plan, each format, both languages, terse and verbose: the same bytes."""
    plan = data.example(name)
    profile = profile_for(plan)
    for lang in ("it", "en"):
        report = evaluate(plan, profile, lang=lang)
        for verbose in (False, True):
            head, findings = evaluate_stream(plan, profile, lang=lang)
            text, writer = streamed(head, findings, fmt, verbose=verbose)
            assert text == render(report, fmt, verbose=verbose), (name, fmt, lang, verbose)
            assert writer.summary == report.summary
            assert writer.summary.ok is report.ok


def test_a_what_if_streams_its_overrides_line() -> None:
    """A report with overridden parameters (the what-if line of the header) agrees too."""
    plan = data.example("pippi_seregno_mistakes")
    overrides = {"pippi.hours.educator_min": "5000"}
    report = evaluate(plan, "seregno-pippi-2023", overrides=overrides, lang="en")
    assert report.overrides
    for fmt in STREAMED_FORMATS:
        head, findings = evaluate_stream(plan, "seregno-pippi-2023", overrides=overrides, lang="en")
        assert streamed(head, findings, fmt)[0] == render(report, fmt)


# Findings of every kind (derogations, missing inputs, notes, citations, provenance),
# taken from the example reports, to be recombined in any order and outcome.
_POOL = tuple(
    finding
    for name in EXAMPLES
    for finding in evaluate(data.example(name), profile_for(data.example(name))).findings
)
_HEAD = attrs.evolve(
    evaluate(data.example("pippi_seregno_mistakes"), "seregno-pippi-2023"), findings=()
)


@st.composite
def finding_lists(draw: st.DrawFn) -> tuple[Finding, ...]:
    """Findings from the pool, each perhaps with another outcome, severity or derogation."""
    chosen = draw(st.lists(st.sampled_from(_POOL), max_size=40))
    out = []
    for finding in chosen:
        changes = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "outcome": st.sampled_from(Outcome),
                    "severity": st.sampled_from(Severity),
                    "exception": st.sampled_from([None, "a.derogation"]),
                },
            )
        )
        out.append(finding._replace(**changes))
    return tuple(out)


_GENERATED = st.one_of(
    plans(profile="seregno-pippi-2023"),  # every rule passes or does not apply
    plans(violating="pippi.sedt.weekly_hours"),
    plans(violating="pippi.target.trust"),
    plans(violating="pippi.hours.educator"),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=_GENERATED, fmt=st.sampled_from(STREAMED_FORMATS), verbose=st.booleans())
def test_generated_plans_stream_as_they_render(plan: object, fmt: str, verbose: bool) -> None:
    """Generated P.I.P.P.I. plans, compliant or breaking a rule: the same report, the same bytes."""
    report = evaluate(plan, "seregno-pippi-2023")  # type: ignore[arg-type]
    head, findings = evaluate_stream(plan, "seregno-pippi-2023")  # type: ignore[arg-type]
    assert attrs.evolve(head, findings=tuple(findings)) == report
    head, findings = evaluate_stream(plan, "seregno-pippi-2023")  # type: ignore[arg-type]
    text = streamed(head, findings, fmt, verbose=verbose)[0]
    assert text == render(report, fmt, verbose=verbose)


def test_the_writer_holds_none_of_the_findings() -> None:
    """Memory stays flat: 20,000 findings, every one shown, through a 64 kB spool.

    Held, their text alone would take several megabytes; streamed, the peak of what
    Python allocates stays under one megabyte above the start.
    """
    base = next(f for f in _POOL if f.outcome is Outcome.FAIL and f.citation is not None)

    def findings() -> Iterator[Finding]:
        for index in range(20_000):
            yield base._replace(path=f"families[{index}]", subject_id=f"F{index}")

    tracemalloc.start()
    try:
        start, _ = tracemalloc.get_traced_memory()
        sink = io.StringIO()
        with ReportWriter(_HEAD, "text", verbose=True, spool_chars=1 << 16) as writer:
            writer.extend(findings())
            _, peak = tracemalloc.get_traced_memory()
            writer.write_to(sink)
    finally:
        tracemalloc.stop()
    assert writer.summary.total == 20_000
    held = len(sink.getvalue())
    assert held > 5_000_000  # what holding the rendered findings would cost, at least
    assert peak - start < 1_000_000


def test_an_unknown_format_is_refused_with_the_choices() -> None:
    """The writer refuses a format it cannot write, naming the ones it can."""
    from welfare_ambito.errors import InvalidValue

    with pytest.raises(InvalidValue) as caught:
        ReportWriter(_HEAD, "xlsx")
    assert caught.value.path == "format"
    assert "markdown" in caught.value.text("en")


# -- the command ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", STREAMED_FORMATS)
def test_check_writes_what_render_wrote(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check -o FILE`` and ``check`` on the terminal write ``render``'s bytes; exit 1 on errors."""
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text(data.example_text("pippi_seregno_mistakes"), encoding="utf-8")
    expected = render(
        evaluate(data.example("pippi_seregno_mistakes"), "seregno-pippi-2023", lang="en"), fmt
    )
    out = tmp_path / f"report.{fmt}"
    assert main(["check", str(plan_file), "--format", fmt, "--lang", "en", "-o", str(out)]) == 1
    assert out.read_bytes() == expected.encode("utf-8")
    capsys.readouterr()
    assert main(["check", str(plan_file), "--format", fmt, "--lang", "en"]) == 1
    assert capsys.readouterr().out == expected


def test_check_writes_no_file_when_the_plan_does_not_fit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error found while the findings stream leaves no half-written report behind."""
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text(data.example_text("tutela_minori_seregno"), encoding="utf-8")
    out = tmp_path / "report.json"
    code = main(["check", str(plan_file), "--profile", "seregno-pippi-2023", "-o", str(out)])
    assert code == 2
    assert not out.exists()
    assert capsys.readouterr().err


class _BytesStdin(io.TextIOWrapper):
    """Standard input as a process gets it: bytes underneath, UTF-8 text on top."""


@pytest.mark.parametrize(("lang", "named"), [("it", "l'input standard"), ("en", "standard input")])
def test_check_of_standard_input_that_is_not_utf8_names_it(
    lang: str, named: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bytes that are not UTF-8 on ``check -``: exit 2, a typed error naming standard input
    and the byte, not «UnicodeDecodeError»."""
    raw = data.example_text("pippi_seregno").replace("Seregno", "Séregno").encode("cp1252")
    monkeypatch.setattr(sys, "stdin", _BytesStdin(io.BytesIO(raw), encoding="utf-8"))
    assert main(["check", "-", "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert named in err
    assert "UTF-8" in err
    assert "UnicodeDecodeError" not in err


def test_check_of_standard_input_as_bytes_drops_a_bom_and_reads_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check -`` decodes the bytes of standard input (a BOM dropped), TOML or JSON."""
    from welfare_ambito.convert import dumps

    for text in (data.example_text("pippi_seregno"), dumps(data.example("pippi_seregno"), "json")):
        raw = b"\xef\xbb\xbf" + text.encode("utf-8")
        monkeypatch.setattr(sys, "stdin", _BytesStdin(io.BytesIO(raw), encoding="utf-8"))
        assert main(["check", "-", "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["plan"] == "seregno-pippi-2023-partner-a"


def test_checker_head_is_the_report_without_findings() -> None:
    """``Checker.head`` and ``Checker.report`` agree on everything but the findings."""
    plan = data.example("pippi_seregno_mistakes")
    checker = Checker(
        "seregno-pippi-2023", on=dt.date(2023, 9, 1), overrides={"pippi.hours.educator_min": "5000"}
    )
    report = checker.report(plan)
    assert checker.head(plan) == attrs.evolve(report, findings=())
    assert report.findings


@pytest.mark.parametrize("size", [1, 3, 1024])
def test_a_plan_workbook_streams_its_findings_at_their_cells(
    size: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Findings of a plan workbook are relocated to cells in batches: any batch size gives
    the report ``book.relocate`` gives, and ``check piano.xlsx --format json`` writes it."""
    pytest.importorskip("openpyxl")
    from welfare_ambito.rules.cli import _relocated
    from welfare_ambito.tables.workbook import read_plan_workbook, write_plan_template

    path = tmp_path / "piano.xlsx"
    write_plan_template(path, plan=data.example("pippi_seregno_mistakes"))
    book = read_plan_workbook(path)
    expected = book.relocate(evaluate(book.plan, "seregno-pippi-2023"))
    head, findings = evaluate_stream(book.plan, "seregno-pippi-2023")
    assert tuple(_relocated(book, head, findings, size)) == expected.findings
    assert main(["check", str(path), "--format", "json"]) == 1
    assert capsys.readouterr().out == render(expected, "json")

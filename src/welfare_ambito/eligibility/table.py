"""Batch screening: assess every family of a case-record export, streamed.

:func:`assess_table` reads a families table (CSV, XLSX or DataFrame; layout in
:mod:`welfare_ambito.tables.families`) one family at a time and yields a
:class:`ScreeningResult` per family: the :class:`~welfare_ambito.eligibility.Assessment`,
or the problems of its cells when the family could not be read. Memory stays
flat however many rows; :attr:`TableScreening.summary` counts the outcomes so far.

>>> import io, datetime as dt
>>> text = ("famiglia;data di nascita;valutazione preliminare;orientamento EM;"
...         "fiducia nei servizi;abuso o maltrattamento grave\\n"
...         "F01;12/04/2016;preoccupante;mantenimento in famiglia;sì;no\\n"
...         "F02;03/09/2015;preoccupante;mantenimento in famiglia;;no\\n")
>>> screening = assess_table(io.StringIO(text), on=dt.date(2023, 6, 1), lang="en")
>>> [(r.family, r.outcome, r.missing_labels("en")) for r in screening]
[('F01', 'eligible', ()), ('F02', 'needs_review', ('fiducia nei servizi',))]
>>> screening.summary
{'eligible': 1, 'not_eligible': 0, 'needs_review': 1, 'invalid': 0}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from welfare_ambito._lang import Lang, is_lang
from welfare_ambito.eligibility.pippi import Assessment, EligibilityOutcome, assess
from welfare_ambito.errors import ErrorDetail, InvalidValue, WelfareAmbitoError

__all__ = ["OUTCOMES", "RESULT_COLUMNS", "ScreeningResult", "TableScreening", "assess_table"]

INVALID = "invalid"
OUTCOMES = (*(o.value for o in EligibilityOutcome), INVALID)
"""Outcomes of a screening row: the three of an assessment, and ``invalid`` (cells to correct)."""

RESULT_COLUMNS = (
    "family",
    "rows",
    "outcome",
    "group",
    "reunification",
    "em_may_decide_otherwise",
    "reasons",
    "missing",
    "errors",
)
"""The columns of :meth:`ScreeningResult.to_record` (and of the CLI's results file)."""

_OUTCOME_LABELS = {
    "it": {
        "eligible": "rientra nel target",
        "not_eligible": "non rientra nel target",
        "needs_review": "da valutare",
        INVALID: "dati da correggere",
    },
    "en": {
        "eligible": "eligible",
        "not_eligible": "not eligible",
        "needs_review": "needs review",
        INVALID: "invalid input",
    },
}
_GROUP_LABELS = {
    "it": {
        "core": "minori 0–11 anni",
        "preadolescent": "gruppo 11–14 anni",
        "adolescent": "solo 15–17 anni (fuori target)",
        "outside": "nessun minore nelle fasce",
    },
    "en": {
        "core": "children 0–11",
        "preadolescent": "11–14 group",
        "adolescent": "15–17 only (outside the target)",
        "outside": "no child in the bands",
    },
}
_HEADERS = {
    "it": (
        "famiglia",
        "righe",
        "esito",
        "gruppo",
        "riunificazione",
        "l'EM può decidere diversamente",
        "motivi",
        "dati mancanti",
        "errori",
    ),
    "en": (
        "family",
        "rows",
        "outcome",
        "group",
        "reunification",
        "EM may decide otherwise",
        "reasons",
        "missing inputs",
        "errors",
    ),
}


def _checked(lang: object) -> Lang:
    """``lang``, or a typed error naming the field (never a silent English)."""
    if is_lang(lang):
        return lang
    raise InvalidValue.of("choice", path="lang", value=lang, choices="it, en")


def outcome_label(outcome: str, lang: Lang = "it") -> str:
    """The outcome as a person reads it.

    >>> outcome_label("needs_review"), outcome_label("invalid", "en")
    ('da valutare', 'invalid input')
    """
    return _OUTCOME_LABELS[_checked(lang)][outcome]


def result_headers(lang: Lang = "it") -> tuple[str, ...]:
    """The headers of a results file in ``lang`` (same order as :data:`RESULT_COLUMNS`)."""
    return _HEADERS[_checked(lang)]


@attrs.frozen(kw_only=True)
class ScreeningResult:
    """One family of a screened table: its assessment, or the cells to correct.

    ``labels`` maps a family field to its header in the user's file, so missing
    inputs are named as the user wrote them.

    >>> import io, datetime as dt
    >>> (result,) = assess_table(io.StringIO("Famiglia;Nascita;Fiducia\\nF1;01/01/2016;\\n"),
    ...                          on=dt.date(2023, 6, 1))
    >>> result.outcome, "Fiducia" in result.missing_labels(), result.to_row("en")[2]
    ('needs_review', True, 'needs review')
    """

    family: str | None
    first_row: int
    last_row: int
    assessment: Assessment | None
    errors: tuple[ErrorDetail, ...] = ()
    labels: Mapping[str, str] = attrs.field(factory=dict, repr=False, eq=False)

    @property
    def outcome(self) -> str:
        """``eligible``, ``not_eligible``, ``needs_review`` or ``invalid``."""
        return INVALID if self.assessment is None else self.assessment.outcome.value

    def missing_labels(self, lang: Lang = "it") -> tuple[str, ...]:
        """The missing inputs, named by the file's headers (or the Italian/English field name)."""
        if self.assessment is None:
            return ()
        from welfare_ambito.tables import schema

        columns = schema("families")
        named = []
        for path in self.assessment.missing:
            field = path.split("[")[0].split(".")[0]
            if field in self.labels:
                named.append(self.labels[field])
            elif field in columns:
                named.append(columns[field].label(lang))
            else:
                named.append(path)
        return tuple(dict.fromkeys(named))

    def to_record(self, lang: Lang = "it") -> dict[str, Any]:
        """One flat row (keys :data:`RESULT_COLUMNS`); texts in ``lang``, outcome as its code."""
        a = self.assessment
        return {
            "family": self.family,
            "rows": f"{self.first_row}"
            if self.first_row == self.last_row
            else f"{self.first_row}–{self.last_row}",
            "outcome": self.outcome,
            "group": None if a is None or a.group is None else a.group.value,
            "reunification": None if a is None else a.reunification,
            "em_may_decide_otherwise": None if a is None else a.em_may_decide_otherwise,
            "reasons": "" if a is None else " | ".join(a.reasons()),
            "missing": "; ".join(self.missing_labels(lang)),
            "errors": " | ".join(f"{e.path}: {e.text(lang)}" for e in self.errors),
        }

    def to_row(self, lang: Lang = "it") -> list[Any]:
        """The record as a person reads it: outcome and group in words (for CSV/XLSX files)."""
        record = self.to_record(lang)
        words = _GROUP_LABELS[_checked(lang)]
        record["outcome"] = outcome_label(record["outcome"], lang)
        record["group"] = None if record["group"] is None else words[record["group"]]
        return [record[c] for c in RESULT_COLUMNS]


class TableScreening:
    """The stream of :class:`ScreeningResult` of a table; iterate it once.

    :attr:`summary` counts the outcomes of the results yielded so far;
    :meth:`to_records` and :meth:`to_pandas` consume the rest of the stream.

    >>> import io, datetime as dt
    >>> screening = assess_table(io.StringIO("famiglia,data di nascita\\nF1,2016-01-01\\n"),
    ...                          on=dt.date(2023, 6, 1))
    >>> [record["outcome"] for record in screening.to_records()], screening.summary["needs_review"]
    (['needs_review'], 1)
    """

    def __init__(self, results: Iterator[ScreeningResult], labels: Mapping[str, str]) -> None:
        self._results = results
        self.labels = labels
        """Family field → header as written in the file."""
        self.summary: dict[str, int] = dict.fromkeys(OUTCOMES, 0)
        """Results so far per outcome."""

    def __iter__(self) -> Iterator[ScreeningResult]:
        for result in self._results:
            self.summary[result.outcome] += 1
            yield result

    def to_records(self, lang: Lang = "it") -> list[dict[str, Any]]:
        """Every remaining result as :meth:`ScreeningResult.to_record`."""
        return [r.to_record(lang) for r in self]

    def to_pandas(self, lang: Lang = "it") -> Any:
        """The remaining results as a DataFrame: ``outcome`` and ``group`` categorical (needs pandas)."""
        from welfare_ambito.eligibility.pippi import TargetGroup
        from welfare_ambito.tables.frames import to_frame

        return to_frame(
            self.to_records(lang),
            columns=RESULT_COLUMNS,
            categories={"outcome": OUTCOMES, "group": [g.value for g in TargetGroup]},
            flags=("reunification", "em_may_decide_otherwise"),
        )


def assess_table(
    source: Any,
    *,
    on: dt.date,
    profile: Any = "seregno-pippi-2023",
    lang: Lang = "it",
    encoding: str | None = None,
    sep: str | None = None,
    sheet: str | int | None = None,
    mapping: Any = None,
) -> TableScreening:
    """Screen every family of ``source`` on ``on`` under ``profile``, streamed (see the module).

    The header is read at once (a missing column raises
    :class:`~welfare_ambito.errors.InvalidInput` here); families are read and
    assessed as the result is iterated. A family with bad cells, or born after
    ``on``, yields a result with outcome ``invalid`` and its errors; the others go on.

    >>> import io, datetime as dt
    >>> text = "famiglia;data di nascita\\nF1;01/01/2016\\nF2;31/02/2016\\n"
    >>> [(r.family, r.outcome, [e.path for e in r.errors])
    ...  for r in assess_table(io.StringIO(text), on=dt.date(2023, 6, 1))]
    [('F1', 'needs_review', []), ('F2', 'invalid', ['CSV!B3'])]
    """
    from welfare_ambito.rules import load_profile
    from welfare_ambito.tables import FamilyTable

    resolved = load_profile(profile) if not hasattr(profile, "rules") else profile
    table = FamilyTable(source, encoding=encoding, sep=sep, sheet=sheet, mapping=mapping)
    labels = {c.field: written for _, c, written in table.header.columns}

    def results() -> Iterator[ScreeningResult]:
        for record in table:
            assessment = None
            errors = record.errors
            if record.family is not None:
                try:
                    assessment = assess(record.family, on=on, profile=resolved, lang=lang)
                except WelfareAmbitoError as exc:
                    where = table.header.address("birth_date", record.first_row)
                    errors = (ErrorDetail.from_error(exc, where),)
            yield ScreeningResult(
                family=record.id,
                first_row=record.first_row,
                last_row=record.last_row,
                assessment=assessment,
                errors=errors,
                labels=labels,
            )

    return TableScreening(results(), labels)

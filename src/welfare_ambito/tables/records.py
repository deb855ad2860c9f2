"""Interventions, staff, hour plans, budget lines and group modules from tables.

One row per object; headers in Italian or English (see
:func:`~welfare_ambito.tables.columns`). Each reader returns the objects or
raises :class:`~welfare_ambito.errors.InvalidInput` with every bad cell at once.

>>> import io
>>> plan = read_hour_plan(io.StringIO(
...     "Professione;Ore;Costo orario\\neducatore;6.000,0;24,50\\npsicologo;1400;\\n"))
>>> plan.hours_of("educator"), plan.cost_of("educator"), plan.cost_of("psychologist")
(Decimal('6000.0'), Money('147000.00'), None)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from welfare_ambito import i18n
from welfare_ambito.errors import ErrorDetail, InvalidInput, InvalidValue
from welfare_ambito.model import (
    BudgetLine,
    GroupModule,
    HourPlan,
    Intervention,
    ReportDue,
    StaffMember,
)
from welfare_ambito.periods import Period
from welfare_ambito.tables._errors import labelled, table_error
from welfare_ambito.tables._rows import Header, Source, decode, open_table

i18n.define(
    "error.tables.period",
    it="scrivi sia l'inizio sia la fine del periodo, o nessuno dei due",
    en="write both the start and the end of the period, or neither",
)
i18n.define(
    "error.tables.second_row_for",
    it="una seconda riga per {name}: tienine una",
    en="a second row for {name}: keep one",
)

__all__ = [
    "read_budget_lines",
    "read_groups",
    "read_hour_plan",
    "read_interventions",
    "read_reports",
    "read_rows",
    "read_staff",
]


def read_rows(
    source: Source,
    kind: str,
    *,
    encoding: str | None = None,
    sep: str | None = None,
    sheet: str | int | None = None,
    mapping: Any = None,
    name: str | None = None,
) -> tuple[Header, list[tuple[int, dict[str, Any]]]]:
    """The bound header and ``(row, values)`` of every row; :class:`InvalidInput` on any bad cell."""
    header, rows = open_table(
        source, kind, encoding=encoding, sep=sep, sheet=sheet, mapping=mapping, name=name
    )
    read: list[tuple[int, dict[str, Any]]] = []
    problems: list[ErrorDetail] = []
    for number, cells in rows:
        values, errors = decode(cells, number, header)
        problems.extend(errors)
        read.append((number, values))
    if problems:
        raise InvalidInput(problems)
    return header, read


def build_all(
    header: Header,
    rows: list[tuple[int, dict[str, Any]]],
    make: Callable[[dict[str, Any]], Any],
) -> list[Any]:
    """``make`` each row's values, turning validator errors into errors at the cell."""
    built: list[Any] = []
    problems: list[ErrorDetail] = []
    for number, values in rows:
        try:
            built.append(make(values))
        except InvalidValue as exc:
            problems.append(at_cell(exc, header, number))
    if problems:
        raise InvalidInput(problems)
    return built


def at_cell(error: InvalidValue, header: Header, row: int) -> ErrorDetail:
    """``error`` (raised for a field of a row's object) located at that field's cell."""
    field = error.path.split("[")[0].split(".")[0]
    if field == "period":
        field = "start"
    written = header.written(field) or field or "?"
    return labelled(header.address(field, row), written, error)


def _given(values: dict[str, Any], *skip: str) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and k not in skip}


def _intervention(values: dict[str, Any]) -> Intervention:
    start, end = values.get("start"), values.get("end")
    period = None
    if start is not None or end is not None:
        if start is None or end is None:
            raise InvalidValue.of("tables.period", path="start" if start is None else "end")
        period = Period(start, end)
    return Intervention(period=period, **_given(values, "start", "end"))


def _split(text: str | None) -> list[str]:
    return [p.strip() for p in re.split(r"[;|\n]", text or "") if p.strip()]


def _group(values: dict[str, Any]) -> GroupModule:
    families = [p.strip() for p in re.split(r"[,;|\n]", values.get("families") or "") if p.strip()]
    return GroupModule(families=families, **_given(values, "families"))


def _staff(values: dict[str, Any]) -> StaffMember:
    return StaffMember(trainings=_split(values.get("trainings")), **_given(values, "trainings"))


def _budget_line(values: dict[str, Any]) -> BudgetLine:
    return BudgetLine(comuni=_split(values.get("comuni")), **_given(values, "comuni"))


def _report(values: dict[str, Any]) -> ReportDue:
    return ReportDue(
        kind=values["kind"], covers=Period(values["start"], values["end"]), due=values.get("due")
    )


def read_reports(source: Source, **options: Any) -> tuple[ReportDue, ...]:
    """Reports due, one per row (``tipo``, ``dal``, ``al``, ``scadenza``).

    >>> import io
    >>> text = "tipo;dal;al\\nrendicontazione semestrale;01/06/2023;30/11/2023\\n"
    >>> str(read_reports(io.StringIO(text))[0].covers)
    '2023-06-01/2023-11-30'
    """
    header, rows = _kwargs(source, "reports", options)
    return tuple(build_all(header, rows, _report))


def _kwargs(
    source: Source, kind: str, options: dict[str, Any]
) -> tuple[Header, list[tuple[int, dict[str, Any]]]]:
    return read_rows(source, kind, **options)


def read_interventions(source: Source, **options: Any) -> tuple[Intervention, ...]:
    """Interventions, one per row (``intervento``, ``tipo``, ``ore settimanali``, ``famiglia``…).

    >>> import io
    >>> [i.weekly_hours for i in read_interventions(io.StringIO(
    ...     "intervento;tipo;ore settimanali;famiglia\\nSEDT-1;SEDT;8;F01\\n"))]
    [Decimal('8')]
    """
    header, rows = _kwargs(source, "interventions", options)
    return tuple(build_all(header, rows, _intervention))


def read_staff(source: Source, **options: Any) -> tuple[StaffMember, ...]:
    """Staff members, one per row (``operatore``, ``professione``, ``iscritto all'albo``…).

    >>> import io
    >>> read_staff(io.StringIO("operatore;professione;psicoterapeuta\\nPSI-1;psicologo;sì\\n"))[0]
    StaffMember(id='PSI-1', profession=<Profession.PSYCHOLOGIST: 'psychologist'>, albo_registered=None, psychotherapist=True, years_in_tutela_minori=None, derogation_approved=None, in_service=None, weekly_hours=None, degree=None, trainings=())
    """
    header, rows = _kwargs(source, "staff", options)
    return tuple(build_all(header, rows, _staff))


def read_hour_plan(source: Source, **options: Any) -> HourPlan:
    """The hour plan: one row per profession (``professione``, ``ore``, ``costo orario``).

    >>> import io
    >>> read_hour_plan(io.StringIO("professione;ore\\npedagogista;900\\n")).hours_of("pedagogist")
    Decimal('900')
    """
    header, rows = _kwargs(source, "hour_plan", options)
    hours: dict[Any, Any] = {}
    costs: dict[Any, Any] = {}
    problems: list[ErrorDetail] = []
    for number, values in rows:
        profession = values["profession"]
        if profession in hours:
            written = header.written("profession") or "profession"
            problems.append(
                labelled(
                    header.address("profession", number),
                    written,
                    table_error(
                        "duplicate_row", "", template="second_row_for", name=profession.value
                    ),
                )
            )
            continue
        hours[profession] = values["hours"]
        if values.get("hourly_cost") is not None:
            costs[profession] = values["hourly_cost"]
    if problems:
        raise InvalidInput(problems)
    try:
        return HourPlan(hours=hours, hourly_cost=costs)
    except InvalidValue as exc:
        raise InvalidInput([ErrorDetail.from_error(exc, f"{header.source}!{exc.path}")]) from None


def read_budget_lines(source: Source, **options: Any) -> tuple[BudgetLine, ...]:
    """Budget lines, one per row (``voce``, ``descrizione``, ``importo``, ``voce madre``…).

    >>> import io
    >>> [str(line.amount) for line in read_budget_lines(io.StringIO(
    ...     "voce;descrizione;importo\\nassociated;Servizi associati;€ 249.100,00\\n"))]
    ['€ 249.100,00']
    """
    header, rows = _kwargs(source, "budget_lines", options)
    return tuple(build_all(header, rows, _budget_line))


def read_groups(source: Source, **options: Any) -> tuple[GroupModule, ...]:
    """Group modules, one per row (``gruppo``, ``tipo``, ``incontri``, ``cadenza``, ``famiglie``).

    >>> import io
    >>> read_groups(io.StringIO("gruppo;tipo;incontri;cadenza;famiglie\\n"
    ...                         "G1;gruppo genitori;8;quindicinale;F01, F02\\n"))[0].families
    ('F01', 'F02')
    """
    header, rows = _kwargs(source, "groups", options)
    return tuple(build_all(header, rows, _group))


def iter_rows(header: Header, rows: Iterator[tuple[int, list[Any]]]) -> Iterator[Any]:
    """Decode rows lazily (for callers that stream)."""
    for number, cells in rows:
        yield number, decode(cells, number, header)

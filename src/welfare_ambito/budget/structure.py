"""Structure checks of a :class:`~welfare_ambito.model.Budget`: sums and Comuni.

A line's children are either a **full split** ("a loro volta così suddivisi":
they must add up to the parent exactly) or **parts** ("di cui": each is a part of
the parent, together at most the parent). A parent line states which in
its ``split`` field; when it does not, :func:`split_kind` infers it: children that
*each* name a ``comune`` form a full split, any other children are parts. Pass
``full_splits`` (ids of parents) to override both.

Each check returns :class:`~welfare_ambito.budget.BudgetFinding` objects with a
stable ``code``; an empty tuple means the budget adds up.
"""

from __future__ import annotations

from collections.abc import Collection

from welfare_ambito import i18n
from welfare_ambito.budget._findings import BudgetFinding, mismatch
from welfare_ambito.model.budget import Budget, BudgetLine, SplitKind
from welfare_ambito.model.territory import Ambito, normalise_name
from welfare_ambito.money import Money

__all__ = ["SplitKind", "check_budget", "check_comuni", "check_sums", "split_kind"]

_FIGURES_IT = ": dichiarato {stated}, calcolato {computed}, differenza {difference}"
_FIGURES_EN = ": stated {stated}, computed {computed}, difference {difference}"
i18n.define_group(
    "budget.structure",
    (
        (
            "negative_line",
            "la voce {line!r} ha un importo negativo {amount}",
            "line {line!r} has a negative amount {amount}",
        ),
        (
            "total",
            "il totale differisce dalla somma delle voci principali" + _FIGURES_IT,
            "the total differs from the sum of the top-level lines" + _FIGURES_EN,
        ),
        (
            "overall_total",
            "il totale complessivo differisce da {years} × il totale annuo" + _FIGURES_IT,
            "the overall total differs from {years} × the yearly total" + _FIGURES_EN,
        ),
        (
            "split_sum",
            "la voce {line!r} differisce dalla somma della sua suddivisione" + _FIGURES_IT,
            "line {line!r} differs from the sum of its split" + _FIGURES_EN,
        ),
        (
            "parts_exceed",
            "le quote ('di cui') della voce {line!r} la superano" + _FIGURES_IT,
            "the parts ('of which') of line {line!r} exceed it" + _FIGURES_EN,
        ),
        (
            "comune_out_of_scope",
            "{comune!r} è un Comune di {ambito} ma è fuori dall'ambito di applicazione della "
            "voce {owner!r} ({scope})",
            "{comune!r} is a Comune of {ambito} but outside the scope of line {owner!r} ({scope})",
        ),
        (
            "duplicate_comune",
            "{comune!r} ha già la voce {other!r} in questa suddivisione",
            "{comune!r} already has line {other!r} in this split",
        ),
        (
            "comune_without_share",
            "{comune!r} è nell'ambito della voce {line!r} ma non ha una quota",
            "{comune!r} is in the scope of line {line!r} but has no share",
        ),
        ("unknown_comune", "non è un Comune di {ambito}", "not a Comune of {ambito}"),
        (
            "unknown_comune_suggest",
            "non è un Comune di {ambito}; forse intendevi {suggestion!r}?",
            "not a Comune of {ambito}; did you mean {suggestion!r}?",
        ),
    ),
)


def _path(budget: Budget, line: BudgetLine, field: str = "") -> str:
    """The line's path as the converter writes it (``lines[3].amount``)."""
    return f"lines[{budget.lines.index(line)}]" + (f".{field}" if field else "")


def split_kind(
    budget: Budget, line_id: str, *, full_splits: Collection[str] | None = None
) -> SplitKind | None:
    """How the children of ``line_id`` relate to it; ``None`` when it has none.

    With ``full_splits`` given, its members are full splits and every other
    parent has parts; otherwise the line's own ``split`` says, and when it is not
    stated, children that each name a Comune are a full split.

    >>> from welfare_ambito import data
    >>> budget = data.tutela_minori_budget()
    >>> split_kind(budget, "territorial"), split_kind(budget, "associated")
    (<SplitKind.FULL: 'full'>, <SplitKind.PARTS: 'parts'>)
    >>> split_kind(budget, "territorial.meda") is None
    True
    """
    children = budget.children(line_id)
    if not children:
        return None
    if full_splits is not None:
        return SplitKind.FULL if line_id in full_splits else SplitKind.PARTS
    stated = budget.line(line_id).split
    if stated is not None:
        return stated
    if all(child.comune is not None for child in children):
        return SplitKind.FULL
    return SplitKind.PARTS


def check_sums(
    budget: Budget, *, full_splits: Collection[str] | None = None
) -> tuple[BudgetFinding, ...]:
    """Whether the lines add up to their parents and to the totals, to the cent.

    Codes: ``budget.total`` (top-level lines vs ``total``),
    ``budget.overall_total`` (``total × years`` vs ``overall_total``),
    ``budget.split_sum`` (a full split vs its parent), ``budget.parts_exceed``
    ("di cui" parts larger than their parent), ``budget.negative_line``.

    >>> import attrs
    >>> from welfare_ambito import Money, data
    >>> budget = data.tutela_minori_budget()
    >>> check_sums(budget)
    ()
    >>> lines = [attrs.evolve(x, amount=Money("32700")) if x.id == "territorial.meda" else x
    ...          for x in budget.lines]
    >>> [(f.code, f.path, str(f.difference)) for f in check_sums(attrs.evolve(budget, lines=lines))]
    [('budget.split_sum', 'lines[2].amount', '-€ 100,00')]
    """
    findings: list[BudgetFinding] = []
    for line in budget.lines:
        if line.amount < Money(0):
            findings.append(
                BudgetFinding(
                    code="budget.negative_line",
                    path=_path(budget, line, "amount"),
                    stated=line.amount,
                    key="budget.structure.negative_line",
                    params={"line": line.id, "amount": line.amount},
                )
            )
    top = budget.top_level()
    if top:
        computed = sum((line.amount for line in top), Money(0))
        if computed != budget.total:
            findings.append(
                mismatch(
                    code="budget.total",
                    path="total",
                    stated=budget.total,
                    computed=computed,
                    what="budget.structure.total",
                )
            )
    if budget.years is not None and budget.overall_total is not None:
        computed = budget.total * budget.years
        if computed != budget.overall_total:
            findings.append(
                mismatch(
                    code="budget.overall_total",
                    path="overall_total",
                    stated=budget.overall_total,
                    computed=computed,
                    what="budget.structure.overall_total",
                    years=budget.years,
                )
            )
    for line in budget.lines:
        kind = split_kind(budget, line.id, full_splits=full_splits)
        if kind is None:
            continue
        children = budget.children(line.id)
        computed = sum((child.amount for child in children), Money(0))
        if kind is SplitKind.FULL and computed != line.amount:
            findings.append(
                mismatch(
                    code="budget.split_sum",
                    path=_path(budget, line, "amount"),
                    stated=line.amount,
                    computed=computed,
                    what="budget.structure.split_sum",
                    line=line.id,
                )
            )
        elif kind is SplitKind.PARTS and computed > line.amount:
            findings.append(
                mismatch(
                    code="budget.parts_exceed",
                    path=_path(budget, line, "amount"),
                    stated=line.amount,
                    computed=computed,
                    what="budget.structure.parts_exceed",
                    line=line.id,
                )
            )
    return tuple(findings)


def _key(ambito: Ambito, name: str) -> str:
    found = ambito.find(name)
    return found.name if found is not None else normalise_name(name)


def check_comuni(budget: Budget, ambito: Ambito) -> tuple[BudgetFinding, ...]:
    """Whether every Comune a line names belongs to ``ambito`` and to its service's scope.

    A line's scope is the ``comuni`` of its parent when stated, else its own.
    Codes: ``budget.unknown_comune`` (not a member of the Ambito),
    ``budget.comune_out_of_scope`` (a member, outside the scope),
    ``budget.duplicate_comune`` (two lines of one split for the same Comune),
    ``budget.comune_without_share`` (a warning: a Comune of the scope has no
    line in a split per Comune).

    >>> import attrs
    >>> from welfare_ambito import data
    >>> budget, ambito = data.tutela_minori_budget(), data.seregno()
    >>> check_comuni(budget, ambito)
    ()
    >>> lines = [attrs.evolve(x, comune="Cogliate") if x.id == "territorial.meda" else x
    ...          for x in budget.lines]
    >>> [f.code for f in check_comuni(attrs.evolve(budget, lines=lines), ambito)]
    ['budget.comune_out_of_scope', 'budget.comune_without_share']
    """
    findings: list[BudgetFinding] = []
    lines = {line.id: line for line in budget.lines}
    for line in budget.lines:
        for index, name in enumerate(line.comuni):
            if ambito.find(name) is None:
                findings.append(_unknown(ambito, name, _path(budget, line, f"comuni[{index}]")))
        if line.comune is None:
            continue
        if ambito.find(line.comune) is None:
            findings.append(_unknown(ambito, line.comune, _path(budget, line, "comune")))
            continue
        parent = lines.get(line.parent) if line.parent is not None else None
        scope = parent.comuni if parent is not None and parent.comuni else line.comuni
        if scope and _key(ambito, line.comune) not in {_key(ambito, s) for s in scope}:
            owner = parent if parent is not None and parent.comuni else line
            findings.append(
                BudgetFinding(
                    code="budget.comune_out_of_scope",
                    path=_path(budget, line, "comune"),
                    key="budget.structure.comune_out_of_scope",
                    params={
                        "comune": line.comune,
                        "ambito": ambito.name,
                        "owner": owner.id,
                        "scope": ", ".join(scope),
                    },
                )
            )
    for parent in budget.lines:
        children = [c for c in budget.children(parent.id) if c.comune is not None]
        if not children:
            continue
        seen: dict[str, str] = {}
        for child in children:
            assert child.comune is not None
            key = _key(ambito, child.comune)
            if key in seen:
                findings.append(
                    BudgetFinding(
                        code="budget.duplicate_comune",
                        path=_path(budget, child, "comune"),
                        key="budget.structure.duplicate_comune",
                        params={"comune": child.comune, "other": seen[key]},
                    )
                )
            seen.setdefault(key, child.id)
        for name in parent.comuni:
            if ambito.find(name) is not None and _key(ambito, name) not in seen:
                findings.append(
                    BudgetFinding(
                        code="budget.comune_without_share",
                        path=_path(budget, parent),
                        severity="warning",
                        key="budget.structure.comune_without_share",
                        params={"comune": name, "line": parent.id},
                    )
                )
    return tuple(findings)


def _unknown(ambito: Ambito, name: str, path: str) -> BudgetFinding:
    # The text is not repeated (it may be anything a user typed); the closest official
    # name of a Comune is public and says how to mend a misspelling.
    close = ambito.closest(name)
    return BudgetFinding(
        code="budget.unknown_comune",
        path=path,
        key=f"budget.structure.unknown_comune{'_suggest' if close else ''}",
        params={"ambito": ambito.name, "suggestion": close},
    )


def check_budget(
    budget: Budget,
    ambito: Ambito | None = None,
    *,
    full_splits: Collection[str] | None = None,
) -> tuple[BudgetFinding, ...]:
    """Every structure check: :func:`check_sums`, then :func:`check_comuni` when ``ambito`` is given.

    >>> from welfare_ambito.model import Budget, BudgetLine
    >>> b = Budget(total="100", lines=[BudgetLine(id="a", label="A", amount="60"),
    ...                                BudgetLine(id="b", label="B", amount="30")])
    >>> [(f.code, str(f.difference)) for f in check_budget(b)]
    [('budget.total', '€ 10,00')]
    """
    findings = list(check_sums(budget, full_splits=full_splits))
    if ambito is not None:
        findings.extend(check_comuni(budget, ambito))
    return tuple(findings)

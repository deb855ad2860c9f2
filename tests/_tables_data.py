"""Shared test data for the table tests: families written as an Italian spreadsheet."""

from __future__ import annotations

import csv
import io

from welfare_ambito.model import Family
from welfare_ambito.model._labels import LABELS_IT

HEADER = (
    "Famiglia;Comune;Minore;Data di nascita;Valutazione preliminare;Orientamento EM;"
    "Fiducia nei servizi;Abuso o maltrattamento grave;Allontanamento in corso;Fragilità"
)


def as_csv(rows: list[Family], sep: str) -> str:
    """``rows`` as CSV text with Italian headers, labels and dd/mm/yyyy dates."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(HEADER.split(";"))
    label = {True: "sì", False: "no", None: ""}
    for family in rows:
        for child in family.children:
            writer.writerow(
                [
                    family.id,
                    family.comune or "",
                    child.id,
                    child.birth_date.strftime("%d/%m/%Y"),
                    LABELS_IT[family.pre_assessment] if family.pre_assessment else "",
                    LABELS_IT[family.em_orientation] if family.em_orientation else "",
                    label[family.trust_in_services],
                    label[family.abuse_or_severe_maltreatment],
                    label[family.removal_in_progress],
                    ", ".join(sorted(LABELS_IT[a] for a in family.adversities)),
                ]
            )
    return out.getvalue()

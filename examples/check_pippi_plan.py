"""Check a partner's P.I.P.P.I. plan against the Seregno notice and print the report.

Run with ``python examples/check_pippi_plan.py [PLAN.toml] [--lang en]``; without a plan it
checks the embedded example with deliberate mistakes (``pippi_seregno_mistakes``).
"""

from __future__ import annotations

import sys

import welfare_ambito as wa
from welfare_ambito.rules import evaluate


def main(argv: list[str]) -> int:
    lang = "en" if "--lang" in argv and argv[argv.index("--lang") + 1] == "en" else "it"
    paths = [a for a in argv if a.endswith((".toml", ".json"))]
    plan = wa.load(paths[0]) if paths else wa.data.example("pippi_seregno_mistakes")

    report = evaluate(plan, "seregno-pippi-2023", lang=lang)
    print(report.to_text())

    # The same findings as data: what failed, where, and the sentence of the notice.
    failed = report.select(outcome="fail")
    to_review = report.select(outcome="needs_review")
    print(f"{len(failed)} failed, {len(to_review)} to review, ok={report.ok}")
    for finding in failed:
        source = f" [{finding.citation.section}]" if finding.citation else ""
        print(f"- {finding.rule} @ {finding.path or 'plan'}: {finding.message}{source}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    main(sys.argv[1:])  # the report is the output; a failing plan is not a failing script

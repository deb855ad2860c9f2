"""Benchmark of the table doors: screening a families CSV, reconciling a budget table.

Run: .venv/bin/python benchmarks/bench_tables.py [--rows N] [--reconcile-rows N] [--only NAME]

Each measurement runs in a fresh subprocess so its peak RSS (``ru_maxrss``) is its own;
rates are per second of CPU time (``time.process_time``), which a shared machine does not skew:

* ``objects``: assess the families of the file already built as objects (a sample of
  ``--sample`` families, the rate per family);
* ``stream``: ``eligibility.assess_table`` over the whole CSV (cp1252, ``;``, CRLF,
  Italian headers and dates, 1–3 rows per family), every result written to a
  results CSV — the peak RSS must stay flat (target < 200 MB at 1,000,000 rows) and
  the rate at least a third of ``objects``;
* ``reconcile``: ``welfare-ambito budget reconcile`` of a table of
  ``--reconcile-rows`` rows × 6 columns (target < 300 MB at 1,000,000 rows), beside
  ``plain``: a plain ``csv``-module loop doing the same check (Italian cells read with
  ``str.replace``, row and column totals compared), the 1× floor of the speed ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

ON = dt.date(2023, 6, 1)
HEADER = (
    "Famiglia;Comune;Minore;Data di nascita;Valutazione preliminare;Orientamento EM;"
    "Fiducia nei servizi;Abuso o maltrattamento grave;Allontanamento in corso;Fragilità"
)


def write_families(path: str, rows: int) -> int:
    """A families export of ``rows`` rows (1–3 children per family); returns the families."""
    rng = random.Random(12)
    pre = ["Preoccupante", "non preoccupante", ""]
    orient = ["Mantenimento in famiglia", "riunificazione", ""]
    flag = ["Sì", "no", ""]
    families = written = 0
    with open(path, "w", encoding="cp1252", newline="") as out:
        out.write(HEADER + "\r\n")
        while written < rows:
            families += 1
            fid = f"F{families:07d}"
            for child in range(min(rng.randint(1, 3), rows - written)):
                first = child == 0
                cells = [
                    fid,
                    "Seregno" if first else "",
                    f"{fid}-{child + 1}",
                    f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2006, 2022)}",
                    rng.choice(pre) if first else "",
                    rng.choice(orient) if first else "",
                    rng.choice(flag) if first else "",
                    ("no" if rng.random() < 0.9 else "sì") if first else "",
                    "no" if first else "",
                    "Disabilità" if first and rng.random() < 0.1 else "",
                ]
                out.write(";".join(cells) + "\r\n")
                written += 1
    return families


def write_table(path: str, rows: int) -> None:
    """A budget table of ``rows`` rows × 5 areas + TOTALE, with a total row, Italian numbers."""
    rng = random.Random(7)
    columns = 5
    sums = [0] * (columns + 1)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("Comune;" + ";".join(f"Area {j}" for j in range(columns)) + ";TOTALE\n")
        for i in range(rows - 1):
            values = [rng.randint(0, 10**9) for _ in range(columns)]
            values.append(sum(values))
            sums = [a + b for a, b in zip(sums, values, strict=True)]
            out.write(f"Comune {i};" + ";".join(_it(v) for v in values) + "\n")
        out.write("TOTALE;" + ";".join(_it(v) for v in sums) + "\n")


def _it(cents: int) -> str:
    euros, rest = divmod(cents, 100)
    return f"{euros:,}".replace(",", ".") + f",{rest:02d}"


def plain_cents(cell: str) -> int:
    """An Italian amount cell in cents, the plain way (no checks beyond ``int``)."""
    if cell == "-":
        return 0
    euros, _, cents = cell.replace(".", "").partition(",")
    return int(euros) * 100 + (int(cents.ljust(2, "0")) if cents else 0)


def plain_reconcile(path: str) -> int:
    """The reconciliation as a plain csv loop: how many stated totals differ."""
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        width = len(next(reader)) - 1
        sums = [0] * width
        last: list[int] = []
        differ = 0
        for row in reader:
            values = [plain_cents(cell) for cell in row[1:]]
            differ += sum(values[:-1]) != values[-1]
            for j, value in enumerate(values):
                sums[j] += value
            last = values
    differ += sum(s - v != v for s, v in zip(sums, last, strict=True))
    return differ


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, path: str, sample: int) -> None:
    """Run one measurement in this process and print it as JSON."""
    if kind == "objects":
        from welfare_ambito.eligibility import assess
        from welfare_ambito.rules import load_profile
        from welfare_ambito.tables import FamilyTable

        profile = load_profile("seregno-pippi-2023")
        families = []
        for record in FamilyTable(path):
            if record.family is not None:
                families.append(record.family)
            if len(families) >= sample:
                break
        start, cpu = time.perf_counter(), time.process_time()
        for family in families:
            assess(family, on=ON, profile=profile)
        seconds = time.perf_counter() - start
        result = {"families": len(families), "seconds": seconds, "cpu": time.process_time() - cpu}
    elif kind == "stream":
        from welfare_ambito.eligibility import assess_table
        from welfare_ambito.eligibility.table import result_headers
        from welfare_ambito.rules import load_profile
        from welfare_ambito.tables import write_rows

        profile = load_profile("seregno-pippi-2023")
        start, cpu = time.perf_counter(), time.process_time()
        screening = assess_table(path, on=ON, profile=profile)
        out = path + ".esiti.csv"
        count = write_rows(out, result_headers(), (r.to_row() for r in screening))
        seconds = time.perf_counter() - start
        os.remove(out)
        result = {
            "families": count,
            "seconds": seconds,
            "cpu": time.process_time() - cpu,
            "summary": screening.summary,
        }
    elif kind == "plain":
        start, cpu = time.perf_counter(), time.process_time()
        result = {"differ": plain_reconcile(path)}
        result["seconds"] = time.perf_counter() - start
        result["cpu"] = time.process_time() - cpu
    else:
        from welfare_ambito.cli import main

        start, cpu = time.perf_counter(), time.process_time()
        with open(os.devnull, "w") as sink:
            stdout, sys.stdout = sys.stdout, sink
            try:
                code = main(["budget", "reconcile", path, "--format", "json"])
            finally:
                sys.stdout = stdout
        result = {
            "exit": code,
            "seconds": time.perf_counter() - start,
            "cpu": time.process_time() - cpu,
        }
    result["peak_rss_mb"] = round(_peak_mb(), 1)
    print(json.dumps(result))


def _run(kind: str, path: str, sample: int) -> dict[str, object]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--path", path, "--sample", str(sample)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the families CSV")
    parser.add_argument("--reconcile-rows", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=20_000, help="families prebuilt as objects")
    parser.add_argument("--only", choices=("screening", "reconcile"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.path, args.sample)
        return
    with tempfile.TemporaryDirectory() as folder:
        if args.only in (None, "screening"):
            path = os.path.join(folder, "famiglie.csv")
            families = write_families(path, args.rows)
            print(
                f"families CSV: {args.rows:,} rows, {families:,} families, "
                f"{os.path.getsize(path) / 1e6:.1f} MB"
            )
            objects = _run("objects", path, args.sample)
            # CPU time, not wall time: on a shared machine only CPU time compares two runs
            rate_objects = float(objects["families"]) / float(objects["cpu"])  # type: ignore[arg-type]
            print(
                f"assess prebuilt objects: {rate_objects:,.0f} families per CPU second "
                f"({objects['families']:,} families), peak RSS {objects['peak_rss_mb']} MB"
            )
            stream = _run("stream", path, args.sample)
            rate_stream = float(stream["families"]) / float(stream["cpu"])  # type: ignore[arg-type]
            print(
                f"assess_table streamed + results CSV: {rate_stream:,.0f} families per CPU second "
                f"({stream['families']:,} families, {float(stream['cpu']):.0f} s CPU, "
                f"{float(stream['seconds']):.0f} s wall), "  # type: ignore[arg-type]
                f"peak RSS {stream['peak_rss_mb']} MB (target < 200 MB)"
            )
            print(
                f"  speed ratio stream / objects: {rate_stream / rate_objects:.2f} (target >= 0.33)"
            )
            print(f"  outcomes: {stream['summary']}")
        if args.only in (None, "reconcile"):
            path = os.path.join(folder, "tabella.csv")
            write_table(path, args.reconcile_rows)
            plain = _run("plain", path, 0)
            rec = _run("reconcile", path, 0)
            print(
                f"plain csv loop {args.reconcile_rows:,} rows x 6 columns: "
                f"{float(plain['cpu']):.1f} s CPU, {plain['differ']} differ, "  # type: ignore[arg-type]
                f"peak RSS {plain['peak_rss_mb']} MB"
            )
            print(
                f"budget reconcile {args.reconcile_rows:,} rows x 6 columns: "
                f"{float(rec['cpu']):.1f} s CPU ({float(rec['seconds']):.1f} s wall), "  # type: ignore[arg-type]
                f"exit {rec['exit']}, peak RSS {rec['peak_rss_mb']} MB (target < 300 MB)"
            )
            print(
                "  speed ratio reconcile / plain loop (CPU): "
                f"{float(rec['cpu']) / float(plain['cpu']):.2f}"  # type: ignore[arg-type]
            )


if __name__ == "__main__":
    main()

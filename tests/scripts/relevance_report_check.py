#!/usr/bin/env python3
"""Checks that a relevance report (scripts/bench --relevance) is well formed, asserting no
figure: every corpus section holds a table with one row per engine of bench/engines.tsv,
a positive query count and a score between 0 and 1 in every score cell (n/a only when
the kind has no query). Exit 0 when it is, 1 with the reasons otherwise.

    tests/scripts/relevance_report_check.py REPORT
"""

import sys
from pathlib import Path

ENGINES = [line.split("\t")[1] for line in
           (Path(__file__).resolve().parents[2] / "bench" / "engines.tsv")
           .read_text().splitlines() if line and not line.startswith("#")]
HEAD = ["engine", "title queries", "title success@1", "title MRR@10", "body queries",
        "body success@1", "body MRR@10"]


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def check_row(row, problems, where):
    if len(row) != len(HEAD):
        problems.append(f"{where}: {len(row)} cells, expected {len(HEAD)}")
        return
    for start in (1, 4):
        count, scores = row[start], row[start + 1:start + 3]
        if not count.isdigit():
            problems.append(f"{where}: query count {count!r}")
            continue
        for value in scores:
            if value == "n/a" and count == "0":
                continue
            try:
                ok = 0.0 <= float(value) <= 1.0
            except ValueError:
                ok = False
            if not ok:
                problems.append(f"{where}: score {value!r}")
    if row[1] == "0" and row[4] == "0":
        problems.append(f"{where}: no query at all")


def main(report):
    lines = Path(report).read_text(encoding="utf-8").splitlines()
    problems, sections = [], 0
    for i, line in enumerate(lines):
        if not line.startswith("## Corpus: "):
            continue
        sections += 1
        head = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("|")), None)
        if head is None or cells(lines[head]) != HEAD:
            problems.append(f"{line}: no table with the columns {HEAD}")
            continue
        body = []
        for row in lines[head + 2:]:
            if not row.startswith("|"):
                break
            body.append(cells(row))
        if [r[0] for r in body] != ENGINES:
            problems.append(f"{line}: rows {[r[0] for r in body]}, expected {ENGINES}")
        for row in body:
            check_row(row, problems, f"{line}, {row[0]}")
    if sections == 0:
        problems.append("no corpus section")
    for problem in problems:
        print(f"{report}: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: tests/scripts/relevance_report_check.py REPORT")
    sys.exit(main(sys.argv[1]))

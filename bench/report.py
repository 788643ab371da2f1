#!/usr/bin/env python3
"""Writes the bench's markdown report from the raw rows that the scenarios in
bench/scenarios/ left in RESULTS (normally $BENCH_DIR/results). All the bench's statistics
are here: medians, nearest-rank percentiles, means and ratios. Standard library only.

    bench/report.py RESULTS REPORT_FILE

RESULTS holds run.tsv (the run and the machine), corpora.tsv, notes.txt, queries/ and one
folder per corpus; the files are described in the scenarios that write them.
"""

import csv
import math
import statistics
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


# --- statistics -----------------------------------------------------------------------------


def median(values):
    """The median (mean of the two middle values for an even count); None when empty."""
    return statistics.median(values) if values else None


def percentile(values, p):
    """The nearest-rank percentile p (0 < p <= 1): the smallest value with at least p of the
    values at or below it. None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = min(max(1, math.ceil(p * len(ordered))), len(ordered))
    return ordered[rank - 1]


def mean(values):
    return statistics.fmean(values) if values else None


def latency(values):
    """(count, p50, p95, mean) of a list of times."""
    return len(values), percentile(values, 0.5), percentile(values, 0.95), mean(values)


# --- formatting -----------------------------------------------------------------------------


def ms(microseconds):
    return "n/a" if microseconds is None else f"{microseconds / 1000:.2f}"


def mib(amount, unit=1048576):
    """An amount of bytes (unit 1048576) or KiB (unit 1024) in MiB."""
    return f"{amount / unit:.1f}"


def ratio(a, b):
    return "n/a" if a is None or b is None or b == 0 else f"{a / b:.2f}×"


def cell(text):
    """Text inside a markdown table cell and inline code."""
    return text.replace("|", "\\|")


# --- reading --------------------------------------------------------------------------------


def rows(path):
    """The tab-separated rows of a file, [] when it does not exist."""
    if not path.exists():
        return []
    return [line.split("\t") for line in path.read_text().splitlines() if line]


def facts(path):
    return {r[0]: r[1] if len(r) > 1 else "" for r in rows(path)}


class Engine:
    """A row of bench/engines.tsv."""

    def __init__(self, fields):
        (self.key, self.name, self.index_label, self.index_peer, self.in_label,
         self.whole_label, self.rerun) = fields


def engines(keys):
    """The engines of bench/engines.tsv whose keys are listed, in the table's order."""
    table = [Engine(r) for r in rows(BENCH / "engines.tsv") if not r[0].startswith("#")]
    return [e for e in table if e.key in keys]


class Corpus:
    """The raw results of one corpus."""

    def __init__(self, results, name, path, source, measured):
        self.name, self.path, self.source = name, path, source
        folder = results / name
        self.facts = facts(folder / "facts.tsv")
        self.build = rows(folder / "build.tsv")
        self.reindex = rows(folder / "reindex.tsv")
        self.batch = rows(folder / "batch.tsv")
        self.batch_rss = rows(folder / "batch-rss.tsv")
        self.whole = rows(folder / "whole.tsv")
        self.hyperfine = folder / "hyperfine.csv"
        self.relevance = rows(folder / "relevance.tsv")
        self.totals = {e.key: {int(r[0]): (int(r[1]), r[2] == "true")
                               for r in rows(folder / f"totals-{e.key}.tsv")}
                       for e in measured}

    def fact(self, key, default=None):
        return self.facts.get(key, default)

    @staticmethod
    def column(table, engine, index):
        """Column `index` (as numbers) of the rows of `table` whose first field is `engine`."""
        return [float(r[index]) for r in table if r[0] == engine]

    def times(self, scope, engine, queries=None, cpu=False):
        """Per-run times (µs) of in-process ("in") or whole-process ("whole") queries."""
        if scope == "in":
            return [float(r[4]) for r in self.batch
                    if r[0] == engine and (queries is None or int(r[3]) in queries)]
        return [float(r[6] if cpu else r[3]) for r in self.whole
                if r[1] == engine and (queries is None or int(r[2]) in queries)]


class Run:
    def __init__(self, results):
        self.facts = facts(results / "run.tsv")
        self.engines = engines(self.facts["engines"].split())
        self.subject, self.peers = self.engines[0], self.engines[1:]
        self.mix = (results / "queries" / "bs.query").read_text().splitlines()  # the mix
        queries = results / "queries"
        self.ids = {e.key: {int(n) for n in (queries / f"{e.key}.ids").read_text().split()}
                    for e in self.engines}
        self.corpora = [Corpus(results, *c[:3], self.engines)
                        for c in rows(results / "corpora.tsv")]
        self.notes = [n for n in (results / "notes.txt").read_text().splitlines() if n]

    def __getitem__(self, key):
        return self.facts[key]


# --- the report comparing engines -----------------------------------------------------------


def table(head, align, body):
    """A markdown table: head is the column names, align one letter a column (l or r), body
    the rows (lists of cells)."""
    def line(cells):
        return "|" + "".join(f" {c} |" if str(c) else " |" for c in cells)

    marks = {"l": "---", "r": "---:"}
    return [line(head), "|" + "|".join(marks[a] for a in align) + "|", *map(line, body)]


def machine_table(run):
    xapian = (f"{run['xapian']}, scriptindex/quest from xapian-omega/xapian-tools "
              f"{run['xapian_tools']}")
    return table(["", ""], "ll", [
        ["date", run["date"]],
        ["cores (nproc)", run["cores"]],
        ["CPU", run["cpu"] or "unknown"],
        ["memory", f"{int(run['memory_kb']) / 1048576:.1f} GiB"],
        ["kernel", run["kernel"]],
        ["load average (1, 5, 15 min) at start / end", f"{run['load_start']} / {run['load_end']}"],
        ["briefsearch commit", run["commit"]],
        ["Xapian", xapian],
        ["SQLite", run["sqlite"]],
        ["compiler", run["compiler"]],
    ])


def rerun_cell(engine, again, build):
    """The unchanged re-run's cell of the indexing table."""
    if engine.rerun == "none":
        return "—"
    if again is None:
        return "not run at this size: it rewrites every record, as long as a build"
    text = f"{again:.3f} ({100 * again / build:.1f}%)"
    return text + ", rewrites every record" if engine.rerun == "rewrites" else text


def indexing(run, corpus):
    out = []
    records = corpus.fact("records")
    counts = {e.key: corpus.fact(f"documents_{e.key}") for e in run.engines}
    if any(count != records for count in counts.values()):
        found = ", ".join(f"{e.index_label} {counts[e.key]}" for e in run.engines)
        out += ["", f"**Document counts differ**: {found}, records {records}."]
    build, rss, size, body = {}, {}, {}, []
    for e in run.engines:
        build[e.key] = median(corpus.column(corpus.build, e.key, 2))
        rss[e.key] = median(corpus.column(corpus.build, e.key, 3))
        size[e.key] = int(corpus.fact(f"bytes_{e.key}"))
        again = median(corpus.column(corpus.reindex, e.key, 2))
        count = int(counts[e.key])
        body.append([e.index_label, count, f"{build[e.key]:.3f}", f"{count / build[e.key]:.0f}",
                     mib(rss[e.key], 1024), mib(size[e.key]), rerun_cell(e, again, build[e.key])])
    out += ["", f"### Indexing (median of {run['runs']} runs each, engines alternated)", ""]
    out += table(["engine", "documents", "seconds", "docs/s", "peak RSS MiB", "database MiB",
                  "unchanged re-run: seconds (% of build)"], "lrrrrrr", body)
    subject = run.subject.key
    out += ["", "Ratios, briefsearch ÷ peer (below 1 means briefsearch is faster or smaller):", ""]
    out += table(["peer", "build time", "peak RSS", "database size"], "lrrr", [
        [e.index_peer, ratio(build[subject], build[e.key]), ratio(rss[subject], rss[e.key]),
         ratio(size[subject], size[e.key])] for e in run.peers])
    return out + [
        "",
        "The peers read records that bench/brief-records had already parsed from the corpus",
        f"({corpus.fact('records_seconds')} s, not counted); "
        "brief-index reads and parses the files itself.",
        "brief-index also stores the whole brief, country, region and date terms, and a",
        "spelling table; scriptindex stores the fields and D/M/Y date terms.", ""]


def latency_rows(run, corpus, scope):
    """One row per engine: its queries, runs, p50, p95, mean, (CPU p50,) peak RSS."""
    body = []
    for e in run.engines:
        n, p50, p95, average = latency(corpus.times(scope, e.key))
        cells = [e.whole_label if scope == "whole" else e.in_label, len(run.ids[e.key]), n,
                 ms(p50), ms(p95), ms(average)]
        if scope == "whole":
            cells.append(ms(percentile(corpus.times(scope, e.key, cpu=True), 0.5)))
            rss = median([float(r[4]) for r in corpus.whole if r[1] == e.key])
        else:
            rss = max(corpus.column(corpus.batch_rss, e.key, 2), default=0)
        body.append(cells + [mib(rss, 1024)])
    return body


def ratio_rows(run, corpus, scope):
    """One row per peer: the subject against it on the queries both answer."""
    subject, body = run.subject.key, []
    for e in run.peers:
        common = run.ids[e.key]
        _, a50, a95, _ = latency(corpus.times(scope, subject, common))
        _, b50, b95, _ = latency(corpus.times(scope, e.key, common))
        cells = [e.name, len(common), f"{ms(a50)} / {ms(a95)}", f"{ms(b50)} / {ms(b95)}",
                 ratio(a50, b50), ratio(a95, b95)]
        if scope == "whole":
            cells.append(ratio(percentile(corpus.times(scope, subject, common, cpu=True), 0.5),
                               percentile(corpus.times(scope, e.key, common, cpu=True), 0.5)))
        body.append(cells)
    return body


def latency_tables(run, corpus, scope):
    whole = scope == "whole"
    if whole:
        title = ("### Queries as whole processes (one process per query, engines alternated; "
                 f"{run['procs']} passes of the mix)")
    else:
        passes = len(corpus.times("in", run.subject.key)) // len(run.mix)
        title = (f"### Queries in-process (one long-running process per engine; {passes} passes"
                 " of the mix)")
    cpu = ["CPU p50 ms"] if whole else []
    out = [title, ""]
    out += table(["engine", "queries", "runs", "p50 ms", "p95 ms", "mean ms", *cpu,
                  "peak RSS MiB"], "l" + "r" * (6 + len(cpu)), latency_rows(run, corpus, scope))
    out += ["", "Ratios on the queries both engines answer, briefsearch ÷ peer "
            "(below 1: briefsearch faster):", ""]
    cpu = ["CPU p50 ratio"] if whole else []
    out += table(["peer", "common queries", "briefsearch p50 / p95 ms", "peer p50 / p95 ms",
                  "p50 ratio", "p95 ratio", *cpu], "l" + "r" * (5 + len(cpu)),
                 ratio_rows(run, corpus, scope))
    return out + [""]


def hyperfine(run, corpus):
    with corpus.hyperfine.open(newline="") as f:
        body = [[r["command"], *(f"{float(r[k]) * 1000:.2f}" for k in
                                 ("median", "mean", "min", "max"))] for r in csv.DictReader(f)]
    return [f"hyperfine cross-check, query 1 (`{run.mix[0]}`), whole process, "
            "each command's runs in a row:", "",
            *table(["command", "median ms", "mean ms", "min ms", "max ms"], "lrrrr", body), ""]


def match_summary(run, corpus):
    """The line that says where the peers' match counts equal brief-search's exact ones."""
    subject = corpus.totals[run.subject.key]
    parts = []
    for e in run.peers:
        compared = [n for n in corpus.totals[e.key] if subject[n][1]]
        differ = [n for n in compared if corpus.totals[e.key][n][0] != subject[n][0]]
        listed = f" (differ: {' '.join(map(str, differ))})" if differ else ""
        queries = " queries" if not parts else ""
        same = len(compared) - len(differ)
        parts.append(f"{e.name} on {same} of {len(compared)}{queries}{listed}")
    line = "Match counts equal to brief-search's exact ones: " + ", ".join(parts)
    lower_bounds = sum(1 for n in corpus.totals[run.peers[0].key] if not subject[n][1])
    if lower_bounds:
        line += (f"; on {lower_bounds} more, brief-search gives a lower bound "
                 "(`total_relation: gte`, marked ≥)")
    return line + "."


def per_query(run, corpus):
    """The table of each query's match counts and median times, engine by engine."""
    body = []
    for number, query in enumerate(run.mix, start=1):
        matches, times = [], []
        for e in run.engines:
            count = corpus.totals[e.key].get(number)
            matches.append("—" if count is None else ("" if count[1] else "≥") + str(count[0]))
            inside = median(corpus.times("in", e.key, {number}))
            outside = median(corpus.times("whole", e.key, {number}))
            times.append("—" if inside is None else f"{ms(inside)} / {ms(outside)}")
        body.append([number, f"`{cell(query)}`", " / ".join(matches), *times])
    names = [e.name for e in run.engines]
    return [f"<details><summary>Per query: matches ({' / '.join(names)}; ≥ marks a lower bound) "
            "and median ms (in-process / whole process)</summary>", "",
            *table(["#", "query", "matches", *names], "rlr" + "r" * len(names), body),
            "", "</details>", ""]


def comparison(run):
    mode = ("quick mode (proves the pipeline; too small for conclusions)"
            if run["mode"] == "quick" else "full mode")
    out = ["# briefsearch benchmark report", "",
           f"`{run['command']}`: {mode},",
           f"{run['runs']} index run(s) per engine, {run['rounds']} in-process and "
           f"{run['procs']} whole-process passes of the",
           f"{len(run.mix)}-query mix (`bench/queries.txt`). Times are wall clock on a shared "
           "machine; method in",
           f"docs/performance.md. Total bench time: {run['seconds']} s.", "",
           "## Machine", "", *machine_table(run), "",
           "## Queries the peers cannot express", "",
           "Left out of that peer's numbers (see bench/queries-peers.tsv):", ""]
    for number, query in enumerate(run.mix, start=1):
        missing = [f"not {e.name}" for e in run.peers if number not in run.ids[e.key]]
        if missing:
            out.append(f"- {number} `{query}`: " + ", ".join(missing))
    out.append("")
    for corpus in run.corpora:
        out += [f"## Corpus: {corpus.name}", "",
                f"{corpus.source}: {corpus.fact('corpus_files')} files, "
                f"{mib(int(corpus.fact('corpus_bytes')))} MiB, {corpus.fact('records')} briefs."]
        out += indexing(run, corpus)
        out += latency_tables(run, corpus, "in")
        out += latency_tables(run, corpus, "whole")
        out += hyperfine(run, corpus)
        out += [match_summary(run, corpus), ""]
        out += per_query(run, corpus)
    if run.notes:
        out += ["## Notes", "", *[f"- {n}" for n in run.notes], ""]
    return out + [
        "Targets (issue, at 100,000 briefs; benchmarks, not tests): in-process p50 ≤ 2 ms and",
        "p95 ≤ 5 ms; one query as a whole process no slower than quest."]


# --- the relevance report (known-item queries) --------------------------------------------


def known_item_scores(ranks):
    """(queries, success@1, MRR@10) of a list of ranks (0: not in the first 10)."""
    if not ranks:
        return 0, None, None
    return (len(ranks), sum(r == 1 for r in ranks) / len(ranks),
            sum(1 / r for r in ranks if r > 0) / len(ranks))


def score(value):
    return "n/a" if value is None else f"{value:.3f}"


def relevance_table(run, corpus):
    """One row per engine: success@1 and MRR@10 of each kind of known-item query."""
    kinds = ("title", "body")
    body = []
    for engine in run.engines:
        cells = [engine.name]
        for kind in kinds:
            count, success, mrr = known_item_scores(
                [int(r[3]) for r in corpus.relevance if r[0] == engine.key and r[1] == kind])
            cells += [count, score(success), score(mrr)]
        body.append(cells)
    head = ["engine"] + [f"{kind} {what}" for kind in kinds
                         for what in ("queries", "success@1", "MRR@10")]
    return table(head, "l" + "r" * 6, body)


def relevance(run):
    mode = ("quick mode (proves the pipeline; too few queries for conclusions)"
            if run["mode"] == "quick" else "full mode")
    out = ["# briefsearch relevance report", "",
           f"`{run['command']}`: {mode}. Known-item queries simulated from each corpus",
           "(bench/known-items.py; method in docs/relevance.md): for each sampled brief, its",
           "title's words, and words of its body drawn by tf·idf. success@1: the share of",
           "queries whose brief ranks first; MRR@10: the mean of 1/rank, 0 past rank 10.",
           f"{run['date']}, commit {run['commit']}.", ""]
    for corpus in run.corpora:
        out += [f"## Corpus: {corpus.name}", "",
                f"{corpus.source}: {corpus.fact('records')} briefs.", "",
                *relevance_table(run, corpus), ""]
    if run.notes:
        out += ["## Notes", "", *[f"- {n}" for n in run.notes], ""]
    return out


# --- the scale report (briefsearch alone) ---------------------------------------------------


def scale(run):
    corpus, key = run.corpora[0], run.subject.key
    corpus_bytes = int(corpus.fact("corpus_bytes"))
    db_bytes = int(corpus.fact(f"bytes_{key}"))
    build = median(corpus.column(corpus.build, key, 2))
    again = median(corpus.column(corpus.reindex, key, 2))
    batch, whole = corpus.times("in", key), corpus.times("whole", key)
    cpu = corpus.times("whole", key, cpu=True)
    by_query = {}
    for r in corpus.batch:
        by_query.setdefault(int(r[3]), []).append(float(r[4]))
    slowest = sorted(by_query, key=lambda n: mean(by_query[n]), reverse=True)[:5]
    docs_per_second = int(corpus.fact(f"documents_{key}")) / build
    return [
        f"# briefsearch at {run['size']} generated briefs", "",
        f"{run['date']}, {run['cores']} cores, load average at the end {run['load_end']}.",
        f"Made by `{run['command']}`, commit {run['commit']}.", "",
        *table(["", ""], "lr", [
            ["corpus", f"{mib(corpus_bytes)} MiB"],
            ["full build (`brief-index --full`)", f"{build:.3f} s, {docs_per_second:.0f} docs/s"],
            ["peak RSS of the build",
             f"{int(median(corpus.column(corpus.build, key, 3))) // 1024} MiB"],
            ["database", f"{mib(db_bytes)} MiB, {db_bytes / corpus_bytes:.2f}x the corpus"],
            ["unchanged re-index", f"{again:.3f} s ({100 * again / build:.1f}% of the build)"],
            ["query mix, `--batch`, p50 / p95",
             f"{ms(percentile(batch, 0.5))} / {ms(percentile(batch, 0.95))} ms "
             f"({len(batch) // len(run.mix)} passes of {len(run.mix)} queries)"],
            ["query peak RSS (`--batch`)",
             f"{int(max(corpus.column(corpus.batch_rss, key, 2))) // 1024} MiB"],
            ["one query as a whole process, p50 / p95",
             f"{ms(percentile(whole, 0.5))} / {ms(percentile(whole, 0.95))} ms wall, "
             f"CPU p50 {ms(percentile(cpu, 0.5))} ms"],
        ]), "",
        "Slowest in `--batch` (mean): "
        + "; ".join(f"`{run.mix[n - 1]}` {ms(mean(by_query[n]))} ms" for n in slowest) + ".",
    ]


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: bench/report.py RESULTS REPORT_FILE")
    run = Run(Path(argv[1]))
    if run.facts.get("scenario") == "relevance":
        lines = relevance(run)
    else:
        lines = scale(run) if run["mode"] == "scale" else comparison(run)
    out = Path(argv[2])
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".tmp")
    partial.write_text("\n".join(lines) + "\n")
    partial.replace(out)


if __name__ == "__main__":
    main(sys.argv)

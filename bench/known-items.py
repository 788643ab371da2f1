#!/usr/bin/env python3
"""Known-item queries simulated from a corpus, and the rank each engine gives the brief
each query was made from. Used by bench/scenarios/70-relevance.sh; method and figures in
docs/relevance.md. Standard library only.

    bench/known-items.py queries RECORDS OUT_DIR [--count N] [--seed S] [--body-words K]
    bench/known-items.py ranks OUT_DIR

`queries` reads the records bench/brief-records made from the corpus (the scriptindex
dump: the same briefs every engine indexes) and samples --count briefs (default 100) with
a seeded generator (default seed 1). For each it writes two queries, after Azzopardi, de
Rijke and Balog, "Building simulated queries for known-item topics" (SIGIR 2007):

- title: the title's words, stop words left out (an analyst who remembers the title);
- body: --body-words words (default 3) drawn without replacement from the description,
  impact and other sections, with probability proportional to tf·idf (tf: occurrences
  in the brief, idf: log(N / df) over the records): the paper's discriminative term
  selection, with idf standing in for its inverse collection frequency, and without its
  noise terms. Words of the title are left out, so that the body query tests the body.

A word is a run of letters (Unicode), lowercased, of at least 3 letters for the body (2
for the title), not a stop word. A brief whose title words are those of another brief's
title is not sampled for the title query (no engine can tell the two apart); the body
query still is. Writes OUT_DIR/known-items.tsv (number, kind, id, words) and each engine's
input: bs.batch (brief-search --batch, one query a line), si.batch (bench/xapian-batch,
quest's syntax) and fts.batch (SQL for one sqlite3 shell, each answer ended by @@end).

`ranks` reads OUT_DIR/ENGINE.out (each engine's answers to its input) and prints, for
each engine and query, "engine<TAB>kind<TAB>number<TAB>rank": the 1-based rank of the
known item among the first 10 hits, 0 when it is not among them. bench/report.py computes
success@1 and MRR@10 from these rows.
"""

import argparse
import json
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

# briefsearch's stop words (common/analysis/stop_words.cpp), so that no engine is asked a
# word briefsearch drops.
STOP_WORDS = set("""a about an and are as at be been being but by can could did do does for
from had has have he her hers him his i if in into is it its me my of on or our she so such
than that the their them then there these they this those to us was we were what when where
which while who whom why will with would you your""".split())
# Words briefsearch's query language reads as operators in any case (common/query/lexer.cpp:
# and, or, xor, not), so that every engine is asked the same words: "housing not
# launderers" would otherwise ask briefsearch for briefs without "launderers".
OPERATOR_WORDS = {"and", "or", "xor", "not"}
WORD = re.compile(r"[^\W\d_]+")
ENGINES = ("bs", "si", "fts")
DEPTH = 10


def read_records(path):
    """The records of a scriptindex dump: dicts of field -> text."""
    records, record, name = [], {}, None
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if not line:
            if record:
                records.append(record)
            record, name = {}, None
        elif line.startswith("=") and name:
            record[name] += "\n" + line[1:]
        else:
            name, _, value = line.partition("=")
            record[name] = value
    if record:
        records.append(record)
    return records


def words(text, shortest):
    return [w for w in (m.group().lower() for m in WORD.finditer(text))
            if len(w) >= shortest and w not in STOP_WORDS and w not in OPERATOR_WORDS]


def body_text(record):
    return "\n".join(record.get(f, "") for f in ("description", "impact", "body"))


def weighted_sample(rng, weights, k):
    """k distinct keys of weights, each draw with probability proportional to its weight."""
    pool, chosen = dict(weights), []
    while pool and len(chosen) < k:
        keys = sorted(pool)
        pick = rng.choices(keys, [pool[key] for key in keys])[0]
        chosen.append(pick)
        del pool[pick]
    return chosen


def make_queries(records, count, seed, body_words):
    df = Counter()
    bodies = []
    for record in records:
        terms = Counter(words(body_text(record), 3))
        bodies.append(terms)
        df.update(terms.keys())
    titles = Counter(frozenset(words(r.get("title", ""), 2)) for r in records)
    rng = random.Random(seed)
    sample = sorted(rng.sample(range(len(records)), min(count, len(records))))
    queries = []
    for index in sample:
        record, tf = records[index], bodies[index]
        title = list(dict.fromkeys(words(record.get("title", ""), 2)))
        if title and titles[frozenset(title)] == 1:
            queries.append(("title", record["id"], title))
        weights = {t: n * math.log(len(records) / df[t]) for t, n in tf.items()
                   if t not in title and df[t] < len(records)}
        body = weighted_sample(rng, weights, body_words)
        if len(body) == body_words:
            queries.append(("body", record["id"], body))
    return queries


def write_inputs(queries, out):
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "known-items.tsv", "w", encoding="utf-8") as table, \
            open(out / "bs.batch", "w", encoding="utf-8") as bs, \
            open(out / "si.batch", "w", encoding="utf-8") as si, \
            open(out / "fts.batch", "w", encoding="utf-8") as fts:
        for number, (kind, brief_id, terms) in enumerate(queries, start=1):
            table.write(f"{number}\t{kind}\t{brief_id}\t{' '.join(terms)}\n")
            bs.write(" ".join(terms) + "\n")
            si.write(" ".join(terms) + "\n")
            match = " ".join(f'"{t}"' for t in terms).replace("'", "''")
            fts.write(f"SELECT id FROM briefs WHERE briefs MATCH '{match}' ORDER BY rank "
                      f"LIMIT {DEPTH}; SELECT '@@end';\n")


def answers_bs(text):
    """brief-search --batch: one JSON object a line."""
    answers = []
    for line in text.splitlines():
        answer = json.loads(line)
        if "error" in answer:
            sys.exit(f"known-items: brief-search rejected a query: {line}")
        answers.append([hit["id"] for hit in answer.get("results", answer.get("hits", []))])
    return answers


def answers_marked(text, hit_id):
    """bench/xapian-batch and sqlite3: answers ended by a line @@end; hit_id(line, state)
    gives the id a line holds, or None."""
    answers, current, state = [], [], {}
    for line in text.split("\n"):
        if line == "@@end":
            answers.append(current)
            current, state = [], {}
        elif line.startswith("error:"):
            sys.exit(f"known-items: xapian-batch rejected a query: {line}")
        else:
            found = hit_id(line, state)
            if found is not None:
                current.append(found)
    return answers


HIT_HEADER = re.compile(r"^\d+: \[[^\]]*\]$")


def xapian_hit(line, state):
    """A hit is "DOCID: [WEIGHT]" followed by the document data, lines "field=value" in
    the order scriptindex stores them; the hit's id is its first "id=" line."""
    if HIT_HEADER.match(line):
        state["in_hit"] = True
    elif state.get("in_hit") and line.startswith("id="):
        state["in_hit"] = False
        return line[3:]
    return None


def ranks(out):
    table = [line.split("\t") for line in
             (out / "known-items.tsv").read_text(encoding="utf-8").splitlines()]
    for engine in ENGINES:
        path = out / f"{engine}.out"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        if engine == "bs":
            answers = answers_bs(text)
        elif engine == "si":
            answers = answers_marked(text, xapian_hit)
        else:
            answers = answers_marked(text, lambda line, _: line or None)
        if len(answers) != len(table):
            sys.exit(f"known-items: {path} holds {len(answers)} answers for "
                     f"{len(table)} queries")
        for (number, kind, brief_id, _), hits in zip(table, answers):
            hits = hits[:DEPTH]
            rank = hits.index(brief_id) + 1 if brief_id in hits else 0
            print(f"{engine}\t{kind}\t{number}\t{rank}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("queries")
    make.add_argument("records")
    make.add_argument("out")
    make.add_argument("--count", type=int, default=100)
    make.add_argument("--seed", type=int, default=1)
    make.add_argument("--body-words", type=int, default=3)
    score = sub.add_parser("ranks")
    score.add_argument("out")
    args = parser.parse_args()
    if args.command == "queries":
        queries = make_queries(read_records(args.records), args.count, args.seed,
                               args.body_words)
        if not queries:
            sys.exit(f"known-items: no query could be made from {args.records}")
        write_inputs(queries, Path(args.out))
    else:
        ranks(Path(args.out))


if __name__ == "__main__":
    main()

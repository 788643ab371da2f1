#!/usr/bin/env bash
# Relevance: known-item queries simulated from the corpus (bench/known-items.py: each
# sampled brief's title words, and words of its body drawn by tf·idf), answered by every
# engine over the database the index build left, in its long-running query process
# (brief-search --batch, bench/xapian-batch, one sqlite3 shell). Not timed. Method:
# docs/relevance.md.
# Writes: relevance/ (the queries, each engine's input and answers), relevance.tsv
# (engine, kind, query number, rank of the known item among the first 10 hits, 0 past 10).
#
#   bench/scenarios/70-relevance.sh CORPUS_NAME   (settings: bench/bench-lib.sh)
# shellcheck source-path=SCRIPTDIR source=../bench-lib.sh
source "$(dirname "$0")/../bench-lib.sh"
start_scenario "$@"

# The index build makes the peers' records; briefsearch alone still needs them here.
if [[ ! -s $w/records.dump ]]; then
  timed records "$helpers/brief-records" "$w/records.dump" "$w/records.sql" "$corpus"
  fact records "$(grep -o '[0-9]* records' "$w/log/records.err" | cut -d' ' -f1)"
fi
log "$name: $known_items known items, title and body queries"
rm -rf "$w/relevance"
python3 "$top/bench/known-items.py" queries "$w/records.dump" "$w/relevance" \
  --count "$known_items" --seed 1 --body-words 3 ||
  die "$name: bench/known-items.py could not make queries"
for engine in "${engines[@]}"; do
  "${engine}_batch_cmd"
  "${cmd[@]}" <"$w/relevance/$engine.batch" >"$w/relevance/$engine.out" \
    2>"$w/log/relevance-$engine.err" ||
    { tail -5 "$w/log/relevance-$engine.err" >&2; die "$name: $engine failed on the known-item queries"; }
done
python3 "$top/bench/known-items.py" ranks "$w/relevance" >"$w/relevance.tsv" ||
  die "$name: bench/known-items.py could not read the answers (see $w/relevance)"

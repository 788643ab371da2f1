#!/usr/bin/env bash
# In-process latency: each engine answers the query mix in one long-running process
# (brief-search --batch, bench/xapian-batch, one sqlite3 shell), driven by
# bench/batch-timer one query at a time. With several engines they take turns in blocks
# of at most 4 passes, which add up to $BENCH_ROUNDS passes each; every block starts
# with one untimed pass.
# Writes: batch.tsv (engine, block, round, query number, microseconds), batch-rss.tsv
# (engine, block, peak RSS KiB).
#
#   bench/scenarios/40-batch-latency.sh CORPUS_NAME   (settings: bench/bench-lib.sh)
# shellcheck source-path=SCRIPTDIR source=../bench-lib.sh
source "$(dirname "$0")/../bench-lib.sh"
start_scenario "$@"

blocks=1
((${#engines[@]} == 1)) || blocks=$(((rounds + 3) / 4))
per_block=$(((rounds + blocks - 1) / blocks))
log "$name: in-process queries, $((blocks * per_block)) passes of the mix per engine"
: >"$w/batch.tsv"
: >"$w/batch-rss.tsv"
for ((block = 1; block <= blocks; block++)); do
  for engine in "${engines[@]}"; do
    "${engine}_batch_cmd"
    "$helpers/batch-timer" --rounds "$per_block" --warmup 1 "${marker[@]}" \
      --out "$w/log/batch.part" "$queries/$engine.batch" -- "${cmd[@]}" \
      2>"$w/log/batch-$engine.err" ||
      { cat "$w/log/batch-$engine.err" >&2; die "$name: in-process queries failed for $engine"; }
    # batch-timer numbers the queries by their line in the input: back to the mix's numbers.
    mapfile -t ids <"$queries/$engine.ids"
    while IFS=$'\t' read -r round line microseconds _; do
      row "$w/batch.tsv" "$engine" "$block" "$round" "${ids[line - 1]}" "$microseconds"
    done <"$w/log/batch.part"
    row "$w/batch-rss.tsv" "$engine" "$block" \
      "$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$w/log/batch-$engine.err")"
  done
done

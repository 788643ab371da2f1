#!/usr/bin/env bash
# Index build: every engine builds its database from the corpus, $BENCH_RUNS times, the
# engines taking turns (bs si fts, then si fts bs, ...), each after a sync, timed with its
# peak RSS. The peers index the records bench/brief-records makes from the corpus first
# (timed apart, not counted in their builds).
# Writes: build.tsv (engine, run, seconds, peak RSS KiB); facts records, records_seconds.
#
#   bench/scenarios/10-index-build.sh CORPUS_NAME   (settings: bench/bench-lib.sh)
# shellcheck source-path=SCRIPTDIR source=../bench-lib.sh
source "$(dirname "$0")/../bench-lib.sh"
start_scenario "$@"

if ((${#engines[@]} > 1)); then
  log "$name: converting the corpus to the peers' record formats"
  timed records "$helpers/brief-records" "$w/records.dump" "$w/records.sql" "$corpus"
  fact records_seconds "$T_SECONDS"
  fact records "$(grep -o '[0-9]* records' "$w/log/records.err" | cut -d' ' -f1)"
fi
# Read the corpus once, so that no engine pays for a cold page cache.
find "$corpus" -type f -exec cat {} + >/dev/null

: >"$w/build.tsv"
for ((run = 1; run <= runs; run++)); do
  for engine in $(engines_in_turn "$run"); do
    log "$name: $engine build, run $run/$runs"
    rm -rf "$w/$engine.db"
    sync
    "${engine}_build_cmd"
    timed "build-$engine-$run" "${cmd[@]}"
    row "$w/build.tsv" "$engine" "$run" "$T_SECONDS" "$T_RSS_KB"
  done
done

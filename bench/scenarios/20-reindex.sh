#!/usr/bin/env bash
# Unchanged re-index: each engine that has a re-index command (ENGINE_reindex_cmd in
# bench/bench-lib.sh) indexes the same corpus again over the database its last build
# left, $BENCH_RUNS times, the engines taking turns.
# Writes: reindex.tsv (engine, run, seconds, peak RSS KiB).
#
#   bench/scenarios/20-reindex.sh CORPUS_NAME   (settings: bench/bench-lib.sh)
# shellcheck source-path=SCRIPTDIR source=../bench-lib.sh
source "$(dirname "$0")/../bench-lib.sh"
start_scenario "$@"

: >"$w/reindex.tsv"
for ((run = 1; run <= runs; run++)); do
  for engine in $(engines_in_turn "$run"); do
    if ! declare -F "${engine}_reindex_cmd" >/dev/null || ! "${engine}_reindex_cmd" "$run"; then
      continue
    fi
    log "$name: $engine unchanged re-index, run $run/$runs"
    sync
    timed "reindex-$engine-$run" "${cmd[@]}"
    row "$w/reindex.tsv" "$engine" "$run" "$T_SECONDS" "$T_RSS_KB"
  done
done

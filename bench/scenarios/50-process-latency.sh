#!/usr/bin/env bash
# Whole-process latency: one process per query (brief-search, quest, sqlite3), run by
# bench/spawn-timer $BENCH_PROCS times over the mix after one untimed pass, the engines
# taking turns query by query with a rotating first engine. Wall clock, CPU time and peak
# RSS of each process.
# Writes: whole.tsv (round, engine, query number, microseconds, peak RSS KiB, exit
# status, CPU microseconds).
#
#   bench/scenarios/50-process-latency.sh CORPUS_NAME   (settings: bench/bench-lib.sh)
# shellcheck source-path=SCRIPTDIR source=../bench-lib.sh
source "$(dirname "$0")/../bench-lib.sh"
start_scenario "$@"

# query[ENGINE,NUMBER]: the engine's form of query NUMBER.
declare -A query
for engine in "${engines[@]}"; do
  mapfile -t ids <"$queries/$engine.ids"
  mapfile -t lines <"$queries/$engine.query"
  for k in "${!ids[@]}"; do query[$engine,${ids[k]}]=${lines[k]}; done
done

plan=$w/plan.tsv
: >"$plan"
while read -r number; do
  turn=()
  for engine in "${engines[@]}"; do [[ -v "query[$engine,$number]" ]] && turn+=("$engine"); done
  for ((k = 0; k < ${#turn[@]}; k++)); do
    engine=${turn[$(((number + k) % ${#turn[@]}))]}
    "${engine}_process_cmd" "${query[$engine,$number]}"
    row "$plan" "$engine" "$number" "${cmd[@]}"
  done
done <"$queries/bs.ids"

log "$name: whole-process queries, $procs passes of the mix per engine"
"$helpers/spawn-timer" --rounds "$procs" --warmup 1 --out "$w/whole.tsv" "$plan" ||
  die "$name: whole-process queries failed"

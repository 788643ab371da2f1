#!/usr/bin/env bash
# Cross-check of the whole-process figures: hyperfine times query 1 as one process per
# engine (each command's runs in a row, so not alternated).
# Writes: hyperfine.csv (hyperfine's own export).
#
#   bench/scenarios/55-hyperfine.sh CORPUS_NAME   (settings: bench/bench-lib.sh)
# shellcheck source-path=SCRIPTDIR source=../bench-lib.sh
source "$(dirname "$0")/../bench-lib.sh"
start_scenario "$@"

commands=()
for engine in "${engines[@]}"; do
  [[ $(head -1 "$queries/$engine.ids") == 1 ]] || continue
  "${engine}_process_cmd" "$(head -1 "$queries/$engine.query")"
  commands+=(-n "$(basename "${cmd[0]}")" "$(printf '%q ' "${cmd[@]}")")
done
log "$name: hyperfine cross-check on query 1"
hyperfine -N --warmup 3 --runs "$([[ $mode == quick ]] && echo 5 || echo 30)" -i --style none \
  --export-csv "$w/hyperfine.csv" "${commands[@]}" >"$w/log/hyperfine.out" 2>&1 ||
  die "$name: hyperfine failed (see $w/log/hyperfine.out)"

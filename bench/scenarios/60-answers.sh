#!/usr/bin/env bash
# Same answers? The number of matches each engine finds for each query it answers (not
# timed), so that the report can show that the translations ask the same questions.
# Fails when brief-search rejects a query of the mix.
# Writes: totals-ENGINE.tsv (query number, matches, exact: true|false).
#
#   bench/scenarios/60-answers.sh CORPUS_NAME   (settings: bench/bench-lib.sh)
# shellcheck source-path=SCRIPTDIR source=../bench-lib.sh
source "$(dirname "$0")/../bench-lib.sh"
start_scenario "$@"

log "$name: match counts"
for engine in "${engines[@]}"; do
  "${engine}_totals" >"$w/totals-$engine.tsv"
  (($(cut -f2 "$w/totals-$engine.tsv" | grep -c .) == $(wc -l <"$queries/$engine.ids"))) ||
    die "$name: $engine gave no match count for some query (see $w/log)"
done

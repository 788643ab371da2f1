# The bench's shared library, sourced by scripts/bench and by every scenario in
# bench/scenarios/ (never run on its own): settings, the engines and their commands,
# packages, the build, corpora, the query mix and timing. Nothing here computes a figure:
# scenarios append raw rows under $BENCH_DIR/results and bench/report.py owns the
# statistics and the report.
#
# Settings, from the environment (scripts/bench exports them; a scenario run by hand takes
# the same variables and otherwise the quick mode's values):
#   BENCH_DIR       work folder (default /tmp/briefsearch-bench): corpora/ and results/
#   BUILD_DIR       the CMake build whose programs are measured (default build-bench/)
#   BENCH_MODE      quick, full or scale
#   BENCH_RUNS      index builds per engine
#   BENCH_ROUNDS    in-process passes over the query mix
#   BENCH_PROCS     whole-process passes over the query mix
#   BENCH_ENGINES   the engines measured, keys of bench/engines.tsv (default: all of them)
#   BENCH_KNOWN_ITEMS  briefs sampled per corpus for known-item queries (default: quick 50,
#                   otherwise 1000)
# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables are read by the scripts that source this one
set -euo pipefail
export LC_ALL=C.UTF-8

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_dir=${BENCH_DIR:-/tmp/briefsearch-bench}
build_dir=${BUILD_DIR:-$top/build-bench}
mode=${BENCH_MODE:-quick}
runs=${BENCH_RUNS:-1}
rounds=${BENCH_ROUNDS:-4}
procs=${BENCH_PROCS:-1}
known_items=${BENCH_KNOWN_ITEMS:-$([[ $mode == quick ]] && echo 50 || echo 1000)}
started=${BENCH_STARTED:-$EPOCHREALTIME}
results=$bench_dir/results
queries=$results/queries

brief_index=$build_dir/indexer/brief-index
brief_search=$build_dir/searcher/brief-search
gen_corpus=$build_dir/tools/gen_corpus/gen-corpus
helpers=$build_dir/bench

# --- engines -------------------------------------------------------------------------------

# The engines in turn order; bench/engines.tsv is the one list of them.
if [[ -n ${BENCH_ENGINES:-} ]]; then
  read -ra engines <<<"$BENCH_ENGINES"
else
  mapfile -t engines < <(grep -v '^#' "$top/bench/engines.tsv" | cut -f1)
fi

# The engines in the order they take turn N (1-based): bs si fts, then si fts bs, ...
engines_in_turn() {
  local count=${#engines[@]} k
  for ((k = 0; k < count; k++)); do echo "${engines[$(((${1} - 1 + k) % count))]}"; done
}

# quest's options, also given to bench/xapian-batch.
# shellcheck disable=SC2054 # the commas are in one argument
quest_options=(-m 10 -o and -f boolean,phrase,lovehate,wildcard,pure_not
  -p title:S -p desc:XD -p impact:XI -b year:Y -b month:M)

# Each engine's commands set the array `cmd` (and `marker` for batch-timer). They read
# $w (the corpus's results folder) and $corpus, which start_scenario sets.

# ENGINE_build_cmd: builds $w/ENGINE.db from the corpus (the peers from bench/brief-records'
# output, $w/records.*).
bs_build_cmd() { cmd=("$brief_index" --full --db "$w/bs.db" --json "$corpus"); }
si_build_cmd() { cmd=(scriptindex "$w/si.db" "$top/bench/briefs.scriptindex" "$w/records.dump"); }
fts_build_cmd() { cmd=(sqlite3 -batch -bail "$w/fts.db" ".read $w/records.sql"); }

# ENGINE_reindex_cmd RUN: the same corpus again over the database the build left; fails
# (sets nothing) when the engine does not run it in that turn. scriptindex has no change
# detection: the same dump again rewrites every record, as slow as a build, so it runs
# once, and only on corpora of at most 20,000 briefs (in quick mode, under 1,000). FTS5
# would duplicate its rows, so it has no such function.
bs_reindex_cmd() { cmd=("$brief_index" --db "$w/bs.db" --json "$corpus"); }
si_reindex_cmd() {
  (($1 == 1 && $(fact records) <= ($([[ $mode == quick ]] && echo 999 || echo 20000)))) || return 1
  si_build_cmd
}

# ENGINE_batch_cmd: one long-running process answering $queries/ENGINE.batch line by line;
# `marker` is the line that ends an answer (none: an answer is one line).
bs_batch_cmd() { cmd=("$brief_search" --db "$w/bs.db" --batch) marker=(); }
si_batch_cmd() { cmd=("$helpers/xapian-batch" -d "$w/si.db" "${quest_options[@]}") marker=(--marker @@end); }
fts_batch_cmd() { cmd=(stdbuf -oL sqlite3 -batch -readonly "$w/fts.db") marker=(--marker @@end); }

# ENGINE_process_cmd QUERY: one process answering one line of $queries/ENGINE.query.
bs_process_cmd() { cmd=("$brief_search" --db "$w/bs.db" --format json -- "$1"); }
si_process_cmd() { cmd=(quest -d "$w/si.db" "${quest_options[@]}" "$1"); }
fts_process_cmd() { cmd=(sqlite3 -batch -readonly "$w/fts.db" "$1"); }

# ENGINE_documents: the documents the last build (run $runs) added.
bs_documents() { grep -o '"added":[0-9]*' "$w/log/build-bs-$runs.out" | cut -d: -f2; }
si_documents() {
  sed -n 's/.*(added, replaced, deleted, skipped) = (\([0-9]*\),.*/\1/p' "$w/log/build-si-$runs.out" |
    tail -1
}
fts_documents() { sqlite3 -readonly "$w/fts.db" 'SELECT count(*) FROM briefs'; }

# ENGINE_totals: "query number<TAB>matches<TAB>exact (true|false)" for each query the
# engine answers. brief-search counts exactly up to a threshold (kExactCountThreshold) and
# gives a guaranteed lower bound beyond; Xapian counts every match (check_at_least = all);
# FTS5 runs count(*).
bs_totals() {
  local status=0
  "$brief_search" --db "$w/bs.db" --batch <"$queries/bs.batch" >"$w/log/totals-bs.out" ||
    status=$?
  # brief-search --batch answers a malformed query with {"error": ...}: none may fail.
  if ((status != 0)) || grep -q '^{"error"' "$w/log/totals-bs.out"; then
    die "brief-search --batch rejected a query of bench/queries.txt (exit $status, see $w/log/totals-bs.out)"
  fi
  sed -n 's/.*"total":\([0-9]*\),"total_exact":\([a-z]*\).*/\1\t\2/p' "$w/log/totals-bs.out" |
    paste "$queries/bs.ids" -
}
si_totals() {
  "$helpers/xapian-batch" -d "$w/si.db" "${quest_options[@]}" -m 0 -c 4000000000 <"$queries/si.batch" |
    sed -n 's/^MSet: \(.*\)/\1\ttrue/p' | paste "$queries/si.ids" -
}
fts_totals() {
  sqlite3 -batch -readonly "$w/fts.db" <"$queries/fts.count" | sed 's/$/\ttrue/' |
    paste "$queries/fts.ids" -
}

# --- logging and timing --------------------------------------------------------------------

# $EPOCHREALTIME in microseconds (its decimal point, a comma in some locales, removed).
now_us() { echo "${EPOCHREALTIME//[!0-9]/}"; }
# Seconds since an $EPOCHREALTIME value, to the millisecond.
seconds_since() { printf '%.3f' "$(($(now_us) - ${1//[!0-9]/}))e-6"; }
log() { printf 'bench: [%6.1f s] %s\n' "$(seconds_since "$started")" "$*" >&2; }
die() {
  log "$*"
  exit 1
}

# timed NAME COMMAND...: runs COMMAND with stdout in $w/log/NAME.out and stderr in
# NAME.err; sets T_SECONDS (wall clock) and T_RSS_KB (peak RSS, from GNU time). Exit
# status 0 is success, and so is 1 from brief-index (finished, some files rejected).
timed() {
  local name=$1 t0=$EPOCHREALTIME status=0
  shift
  /usr/bin/time -f %M -o "$w/log/$name.rss" "$@" >"$w/log/$name.out" 2>"$w/log/$name.err" ||
    status=$?
  T_SECONDS=$(seconds_since "$t0")
  T_RSS_KB=$(tail -1 "$w/log/$name.rss")
  if ((status > 1)) || { ((status == 1)) && [[ $1 != "$brief_index" ]]; }; then
    tail -5 "$w/log/$name.err" >&2
    die "failed (exit $status): $*"
  fi
}

# row FILE FIELD...: appends the fields to FILE as one tab-separated line.
row() {
  local file=$1
  shift
  local IFS=$'\t'
  echo "$*" >>"$file"
}

# fact KEY [VALUE]: with VALUE, records a fact about the corpus in $w/facts.tsv; without,
# prints the one recorded.
fact() {
  if (($# == 2)); then
    row "$w/facts.tsv" "$1" "$2"
  else
    grep "^$1"$'\t' "$w/facts.tsv" | tail -1 | cut -f2
  fi
}

# Bytes of a file or folder.
size_of() { du -sb "$1" | cut -f1; }

# --- packages and build --------------------------------------------------------------------

# Installs what is missing through scripts/setup (whose list holds the bench's packages).
# With $1 = no-prompt, sudo may not ask for a password: a missing package then fails the
# run with setup's message instead of waiting (how ctest runs the bench).
install_packages() {
  if [[ ${1:-} == no-prompt ]]; then
    "$top/scripts/setup" </dev/null || die "packages are missing (see above)"
  else
    "$top/scripts/setup" || die "packages are missing (see above)"
  fi
}

# Builds briefsearch and the bench's helpers with scripts/build (a Release build without
# tests when BUILD_DIR is not given), unless $1 = no-build, then checks the programs.
build_programs() {
  if [[ ${1:-} != no-build ]]; then
    local extra=()
    [[ -n ${BUILD_DIR:-} ]] || extra=(-DBRIEFSEARCH_BUILD_TESTS=OFF)
    log "building briefsearch (Release) in $build_dir"
    BUILD_DIR=$build_dir "$top/scripts/build" "${extra[@]}" >&2 || die "the build failed"
  fi
  local program
  for program in "$brief_index" "$brief_search" "$gen_corpus" \
    "$helpers"/{batch-timer,spawn-timer,xapian-batch,brief-records}; do
    [[ -x $program ]] || die "$program is missing: build $build_dir first (scripts/build)"
  done
}

# --- corpora -------------------------------------------------------------------------------

# add_corpus NAME PATH SOURCE: measures PATH as NAME; SOURCE says where it comes from.
add_corpus() { row "$results/corpora.tsv" "$@"; }
# note TEXT: a line for the report's notes.
note() { echo "$*" >>"$results/notes.txt"; }

# cached_corpus NAME STAMP COMMAND...: runs COMMAND (which fills $bench_dir/corpora/NAME)
# unless a previous run with the same STAMP completed.
cached_corpus() {
  local name=$1 stamp=$2
  shift 2
  local dir=$bench_dir/corpora/$name done_file=$bench_dir/corpora/$name.done
  if [[ -d $dir && -f $done_file && "$(cat "$done_file")" == "$stamp" ]]; then
    log "reusing corpus $dir"
    return 0
  fi
  rm -rf "$dir" "$done_file"
  mkdir -p "$bench_dir/corpora"
  log "making corpus $dir"
  local t0=$EPOCHREALTIME
  "$@" >&2 || {
    rm -rf "$dir"
    return 1
  }
  printf '%s' "$stamp" >"$done_file"
  log "made $name in $(seconds_since "$t0") s"
}

# generated_corpus COUNT: COUNT briefs from gen-corpus (seed 1), cached while the
# generator's sources are unchanged.
generated_corpus() {
  local count=$1 seed=1 name=generated-$1 stamp
  stamp="$(cat "$top/scripts/gen-corpus" "$top"/tools/gen_corpus/* | sha256sum | cut -c1-16) $count $seed"
  cached_corpus "$name" "$stamp" "$gen_corpus" "$count" "$bench_dir/corpora/$name" --seed "$seed" ||
    die "gen-corpus $count failed"
  add_corpus "$name" "$bench_dir/corpora/$name" "scripts/gen-corpus $count DIR --seed $seed"
}

# factbook_corpus: the CIA World Factbook as briefs (needs npm and the network; skipped
# with a note when it cannot be fetched).
factbook_corpus() {
  local fetcher=$top/scripts/fetch-factbook stamp
  stamp="$(cat "$fetcher" "$top"/tools/factbook/* | sha256sum | cut -c1-16)"
  if cached_corpus factbook "$stamp" "$fetcher" "$bench_dir/corpora/factbook"; then
    add_corpus factbook "$bench_dir/corpora/factbook" "scripts/fetch-factbook DIR (CIA World Factbook text)"
  else
    note "scripts/fetch-factbook failed (no network or npm?): the Factbook corpus was skipped."
  fi
}

# --- the query mix -------------------------------------------------------------------------

# Translates bench/queries.txt for every engine through bench/queries-peers.tsv, into
# $queries/: ENGINE.ids (the numbers of the queries the engine can express), ENGINE.batch
# (its batch-timer input, one answer per line), ENGINE.query (one whole-process query per
# line), and fts.count (count statements). Fails when the two files disagree.
prepare_queries() {
  rm -rf "$queries"
  mkdir -p "$queries"
  local mix=() seen=() number query kind quest match condition
  mapfile -t mix < <(grep -v '^$' "$top/bench/queries.txt")
  printf '%s\n' "${mix[@]}" | tee "$queries/bs.batch" >"$queries/bs.query"
  seq 1 "${#mix[@]}" >"$queries/bs.ids"
  : >"$queries/si.ids"
  : >"$queries/fts.ids"
  while IFS=$'\t' read -r number query kind quest match condition; do
    [[ -z $number || $number == '#'* ]] && continue
    [[ $number =~ ^[0-9]+$ && -n $kind && -n $match && $condition != *$'\t'* ]] ||
      die "bench/queries-peers.tsv: expected 6 tab-separated fields: $number $query"
    [[ $query == "${mix[number - 1]:-}" ]] ||
      die "bench/queries-peers.tsv: query $number is \"$query\", but bench/queries.txt says \"${mix[number - 1]:-}\""
    seen[number]=1
    if [[ $quest != - ]]; then
      echo "$quest" | tee -a "$queries/si.batch" >>"$queries/si.query"
      echo "$number" >>"$queries/si.ids"
    fi
    if [[ $match != - ]]; then
      local where="" select
      [[ -z $condition || $condition == - ]] || where=" AND $condition"
      match=${match//\'/\'\'}
      select="SELECT id, title, snippet(briefs, -1, '[', ']', '...', 16) FROM briefs WHERE briefs MATCH '$match'$where ORDER BY rank LIMIT 10;"
      echo "$select SELECT '@@end';" >>"$queries/fts.batch"
      echo "$select" >>"$queries/fts.query"
      echo "SELECT count(*) FROM briefs WHERE briefs MATCH '$match'$where;" >>"$queries/fts.count"
      echo "$number" >>"$queries/fts.ids"
    fi
  done <"$top/bench/queries-peers.tsv"
  for number in $(seq 1 "${#mix[@]}"); do
    [[ -n ${seen[number]:-} ]] || die "bench/queries-peers.tsv has no line for query $number"
  done
}

# --- scenarios -----------------------------------------------------------------------------

# start_scenario CORPUS_NAME: sets name, corpus (its folder) and w (its results folder),
# for a corpus that scripts/bench listed in $results/corpora.tsv.
start_scenario() {
  name=${1:?usage: $0 CORPUS_NAME (a corpus of $results/corpora.tsv)}
  corpus=$(grep "^$name"$'\t' "$results/corpora.tsv" | cut -f2) ||
    die "$name is not a corpus of $results/corpora.tsv (run scripts/bench first)"
  w=$results/$name
  mkdir -p "$w/log"
}

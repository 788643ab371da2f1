#!/usr/bin/env bash
# Golden-output test of brief-search: a fixed set of searches over corpus/, indexed into a
# temporary folder, each compared byte for byte with the output committed under
# tests/golden/search/ (one file per search and format; the format is in tests/golden/README.md).
# Volatile parts are blanked first (sanitize below); a difference is printed as a unified
# diff. With BRIEFSEARCH_UPDATE_GOLDEN=1 the expected files are rewritten instead:
#   BRIEFSEARCH_UPDATE_GOLDEN=1 ctest --test-dir build -R golden-search
# Usage: golden_search.sh BRIEF_INDEX BRIEF_SEARCH CORPUS_DIR GOLDEN_DIR
set -euo pipefail
index=$1 search=$2 corpus=$3 golden=$4
export LC_ALL=C  # bytewise sed and sort
shopt -s nullglob
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Keep the binaries away from the user's own database and terminal settings.
export HOME=$work NO_COLOR=1
unset BRIEF_DB XDG_DATA_HOME

# The corpus is copied so that every path the output names lies under the temporary folder.
cp -R "$corpus" "$work/corpus"
if ! "$index" --db "$work/db" "$work/corpus" 2>"$work/index.err"; then
  cat "$work/index.err" >&2
  exit 1
fi
mkdir "$work/actual"

# The one volatile part of the output: the temporary folder, in paths and messages, becomes
# TMP. Nothing else varies between runs: search output has no timings or revisions, and
# scores come from the same corpus indexed the same way.
work_pattern=$(printf '%s' "$work" | sed 's/[][\.*^$|]/\\&/g')
sanitize() { sed -e "s|$work_pattern|TMP|g"; }

# An argument as a shell would need it typed: quoted unless plainly safe.
quoted() {
  if [[ $1 =~ ^[A-Za-z0-9_./:=,+-]+$ ]]; then
    printf '%s' "$1"
  else
    printf "'%s'" "${1//\'/\'\\\'\'}"
  fi
}

# run NAME EXTENSION STDIN ARGS...: runs brief-search and records the command line, its
# stdout, its stderr (when any) and its exit code in actual/NAME.EXTENSION.
run() {
  local name=$1 extension=$2 input=$3 code=0
  shift 3
  local arguments=(--db "$work/db" --now 2025-07-15 "$@")
  printf '%s' "$input" | "$search" "${arguments[@]}" >"$work/out" 2>"$work/err" || code=$?
  {
    printf '$ brief-search'
    for argument in "${arguments[@]}"; do printf ' %s' "$(quoted "${argument//"$work"/TMP}")"; done
    printf '\n'
    if [[ -n $input ]]; then
      printf '[stdin]\n%s[stdout]\n' "$input"
    fi
    cat "$work/out"
    if [[ -s $work/out && $(tail -c 1 "$work/out" | od -An -tx1) != " 0a" ]]; then
      printf '\n[no newline at end of stdout]\n'
    fi
    if [[ -s $work/err ]]; then
      printf '[stderr]\n'
      cat "$work/err"
    fi
    printf '[exit %d]\n' "$code"
  } | sanitize >"$work/actual/$name.$extension"
}

# search NAME ARGS...: the search in text and in JSON.
search() {
  local name=$1
  shift
  run "$name" text "" --format text "$@"
  run "$name" json "" --format json "$@"
}

search plain-words houthi shipping
search phrase '"Cape of Good Hope"'
search field 'title:(tariff OR sanctions) -brazil'
search section-field 'outlook:ceasefire'
search filters -n 3 'country:china region:indo-pacific date:2025'
search non-latin '习近平 OR Зеленський'
search folded-accents 'sao paulo'
search date-range -n 3 'sanctions date:2025-01..2025-06'
search relative-date 'region:"middle east" date:30d..'
search wildcard -n 2 'sanct*'
search proximity 'ceasefire NEAR/5 hold'
search facets -n 2 --facet country --facet year sanctions
search paging -n 2 --offset 2 ceasefire
search sort-oldest -n 3 --sort oldest election
search no-hit-suggestion huthi shiping
search no-hit 'xylophone quokka'
search query-error 'title:(tariff'
search explain --explain -n 2 'title:houthi "red sea"'
run count count "" --format count sanctions
run batch jsonl $'houthi\n\ntitle:(tariff\n"red sea" country:YE\nceasefire -israel\n' --batch -n 2

# Shown beside the byte diff when python3 is there: each JSON line pretty-printed.
readable() {
  python3 -c '
import json, sys
for line in sys.stdin:
    try:
        print(json.dumps(json.loads(line), indent=1, ensure_ascii=False))
    except ValueError:
        sys.stdout.write(line)' <"$1"
}

if [[ ${BRIEFSEARCH_UPDATE_GOLDEN:-} == 1 ]]; then
  mkdir -p "$golden"
  rm -f "$golden"/*.text "$golden"/*.json "$golden"/*.jsonl "$golden"/*.count
  cp "$work"/actual/* "$golden"/
  echo "golden_search: rewrote $(ls "$work/actual" | wc -l) files in $golden"
  exit 0
fi

failed=0
for actual in "$work"/actual/*; do
  name=$(basename "$actual")
  expected=$golden/$name
  if [[ ! -f $expected ]]; then
    echo "golden_search: $name: no expected output in $golden (BRIEFSEARCH_UPDATE_GOLDEN=1 writes it)"
    failed=1
  elif ! diff -u --label "expected/$name" --label "actual/$name" "$expected" "$actual"; then
    if [[ $name == *.json* ]] && command -v python3 >/dev/null; then
      echo "golden_search: $name, JSON pretty-printed for reading:"
      diff -u --label "expected/$name" --label "actual/$name" <(readable "$expected") \
        <(readable "$actual") || true
    fi
    failed=1
  fi
done
for expected in "$golden"/*; do
  name=$(basename "$expected")
  [[ $name == README* || -f $work/actual/$name ]] && continue
  echo "golden_search: $name: expected output of a search this script no longer runs"
  failed=1
done
if ((failed)); then
  echo "golden_search: output differs; if the change is intended, rerun with" \
    "BRIEFSEARCH_UPDATE_GOLDEN=1 and review the diff of $golden"
  exit 1
fi
echo "golden_search: $(ls "$work/actual" | wc -l) outputs match"

#!/usr/bin/env bash
# db-diff compares spelling tables, prints what differs with bytes outside printable ASCII
# escaped, and --ignore-spelling-longer-than BYTES leaves out exactly the longer words
# (what scripts/compare-builds relies on). Two databases that differ only in the spelling
# table: a brief indexed and then deleted leaves its words there (nothing removes them),
# while a database that never had it lacks them.
# Usage: db_diff_spelling.sh BRIEF_INDEX DB_DIFF
set -euo pipefail
index=$1 diff=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
printf '%s\n' '{"id": "a", "title": "Harbour closed", "sections": [{"name": "Description", "text": "The harbour closed at dawn."}]}' \
  >"$work/corpus/a.jsonl"
# Its only word is 16 bytes of UTF-8.
printf '%s\n' '{"id": "b", "title": "Καλημέρα", "sections": [{"name": "Description", "text": "καλημέρα"}]}' \
  >"$work/corpus/b.jsonl"
"$index" --db "$work/one" "$work/corpus" 2>/dev/null
rm "$work/corpus/b.jsonl"
"$index" --db "$work/one" "$work/corpus" 2>/dev/null
"$index" --db "$work/two" "$work/corpus" 2>/dev/null

fail() {
  echo "db_diff_spelling: $1" >&2
  cat "$work/out" >&2
  exit 1
}
status=0
"$diff" "$work/one" "$work/two" >"$work/out" || status=$?
((status == 1)) || fail "the spelling-only difference was not found (exit $status)"
word='\xce\xba\xce\xb1\xce\xbb\xce\xb7\xce\xbc\xce\xb5\xcf\x81\xce\xb1'
printf 'spelling: only in A: %s\n1 difference\n' "$word" | cmp -s - "$work/out" ||
  fail "unexpected report"
status=0
"$diff" --ignore-spelling-longer-than 16 "$work/one" "$work/two" >"$work/out" || status=$?
((status == 1)) || fail "a 16-byte word was left out by --ignore-spelling-longer-than 16"
"$diff" --ignore-spelling-longer-than 15 "$work/one" "$work/two" >"$work/out" ||
  fail "a 16-byte word was compared despite --ignore-spelling-longer-than 15"
"$diff" --ignore-spelling "$work/one" "$work/two" >"$work/out" ||
  fail "the spelling table was compared despite --ignore-spelling"
echo "db_diff_spelling: ok"

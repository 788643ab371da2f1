#!/usr/bin/env bash
# Footprint: the corpus's files and bytes, and for each engine the size of its database
# and the documents its last build added. (Peak RSS is recorded by every timed run: the
# builds in 10, the queries in 40 and 50.)
# Writes facts: corpus_files, corpus_bytes, bytes_ENGINE, documents_ENGINE.
#
#   bench/scenarios/30-footprint.sh CORPUS_NAME   (settings: bench/bench-lib.sh)
# shellcheck source-path=SCRIPTDIR source=../bench-lib.sh
source "$(dirname "$0")/../bench-lib.sh"
start_scenario "$@"

fact corpus_files "$(find "$corpus" -type f | wc -l)"
fact corpus_bytes "$(size_of "$corpus")"
for engine in "${engines[@]}"; do
  fact "bytes_$engine" "$(size_of "$w/$engine.db")"
  fact "documents_$engine" "$("${engine}_documents")"
done

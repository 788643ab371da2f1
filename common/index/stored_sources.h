// What a database already holds for each source file: the briefs it yielded (with their
// hashes) and the state of the file when it was last indexed completely.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/store/file_state.h"
#include "common/store/roots.h"

namespace briefsearch {

struct StoredFile {
  // Set only when the file was last indexed completely (see FileState).
  std::optional<FileState> state;
  // Each brief from the file: its document and the hash of its stored form, sorted by hash.
  std::vector<std::pair<Xapian::docid, std::uint64_t>> briefs;

  // The document of the brief whose stored form has hash brief_hash, if the file has one.
  [[nodiscard]] std::optional<Xapian::docid> brief_with_hash(std::uint64_t brief_hash) const;
};

// Keyed by absolute path.
using StoredFiles = std::unordered_map<std::string, StoredFile>;

// Reads every brief source (kSourceSlot) and file state (metadata) of database: one pass
// over a value stream and one over the metadata keys. Entries that do not decode are
// ignored, which makes their files read again.
[[nodiscard]] StoredFiles read_stored_files(const Xapian::Database& database);

// Evidence that a corpus moved (RootTable::add): at least one file indexed under the
// missing root, and at least half of those with a stored state, is at the same place below
// the new path with the same content (size, then hash). Reads those files.
[[nodiscard]] MoveCheck moved_corpus_check(const StoredFiles& stored);

// Where the document came from; nothing when it has no readable source value.
[[nodiscard]] std::optional<BriefSource> stored_source(const Xapian::Database& database,
                                                       Xapian::docid document);

}  // namespace briefsearch

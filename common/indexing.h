// Indexing runs: finds brief files under the paths given, parses them, and adds or
// replaces their documents, committing in all-or-nothing batches.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "common/parsers.h"

namespace briefsearch {

struct IndexOptions {
  // Files and folders; folders are walked recursively.
  std::vector<std::filesystem::path> inputs;
  // Documents per transaction.
  std::size_t commit_every = 1000;
};

struct IndexStatistics {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t rejected = 0;  // files or JSON Lines records that could not be parsed
  std::size_t skipped = 0;   // files not indexed by design: hidden, temporary, other formats
};

// Receives each error (a rejected file or record) and warning as it happens.
using IssueReporter = std::function<void(const ParseIssue& issue, bool is_error)>;

// A brief file found by walking the inputs.
struct InputFile {
  std::filesystem::path path;
  // The folder named on the command line it was found under (its parent for a file named
  // directly); ids are paths relative to it.
  std::filesystem::path root;
  InputFormat format;
};

// Walks inputs in a stable order without following symlinks. Hidden entries, editor
// temporary files and other extensions are counted in skipped. Throws UsageError when an
// input does not exist.
[[nodiscard]] std::vector<InputFile> find_input_files(
    const std::vector<std::filesystem::path>& inputs, std::size_t& skipped);

// The stable id of a brief without one of its own: its path relative to the root, with
// "#LINE" for a JSON Lines record.
[[nodiscard]] std::string derived_brief_id(const InputFile& file, std::size_t line);

// Indexes every brief under options.inputs into database. Bad files are reported and
// counted, never thrown. Throws DatabaseError when the database fails.
[[nodiscard]] IndexStatistics index_inputs(Xapian::WritableDatabase& database,
                                           const IndexOptions& options,
                                           const IssueReporter& report);

}  // namespace briefsearch

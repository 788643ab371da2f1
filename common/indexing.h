// Indexing runs: scan the inputs, parse and analyse changed files on several threads, and
// apply the changes to the database in all-or-nothing batches.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "common/input_files.h"
#include "common/parsers.h"

namespace briefsearch {

struct IndexOptions {
  // Files and folders; folders are walked recursively.
  std::vector<std::filesystem::path> inputs;
  // Document changes per transaction; also what bounds the memory a run holds.
  std::size_t commit_every = 500;
  // Delete the documents of files that vanished from the folders named.
  bool prune = true;
  // Threads that read, parse and analyse; 0 means one per core.
  std::size_t jobs = 0;
  // Count each brief's words into the spelling table as it is written. A sharded --full
  // build turns this off and adds the merged vocabulary once (add_vocabulary_spelling).
  bool spelling = true;
  // Polled between files: when it becomes true the run commits what is finished and stops.
  const std::atomic<bool>* stop_requested = nullptr;
};

// Counts of briefs (documents), except skipped, which counts files.
struct IndexStatistics {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t deleted = 0;
  std::size_t rejected = 0;  // files or JSON Lines records that could not be parsed
  std::size_t skipped = 0;   // files not indexed by design: hidden, temporary, other formats
  bool interrupted = false;  // stopped early on request; pruning was not done
};

// Adds every word of source's text fields to target's spelling table, each with the
// number of briefs holding it (counted per field), and commits.
void add_vocabulary_spelling(const Xapian::Database& source, Xapian::WritableDatabase& target);

// Receives each error (a rejected file or record) and warning as it happens.
using IssueReporter = std::function<void(const ParseIssue& issue, bool is_error)>;

// Receives the number of files handled so far and the total, after each file.
using ProgressReporter = std::function<void(std::size_t done, std::size_t total)>;

// Called once per file handled.
using FileDoneReporter = std::function<void()>;

// The work of index_inputs on files already found: each is added, replaced or skipped in
// database. With prune_scan, documents of files that vanished from its folders are deleted.
[[nodiscard]] IndexStatistics index_files(Xapian::WritableDatabase& database,
                                          const std::vector<InputFile>& files,
                                          const IndexOptions& options,
                                          const IssueReporter& report_issue,
                                          const FileDoneReporter& file_done,
                                          const InputScan* prune_scan);

// Brings database up to date with the inputs. An unchanged file (same size and time, or
// same content) is skipped; a changed one replaces its documents; a file that vanished
// from a named folder loses its documents (unless options.prune is false). A file that
// cannot be parsed is reported and keeps whatever the index held for it. Throws
// UsageError for missing or empty inputs (before any change) and DatabaseError when the
// database fails; changes since the last completed batch are then rolled back.
[[nodiscard]] IndexStatistics index_inputs(Xapian::WritableDatabase& database,
                                           const IndexOptions& options,
                                           const IssueReporter& report_issue,
                                           const ProgressReporter& report_progress = {});

}  // namespace briefsearch

// One brief-index run as its command line asks it: forget paths, rebuild from scratch, or
// bring the database up to date (the default).
#pragma once

#include <chrono>
#include <filesystem>
#include <vector>

#include "common/index/incremental.h"

namespace briefsearch {

struct IndexRun {
  // The database folder, as resolve_database_path gives it.
  std::filesystem::path database;
  // What to index and how; options.inputs empty means the database's roots.
  IndexOptions options;
  // Rebuild into a new database and swap it in when complete (build_from_scratch, FullRebuild).
  bool full = false;
  // Forget these paths instead of indexing (forget_paths); options.inputs must be empty.
  std::vector<std::filesystem::path> forget;
  // How long to wait while another writer holds the database.
  std::chrono::milliseconds lock_timeout{0};
};

// Runs it, reporting issues and progress as index_incrementally and build_from_scratch do:
// - with forget: forget_paths, committing every options.commit_every changes;
// - with full: build_from_scratch beside the live database, swapped in when complete; a
//   rebuild interrupted through options.stop_requested is thrown away, and the statistics
//   say so (interrupted and rebuild_abandoned, every count 0);
// - otherwise index_incrementally; a first run refused for its inputs (missing or empty) leaves
//   nothing behind, not even a new empty database.
// Throws UsageError (forget with inputs, bad inputs), DatabaseLockedError when another
// writer holds the database past lock_timeout, StoppedError when options.stop_requested is
// set while it waits for that writer, DatabaseError.
[[nodiscard]] IndexStatistics run_index(const IndexRun& run, const IssueReporter& report_issue,
                                        const ProgressReporter& report_progress);

}  // namespace briefsearch

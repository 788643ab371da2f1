// Building a whole database from scratch as fast as the machine allows: one writer per
// shard, in parallel, merged by Xapian's compaction in file order.
#pragma once

#include <filesystem>

#include "common/indexing.h"

namespace briefsearch {

// Indexes every brief under options.inputs into a new database at destination (which
// must not exist). Files are split into options.jobs contiguous shards (one per core by
// default), each written by its own thread without syncing; the shards are then
// compacted into destination in order, so the result does not depend on the number of
// shards, and synced to disk. Throws UsageError for missing or empty inputs and
// DatabaseError when a database fails; shards are removed either way.
[[nodiscard]] IndexStatistics build_database(const std::filesystem::path& destination,
                                             const IndexOptions& options,
                                             const IssueReporter& report_issue,
                                             const ProgressReporter& report_progress);

}  // namespace briefsearch

// Building a whole database from scratch as fast as the machine allows: one writer per
// shard, in parallel, merged by Xapian's compaction in file order.
#pragma once

#include <filesystem>

#include "common/indexing.h"

namespace briefsearch {

// Indexes every brief under options.inputs (or, when there are none, under the roots of
// the database being rebuilt, live_roots) into a new database at destination (which must
// not exist). The new database keeps the labels of live_roots that the inputs cover, so
// ids are the same as incremental runs give. Files are split into options.jobs contiguous
// shards in path order (one per core by default), each written by its own thread without
// syncing; briefs of one id in several shards are resolved as index_inputs does (the
// first in path order is kept); the shards are then compacted into destination in order,
// so the result does not depend on the number of shards, and synced to disk. Throws
// UsageError for missing or empty inputs and DatabaseError when a database fails; shards
// are removed either way.
[[nodiscard]] IndexStatistics build_database(const std::filesystem::path& destination,
                                             const IndexOptions& options, RootTable live_roots,
                                             const IssueReporter& report_issue,
                                             const ProgressReporter& report_progress);

}  // namespace briefsearch

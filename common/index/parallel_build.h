// Building a whole database from scratch as fast as the machine allows: one writer per
// shard, in parallel, merged by Xapian's compaction in file order.
#pragma once

#include <xapian.h>

#include <filesystem>

#include "common/index/incremental.h"

namespace briefsearch {

// Indexes every brief under options.inputs (or, when there are none, under the roots of
// live, the database being rebuilt) into a new database at destination (which must not
// exist), so that it holds what an incremental run would leave in live:
// - the roots of live that the inputs cover keep their labels, so ids are the same; a
//   path inside a root of live is refused (UsageError), since a rebuild covers whole roots;
// - briefs that an incremental run keeps but the rebuild cannot make (from unreadable
//   folders, missing roots, files that no longer parse) are copied over from live;
// - the counts are against live: added, updated, unchanged and deleted briefs by id.
// Files are split into options.jobs contiguous shards in path order (one per core by
// default), each written by its own thread without syncing; briefs of one id in several
// shards are resolved as index_incrementally does (the first in path order is kept); the shards
// are then compacted into destination in order, so the result does not depend on the
// number of shards, and synced to disk. Throws UsageError for missing or empty inputs and
// DatabaseError when a database fails; shards are removed either way.
[[nodiscard]] IndexStatistics build_from_scratch(const std::filesystem::path& destination,
                                                 const IndexOptions& options,
                                                 const Xapian::Database& live,
                                                 const IssueReporter& report_issue,
                                                 const ProgressReporter& report_progress);

}  // namespace briefsearch

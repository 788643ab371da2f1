// What a --full rebuild owes the live database it replaces: the briefs an incremental run
// would have kept, and counts that say how the two differ.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "common/index/incremental.h"
#include "common/index/input_files.h"
#include "common/index/stored_sources.h"
#include "common/parse/parsers.h"

namespace briefsearch {

// A --full PATH inside a root of the live database would rebuild part of a root; throws
// UsageError naming the path and the root (rebuilds cover whole roots).
void check_rebuild_paths(const std::vector<std::filesystem::path>& inputs, const RootTable& roots);

// Copies into rebuilt the briefs of live that an incremental run keeps and the rebuild
// could not make: those of files under a folder or root the scan could not read
// (scan.unreadable), and of files that no longer parse (unparsed, absolute paths), when
// rebuilt has no brief of their id. Their file states are not copied, so the next run
// reads those files again. Across a schema or analyser upgrade nothing is copied (the
// documents would be of the old format); each file that loses briefs that way is
// reported as an error. Returns the number of briefs copied. Throws Xapian::Error.
std::size_t carry_kept_briefs(const Xapian::Database& live, const StoredFiles& live_files,
                              const InputScan& scan, const std::vector<std::string>& unparsed,
                              Xapian::WritableDatabase& rebuilt, const IssueReporter& report_issue);

// Sets statistics' added, updated, unchanged and deleted as an incremental run counts
// them, by id: only in rebuilt is added, only in live deleted, in both unchanged when the
// brief and its file are the same (BriefSource) and updated otherwise. Throws Xapian::Error.
void count_against_live(const Xapian::Database& live, const Xapian::Database& rebuilt,
                        IndexStatistics& statistics);

}  // namespace briefsearch

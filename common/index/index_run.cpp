#include "common/index/index_run.h"

#include "common/base/errors.h"
#include "common/index/full_rebuild.h"
#include "common/index/input_files.h"
#include "common/index/parallel_build.h"
#include "common/store/database.h"
#include "common/store/roots.h"

namespace briefsearch {
namespace {

IndexStatistics forget(const IndexRun& run) {
  if (!run.options.inputs.empty()) {
    throw UsageError("--forget takes its paths alone; run indexing separately");
  }
  Xapian::WritableDatabase database =
      open_for_writing(run.database, run.lock_timeout, run.options.stop_requested);
  IndexStatistics statistics = forget_paths(database, run.forget, run.options.commit_every,
                                            writable_database_path(run.database).string());
  database.close();
  return statistics;
}

IndexStatistics rebuild(const IndexRun& run, const IssueReporter& report_issue,
                        const ProgressReporter& report_progress) {
  FullRebuild rebuild(run.database, run.lock_timeout, run.options.stop_requested);
  // Errors name the database being rebuilt, not the staging folder or shard that failed.
  IndexOptions options = run.options;
  options.database_name = rebuild.path().string();
  IndexStatistics statistics = build_from_scratch(rebuild.staging_path(), options, rebuild.live(),
                                                  report_issue, report_progress);
  if (!statistics.interrupted) {
    rebuild.swap_in();
  } else {
    statistics = IndexStatistics{};  // the staging database is thrown away
    statistics.interrupted = true;
    statistics.rebuild_abandoned = true;
  }
  return statistics;
}

IndexStatistics update(const IndexRun& run, const IssueReporter& report_issue,
                       const ProgressReporter& report_progress) {
  // A run refused for its inputs leaves nothing behind, not even a new empty database.
  if (!run.options.inputs.empty() && !holds_database(writable_database_path(run.database))) {
    (void)scan_inputs(run.options.inputs, RootTable());
  }
  Xapian::WritableDatabase database =
      open_for_writing(run.database, run.lock_timeout, run.options.stop_requested);
  IndexOptions options = run.options;
  options.database_name = writable_database_path(run.database).string();
  IndexStatistics statistics =
      index_incrementally(database, options, report_issue, report_progress);
  database.close();
  return statistics;
}

}  // namespace

IndexStatistics run_index(const IndexRun& run, const IssueReporter& report_issue,
                          const ProgressReporter& report_progress) {
  if (!run.forget.empty()) return forget(run);
  if (run.full) return rebuild(run, report_issue, report_progress);
  return update(run, report_issue, report_progress);
}

}  // namespace briefsearch

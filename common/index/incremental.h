// Indexing runs: scan the inputs, parse and analyse changed files on several threads, and
// apply the changes to the database in all-or-nothing batches.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "common/index/input_files.h"
#include "common/index/stored_sources.h"
#include "common/parse/parsers.h"
#include "common/store/roots.h"

namespace briefsearch {

struct IndexOptions {
  // Files and folders; folders are walked recursively. Empty: the roots the database
  // remembers (common/store/roots.h).
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
  // Polled between files and after each batch: when it becomes true the run commits what
  // is finished and stops. A file cut short is read again, whole, by the next run.
  const std::atomic<bool>* stop_requested = nullptr;
  // How large a brief may be (brief-index --max-brief-size); larger ones are rejected.
  ParseLimits limits;
  // How errors name the database: its path. Empty: Xapian's description of it, which
  // names no path ("WritableDatabase()").
  std::string database_name;
};

// Counts of briefs (documents), except skipped, which counts files.
struct IndexStatistics {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t deleted = 0;
  // Files or records that could not be indexed: unparseable, unreadable, or a duplicate id.
  std::size_t rejected = 0;
  std::size_t skipped = 0;  // files not indexed by design: hidden, temporary, other formats
  // Folders that could not be read, and remembered roots that are missing or empty: the
  // briefs indexed from them are kept.
  std::size_t unreadable = 0;
  bool interrupted = false;  // stopped early on request; pruning was not done
  // An interrupted --full: the rebuild was thrown away and the database is as it was, so
  // every count is 0.
  bool rebuild_abandoned = false;
  // Absolute paths of files that no longer parse: what the database held for them stays.
  std::vector<std::string> unparsed_files;

  // True when everything the run covered was indexed.
  [[nodiscard]] bool complete() const { return rejected == 0 && unreadable == 0; }
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

// The roots database remembers (empty for a new database). Throws DatabaseError.
[[nodiscard]] RootTable stored_roots(const Xapian::Database& database);

// What a run compares with: the database's stored files and its roots.
struct StoredState {
  StoredFiles files;
  RootTable roots;
};

// Reads both; throws DatabaseError naming the database (database_name, else Xapian's
// description) when it cannot.
[[nodiscard]] StoredState read_stored_state(const Xapian::Database& database,
                                            const std::string& database_name = "");

// The work of index_incrementally on files of a scan: each is added, replaced or skipped in
// database. With whole_scan, files is all of scan.files: the scan's roots are stored and
// documents of files that vanished from its folders are deleted. Issues of the scan are
// the caller's to report.
// stored is what read_stored_files(database) gives, when the caller has it already.
[[nodiscard]] IndexStatistics index_scanned_files(
    Xapian::WritableDatabase& database, const InputScan& scan, const std::vector<InputFile>& files,
    const IndexOptions& options, const IssueReporter& report_issue,
    const FileDoneReporter& file_done, bool whole_scan, const StoredFiles* stored = nullptr);

// Reports a scan's errors and warnings, and counts them into statistics.
void report_scan_issues(const InputScan& scan, const IssueReporter& report_issue,
                        IndexStatistics& statistics);

// Makes the database forget paths: roots that are or lie inside one of them are removed,
// and every brief whose file lies there is deleted (whether the files exist or not: the
// way to retire a corpus that moved or is gone for good). Throws UsageError, before any
// change, when the database indexes nothing under one of paths, and DatabaseError.
// database_name names it in errors, as IndexOptions::database_name does.
[[nodiscard]] IndexStatistics forget_paths(Xapian::WritableDatabase& database,
                                           const std::vector<std::filesystem::path>& paths,
                                           std::size_t commit_every,
                                           const std::string& database_name = "");

// Brings database up to date with the inputs (or its remembered roots).
// - A file whose size, mtime, ctime and inode are unchanged is skipped unread; one whose
//   content is unchanged is not parsed; a brief whose stored form is unchanged is not
//   analysed or written again.
// - A changed file replaces its briefs; records that left it are deleted, unless some of
//   its records no longer parse (then nothing of it is deleted).
// - A brief's id is its own, or derived from its root (derived_brief_id). Of two briefs
//   with one id, the one whose file comes first in path order is kept on every run; the
//   other is reported as rejected.
// - A file that vanished from a folder walked in this run loses its briefs (unless
//   options.prune is false); briefs under an unreadable folder or a missing root stay.
// - A file counts as indexed (its FileState stored) only once all its briefs are
//   committed and none was rejected, so an interrupted or failing file is read again.
// Throws UsageError for missing or empty named inputs (before any change) and
// DatabaseError when the database fails; changes since the last completed batch are then
// rolled back.
[[nodiscard]] IndexStatistics index_incrementally(Xapian::WritableDatabase& database,
                                                  const IndexOptions& options,
                                                  const IssueReporter& report_issue,
                                                  const ProgressReporter& report_progress = {});

}  // namespace briefsearch

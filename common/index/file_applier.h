// The writing side of an indexing run: applying prepared files to the database in path
// order, resolving briefs that share an id, and pruning briefs whose files are gone.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/index/batch_writer.h"
#include "common/index/incremental.h"
#include "common/index/input_files.h"
#include "common/index/prepared_file.h"
#include "common/index/stored_sources.h"

namespace briefsearch {

// Applies prepared files to the database, one at a time and in path order.
class FileApplier {
 public:
  // Keeps references to every argument; they must outlive the applier.
  FileApplier(Xapian::WritableDatabase& database, const InputScan& scan,
              const std::vector<InputFile>& files, const StoredFiles& stored, BatchWriter& batches,
              const IssueReporter& report_issue, IndexStatistics& statistics);

  // A file processed later in the run whose brief another file took: read it again.
  [[nodiscard]] bool lost_a_brief(const InputFile& file) const;

  // Writes files[index]'s prepared briefs: each new or changed brief replaces the brief of
  // its id (unless an earlier file in path order has that id), records that left the
  // file are deleted (unless some record failed to parse), and the file's state is
  // stored last, only when nothing of it was rejected. Throws Xapian::Error and
  // StoppedAtBatch (from BatchWriter).
  void apply(std::size_t index, PreparedFile& prepared);

  // Deletes the briefs of files that are gone from the folders the scan walked, and of
  // roots that moved.
  void prune();

 private:
  void report_errors(const std::vector<ParseIssue>& errors);

  // Writes one brief unless another file's brief with the same id comes first; returns
  // its document, or nothing when it was rejected.
  std::optional<Xapian::docid> write_brief(std::size_t index, PreparedBrief& prepared);

  // Another file's brief, from a file that still exists, holds the id: the one whose file
  // comes first in path order keeps it. Returns true when brief (from files_[index])
  // takes it over.
  bool resolve_duplicate(std::size_t index, const Brief& brief, Xapian::docid holder,
                         const BriefSource& holder_source);

  // The line of the brief with id in the JSON Lines file at path, read from the file
  // (once per file); 0 for other formats, or when it is not there.
  std::size_t line_in_file(const std::string& path, const std::string& id);

  // True when path is no longer a source: not found by this run where it should have
  // been, or not there at all.
  [[nodiscard]] bool is_gone(const std::string& path) const;

  [[nodiscard]] bool still_from(Xapian::docid document, const std::string& path) const;

  void forget_state(const std::string& path);

  [[nodiscard]] bool prunable(const std::string& path) const;

  // True when document is an older brief of a line in lines whose id was derived from
  // its path and line ("old-root/feed.jsonl#3"): the record was written again under its
  // new derived id.
  [[nodiscard]] bool rederived(Xapian::docid document, const std::set<std::size_t>& lines) const;

  Analyser& analyser();

  Xapian::WritableDatabase& database_;
  const InputScan& scan_;
  const std::vector<InputFile>& files_;
  const StoredFiles& stored_;
  BatchWriter& batches_;
  const IssueReporter& report_issue_;
  IndexStatistics& statistics_;
  // Every file of the scan by absolute path: its index in scan_.files.
  std::unordered_map<std::string_view, std::size_t> position_;
  std::unordered_set<std::string> lost_;
  std::unordered_set<Xapian::docid> written_;  // documents this run wrote
  std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> lines_by_id_;
  std::unique_ptr<Analyser> analyser_;  // for the rare brief built on this thread
};

}  // namespace briefsearch

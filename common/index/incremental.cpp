#include "common/index/incremental.h"

#include <algorithm>
#include <memory>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "common/analysis/analyser.h"
#include "common/base/errors.h"
#include "common/base/ordered_workers.h"
#include "common/index/batch_writer.h"
#include "common/index/documents.h"
#include "common/index/file_applier.h"
#include "common/index/prepared_file.h"
#include "common/index/stored_sources.h"
#include "common/store/file_state.h"
#include "common/store/schema.h"

namespace briefsearch {
namespace {

// The database as errors name it: its path when the caller gave one.
std::string name_of(const Xapian::Database& database, const std::string& given) {
  return given.empty() ? database.get_description() : given;
}

namespace fs = std::filesystem;

bool must_read_again(const InputFile& file, const InputScan& scan) {
  for (const fs::path& folder : scan.rederive) {
    if (is_within(file.absolute_path, folder)) return true;
  }
  return false;
}

}  // namespace

RootTable stored_roots(const Xapian::Database& database) {
  return RootTable::decode(database.get_metadata(std::string(kRootsKey)));
}

void report_scan_issues(const InputScan& scan, const IssueReporter& report_issue,
                        IndexStatistics& statistics) {
  for (const ParseIssue& warning : scan.warnings) report_issue(warning, false);
  for (const ParseIssue& error : scan.errors) report_issue(error, true);
  statistics.unreadable += scan.errors.size();
  statistics.skipped += scan.skipped;
}

IndexStatistics index_scanned_files(Xapian::WritableDatabase& database, const InputScan& scan,
                                    const std::vector<InputFile>& files,
                                    const IndexOptions& options, const IssueReporter& report_issue,
                                    const FileDoneReporter& file_done, bool whole_scan,
                                    const StoredFiles* preloaded) {
  IndexStatistics statistics;
  const std::size_t jobs =
      options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  try {
    StoredFiles read;
    if (preloaded == nullptr) read = read_stored_files(database);
    const StoredFiles& stored = preloaded != nullptr ? *preloaded : read;
    auto stored_for = [&](const InputFile& file) -> const StoredFile* {
      const auto found = stored.find(file.absolute_path.string());
      return found == stored.end() ? nullptr : &found->second;
    };
    std::vector<std::unique_ptr<Analyser>> analysers;
    for (std::size_t i = 0; i < jobs; ++i) analysers.push_back(std::make_unique<Analyser>());
    const PrepareContext context{scan, options.spelling, options.limits};

    BatchWriter batches(database, std::max<std::size_t>(1, options.commit_every),
                        options.stop_requested);
    if (whole_scan && scan.roots_changed) {
      database.set_metadata(std::string(kRootsKey), scan.roots.encode());
    }
    FileApplier applier(database, scan, files, stored, batches, report_issue, statistics);
    try {
      run_in_order<PreparedFile>(
          files.size(), jobs, jobs * 8,
          [&](std::size_t index, std::size_t worker) {
            const InputFile& file = files[index];
            return prepare_file(file, stored_for(file), must_read_again(file, scan), context,
                                *analysers[worker]);
          },
          [&](std::size_t index, PreparedFile&& prepared) {
            const InputFile& file = files[index];
            if (prepared.outcome != PreparedFile::Outcome::kParsed && applier.lost_a_brief(file)) {
              prepared = prepare_file(file, stored_for(file), true, context, *analysers[0]);
            }
            applier.apply(index, prepared);
            if (file_done) file_done();
            if (options.stop_requested != nullptr && options.stop_requested->load()) {
              statistics.interrupted = true;
              return false;
            }
            return true;
          });
      if (whole_scan && options.prune && !statistics.interrupted) applier.prune();
      batches.finish();
    } catch (const StoppedAtBatch&) {
      statistics.interrupted = true;  // the batch was committed; nothing is pending
    }
  } catch (const Xapian::Error& error) {
    throw DatabaseError(name_of(database, options.database_name) +
                        ": indexing failed: " + error.get_description());
  }
  return statistics;
}

void add_vocabulary_spelling(const Xapian::Database& source, Xapian::WritableDatabase& target) {
  // Xapian holds spelling changes in memory until a commit; committing in steps bounds
  // that for any vocabulary (a million generated briefs' took 43 MB in all).
  constexpr std::size_t kWordsPerCommit = 100000;
  std::size_t pending = 0;
  for (const TextField& field : kTextFields) {
    const std::string prefix(field.prefix);
    for (auto term = source.allterms_begin(prefix); term != source.allterms_end(prefix); ++term) {
      const auto word = spelling_word(*term, field);
      if (!word) continue;
      // A word in several fields gets the sum of its frequencies, as add_spelling adds up.
      target.add_spelling(*word, term.get_termfreq());
      if (++pending == kWordsPerCommit) {
        target.commit();
        pending = 0;
      }
    }
  }
  target.commit();
}

IndexStatistics forget_paths(Xapian::WritableDatabase& database, const std::vector<fs::path>& paths,
                             std::size_t commit_every, const std::string& database_name) {
  IndexStatistics statistics;
  try {
    RootTable roots = stored_roots(database);
    std::vector<fs::path> resolved;
    for (const fs::path& path : paths) resolved.push_back(resolved_path(path));
    const StoredFiles stored = read_stored_files(database);
    for (std::size_t i = 0; i < paths.size(); ++i) {
      // The next walk of the folder would index what was forgotten all over again.
      for (const Root& root : roots.roots()) {
        if (root.is_folder && is_inside(resolved[i], root.path) && fs::exists(root.path)) {
          throw UsageError(paths[i].string() + ": lies inside the indexed folder " +
                           root.path.string() +
                           ", whose next walk would index it again; forget the folder, or "
                           "delete or move the files");
        }
      }
      const bool has_root = !RootTable(roots).remove_within(resolved[i]).empty();
      const bool has_files = std::any_of(stored.begin(), stored.end(), [&](const auto& entry) {
        return is_within(fs::path(entry.first), resolved[i]);
      });
      if (!has_root && !has_files) {
        throw UsageError(paths[i].string() + ": the database indexes nothing there");
      }
    }
    BatchWriter batches(database, std::max<std::size_t>(1, commit_every), nullptr);
    for (const fs::path& path : resolved) (void)roots.remove_within(path);
    database.set_metadata(std::string(kRootsKey), roots.encode());
    for (const auto& [path, file] : stored) {
      const fs::path source(path);
      if (std::none_of(resolved.begin(), resolved.end(),
                       [&](const fs::path& forgotten) { return is_within(source, forgotten); })) {
        continue;
      }
      for (const auto& [document, hash] : file.briefs) {
        if (batches.delete_once(document)) ++statistics.deleted;
      }
      if (file.state) database.set_metadata(file_state_key(path), "");
    }
    batches.finish();
  } catch (const Xapian::Error& error) {
    throw DatabaseError(name_of(database, database_name) +
                        ": forgetting failed: " + error.get_description());
  }
  return statistics;
}

StoredState read_stored_state(const Xapian::Database& database, const std::string& database_name) {
  try {
    return {read_stored_files(database), stored_roots(database)};
  } catch (const Xapian::Error& error) {
    throw DatabaseError(name_of(database, database_name) +
                        ": cannot read what it holds: " + error.get_description());
  }
}

IndexStatistics index_incrementally(Xapian::WritableDatabase& database, const IndexOptions& options,
                                    const IssueReporter& report_issue,
                                    const ProgressReporter& report_progress) {
  StoredState stored_state = read_stored_state(database, options.database_name);
  const StoredFiles& stored = stored_state.files;
  const InputScan scan =
      scan_inputs(options.inputs, std::move(stored_state.roots), moved_corpus_check(stored));
  std::size_t done = 0;
  const FileDoneReporter file_done = [&] {
    ++done;
    if (report_progress) report_progress(done, scan.files.size());
  };
  IndexStatistics scan_statistics;
  report_scan_issues(scan, report_issue, scan_statistics);
  IndexStatistics statistics = index_scanned_files(database, scan, scan.files, options,
                                                   report_issue, file_done, true, &stored);
  statistics.skipped = scan_statistics.skipped;
  statistics.unreadable = scan_statistics.unreadable;
  return statistics;
}

}  // namespace briefsearch

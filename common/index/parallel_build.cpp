#include "common/index/parallel_build.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "common/base/errors.h"
#include "common/index/documents.h"
#include "common/index/prepared_file.h"
#include "common/index/rebuild_reconcile.h"
#include "common/index/stored_sources.h"
#include "common/store/database.h"
#include "common/store/schema.h"

namespace briefsearch {
namespace {

namespace fs = std::filesystem;

// Below this many files per shard, a second writer costs more than it saves.
constexpr std::size_t kMinFilesPerShard = 200;

// Contiguous runs of files of about equal bytes, so compacting them in order keeps the
// single-writer document order.
std::vector<std::vector<InputFile>> split_into_shards(const std::vector<InputFile>& files,
                                                      std::size_t shards) {
  std::uintmax_t total = 0;
  for (const InputFile& file : files) total += file.stat.size + 1;
  std::vector<std::vector<InputFile>> result(1);
  std::uintmax_t in_shard = 0;
  for (const InputFile& file : files) {
    if (result.size() < shards && in_shard * shards >= total) {
      result.emplace_back();
      in_shard = 0;
    }
    result.back().push_back(file);
    in_shard += file.stat.size + 1;
  }
  return result;
}

// The shards were written one range of files each, so two briefs with one id in different
// shards were never compared. The brief from the file first in path order stays; the
// others are deleted from their shards, reported, and their files left unrecorded, as an
// incremental run would leave them.
void resolve_duplicates_across(const std::vector<fs::path>& shard_paths, const InputScan& scan,
                               const IssueReporter& report_issue, IndexStatistics& statistics) {
  Xapian::Database combined;
  for (const fs::path& path : shard_paths) combined.add_database(Xapian::Database(path.string()));
  const auto shards = static_cast<Xapian::docid>(shard_paths.size());
  struct Holder {
    std::string id;
    std::string path;
    std::size_t line;
    std::size_t shard;
    Xapian::docid document;
  };
  std::vector<std::vector<Holder>> losers_by_shard(shard_paths.size());
  std::vector<std::pair<Holder, Holder>> reports;  // loser, winner
  const std::string prefix(kIdFilter.prefix);
  for (auto term = combined.allterms_begin(prefix); term != combined.allterms_end(prefix); ++term) {
    if (term.get_termfreq() < 2) continue;
    std::vector<Holder> holders;
    for (auto posting = combined.postlist_begin(*term); posting != combined.postlist_end(*term);
         ++posting) {
      const Xapian::Document document = combined.get_document(*posting);
      const auto source = decode_brief_source(document.get_value(kSourceSlot));
      const Brief brief = brief_from_document_data(document.get_data());
      holders.push_back({brief.id, source ? source->absolute_path : std::string(), brief.line,
                         (*posting - 1) % shards, (*posting - 1) / shards + 1});
    }
    std::sort(holders.begin(), holders.end(), [](const Holder& a, const Holder& b) {
      return std::tie(a.path, a.line) < std::tie(b.path, b.line);
    });
    for (std::size_t i = 1; i < holders.size(); ++i) {
      losers_by_shard[holders[i].shard].push_back(holders[i]);
      reports.emplace_back(holders[i], holders[0]);
    }
  }
  if (reports.empty()) return;
  std::unordered_map<std::string, std::string> display;
  for (const InputFile& file : scan.files) {
    display.emplace(file.absolute_path.string(), file.path.string());
  }
  auto shown = [&](const Holder& holder) {
    const auto found = display.find(holder.path);
    return found == display.end() ? holder.path : found->second;
  };
  for (std::size_t shard = 0; shard < shard_paths.size(); ++shard) {
    if (losers_by_shard[shard].empty()) continue;
    Xapian::WritableDatabase database(shard_paths[shard].string(),
                                      Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
    for (const Holder& loser : losers_by_shard[shard]) {
      database.delete_document(loser.document);
      database.set_metadata(file_state_key(loser.path), "");
    }
    database.commit();
  }
  for (const auto& [loser, winner] : reports) {
    report_issue(duplicate_id_issue(shown(loser), loser.line, loser.id,
                                    describe_source(shown(winner), winner.line), false),
                 true);
    --statistics.added;
    ++statistics.rejected;
  }
}

void add_statistics(IndexStatistics& total, const IndexStatistics& part) {
  total.added += part.added;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.deleted += part.deleted;
  total.rejected += part.rejected;
  total.unreadable += part.unreadable;
  total.unparsed_files.insert(total.unparsed_files.end(), part.unparsed_files.begin(),
                              part.unparsed_files.end());
  total.interrupted = total.interrupted || part.interrupted;
}

// The shards were written without syncing; the merged database must be on disk before it
// is swapped in: every file, and the folder's entries. Any failure (EIO, a full disk that
// kept pages unwritten) fails the rebuild, which name (the database rebuilt) tells.
void sync_folder(const fs::path& folder, const std::string& name) {
  const auto sync = [&](const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    const int reason = errno;
    if (fd >= 0) ::close(fd);
    if (!synced) {
      throw DatabaseError(name + ": cannot sync the rebuilt database to disk (" +
                          path.filename().string() + "): " + std::strerror(reason));
    }
  };
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) sync(entry.path(), O_RDONLY);
  if (error) throw DatabaseError(name + ": cannot list the rebuilt database: " + error.message());
  sync(folder, O_RDONLY | O_DIRECTORY);
}

// The scan of a rebuild: every input, with the roots the live database holds.
InputScan scan_for_rebuild(const IndexOptions& options, StoredState& live_state) {
  if (!options.inputs.empty()) check_rebuild_paths(options.inputs, live_state.roots);
  InputScan scan = scan_inputs(options.inputs, std::move(live_state.roots),
                               moved_corpus_check(live_state.files));
  if (!options.inputs.empty()) {
    // Only now, so that a root that moved to a named path was found and handed over.
    std::vector<fs::path> named;
    for (const fs::path& input : options.inputs) named.push_back(resolved_path(input));
    scan.keep_roots_related(named);
  }
  scan.roots_changed = true;  // a new database stores its roots whatever they are
  return scan;
}

// One rebuild into destination: the shards are written side by side, then merged.
class ParallelBuild {
 public:
  ParallelBuild(const fs::path& destination, const IndexOptions& options,
                const Xapian::Database& live, const IssueReporter& report_issue,
                const ProgressReporter& report_progress)
      : destination_(destination),
        options_(options),
        live_(live),
        live_state_(read_stored_state(live)),
        scan_(scan_for_rebuild(options, live_state_)),
        report_issue_(report_issue),
        report_progress_(report_progress) {}

  IndexStatistics run() {
    const std::size_t jobs =
        options_.jobs > 0 ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t shard_count =
        std::clamp<std::size_t>(scan_.files.size() / kMinFilesPerShard, 1, jobs);
    const auto shards = split_into_shards(scan_.files, shard_count);
    report_scan_issues(scan_, report_issue_, statistics_);
    if (shards.size() == 1) {
      build_in_place();
    } else {
      for (std::size_t i = 0; i < shards.size(); ++i) {
        fs::path path = destination_;
        path += "-shard" + std::to_string(i);
        shard_paths_.push_back(path);
      }
      if (!build_shards(shards)) return statistics_;
      merge_shards();
      Xapian::WritableDatabase rebuilt(destination_.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
      reconcile(rebuilt);
      rebuilt.close();
    }
    sync_folder(destination_, rebuilt_name());
    return statistics_;
  }

 private:
  void report_serially(const ParseIssue& issue, bool is_error) {
    std::lock_guard lock(report_mutex_);
    report_issue_(issue, is_error);
  }

  void file_done() {
    std::lock_guard lock(report_mutex_);
    ++done_;
    if (report_progress_) report_progress_(done_, scan_.files.size());
  }

  // Carries over what the rebuild could not make, and counts against the live database.
  // The database errors name: the one being rebuilt (IndexOptions::database_name), else the
  // folder it is built in.
  [[nodiscard]] std::string rebuilt_name() const {
    return options_.database_name.empty() ? destination_.string() : options_.database_name;
  }

  void reconcile(Xapian::WritableDatabase& rebuilt) {
    try {
      (void)carry_kept_briefs(live_, live_state_.files, scan_, statistics_.unparsed_files, rebuilt,
                              report_issue_);
      count_against_live(live_, rebuilt, statistics_);
    } catch (const Xapian::Error& error) {
      throw DatabaseError(rebuilt_name() +
                          ": cannot complete the rebuild: " + error.get_description());
    }
  }

  // Too few files to share out: one writer into the destination.
  void build_in_place() {
    Xapian::WritableDatabase database = create_database(destination_, Xapian::DB_NO_SYNC);
    add_statistics(statistics_, index_scanned_files(
                                    database, scan_, scan_.files, options_, serial_reporter(),
                                    [this] { file_done(); }, true));
    if (!statistics_.interrupted) reconcile(database);
    database.close();
  }

  IssueReporter serial_reporter() {
    return [this](const ParseIssue& issue, bool is_error) { report_serially(issue, is_error); };
  }

  // Writes each shard on its own thread (one reader and one writer each; on two cores that
  // keeps both busy). False when the run was interrupted; the shards are then removed.
  bool build_shards(const std::vector<std::vector<InputFile>>& shards) {
    IndexOptions shard_options = options_;
    shard_options.jobs = 1;
    // Counting spelling per brief costs 7% of a build; the merged vocabulary is added once.
    shard_options.spelling = false;
    std::vector<IndexStatistics> shard_statistics(shards.size());
    std::vector<std::exception_ptr> failures(shards.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < shards.size(); ++i) {
      threads.emplace_back([&, i] {
        try {
          Xapian::WritableDatabase database = create_database(shard_paths_[i], Xapian::DB_NO_SYNC);
          shard_statistics[i] = index_scanned_files(
              database, scan_, shards[i], shard_options, serial_reporter(), [this] { file_done(); },
              false);
          database.close();
        } catch (...) {
          failures[i] = std::current_exception();
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    for (const std::exception_ptr& failure : failures) {
      if (failure) {
        remove_shards();
        std::rethrow_exception(failure);
      }
    }
    for (const IndexStatistics& part : shard_statistics) add_statistics(statistics_, part);
    if (statistics_.interrupted) remove_shards();
    return !statistics_.interrupted;
  }

  // Resolves duplicate ids across the shards and compacts them into the destination.
  void merge_shards() {
    try {
      resolve_duplicates_across(shard_paths_, scan_, report_issue_, statistics_);
      Xapian::Database combined;
      for (const fs::path& path : shard_paths_) {
        combined.add_database(Xapian::Database(path.string()));
      }
      {
        // Into one shard before merging, so the spelling table is compacted with the rest.
        Xapian::WritableDatabase first(shard_paths_.front().string(),
                                       Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        add_vocabulary_spelling(combined, first);
        first.set_metadata(std::string(kRootsKey), scan_.roots.encode());
        first.commit();
      }
      combined.reopen();
      combined.compact(destination_.string());
    } catch (const Xapian::Error& error) {
      remove_shards();
      throw DatabaseError(rebuilt_name() + ": cannot merge the shards: " + error.get_description());
    }
    remove_shards();
  }

  void remove_shards() {
    std::error_code ignored;
    for (const fs::path& path : shard_paths_) fs::remove_all(path, ignored);
  }

  const fs::path& destination_;
  const IndexOptions& options_;
  const Xapian::Database& live_;
  StoredState live_state_;
  InputScan scan_;
  const IssueReporter& report_issue_;
  const ProgressReporter& report_progress_;
  std::vector<fs::path> shard_paths_;
  std::mutex report_mutex_;
  std::size_t done_ = 0;
  IndexStatistics statistics_;
};

}  // namespace

IndexStatistics build_from_scratch(const fs::path& destination, const IndexOptions& options,
                                   const Xapian::Database& live, const IssueReporter& report_issue,
                                   const ProgressReporter& report_progress) {
  return ParallelBuild(destination, options, live, report_issue, report_progress).run();
}

}  // namespace briefsearch

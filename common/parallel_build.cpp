#include "common/parallel_build.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "common/database.h"
#include "common/errors.h"

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
  for (const InputFile& file : files) total += file.size + 1;
  std::vector<std::vector<InputFile>> result(1);
  std::uintmax_t in_shard = 0;
  for (const InputFile& file : files) {
    if (result.size() < shards && in_shard * shards >= total) {
      result.emplace_back();
      in_shard = 0;
    }
    result.back().push_back(file);
    in_shard += file.size + 1;
  }
  return result;
}

void add_statistics(IndexStatistics& total, const IndexStatistics& part) {
  total.added += part.added;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.deleted += part.deleted;
  total.rejected += part.rejected;
  total.interrupted = total.interrupted || part.interrupted;
}

// The shards were written without syncing; the merged database must be on disk before it
// is swapped in.
void sync_folder(const fs::path& folder) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    if (::fsync(fd) != 0) {
      ::close(fd);
      throw DatabaseError(entry.path().string() + ": cannot sync to disk");
    }
    ::close(fd);
  }
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

IndexStatistics build_database(const fs::path& destination, const IndexOptions& options,
                               const IssueReporter& report_issue,
                               const ProgressReporter& report_progress) {
  const InputScan scan = scan_inputs(options.inputs);
  const std::size_t jobs =
      options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t shard_count =
      std::clamp<std::size_t>(scan.files.size() / kMinFilesPerShard, 1, jobs);
  const auto shards = split_into_shards(scan.files, shard_count);

  std::mutex report_mutex;
  std::size_t done = 0;
  const IssueReporter serial_report = [&](const ParseIssue& issue, bool is_error) {
    std::lock_guard lock(report_mutex);
    report_issue(issue, is_error);
  };
  const FileDoneReporter file_done = [&] {
    std::lock_guard lock(report_mutex);
    ++done;
    if (report_progress) report_progress(done, scan.files.size());
  };

  IndexStatistics statistics;
  statistics.skipped = scan.skipped;
  if (shards.size() == 1) {
    Xapian::WritableDatabase database = create_database(destination, Xapian::DB_NO_SYNC);
    add_statistics(statistics,
                   index_files(database, scan.files, options, serial_report, file_done, nullptr));
    database.close();
    sync_folder(destination);
    return statistics;
  }

  std::vector<fs::path> shard_paths;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    fs::path path = destination;
    path += "-shard" + std::to_string(i);
    shard_paths.push_back(path);
  }
  auto remove_shards = [&] {
    std::error_code ignored;
    for (const fs::path& path : shard_paths) fs::remove_all(path, ignored);
  };

  // Each shard gets its own reader thread and writer; on two cores that keeps both busy.
  IndexOptions shard_options = options;
  shard_options.jobs = 1;
  // Counting spelling per brief costs 7% of a build; the merged vocabulary is added once.
  shard_options.spelling = false;
  std::vector<IndexStatistics> shard_statistics(shards.size());
  std::vector<std::exception_ptr> failures(shards.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    threads.emplace_back([&, i] {
      try {
        Xapian::WritableDatabase database = create_database(shard_paths[i], Xapian::DB_NO_SYNC);
        shard_statistics[i] =
            index_files(database, shards[i], shard_options, serial_report, file_done, nullptr);
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
  for (const IndexStatistics& part : shard_statistics) add_statistics(statistics, part);
  if (statistics.interrupted) {
    remove_shards();
    return statistics;
  }
  try {
    Xapian::Database combined;
    for (const fs::path& path : shard_paths) combined.add_database(Xapian::Database(path.string()));
    {
      // Into one shard before merging, so the spelling table is compacted with the rest.
      Xapian::WritableDatabase first(shard_paths.front().string(),
                                     Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
      add_vocabulary_spelling(combined, first);
    }
    combined.reopen();
    combined.compact(destination.string());
  } catch (const Xapian::Error& error) {
    remove_shards();
    throw DatabaseError(destination.string() +
                        ": cannot merge the shards: " + error.get_description());
  }
  remove_shards();
  sync_folder(destination);
  return statistics;
}

}  // namespace briefsearch

// How an indexing run reports itself: the progress bar on a terminal and the summary.
#pragma once

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "common/index/incremental.h"

namespace briefsearch {

// "51 added, 0 updated, 0 unchanged, 0 deleted, 0 rejected, 0 skipped in 0.10 s", with
// ", N unreadable" after skipped when folders or roots could not be read.
[[nodiscard]] std::string summary_line(const IndexStatistics& statistics, double seconds);

// One JSON object with the keys format_version (1), added, updated, unchanged, deleted, rejected,
// skipped, unreadable, interrupted, seconds and database.
[[nodiscard]] std::string summary_json(const IndexStatistics& statistics, double seconds,
                                       const std::string& database);

// A one-line bar redrawn in place on a terminal: files done and total, rate, time left.
class ProgressBar {
 public:
  explicit ProgressBar(std::FILE* terminal);
  // Redraws at most ten times a second, and always for the last file.
  void update(std::size_t done, std::size_t total);
  // Erases the bar, so that a message can take its line; the next update redraws it.
  void clear();

 private:
  std::FILE* terminal_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_drawn_;
  bool visible_ = false;
};

// What an indexing run shows on err while it works: each issue as one printable line,
// "PROGRAM: TEXT" for errors and "PROGRAM: warning: TEXT" for warnings, and, when err is
// a terminal, a ProgressBar that each line erases first.
class IndexConsole {
 public:
  IndexConsole(std::string_view program, std::FILE* err);
  IndexConsole(const IndexConsole&) = delete;
  IndexConsole& operator=(const IndexConsole&) = delete;

  // Reporters for run_index; they refer to this console, which must outlive them.
  [[nodiscard]] IssueReporter issue_reporter();
  [[nodiscard]] ProgressReporter progress_reporter();
  // Erases the progress bar, before the summary.
  void clear();

 private:
  std::string program_;
  std::FILE* err_;
  std::optional<ProgressBar> progress_;
};

}  // namespace briefsearch

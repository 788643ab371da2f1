// How an indexing run reports itself: the progress bar on a terminal and the summary.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "common/index/indexing.h"

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

}  // namespace briefsearch

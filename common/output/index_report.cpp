#include "common/output/index_report.h"

#include <unistd.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "common/output/terminal_text.h"

namespace briefsearch {

std::string summary_line(const IndexStatistics& statistics, double seconds) {
  char unreadable[64] = "";
  if (statistics.unreadable > 0) {
    std::snprintf(unreadable, sizeof unreadable, ", %zu unreadable", statistics.unreadable);
  }
  char line[320];
  std::snprintf(line, sizeof line,
                "%zu added, %zu updated, %zu unchanged, %zu deleted, %zu rejected, %zu skipped%s "
                "in %.2f s%s",
                statistics.added, statistics.updated, statistics.unchanged, statistics.deleted,
                statistics.rejected, statistics.skipped, unreadable, seconds,
                statistics.rebuild_abandoned
                    ? " (interrupted: the rebuild was abandoned; the database is unchanged)"
                : statistics.interrupted ? " (interrupted: finished batches kept, nothing pruned)"
                                         : "");
  return line;
}

std::string summary_json(const IndexStatistics& statistics, double seconds,
                         const std::string& database) {
  const nlohmann::ordered_json summary = {{"format_version", 1},
                                          {"added", statistics.added},
                                          {"updated", statistics.updated},
                                          {"unchanged", statistics.unchanged},
                                          {"deleted", statistics.deleted},
                                          {"rejected", statistics.rejected},
                                          {"skipped", statistics.skipped},
                                          {"unreadable", statistics.unreadable},
                                          {"interrupted", statistics.interrupted},
                                          {"seconds", std::round(seconds * 1000.0) / 1000.0},
                                          {"database", database}};
  return summary.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

ProgressBar::ProgressBar(std::FILE* terminal)
    : terminal_(terminal), started_(std::chrono::steady_clock::now()) {}

void ProgressBar::update(std::size_t done, std::size_t total) {
  const auto now = std::chrono::steady_clock::now();
  if (done < total && visible_ && now - last_drawn_ < std::chrono::milliseconds(100)) return;
  last_drawn_ = now;
  constexpr int kWidth = 30;
  const double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(fraction * kWidth);
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  const double remaining = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
  const auto minutes = static_cast<long>(remaining) / 60;
  const auto seconds = static_cast<long>(remaining) % 60;
  std::fprintf(terminal_, "\r\x1b[K[%.*s%*s] %zu/%zu files  %.0f/s  ETA %ld:%02ld", filled,
               "==============================", kWidth - filled, "", done, total, rate, minutes,
               seconds);
  std::fflush(terminal_);
  visible_ = true;
}

void ProgressBar::clear() {
  if (!visible_) return;
  std::fputs("\r\x1b[K", terminal_);
  std::fflush(terminal_);
  visible_ = false;
}

IndexConsole::IndexConsole(std::string_view program, std::FILE* err)
    : program_(program), err_(err) {
  if (::isatty(::fileno(err_)) == 1) progress_.emplace(err_);
}

IssueReporter IndexConsole::issue_reporter() {
  return [this](const ParseIssue& issue, bool is_error) {
    clear();
    const std::string text = printable_text(issue.describe());
    std::fprintf(err_, is_error ? "%s: %s\n" : "%s: warning: %s\n", program_.c_str(), text.c_str());
  };
}

ProgressReporter IndexConsole::progress_reporter() {
  return [this](std::size_t done, std::size_t total) {
    if (progress_) progress_->update(done, total);
  };
}

void IndexConsole::clear() {
  if (progress_) progress_->clear();
}

}  // namespace briefsearch

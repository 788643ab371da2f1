// brief-index: parses brief files and indexes them into a briefsearch database.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>

#include "common/base/errors.h"
#include "common/index/full_rebuild.h"
#include "common/index/indexing.h"
#include "common/index/parallel_build.h"
#include "common/output/index_report.h"
#include "common/output/program.h"
#include "common/output/terminal_text.h"
#include "common/store/database.h"

namespace {

constexpr const char* kProgram = "brief-index";

constexpr const char* kExitCodesHelp = R"(Exit codes:
  0    every brief file was indexed
  1    finished, but something was not indexed: files or records rejected (unparseable,
       unreadable, a duplicate id), folders unreadable, or remembered roots missing or
       empty; their briefs are kept (each reported on stderr)
  2    usage error, or a named file or folder is missing or holds no briefs
  3    database error (cannot open or write, or another schema version)
  74   stdout could not be written (disk full, I/O error, closed); a closed pipe is
       not an error: the run ends quietly with the code it had
  75   database locked by another brief-index run
  130  interrupted by SIGINT, 143 by SIGTERM (finished batches are kept))";

std::atomic<bool> stop_requested{false};
volatile std::sig_atomic_t stop_signal = 0;

extern "C" void request_stop(int signal_number) {
  stop_signal = signal_number;
  stop_requested.store(true);
}

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

struct CommandLine {
  std::optional<std::string> database;
  std::vector<std::string> inputs;
  std::vector<std::string> forget;
  bool full = false;
  bool no_prune = false;
  bool json = false;
  double lock_timeout_seconds = 0;
  briefsearch::IndexOptions options;
};

int run(int argc, char** argv) {
  CLI::App app{"Index intelligence briefs (.txt, .md, .jsonl) into a briefsearch database.",
               kProgram};
  app.footer(
      std::string("Runs are incremental: unchanged files are skipped, changed ones replaced, "
                  "and files gone\nfrom a walked folder deleted from the index. The database "
                  "remembers the folders and files\nit indexes (its roots): with no PATH, "
                  "they are indexed again.\n"
                  "The database is --db DIR, else $BRIEF_DB, else "
                  "$XDG_DATA_HOME/briefsearch/index (~/.local/share/briefsearch/index).\n\n") +
      kExitCodesHelp);
  app.set_version_flag("--version", std::string(kProgram) + " " BRIEFSEARCH_VERSION " (Xapian " +
                                        Xapian::version_string() + ")");
  CommandLine command;
  app.add_option("--db", command.database, "Database folder (created if missing)");
  app.add_flag("--full", command.full,
               "Rebuild from scratch into a new database and swap it in when complete");
  app.add_flag("--no-prune", command.no_prune,
               "Keep the briefs of files that vanished from the walked folders");
  app.add_option("--commit-every", command.options.commit_every,
                 "Document changes per all-or-nothing batch")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("-j,--jobs", command.options.jobs,
                 "Threads that parse and analyse (default: one per core)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{256}));
  app.add_option("--lock-timeout", command.lock_timeout_seconds,
                 "Seconds to wait while another brief-index run holds the database (default 0)")
      ->check(CLI::Range(0.0, 86400.0));
  app.add_flag("--json", command.json, "Print the summary as one JSON object on stdout");
  app.add_option("--forget", command.forget,
                 "Delete every brief from files under PATH and stop indexing it (a corpus that "
                 "moved or is gone)")
      ->type_name("PATH")
      ->excludes("--full");
  app.add_option("paths", command.inputs,
                 "Brief files and folders (walked recursively); default: the database's roots")
      ->type_name("PATH");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? briefsearch::kExitSuccess : briefsearch::kExitUsage;
  }

  briefsearch::IndexOptions& options = command.options;
  for (const std::string& input : command.inputs) options.inputs.emplace_back(input);
  options.prune = !command.no_prune;
  options.stop_requested = &stop_requested;
  install_stop_handlers();

  std::optional<briefsearch::ProgressBar> progress;
  if (::isatty(STDERR_FILENO) == 1) progress.emplace(stderr);
  auto report_issue = [&](const briefsearch::ParseIssue& issue, bool is_error) {
    if (progress) progress->clear();
    const std::string text = briefsearch::printable_text(issue.describe());
    std::fprintf(stderr, is_error ? "%s: %s\n" : "%s: warning: %s\n", kProgram, text.c_str());
  };
  auto report_progress = [&](std::size_t done, std::size_t total) {
    if (progress) progress->update(done, total);
  };

  const auto started = std::chrono::steady_clock::now();
  const auto database_path = briefsearch::resolve_database_path(command.database);
  const auto lock_timeout =
      std::chrono::milliseconds(static_cast<long long>(command.lock_timeout_seconds * 1000.0));
  briefsearch::IndexStatistics statistics;
  if (!command.forget.empty()) {
    if (!command.inputs.empty()) {
      throw briefsearch::UsageError("--forget takes its paths alone; run indexing separately");
    }
    Xapian::WritableDatabase database = briefsearch::open_for_writing(database_path, lock_timeout);
    std::vector<std::filesystem::path> forget(command.forget.begin(), command.forget.end());
    statistics = briefsearch::forget_paths(database, forget, options.commit_every);
    database.close();
  } else if (command.full) {
    briefsearch::FullRebuild rebuild(database_path, lock_timeout);
    statistics = briefsearch::build_database(rebuild.staging_path(), options, rebuild.live(),
                                             report_issue, report_progress);
    if (!statistics.interrupted) {
      rebuild.swap_in();
    } else {
      statistics = briefsearch::IndexStatistics{};  // the staging database is thrown away
      statistics.interrupted = true;
      statistics.rebuild_abandoned = true;
    }
  } else {
    // A run refused for its inputs leaves nothing behind, not even a new empty database.
    if (!options.inputs.empty() &&
        !briefsearch::holds_database(briefsearch::writable_database_path(database_path))) {
      (void)briefsearch::scan_inputs(options.inputs, briefsearch::RootTable());
    }
    Xapian::WritableDatabase database = briefsearch::open_for_writing(database_path, lock_timeout);
    statistics = briefsearch::index_inputs(database, options, report_issue, report_progress);
    database.close();
  }
  if (progress) progress->clear();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::string where = briefsearch::printable_text(database_path.string());
  std::fprintf(stderr, "%s: %s (%s)\n", kProgram,
               briefsearch::summary_line(statistics, seconds).c_str(), where.c_str());
  if (command.json) {
    std::cout << briefsearch::summary_json(statistics, seconds, database_path.string()) << '\n';
  }
  if (statistics.interrupted) return 128 + static_cast<int>(stop_signal);
  return statistics.complete() ? briefsearch::kExitSuccess : briefsearch::kExitIncomplete;
}

}  // namespace

int main(int argc, char** argv) {
  return briefsearch::run_reporting_failures(kProgram, [&] { return run(argc, argv); });
}

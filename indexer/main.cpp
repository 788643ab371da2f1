// brief-index: parses brief files and indexes them into a briefsearch database. It parses
// options and prints; the run itself is common/index/index_run.h.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

#include "common/base/errors.h"
#include "common/index/index_run.h"
#include "common/output/command_line.h"
#include "common/output/exit_codes.h"
#include "common/output/index_report.h"
#include "common/output/program.h"
#include "common/output/stop_signals.h"
#include "common/output/terminal_text.h"
#include "common/parse/parsers.h"
#include "common/store/database.h"

namespace briefsearch {
namespace {

constexpr const char* kProgram = "brief-index";

constexpr const char* kFooter =
    "Runs are incremental: unchanged files are skipped, changed ones replaced, and files gone\n"
    "from a walked folder deleted from the index. The database remembers the folders and "
    "files\nit indexes (its roots): with no PATH, they are indexed again.\n"
    "The database is --db DIR, else $BRIEF_DB, else $XDG_DATA_HOME/briefsearch/index "
    "(~/.local/share/briefsearch/index).\n\n";

struct CommandLine {
  std::optional<std::string> database;
  std::vector<std::string> inputs;
  std::vector<std::string> forget;
  bool no_prune = false;
  bool json = false;
  double lock_timeout_seconds = 0;
  IndexRun run;
};

void add_options(CLI::App& app, CommandLine& command) {
  app.add_option("--db", command.database, "Database folder (created if missing)");
  app.add_flag("--full", command.run.full,
               "Rebuild from scratch into a new database and swap it in when complete");
  app.add_flag("--no-prune", command.no_prune,
               "Keep the briefs of files that vanished from the walked folders");
  app.add_option("--commit-every", command.run.options.commit_every,
                 "Document changes per all-or-nothing batch")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}))
      ->capture_default_str();
  app.add_option("-j,--jobs", command.run.options.jobs,
                 "Threads that parse and analyse (default: one per core)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{256}));
  require_finite(
      app.add_option("--lock-timeout", command.lock_timeout_seconds,
                     "Seconds to wait while another brief-index run holds the database (default 0)")
          ->check(CLI::Range(0.0, 86400.0)));
  app.add_option("--max-brief-size", command.run.options.limits.max_brief_bytes,
                 "Largest brief indexed: a .txt or .md file, or one .jsonl record (default 4M); "
                 "larger ones are rejected unread")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(std::uintmax_t{1024}, kMaxInputFileBytes))
      ->type_name("SIZE");
  app.add_flag("--json", command.json, "Print the summary as one JSON object on stdout");
  app.add_option("--forget", command.forget,
                 "Delete every brief from files under PATH and stop indexing it (a corpus that "
                 "moved or is gone)")
      ->type_name("PATH")
      ->excludes("--full");
  app.add_option("paths", command.inputs,
                 "Brief files and folders (walked recursively); default: the database's roots")
      ->type_name("PATH");
}

// The run the command line asks for, but for the database path.
void read_run(CommandLine& command) {
  IndexRun& run = command.run;
  run.options.inputs.assign(command.inputs.begin(), command.inputs.end());
  run.options.prune = !command.no_prune;
  run.options.stop_requested = &stop_requested();
  run.forget.assign(command.forget.begin(), command.forget.end());
  run.lock_timeout =
      std::chrono::milliseconds(static_cast<long long>(command.lock_timeout_seconds * 1000.0));
}

int run(int argc, char** argv) {
  CLI::App app{"Index intelligence briefs (.txt, .md, .jsonl) into a briefsearch database.",
               kProgram};
  app.footer(kFooter + exit_codes_help(kIndexExitCodes));
  add_version_flag(app, kProgram);
  CommandLine command;
  add_options(app, command);
  if (const auto ended = parse_command_line(app, argc, argv)) return *ended;
  read_run(command);
  install_stop_handlers();

  IndexConsole console(kProgram, stderr);
  const auto started = std::chrono::steady_clock::now();
  command.run.database = resolve_database_path(command.database);
  const IndexStatistics statistics =
      run_index(command.run, console.issue_reporter(), console.progress_reporter());
  console.clear();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::string database = command.run.database.string();
  std::fprintf(stderr, "%s: %s (%s)\n", kProgram, summary_line(statistics, seconds).c_str(),
               printable_text(database).c_str());
  if (command.json) std::cout << summary_json(statistics, seconds, database) << '\n';
  if (statistics.interrupted) return stopped_exit_code();
  return statistics.complete() ? kExitSuccess : kExitIncomplete;
}

}  // namespace
}  // namespace briefsearch

int main(int argc, char** argv) {
  return briefsearch::run_reporting_failures(briefsearch::kProgram,
                                             [&] { return briefsearch::run(argc, argv); });
}

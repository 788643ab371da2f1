// brief-index: parses brief files and indexes them into a briefsearch database.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

#include "common/database.h"
#include "common/errors.h"
#include "common/indexing.h"
#include "common/terminal_text.h"

namespace {

constexpr const char* kProgram = "brief-index";

constexpr const char* kExitCodesHelp = R"(Exit codes:
  0   every brief file was indexed
  1   finished, but some files or records were rejected (each reported on stderr)
  2   usage error
  3   database error (cannot open or write, or another schema version)
  75  database locked by another brief-index run)";

void report_issue(const briefsearch::ParseIssue& issue, bool is_error) {
  const std::string text = briefsearch::printable_text(issue.describe());
  if (is_error) {
    std::fprintf(stderr, "%s: %s\n", kProgram, text.c_str());
  } else {
    std::fprintf(stderr, "%s: warning: %s\n", kProgram, text.c_str());
  }
}

int run(int argc, char** argv) {
  CLI::App app{"Index intelligence briefs (.txt, .md, .jsonl) into a briefsearch database.",
               kProgram};
  app.footer(
      std::string("The database is --db DIR, else $BRIEF_DB, else "
                  "$XDG_DATA_HOME/briefsearch/index (~/.local/share/briefsearch/index).\n\n") +
      kExitCodesHelp);
  std::optional<std::string> database_option;
  std::vector<std::string> inputs;
  briefsearch::IndexOptions options;
  app.add_option("--db", database_option, "Database folder (created if missing)");
  app.add_option("--commit-every", options.commit_every, "Documents per all-or-nothing batch")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("paths", inputs, "Brief files and folders (walked recursively)")
      ->required()
      ->type_name("PATH");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? briefsearch::kExitSuccess : briefsearch::kExitUsage;
  }

  for (const std::string& input : inputs) options.inputs.emplace_back(input);
  const auto started = std::chrono::steady_clock::now();
  const auto database_path = briefsearch::resolve_database_path(database_option);
  Xapian::WritableDatabase database = briefsearch::open_for_writing(database_path);
  const briefsearch::IndexStatistics statistics =
      briefsearch::index_inputs(database, options, report_issue);
  database.close();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr, "%s: %zu added, %zu updated, %zu rejected, %zu skipped in %.2f s (%s)\n",
               kProgram, statistics.added, statistics.updated, statistics.rejected,
               statistics.skipped, seconds,
               briefsearch::printable_text(database_path.string()).c_str());
  return statistics.rejected > 0 ? briefsearch::kExitPartial : briefsearch::kExitSuccess;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const briefsearch::BriefsearchError& error) {
    std::fprintf(stderr, "%s: %s\n", kProgram, briefsearch::printable_text(error.what()).c_str());
    return error.exit_code();
  } catch (const Xapian::Error& error) {
    std::fprintf(stderr, "%s: %s\n", kProgram,
                 briefsearch::printable_text(error.get_description()).c_str());
    return briefsearch::kExitDatabase;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s: %s\n", kProgram, briefsearch::printable_text(error.what()).c_str());
    return briefsearch::kExitDatabase;
  }
}

// brief-search: answers queries over briefsearch databases, for terminals and scripts.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "common/analysis/analyser.h"
#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/output/batch.h"
#include "common/output/output.h"
#include "common/output/program.h"
#include "common/output/terminal_text.h"
#include "common/output/watchdog.h"
#include "common/query/query.h"
#include "common/search/search.h"
#include "common/search/session.h"
#include "common/store/database.h"

namespace {

constexpr const char* kProgram = "brief-search";
constexpr std::size_t kMaxLimit = 10000;

constexpr const char* kExitCodesHelp = R"(Exit codes:
  0  at least one brief matched (--batch: every query was answered)
  1  no brief matched
  2  usage or query error, or --timeout reached (--batch: some query was malformed)
  3  database missing, unreadable or of another schema version
  74 results could not be written (disk full, I/O error, stdout closed); a closed
     pipe is not an error: the run stops at once, quietly, with the code it had)";

struct CommandLine {
  std::vector<std::string> databases;
  std::vector<std::string> query_words;
  std::string format = "text";
  briefsearch::ColorMode color = briefsearch::ColorMode::kAuto;
  std::optional<std::string> sort;
  std::vector<std::string> facets;
  std::optional<std::string> like;
  std::optional<std::string> now;
  double timeout_seconds = 0;
  bool any = false;
  bool explain = false;
  bool batch = false;
  briefsearch::SearchOptions options;
};

// "-mexico" as an argument would be read as the short options -m -e -x ..., and "-houthi"
// as -h: refuse such arguments with a hint instead of guessing.
void reject_dashed_words(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--") return;
    if (argument.size() < 3 || argument[0] != '-' || argument[1] == '-') continue;
    if (!std::isalpha(static_cast<unsigned char>(argument[1]))) continue;
    const bool limit_with_value =
        argument[1] == 'n' && argument.find_first_not_of("0123456789", 2) == std::string_view::npos;
    if (limit_with_value) continue;
    throw briefsearch::UsageError("'" + std::string(argument) +
                                  "' is not an option; to exclude a word, quote the query "
                                  "('election -mexico') or put it after --");
  }
}

using briefsearch::choice_names;
using briefsearch::choices_phrase;
using briefsearch::kFacets;
using briefsearch::kOutputFormats;
using briefsearch::kSortOrders;

int run(int argc, char** argv) {
  reject_dashed_words(argc, argv);
  CLI::App app{"Search intelligence briefs indexed by brief-index.", kProgram};
  app.footer(std::string("Query: words (all must match), \"exact phrases\", AND OR XOR NOT, -word, "
                         "(groups),\nNEAR/n ADJ/n, wildcards (tarif*), fields title: desc: impact: "
                         "outlook: ...,\nfilters country: region: tag: source: id: classification: "
                         "section:, and date:2025-07..2025-09.\nSee docs/query-language.md.\n"
                         "The database is --db DIR, else $BRIEF_DB, else "
                         "$XDG_DATA_HOME/briefsearch/index.\n\n") +
             kExitCodesHelp);
  app.set_version_flag("--version", std::string(kProgram) + " " BRIEFSEARCH_VERSION " (Xapian " +
                                        Xapian::version_string() + ")");
  CommandLine command;
  const std::map<std::string, briefsearch::ColorMode> color_modes = {
      {"auto", briefsearch::ColorMode::kAuto},
      {"always", briefsearch::ColorMode::kAlways},
      {"never", briefsearch::ColorMode::kNever}};
  app.add_option("--db", command.databases, "Database folder (repeat to search several as one)")
      ->allow_extra_args(false);
  app.add_option("-n,--limit", command.options.limit, "Hits to show")
      ->check(CLI::Range(std::size_t{0}, kMaxLimit))
      ->capture_default_str();
  app.add_option("--offset", command.options.offset, "Hits to skip before the first shown")
      ->check(CLI::Range(std::size_t{0}, std::size_t{1000000}))
      ->capture_default_str();
  app.add_option("--format", command.format, "Output: " + choices_phrase(kOutputFormats))
      ->check(CLI::IsMember(choice_names(kOutputFormats)))
      ->capture_default_str();
  app.add_option("--sort", command.sort, choices_phrase(kSortOrders))
      ->check(CLI::IsMember(choice_names(kSortOrders)));
  app.add_option("--facet", command.facets,
                 "Count matches by " + choices_phrase(kFacets) + " (repeatable)")
      ->check(CLI::IsMember(choice_names(kFacets)))
      ->allow_extra_args(false);
  app.add_flag("--any", command.any, "Rank briefs matching any of the words, not only all");
  app.add_option("--like", command.like, "Briefs similar to the one with this id");
  app.add_flag("--explain", command.explain,
               "Show the parsed query and which index terms each hit matched");
  app.add_flag("--batch", command.batch,
               "Read one query per line from stdin; write one JSON object per line");
  app.add_option("--now", command.now, "Take this day (YYYY-MM-DD) as today for relative dates");
  app.add_option("--timeout", command.timeout_seconds, "End a search that runs longer (seconds)")
      ->check(CLI::Range(0.0, 86400.0));
  app.add_option("--color", command.color,
                 "Colour: auto (on a terminal, unless NO_COLOR), always, never")
      ->transform(CLI::CheckedTransformer(color_modes, CLI::ignore_case));
  app.add_option("query", command.query_words, "Query (the words are joined with spaces)")
      ->type_name("QUERY");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? briefsearch::kExitSuccess : briefsearch::kExitUsage;
  }
  if (command.query_words.empty() && !command.like && !command.batch) {
    throw briefsearch::UsageError("no query given (see --help)");
  }
  if (command.batch && !command.query_words.empty()) {
    throw briefsearch::UsageError("--batch reads queries from stdin; give none as arguments");
  }

  briefsearch::CalendarDate today = briefsearch::CalendarDate::today();
  if (command.now) {
    const auto parsed = briefsearch::CalendarDate::parse(*command.now);
    if (!parsed)
      throw briefsearch::UsageError("--now: '" + *command.now + "' is not a date (YYYY-MM-DD)");
    today = *parsed;
  }
  if (command.sort) command.options.sort = *briefsearch::sort_order_named(*command.sort);
  for (const std::string& facet : command.facets) {
    command.options.facets.push_back(*briefsearch::facet_named(facet));
  }
  command.options.explain = command.explain;
  const auto format = *briefsearch::output_format_named(command.format);
  if (format == briefsearch::OutputFormat::kCount && !command.batch) {
    // A count is exact, always: every match is counted, and no hit is ranked or shown.
    command.options.exact_total = true;
    command.options.limit = 0;
  }

  std::vector<std::filesystem::path> database_paths;
  if (command.databases.empty())
    database_paths.push_back(briefsearch::resolve_database_path(std::nullopt));
  for (const std::string& path : command.databases) database_paths.emplace_back(path);
  Xapian::Database database = briefsearch::open_for_reading(database_paths);

  briefsearch::SessionOptions session_options;
  session_options.search = command.options;
  if (command.sort) session_options.sort = command.options.sort;
  session_options.any_word = command.any;
  session_options.like = command.like;
  session_options.today = today;
  briefsearch::SearchSession session(database, session_options);
  briefsearch::Watchdog watchdog(kProgram, command.timeout_seconds);
  const auto answer = [&](const std::string& query) {
    const briefsearch::Watchdog::Armed armed(watchdog, query);
    return session.answer(query);
  };
  if (command.batch) {
    return briefsearch::answer_batch(std::cin, std::cout, answer, briefsearch::flush_results);
  }

  const briefsearch::SearchReport report = answer(briefsearch::join(command.query_words, " "));
  const bool color = briefsearch::should_use_color(command.color, STDOUT_FILENO);
  briefsearch::make_result_writer(format, std::cout, color)->write(report);
  const int code = report.results.total > 0 ? briefsearch::kExitSuccess : briefsearch::kExitPartial;
  if (!briefsearch::flush_results()) return code;  // the reader has gone
  if (report.suggestion && format == briefsearch::OutputFormat::kText) {
    std::fprintf(stderr, "%s: no briefs match; did you mean: %s\n", kProgram,
                 briefsearch::printable_text(*report.suggestion).c_str());
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  return briefsearch::run_reporting_failures(kProgram, [&] { return run(argc, argv); });
}

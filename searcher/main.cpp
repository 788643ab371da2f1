// brief-search: answers queries over briefsearch databases, for terminals and scripts. It
// parses options and prints; the search itself is common/search/session.h.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <optional>

#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/output/batch.h"
#include "common/output/command_line.h"
#include "common/output/exit_codes.h"
#include "common/output/output.h"
#include "common/output/program.h"
#include "common/output/terminal_text.h"
#include "common/output/watchdog.h"
#include "common/search/session.h"
#include "common/store/database.h"

namespace briefsearch {
namespace {

constexpr const char* kProgram = "brief-search";

constexpr const char* kFooter =
    "Query: words (all must match), \"exact phrases\", AND OR XOR NOT, -word, (groups),\n"
    "NEAR/n ADJ/n, wildcards (tarif*), fields title: desc: impact: outlook: ...,\n"
    "filters country: region: mentions: mentions-region: tag: source: id:\n"
    "classification: section:, and "
    "date:2025-07..2025-09.\nSee docs/query-language.md.\n"
    "The database is --db DIR, else $BRIEF_DB, else $XDG_DATA_HOME/briefsearch/index.\n\n";

struct CommandLine {
  std::vector<std::string> databases;
  std::vector<std::string> query_words;
  std::string format = "text";
  ColorMode color = ColorMode::kAuto;
  std::optional<std::string> sort;
  std::vector<std::string> facets;
  std::optional<std::string> now;
  double timeout_seconds = 0;
  bool batch = false;
  SessionOptions session;
};

void add_options(CLI::App& app, CommandLine& command) {
  SearchOptions& search = command.session.search;
  app.add_option("--db", command.databases, "Database folder (repeat to search several as one)")
      ->allow_extra_args(false);
  app.add_option("-n,--limit", search.limit, "Hits to show")
      ->check(CLI::Range(std::size_t{0}, std::size_t{10000}))
      ->capture_default_str();
  app.add_option("--offset", search.offset, "Hits to skip before the first shown")
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
  app.add_option("--facet-limit", search.facet_limit,
                 "Facet values to show, most frequent first (0: all; default 10 in text, all "
                 "in JSON)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100000}));
  app.add_flag("--any", command.session.any_word,
               "Rank briefs matching any of the words, not only all");
  app.add_option("--like", command.session.like, "Briefs similar to the one with this id");
  app.add_flag("--explain", search.explain,
               "Show the parsed query and which index terms each hit matched");
  app.add_flag("--batch", command.batch,
               "Read one query per line from stdin; write one JSON object per line");
  app.add_option("--now", command.now, "Take this day (YYYY-MM-DD) as today for relative dates");
  app.add_option("--timeout", command.timeout_seconds, "End a search that runs longer (seconds)")
      ->check(CLI::Range(0.0, 86400.0));
  app.add_option("--color", command.color,
                 "Colour: auto (on a terminal, unless NO_COLOR), always, never")
      ->transform(CLI::CheckedTransformer(choice_map(kColorModes), CLI::ignore_case));
  app.add_option("query", command.query_words, "Query (the words are joined with spaces)")
      ->type_name("QUERY");
}

// The choices named on the command line into the session's options. Throws UsageError.
void read_choices(CommandLine& command) {
  if (command.query_words.empty() && !command.session.like && !command.batch)
    throw UsageError("no query given (see --help)");
  if (command.batch && !command.query_words.empty())
    throw UsageError("--batch reads queries from stdin; give none as arguments");
  if (command.now) {
    command.session.today = CalendarDate::parse(*command.now);
    if (!command.session.today)
      throw UsageError("--now: '" + *command.now + "' is not a date (YYYY-MM-DD)");
  }
  if (command.sort) command.session.sort = sort_order_named(*command.sort);
  for (const std::string& facet : command.facets) {
    command.session.search.facets.push_back(*facet_named(facet));
  }
}

int run(int argc, char** argv) {
  reject_dashed_words(argc, argv);
  CLI::App app{"Search intelligence briefs indexed by brief-index.", kProgram};
  app.footer(kFooter + exit_codes_help(kSearchExitCodes));
  add_version_flag(app, kProgram);
  CommandLine command;
  add_options(app, command);
  if (const auto ended = parse_command_line(app, argc, argv)) return *ended;
  read_choices(command);
  const OutputFormat format = *output_format_named(command.format);
  if (!command.batch) command.session.search = options_for_format(format, command.session.search);

  std::vector<std::filesystem::path> databases(command.databases.begin(), command.databases.end());
  if (databases.empty()) databases.push_back(resolve_database_path(std::nullopt));
  Xapian::Database database = open_for_reading(databases);
  SearchSession session(database, command.session);
  Watchdog watchdog(kProgram, command.timeout_seconds);
  const auto answer = [&](const std::string& query) {
    const Watchdog::Armed armed(watchdog, query);
    return session.answer(query);
  };
  if (command.batch) return answer_batch(std::cin, std::cout, answer, flush_results);

  const std::string query = join(command.query_words, " ");
  // Only a batch line or --like may be empty: brief-search '' is a mistake, as '  ' is.
  if (query.empty() && !command.session.like) throw QueryError(query, 1, "empty query");
  const SearchReport report = answer(query);
  make_result_writer(format, std::cout, should_use_color(command.color, STDOUT_FILENO))
      ->write(report);
  const int code = report.results.total > 0 ? kExitSuccess : kExitNoMatch;
  if (!flush_results()) return code;  // the reader has gone
  if (report.suggestion && format == OutputFormat::kText) {
    std::fprintf(stderr, "%s: no briefs match; did you mean: %s\n", kProgram,
                 printable_text(*report.suggestion).c_str());
  }
  return code;
}

}  // namespace
}  // namespace briefsearch

int main(int argc, char** argv) {
  return briefsearch::run_reporting_failures(briefsearch::kProgram,
                                             [&] { return briefsearch::run(argc, argv); });
}

// brief-search: answers queries over briefsearch databases, for terminals and scripts. It
// parses options and prints; the search itself is common/search/session.h.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <optional>

#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/output/batch.h"
#include "common/output/command_line.h"
#include "common/output/exit_codes.h"
#include "common/output/no_match.h"
#include "common/output/output.h"
#include "common/output/program.h"
#include "common/output/search_help.h"
#include "common/output/terminal_text.h"
#include "common/output/watchdog.h"
#include "common/search/session.h"
#include "common/store/database.h"

namespace briefsearch {
namespace {

constexpr const char* kProgram = "brief-search";

struct CommandLine {
  std::vector<std::string> databases;
  std::vector<std::string> query_words;
  std::string format = "text";
  ColorMode color = ColorMode::kAuto;
  std::optional<std::string> sort;
  std::vector<std::string> facets;
  std::optional<std::size_t> limit, width;
  std::optional<std::string> now;
  double timeout_seconds = 0;
  bool batch = false;
  bool relax = false;
  bool no_relax = false;
  SessionOptions session;
};

void add_options(CLI::App& app, CommandLine& command) {
  SearchOptions& search = command.session.search;
  app.add_option("--db", command.databases, "Database folder (repeat to search several as one)")
      ->allow_extra_args(false);
  app.add_option("-n,--limit", command.limit, "Hits to show (default 10; all for jsonl, paths*)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{10000}));
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
  app.add_flag("--any", command.session.any_word,
               "Rank briefs matching any of the words, not only all");
  app.add_flag("--no-relax", command.no_relax, "Never show briefs that lack some words")
      ->excludes(app.add_flag("--relax", command.relax, std::string(kRelaxHelp)));
  app.add_option("--like", command.session.like, "Briefs similar to one (id, path, FILE#LINE)")
      ->type_name("BRIEF");
  app.add_flag("--explain", search.explain,
               "Show the parsed query and which index terms each hit matched");
  app.add_flag("--batch", command.batch,
               "Read one query per line from stdin; write one JSON object per line");
  app.add_option("--now", command.now, "Take this day (YYYY-MM-DD) as today for relative dates");
  require_finite(app.add_option("--timeout", command.timeout_seconds,
                                "End a search that runs longer (seconds)")
                     ->check(CLI::Range(0.0, 86400.0)));
  app.add_option("--width", command.width,
                 "Wrap text to N columns (0: never; default: terminal's)");
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
  // A reader at a terminal sees the briefs with most of the words; a script, when it asks.
  command.session.relax = command.relax || (!command.no_relax && !command.batch &&
                                            command.format == "text" && isatty(STDOUT_FILENO));
  if (command.sort) command.session.sort = sort_order_named(*command.sort);
  for (const std::string& facet : command.facets) {
    command.session.search.facets.push_back(*facet_named(facet));
  }
}

int run(int argc, char** argv) {
  reject_dashed_words(argc, argv);
  CLI::App app{"Search intelligence briefs indexed by brief-index.", kProgram};
  app.footer(std::string(kSearchHelpFooter) + exit_codes_help(kSearchExitCodes));
  add_version_flag(app, kProgram);
  CommandLine command;
  add_options(app, command);
  if (const auto ended = parse_command_line(app, argc, argv)) return *ended;
  read_choices(command);
  const OutputFormat format = *output_format_named(command.format);
  // A batch writes --format json's object for each line, whatever --format says.
  command.session.search = options_for_format(command.batch ? OutputFormat::kJson : format,
                                              command.session.search, command.limit);
  Xapian::Database database =
      open_for_reading({command.databases.begin(), command.databases.end()});
  SearchSession session(database, command.session);
  Watchdog watchdog(kProgram, command.timeout_seconds);
  const auto answer = [&](const std::string& query, const HitSink& sink = {}) {
    const Watchdog::Armed armed(watchdog, query);
    return session.answer(query, sink);
  };
  if (command.batch) return answer_batch(std::cin, std::cout, answer, flush_results);

  const std::string query = join(command.query_words, " ");
  // Only a batch line or --like may be empty: brief-search '' is a mistake, as '  ' is.
  if (query.empty() && !command.session.like) throw QueryError(query, 1, "empty query");
  const auto writer = make_stdout_writer(format, command.color, command.width);
  const SearchReport report = answer(query, writer->hit_sink(command.session.search));
  writer->write(report);
  // Briefs lacking some words answer the query as written only when the caller asked.
  const bool found = report.results.total > 0 && (!report.relaxation || command.relax);
  const int code = found ? kExitSuccess : kExitNoMatch;
  if (!flush_results()) return code;  // the reader has gone
  const std::string message = no_match_message(report, isatty(STDERR_FILENO));
  if (format == OutputFormat::kText && !message.empty())
    std::fprintf(stderr, "%s: %s\n", kProgram, message.c_str());
  return code;
}

}  // namespace
}  // namespace briefsearch

int main(int argc, char** argv) {
  return briefsearch::run_reporting_failures(briefsearch::kProgram,
                                             [&] { return briefsearch::run(argc, argv); });
}

#include "common/output/search_command_line.h"

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "common/base/errors.h"
#include "common/output/command_line.h"
#include "common/output/output.h"
#include "common/output/search_help.h"

namespace briefsearch {

void add_search_options(CLI::App& app, SearchCommandLine& command) {
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
  app.add_option("--facet-limit", search.facet_limit,
                 "Facet values to show, most frequent first (0: all; default 10 in text, all "
                 "in JSON)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100000}));
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
  app.add_option("--width", command.width, "Wrap text to N columns (0: never; default: terminal's)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100000}));
  app.add_option("--color", command.color,
                 "Colour: auto (on a terminal, unless NO_COLOR), always, never")
      ->transform(CLI::CheckedTransformer(choice_map(kColorModes), CLI::ignore_case));
  app.add_option("query", command.query_words, "Query (the words are joined with spaces)")
      ->type_name("QUERY");
}

void read_search_choices(SearchCommandLine& command) {
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
  // A reader at a terminal learns, on stderr, what would work, whatever the format.
  command.session.diagnose = !command.session.relax && !command.batch && isatty(STDERR_FILENO);
  if (command.sort) command.session.sort = sort_order_named(*command.sort);
  for (const std::string& facet : command.facets) {
    command.session.search.facets.push_back(*facet_named(facet));
  }
}

}  // namespace briefsearch

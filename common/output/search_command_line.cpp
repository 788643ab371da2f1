#include "common/output/search_command_line.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>

#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/output/command_line.h"
#include "common/output/output.h"
#include "common/output/search_help.h"

namespace briefsearch {

namespace {

// A validator for a number that is 0 (meaning zero says) or at least least, in unit:
// "10 columns is below the narrowest width, 40 columns (0: never wrap)".
CLI::Validator zero_or_at_least(double least, const std::string& unit, const std::string& least_is,
                                const std::string& zero) {
  return CLI::Validator(
      [=](std::string& input) -> std::string {
        double value = 0;
        try {
          value = std::stod(input);
        } catch (const std::exception&) {
          return "";  // not a number: the checks before this one say so
        }
        // NaN and infinities are require_finite's to refuse.
        if (!std::isfinite(value) || value == 0 || value >= least) return "";
        return input + " " + unit + " is below " + least_is + ", " + decimal_text(least) + " " +
               unit + " (0: " + zero + ")";
      },
      "");
}

// Options that act in some output formats only: given with another (--batch writes json),
// they would be ignored, so they are usage errors. --color and --width shape text alone,
// and are documented so: a script may pass them whatever the format.
struct FormatBoundOption {
  std::string_view name;
  std::vector<OutputFormat> formats;  // where it acts
};

const std::vector<FormatBoundOption>& format_bound_options() {
  static const std::vector<FormatBoundOption> options = {
      {"--facet", {OutputFormat::kText, OutputFormat::kJson}},
      {"--explain", {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kJsonLines}},
  };
  return options;
}

// "text, json and jsonl".
std::string formats_phrase(const std::vector<OutputFormat>& formats) {
  std::string phrase;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i > 0) phrase += i + 1 == formats.size() ? " and " : ", ";
    phrase += choice_name(kOutputFormats, formats[i]);
  }
  return phrase;
}

void reject_options_without_effect(const CLI::App& app, const SearchCommandLine& command) {
  const auto given = [&](const std::string& name) { return app.get_option(name)->count() > 0; };
  if (command.batch && given("--format") && command.format != "json") {
    throw UsageError("--format " + command.format +
                     " has no effect with --batch, which writes --format json's object for "
                     "each line");
  }
  const std::string format = command.batch ? "json" : command.format;
  const std::string with = command.batch ? "--batch" : "--format " + format;
  for (const FormatBoundOption& option : format_bound_options()) {
    const std::string name(option.name);
    const OutputFormat used = *output_format_named(format);
    if (!given(name) ||
        std::find(option.formats.begin(), option.formats.end(), used) != option.formats.end()) {
      continue;
    }
    throw UsageError(name + " has no effect with " + with + "; it acts in --format " +
                     formats_phrase(option.formats));
  }
  if (given("--facet-limit") && command.facets.empty()) {
    throw UsageError("--facet-limit has no effect without --facet, whose values it limits");
  }
  if (given("--any") && command.query_words.empty() && !command.batch) {
    throw UsageError("--any has no effect with --like alone, which has no query words to OR");
  }
}

}  // namespace

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
                 "Count matches by " + choices_phrase(kFacets) + " (repeatable; text and json)")
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
  app.add_option("--like", command.session.like,
                 "Briefs similar to one (id, path, FILE#LINE); query words filter them")
      ->type_name("BRIEF");
  app.add_flag("--explain", search.explain,
               "Show the parsed query and which index terms each hit matched (text, json, jsonl)");
  app.add_flag("--batch", command.batch,
               "Read one query per line from stdin; write one JSON object per line");
  app.add_option("--now", command.now, "Take this day (YYYY-MM-DD) as today for relative dates");
  require_finite(
      app.add_option("--timeout", command.timeout_seconds,
                     "End a search that runs longer (seconds, from 0.000001; 0: "
                     "no limit, the default)")
          ->check(CLI::Range(0.0, 86400.0))
          ->check(zero_or_at_least(kShortestTimeout, "s", "the shortest timeout", "no limit")));
  app.add_option("--width", command.width,
                 "Wrap text output to N columns (from " + std::to_string(kNarrowestWidth) +
                     "; 0: never; default: the terminal's)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100000}))
      ->check(zero_or_at_least(static_cast<double>(kNarrowestWidth), "columns",
                               "the narrowest width text output is laid out for", "never wrap"));
  app.add_option("--color", command.color,
                 "Colour text output: auto (on a terminal, unless NO_COLOR), always, never")
      ->transform(CLI::CheckedTransformer(choice_map(kColorModes), CLI::ignore_case));
  app.add_option("query", command.query_words, "Query (the words are joined with spaces)")
      ->type_name("QUERY");
}

void read_search_choices(const CLI::App& app, SearchCommandLine& command) {
  if (command.query_words.empty() && !command.session.like && !command.batch)
    throw UsageError("no query given (see --help)");
  if (command.batch && !command.query_words.empty())
    throw UsageError("--batch reads queries from stdin; give none as arguments");
  reject_options_without_effect(app, command);
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

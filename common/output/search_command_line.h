// brief-search's command line: its options (CLI11) and how they become the session's
// options. The program itself is searcher/main.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/output/terminal_text.h"
#include "common/search/session.h"

namespace CLI {
class App;
}  // namespace CLI

namespace briefsearch {

// What the options say, as parsed; read_search_choices turns the names into values.
struct SearchCommandLine {
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

// Adds every brief-search option to app, each writing into command (which must outlive the
// parse).
void add_search_options(CLI::App& app, SearchCommandLine& command);

// A --timeout shorter than this (other than 0, no limit) is refused: no search answers in
// less, and messages write seconds to 6 decimals (decimal_text), so it always shows.
inline constexpr double kShortestTimeout = 0.000001;

// The choices named on the command line (parsed by app) into command.session: the date of
// --now, the sort, the facets, and whether a query that matches nothing is relaxed
// (--relax, or text on a terminal unless --no-relax) or only diagnosed for stderr (stderr
// a terminal, whatever the format). Throws UsageError for a missing or unwanted query, a
// malformed --now, and an option that would do nothing in this combination, naming both:
// --facet or --explain with a format that does not show them (--facet: text and json;
// --explain: text, json and jsonl; --batch writes json), --facet-limit without --facet,
// --format other than json with --batch, --any with --like and no query words.
void read_search_choices(const CLI::App& app, SearchCommandLine& command);

}  // namespace briefsearch

// brief-search: answers queries over briefsearch databases.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <optional>

#include "common/analysis.h"
#include "common/database.h"
#include "common/errors.h"
#include "common/output.h"
#include "common/query.h"
#include "common/search.h"
#include "common/terminal_text.h"

namespace {

constexpr const char* kProgram = "brief-search";
constexpr std::size_t kMaxLimit = 10000;

constexpr const char* kExitCodesHelp = R"(Exit codes:
  0  at least one brief matched
  1  no brief matched
  2  usage or query error
  3  database missing, unreadable or of another schema version)";

int run(int argc, char** argv) {
  CLI::App app{"Search intelligence briefs indexed by brief-index.", kProgram};
  app.footer(std::string("Query: words (all must match), \"exact phrases\", AND OR XOR NOT, -word, "
                         "(groups),\nand fields title: description: (desc:) impact: section:.\n"
                         "The database is --db DIR, else $BRIEF_DB, else "
                         "$XDG_DATA_HOME/briefsearch/index.\n\n") +
             kExitCodesHelp);
  std::vector<std::string> database_options;
  std::vector<std::string> query_words;
  briefsearch::SearchOptions options;
  std::string format_name = "text";
  briefsearch::ColorMode color_mode = briefsearch::ColorMode::kAuto;
  const std::map<std::string, briefsearch::ColorMode> color_modes = {
      {"auto", briefsearch::ColorMode::kAuto},
      {"always", briefsearch::ColorMode::kAlways},
      {"never", briefsearch::ColorMode::kNever}};

  app.add_option("--db", database_options, "Database folder (repeat to search several as one)")
      ->allow_extra_args(false);
  app.add_option("-n,--limit", options.limit, "Hits to show")
      ->check(CLI::Range(std::size_t{0}, kMaxLimit))
      ->capture_default_str();
  app.add_option("--offset", options.offset, "Hits to skip before the first shown")
      ->capture_default_str();
  app.add_option("--format", format_name, "Output: text, json, jsonl, paths or count")
      ->check(CLI::IsMember({"text", "json", "jsonl", "paths", "count"}))
      ->capture_default_str();
  app.add_option("--color", color_mode,
                 "Colour: auto (on a terminal, unless NO_COLOR), always, never")
      ->transform(CLI::CheckedTransformer(color_modes, CLI::ignore_case));
  app.add_option("query", query_words, "Query (the words are joined with spaces)")
      ->required()
      ->type_name("QUERY");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? briefsearch::kExitSuccess : briefsearch::kExitUsage;
  }

  std::string query_text;
  for (const std::string& word : query_words) {
    if (!query_text.empty()) query_text += ' ';
    query_text += word;
  }
  briefsearch::Analyzer analyzer;
  const briefsearch::QueryNode tree = briefsearch::parse_query(query_text);
  const Xapian::Query query = briefsearch::build_xapian_query(tree, analyzer);

  std::vector<std::filesystem::path> database_paths;
  if (database_options.empty()) {
    database_paths.push_back(briefsearch::resolve_database_path(std::nullopt));
  }
  for (const std::string& path : database_options) database_paths.emplace_back(path);
  const Xapian::Database database = briefsearch::open_for_reading(database_paths);

  briefsearch::SearchReport report{query_text, options,
                                   briefsearch::run_search(database, query, options)};
  const auto format = *briefsearch::output_format_named(format_name);
  const bool color = briefsearch::should_use_color(color_mode, STDOUT_FILENO);
  briefsearch::make_result_writer(format, std::cout, color)->write(report);
  std::cout.flush();
  return report.results.total > 0 ? briefsearch::kExitSuccess : briefsearch::kExitPartial;
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

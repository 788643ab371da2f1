// Query strings through everything brief-search does with them: the lexer, the parser,
// the builder and the search session (relaxation, spelling, snippets, facets, --explain)
// against a small real database, and the text, JSON and --batch error writers.
#include <stdlib.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/index/index_run.h"
#include "common/output/output.h"
#include "common/search/session.h"
#include "common/store/database.h"
#include "tests/fuzz/fuzz_targets.h"
#include "tests/fuzz/query_checks.h"
#include "tests/support/regression_queries.h"
#include "tests/support/temporary_folder.h"

namespace briefsearch {
namespace {

const std::string kFixtures = BRIEFSEARCH_SOURCE_DIR "/tests/fixtures";
// A fixed today, so that an input found once means the same on every later run.
const CalendarDate kToday = *CalendarDate::from_parts(2025, 7, 28);

// The fixture briefs (scraped text, Markdown with front matter, JSON Lines) indexed by the
// real indexer into a temporary folder, removed at exit.
class FixtureDatabase {
 public:
  FixtureDatabase() {
    IndexRun run;
    run.database = folder_ / "db";
    run.options.jobs = 1;
    for (const char* name : {"shared-briefs", "parsers", "ranking-words"}) {
      run.options.inputs.push_back(std::filesystem::path(kFixtures) / name);
    }
    static_cast<void>(run_index(run, [](const ParseIssue&, bool) {}, {}));
    database_ = open_for_reading({run.database});
    if (database_.get_doccount() < 10) {
      throw std::runtime_error("the fixture briefs were not indexed");
    }
  }

  Xapian::Database& database() { return database_; }

 private:
  testing::TemporaryFolder folder_;
  Xapian::Database database_;
};

SessionOptions session_options() {
  SessionOptions options;
  options.search.limit = 5;
  options.search.explain = true;
  options.search.facets = {Facet::kCountry, Facet::kYear, Facet::kTag};
  options.relax = true;
  options.today = kToday;
  return options;
}

void check_writers(const SearchReport& report, std::string_view input) {
  std::ostringstream json;
  make_result_writer(OutputFormat::kJson, json, false)->write(report);
  if (!nlohmann::json::accept(json.str())) fuzz_invariant_failed("invalid JSON output", input);
  std::ostringstream text;
  make_result_writer(OutputFormat::kText, text, false, 80)->write(report);
  if (const auto problem = terminal_hazard(text.str())) {
    fuzz_invariant_failed("text output " + *problem, input);
  }
}

void check_hits(const SearchReport& report, std::string_view input) {
  std::size_t rank = report.options.offset;
  for (const Hit& hit : report.results.hits) {
    if (hit.rank != ++rank) fuzz_invariant_failed("hits out of rank order", input);
    for (const auto& [begin, end] : hit.highlights) {
      if (begin >= end || end > hit.snippet.size()) {
        fuzz_invariant_failed("a highlight outside its snippet", input);
      }
    }
    if (!is_valid_utf8(hit.snippet)) fuzz_invariant_failed("a snippet is not UTF-8", input);
  }
  if (report.results.total < report.results.hits.size()) {
    fuzz_invariant_failed("fewer matches than hits", input);
  }
}

}  // namespace

// The session answers or throws QueryError (exit 2), never anything else (exit 3 or 70);
// what it answers writes as valid JSON and as text safe for a terminal, and a refusal as a
// valid --batch error line; the parse tree reads back from its query text.
void fuzz_query(std::string_view input) {
  static FixtureDatabase fixture;
  static SearchSession session(fixture.database(), session_options());
  const std::string query(input);
  try {
    const SearchReport report = session.answer(query);
    check_hits(report, input);
    check_writers(report, input);
  } catch (const QueryError& error) {
    if (!nlohmann::json::accept(batch_error_json(query, error.what()))) {
      fuzz_invariant_failed("invalid --batch error line", input);
    }
  } catch (const std::exception& error) {
    fuzz_invariant_failed(std::string("threw other than QueryError: ") + error.what(), input);
  }
  check_query_text_round_trip(input, kToday);
}

std::vector<std::string> query_seeds() { return testing::read_regression_queries(kFixtures); }

}  // namespace briefsearch

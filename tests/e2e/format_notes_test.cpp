// What each output format says when a query matches nothing as written: a relaxed answer is
// labelled in every format (a note on stderr; json's "relaxed"; "relaxed" on each hit of
// jsonl and json), and a terminal's stderr hears the same note whatever the format: word
// counts, the words that match nothing, what to try, did you mean.
#include <sstream>

#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

const std::vector<std::string> kFormats = {"text", "json", "jsonl", "paths", "paths0", "count"};

// A shared indexed corpus: every test here only reads it.
const IndexedCorpus& corpus() {
  static const IndexedCorpus indexed;
  return indexed;
}

std::vector<json> jsonl_lines(const std::string& out) {
  std::vector<json> lines;
  std::istringstream stream(out);
  for (std::string line; std::getline(stream, line);) lines.push_back(json::parse(line));
  return lines;
}

}  // namespace

TEST_CASE("a relaxed answer says so in every format", "[e2e][output][relax]") {
  const std::string note =
      "brief-search: no brief matches all 3 words; 'undersea' matches no brief at all; showing "
      "briefs that match 1 of the 3 words (--no-relax for none)\n";
  std::size_t relaxed_hits = 0;
  for (const std::string& format : kFormats) {
    INFO("--format " << format);
    const ProcessResult result =
        corpus().search({"--relax", "--format", format, "undersea cable sabotage"});
    CHECK(result.exit_code == 0);
    CHECK(result.err == note);  // stderr is a file: scripts are told too
    CHECK_FALSE(result.out.empty());
    if (format == "jsonl") {
      const std::vector<json> lines = jsonl_lines(result.out);
      relaxed_hits = lines.size();
      for (const json& hit : lines) CHECK(hit["relaxed"] == true);
    }
    if (format == "json") {
      const json answer = json::parse(result.out);
      CHECK(answer["relaxed"]["minimum_should_match"] == 1);
      for (const json& hit : answer["hits"]) CHECK(hit["relaxed"] == true);
    }
  }
  // The count is the relaxed answer's, the number of jsonl lines, said on stderr to be so.
  REQUIRE(relaxed_hits > 0);
  CHECK(corpus().search({"--relax", "--format", "count", "undersea cable sabotage"}).out ==
        std::to_string(relaxed_hits) + "\n");

  // An answer to the query as written carries no label and no note, in any format.
  for (const std::string& format : kFormats) {
    INFO("--format " << format);
    const ProcessResult result =
        corpus().search({"--relax", "--format", format, "houthi shipping"});
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    if (format == "jsonl") {
      for (const json& hit : jsonl_lines(result.out)) CHECK_FALSE(hit.contains("relaxed"));
    }
  }

  // --batch: the relaxed line's hits say so, the other line's do not.
  ProcessOptions batch = isolated(corpus().home());
  batch.input = "undersea cable sabotage\nhouthi shipping\n";
  const ProcessResult lines = run_process(
      {kSearchBinary, "--db", corpus().database().string(), "--batch", "--relax"}, batch);
  CHECK(lines.exit_code == 0);
  const std::vector<json> answers = jsonl_lines(lines.out);
  REQUIRE(answers.size() == 2);
  CHECK_FALSE(answers[0]["relaxed"].is_null());
  for (const json& hit : answers[0]["hits"]) CHECK(hit["relaxed"] == true);
  CHECK(answers[1]["relaxed"].is_null());
  for (const json& hit : answers[1]["hits"]) CHECK_FALSE(hit.contains("relaxed"));
}

TEST_CASE("a relaxed search that finds nothing labels nothing", "[e2e][output][relax]") {
  for (const std::string& format : kFormats) {
    INFO("--format " << format);
    const ProcessResult result =
        corpus().search({"--relax", "--format", format, "xylophone quokkaz"});
    CHECK(result.exit_code == 1);
    if (format == "count") CHECK(result.out == "0\n");
    // To a file, the exit code says it; text says what it would say on a terminal.
    if (format != "text") CHECK(result.err.empty());
  }
}

TEST_CASE("a terminal's stderr hears the same about no match whatever the format",
          "[e2e][output][relax]") {
  struct Expected {
    std::string query;
    std::string err;
  };
  const std::vector<Expected> cases = {
      {"china taiwan military drills",
       "brief-search: no brief matches all 4 words; briefs match 3 of the 4 words (--relax "
       "shows them)\n"},
      {"huthi shiping",
       "brief-search: no brief matches all 2 words; 'huthi', 'shiping' match no brief at all; "
       "did you mean: houthi shipping\n"},
      // A negated word is named as written, never called a filter or a date.
      {"houthi -yemen", "brief-search: no brief matches 'houthi' together with '-yemen'\n"},
      {"houthi shipping date:2025",
       "brief-search: no brief matches all 2 words; briefs have all of them, but none together "
       "with 'date:2025'; briefs match 1 of the 2 words (--relax shows them)\n"},
      // The query to try keeps the date as the user wrote it.
      {"election zzz date:2025",
       "brief-search: no brief matches all 2 words; 'zzz' matches no brief at all; briefs "
       "match 1 of the 2 words (--relax shows them); try: election date:2025\n"},
      {"xylophone", "brief-search: no brief matches 'xylophone'\n"},
      {"date:1990", "brief-search: no briefs match\n"},
  };
  for (const Expected& expected : cases) {
    for (const std::string& format : kFormats) {
      INFO(expected.query << " --format " << format);
      const ProcessResult result = corpus().search_on_terminal({"--format", format, expected.query},
                                                               TerminalStream::kStderr);
      CHECK(result.exit_code == 1);
      CHECK(result.err == expected.err);
    }
  }
}

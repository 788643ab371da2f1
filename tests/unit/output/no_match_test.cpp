// What brief-search says when a query matches nothing as written (common/output/no_match.h):
// the stderr line, which formats write it when, and how a relaxed answer is labelled.
#include "common/output/no_match.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/output/output.h"

using namespace briefsearch;

namespace {

// "houthi shipping -yemen date:2025": briefs have both words, none within the restrictions,
// and briefs with one of them are shown (shown) or only looked for.
SearchReport relaxed_report(bool shown) {
  SearchReport report;
  report.query = "houthi shipping -yemen date:2025";
  Relaxation relaxation;
  relaxation.words = {"houthi", "shipping"};
  relaxation.restrictions = {"-yemen", "date:2025"};
  relaxation.filters_exclude_all = true;
  relaxation.minimum_should_match = 1;
  relaxation.shown = shown;
  report.relaxation = relaxation;
  if (shown) {
    report.results.total = 1;
    Hit hit;
    hit.rank = 1;
    hit.id = "a";
    hit.path = "/briefs/a.txt";
    hit.title = "A";
    hit.relaxed = true;
    report.results.hits.push_back(hit);
  }
  return report;
}

}  // namespace

TEST_CASE("the restrictions are named as written, whatever their kind", "[output][no_match]") {
  CHECK(no_match_message(relaxed_report(false), true) ==
        "no brief matches all 2 words; briefs have all of them, but none together with '-yemen' "
        "and 'date:2025'; briefs match 1 of the 2 words (--relax shows them)");
  SearchReport one = relaxed_report(false);
  one.relaxation->words = {"houthi"};
  one.relaxation->restrictions = {"-yemen"};
  one.relaxation->minimum_should_match = 0;
  CHECK(no_match_message(one, true) == "no brief matches 'houthi' together with '-yemen'");
  one.relaxation->restrictions = {"country:ye", "-yemen", "date:2025"};
  CHECK(no_match_message(one, false) ==
        "no brief matches 'houthi' together with 'country:ye', '-yemen' and 'date:2025'");
}

TEST_CASE("a relaxed answer is noted on stderr in every format", "[output][no_match]") {
  const SearchReport relaxed = relaxed_report(true);
  CHECK(is_relaxed_answer(relaxed));
  const std::string line = no_match_message(relaxed, false);
  CHECK_THAT(line, Catch::Contains("showing briefs that match 1 of the 2 words"));
  for (const bool text : {true, false}) {
    for (const bool terminal : {true, false}) {
      CHECK(after_answer_note(relaxed, text, terminal) == no_match_message(relaxed, terminal));
    }
  }
  // Only looked for (stderr a terminal, no --relax): said on a terminal, in every format.
  const SearchReport looked_for = relaxed_report(false);
  CHECK_FALSE(is_relaxed_answer(looked_for));
  CHECK(after_answer_note(looked_for, false, true) == after_answer_note(looked_for, true, true));
  CHECK_FALSE(after_answer_note(looked_for, false, true).empty());
  // To a file, a script learns "no briefs match" from the exit code; text still offers a
  // respelling.
  SearchReport nothing;
  CHECK(after_answer_note(nothing, false, true) == "no briefs match");
  CHECK(after_answer_note(nothing, true, false).empty());
  CHECK(after_answer_note(nothing, false, false).empty());
  nothing.suggestion = "houthi";
  CHECK(after_answer_note(nothing, true, false) == "no briefs match; did you mean: houthi");
  CHECK(after_answer_note(nothing, false, false).empty());
  CHECK(after_answer_note(nothing, false, true) == "no briefs match; did you mean: houthi");
}

TEST_CASE("a relaxed answer's hits say so in JSON and JSON Lines", "[output][no_match]") {
  SearchReport relaxed = relaxed_report(true);
  std::ostringstream lines;
  make_result_writer(OutputFormat::kJsonLines, lines, false)->write(relaxed);
  CHECK(nlohmann::json::parse(lines.str())["relaxed"] == true);
  std::ostringstream document;
  make_result_writer(OutputFormat::kJson, document, false)->write(relaxed);
  const nlohmann::json answer = nlohmann::json::parse(document.str());
  CHECK(answer["hits"][0]["relaxed"] == true);
  CHECK(answer["relaxed"]["restrictions"] == nlohmann::json::array({"-yemen", "date:2025"}));
  // A hit of the query as written has no such key.
  relaxed.results.hits[0].relaxed = false;
  std::ostringstream plain;
  make_result_writer(OutputFormat::kJsonLines, plain, false)->write(relaxed);
  CHECK_FALSE(nlohmann::json::parse(plain.str()).contains("relaxed"));
  // Text shows the label above the hits.
  std::ostringstream text;
  make_result_writer(OutputFormat::kText, text, false)->write(relaxed_report(true));
  CHECK_THAT(text.str(), Catch::StartsWith("No brief matches all 2 words; these match 1 of them:"));
}

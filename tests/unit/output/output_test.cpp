#include "common/output/output.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/output/terminal_text.h"

using namespace briefsearch;

namespace {

SearchReport sample_report() {
  SearchReport report;
  report.query = "cable damage";
  report.options.offset = 0;
  report.options.limit = 2;
  report.results.total = 3;
  report.results.total_exact = true;
  report.results.hits = {
      {1,
       "europe/baltic.txt",
       "corpus/europe/baltic.txt",
       "Baltic Sea: Cable Damage",
       "2024-12-27",
       2.345678,
       "Finnish authorities boarded the tanker Eagle S.",
       {{0, 7}, {30, 36}},
       {}},
      {2,
       "pipeline.jsonl#3",
       "corpus/pipeline.jsonl",
       "Undated \x1b]0;pwned\x07 title",
       "",
       1.0,
       "bad byte \xFF here",
       {},
       {}},
  };
  report.results.hits[1].line = 3;
  return report;
}

std::string render(OutputFormat format, bool color = false,
                   const SearchReport& report = sample_report()) {
  std::ostringstream out;
  make_result_writer(format, out, color)->write(report);
  return out.str();
}

// The matcher stopped counting after the page: 120 is a lower bound.
SearchReport bounded_report() {
  SearchReport report = sample_report();
  report.results.total = 120;
  report.results.total_exact = false;
  return report;
}

}  // namespace

TEST_CASE("JSON output follows the documented contract", "[output]") {
  const auto json = nlohmann::json::parse(render(OutputFormat::kJson));
  CHECK(json["format_version"] == kJsonFormatVersion);
  CHECK(json["query"] == "cable damage");
  CHECK(json["total"] == 3);
  CHECK(json["total_exact"] == true);
  CHECK(json["total_relation"] == "eq");
  CHECK(json["offset"] == 0);
  CHECK(json["limit"] == 2);
  REQUIRE(json["hits"].size() == 2);
  const auto& first = json["hits"][0];
  CHECK(first["rank"] == 1);
  CHECK(first["id"] == "europe/baltic.txt");
  CHECK(first["path"] == "corpus/europe/baltic.txt");
  CHECK(first["title"] == "Baltic Sea: Cable Damage");
  CHECK(first["date"] == "2024-12-27");
  CHECK(first["score"] == Approx(2.3457));
  CHECK(json["hits"][1]["date"].is_null());
  CHECK(first["highlights"] == nlohmann::json::parse("[[0, 7], [30, 36]]"));
  CHECK(json["suggestion"].is_null());
  CHECK(json["facets"].is_object());
  CHECK_FALSE(first.contains("matched_terms"));  // only with --explain
}

TEST_CASE("a total that is not exact is shown as a lower bound, never as a guess", "[output]") {
  const auto json = nlohmann::json::parse(render(OutputFormat::kJson, false, bounded_report()));
  CHECK(json["total"] == 120);
  CHECK(json["total_exact"] == false);
  CHECK(json["total_relation"] == "gte");
  const std::string text = render(OutputFormat::kText, false, bounded_report());
  CHECK_THAT(text, Catch::Contains("\nat least 120 briefs, showing 1-2\n"));
  CHECK_THAT(text, !Catch::Contains("about"));
  CHECK_THAT(render(OutputFormat::kText), Catch::Contains("\n3 briefs, showing 1-2\n"));
}

TEST_CASE("JSON stays valid UTF-8 whatever bytes the brief held", "[output]") {
  const std::string text = render(OutputFormat::kJson);
  const auto json = nlohmann::json::parse(text);
  CHECK(json["hits"][1]["snippet"] == "bad byte \xEF\xBF\xBD here");
  // Control characters are escaped by JSON itself, never raw.
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(json["hits"][1]["title"] == "Undated \x1b]0;pwned\x07 title");
}

TEST_CASE("JSON Lines has one hit object per line", "[output]") {
  std::istringstream lines(render(OutputFormat::kJsonLines));
  std::string line;
  std::vector<nlohmann::json> hits;
  while (std::getline(lines, line)) hits.push_back(nlohmann::json::parse(line));
  REQUIRE(hits.size() == 2);
  CHECK(hits[0]["rank"] == 1);
  CHECK(hits[1]["id"] == "pipeline.jsonl#3");
}

TEST_CASE("a facet without values says so in text, and is an empty array in JSON", "[output]") {
  SearchReport report = sample_report();
  report.results.facets[Facet::kTag] = {};
  report.results.facets[Facet::kRegion] = {{"Europe", 2, ""}};
  CHECK_THAT(
      render(OutputFormat::kText, false, report),
      Catch::EndsWith("\nregion\n  2  Europe\n\ntag\n  none: no matching brief has a value\n"));
  report.results.total = 0;
  report.results.hits.clear();
  report.results.facets.erase(Facet::kRegion);
  CHECK(render(OutputFormat::kText, false, report) == "\ntag\n  none: no brief matches\n");
  const auto json = nlohmann::json::parse(render(OutputFormat::kJson, false, report));
  CHECK(json["facets"]["tag"] == nlohmann::json::array());
}

TEST_CASE("paths and count formats", "[output]") {
  CHECK(render(OutputFormat::kPaths) == "corpus/europe/baltic.txt\ncorpus/pipeline.jsonl\n");
  CHECK(render(OutputFormat::kCount) == "3\n");
  CHECK(output_format_named("paths0") == OutputFormat::kPaths0);
}

TEST_CASE("paths are safe for a terminal, paths0 exact for xargs -0", "[output]") {
  SearchReport report = sample_report();
  const std::string odd_name = std::string("/briefs/new\nline \x1b[31m\xff\xfe.txt");
  report.results.hits[1].path = odd_name;
  const std::string exact = render(OutputFormat::kPaths0, false, report);
  CHECK(exact == std::string("corpus/europe/baltic.txt") + '\0' + odd_name + '\0');
  const std::string shown = render(OutputFormat::kPaths, false, report);
  CHECK(shown ==
        "corpus/europe/baltic.txt\n/briefs/new line \\x1b[31m\xEF\xBF\xBD\xEF\xBF\xBD.txt\n");
}

TEST_CASE("text output is readable and never carries raw control characters", "[output]") {
  const std::string text = render(OutputFormat::kText);
  CHECK_THAT(text, Catch::Contains("1. 2024-12-27  Baltic Sea: Cable Damage"));
  CHECK_THAT(text, Catch::Contains("   corpus/europe/baltic.txt  id europe/baltic.txt\n"));
  // A JSON Lines record: its file and line, as --like takes them, and its id.
  CHECK_THAT(text, Catch::Contains("   corpus/pipeline.jsonl#3  id pipeline.jsonl#3\n"));
  CHECK_THAT(text, Catch::Contains("Undated \\x1b]0;pwned\\x07 title"));
  CHECK_THAT(text, Catch::Contains("3 briefs, showing 1-2"));
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("colour is added only when asked for", "[output]") {
  CHECK(render(OutputFormat::kText, true).find("\x1b[1m") != std::string::npos);
  CHECK(render(OutputFormat::kText, false).find("\x1b[") == std::string::npos);
}

TEST_CASE("printable_text escapes what could drive a terminal", "[output]") {
  CHECK(printable_text("a\x1b[2Jb") == "a\\x1b[2Jb");
  CHECK(printable_text("line\rover") == "line\\x0dover");
  CHECK(printable_text("tab\tnew\nline") == "tab new line");
  CHECK(printable_text("tab\tnew\nline", true) == "tab\tnew\nline");
  CHECK(printable_text("del\x7f") == "del\\x7f");
  CHECK(printable_text("c1 \xC2\x9B"
                       "31m") == "c1 \\u{009b}31m");
  CHECK(printable_text("bidi \xE2\x80\xAE"
                       "txet") == "bidi \\u{202e}txet");
  CHECK(printable_text("Zürich 王毅") == "Zürich 王毅");
  CHECK(printable_text("bad \xC3") == "bad \xEF\xBF\xBD");
}

TEST_CASE("colour follows the mode, NO_COLOR and the terminal", "[output]") {
  CHECK(should_use_color(ColorMode::kAlways, -1));
  CHECK_FALSE(should_use_color(ColorMode::kNever, -1));
  CHECK_FALSE(should_use_color(ColorMode::kAuto, -1));  // not a terminal
}

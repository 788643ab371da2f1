// brief-search end to end on queries that once went wrong: NEAR/ADJ snippets.
#include <fstream>

#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

// Briefs written for these tests, indexed into home/db.
class BriefFolder {
 public:
  explicit BriefFolder(const std::vector<std::pair<std::string, std::string>>& files) {
    std::filesystem::create_directories(home_ / "briefs");
    for (const auto& [name, text] : files) std::ofstream(home_ / "briefs" / name) << text;
    const ProcessResult indexed =
        brief_index(home_, {"--db", (home_ / "db").string(), (home_ / "briefs").string()});
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
  }

  ProcessResult search(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(), {"--db", (home_ / "db").string()});
    return brief_search(home_, std::move(arguments));
  }

  // A --format json search for query, which must succeed with exit code exit_code.
  json search_json(const std::string& query, int exit_code = 0) const {
    const ProcessResult result = search({"--format", "json", "--", query});
    INFO(query << ": " << result.err);
    REQUIRE(result.exit_code == exit_code);
    return json::parse(result.out);
  }

 private:
  TemporaryFolder home_;
};

std::string scraped_brief(const std::string& title, const std::string& description,
                          const std::string& impact) {
  return title + "\n\nBy December 27, 2024No Comments\n\nDescription: " + description +
         "\n\nImpact: " + impact + "\n";
}

// The hit's snippet with each highlight in brackets.
std::string marked(const json& hit) {
  const std::string snippet = hit["snippet"];
  std::string result;
  std::size_t at = 0;
  for (const json& range : hit["highlights"]) {
    const std::size_t begin = range[0];
    const std::size_t end = range[1];
    result += snippet.substr(at, begin - at) + "[" + snippet.substr(begin, end - begin) + "]";
    at = end;
  }
  return result + snippet.substr(at);
}

// The hit's file name: ids depend on how the folder was named, paths do not.
std::string file_name(const json& hit) {
  return std::filesystem::path(hit["path"].get<std::string>()).filename().string();
}

const std::string kShadowDescription =
    "The shadow of the probe fell on several firms. A fleet of tugs assisted the coast guard.";
const std::string kShadowImpact =
    "Analysts said the tanker belongs to the shadow fleet used to move Russian oil.";

// The brief, and one with the words near each other several times.
BriefFolder shadow_briefs() {
  return BriefFolder({
      {"b.txt", scraped_brief("Baltic: Tanker Detained", kShadowDescription, kShadowImpact)},
      {"c.txt", scraped_brief("Arctic: Patrols Increase",
                              "Their fleet shadow sailed north; later another fleet, far from "
                              "any of the ships watching it, with a shadow behind.",
                              "Patrols will continue.")},
  });
}

}  // namespace

TEST_CASE("a NEAR or ADJ snippet is a passage where the words lie within the window",
          "[e2e][query]") {
  const BriefFolder briefs = shadow_briefs();
  SECTION("the issue's example: the Impact passage, only \"shadow fleet\" marked") {
    const json output = briefs.search_json("shadow ADJ/1 fleet");
    REQUIRE(output["hits"].size() == 1);
    CHECK(marked(output["hits"][0]) ==
          "Analysts said the tanker belongs to the [shadow] [fleet] "
          "used to move Russian oil.");
  }
  SECTION("NEAR in the reversed order finds the same pair") {
    const json output = briefs.search_json("fleet NEAR/1 shadow");
    REQUIRE(output["hits"].size() == 2);
    for (const json& hit : output["hits"]) {
      const std::string text = marked(hit);
      INFO(text);
      CHECK((text.find("the [shadow] [fleet] used") != std::string::npos ||
             text.starts_with("Their [fleet] [shadow] sailed north; later another fleet,")));
    }
  }
  SECTION("ADJ in the reversed order matches only where the order holds") {
    const json output = briefs.search_json("fleet ADJ/1 shadow");
    REQUIRE(output["hits"].size() == 1);
    CHECK(file_name(output["hits"][0]) == "c.txt");
    CHECK(marked(output["hits"][0])
              .starts_with("Their [fleet] [shadow] sailed north; later "
                           "another fleet,"));
    CHECK(briefs.search_json("title:tanker fleet ADJ/9 shadow", 1)["hits"].empty());
  }
  SECTION("a wider window takes in the Description's pair") {
    const json output = briefs.search_json("title:tanker shadow NEAR/9 fleet");
    REQUIRE(output["hits"].size() == 1);
    CHECK(marked(output["hits"][0]) ==
          "The [shadow] of the probe fell on several firms. A [fleet] of tugs assisted the coast "
          "guard.");
    CHECK(briefs.search_json("title:tanker shadow NEAR/8 fleet")["hits"][0]["snippet"] ==
          kShadowImpact);
  }
  SECTION("several windows in one passage, and words outside them unmarked") {
    const json output = briefs.search_json("title:arctic shadow NEAR/3 fleet");
    REQUIRE(output["hits"].size() == 1);
    CHECK(marked(output["hits"][0]) ==
          "Their [fleet] [shadow] sailed north; later another fleet, far from any of the ships "
          "watching it, with a shadow behind.");
    const json wider = briefs.search_json("title:arctic shadow NEAR/5 fleet");
    CHECK(marked(wider["hits"][0]) ==
          "Their [fleet] [shadow] sailed north; later another [fleet], far from any of the ships "
          "watching it, with a shadow behind.");
  }
  SECTION("inside OR and AND, and restricted to a field") {
    const json either = briefs.search_json("(shadow ADJ/1 fleet) OR transnistria");
    REQUIRE(either["hits"].size() == 1);
    CHECK(marked(either["hits"][0]).find("[shadow] [fleet]") != std::string::npos);
    const json both = briefs.search_json("russian (shadow ADJ/1 fleet)");
    REQUIRE(both["hits"].size() == 1);
    CHECK(marked(both["hits"][0]) ==
          "Analysts said the tanker belongs to the [shadow] [fleet] "
          "used to move [Russian] oil.");
    CHECK(briefs.search_json("impact:(shadow ADJ/1 fleet)")["hits"].size() == 1);
    CHECK(briefs.search_json("description:(shadow ADJ/1 fleet)", 1)["hits"].empty());
  }
  SECTION("text output marks the same words") {
    const ProcessResult text = briefs.search({"--color", "always", "shadow ADJ/1 fleet"});
    REQUIRE(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("\x1b[1;31mshadow\x1b[0m \x1b[1;31mfleet\x1b[0m"));
    CHECK(text.out.find("The shadow of") == std::string::npos);
  }
}

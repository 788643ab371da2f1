// brief-search end to end on the sample corpus: formats, highlights, sorting, facets,
// suggestions, similar briefs, batch mode, limits, and hostile document text.
#include <fstream>
#include <regex>

#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

const std::string kRedSea = "corpus/middle-east/red-sea-houthi-shipping-attacks.txt";

std::vector<std::string> ids_of(const json& output) {
  std::vector<std::string> ids;
  for (const json& hit : output["hits"]) ids.push_back(hit["id"]);
  return ids;
}

}  // namespace

TEST_CASE("highlights mark the matched words in the snippet", "[e2e][search]") {
  IndexedCorpus corpus;
  const json output = corpus.search_json({"--limit", "5", "houthi shipping"});
  REQUIRE_FALSE(output["hits"].empty());
  for (const json& hit : output["hits"]) {
    const std::string snippet = hit["snippet"];
    REQUIRE_FALSE(hit["highlights"].empty());
    for (const json& range : hit["highlights"]) {
      const std::size_t begin = range[0];
      const std::size_t end = range[1];
      REQUIRE(end <= snippet.size());
      std::string word = snippet.substr(begin, end - begin);
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      INFO(word);
      CHECK((word.starts_with("houthi") || word.starts_with("ship")));
    }
  }
  const json impact = corpus.search_json({"--limit", "1", "impact:insurers"});
  REQUIRE(impact["hits"].size() == 1);
  CHECK_THAT(impact["hits"][0]["snippet"].get<std::string>(), Catch::Contains("insurers"));
}

TEST_CASE("colour only when asked or on a terminal", "[e2e][search]") {
  IndexedCorpus corpus;
  const auto coloured = corpus.search({"--color", "always", "houthi"});
  CHECK(coloured.out.find("\x1b[1;31m") != std::string::npos);  // the matched word
  CHECK(corpus.search({"--color", "never", "houthi"}).out.find('\x1b') == std::string::npos);
  CHECK(corpus.search({"houthi"}).out.find('\x1b') == std::string::npos);  // not a terminal
}

TEST_CASE("sorting by date, and paging keeps the order", "[e2e][search]") {
  IndexedCorpus corpus;
  const json newest = corpus.search_json({"--sort", "newest", "--limit", "100", "sanctions"});
  const json oldest = corpus.search_json({"--sort", "oldest", "--limit", "100", "sanctions"});
  REQUIRE(newest["hits"].size() > 3);
  for (std::size_t i = 1; i < newest["hits"].size(); ++i) {
    CHECK(newest["hits"][i - 1]["date"].get<std::string>() >=
          newest["hits"][i]["date"].get<std::string>());
    CHECK(oldest["hits"][i - 1]["date"].get<std::string>() <=
          oldest["hits"][i]["date"].get<std::string>());
  }
  const json second_page =
      corpus.search_json({"--sort", "newest", "--limit", "2", "--offset", "2", "sanctions"});
  CHECK(ids_of(second_page) ==
        std::vector<std::string>{newest["hits"][2]["id"], newest["hits"][3]["id"]});
  // Filters alone give no relevance, so they list the newest first.
  const json filtered = corpus.search_json({"--limit", "100", "region:africa"});
  REQUIRE(filtered["hits"].size() > 2);
  CHECK(filtered["hits"][0]["date"].get<std::string>() >=
        filtered["hits"][1]["date"].get<std::string>());
}

TEST_CASE("facets count every match, not only the page", "[e2e][search]") {
  IndexedCorpus corpus;
  const json output = corpus.search_json(
      {"--limit", "1", "--facet", "year", "--facet", "region", "--facet", "country", "sanctions"});
  const int total = output["total"];
  REQUIRE(total > 5);
  int by_year = 0;
  for (const json& entry : output["facets"]["year"]) {
    CHECK(std::regex_match(entry["value"].get<std::string>(), std::regex(R"(\d{4})")));
    by_year += entry["count"].get<int>();
  }
  CHECK(by_year == total);  // every sanctions brief is dated
  bool europe = false;
  for (const json& entry : output["facets"]["region"])
    europe = europe || entry["value"] == "Europe";
  CHECK(europe);
  REQUIRE_FALSE(output["facets"]["country"].empty());
  CHECK(output["facets"]["country"][0]["count"] >= output["facets"]["country"].back()["count"]);
  const json month = corpus.search_json({"--facet", "month", "date:2024-12"});
  REQUIRE(month["facets"]["month"].size() == 1);
  CHECK(month["facets"]["month"][0]["value"] == "2024-12");
  CHECK(month["facets"]["month"][0]["count"] == month["total"]);
  const auto text = corpus.search({"--facet", "tag", "election"});
  CHECK_THAT(text.out, Catch::Contains("\ntag\n"));
}

TEST_CASE("did you mean, only when nothing matched", "[e2e][search]") {
  IndexedCorpus corpus;
  const auto misspelled = corpus.search({"houthii"});
  CHECK(misspelled.exit_code == 1);
  CHECK(misspelled.out.empty());
  CHECK_THAT(misspelled.err, Catch::Contains("did you mean: houthi"));
  const json output = corpus.search_json({"shadw fleet"});
  CHECK(output["total"] == 0);
  CHECK(output["suggestion"] == "shadow fleet");
  CHECK(corpus.search_json({"houthi"})["suggestion"].is_null());
  CHECK(corpus.search_json({"qqqqzzzz"})["suggestion"].is_null());
}

TEST_CASE("similar briefs exclude the brief itself", "[e2e][search]") {
  IndexedCorpus corpus;
  const json output = corpus.search_json({"--like", kRedSea, "--limit", "5"});
  REQUIRE(output["hits"].size() == 5);
  for (const json& hit : output["hits"]) CHECK(hit["id"] != kRedSea);
  const json in_2025 = corpus.search_json({"--like", kRedSea, "--limit", "50", "date:2025"});
  for (const json& hit : in_2025["hits"]) CHECK(hit["date"].get<std::string>().starts_with("2025"));
  const auto unknown = corpus.search({"--like", "no/such/brief.txt"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("no brief has the id or path 'no/such/brief.txt'"));
}

TEST_CASE("batch mode answers one query per line with one JSON object", "[e2e][search]") {
  IndexedCorpus corpus;
  ProcessOptions options = isolated(corpus.home());
  options.input = "houthi\n(unbalanced\nqqqqzzzz\n\"Cape of Good Hope\"\n\n \t \n";
  const auto result = run_process(
      {kSearchBinary, "--db", corpus.database().string(), "--batch", "-n", "1"}, options);
  CHECK(result.exit_code == 2);  // one query was malformed
  std::istringstream lines(result.out);
  std::vector<json> answers;
  std::string line;
  while (std::getline(lines, line)) answers.push_back(json::parse(line));
  REQUIRE(answers.size() == 6);
  CHECK(answers[0]["query"] == "houthi");
  CHECK(answers[0]["hits"][0]["id"] == kRedSea);
  CHECK_THAT(answers[1]["error"].get<std::string>(), Catch::Contains("unbalanced '('"));
  CHECK(answers[2]["total"] == 0);
  CHECK(answers[3]["total"] == 1);
  // An empty line and a line of white space alike: a result with total 0, not an error.
  for (const std::size_t blank : {4, 5}) {
    CHECK(answers[blank]["total"] == 0);
    CHECK_FALSE(answers[blank].contains("error"));
  }

  options.input = "houthi\nsanctions\n";
  const auto clean =
      run_process({kSearchBinary, "--db", corpus.database().string(), "--batch"}, options);
  CHECK(clean.exit_code == 0);
  CHECK(corpus.search({"--batch", "houthi"}).exit_code == 2);  // queries come from stdin
}

TEST_CASE("explain shows the parsed query and the matched terms", "[e2e][search]") {
  IndexedCorpus corpus;
  const json output = corpus.search_json({"--explain", "--limit", "1", "title:houthi OR tarif*"});
  CHECK(output["parsed_query"] == "title:houthi OR tarif*");
  // A title word is matched through the title's forms of its stem.
  CHECK_THAT(output["xapian_query"].get<std::string>(), Catch::Contains("Shouthi"));
  REQUIRE(output["hits"].size() == 1);
  REQUIRE_FALSE(output["hits"][0]["matched_terms"].empty());
  const auto text = corpus.search({"--explain", "-n", "1", "houthi"});
  CHECK_THAT(text.out, Catch::Contains("parsed: houthi"));
  CHECK_THAT(text.out, Catch::Contains("matched: "));
}

TEST_CASE("the query --explain prints, pasted back, finds the same briefs", "[e2e][search]") {
  IndexedCorpus corpus;
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{
            "section:outlook Key_Judgements:ceasefire OR (title:iran -israel)"},
        std::vector<std::string>{"--any", "desc:sanctions lang:en tari*"},
        std::vector<std::string>{"\"red sea\" NEAR/8 shipping region:\"middle east\" date:2024.."},
        std::vector<std::string>{"--now", "2025-07-15", "ceasefire date:2y..yesterday"}}) {
    std::vector<std::string> explained = {"--explain", "--limit", "100"};
    explained.insert(explained.end(), command.begin(), command.end());
    const json first = corpus.search_json(explained);
    const std::string written = first["parsed_query"];
    INFO(command.back() << " was written as " << written);
    std::vector<std::string> again = {"--explain", "--limit", "100"};
    if (command.front() == "--now") again.insert(again.end(), {"--now", "2025-07-15"});
    again.push_back(written);
    const json second = corpus.search_json(again);
    CHECK(second["parsed_query"] == written);
    CHECK(second["total"] == first["total"]);
    CHECK(second["xapian_query"] == first["xapian_query"]);
    CHECK(second["hits"].size() == first["hits"].size());
  }
}

TEST_CASE("query limits are errors with exit code 2", "[e2e][search]") {
  IndexedCorpus corpus;
  const auto long_query = corpus.search({std::string(5000, 'a')});
  CHECK(long_query.exit_code == 2);
  CHECK_THAT(long_query.err, Catch::Contains("longer than the 4096-byte limit"));
  std::string many;
  for (int i = 0; i < 300; ++i) many += "w" + std::to_string(i) + " OR ";
  many += "end";
  const auto too_many = corpus.search({many});
  CHECK(too_many.exit_code == 2);
  CHECK_THAT(too_many.err, Catch::Contains("too many terms"));
  const auto date = corpus.search({"date:2025-02-30"});
  CHECK(date.exit_code == 2);
  CHECK_THAT(date.err, Catch::Contains("invalid date '2025-02-30'"));
  CHECK(corpus.search({"--now", "tomorrow", "houthi"}).exit_code == 2);
  CHECK(corpus.search({"--sort", "sideways", "houthi"}).exit_code == 2);
}

TEST_CASE("relative dates count from --now", "[e2e][search]") {
  IndexedCorpus corpus;
  const json recent = corpus.search_json({"--now", "2025-01-10", "--limit", "100", "date:30d.."});
  REQUIRE_FALSE(recent["hits"].empty());
  for (const json& hit : recent["hits"]) {
    CHECK(hit["date"].get<std::string>() >= "2024-12-11");
  }
  const json today = corpus.search_json({"--now", "2024-01-15", "date:today"});
  CHECK(ids_of(today) == std::vector<std::string>{kRedSea});
}

TEST_CASE("a search past --timeout ends with exit code 2", "[e2e][search]") {
  TemporaryFolder home;
  for (int i = 0; i < 2000; ++i) {
    const auto path = home / "briefs" / ("b" + std::to_string(i) + ".txt");
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << "Place " << i << ": Convoy Report\n\nBy March 3, 2024No Comments\n\n"
                        << "Description: Convoy " << i << " crossed the border near harbour "
                        << i % 97 << " while patrols watched.\n";
  }
  REQUIRE(
      brief_index(home, {"--db", (home / "db").string(), (home / "briefs").string()}).exit_code ==
      0);
  const auto result = brief_search(home, {"--db", (home / "db").string(), "--timeout", "0.000001",
                                          "--facet", "country", "--limit", "2000", "convoy"});
  CHECK(result.exit_code == 2);
  // The seconds as given, not "1e-06".
  CHECK_THAT(result.err,
             Catch::EndsWith("query 'convoy': timed out after 0.000001 s; narrow the query\n"));
  const auto unhurried =
      brief_search(home, {"--db", (home / "db").string(), "--timeout", "60", "convoy"});
  CHECK(unhurried.exit_code == 0);
}

TEST_CASE("document text never drives the terminal and JSON stays valid", "[e2e][search]") {
  TemporaryFolder home;
  const auto folder = home / "briefs";
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "hostile.txt", std::ios::binary)
      << "Hostile: Title \x1b]0;pwned\x07 With Escapes\n\nBy March 3, 2024No Comments\n\n"
      << "Description: Quokkas \x1b[2J cleared \xe2\x80\xae reversed \r carriage text.\n";
  REQUIRE(brief_index(home, {"--db", (home / "db").string(), folder.string()}).exit_code == 0);
  const auto text =
      brief_search(home, {"--db", (home / "db").string(), "--color", "always", "quokkas"});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("\x1b]") == std::string::npos);
  CHECK(text.out.find("\x1b[2J") == std::string::npos);
  CHECK(text.out.find('\r') == std::string::npos);
  CHECK(text.out.find("\xe2\x80\xae") == std::string::npos);
  CHECK_THAT(text.out, Catch::Contains("\\x1b]0;pwned\\x07"));
  const auto json_output =
      brief_search(home, {"--db", (home / "db").string(), "--format", "json", "quokkas"});
  const json parsed = json::parse(json_output.out);
  CHECK_THAT(parsed["hits"][0]["title"].get<std::string>(), Catch::Contains("\x1b]0;pwned\x07"));
  const auto paths =
      brief_search(home, {"--db", (home / "db").string(), "--format", "paths", "quokkas"});
  CHECK(paths.out == (folder / "hostile.txt").string() + "\n");
}

TEST_CASE("a wildcard past its expansion cap is a query error", "[e2e][search]") {
  TemporaryFolder home;
  std::string words;
  for (int i = 0; i < 1200; ++i) words += " zq" + std::to_string(10000 + i);
  std::filesystem::create_directories(home / "briefs");
  std::ofstream(home / "briefs" / "wild.txt")
      << "Wild: Card Test\n\nBy March 3, 2024No Comments\n\nDescription:" << words << ".\n";
  REQUIRE(
      brief_index(home, {"--db", (home / "db").string(), (home / "briefs").string()}).exit_code ==
      0);
  const auto result = brief_search(home, {"--db", (home / "db").string(), "wild zq*"});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("query 'wild zq*': a wildcard matches too many words"));
  CHECK_THAT(result.err, Catch::Contains("(column 6)"));
  CHECK(brief_search(home, {"--db", (home / "db").string(), "zq1000*"}).exit_code == 0);
}

TEST_CASE("an empty query is a usage error, however it is written", "[e2e][search]") {
  IndexedCorpus corpus;
  for (const std::string& query : {std::string(), std::string("   ")}) {
    const auto result = corpus.search({query});
    INFO("query '" << query << "'");
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("empty query"));
    CHECK(result.out.empty());
  }
  // With --like, the query may be empty: the brief's neighbours are the answer.
  CHECK(
      corpus.search({"--like", "corpus/europe/baltic-estlink-2-cable-damage.txt", ""}).exit_code ==
      0);
}

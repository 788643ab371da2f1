// Query understanding end to end on the sample corpus: years and months written as words,
// country names as synonyms, filters that restrict under --any, and what brief-search
// says and shows when no brief has every word (relaxation), on a terminal and to scripts.
#include <algorithm>
#include <set>

#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

std::string ascii_upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

const std::string kRedSea = "corpus/middle-east/red-sea-houthi-shipping-attacks.txt";
const std::string kTaiwanDrills = "corpus/indo-pacific/taiwan-strait-drills-2024.txt";

std::set<std::string> ids_of(const json& output) {
  std::set<std::string> ids;
  for (const json& hit : output["hits"]) ids.insert(hit["id"].get<std::string>());
  return ids;
}

// A shared indexed corpus: every test here only reads it.
const IndexedCorpus& corpus() {
  static const IndexedCorpus indexed;
  return indexed;
}

ProcessResult search_on_terminal(std::vector<std::string> arguments) {
  return corpus().search_on_terminal(std::move(arguments));
}

}  // namespace

TEST_CASE("a year written as a word also matches the brief's date", "[e2e][understanding]") {
  // The Red Sea brief is dated 2024-01-15 and its text never says "2024".
  const json year = corpus().search_json({"houthi 2024"});
  CHECK(ids_of(year) == std::set<std::string>{kRedSea});
  CHECK(ids_of(corpus().search_json({"houthi attacks shipping 2024"})).contains(kRedSea));
  CHECK(corpus().search_json({"houthi 2023"})["total"] == 0);
  CHECK(ids_of(corpus().search_json({"houthi 2024-01"})) == std::set<std::string>{kRedSea});
  CHECK(ids_of(corpus().search_json({"houthi january 2024"})) == std::set<std::string>{kRedSea});
  CHECK(corpus().search_json({"houthi february 2024"})["total"] == 0);
  // Quoted, it is the word only; negated, the date goes too.
  CHECK(corpus().search_json({"houthi \"2024\""})["total"] == 0);
  CHECK(corpus().search_json({"houthi -2024"})["total"] == 0);
  // --explain says so.
  const json explained = corpus().search_json({"--explain", "houthi 2024"});
  CHECK(explained["meanings"] == json::array({"2024: also briefs dated 2024-01-01..2024-12-31"}));
  const ProcessResult text = corpus().search({"--explain", "houthi", "2024"});
  CHECK_THAT(text.out, Catch::Contains("meaning: 2024: also briefs dated 2024-01-01..2024-12-31"));
}

TEST_CASE("briefs dated in the year or month a query names rank above mere mentions",
          "[e2e][understanding]") {
  // corpus/ has elections dated 2024 and 2025, and briefs of one year that mention the
  // other ("the 2025 budget" in a brief of December 2024). Each query is tried in both
  // directions, and with a month: the first hits are dated in the period.
  const auto first_dates = [](const std::string& query, std::size_t count) {
    const json output = corpus().search_json({"-n", std::to_string(count), query});
    std::vector<std::string> dates;
    for (const json& hit : output["hits"]) dates.push_back(hit["date"].get<std::string>());
    return dates;
  };
  for (const auto& [query, period] : std::vector<std::pair<std::string, std::string>>{
           {"election 2025", "2025"},
           {"election 2024", "2024"},
           {"elections 2024", "2024"},
           {"2025 election", "2025"},
           {"election december 2024", "2024-12"},
           {"sanctions 2025", "2025"},
           {"tariffs 2025", "2025"},
       }) {
    INFO(query);
    const std::vector<std::string> dates = first_dates(query, 3);
    REQUIRE(dates.size() == 3);
    for (const std::string& date : dates) CHECK(date.starts_with(period));
  }
}

TEST_CASE("a month's abbreviation beside a year also matches the month spelled out",
          "[e2e][understanding]") {
  // The Iran ceasefire brief (June 2025) and the DRC brief (July 2025) that says "June".
  for (const auto& [short_form, long_form] : std::vector<std::pair<std::string, std::string>>{
           {"ceasefire jun 2025", "ceasefire june 2025"},
           {"ceasefire Jun. 2025", "ceasefire june 2025"},
           {"election nov 2024", "election november 2024"},
           {"election dec 2024", "election december 2024"},
           {"2024 sept protests", "2024 september protests"},
       }) {
    INFO(short_form);
    const json abbreviated = corpus().search_json({short_form});
    CHECK(abbreviated["total"] == corpus().search_json({long_form})["total"]);
    CHECK(ids_of(abbreviated) == ids_of(corpus().search_json({long_form})));
  }
  const json explained = corpus().search_json({"--explain", "ceasefire jun 2025"});
  CHECK(explained["meanings"][0] == "jun: also 'june' and briefs dated 2025-06-01..2025-06-30");
}

TEST_CASE("a country's name, adjective or short form matches its other names",
          "[e2e][understanding]") {
  // The brief says "Venezuelan", never "Venezuela".
  const std::set<std::string> deportations =
      ids_of(corpus().search_json({"deportations venezuela"}));
  CHECK(deportations.size() == 1);
  CHECK(deportations == ids_of(corpus().search_json({"deportations venezuelan"})));
  // A noun and its adjective find the same briefs.
  const std::set<std::string> russia = ids_of(corpus().search_json({"russia oil"}));
  CHECK(russia.size() == 3);
  CHECK(russia == ids_of(corpus().search_json({"russian oil"})));
  CHECK(ids_of(corpus().search_json({"\"russia\" oil"})).size() == 2);
  CHECK(ids_of(corpus().search_json({"-n", "100", "PRC"})) ==
        ids_of(corpus().search_json({"-n", "100", "china"})));
  // The word as written ranks first: the brief titled "Russia: ..." leads for "russia oil".
  const json ranked = corpus().search_json({"russia oil"});
  CHECK(ranked["hits"][0]["title"].get<std::string>().starts_with("Russia:"));
  // --explain names the country and its other names.
  const json explained = corpus().search_json({"--explain", "venezuela"});
  REQUIRE(explained["meanings"].size() == 1);
  CHECK_THAT(explained["meanings"][0].get<std::string>(), Catch::StartsWith("venezuela: also ") &&
                                                              Catch::Contains("venezuelan") &&
                                                              Catch::EndsWith("(country VE)"));
}

TEST_CASE("under --any, words side by side that name a country add its other names",
          "[e2e][understanding]") {
  for (const auto& [words, code] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"--any", "north", "korea"}, "kp"},
           {{"--any", "united", "states", "tariffs"}, "us"},
           {{"--any", "sanctions", "south", "korea"}, "kr"},
       }) {
    std::vector<std::string> arguments = words;
    arguments.insert(arguments.begin(), "--explain");
    const json explained = corpus().search_json(arguments);
    INFO(explained["parsed_query"]);
    CHECK(explained["xapian_query"].get<std::string>().find("XM" + code) != std::string::npos);
    REQUIRE(explained["meanings"].size() == 1);
    CHECK_THAT(explained["meanings"][0].get<std::string>(),
               Catch::EndsWith("(country " + ascii_upper(code) + ")"));
  }
  // Written with OR, the words stay words.
  const json written = corpus().search_json({"--explain", "north OR korea"});
  CHECK(written["xapian_query"].get<std::string>().find("XMkp") == std::string::npos);
}

TEST_CASE("filters and dates restrict under --any", "[e2e][understanding]") {
  const json any =
      corpus().search_json({"--any", "-n", "100", "sanctions russian oil date:2023.."});
  REQUIRE(any["total"] > 0);
  for (const json& hit : any["hits"]) CHECK(hit["date"].get<std::string>() >= "2023-01-01");
  const json grouped =
      corpus().search_json({"--any", "-n", "100", "houthi shipping (country:ye OR country:ir)"});
  const json without = corpus().search_json({"--any", "-n", "100", "houthi shipping"});
  CHECK(grouped["total"] < without["total"]);
  const json explained = corpus().search_json({"--any", "--explain", "a b date:2023.."});
  CHECK(explained["parsed_query"] == "(a OR b) AND date:2023-01-01..");
}

TEST_CASE("scripts see no relaxed search unless they ask for one", "[e2e][understanding]") {
  // The brief on the drills never says "military".
  const ProcessResult piped = corpus().search({"china", "taiwan", "military", "drills"});
  CHECK(piped.exit_code == 1);
  CHECK(piped.out.empty());
  CHECK(piped.err.empty());
  const json plain = corpus().search_json({"china taiwan military drills"});
  CHECK(plain["total"] == 0);
  CHECK(plain["relaxed"].is_null());

  const ProcessResult asked =
      corpus().search({"--relax", "--format", "json", "china taiwan military drills"});
  CHECK(asked.exit_code == 0);
  const json relaxed = json::parse(asked.out);
  CHECK(relaxed["relaxed"]["minimum_should_match"] == 3);
  CHECK(relaxed["relaxed"]["words"] == json::array({"china", "taiwan", "military", "drills"}));
  CHECK(relaxed["relaxed"]["unmatched_words"] == json::array());
  CHECK(ids_of(relaxed).contains(kTaiwanDrills));
  CHECK(relaxed["hits"][0]["id"] == kTaiwanDrills);

  // --batch relaxes a line only when asked, and says so on that line.
  ProcessOptions batch = isolated(corpus().home());
  batch.input = "china taiwan military drills\nhouthi\n";
  std::vector<std::string> command = {kSearchBinary, "--db", corpus().database().string(),
                                      "--batch"};
  for (const bool relax : {false, true}) {
    if (relax) command.push_back("--relax");
    const ProcessResult lines = run_process(command, batch);
    CHECK(lines.exit_code == 0);
    const std::size_t end = lines.out.find('\n');
    REQUIRE(end != std::string::npos);
    const json answer = json::parse(lines.out.substr(0, end));
    CHECK(answer["relaxed"].is_null() == !relax);
    CHECK((answer["total"] > 0) == relax);
    CHECK(json::parse(lines.out.substr(end + 1))["relaxed"].is_null());
  }

  const ProcessResult text =
      corpus().search({"--relax", "-n", "1", "china taiwan military drills"});
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::StartsWith("No brief matches all 4 words; these match 3 of them:"));
  CHECK_THAT(text.err, Catch::Contains("no brief matches all 4 words"));
}

TEST_CASE("a relaxed search names the words that match nothing and what to try",
          "[e2e][understanding]") {
  const ProcessResult cable = corpus().search({"--relax", "undersea", "cable", "sabotage"});
  CHECK(cable.exit_code == 0);
  CHECK_THAT(cable.err, Catch::Contains("'undersea' matches no brief at all"));
  const json words =
      json::parse(corpus().search({"--relax", "--format", "json", "undersea cable sabotage"}).out);
  CHECK(words["relaxed"]["unmatched_words"] == json::array({"undersea"}));
  CHECK(words["relaxed"]["minimum_should_match"] == 1);
  CHECK(words["relaxed"]["without_unmatched"].is_null());  // cable AND sabotage: none

  const json tryable = json::parse(
      corpus().search({"--relax", "--format", "json", "houthi shipping xylophone"}).out);
  CHECK(tryable["relaxed"]["without_unmatched"] == "houthi shipping");
  CHECK(ids_of(tryable) == std::set<std::string>{kRedSea});

  // Every word but none within the dates: the filters are named, and never dropped.
  const json dated = json::parse(
      corpus()
          .search({"--relax", "--format", "json", "-n", "100", "houthi shipping date:2025"})
          .out);
  CHECK(dated["relaxed"]["filters_exclude_all"] == true);
  for (const json& hit : dated["hits"]) CHECK(hit["date"].get<std::string>().starts_with("2025"));
  const ProcessResult one = corpus().search({"--relax", "houthi date:2025"});
  CHECK(one.exit_code == 1);
  CHECK(one.err == "brief-search: no brief matches 'houthi' together with 'date:2025'\n");
}

TEST_CASE("on a terminal a query with no full match shows a labelled relaxed search",
          "[e2e][understanding]") {
  const ProcessResult shown = search_on_terminal({"-n", "1", "china taiwan military drills"});
  CHECK(shown.exit_code == 1);  // nothing matched the query as written
  CHECK_THAT(shown.out, Catch::Contains("No brief matches all 4 words; these match 3 of them:"));
  CHECK_THAT(shown.out, Catch::Contains(kTaiwanDrills.substr(kTaiwanDrills.rfind('/') + 1)));
  CHECK_THAT(shown.err, Catch::StartsWith("brief-search: no brief matches all 4 words") &&
                            Catch::Contains("showing briefs that match 3 of the 4 words"));

  const ProcessResult off = search_on_terminal({"--no-relax", "china taiwan military drills"});
  CHECK(off.exit_code == 1);
  CHECK(off.out.empty());
  CHECK(off.err.empty());  // stderr is a file here: only a terminal hears "no briefs match"

  const ProcessResult found = search_on_terminal({"-n", "1", "houthi shipping"});
  CHECK(found.exit_code == 0);
  CHECK_THAT(found.out, !Catch::Contains("No brief matches"));
  CHECK(found.err.empty());
}

TEST_CASE("like finds similar briefs when the brief is alone in its database",
          "[e2e][understanding]") {
  // A brief alone in one of several databases: Xapian's expansion weighs its words within
  // that database only, and chose none.
  TemporaryFolder folder;
  std::filesystem::create_directories(folder / "one");
  std::filesystem::copy_file(kCorpus / "europe" / "baltic-estlink-2-cable-damage.txt",
                             folder / "one" / "baltic.txt");
  const std::string single = (folder / "single.db").string();
  REQUIRE(brief_index(corpus().home(), {"--db", single, (folder / "one").string()}).exit_code == 0);
  const ProcessResult similar =
      brief_search(corpus().home(), {"--db", corpus().database().string(), "--db", single,
                                     "--format", "json", "--like", "one/baltic.txt"});
  INFO(similar.err);
  REQUIRE(similar.exit_code == 0);
  const json answer = json::parse(similar.out);
  CHECK(answer["total"] > 10);
  // The copy in the corpus database has every word of it: the most similar.
  CHECK(answer["hits"][0]["id"] == "corpus/europe/baltic-estlink-2-cable-damage.txt");
}

TEST_CASE("text to a pipe with stderr on a terminal says what would work", "[e2e][understanding]") {
  const auto search = [&](const std::string& query) {
    return corpus().search_on_terminal({query}, TerminalStream::kStderr);
  };
  const ProcessResult piped = search("undersea cable sabotage");
  CHECK(piped.exit_code == 1);
  CHECK(piped.out.empty());  // a pipe gets no relaxed search
  CHECK(piped.err ==
        "brief-search: no brief matches all 3 words; 'undersea' matches no brief at all; "
        "briefs match 1 of the 3 words (--relax shows them)\n");
  const ProcessResult tryable = search("houthi shipping xylophone");
  CHECK_THAT(tryable.err, Catch::EndsWith("; try: houthi shipping\n"));
  const ProcessResult single = search("xylophone");
  CHECK(single.err == "brief-search: no brief matches 'xylophone'\n");
}

TEST_CASE("a section no brief has and none is known to use is an error naming the sections",
          "[e2e][understanding]") {
  for (const auto& [query, suggestion] : std::vector<std::pair<std::string, std::string>>{
           {"section:outlok", "did you mean outlook?"},
           {"section:impakt houthi", "did you mean impact?"},
           {"houthi -section:Backgroud", "did you mean background?"},
           {"section:zzzz", "'zzzz'. The briefs' sections are "},
       }) {
    INFO(query);
    const ProcessResult result = corpus().search({query});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("query '" + query + "': no brief has a section") &&
                               Catch::Contains(suggestion) &&
                               Catch::Contains("assessment, background, description, impact, "
                                               "key-judgments, outlook"));
  }
  // A section briefs are known to use, absent from this corpus, only matches nothing.
  CHECK(corpus().search({"section:summary"}).exit_code == 1);
  CHECK(corpus().search({"section:outlook", "sanctions"}).exit_code == 0);
}

TEST_CASE("snippets mark the other names and spelled-out months a query word matched",
          "[e2e][understanding]") {
  const auto marked_words = [](const json& output) {
    std::set<std::string> words;
    for (const json& hit : output["hits"]) {
      const std::string snippet = hit["snippet"];
      for (const json& range : hit["highlights"]) {
        words.insert(snippet.substr(range[0].get<std::size_t>(),
                                    range[1].get<std::size_t>() - range[0].get<std::size_t>()));
      }
    }
    return words;
  };
  // Neither brief says "DPRK"; both say "North Korea".
  const std::set<std::string> dprk = marked_words(corpus().search_json({"dprk"}));
  CHECK(dprk.contains("North"));
  CHECK(dprk.contains("Korea"));
  CHECK(marked_words(corpus().search_json({"deportations venezuela"})).contains("Venezuelan"));
  CHECK(marked_words(corpus().search_json({"-n", "1", "ceasefire jun 2025"})).contains("June"));
  CHECK(marked_words(corpus().search_json({"--any", "north korea"})).contains("Korea"));
}

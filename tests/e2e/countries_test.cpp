// Countries end to end on the sample corpus (issue 11): country: and region: by what a
// brief is about, mentions: and mentions-region: by what it names, their facets with
// names, --facet-limit, unknown country and region values as query errors, and names that
// are also a person's or a US state's (tests/fixtures/ambiguous-names).
#include <algorithm>
#include <map>
#include <set>

#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

using Ids = std::set<std::string>;

Ids ids_of(const json& output) {
  Ids ids;
  for (const json& hit : output["hits"]) ids.insert(hit["id"].get<std::string>());
  return ids;
}

// The ids of the corpus briefs filed in one folder of corpus/.
Ids briefs_in(const std::string& folder) {
  Ids ids;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus / folder)) {
    ids.insert("corpus/" + folder + "/" + entry.path().filename().string());
  }
  return ids;
}

// value -> count of one facet of a JSON answer.
std::map<std::string, int> facet_of(const json& output, const std::string& facet) {
  std::map<std::string, int> counts;
  for (const json& entry : output["facets"][facet]) counts[entry["value"]] = entry["count"];
  return counts;
}

const std::string kLebanon = "corpus/middle-east/lebanon-israel-hezbollah-ceasefire.txt";
const std::string kIran = "corpus/middle-east/iran-israel-twelve-day-war-ceasefire.txt";
const std::string kGaza = "corpus/middle-east/gaza-ceasefire-and-hostage-release-deal.txt";

}  // namespace

TEST_CASE("region: and country: hold the briefs about them, mentions: every naming",
          "[e2e][countries]") {
  IndexedCorpus corpus;
  const Ids americas = ids_of(corpus.search_json({"-n", "100", "region:americas"}));
  const Ids filed_in_americas = briefs_in("americas");
  REQUIRE(filed_in_americas.size() == 11);
  CHECK(std::includes(americas.begin(), americas.end(), filed_in_americas.begin(),
                      filed_in_americas.end()));
  const Ids named_in_americas =
      ids_of(corpus.search_json({"-n", "100", "mentions-region:americas"}));
  CHECK(americas.size() < 20);
  CHECK(named_in_americas.size() >= 30);  // 34 of 51 briefs name a country of the Americas
  CHECK(std::includes(named_in_americas.begin(), named_in_americas.end(), americas.begin(),
                      americas.end()));

  // The ceasefires of the Middle East name the US as a broker: mentions, not subjects.
  const Ids ceasefire_americas = ids_of(corpus.search_json({"ceasefire region:americas"}));
  for (const std::string& id : {kLebanon, kIran, kGaza}) {
    INFO(id);
    CHECK(ceasefire_americas.count(id) == 0);
    CHECK(ids_of(corpus.search_json({"ceasefire mentions-region:americas"})).count(id) == 1);
    CHECK(ids_of(corpus.search_json({"ceasefire region:\"middle east\""})).count(id) == 1);
  }
  CHECK(ids_of(corpus.search_json({"-n", "100", "country:us"})).size() <
        ids_of(corpus.search_json({"-n", "100", "mentions:us"})).size());
  const Ids lebanon = ids_of(corpus.search_json({"country:lebanon"}));
  CHECK(lebanon.count(kLebanon) == 1);
  CHECK(lebanon.count(kIran) == 0);
  CHECK(ids_of(corpus.search_json({"mentions:lebanon"})).count(kLebanon) == 1);
  // Somaliland has no ISO code: it is filed under Somalia.
  const Ids somaliland = ids_of(corpus.search_json({"country:somaliland"}));
  CHECK(somaliland == ids_of(corpus.search_json({"country:SO"})));
  CHECK(somaliland.count("corpus/africa/ethiopia-somaliland-port-deal-angers-somalia.txt") == 1);
  // Transnistria is filed under Moldova.
  const Ids transnistria = ids_of(corpus.search_json({"mentions:transnistria"}));
  CHECK(transnistria == ids_of(corpus.search_json({"mentions:moldova"})));
  CHECK(transnistria.count("pipeline-0001") == 1);
}

TEST_CASE("the country and region facets count subjects, the mentions facets mentions",
          "[e2e][countries]") {
  IndexedCorpus corpus;
  const json output =
      corpus.search_json({"-n", "1", "--facet", "region", "--facet", "mentions-region", "--facet",
                          "country", "--facet", "mentions", "ceasefire"});
  CHECK(output["total"] == 6);
  const auto regions = facet_of(output, "region");
  CHECK(regions.count("Americas") == 0);
  CHECK(regions.at("Middle East") == 3);
  CHECK(facet_of(output, "mentions-region").at("Americas") == 6);
  CHECK(facet_of(output, "country").count("US") == 0);
  CHECK(facet_of(output, "mentions").at("US") == 6);
  // JSON keeps the code as the value and adds the name.
  for (const json& entry : output["facets"]["country"]) {
    if (entry["value"] == "IL") CHECK(entry["name"] == "Israel");
  }
  for (const json& entry : output["facets"]["region"]) CHECK_FALSE(entry.contains("name"));
}

TEST_CASE("facets show names beside codes, and --facet-limit shows more or fewer",
          "[e2e][countries]") {
  IndexedCorpus corpus;
  const auto text = corpus.search({"-n", "1", "--facet", "mentions", "sanctions"});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains(" US United States\n"));
  CHECK_THAT(text.out, Catch::Contains(" more; --facet-limit 0 shows all)"));
  const auto all =
      corpus.search({"-n", "1", "--facet", "mentions", "--facet-limit", "0", "sanctions"});
  CHECK_THAT(all.out, !Catch::Contains("more;"));
  const auto two =
      corpus.search({"-n", "1", "--facet", "mentions", "--facet-limit", "2", "sanctions"});
  CHECK_THAT(two.out, Catch::Contains(" more; --facet-limit 0 shows all)"));
  const auto lines = [](const std::string& out) {
    return std::count(out.begin(), out.end(), '\n');
  };
  CHECK(lines(two.out) + 8 == lines(text.out));  // 2 values where 10 were shown
  CHECK(lines(text.out) + 5 < lines(all.out));   // all of more than 15
  const json json_all = corpus.search_json({"--facet", "mentions", "sanctions"});
  const json json_two =
      corpus.search_json({"--facet", "mentions", "--facet-limit", "2", "sanctions"});
  CHECK(json_all["facets"]["mentions"].size() > 10);  // JSON carries every value by default
  CHECK(json_two["facets"]["mentions"].size() == 2);
  CHECK(corpus.search({"--facet", "mentions", "--facet-limit", "-1", "sanctions"}).exit_code == 2);
}

TEST_CASE("an unknown country or region is a query error", "[e2e][countries]") {
  IndexedCorpus corpus;
  struct Case {
    std::string query;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"region:narnia",
            "query 'region:narnia': unknown region 'narnia'; regions are Indo-Pacific, Europe, "
            "Middle East, Africa, Americas (column 8)"},
           {"region:mideast",
            "query 'region:mideast': unknown region 'mideast'; regions are Indo-Pacific, Europe, "
            "Middle East, Africa, Americas; Mideast lies in the region Middle East: write "
            "region:middle-east (column 8)"},
           {"ceasefire mentions-region:mideast", "unknown region 'mideast'"},
           {"region:asia",
            "Asia spans the regions Indo-Pacific, Middle East and Europe: write "
            "region:indo-pacific, region:middle-east or region:europe (column 8)"},
           {"region:latam", "LatAm lies in the region Americas: write region:americas"},
           {"region:eu", "European Union lies in the region Europe: write region:europe"},
           {"region:europa", "; did you mean region:europe? (column 8)"},
           {"country:balkans",
            "query 'country:balkans': 'balkans' is an area, not a country: Albania (AL), Bosnia "
            "& Herzegovina (BA), Bulgaria (BG), Croatia (HR), Greece (GR), Kosovo (XK), "
            "Montenegro (ME), North Macedonia (MK), Romania (RO), Serbia (RS) and Slovenia (SI), "
            "all in the region Europe; write region:europe, or join countries with OR "
            "(country:AL OR country:BA) (column 9)"},
           {"country:asia", "its 51 countries are in the regions Indo-Pacific, Middle East and"},
           {"country:rusia", "unknown country 'rusia'; did you mean Russia (RU)? (column 9)"},
           {"country:persya", "did you mean Persia (IR)?"},
           {"country:narnia", "query 'country:narnia': unknown country 'narnia'"},
           {"country:isreal", "did you mean Israel (IL)? (column 9)"},
           {"mentions:\"untied states\"", "did you mean United States (US)?"},
           {"country:kashmir", "'kashmir' is a place that is no one country"},
           {"houthi OR country:atlantis", "unknown country 'atlantis'"},
           {"-country:atlantis houthi", "unknown country 'atlantis'"},
       }) {
    INFO(c.query);
    const ProcessResult result = corpus.search({"--", c.query});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(c.message));
    CHECK(result.out.empty());
  }
  // In a batch, the line gets an error object and the batch goes on.
  ProcessOptions options = isolated(corpus.home());
  options.input = "region:mideast\nregion:europe\n";
  const ProcessResult batch = run_process(
      {kSearchBinary, "--db", corpus.database().string(), "--batch", "-n", "1"}, options);
  CHECK(batch.exit_code == 2);
  CHECK_THAT(batch.out, Catch::Contains("unknown region 'mideast'"));
  CHECK_THAT(batch.out, Catch::Contains("\"total\":"));
}

TEST_CASE("suggestions name no far or unlike country", "[e2e][countries]") {
  IndexedCorpus corpus;
  const std::map<std::string, std::string> far_names = {
      {"country:rusia", "USA (US)"}, {"country:balkans", "Malians"}, {"country:persya", "Serbia"}};
  for (const auto& [query, far] : far_names) {
    INFO(query);
    const ProcessResult result = corpus.search({"--", query});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, !Catch::Contains(far));
  }
  // A former name and a place within a country are filter values.
  CHECK(ids_of(corpus.search_json({"country:persia"})) ==
        ids_of(corpus.search_json({"country:ir"})));
  CHECK(ids_of(corpus.search_json({"-n", "100", "country:texas"})) ==
        ids_of(corpus.search_json({"-n", "100", "country:us"})));
}

TEST_CASE("a brief's subjects leave out the countries of its background", "[e2e][countries]") {
  IndexedCorpus corpus;
  const std::string vietnam = "corpus/indo-pacific/vietnam-us-tariff-framework-2025.txt";
  const std::string china = "corpus/indo-pacific/china-rare-earth-export-controls-2025.txt";
  const std::string red_sea = "corpus/middle-east/red-sea-houthi-shipping-attacks.txt";
  const std::string captagon = "corpus/middle-east/syria-captagon-trade-after-assad.txt";
  // China is named three times in the Vietnam brief's Impact section only.
  CHECK(ids_of(corpus.search_json({"-n", "100", "country:cn"})).count(vietnam) == 0);
  CHECK(ids_of(corpus.search_json({"-n", "100", "mentions:cn"})).count(vietnam) == 1);
  CHECK(ids_of(corpus.search_json({"-n", "100", "country:vn"})).count(vietnam) == 1);
  // So "chinese tariffs" ranks the China brief first, as "china tariffs" does.
  for (const char* query : {"chinese tariffs", "china tariffs"}) {
    INFO(query);
    const json found = corpus.search_json({query});
    REQUIRE_FALSE(found["hits"].empty());
    CHECK(found["hits"][0]["id"] == china);
  }
  // The Red Sea brief opens with Yemen's Houthis; Israel and Gaza are their pretext.
  for (const char* query : {"country:ps", "country:il"}) {
    INFO(query);
    CHECK(ids_of(corpus.search_json({"-n", "100", query})).count(red_sea) == 0);
  }
  CHECK(ids_of(corpus.search_json({"country:ye"})).count(red_sea) == 1);
  // Jordan and Lebanon are routes listed with Iraq in the captagon brief.
  for (const char* query : {"country:jo", "country:lb"}) {
    INFO(query);
    CHECK(ids_of(corpus.search_json({"-n", "100", query})).count(captagon) == 0);
    CHECK(ids_of(corpus.search_json({"-n", "100", std::string("mentions:") + (query + 8)}))
              .count(captagon) == 1);
  }
}

TEST_CASE("a country's other names leave out the places within it", "[e2e][countries]") {
  IndexedCorpus corpus;
  const ProcessResult american = corpus.search({"--explain", "american"});
  REQUIRE(american.exit_code == 0);
  CHECK_THAT(american.out, Catch::Contains("american: also america, u.s, u.s.a, united states"));
  for (const char* place : {"new mexico", "new jersey", "new england", "texas"}) {
    CHECK_THAT(american.out, !Catch::Contains(place));
  }
  for (const char* query : {"new mexico", "indian ocean", "scotland", "somaliland"}) {
    INFO(query);
    const ProcessResult explained = corpus.search({"--explain", query});
    CHECK(explained.exit_code <= 1);
    CHECK_THAT(explained.out, !Catch::Contains("meaning:"));
  }
  const ProcessResult british = corpus.search({"--explain", "british"});
  CHECK_THAT(british.out, Catch::Contains("(country GB)"));
  CHECK_THAT(british.out, !Catch::Contains("england"));
}

TEST_CASE("names that are also a person's or a US state's are read by their context",
          "[e2e][countries]") {
  IndexedCorpus briefs(kFixtures / "ambiguous-names");
  const std::string state = "ambiguous-names/georgia-state-election-law.md";
  const std::string country = "ambiguous-names/georgia-country-protests.md";
  const std::string drummer = "ambiguous-names/drummer-chad-smith-tour.md";
  const std::string player = "ambiguous-names/basketball-michael-jordan-team.md";
  CHECK(ids_of(briefs.search_json({"country:georgia"})) == Ids{country});
  CHECK(ids_of(briefs.search_json({"mentions:ge"})) == Ids{country});
  CHECK(ids_of(briefs.search_json({"country:us"})) == Ids{state});
  CHECK(ids_of(briefs.search_json({"region:europe"})) == Ids{country});
  CHECK(ids_of(briefs.search_json({"region:americas"})) == Ids{state});
  for (const char* query : {"mentions:td", "mentions:jo", "country:chad", "country:jordan"}) {
    INFO(query);
    CHECK(ids_of(briefs.search_json({query})).empty());
  }
  // The words themselves are still found.
  CHECK(ids_of(briefs.search_json({"chad"})) == Ids{drummer});
  CHECK(ids_of(briefs.search_json({"jordan"})) == Ids{player});
  const json facets = briefs.search_json({"--facet", "mentions", "georgia OR chad OR jordan"});
  CHECK(facet_of(facets, "mentions") ==
        std::map<std::string, int>{{"GE", 1}, {"RU", 1}, {"US", 1}});
}

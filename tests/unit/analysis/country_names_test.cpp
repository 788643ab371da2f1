// The gazetteer's names: what is a name of a country and what only a place within one,
// former names, areas, and the names suggested for a misspelt one.
#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/analysis/countries.h"

namespace briefsearch {
namespace {

using Words = std::vector<std::string>;

const CountryGazetteer& gazetteer() { return CountryGazetteer::instance(); }

Words words_of(const std::string& key) {
  std::istringstream stream(key);
  Words words;
  for (std::string word; stream >> word;) words.push_back(word);
  return words;
}

bool contains_phrase(const Words& name, const Words& phrase) {
  if (phrase.empty() || phrase.size() > name.size()) return false;
  for (std::size_t i = 0; i + phrase.size() <= name.size(); ++i) {
    if (std::equal(phrase.begin(), phrase.end(), name.begin() + static_cast<std::ptrdiff_t>(i))) {
      return true;
    }
  }
  return false;
}

// The fifty states, independently of data/country-aliases.tsv.
const std::vector<std::string> kUsStates = {
    "Alabama",       "Alaska",      "Arizona",        "Arkansas",      "California",
    "Colorado",      "Connecticut", "Delaware",       "Florida",       "Georgia",
    "Hawaii",        "Idaho",       "Illinois",       "Indiana",       "Iowa",
    "Kansas",        "Kentucky",    "Louisiana",      "Maine",         "Maryland",
    "Massachusetts", "Michigan",    "Minnesota",      "Mississippi",   "Missouri",
    "Montana",       "Nebraska",    "Nevada",         "New Hampshire", "New Jersey",
    "New Mexico",    "New York",    "North Carolina", "North Dakota",  "Ohio",
    "Oklahoma",      "Oregon",      "Pennsylvania",   "Rhode Island",  "South Carolina",
    "South Dakota",  "Tennessee",   "Texas",          "Utah",          "Vermont",
    "Virginia",      "Washington",  "West Virginia",  "Wisconsin",     "Wyoming"};

TEST_CASE("no other name of a country names another country or a place in one",
          "[countries][names]") {
  // Names of countries that do hold another's, reviewed: territories named for their
  // sovereign or their neighbour, and countries named apart from a neighbour. A place
  // named after a country (New Mexico, New South Wales) is a place, never a name.
  const std::set<std::pair<std::string, std::string>> compounds = {
      {"AS", "US"}, {"AS", "WS"}, {"BQ", "NL"}, {"CD", "CG"}, {"CG", "CD"}, {"GB", "IE"},
      {"GF", "FR"}, {"PF", "FR"}, {"TF", "FR"}, {"GQ", "GN"}, {"GS", "GE"}, {"GW", "GN"},
      {"IO", "GB"}, {"IO", "IN"}, {"KP", "KR"}, {"PG", "GN"}, {"SS", "SD"}, {"TC", "TR"},
      {"TW", "CN"}, {"UM", "US"}, {"VG", "GB"}, {"VI", "US"}};
  std::vector<CountryGazetteer::NameKey> names;
  std::vector<CountryGazetteer::NameKey> phrases;  // names and places, each of one country
  for (const auto& key : gazetteer().name_keys()) {
    if (key.code.empty()) continue;
    phrases.push_back(key);
    if (key.is_name) names.push_back(key);
  }
  REQUIRE(names.size() > 500);
  std::set<std::pair<std::string, std::string>> compounds_met;
  for (const auto& name : names) {
    for (const auto& phrase : phrases) {
      if (phrase.code == name.code || !contains_phrase(words_of(name.key), words_of(phrase.key))) {
        continue;
      }
      INFO("'" << name.key << "' (" << name.code << ") holds '" << phrase.key << "' ("
               << phrase.code << ")");
      CHECK(compounds.contains({name.code, phrase.code}));
      compounds_met.insert({name.code, phrase.code});
    }
  }
  CHECK(compounds_met == compounds);  // each exception is still needed
}

TEST_CASE("no name of a country is or holds a US state's, Georgia aside", "[countries][names]") {
  for (const auto& key : gazetteer().name_keys()) {
    if (!key.is_name || key.code == "GE" || key.code == "GS") continue;
    for (const std::string& state : kUsStates) {
      Analyser analyser;
      INFO(key.key << " (" << key.code << "), " << state);
      CHECK_FALSE(contains_phrase(words_of(key.key), words_of(CountryGazetteer::name_key(
                                                         analyser.analyse_without_stems(state)))));
    }
  }
  CHECK(gazetteer().code_for("Georgia") == "GE");
}

TEST_CASE("a place within a country is filed under it but is none of its names",
          "[countries][names]") {
  struct Case {
    std::string place;
    std::string code;
  };
  const auto [place, code] = GENERATE(values<Case>({
      {"New Mexico", "US"},
      {"new jersey", "US"},
      {"New England", "US"},
      {"Texas", "US"},
      {"West Virginia", "US"},
      {"England", "GB"},
      {"Scotland", "GB"},
      {"Northern Ireland", "GB"},
      {"New South Wales", "AU"},
      {"British Columbia", "CA"},
      {"Niger Delta", "NG"},
      {"Somaliland", "SO"},
      {"Crimea", "UA"},
      {"Gaza", "PS"},
      {"West Bank", "PS"},
      {"Canary Islands", "ES"},
  }));
  INFO(place);
  CHECK(gazetteer().code_for(place) == code);
  CHECK_FALSE(gazetteer().code_named(place));
  Analyser analyser;
  const Words words = words_of(CountryGazetteer::name_key(analyser.analyse_without_stems(place)));
  for (const Words& name : gazetteer().names_of(code)) CHECK(name != words);
}

TEST_CASE("every state but Washington is a place of the US", "[countries][names]") {
  for (const std::string& state : kUsStates) {
    INFO(state);
    if (state == "Washington" || state == "Georgia") {
      CHECK(gazetteer().code_for(state) != "US");
    } else {
      CHECK(gazetteer().code_for(state) == "US");
      CHECK_FALSE(gazetteer().code_named(state));
    }
  }
  CHECK(gazetteer().code_for("Washington State") == "US");
}

TEST_CASE("a country's other names are its names", "[countries][names]") {
  const auto names = [](std::string_view code) {
    std::set<std::string> joined;
    for (const Words& words : gazetteer().names_of(code)) {
      std::string name;
      for (const std::string& word : words) name += (name.empty() ? "" : " ") + word;
      joined.insert(name);
    }
    return joined;
  };
  const auto us = names("US");
  CHECK(us.contains("united states"));
  CHECK(us.contains("american"));
  for (const char* place : {"new mexico", "new jersey", "new england", "texas"}) {
    CHECK_FALSE(us.contains(place));
  }
  CHECK(names("GB").contains("british"));
  CHECK_FALSE(names("GB").contains("england"));
  CHECK_FALSE(names("GB").contains("northern irish"));
  CHECK_FALSE(names("SO").contains("somaliland"));
  CHECK(names("PS").contains("palestinian"));
  CHECK_FALSE(names("PS").contains("gaza"));
  CHECK(names("IR").contains("persia"));
}

TEST_CASE("former names name the country", "[countries][names]") {
  CHECK(gazetteer().code_for("Persia") == "IR");
  CHECK(gazetteer().code_for("Siam") == "TH");
  CHECK(gazetteer().code_for("Ceylon") == "LK");
  CHECK(gazetteer().code_for("Upper Volta") == "BF");
  CHECK(gazetteer().code_for("Burma") == "MM");
  CHECK(gazetteer().code_for("Zaire") == "CD");
  CHECK_FALSE(gazetteer().code_for("Yugoslavia"));  // now several: an area
}

TEST_CASE("suggestions are near, start alike when two edits away, and the nearest only",
          "[countries][names]") {
  const auto names = [](std::string_view name) {
    std::vector<std::string> found;
    for (const auto& named : gazetteer().closest_names(name, 3)) {
      found.push_back(named.name + " " + named.code);
    }
    return found;
  };
  CHECK(names("rusia") == std::vector<std::string>{"Russia RU"});
  CHECK(names("persya") == std::vector<std::string>{"Persia IR"});
  CHECK(names("balkans").empty());  // not Malians: two edits, another first letter
  CHECK(names("serbya") == std::vector<std::string>{"Serbia RS"});
  CHECK(names("phillipines") == std::vector<std::string>{"Philippines PH"});
  CHECK(names("kyrgistan") == std::vector<std::string>{"Kyrgyzstan KG"});
  CHECK(names("tchad") == std::vector<std::string>{"Chad TD"});
  CHECK(names("bolivya").size() == 1);
  CHECK(names("mexco") == std::vector<std::string>{"Mexico MX"});
  CHECK(names("oz").empty());  // two letters: no edits
}

TEST_CASE("areas are named by ICU's M.49 names and data/areas.tsv", "[countries][names]") {
  const auto codes = [](std::string_view name) {
    const auto area = gazetteer().area_named(name);
    return area ? area->codes : std::vector<std::string>{};
  };
  CHECK(codes("Balkans") ==
        std::vector<std::string>{"AL", "BA", "BG", "GR", "HR", "ME", "MK", "RO", "RS", "SI", "XK"});
  CHECK(codes("the balkans") == codes("Balkans"));
  CHECK(codes("Baltic States") == std::vector<std::string>{"EE", "LT", "LV"});
  CHECK(codes("latam") == codes("Latin America"));
  CHECK(codes("latin-america").size() > 30);
  const auto asia = codes("Asia");
  for (const char* code : {"CN", "IN", "SA", "KZ", "JP"})
    CHECK(std::count(asia.begin(), asia.end(), code) == 1);
  CHECK(gazetteer().area_named("EU").value().name == "European Union");
  CHECK(codes("eu").size() == 27);
  CHECK(codes("Western Africa") == codes("West Africa"));
  CHECK_FALSE(gazetteer().area_named("Europe"));  // one of our regions
  CHECK_FALSE(gazetteer().area_named("Middle East"));
  CHECK_FALSE(gazetteer().area_named("France"));
  CHECK_FALSE(gazetteer().area_named("world"));
  CHECK_FALSE(gazetteer().area_named(""));
}

}  // namespace
}  // namespace briefsearch

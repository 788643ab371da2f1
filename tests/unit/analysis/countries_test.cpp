#include "common/analysis/countries.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/analysis/country_table.h"
#include "common/base/errors.h"
#include "common/parse/parsers.h"

namespace briefsearch {
namespace {

using Codes = std::vector<std::string>;

const CountryGazetteer& gazetteer() { return CountryGazetteer::instance(); }

Codes mentioned(const std::string& text) {
  Analyser analyser;
  return gazetteer().mentioned_in(text, analyser.analyse(text));
}

// The fixtures folder is tests/fixtures; the sample corpus sits at the repository root.
std::filesystem::path corpus() {
  return std::filesystem::path(BRIEFSEARCH_FIXTURES).parent_path().parent_path() / "corpus";
}

std::string text_of(const Brief& brief) {
  std::string text = brief.title;
  for (const Section& section : brief.sections) text += "\n\n" + section.text;
  return text;
}

std::vector<Brief> briefs_in(const std::filesystem::path& file) {
  const auto format = input_format_for(file);
  REQUIRE(format.has_value());
  ParseResult result = parse_brief_file(file, *format, file.filename().string());
  REQUIRE(result.errors.empty());
  return std::move(result.briefs);
}

TEST_CASE("code_for reads codes, names, short forms and demonyms", "[countries]") {
  struct Case {
    std::string name;
    std::optional<std::string> code;
  };
  const auto [name, code] = GENERATE(values<Case>({
      {"China", "CN"},
      {"CN", "CN"},
      {"cn", "CN"},
      {" Canada ", "CA"},
      {"PRC", "CN"},
      {"prc", "CN"},
      {"U.S.", "US"},
      {"US", "US"},
      {"us", "US"},
      {"USA", "US"},
      {"United States", "US"},
      {"the United States", "US"},
      {"United States of America", "US"},
      {"UK", "GB"},
      {"Britain", "GB"},
      {"Côte d\xE2\x80\x99Ivoire", "CI"},
      {"cote d'ivoire", "CI"},
      {"Ivory Coast", "CI"},
      {"Türkiye", "TR"},
      {"Turkiye", "TR"},
      {"Myanmar", "MM"},
      {"Burma", "MM"},
      {"Hong Kong", "HK"},
      {"Congo - Kinshasa", "CD"},
      {"Congo-Brazzaville", "CG"},
      {"DR Congo", "CD"},
      {"St. Kitts & Nevis", "KN"},
      {"Saint Kitts and Nevis", "KN"},
      {"Czech Republic", "CZ"},
      {"Czechia", "CZ"},
      {"North Macedonia", "MK"},
      {"Swaziland", "SZ"},
      {"East Timor", "TL"},
      {"Gaza", "PS"},
      {"the Gambia", "GM"},
      {"Kosovo", "XK"},
      {"Chinese", "CN"},
      {"Nigerien", "NE"},
      {"Nigerian", "NG"},
      {"EU", std::nullopt},
      {"UN", std::nullopt},
      {"Korea", std::nullopt},
      {"Indian Ocean", std::nullopt},
      {"Atlantis", std::nullopt},
      {"", std::nullopt},
  }));
  INFO(name);
  CHECK(gazetteer().code_for(name) == code);
}

TEST_CASE("mentions are found by name, short form and demonym, in order, once", "[countries]") {
  struct Case {
    std::string text;
    Codes codes;
  };
  const auto [text, codes] = GENERATE(values<Case>({
      {"Chinese and American officials met their Russian and Iranian counterparts.",
       {"CN", "US", "RU", "IR"}},
      {"Israeli strikes; Ukrainian drones; Turkish mediation; Saudi money.",
       {"IL", "UA", "TR", "SA"}},
      {"Emiratis, Yemenis and Sudanese", {"AE", "YE", "SD"}},
      {"China, then China again, then the PRC", {"CN"}},
      {"the DPRK and the ROK; the UAE and the KSA; the DRC", {"KP", "KR", "AE", "SA", "CD"}},
      {"U.S. and U.K. forces", {"US", "GB"}},
      {"U.S.A.", {"US"}},
      {"Yemen\xE2\x80\x99s Houthis and Egypt's revenues", {"YE", "EG"}},
      {"Houthi fighters", {}},
      {"Burma and Myanmar", {"MM"}},
      {"Gaza and the West Bank", {"PS"}},
      {"Congolese troops", {"CD"}},
      {"the Korean Peninsula", {}},
      {"in the Indian Ocean, Indian ships", {"IN"}},
      {"Latin American and North American leaders; America First", {"US"}},
      {"New Mexico and New South Wales", {"US", "AU"}},
      {"the Niger Delta", {"NG"}},
      {"a family reunion on Réunion", {"RE"}},
      {"no country at all", {}},
      {"", {}},
  }));
  INFO(text);
  CHECK(mentioned(text) == codes);
}

TEST_CASE("exact-case short forms count only as written", "[countries]") {
  struct Case {
    std::string text;
    Codes codes;
  };
  const auto [text, codes] = GENERATE(values<Case>({
      {"US sanctions", {"US"}},
      {"the US-led coalition", {"US"}},
      {"let us know", {}},
      {"Us and them", {}},
      {"USA", {"US"}},
      {"usa", {}},
      {"the UK\xE2\x80\x99s position", {"GB"}},
      {"PRC", {"CN"}},
      {"prc", {}},
      {"Polish troops", {"PL"}},
      {"polish the brass", {}},
      {"a football jersey", {}},
      {"Jersey and Guernsey", {"JE", "GG"}},
  }));
  INFO(text);
  CHECK(mentioned(text) == codes);
}

TEST_CASE("the longest name wins", "[countries]") {
  struct Case {
    std::string text;
    Codes codes;
  };
  const auto [text, codes] = GENERATE(values<Case>({
      {"South Sudan", {"SS"}},
      {"South Sudanese refugees in Sudan", {"SS", "SD"}},
      {"Papua New Guinea", {"PG"}},
      {"Equatorial Guinea, Guinea-Bissau and Guinea", {"GQ", "GW", "GN"}},
      {"the United States", {"US"}},
      {"the United Arab Emirates", {"AE"}},
      {"the Democratic Republic of the Congo", {"CD"}},
      {"the Republic of the Congo", {"CG"}},
      {"the Central African Republic", {"CF"}},
      {"South Africa and South Korea", {"ZA", "KR"}},
      {"North Korea", {"KP"}},
      {"Northern Ireland and Ireland", {"GB", "IE"}},
      {"Saudi Arabia", {"SA"}},
      {"American Samoa", {"AS"}},
      {"the U.S. Virgin Islands", {"VI"}},
      {"the Dominican Republic and Dominica", {"DO", "DM"}},
      {"Chinese Taipei", {"TW"}},
      {"the Turks and Caicos; Turks", {"TC", "TR"}},
  }));
  INFO(text);
  CHECK(mentioned(text) == codes);
}

TEST_CASE("Niger, Nigeria and their demonyms stay apart", "[countries]") {
  CHECK(mentioned("Niger") == Codes{"NE"});
  CHECK(mentioned("Nigeria") == Codes{"NG"});
  CHECK(mentioned("Nigerien junta") == Codes{"NE"});
  CHECK(mentioned("Nigerian naira") == Codes{"NG"});
  CHECK(mentioned("Nigeriens and Nigerians") == Codes{"NE", "NG"});
}

TEST_CASE("diacritics, case and width are folded as the analyser folds them", "[countries]") {
  CHECK(mentioned("Türkiye") == Codes{"TR"});
  CHECK(mentioned("TURKIYE") == Codes{"TR"});
  CHECK(mentioned("Côte d\xE2\x80\x99Ivoire") == Codes{"CI"});
  CHECK(mentioned("Cote d'Ivoire") == Codes{"CI"});
  CHECK(mentioned("São Tomé and Príncipe") == Codes{"ST"});
  CHECK(mentioned("Curacao and Curaçao") == Codes{"CW"});
  CHECK(mentioned("ＵＳＡ") == Codes{});  // exact-case compares the text as written
  CHECK(mentioned("ＣＨＩＮＡ") == Codes{"CN"});
}

TEST_CASE("a name does not span a sentence or clause break", "[countries]") {
  CHECK(mentioned("they moved to the west. Bank officials said") == Codes{});
  CHECK(mentioned("in the south, Sudan's army") == Codes{"SD"});
  CHECK(mentioned("St. Kitts & Nevis") == Codes{"KN"});
  CHECK(mentioned("Congo - Kinshasa") == Codes{"CD"});
  CHECK(mentioned("New\nZealand") == Codes{});
}

TEST_CASE("the briefs of the sample corpus mention their countries", "[countries][corpus]") {
  struct Case {
    std::string path;
    Codes codes;  // the subject first: its region is the brief's folder
  };
  const auto [path, codes] = GENERATE(values<Case>({
      {"africa/drc-m23-doha-declaration-of-principles.txt", {"CD", "RW", "QA", "US"}},
      {"africa/ethiopia-somaliland-port-deal-angers-somalia.txt", {"ET", "SO"}},
      {"africa/kenya-finance-bill-protests-parliament-stormed.txt", {"KE"}},
      {"africa/sahel-juntas-complete-exit-from-ecowas.txt", {"ML", "BF", "NE"}},
      {"africa/south-africa-gnu-ramaphosa-reelected.txt", {"ZA"}},
      {"africa/sudan-army-retakes-khartoum.txt", {"SD"}},
      {"americas/argentina-imf-deal-currency-controls-2025.txt", {"AR"}},
      {"americas/brazil-us-tariff-sanctions-2025.txt", {"BR", "US"}},
      {"americas/canada-carney-election-2025.md", {"CA", "US"}},
      {"americas/colombia-us-counternarcotics-decertification-2025.txt", {"CO", "US", "VE"}},
      {"americas/ecuador-internal-armed-conflict-2024.txt", {"EC"}},
      {"americas/haiti-kenyan-police-mission-2024.txt", {"HT", "KE"}},
      {"americas/mexico-sheinbaum-election-2024.txt", {"MX"}},
      {"americas/panama-ck-hutchison-port-sale-2025.txt", {"PA", "HK", "CN"}},
      {"americas/us-alien-enemies-act-deportations-2025.txt", {"US", "VE", "SV"}},
      {"americas/us-tariffs-canada-mexico-2025.txt", {"US", "CA", "MX"}},
      {"americas/venezuela-disputed-election-2024.txt", {"VE"}},
      {"europe/baltic-estlink-2-cable-damage.txt", {"FI", "EE"}},
      {"europe/france-barnier-government-falls.md", {"FR"}},
      {"europe/georgia-eu-accession-suspended-protests.txt", {"GE"}},
      {"europe/germany-nord-stream-pipelines-sabotaged.txt", {"DE", "RU"}},
      {"europe/hungary-orban-steps-aside-on-ukraine-accession-talks.txt", {"HU", "UA"}},
      {"europe/kosovo-banjska-attack-raises-tensions-with-serbia.txt", {"XK", "RS"}},
      {"europe/poland-nawrocki-wins-presidential-runoff.txt", {"PL"}},
      {"europe/romania-constitutional-court-annuls-presidential-election.txt", {"RO"}},
      {"europe/russia-oil-price-cap-takes-effect.txt", {"RU"}},
      {"europe/ukraine-kursk-cross-border-incursion.txt", {"UA", "RU"}},
      {"indo-pacific/australia-federal-election-2025.txt", {"AU"}},
      {"indo-pacific/china-rare-earth-export-controls-2025.txt", {"CN", "US"}},
      {"indo-pacific/china-salt-typhoon-telecom-intrusions-2024.txt", {"CN", "US"}},
      {"indo-pacific/dprk-russia-defense-treaty-2024.txt", {"KP", "RU"}},
      {"indo-pacific/india-pakistan-operation-sindoor-2025.txt", {"IN", "PK"}},
      {"indo-pacific/indonesia-prabowo-election-2024.txt", {"ID"}},
      {"indo-pacific/japan-snap-election-2024.md", {"JP"}},
      {"indo-pacific/myanmar-mandalay-earthquake-2025.txt", {"MM"}},
      {"indo-pacific/nvidia-h20-export-licenses-2025.txt", {"CN", "US"}},
      {"indo-pacific/philippines-second-thomas-shoal-clash-2024.txt", {"PH", "CN"}},
      {"indo-pacific/south-korea-martial-law-2024.txt", {"KR"}},
      {"indo-pacific/taiwan-strait-drills-2024.txt", {"TW", "CN"}},
      {"indo-pacific/vietnam-us-tariff-framework-2025.txt", {"VN", "US"}},
      {"middle-east/gaza-ceasefire-and-hostage-release-deal.txt", {"PS", "IL", "QA", "EG"}},
      {"middle-east/iran-israel-twelve-day-war-ceasefire.txt", {"IR", "IL"}},
      {"middle-east/lebanon-israel-hezbollah-ceasefire.txt", {"LB", "IL"}},
      {"middle-east/opec-plus-agrees-two-million-barrel-cut.txt", {"SA", "RU"}},
      {"middle-east/red-sea-houthi-shipping-attacks.txt", {"YE", "EG"}},
      {"middle-east/syria-captagon-trade-after-assad.txt", {"SY"}},
      {"middle-east/syria-us-sanctions-relief-al-sharaa.txt", {"SY", "US"}},
  }));
  INFO(path);
  const std::vector<Brief> briefs = briefs_in(corpus() / path);
  REQUIRE(briefs.size() == 1);
  const Codes found = mentioned(text_of(briefs.front()));
  INFO("found: " << Catch::StringMaker<Codes>::convert(found));
  for (const std::string& code : codes) {
    INFO(code);
    CHECK(std::find(found.begin(), found.end(), code) != found.end());
  }
  const std::string folder = std::filesystem::path(path).parent_path().string();
  CHECK(gazetteer().region_of(codes.front()) == CountryGazetteer::canonical_region(folder));
}

TEST_CASE("metadata countries of the corpus are known and mentioned in the text",
          "[countries][corpus]") {
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus())) {
    if (!entry.is_regular_file() || !input_format_for(entry.path())) continue;
    for (const Brief& brief : briefs_in(entry.path())) {
      const Codes found = mentioned(text_of(brief));
      for (const std::string& country : brief.metadata.countries) {
        INFO(entry.path().filename().string() << ": " << brief.title << ": " << country);
        const std::optional<std::string> code = gazetteer().code_for(country);
        REQUIRE(code.has_value());
        CHECK(std::find(found.begin(), found.end(), *code) != found.end());
        ++checked;
      }
    }
  }
  CHECK(checked >= 10);
}

TEST_CASE("mentions_in lists every mention, mentioned_in each country once", "[countries]") {
  const std::string text =
      "Chinese ships near the Philippines; China denied it. Philippine "
      "boats, Chinese crews.";
  Analyser analyser;
  const auto tokens = analyser.analyse(text);
  CHECK(gazetteer().mentions_in(text, tokens) == Codes{"CN", "PH", "CN", "PH", "CN"});
  CHECK(gazetteer().mentioned_in(text, tokens) == Codes{"CN", "PH"});
}

TEST_CASE("places without a code are filed under their ISO 3166-2 parent", "[countries]") {
  CHECK(gazetteer().code_for("Somaliland") == "SO");
  CHECK(gazetteer().code_for("transnistria") == "MD");
  CHECK(gazetteer().code_for("Northern Cyprus") == "CY");
  CHECK(gazetteer().code_for("Abkhazia") == "GE");
  CHECK(gazetteer().code_for("Kosovo") == "XK");
  CHECK(gazetteer().code_for("Western Sahara") == "EH");
  CHECK_FALSE(gazetteer().code_for("Kashmir"));
  CHECK(gazetteer().names_no_country("Kashmir"));
  CHECK(gazetteer().names_no_country("latin america"));
  CHECK_FALSE(gazetteer().names_no_country("Narnia"));
  CHECK_FALSE(gazetteer().names_no_country("Chile"));
  CHECK(mentioned("Ethiopia signed a deal with Somaliland.") == Codes{"ET", "SO"});
  CHECK(mentioned("Gunmen attacked in Indian-administered Kashmir.") == Codes{"IN"});
}

TEST_CASE("display names are ICU's English names", "[countries]") {
  CHECK(gazetteer().display_name("US") == "United States");
  CHECK(gazetteer().display_name("de") == "Germany");
  CHECK(gazetteer().display_name("XK") == "Kosovo");
  CHECK_FALSE(gazetteer().display_name("ZZ"));
  CHECK_FALSE(gazetteer().display_name("Atlantis"));
}

TEST_CASE("closest_names suggests near names, one per country, nearest first", "[countries]") {
  const auto names = [](std::string_view name, std::size_t most = 3) {
    std::vector<std::string> found;
    for (const auto& named : gazetteer().closest_names(name, most)) {
      found.push_back(named.name + " " + named.code);
    }
    return found;
  };
  CHECK(names("germny") == std::vector<std::string>{"Germany DE"});
  CHECK(names("GERMNY") == std::vector<std::string>{"Germany DE"});
  CHECK(names("Isreal") == std::vector<std::string>{"Israel IL"});
  CHECK(names("irak") == std::vector<std::string>{"Iran IR", "Iraq IQ"});
  CHECK(names("irak", 1) == std::vector<std::string>{"Iran IR"});
  CHECK(names("korea") == std::vector<std::string>{"North Korea KP", "South Korea KR"});
  CHECK(names("narnia").empty());
  CHECK(names("").empty());
}

TEST_CASE("region_of follows M.49 with our overrides", "[countries]") {
  struct Case {
    std::string code;
    std::optional<std::string_view> region;
  };
  const auto [code, region] = GENERATE(values<Case>({
      {"CN", "Indo-Pacific"}, {"JP", "Indo-Pacific"}, {"IN", "Indo-Pacific"},
      {"AU", "Indo-Pacific"}, {"PG", "Indo-Pacific"}, {"FJ", "Indo-Pacific"},
      {"DE", "Europe"},       {"RU", "Europe"},       {"GB", "Europe"},
      {"XK", "Europe"},       {"GE", "Europe"},       {"TR", "Europe"},
      {"KZ", "Europe"},       {"SA", "Middle East"},  {"IL", "Middle East"},
      {"PS", "Middle East"},  {"YE", "Middle East"},  {"IR", "Middle East"},
      {"EG", "Middle East"},  {"NG", "Africa"},       {"SD", "Africa"},
      {"ZA", "Africa"},       {"LY", "Africa"},       {"US", "Americas"},
      {"BR", "Americas"},     {"HT", "Americas"},     {"GL", "Americas"},
      {"mx", "Americas"},     {"AQ", std::nullopt},   {"EU", std::nullopt},
      {"ZZ", std::nullopt},   {"", std::nullopt},
  }));
  INFO(code);
  CHECK(gazetteer().region_of(code) == region);
}

TEST_CASE("canonical_region accepts the five regions however written", "[countries]") {
  struct Case {
    std::string name;
    std::optional<std::string_view> region;
  };
  const auto [name, region] = GENERATE(values<Case>({
      {"Middle East", "Middle East"},
      {"middle east", "Middle East"},
      {"Middle-East", "Middle East"},
      {"MIDDLE_EAST", "Middle East"},
      {"indo pacific", "Indo-Pacific"},
      {"Indo-Pacific", "Indo-Pacific"},
      {"indopacific", "Indo-Pacific"},
      {" europe ", "Europe"},
      {"Africa", "Africa"},
      {"americas", "Americas"},
      {"America", std::nullopt},
      {"Asia", std::nullopt},
      {"Near East", std::nullopt},
      {"", std::nullopt},
  }));
  INFO(name);
  CHECK(CountryGazetteer::canonical_region(name) == region);
}

TEST_CASE("malformed data files are rejected with file and line", "[countries]") {
  struct Case {
    std::string aliases;
    std::string regions;
    std::string message;
    std::string areas = {};
  };
  const auto [aliases, regions, message, areas] = GENERATE(values<Case>({
      {"XX\tFoo", "", "data/country-aliases.tsv:1: unknown country code \"XX\""},
      {"# comment\n\nFR", "", "data/country-aliases.tsv:3: expected: code<TAB>alias[<TAB>flags]"},
      {"FR\tGaul\tsometimes", "", "data/country-aliases.tsv:1: unknown flag \"sometimes\""},
      {"FR\tGaul\tplace,often", "", "data/country-aliases.tsv:1: unknown flag \"often\""},
      {"-\tGaul\tplace", "",
       "data/country-aliases.tsv:1: a phrase that is no country's (\"-\") is no place"},
      {"", "", "data/areas.tsv:2: unknown member \"Gaul\"", "# areas\nGaul\tFR Gaul"},
      {"", "", "data/areas.tsv:1: expected: name<TAB>members", "Gaul"},
      {"FR\t...", "", "data/country-aliases.tsv:1: alias \"...\" has no words"},
      {"FR\tGaul\nDE\tgaul", "", "data/country-aliases.tsv:2: \"gaul\" is already an alias of FR"},
      {"", "XX\tEurope", "data/regions.tsv:1: unknown M.49 area or country code \"XX\""},
      {"", "FR\tEurasia", "data/regions.tsv:1: unknown region \"Eurasia\""},
      {"", "150\tEurope\r\n150\tEurope", "data/regions.tsv:2: \"150\" is listed twice"},
      {"", "150", "data/regions.tsv:1: expected: area-or-code<TAB>region"},
  }));
  INFO(aliases << " | " << regions << " | " << areas);
  CHECK_THROWS_AS(CountryGazetteer(aliases, regions, areas), InternalError);
  CHECK_THROWS_WITH(CountryGazetteer(aliases, regions, areas), message);
}

TEST_CASE("data file entries replace ICU's names and add new ones", "[countries]") {
  const CountryGazetteer custom("# ours\r\nFR\tGaul\r\n-\tChina\r\n", "150\tEurope\n");
  Analyser analyser;
  const std::string text = "Gaul, China and Japan";
  CHECK(custom.mentioned_in(text, analyser.analyse(text)) == Codes{"FR", "JP"});
  CHECK(custom.code_for("gaul") == "FR");
  CHECK_FALSE(custom.code_for("China").has_value());
  CHECK(custom.code_for("CN") == "CN");
  CHECK(custom.region_of("DE") == "Europe");
  CHECK_FALSE(custom.region_of("JP").has_value());
}

TEST_CASE("the gazetteer can be shared between threads", "[countries]") {
  std::vector<std::thread> threads;
  std::vector<int> right(4, 0);
  for (std::size_t t = 0; t < right.size(); ++t) {
    threads.emplace_back([&right, t] {
      for (int i = 0; i < 50; ++i) {
        right[t] +=
            gazetteer().code_for("Côte d'Ivoire") == "CI" && gazetteer().code_for("U.S.") == "US";
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(right == std::vector<int>(4, 50));
}

}  // namespace
}  // namespace briefsearch

namespace briefsearch {

TEST_CASE("the build-time country name table is the gazetteer's", "[analysis][countries]") {
  const CountryGazetteer& built = gazetteer();
  const auto keys = built.name_keys();
  REQUIRE(keys.size() == kCountryNameKeyCount);
  Analyser analyser;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    INFO(keys[i].key);
    CHECK(kCountryNameKeys[i].key == keys[i].key);
    CHECK(kCountryNameKeys[i].code == keys[i].code);
    CHECK(kCountryNameKeys[i].is_name == keys[i].is_name);
    CHECK(country_code_named(keys[i].key, analyser) == built.code_named(keys[i].key));
    CHECK(country_phrase_known(keys[i].key, analyser));
    CHECK(country_names_of(keys[i].code) == built.names_of(keys[i].code));
  }
  // Places and phrases that are no country's are known phrases but name no country.
  for (const char* text : {"New Mexico", "Texas", "Indian Ocean", "Somaliland"}) {
    INFO(text);
    CHECK(country_phrase_known(text, analyser));
    CHECK_FALSE(country_code_named(text, analyser));
  }
  CHECK_FALSE(country_phrase_known("new york times", analyser));
  // As the gazetteer reads words of free text: case, an article, no bare codes.
  for (const char* text : {"Venezuelan", "the Gambia", "North Korea", "PRC", "de", "oil", ""}) {
    INFO(text);
    CHECK(country_code_named(text, analyser) == built.code_named(text));
  }
  CHECK(country_names_of("ZZ").empty());
}

}  // namespace briefsearch

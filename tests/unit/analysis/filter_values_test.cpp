#include "common/analysis/filter_values.h"

#include <catch2/catch.hpp>

using namespace briefsearch;

TEST_CASE("countries are canonical by ISO code, whatever names them", "[filter_values]") {
  CHECK(canonical_filter_value(kCountryFilter, "Ukraine") == "UA");
  CHECK(canonical_filter_value(kCountryFilter, "ua") == "UA");
  CHECK(canonical_filter_value(kCountryFilter, "Atlantis") == "Atlantis");
}

TEST_CASE("regions and sections are canonical by name", "[filter_values]") {
  CHECK(canonical_filter_value(kRegionFilter, "middle east") ==
        canonical_filter_value(kRegionFilter, "Middle East"));
  CHECK(canonical_filter_value(kSectionFilter, "key-judgements") == "Key Judgments");
  CHECK(canonical_filter_value(kSectionFilter, "Key_Judgments") == "Key Judgments");
  CHECK(canonical_filter_value(kSectionFilter, "Regional Reactions") == "Regional Reactions");
}

TEST_CASE("the indexer's and the query's filter terms agree", "[filter_values]") {
  // Both sides pass a value through canonical_filter_value, then filter_term.
  auto term = [](const FilterField& field, std::string_view value) {
    return filter_term(field, canonical_filter_value(field, value));
  };
  CHECK(term(kSectionFilter, "Key Judgments") == term(kSectionFilter, "key_judgements"));
  CHECK(term(kCountryFilter, "Ukraine") == term(kCountryFilter, "UA"));
  CHECK(term(kTagFilter, "Red Sea") == term(kTagFilter, "red-sea"));
  CHECK(canonical_filter_value(kTagFilter, "Red Sea") == "Red Sea");
  CHECK(canonical_filter_value(kIdFilter, "corpus/a b.txt") == "corpus/a b.txt");
}

TEST_CASE("mentions: and mentions-region: are canonical as country: and region:",
          "[filter_values]") {
  CHECK(canonical_filter_value(kMentionsFilter, "Ukrainian") == "UA");
  CHECK(canonical_filter_value(kMentionsFilter, "somaliland") == "SO");
  CHECK(canonical_filter_value(kMentionsRegionFilter, "middle-east") == "Middle East");
}

TEST_CASE("a country or region value no table knows has a problem to report", "[filter_values]") {
  for (const FilterField& field : {kCountryFilter, kMentionsFilter}) {
    INFO(field.name);
    CHECK_FALSE(filter_value_problem(field, "Ukraine"));
    CHECK_FALSE(filter_value_problem(field, "us"));
    CHECK_FALSE(filter_value_problem(field, "Transnistria"));  // filed under Moldova
    CHECK(filter_value_problem(field, "narnia").value_or("") ==
          "unknown country 'narnia'; " + std::string(field.name) +
              ": takes an ISO 3166-1 code (DE) or an English name, short form or demonym "
              "(Germany, German)");
    CHECK(filter_value_problem(field, "Ukrane").value_or("") ==
          "unknown country 'Ukrane'; did you mean Ukraine (UA)?");
    CHECK(filter_value_problem(field, "zz").value_or("").starts_with("unknown country 'zz'; "));
    CHECK(filter_value_problem(field, "indian ocean").value_or("") ==
          "'indian ocean' is a place that is no one country; " + std::string(field.name) +
              ": takes a country's ISO 3166-1 code or English name");
  }
  CHECK(filter_value_problem(kCountryFilter, "Africa").value_or("") ==
        "'Africa' is a region, not a country; write region:Africa");
  CHECK(filter_value_problem(kMentionsFilter, "Africa").value_or("") ==
        "'Africa' is a region, not a country; write mentions-region:Africa");
  for (const FilterField& field : {kRegionFilter, kMentionsRegionFilter}) {
    INFO(field.name);
    CHECK_FALSE(filter_value_problem(field, "indo pacific"));
    CHECK(filter_value_problem(field, "narnia").value_or("") ==
          "unknown region 'narnia'; regions are Indo-Pacific, Europe, Middle East, Africa, "
          "Americas");
    CHECK(filter_value_problem(field, "mideast").value_or("") ==
          "unknown region 'mideast'; regions are Indo-Pacific, Europe, Middle East, Africa, "
          "Americas; Mideast lies in the region Middle East: write " +
              std::string(field.name) + ":middle-east");
  }
  CHECK(filter_value_problem(kRegionFilter, "Brazil")
            .value_or("")
            .ends_with("('Brazil' is a country: write country:BR)"));
  CHECK_FALSE(filter_value_problem(kTagFilter, "anything at all"));
  CHECK_FALSE(filter_value_problem(kSectionFilter, "no such section"));
}

TEST_CASE("a region-like value is answered with the regions that hold it", "[filter_values]") {
  struct Case {
    std::string value;
    std::string hint;  // what follows the list of regions
  };
  const auto [value, hint] = GENERATE(values<Case>({
      {"latam", "; LatAm lies in the region Americas: write region:americas"},
      {"Latin America", "; Latin America lies in the region Americas: write region:americas"},
      {"eu", "; European Union lies in the region Europe: write region:europe"},
      {"asia",
       "; Asia spans the regions Indo-Pacific, Middle East and Europe: write "
       "region:indo-pacific, region:middle-east or region:europe"},
      {"balkans", "; Balkans lies in the region Europe: write region:europe"},
      {"europa", "; did you mean region:europe?"},
      {"afrika", "; did you mean region:africa?"},
      {"america", " ('america' is a country: write country:US); did you mean region:americas?"},
      {"Brazil", " ('Brazil' is a country: write country:BR)"},
      {"narnia", ""},
  }));
  INFO(value);
  CHECK(filter_value_problem(kRegionFilter, value).value_or("") ==
        "unknown region '" + value +
            "'; regions are Indo-Pacific, Europe, Middle East, Africa, Americas" + hint);
}

TEST_CASE("an area given as a country is answered with what it holds", "[filter_values]") {
  CHECK(filter_value_problem(kCountryFilter, "balkans").value_or("") ==
        "'balkans' is an area, not a country: Albania (AL), Bosnia & Herzegovina (BA), "
        "Bulgaria (BG), Croatia (HR), Greece (GR), Kosovo (XK), Montenegro (ME), North "
        "Macedonia (MK), Romania (RO), Serbia (RS) and Slovenia (SI), all in the region "
        "Europe; write region:europe, or join countries with OR (country:AL OR country:BA)");
  CHECK(filter_value_problem(kMentionsFilter, "Baltics").value_or("") ==
        "'Baltics' is an area, not a country: Estonia (EE), Latvia (LV) and Lithuania (LT), "
        "all in the region Europe; write mentions-region:europe, or join countries with OR "
        "(mentions:EE OR mentions:LT)");
  CHECK(filter_value_problem(kCountryFilter, "asia").value_or("") ==
        "'asia' is an area, not a country: its 51 countries are in the regions Indo-Pacific, "
        "Middle East and Europe; write region:indo-pacific, region:middle-east or region:europe");
  CHECK(filter_value_problem(kCountryFilter, "latin america")
            .value_or("")
            .ends_with("countries are all in the region Americas; write region:americas"));
  CHECK(filter_value_problem(kCountryFilter, "Soviet Union")
            .value_or("")
            .starts_with("'Soviet Union' is an area, not a country: its 15 countries"));
}

TEST_CASE("country suggestions are near and few", "[filter_values]") {
  CHECK(filter_value_problem(kCountryFilter, "rusia").value_or("") ==
        "unknown country 'rusia'; did you mean Russia (RU)?");
  CHECK_FALSE(filter_value_problem(kCountryFilter, "persia"));  // Iran's former name
  CHECK(filter_value_problem(kCountryFilter, "persya").value_or("") ==
        "unknown country 'persya'; did you mean Persia (IR)?");
  CHECK(filter_value_problem(kCountryFilter, "texas") == std::nullopt);  // filed under US
}

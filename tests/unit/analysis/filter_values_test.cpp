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
    CHECK(filter_value_problem(field, "mideast").value_or("") ==
          "unknown region 'mideast'; regions are Indo-Pacific, Europe, Middle East, Africa, "
          "Americas");
  }
  CHECK(filter_value_problem(kRegionFilter, "Brazil")
            .value_or("")
            .ends_with("('Brazil' is a country: write country:BR)"));
  CHECK_FALSE(filter_value_problem(kTagFilter, "anything at all"));
  CHECK_FALSE(filter_value_problem(kSectionFilter, "no such section"));
}

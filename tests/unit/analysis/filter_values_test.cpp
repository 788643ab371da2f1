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

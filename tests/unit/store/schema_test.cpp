#include "common/store/schema.h"

#include <catch2/catch.hpp>
#include <set>

using namespace briefsearch;

TEST_CASE("every prefix is defined once", "[schema]") {
  std::set<std::string_view> prefixes;
  for (const TextField& field : kTextFields) CHECK(prefixes.insert(field.prefix).second);
  for (const FilterField& field : kFilterFields) {
    INFO(field.name);
    CHECK(prefixes.insert(field.prefix).second);
  }
  // The stemmed prefix must not start any other prefix, or stemmed and exact terms mix.
  for (std::string_view prefix : prefixes) CHECK_FALSE(prefix.starts_with(kStemmedPrefix));
}

TEST_CASE("sections map to their fields", "[schema]") {
  CHECK(text_field_for_section("Description").prefix == kDescriptionField.prefix);
  CHECK(text_field_for_section("IMPACT").prefix == kImpactField.prefix);
  CHECK(text_field_for_section("Background").prefix == kOtherSectionField.prefix);
  CHECK(text_field_for_section("Key Judgments").prefix == kOtherSectionField.prefix);
}

TEST_CASE("query field names resolve, with aliases", "[schema]") {
  CHECK(text_field_named("title")->prefix == kTitleField.prefix);
  CHECK(text_field_named("desc")->prefix == kDescriptionField.prefix);
  CHECK(text_field_named("Description")->prefix == kDescriptionField.prefix);
  CHECK(text_field_named("section")->prefix == kOtherSectionField.prefix);
  CHECK_FALSE(text_field_named("body").has_value());
}

TEST_CASE("filter values are normalised unless exact", "[schema]") {
  CHECK(filter_term(kRegionFilter, "Middle East") == "XRmiddle-east");
  CHECK(filter_term(kRegionFilter, " middle  east ") == "XRmiddle-east");
  CHECK(filter_term(kIdFilter, "Europe/Baltic Cable.txt") == "QEurope/Baltic Cable.txt");
}

TEST_CASE("long filter values stay under Xapian's term limit and distinct", "[schema]") {
  const std::string base(300, 'x');
  const std::string a = filter_term(kIdFilter, base + "a");
  const std::string b = filter_term(kIdFilter, base + "b");
  CHECK(a.size() <= 240);
  CHECK(b.size() <= 240);
  CHECK(a != b);
  CHECK(a.starts_with("Qxxx"));
  // Multi-byte characters are never cut in half.
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "é";
  const std::string cut = filter_term(kIdFilter, accented);
  CHECK(cut.size() <= 240);
  CHECK((static_cast<unsigned char>(cut[cut.find('#') - 1]) & 0xC0) != 0xC0);
}

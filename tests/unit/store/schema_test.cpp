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
  CHECK(text_field_for_section("Background").prefix == kOtherSectionsField.prefix);
  CHECK(text_field_for_section("Key Judgments").prefix == kOtherSectionsField.prefix);
}

TEST_CASE("query field names resolve, with aliases", "[schema]") {
  CHECK(query_field_named("title")->text.prefix == kTitleField.prefix);
  CHECK(query_field_named("desc")->text.prefix == kDescriptionField.prefix);
  CHECK(query_field_named("Description")->text.prefix == kDescriptionField.prefix);
  CHECK(query_field_named("LANG")->filter.prefix == kLanguageFilter.prefix);
  CHECK(query_field_named("date")->kind == QueryField::Kind::kDate);
  // "section" is the filter on which sections a brief has, never a text field.
  CHECK(query_field_named("section")->kind == QueryField::Kind::kFilter);
  CHECK(query_field_named("section")->filter.prefix == kSectionFilter.prefix);
  // A section named as a field searches the other-sections text of that section.
  const auto judgments = query_field_named("key_judgements");
  REQUIRE(judgments);
  CHECK(judgments->kind == QueryField::Kind::kText);
  CHECK(judgments->text.prefix == kOtherSectionsField.prefix);
  CHECK(judgments->named_section == "Key Judgments");
  CHECK_FALSE(query_field_named("body").has_value());
  CHECK_FALSE(query_field_named("other-sections").has_value());
  CHECK_FALSE(query_field_named("year").has_value());
}

TEST_CASE("a section with a field of its own gives that field, however it is spelt", "[schema]") {
  // "impact-:" once searched the other-sections text of a section named Impact, which
  // never holds the Impact section, and --explain wrote it as "impact:".
  const std::vector<std::pair<std::string, std::string>> spellings = {
      {"impact-", "impact"},  {"Impact_", "impact"},           {"-impact", "impact"},
      {"IMPACT__", "impact"}, {"description-", "description"}, {"_Description", "description"}};
  for (const auto& [name, plain_name] : spellings) {
    INFO(name);
    const auto field = query_field_named(name);
    REQUIRE(field);
    CHECK(field->kind == QueryField::Kind::kText);
    CHECK(field->named_section.empty());
    const auto plain = query_field_named(plain_name);
    CHECK(field->text.prefix == plain->text.prefix);
  }
}

TEST_CASE("every canonical field name reads back as its own field", "[schema]") {
  for (const TextField& field : kTextFields) {
    if (field.prefix == kOtherSectionsField.prefix) continue;
    INFO(field.name);
    const auto named = query_field_named(field.name);
    REQUIRE(named);
    CHECK(named->text.prefix == field.prefix);
  }
  for (const FilterField& field : kFilterFields) {
    if (field.prefix == kYearFilter.prefix || field.prefix == kMonthFilter.prefix) continue;
    INFO(field.name);
    const auto named = query_field_named(field.name);
    REQUIRE(named);
    CHECK(named->kind == QueryField::Kind::kFilter);
    CHECK(named->filter.prefix == field.prefix);
  }
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

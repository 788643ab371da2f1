// Tests for the one table of section names: how a heading names a section, and how a query
// writes a section's name as a field ("key-judgments:") and reads it back.
#include "common/brief/section_names.h"

#include <catch2/catch.hpp>
#include <string>

#include "common/base/string_utils.h"

using namespace briefsearch;

TEST_CASE("canonical_section_name trims, ignores case and maps its own output to itself",
          "[section_names]") {
  CHECK(canonical_section_name("  key JUDGEMENTS \t") == "Key Judgments");
  CHECK(canonical_section_name("\xC2\xA0"
                               "Bottom line\xC2\xA0") == "Bottom Line");
  CHECK_FALSE(canonical_section_name("bottom-line").has_value());  // a query's spelling
  CHECK_FALSE(canonical_section_name("bottom  line").has_value());
  CHECK_FALSE(canonical_section_name("Impacts").has_value());
  CHECK_FALSE(canonical_section_name("").has_value());
  CHECK_FALSE(canonical_section_name(kUntitledSectionName).has_value());
  for (std::string_view spelling : known_section_spellings()) {
    INFO(spelling);
    CHECK(spelling == ascii_lowercase(spelling));
    CHECK(spelling == trim(spelling));
    const auto canonical = canonical_section_name(spelling);
    REQUIRE(canonical.has_value());
    CHECK(canonical_section_name(*canonical) == canonical);
    CHECK(canonical_section_name(ascii_uppercase(spelling)) == canonical);
  }
}

TEST_CASE("a section's query spelling reads back as the section, for every name and alias",
          "[section_names]") {
  CHECK(section_query_spelling("Key Judgments") == "key-judgments");
  CHECK(section_query_spelling(" Bottom Line ") == "bottom-line");
  CHECK(section_query_spelling("Regional Reactions") == "regional-reactions");  // unknown too
  CHECK(section_named_in_query("Key_Judgements") == "Key Judgments");
  CHECK(section_named_in_query("WHAT-NEXT") == "What Next");
  CHECK(section_named_in_query("key judgments") == "Key Judgments");
  CHECK_FALSE(section_named_in_query("regional-reactions").has_value());
  CHECK_FALSE(section_named_in_query("key--judgments").has_value());
  CHECK_FALSE(section_named_in_query("").has_value());
  for (std::string_view spelling : known_section_spellings()) {
    INFO(spelling);
    const std::string canonical = *canonical_section_name(spelling);
    CHECK(section_named_in_query(section_query_spelling(canonical)) == canonical);
    CHECK(section_named_in_query(section_query_spelling(spelling)) == canonical);
  }
}

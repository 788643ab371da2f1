// Tests for the JSON Lines reader: good and bad records, field types, section forms.
#include <catch2/catch.hpp>

#include "common/parse/parsers.h"
#include "common/parse/section_builder.h"
#include "tests/unit/parse/parser_test_support.h"

namespace briefsearch {
namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using namespace briefsearch::testing;

TEST_CASE("jsonl: good records parse and bad lines are errors of their own", "[parsers][jsonl]") {
  const ParseResult result =
      parse_brief_file(fixture("parsers/records.jsonl"), InputFormat::kJsonLines, "export.jsonl");
  CHECK(describe_all(result.warnings).empty());

  REQUIRE(result.errors.size() == 3);
  CHECK(result.errors[0].line == 4);
  CHECK_THAT(result.errors[0].describe(), StartsWith("export.jsonl:4: invalid JSON: "));
  CHECK_THAT(result.errors[0].message, !Contains("[json.exception"));
  CHECK(result.errors[1].describe() == "export.jsonl:5: a record must be a JSON object");
  CHECK(result.errors[2].describe() == "export.jsonl:6: field 'title' must be a string");

  REQUIRE(result.briefs.size() == 3);
  SECTION("sections as a list, countries as a list") {
    const Brief& brief = result.briefs[0];
    CHECK(brief.line == 1);
    CHECK(brief.path == "export.jsonl");
    CHECK(brief.id == "baltic-1");
    CHECK(brief.title == "Baltic Sea: Undersea Cable Damage");
    REQUIRE(brief.date);
    CHECK(brief.date->iso() == "2024-12-27");
    CHECK(brief.metadata.region == "Northern Europe");
    CHECK(brief.metadata.countries == std::vector<std::string>{"Finland", "Estonia"});
    CHECK(brief.metadata.tags == std::vector<std::string>{"sabotage", "shadow fleet"});
    CHECK(sections_of(brief) ==
          Sections{{"Description", "Finnish authorities boarded the tanker Eagle S."},
                   {"Impact", "NATO will expand maritime surveillance."}});
  }
  SECTION("sections as an object, countries as a comma string") {
    const Brief& brief = result.briefs[1];
    CHECK(brief.line == 3);
    CHECK(brief.id == "sahel-1");
    REQUIRE(brief.date);
    CHECK(brief.date->iso() == "2025-06-09");
    CHECK(brief.metadata.countries == std::vector<std::string>{"Mali", "Burkina Faso", "Niger"});
    CHECK(sections_of(brief) ==
          Sections{{"Description", "Wagner said its mission in Mali was complete."},
                   {"Outlook", "Africa Corps takes over."}});
  }
  SECTION("top-level description and impact") {
    const Brief& brief = result.briefs[2];
    CHECK(brief.line == 7);
    CHECK(brief.id == "sudan-1");
    CHECK(brief.title == "Sudan: Ceasefire Talks Stall");
    CHECK(brief.metadata.source == "Field reporting");
    CHECK(brief.metadata.classification == "UNCLASSIFIED");
    CHECK(brief.metadata.language == "en");
    CHECK(brief.metadata.countries.empty());
    CHECK(sections_of(brief) ==
          Sections{{"Description", "Delegations left Jeddah without a truce."},
                   {"Impact", "A negotiated settlement is less likely."}});
  }
}

TEST_CASE("jsonl: fields of the wrong type are errors for their record", "[parsers][jsonl]") {
  struct Case {
    std::string record;
    std::string message;
  };
  const std::vector<Case> cases = {
      {R"({"title": 42, "description": "x"})", "field 'title' must be a string"},
      {R"({"title": ["a"], "description": "x"})", "field 'title' must be a string"},
      {R"({"title": "T", "date": 20250728, "description": "x"})", "field 'date' must be a string"},
      {R"({"title": "T", "description": 7})", "field 'description' must be a string"},
      {R"({"title": "T", "description": "x", "countries": 3})",
       "field 'countries' must be a list of strings"},
      {R"({"title": "T", "description": "x", "tags": ["a", 1]})",
       "field 'tags' must be a list of strings"},
      {R"({"title": "T", "sections": "text"})", "field 'sections' must be a list or an object"},
      {R"({"title": "T", "sections": ["text"]})", "each section must be an object"},
      {R"({"title": "T", "sections": {"Impact": 1}})", "section 'Impact' must be a string"},
      {R"({"title": "T", "sections": [{"name": 1, "text": "x"}]})",
       "field 'name' must be a string"},
      {R"("just a string")", "a record must be a JSON object"},
      {R"(17)", "a record must be a JSON object"},
      {R"({"title": "T"})", "no text found"},
      {R"({"title": "  ", "description": "x"})", "no title found"},
  };
  for (const Case& c : cases) {
    INFO(c.record);
    const std::string good = R"({"title": "Good", "description": "Fine."})";
    const ParseResult result = parse_jsonl(good + "\n" + c.record + "\n" + good + "\n");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].describe() == "x.jsonl:2: " + c.message);
    REQUIRE(result.briefs.size() == 2);
    CHECK(result.briefs[0].line == 1);
    CHECK(result.briefs[1].line == 3);
  }
}

TEST_CASE("jsonl: details of records", "[parsers][jsonl]") {
  SECTION("blank lines are skipped but counted") {
    const ParseResult result = parse_jsonl(
        "\n   \n{\"title\": \"A\", \"text\": \"Body text.\"}\n\n\n{\"title\": \"B\", "
        "\"impact\": \"Only impact.\"}\n\n");
    REQUIRE(result.errors.empty());
    REQUIRE(result.briefs.size() == 2);
    CHECK(result.briefs[0].line == 3);
    CHECK(sections_of(result.briefs[0]) == Sections{{"Body", "Body text."}});
    CHECK(result.briefs[1].line == 6);
    CHECK(sections_of(result.briefs[1]) == Sections{{"Impact", "Only impact."}});
  }
  SECTION("CRLF line ends") {
    const ParseResult result = parse_jsonl(
        "{\"title\": \"A\", \"description\": \"x\"}\r\n{\"title\": \"B\", \"description\": "
        "\"y\"}\r\n");
    REQUIRE(result.errors.empty());
    REQUIRE(result.briefs.size() == 2);
    CHECK(result.briefs[1].line == 2);
    CHECK(result.briefs[1].title == "B");
  }
  SECTION("an impossible date is a warning for that line") {
    const ParseResult result = parse_jsonl(
        "{\"title\": \"A\", \"description\": \"x\"}\n{\"title\": \"B\", \"date\": "
        "\"February 30, 2025\", \"description\": \"y\"}\n");
    REQUIRE(result.briefs.size() == 2);
    CHECK_FALSE(result.briefs[1].date.has_value());
    CHECK(describe_all(result.warnings) ==
          std::vector<std::string>{"x.jsonl:2: invalid date 'February 30, 2025'; indexed undated"});
  }
  SECTION("a section without a name is Body; null fields are absent") {
    const Brief& brief = only_brief(parse_jsonl(
        R"({"title": " Padded ", "date": null, "region": null, "sections": [{"text": "x"}]})"));
    CHECK(brief.title == "Padded");
    CHECK_FALSE(brief.date.has_value());
    CHECK(sections_of(brief) == Sections{{"Body", "x"}});
  }
  SECTION("section names are canonical and empty sections are dropped") {
    const ParseResult result = parse_jsonl(
        R"({"title": "A", "sections": [{"name": "description", "text": "x"}, )"
        R"({"name": "Impact", "text": " "}, {"name": "key judgements", "text": "y"}]})"
        "\n"
        R"({"title": "B", "sections": {"IMPACT": "z", "Outlook": "", "Regional View": "w"}})");
    REQUIRE(result.errors.empty());
    REQUIRE(result.briefs.size() == 2);
    CHECK(sections_of(result.briefs[0]) == Sections{{"Description", "x"}, {"Key Judgments", "y"}});
    CHECK(sections_of(result.briefs[1]) == Sections{{"Impact", "z"}, {"Regional View", "w"}});
  }
  SECTION("only empty sections is no text") {
    CHECK(only_error(parse_jsonl(R"({"title": "A", "sections": [{"name": "Impact", "text": ""}]})"))
              .describe() == "x.jsonl:1: no text found");
  }
  SECTION("every line bad") {
    const ParseResult result = parse_jsonl("{\n}\n");
    CHECK(result.briefs.empty());
    REQUIRE(result.errors.size() == 2);
    CHECK_THAT(result.errors[0].describe(), StartsWith("x.jsonl:1: invalid JSON: "));
    CHECK_THAT(result.errors[1].describe(), StartsWith("x.jsonl:2: invalid JSON: "));
  }
}

}  // namespace
}  // namespace briefsearch

namespace briefsearch {
namespace {

TEST_CASE("jsonl: section text is trimmed and its line ends normalised", "[parsers][jsonl]") {
  const Brief brief = testing::only_brief(testing::parse_jsonl(
      R"({"title": "T", "sections": {"Description": "  first\r\nsecond\r third  "}})"));
  REQUIRE(brief.sections.size() == 1);
  CHECK(brief.sections[0].text == "first\nsecond\n third");
}

TEST_CASE("jsonl: one-line fields lose the line breaks and tabs JSON escapes can put in them",
          "[parsers][jsonl]") {
  // A line of any other format cannot hold them; a brief's fields are one line each.
  const ParseResult result = testing::parse_jsonl(
      R"({"id": "a\r\nb", "title": "Mali:\r Wagner\nGroup", "date": "2025-06-09\n",)"
      R"( "region": "Sa\thel", "countries": ["Ma\rli", "Niger"], "tags": "one\ntwo, three",)"
      R"( "source": "s\r", "sections": [{"name": "Des\rcription", "text": "Wagner left."},)"
      R"( {"name": "\r\n", "text": "More."}, {"name": "Key\njudgements", "text": "Soon."}]})");
  const Brief brief = testing::only_brief(result);
  CHECK(brief.id == "a b");
  REQUIRE(result.warnings.size() == 1);
  CHECK_THAT(result.warnings[0].message, Contains("id ") && Contains("indexed as 'a b'"));
  CHECK(brief.title == "Mali: Wagner Group");
  CHECK(brief.date.has_value());
  CHECK(brief.metadata.region == "Sa hel");
  CHECK(brief.metadata.countries == std::vector<std::string>{"Ma li", "Niger"});
  CHECK(brief.metadata.tags == std::vector<std::string>{"one two", "three"});
  CHECK(brief.metadata.source == "s");
  REQUIRE(brief.sections.size() == 3);
  CHECK(brief.sections[0].name == "Des cription");
  CHECK(brief.sections[1].name == kUntitledSectionName);
  CHECK(brief.sections[2].name == "Key Judgments");
}

TEST_CASE("jsonl: each record is decoded on its own", "[parsers][jsonl]") {
  const std::string records =
      "{\"id\": \"a\", \"title\": \"Switzerland: Z\xC3\xBCrich Talks Resume\", \"description\": "
      "\"Delegates met in Z\xC3\xBCrich and Gen\xC3\xA8ve. The envoy\x92s note was pasted.\"}\n"
      "{\"id\": \"b\", \"title\": \"Z\xFCrich: Caf\xE9 Talks\", \"description\": \"Gen\xE8ve.\"}\n"
      "{\"id\": \"c\", \"title\": \"Z\xC3\xBCrich\", \"description\": \"Clean.\"}\n";
  const ParseResult result = parse_jsonl(records, "export.jsonl");
  CHECK(describe_all(result.warnings) ==
        std::vector<std::string>{pasted_apostrophe_warning("export.jsonl:1", records.find('\x92')),
                                 "export.jsonl:2: not UTF-8; read as windows-1252"});
  CHECK(result.errors.empty());
  REQUIRE(result.briefs.size() == 3);
  CHECK(result.briefs[0].title == "Switzerland: Zürich Talks Resume");
  CHECK(section_text(result.briefs[0], "Description") ==
        "Delegates met in Zürich and Genève. The envoy’s note was pasted.");
  CHECK(result.briefs[1].title == "Zürich: Café Talks");
  CHECK(section_text(result.briefs[1], "Description") == "Genève.");
  CHECK(result.briefs[2].title == "Zürich");
}

TEST_CASE("jsonl: a lone surrogate escape costs a character, not the record", "[parsers][jsonl]") {
  // "\ud83c\udf0d" is one emoji; an exporter that cut it in two left "\ud83c" alone.
  const std::string records =
      "{\"title\": \"Globe \\ud83c\\udf0d\", \"text\": \"Cut \\ud83c here, \\\\ud83c is text, "
      "\\udf0d too.\"}\n";
  const ParseResult result = parse_jsonl(records, "export.jsonl");
  CHECK(describe_all(result.warnings) ==
        std::vector<std::string>{"export.jsonl:1: lone UTF-16 surrogate \\ud83c at byte 45 of "
                                 "the line, replaced by U+FFFD (and 1 more)"});
  const Brief& brief = only_brief(result);
  CHECK(brief.title == "Globe \xF0\x9F\x8C\x8D");
  CHECK(section_text(brief, "Body") == "Cut \xEF\xBF\xBD here, \\ud83c is text, \xEF\xBF\xBD too.");
}

TEST_CASE("jsonl: a record over the brief size limit is an error of its own line",
          "[parsers][jsonl][limits]") {
  const std::string big =
      "{\"id\": \"big\", \"title\": \"Big\", \"text\": \"" + std::string(2000, 'x') + "\"}";
  const ParseResult result =
      parse_brief_bytes(big + "\n{\"id\": \"small\", \"title\": \"Small\", \"text\": \"Fine.\"}\n",
                        InputFormat::kJsonLines, "x.jsonl", ParseLimits{1024});
  REQUIRE(result.briefs.size() == 1);
  CHECK(result.briefs[0].id == "small");
  CHECK(describe_all(result.errors) ==
        std::vector<std::string>{"x.jsonl:1: too large: " + std::to_string(big.size()) +
                                 " bytes (2 KiB), over the 1 KiB limit for one brief "
                                 "(--max-brief-size)"});
}

TEST_CASE("jsonl: a key given twice is a warning, and the last value is used", "[parsers][jsonl]") {
  const ParseResult result = parse_jsonl(
      "{\"id\": \"a\", \"title\": \"First\", \"title\": \"Second\", \"sections\": "
      "{\"Impact\": \"One.\", \"Impact\": \"Two.\"}}\n"
      "{\"id\": \"b\", \"title\": \"T\", \"sections\": [{\"name\": \"Impact\", \"text\": \"x\"}, "
      "{\"name\": \"Impact\", \"text\": \"y\"}]}\n");
  REQUIRE(result.briefs.size() == 2);
  CHECK(result.briefs[0].title == "Second");
  CHECK(sections_of(result.briefs[0]) == Sections{{"Impact", "Two."}});
  // Keys of different objects are not repeats.
  CHECK(result.briefs[1].sections.size() == 2);
  CHECK(describe_all(result.warnings) ==
        std::vector<std::string>{"x.jsonl:1: key 'Impact' given more than once; the last is used",
                                 "x.jsonl:1: key 'title' given more than once; the last is used"});
}

TEST_CASE("jsonl: a NUL or a huge broken string costs its record, with a short message",
          "[parsers][jsonl]") {
  const std::string text = std::string("{\"title\": \"A\", \"text\": \"x") + '\0' + "y\"}\n" +
                           "{\"title\": \"B\", \"text\": \"" + std::string(5000, 'z') + "\n" +
                           "{\"title\": \"C\", \"text\": \"Fine.\"}\n";
  const ParseResult result = parse_jsonl(text);
  REQUIRE(result.briefs.size() == 1);
  CHECK(result.briefs[0].title == "C");
  const std::vector<std::string> errors = describe_all(result.errors);
  REQUIRE(errors.size() == 2);
  CHECK_THAT(errors[0], StartsWith("x.jsonl:1: invalid JSON: "));
  CHECK_THAT(errors[0], Contains("U+0000"));
  CHECK_THAT(errors[1], StartsWith("x.jsonl:2: invalid JSON: "));
  CHECK(errors[1].size() < 300);
}

}  // namespace
}  // namespace briefsearch

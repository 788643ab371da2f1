// Tests for the Markdown reader: front matter, headings, inline markup.
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

TEST_CASE("markdown: front matter fills title, date and metadata", "[parsers][markdown]") {
  const ParseResult result =
      parse_brief_file(fixture("parsers/front-matter.md"), InputFormat::kMarkdown, "sudan.md");
  CHECK(describe_all(result.warnings).empty());
  const Brief& brief = only_brief(result);
  CHECK(brief.id == "brief-2024-0303");
  CHECK(brief.title == "Sudan: Ceasefire Talks Stall in Jeddah");
  REQUIRE(brief.date);
  CHECK(brief.date->iso() == "2024-03-03");
  CHECK(brief.path == "sudan.md");
  CHECK(brief.metadata.region == "East Africa");
  CHECK(brief.metadata.countries ==
        std::vector<std::string>{"Sudan", "Saudi Arabia", "United States"});
  CHECK(brief.metadata.tags == std::vector<std::string>{"ceasefire", "humanitarian access"});
  CHECK(brief.metadata.source == "Field reporting");
  CHECK(brief.metadata.classification == "UNCLASSIFIED");
  CHECK(brief.metadata.language == "en");

  REQUIRE(section_names(brief) ==
          std::vector<std::string>{"Description", "Impact", "Key Judgments"});
  CHECK(brief.sections[0].text ==
        "Delegations of the Sudanese Armed Forces (SAF) and the Rapid Support Forces left "
        "Jeddah without agreeing on a humanitarian truce, according to Reuters.\n\nAid "
        "agencies warn that access to Darfur remains blocked.");
  CHECK(brief.sections[1].text ==
        "The failure reduces the prospect of a negotiated settlement before the rainy season.");
  CHECK(brief.sections[2].text ==
        "The SAF will not accept integration terms.\n\nFamine conditions will spread in El "
        "Fasher.");
}

TEST_CASE("markdown: block lists and an unquoted title with a colon", "[parsers][markdown]") {
  const Brief& brief = only_brief(
      parse_brief_file(fixture("parsers/block-lists.md"), InputFormat::kMarkdown, "mali.md"));
  CHECK(brief.title == "Mali: Wagner Group Announces Withdrawal");
  REQUIRE(brief.date);
  CHECK(brief.date->iso() == "2025-06-09");
  CHECK(brief.metadata.region == "Sahel");
  CHECK(brief.metadata.countries == std::vector<std::string>{"Mali", "Burkina Faso", "Niger"});
  CHECK(brief.metadata.tags == std::vector<std::string>{"wagner", "africa corps"});
  CHECK(brief.metadata.source == "Open sources");
  CHECK(brief.id.empty());
  REQUIRE(section_names(brief) == std::vector<std::string>{"Description", "Outlook"});
  CHECK(brief.sections[0].text == "The Wagner Group said its mission in Mali was complete.");
  CHECK(brief.sections[1].text == "Russian operations will continue under the Africa Corps.");
}

TEST_CASE("markdown: a # heading is the title when front matter has none", "[parsers][markdown]") {
  SECTION("front matter without a title") {
    const ParseResult result = parse_md(
        "---\ndate: July 28, 2025\ncountries: Mali, Niger\n---\n\n# Sahel: **Juntas** Leave "
        "ECOWAS\n\n## Description\nThe three juntas left the bloc.\n");
    const Brief& brief = only_brief(result);
    CHECK(brief.title == "Sahel: Juntas Leave ECOWAS");
    REQUIRE(brief.date);
    CHECK(brief.date->iso() == "2025-07-28");
    CHECK(brief.metadata.countries == std::vector<std::string>{"Mali", "Niger"});
    CHECK(section_names(brief) == std::vector<std::string>{"Description"});
  }
  SECTION("no front matter at all") {
    const Brief& brief =
        only_brief(parse_md("# Sahel: Juntas Leave ECOWAS\n\nThe three juntas left the bloc.\n\n"
                            "## key judgements\nThe bloc will weaken.\n"));
    CHECK(brief.title == "Sahel: Juntas Leave ECOWAS");
    CHECK_FALSE(brief.date.has_value());
    REQUIRE(section_names(brief) == std::vector<std::string>{"Body", "Key Judgments"});
    CHECK(brief.sections[0].text == "The three juntas left the bloc.");
    CHECK(brief.sections[1].text == "The bloc will weaken.");
  }
  SECTION("the front matter title wins") {
    const Brief& brief =
        only_brief(parse_md("---\ntitle: From front matter\n---\n# Overview\nText.\n"));
    CHECK(brief.title == "From front matter");
    CHECK(section_names(brief) == std::vector<std::string>{"Overview"});
  }
}

TEST_CASE("markdown: inline markup is stripped from text", "[parsers][markdown]") {
  struct Case {
    std::string line;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"The **SAF** refused.", "The SAF refused."},
      {"The __RSF__ refused.", "The RSF refused."},
      {"An *unconfirmed* report.", "An unconfirmed report."},
      {"See [the UN report](https://un.org/sudan) for details.", "See the UN report for details."},
      {"A map: ![Darfur](img/darfur.png) here.", "A map: Darfur here."},
      {"Run `grep` on it.", "Run grep on it."},
      {"**[Reuters](https://reuters.com)** said so.", "Reuters said so."},
      {"Footnote [1] and [a link](https://x.org).", "Footnote [1] and a link."},
      {"snake_case_name stays.", "snake_case_name stays."},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const Brief& brief = only_brief(parse_md("---\ntitle: T\n---\n## Description\n" + c.line));
    CHECK(section_text(brief, "Description") == c.text);
  }
}

TEST_CASE("markdown: front matter errors and warnings name the line", "[parsers][markdown]") {
  SECTION("unclosed front matter is an error on line 1") {
    const ParseResult result = parse_md(
        "---\ntitle: Sudan: Talks Stall\ndate: 2024-03-03\n\n## Description\n\nThe talks "
        "collapsed without agreement.\n",
        "corpus/sudan.md");
    const ParseIssue& error = only_error(result);
    CHECK(error.line == 1);
    CHECK(error.describe() == "corpus/sudan.md:1: front matter is not closed with '---'");
  }
  SECTION("unclosed front matter holding only keys") {
    const ParseIssue& error = only_error(parse_md("---\ntitle: Sudan\ndate: 2024-03-03\n"));
    CHECK(error.describe() == "x.md:1: front matter is not closed with '---'");
  }
  SECTION("a front matter line that is not key: value") {
    const ParseIssue& error =
        only_error(parse_md("---\ntitle: Sudan\nthis line has no colon\n---\nText.\n"));
    CHECK(error.describe() == "x.md:3: front matter line is not 'key: value'");
  }
  SECTION("an impossible date is a warning on its line") {
    const ParseResult result = parse_md("---\ntitle: Sudan\n\ndate: 2025-02-30\n---\nText.\n");
    const Brief& brief = only_brief(result);
    CHECK_FALSE(brief.date.has_value());
    CHECK(describe_all(result.warnings) ==
          std::vector<std::string>{"x.md:4: invalid date '2025-02-30'; indexed undated"});
  }
  SECTION("no title") {
    CHECK(only_error(parse_md("---\ndate: 2024-03-03\n---\n## Description\nText.\n")).describe() ==
          "x.md: no title found");
  }
  SECTION("no text") {
    CHECK(
        only_error(parse_md("---\ntitle: Sudan\n---\n## Description\n\n## Impact\n")).describe() ==
        "x.md: no text found");
  }
}

}  // namespace
}  // namespace briefsearch

namespace briefsearch {
namespace {

TEST_CASE("markdown: a quoted list value is one list, not quoted items", "[parsers][markdown]") {
  const Brief brief = testing::only_brief(testing::parse_md(
      "---\ntitle: Sahel\ncountries: \"Mali, Niger\"\ntags: ['a', \"b\"]\n---\n\nText.\n"));
  CHECK(brief.metadata.countries == std::vector<std::string>{"Mali", "Niger"});
  CHECK(brief.metadata.tags == std::vector<std::string>{"a", "b"});
}

TEST_CASE("markdown: a stray byte in UTF-8 is repaired where it is", "[parsers][markdown]") {
  const std::string page =
      "---\ntitle: \"Switzerland: Z\xC3\xBCrich Talks Resume\"\ndate: 2025-07-29\n---\n\n"
      "## Description\n\nDelegates met in Z\xC3\xBCrich and Gen\xC3\xA8ve. The envoy\x92s note "
      "was pasted from Word.\n\nImpact: Observers attended.\n";
  const ParseResult result = parse_md(page, "stray.md");
  CHECK(describe_all(result.warnings) ==
        std::vector<std::string>{pasted_apostrophe_warning("stray.md:8", page.find('\x92'))});
  const Brief& brief = only_brief(result);
  CHECK(brief.title == "Switzerland: Zürich Talks Resume");
  CHECK_THAT(section_text(brief, "Description"),
             StartsWith("Delegates met in Zürich and Genève. The envoy’s note"));
}

TEST_CASE("markdown: 'Impact:' paragraphs start sections by the scraped-text rule",
          "[parsers][markdown]") {
  const Brief& brief =
      only_brief(parse_md("---\ntitle: Yemen: Port Strike\n---\n\n"
                          "Description: Aircraft struck the port of Hodeidah. Analysts said the\n"
                          "impact: of the strike on fuel was small, and the\n"
                          "Outlook: paper agreed.\n\n"
                          "**Impact:** Fuel imports slow.\n\n"
                          "**Key Judgments**\n\nThe Houthis will strike again.\n\n"
                          "## assessment\n\nlowercase Markdown headings still count.\n"));
  CHECK(sections_of(brief) ==
        Sections{{"Description",
                  "Aircraft struck the port of Hodeidah. Analysts said the impact: of the strike "
                  "on fuel was small, and the Outlook: paper agreed."},
                 {"Impact", "Fuel imports slow."},
                 {"Key Judgments", "The Houthis will strike again."},
                 {"Assessment", "lowercase Markdown headings still count."}});
}

TEST_CASE("markdown: a front matter key given twice is a warning; the last is used",
          "[parsers][markdown]") {
  const ParseResult result =
      parse_md("---\ntitle: First\nTitle:\tSecond\ndate: 2025-01-03\ntitle: Third\n---\n\nText.\n");
  CHECK(only_brief(result).title == "Third");
  CHECK(describe_all(result.warnings) ==
        std::vector<std::string>{
            "x.md:3: front matter key 'title' given again (line 2); the last is used",
            "x.md:5: front matter key 'title' given again (line 3); the last is used"});
}

}  // namespace
}  // namespace briefsearch

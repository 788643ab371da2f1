// Tests for the brief parsers: scraped text, Markdown with front matter and JSON Lines, on
// real scraped briefs, fixtures in tests/fixtures/parsers and inline text.
#include "common/parsers.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/section_builder.h"

namespace briefsearch {
namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;

constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kLeftQuote = "\xE2\x80\x9C";
constexpr std::string_view kRightQuote = "\xE2\x80\x9D";
constexpr std::string_view kApostrophe = "\xE2\x80\x99";
constexpr std::string_view kUUmlaut = "\xC3\xBC";

std::filesystem::path fixture(std::string_view relative) {
  return std::filesystem::path(BRIEFSEARCH_FIXTURES) / relative;
}

ParseResult parse_text(std::string_view bytes, const std::string& path = "x.txt") {
  return parse_brief_bytes(bytes, InputFormat::kScrapedText, path);
}

ParseResult parse_md(std::string_view bytes, const std::string& path = "x.md") {
  return parse_brief_bytes(bytes, InputFormat::kMarkdown, path);
}

ParseResult parse_jsonl(std::string_view bytes, const std::string& path = "x.jsonl") {
  return parse_brief_bytes(bytes, InputFormat::kJsonLines, path);
}

// A scraped page as the site renders it, around the given date line and body.
std::string scraped_page(std::string_view title, std::string_view date_line,
                         std::string_view body) {
  std::string page = "Skip to main content\nBrief\n\n";
  page.append(title).append("\n\n").append(date_line).append("\n\n").append(body);
  page += "\n\nCopying our content is forbidden.\n";
  return page;
}

std::vector<std::string> section_names(const Brief& brief) {
  std::vector<std::string> names;
  for (const Section& section : brief.sections) names.push_back(section.name);
  return names;
}

// Sections as (name, text) pairs, which Catch can print when a comparison fails.
using Sections = std::vector<std::pair<std::string, std::string>>;

Sections sections_of(const Brief& brief) {
  Sections pairs;
  for (const Section& section : brief.sections) pairs.emplace_back(section.name, section.text);
  return pairs;
}

std::string section_text(const Brief& brief, std::string_view name) {
  for (const Section& section : brief.sections) {
    if (section.name == name) return section.text;
  }
  FAIL_CHECK("no section named " << name);
  return {};
}

// The one brief a file gave, as a copy so the result may be a temporary; fails the test when
// the file gave errors instead.
Brief only_brief(const ParseResult& result) {
  for (const ParseIssue& error : result.errors) UNSCOPED_INFO("error: " << error.describe());
  REQUIRE(result.errors.empty());
  REQUIRE(result.briefs.size() == 1);
  return result.briefs.front();
}

// The one error a file gave; fails the test when it gave a brief instead.
ParseIssue only_error(const ParseResult& result) {
  REQUIRE(result.briefs.empty());
  REQUIRE(result.errors.size() == 1);
  return result.errors.front();
}

std::vector<std::string> describe_all(const std::vector<ParseIssue>& issues) {
  std::vector<std::string> described;
  for (const ParseIssue& issue : issues) described.push_back(issue.describe());
  return described;
}

// All text a reader of the brief sees.
std::string all_text(const Brief& brief) {
  std::string text = brief.title;
  for (const Section& section : brief.sections) text += "\n" + section.name + "\n" + section.text;
  return text;
}

// ---------------------------------------------------------------------------------------
// Scraped text

TEST_CASE("scraped text: the shared real briefs parse completely", "[parsers][scraped]") {
  struct Expected {
    std::string file;
    std::string title;
    std::string iso;
    std::string description_start;
    std::string description_end;
    std::string description_repaired;  // a spaced dash that must come out as a hyphen
    std::string impact_start;
    std::string impact_end;
  };
  const std::vector<Expected> cases = {
      {"baltic-cable-damage.txt", "Baltic Sea: Undersea Cable Damage Raises Sabotage Concerns",
       "2024-12-27", "Finnish authorities boarded the tanker Eagle S after the Estlink 2",
       "part of a pattern of hybrid attacks on critical infrastructure.",
       "part of Russia's so-called shadow fleet used to move oil",
       "Repeated damage to undersea infrastructure will push NATO members",
       "leaves Moscow able to deny responsibility."},
      {"sahel-wagner-exit.txt",
       "Mali: Wagner Group Announces Withdrawal as Africa Corps Takes Over", "2025-06-09",
       "The Wagner Group said its mission in Mali was complete",
       "(JNIM) ambushed a joint convoy close to the Algerian border.",
       "fighters of Jama'at Nusrat al-Islam wal-Muslimin (JNIM)",
       "The handover formalises Moscow's state control",
       "whether Africa Corps can deliver better results than Wagner did."},
      {"sudan-jeddah-talks.txt", "Sudan: Ceasefire Talks Stall in Jeddah", "2024-03-03",
       "Delegations of the Sudanese Armed Forces (SAF) and the Rapid Support Forces (RSF)",
       "had been expected to open a corridor for food convoys.",
       "where a short-term pause in fighting",
       "The failure in Jeddah reduces the prospect of a negotiated settlement",
       "renewed ethnic violence in West Darfur."},
  };
  for (const Expected& c : cases) {
    INFO(c.file);
    const std::string display = "shared-briefs/" + c.file;
    const ParseResult result =
        parse_brief_file(fixture(display), InputFormat::kScrapedText, display);
    CHECK(describe_all(result.warnings).empty());
    const Brief& brief = only_brief(result);
    CHECK(brief.title == c.title);
    REQUIRE(brief.date);
    CHECK(brief.date->iso() == c.iso);
    CHECK(brief.path == display);
    CHECK(brief.line == 0);
    CHECK(brief.id.empty());
    CHECK(brief.metadata == BriefMetadata{});
    REQUIRE(section_names(brief) == std::vector<std::string>{"Description", "Impact"});

    const std::string& description = brief.sections[0].text;
    CHECK_THAT(description, StartsWith(c.description_start));
    CHECK_THAT(description, EndsWith(c.description_end));
    CHECK_THAT(description, Contains(c.description_repaired));
    CHECK_THAT(description, !Contains("Description"));
    CHECK_THAT(description, !Contains(std::string(kEnDash)));
    CHECK_THAT(description, !Contains("\n"));
    const std::string& impact = brief.sections[1].text;
    CHECK_THAT(impact, StartsWith(c.impact_start));
    CHECK_THAT(impact, EndsWith(c.impact_end));

    for (const char* furniture :
         {"Skip to main content", "Brief", "Copying our content", "forbidden", "Comments"}) {
      INFO("furniture: " << furniture);
      CHECK_THAT(all_text(brief), !Contains(furniture));
    }
  }
}

TEST_CASE("scraped text: the date line is read in every form it takes", "[parsers][scraped]") {
  struct Case {
    std::string date_line;
    std::string iso;
  };
  const std::vector<Case> cases = {
      // The date glued to the comment counter, as the pages render it.
      {"By July 28, 2025No Comments", "2025-07-28"},
      {"By December 27, 2024 3 Comments", "2024-12-27"},
      {"By May 24, 2024 1 Comment", "2024-05-24"},
      {"By December 27, 20243 Comments", "2024-12-27"},
      {"By May 24, 20241 Comment", "2024-05-24"},
      {"By July 28, 202512 Comments", "2025-07-28"},
      {"By December 27, 2024 12 Comments", "2024-12-27"},
      {"By December 27, 2024No comments", "2024-12-27"},
      {"BY JULY 28, 2025NO COMMENTS", "2025-07-28"},
      // The date forms, with and without the counter.
      {"By Jul 28, 2025No Comments", "2025-07-28"},
      {"By 28 July 2025No Comments", "2025-07-28"},
      {"By 2025-07-28No Comments", "2025-07-28"},
      {"By 2025-07-28 2 Comments", "2025-07-28"},
      {"By July 28, 2025", "2025-07-28"},
      {"By Jul. 28, 2025", "2025-07-28"},
      {"By 28 July 2025", "2025-07-28"},
      {"By 2025-07-28", "2025-07-28"},
      {"July 28, 2025", "2025-07-28"},
      {"Jul 28, 2025", "2025-07-28"},
      {"28 July 2025", "2025-07-28"},
      {"2025-07-28", "2025-07-28"},
      {"Published on 28 July 2025", "2025-07-28"},
      {"Posted Sept. 5, 2024", "2024-09-05"},
      {"Updated 2024-09-05", "2024-09-05"},
  };
  for (const Case& c : cases) {
    INFO("date line: " << c.date_line);
    const ParseResult result = parse_text(
        scraped_page("Niger: Junta Suspends Mining Licences", c.date_line,
                     "Description: The junta withdrew the licence of the Imouraren uranium mine."));
    CHECK(describe_all(result.warnings).empty());
    const Brief& brief = only_brief(result);
    CHECK(brief.title == "Niger: Junta Suspends Mining Licences");
    REQUIRE(brief.date);
    CHECK(brief.date->iso() == c.iso);
    REQUIRE(section_names(brief) == std::vector<std::string>{"Description"});
    CHECK(brief.sections[0].text ==
          "The junta withdrew the licence of the Imouraren uranium mine.");
  }
}

TEST_CASE("scraped text: an impossible date leaves the brief undated with a warning",
          "[parsers][scraped]") {
  struct Case {
    std::string date_line;
    std::string date_text;
  };
  const std::vector<Case> cases = {
      {"By February 30, 2025No Comments", "February 30, 2025"},
      {"By February 29, 2023 2 Comments", "February 29, 2023"},
      {"By 2025-13-01No Comments", "2025-13-01"},
      {"By February 30, 20253 Comments", "February 30, 2025"},
  };
  for (const Case& c : cases) {
    INFO(c.date_line);
    // The date line is line 6: furniture, kind, blank, title, blank, date.
    const ParseResult result = parse_text(
        scraped_page("Chad: Border Closed", c.date_line, "Description: The border was closed."),
        "corpus/chad.txt");
    const Brief& brief = only_brief(result);
    CHECK_FALSE(brief.date.has_value());
    CHECK(brief.title == "Chad: Border Closed");
    CHECK(section_names(brief) == std::vector<std::string>{"Description"});
    CHECK_THAT(all_text(brief), !Contains("Comment"));
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings[0].line == 6);
    CHECK(result.warnings[0].describe() ==
          "corpus/chad.txt:6: invalid date '" + c.date_text + "'; indexed undated");
  }
}

TEST_CASE("scraped text: without a date line the first line is the title", "[parsers][scraped]") {
  const ParseResult result = parse_text(
      "Skip to main content\nBrief\n\nIran: Drone Exports Expand\n\nDescription: Shipments "
      "to Russia continued.\n",
      "iran.txt");
  const Brief& brief = only_brief(result);
  CHECK(brief.title == "Iran: Drone Exports Expand");
  CHECK_FALSE(brief.date.has_value());
  CHECK(section_text(brief, "Description") == "Shipments to Russia continued.");
  CHECK(describe_all(result.warnings) == std::vector<std::string>{"iran.txt: no date line found"});
}

TEST_CASE("scraped text: section headings alone on their line or inline", "[parsers][scraped]") {
  const std::string expected_description =
      "Finnish authorities boarded the tanker Eagle S after cables were damaged.";
  const std::string expected_impact = "NATO will expand maritime surveillance.";
  struct Case {
    std::string label;
    std::string body;
  };
  const std::vector<Case> cases = {
      {"alone, without colons",
       "Description\nFinnish authorities boarded the tanker Eagle S\nafter cables were "
       "damaged.\n\nImpact\nNATO will expand maritime surveillance."},
      {"alone, with colons, blank line below",
       "Description:\n\nFinnish authorities boarded the tanker Eagle S after cables were "
       "damaged.\n\nImpact:\n\nNATO will expand maritime surveillance."},
      {"alone, mixed case",
       "DESCRIPTION\nFinnish authorities boarded the tanker Eagle S after cables were "
       "damaged.\nimpact:\nNATO will expand maritime surveillance."},
      {"inline",
       "Description: Finnish authorities boarded the tanker Eagle S after cables were "
       "damaged.\n\nImpact: NATO will expand maritime surveillance."},
      {"inline, text continuing on the next line",
       "Description: Finnish authorities boarded the tanker Eagle S\nafter cables were "
       "damaged.\nImpact:NATO will expand maritime surveillance."},
  };
  for (const Case& c : cases) {
    INFO(c.label);
    const Brief& brief = only_brief(
        parse_text(scraped_page("Baltic Sea: Cable Damage", "December 27, 2024", c.body)));
    REQUIRE(section_names(brief) == std::vector<std::string>{"Description", "Impact"});
    CHECK(brief.sections[0].text == expected_description);
    CHECK(brief.sections[1].text == expected_impact);
  }
}

TEST_CASE("scraped text: other sections get their canonical names", "[parsers][scraped]") {
  struct Case {
    std::string heading_line;
    std::string name;
  };
  const std::vector<Case> cases = {
      {"Background", "Background"},
      {"Background:", "Background"},
      {"ASSESSMENT", "Assessment"},
      {"Outlook:", "Outlook"},
      {"Key Judgments", "Key Judgments"},
      {"Key Judgements:", "Key Judgments"},
      {"key judgements", "Key Judgments"},
      {"Bottom Line:", "Bottom Line"},
      {"Regional Reactions:", "Regional Reactions"},  // unknown but heading-shaped
  };
  for (const Case& c : cases) {
    INFO(c.heading_line);
    const std::string body = "Description: The talks collapsed.\n\n" + c.heading_line +
                             "\nBoth sides blamed each other.\n\nImpact: Fighting resumes.";
    const Brief& brief = only_brief(parse_text(scraped_page("Sudan: Talks", "2024-03-03", body)));
    REQUIRE(section_names(brief) == std::vector<std::string>{"Description", c.name, "Impact"});
    CHECK(brief.sections[1].text == "Both sides blamed each other.");
  }
  SECTION("inline forms") {
    const Brief& brief = only_brief(parse_text(
        scraped_page("Sudan: Talks", "2024-03-03",
                     "Background: The war began in April 2023.\nAssessment: Neither side can win.\n"
                     "Key Judgements: Famine will spread.\nOutlook: Talks may resume in Jeddah.")));
    REQUIRE(section_names(brief) ==
            std::vector<std::string>{"Background", "Assessment", "Key Judgments", "Outlook"});
    CHECK(brief.sections[0].text == "The war began in April 2023.");
    CHECK(brief.sections[2].text == "Famine will spread.");
    CHECK(brief.sections[3].text == "Talks may resume in Jeddah.");
  }
  SECTION("a sentence that merely contains a colon is not a heading") {
    const Brief& brief = only_brief(parse_text(
        scraped_page("Sudan: Talks", "2024-03-03",
                     "Description: Delegates said one thing:\nthe ceasefire is over.\nNote: talks "
                     "continue.")));
    REQUIRE(section_names(brief) == std::vector<std::string>{"Description"});
    CHECK(brief.sections[0].text ==
          "Delegates said one thing: the ceasefire is over. Note: talks continue.");
  }
}

TEST_CASE("scraped text: paragraphs of a section are separated by a blank line",
          "[parsers][scraped]") {
  const Brief& brief = only_brief(parse_text(
      scraped_page("Mali: Junta Extends Transition", "By May 24, 2024 1 Comment",
                   "Description: The junta extended the transition by five years.\n"
                   "Political parties remain suspended.\n\n\n"
                   "Opposition figures called the decision illegal.\n"
                   "   \n"
                   "ECOWAS has not responded.\n\n"
                   "Impact: Elections are unlikely before 2030.\n\nRussian support continues.")));
  REQUIRE(section_names(brief) == std::vector<std::string>{"Description", "Impact"});
  CHECK(brief.sections[0].text ==
        "The junta extended the transition by five years. Political parties remain "
        "suspended.\n\nOpposition figures called the decision illegal.\n\nECOWAS has not "
        "responded.");
  CHECK(brief.sections[1].text ==
        "Elections are unlikely before 2030.\n\nRussian support continues.");
}

TEST_CASE("scraped text: missing sections", "[parsers][scraped]") {
  SECTION("only a description") {
    const Brief& brief =
        only_brief(parse_text(scraped_page("Chad: Border Closed", "By July 28, 2025No Comments",
                                           "Description: Chad closed its border with Sudan.")));
    CHECK(section_names(brief) == std::vector<std::string>{"Description"});
    CHECK(brief.sections[0].text == "Chad closed its border with Sudan.");
  }
  SECTION("no headings at all: one Body section") {
    const Brief& brief = only_brief(parse_text(
        scraped_page("Chad: Border Closed", "By July 28, 2025No Comments",
                     "Chad closed its border with Sudan.\n\nRefugees gathered at Adre.")));
    CHECK(section_names(brief) == std::vector<std::string>{std::string(kUntitledSectionName)});
    CHECK(brief.sections[0].name == "Body");
    CHECK(brief.sections[0].text ==
          "Chad closed its border with Sudan.\n\nRefugees gathered at Adre.");
  }
  SECTION("text before the first heading goes to Body") {
    const Brief& brief = only_brief(parse_text(
        scraped_page("Chad: Border Closed", "By July 28, 2025No Comments",
                     "Chad closed its border with Sudan.\n\nImpact: Aid deliveries will slow.")));
    CHECK(section_names(brief) == std::vector<std::string>{"Body", "Impact"});
  }
  SECTION("a heading without text is dropped") {
    const Brief& brief = only_brief(parse_text(scraped_page(
        "Chad: Border Closed", "By July 28, 2025No Comments",
        "Description: Chad closed its border with Sudan.\n\nImpact:\n\nCopying our content is "
        "forbidden.")));
    CHECK(section_names(brief) == std::vector<std::string>{"Description"});
  }
}

TEST_CASE("scraped text: CRLF line ends and a UTF-8 byte-order mark", "[parsers][scraped]") {
  const ParseResult result =
      parse_brief_file(fixture("parsers/crlf-bom.txt"), InputFormat::kScrapedText, "crlf-bom.txt");
  CHECK(describe_all(result.warnings).empty());
  const Brief& brief = only_brief(result);
  CHECK(brief.title == "Georgia: Protests Continue in Tbilisi");
  REQUIRE(brief.date);
  CHECK(brief.date->iso() == "2024-12-02");
  REQUIRE(section_names(brief) == std::vector<std::string>{"Description", "Impact"});
  CHECK(brief.sections[0].text == "Protesters gathered outside parliament for a fifth night.");
  CHECK(brief.sections[1].text ==
        "The government is expected to tighten rules on foreign funding.");
  CHECK_THAT(all_text(brief), !Contains("\r"));
  CHECK_THAT(all_text(brief), !Contains("\xEF\xBB\xBF"));
  CHECK_THAT(all_text(brief), !Contains("Skip to main content"));

  SECTION("the same bytes inline, with a multi-line paragraph") {
    const Brief& inline_brief = only_brief(parse_text(
        "\xEF\xBB\xBF"
        "Georgia: Protests\r\nBy Dec 2, 2024 1 Comment\r\n\r\nDescription: one\r\ntwo\r\n\r\n"
        "three\r\n"));
    CHECK(inline_brief.title == "Georgia: Protests");
    CHECK(inline_brief.sections[0].text == "one two\n\nthree");
  }
}

TEST_CASE("scraped text: Windows-1252 bytes become correct UTF-8 with a warning",
          "[parsers][scraped]") {
  const ParseResult result = parse_brief_file(fixture("parsers/windows-1252.txt"),
                                              InputFormat::kScrapedText, "legacy/zurich.txt");
  CHECK(describe_all(result.warnings) ==
        std::vector<std::string>{"legacy/zurich.txt: not UTF-8; read as windows-1252"});
  const Brief& brief = only_brief(result);
  const std::string zurich = "Z" + std::string(kUUmlaut) + "rich";
  CHECK(brief.title == "Switzerland: " + zurich + " Hosts " + std::string(kLeftQuote) + "Quiet" +
                           std::string(kRightQuote) + " Talks on Sahel Security");
  REQUIRE(brief.date);
  CHECK(brief.date->iso() == "2025-07-28");
  REQUIRE(section_names(brief) == std::vector<std::string>{"Description", "Impact"});
  const std::string& description = brief.sections[0].text;
  CHECK_THAT(description, StartsWith("Delegations from Mali, Niger and Burkina Faso met in " +
                                     zurich + " for a two-day round of talks"));
  CHECK_THAT(description, Contains("described as " + std::string(kLeftQuote) + "constructive" +
                                   std::string(kRightQuote) + "."));
  CHECK_THAT(description, Contains("The meeting " + std::string(kEnDash) +
                                   " which was not announced in advance " + std::string(kEnDash) +
                                   " focused on border security"));
  const std::string& impact = brief.sections[1].text;
  CHECK_THAT(impact, StartsWith("The so-called " + zurich + " format"));
  CHECK_THAT(impact, Contains("Bamako" + std::string(kApostrophe) + "s reliance"));
  // Mojibake: UTF-8 read as Latin-1 ("Ã¼"), C1 controls in place of quotes, U+FFFD.
  for (std::string_view bad :
       {"\xC3\x83", "\xC3\x82", "\xC2\x93", "\xC2\x94", "\xC2\x96", "\xEF\xBF\xBD", "\r"}) {
    CHECK_THAT(all_text(brief), !Contains(std::string(bad)));
  }
}

TEST_CASE("scraped text: UTF-16LE with a byte-order mark", "[parsers][scraped]") {
  const ParseResult result = parse_brief_file(fixture("parsers/utf16le-bom.txt"),
                                              InputFormat::kScrapedText, "utf16le-bom.txt");
  CHECK(describe_all(result.warnings) ==
        std::vector<std::string>{"utf16le-bom.txt: not UTF-8; read as UTF-16LE"});
  const Brief& brief = only_brief(result);
  CHECK(brief.title ==
        "Ukraine: Kyiv" + std::string(kApostrophe) + "s Grain Corridor Survives Winter Strikes");
  REQUIRE(brief.date);
  CHECK(brief.date->iso() == "2025-02-14");
  REQUIRE(section_names(brief) == std::vector<std::string>{"Description", "Impact"});
  CHECK(brief.sections[0].text ==
        "Ukrainian ports near Odesa kept shipping grain despite repeated drone strikes on port "
        "infrastructure in Izmail and Chornomorsk.");
  CHECK(brief.sections[1].text == "Insurers in Z" + std::string(kUUmlaut) +
                                      "rich and London are expected to keep war-risk premiums "
                                      "high.");
}

TEST_CASE("scraped text: spaced dashes used as hyphens are repaired", "[parsers][scraped]") {
  const std::string dash(kEnDash);
  struct Case {
    std::string input;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"a two " + dash + " day visit", "a two-day visit"},
      {"the so " + dash + " called shadow fleet", "the so-called shadow fleet"},
      {"a 72 " + dash + " hour truce", "a 72-hour truce"},
      {"a Z" + std::string(kUUmlaut) + "rich " + dash + " based bank",
       "a Z" + std::string(kUUmlaut) + "rich-based bank"},
      {"two " + dash + " day and three " + dash + " week", "two-day and three-week"},
      // Real parenthetical dashes: next to function words, or closing such a pair.
      {"the talks " + dash + " which stalled " + dash + " resumed",
       "the talks " + dash + " which stalled " + dash + " resumed"},
      {"Troops withdrew " + dash + " and the town fell.",
       "Troops withdrew " + dash + " and the town fell."},
      // A sentence ends an unclosed pair.
      {"Troops withdrew " + dash + " and the town fell. A two " + dash + " day truce began.",
       "Troops withdrew " + dash + " and the town fell. A two-day truce began."},
      {"The convoy " + dash + " its third this month " + dash + " arrived.",
       "The convoy " + dash + " its third this month " + dash + " arrived."},
      // Not between two words.
      {"Ceasefire " + dash + " ", "Ceasefire " + dash + " "},
      {"2024 " + dash + " 2025 budget", "2024-2025 budget"},
      {"no dashes here", "no dashes here"},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(repair_spaced_hyphens(c.input) == c.expected);
  }

  SECTION("in section text and in the title") {
    const Brief& brief = only_brief(parse_text(scraped_page(
        "Sudan: So " + dash + " Called Peace Talks Stall", "2024-03-03",
        "Description: After a two " + dash + " day pause, the talks " + dash + " which stalled " +
            dash + " resumed.\n\nImpact: A short " + dash + " term truce is possible.")));
    CHECK(brief.title == "Sudan: So-Called Peace Talks Stall");
    CHECK(section_text(brief, "Description") ==
          "After a two-day pause, the talks " + dash + " which stalled " + dash + " resumed.");
    CHECK(section_text(brief, "Impact") == "A short-term truce is possible.");
  }
}

TEST_CASE("scraped text: files that are not briefs are errors", "[parsers][scraped]") {
  struct Case {
    std::string label;
    std::string bytes;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"empty file", "", "empty file"},
      {"whitespace only", " \n\t\r\n   \n\n", "empty file"},
      {"byte-order mark and blank lines only", "\xEF\xBB\xBF\r\n \r\n", "empty file"},
      {"UTF-16 blank lines only", std::string("\xFF\xFE\r\0\n\0 \0\n\0", 10), "empty file"},
      {"binary with NULs", std::string("PK\x03\x04\0\0\0\x08\0Brief\0\0", 16), "binary file"},
      {"no title: the date line comes first",
       "Skip to main content\nBrief\n\nBy July 28, 2025No Comments\n\nDescription: text.\n",
       "no title found"},
      {"no title: the text starts with a heading",
       "Skip to main content\n\nDescription: The border was closed.\n", "no title found"},
      {"a title but no text",
       "Skip to main content\nBrief\n\nChad: Border Closed\n\nBy July 28, 2025No Comments\n\n"
       "Copying our content is forbidden.\n",
       "no text found"},
      {"a title and headings but no text",
       "Chad: Border Closed\nBy July 28, 2025No Comments\nDescription:\nImpact:\n",
       "no text found"},
  };
  for (const Case& c : cases) {
    INFO(c.label);
    const ParseResult result = parse_text(c.bytes, "corpus/bad.txt");
    const ParseIssue& error = only_error(result);
    CHECK(error.message == c.message);
    CHECK(error.line == 0);
    CHECK(error.describe() == "corpus/bad.txt: " + c.message);
  }
}

TEST_CASE("ParseIssue::describe names the path, the line when known, and the reason", "[parsers]") {
  CHECK(ParseIssue{"corpus/a.txt", 0, "empty file"}.describe() == "corpus/a.txt: empty file");
  CHECK(ParseIssue{"corpus/b.jsonl", 12, "invalid JSON"}.describe() ==
        "corpus/b.jsonl:12: invalid JSON");
}

TEST_CASE("parse_brief_file reports files it cannot read", "[parsers]") {
  SECTION("missing") {
    const ParseIssue& error = only_error(parse_brief_file(
        fixture("parsers/does-not-exist.txt"), InputFormat::kScrapedText, "does-not-exist.txt"));
    CHECK(error.describe() == "does-not-exist.txt: cannot read: No such file or directory");
  }
  SECTION("a directory") {
    const ParseIssue& error =
        only_error(parse_brief_file(fixture("parsers"), InputFormat::kScrapedText, "parsers"));
    CHECK(error.describe() == "parsers: cannot read: not a regular file");
  }
}

TEST_CASE("input_format_for maps extensions to formats", "[parsers]") {
  CHECK(input_format_for("a/b.txt") == InputFormat::kScrapedText);
  CHECK(input_format_for("B.TXT") == InputFormat::kScrapedText);
  CHECK(input_format_for("b.md") == InputFormat::kMarkdown);
  CHECK(input_format_for("b.Markdown") == InputFormat::kMarkdown);
  CHECK(input_format_for("b.jsonl") == InputFormat::kJsonLines);
  CHECK_FALSE(input_format_for("b.json").has_value());
  CHECK_FALSE(input_format_for("b.pdf").has_value());
  CHECK_FALSE(input_format_for("txt").has_value());
}

// ---------------------------------------------------------------------------------------
// Markdown

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

// ---------------------------------------------------------------------------------------
// JSON Lines

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

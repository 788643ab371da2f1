// Tests for the scraped-text reader, on real scraped briefs, fixtures and inline pages.
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
      {"alone, capitals, after a sentence",
       "DESCRIPTION\nFinnish authorities boarded the tanker Eagle S after cables were "
       "damaged.\nIMPACT:\nNATO will expand maritime surveillance."},
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

TEST_CASE("scraped text: a wrapped line that starts with a section word stays text",
          "[parsers][scraped]") {
  // Hard-wrapped at 60 columns: two lines happen to begin with "impact:" and
  // "description:", and one with a capitalised "Outlook:" in the middle of a sentence.
  const Brief& brief = only_brief(
      parse_text(scraped_page("Yemen: Port Strike", "By January 5, 2025No Comments",
                              "Description: Aircraft struck the port of Hodeidah. Analysts\n"
                              "said the strike was meant to test the fuel supply chain and\n"
                              "impact: the word the ministry used for the damage. Its own\n"
                              "description: a warning shot. The ministry's 2025\n"
                              "Outlook: paper expected calm.\n\n"
                              "Impact: Fuel imports slow.")));
  CHECK(sections_of(brief) ==
        Sections{{"Description",
                  "Aircraft struck the port of Hodeidah. Analysts said the strike was meant to "
                  "test the fuel supply chain and impact: the word the ministry used for the "
                  "damage. Its own description: a warning shot. The ministry's 2025 Outlook: "
                  "paper expected calm."},
                 {"Impact", "Fuel imports slow."}});
  SECTION("a lowercase heading after a blank line is text too") {
    const Brief& lowercase = only_brief(parse_text(
        scraped_page("Yemen: Port Strike", "2025-01-05",
                     "Description: Aircraft struck Hodeidah.\n\nimpact: fuel imports slow.")));
    CHECK(sections_of(lowercase) ==
          Sections{{"Description", "Aircraft struck Hodeidah.\n\nimpact: fuel imports slow."}});
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
      {"Key judgements", "Key Judgments"},
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

TEST_CASE("scraped text: a stray byte in UTF-8 is repaired where it is", "[parsers][scraped]") {
  const std::string page =
      "Switzerland: Z\xC3\xBCrich Talks Resume\n\nBy July 29, 2025No Comments\n\n"
      "Description: Delegates met in Z\xC3\xBCrich and Gen\xC3\xA8ve. The envoy\x92s note was "
      "pasted from Word.\n\nImpact: Observers attended.\n";
  const ParseResult result = parse_text(page, "briefs/stray.txt");
  CHECK(describe_all(result.warnings) == std::vector<std::string>{pasted_apostrophe_warning(
                                             "briefs/stray.txt:5", page.find('\x92'))});
  const Brief& brief = only_brief(result);
  CHECK(brief.title == "Switzerland: Zürich Talks Resume");
  CHECK(sections_of(brief) ==
        Sections{{"Description",
                  "Delegates met in Zürich and Genève. The envoy’s note was pasted from Word."},
                 {"Impact", "Observers attended."}});
  SECTION("a character cut in the title") {
    const ParseResult cut = parse_text(
        "Switzerland: Z\xC3rich Talks in Gen\xC3\xA8ve\n\nBy July 29, 2025No Comments\n\n"
        "Description: Delegates met.\n",
        "cut.txt");
    CHECK(only_brief(cut).title == "Switzerland: Z\xEF\xBF\xBDrich Talks in Genève");
    CHECK(describe_all(cut.warnings) ==
          std::vector<std::string>{
              "cut.txt:1: invalid UTF-8 byte 0xC3 at byte offset 14, replaced by U+FFFD"});
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
      // Quotes end a word: a dash after a quotation is a real dash.
      {std::string(kLeftQuote) + "no" + std::string(kRightQuote) + " " + dash + " then",
       std::string(kLeftQuote) + "no" + std::string(kRightQuote) + " " + dash + " then"},
      {"Кремль " + dash + " based", "Кремль-based"},
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
      {"binary with NULs", std::string("PK\x03\x04\0\0\0\x08\0Brief\0\0", 16),
       "binary file (a NUL byte at byte offset 4)"},
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

}  // namespace
}  // namespace briefsearch

// Tests for the heading rule the text-based readers share: what a heading looks like and
// where one may stand.
#include "common/parse/section_builder.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

using Sections = std::vector<std::pair<std::string, std::string>>;

// Feeds lines as the readers do: a blank line ends a paragraph, any other line may be a
// heading.
Sections build(const std::vector<std::string>& lines) {
  SectionBuilder builder;
  for (const std::string& line : lines) {
    if (line.empty()) {
      builder.end_paragraph();
    } else {
      builder.add_line_or_heading(line);
    }
  }
  Sections sections;
  for (const Section& section : builder.finish()) sections.emplace_back(section.name, section.text);
  return sections;
}

// The lines as body text: lines of a paragraph joined by a space, paragraphs by a blank line.
std::string as_text(const std::vector<std::string>& lines) {
  std::string text;
  bool paragraph_open = false;
  for (const std::string& line : lines) {
    if (line.empty()) {
      if (paragraph_open) text += "\n\n";
      paragraph_open = false;
      continue;
    }
    if (paragraph_open) text += ' ';
    text += line;
    paragraph_open = true;
  }
  return text;
}

std::string capitalised(std::string_view spelling) {
  std::string text(spelling);
  text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

TEST_CASE("read_heading reads the forms a heading is written in", "[section_builder]") {
  struct Case {
    std::string line;
    std::string name;  // empty: not a heading
    std::string text;
  };
  const std::vector<Case> cases = {
      {"Impact: Fuel imports slow.", "Impact", "Fuel imports slow."},
      {"Impact:Fuel imports slow.", "Impact", "Fuel imports slow."},
      {"IMPACT: Fuel imports slow.", "Impact", "Fuel imports slow."},
      {"Key judgements: Famine spreads.", "Key Judgments", "Famine spreads."},
      {"Impact", "Impact", ""},
      {"Impact:", "Impact", ""},
      {"Bottom Line :", "Bottom Line", ""},
      {"Regional Reactions:", "Regional Reactions", ""},
      {"Regional Reactions: Cairo objected.", "", ""},  // unknown names are never inline
      {"impact: of the sanctions", "", ""},
      {"impact", "", ""},
      {"regional reactions:", "", ""},
      {"Regional reactions:", "", ""},
      {"The Five Regional Reactions Today:", "", ""},  // more than four words
      {"Impacts: Fuel imports slow.", "", ""},
      {"\"Impact: quoted\"", "", ""},
      // Spaces around a heading, and what a title may hold.
      {"   Impact:   Fuel imports slow.  ", "Impact", "Fuel imports slow."},
      {"\xC2\xA0Outlook\xC2\xA0", "Outlook", ""},
      {"KEY JUDGMENTS", "Key Judgments", ""},
      {"Key Judgments :", "Key Judgments", ""},
      {"What next: Talks.", "What Next", "Talks."},
      {"One Two Three Four:", "One Two Three Four", ""},
      {"One Two Three Four Five:", "", ""},
      {"Phase 2:", "", ""},               // letters only
      {"Regional-Reactions:", "", ""},    // letters only
      {"Regional Reactions", "", ""},     // an unknown name needs its colon
      {"Impact analysis: text", "", ""},  // not a known name, and text follows
      {"Outlooks", "", ""},
      {"2025: A year of talks", "", ""},
      {"", "", ""},
      {":", "", ""},
      // A heading is at most 40 bytes before its colon.
      {"Extraordinarily Comprehensive Reconsiderations:", "", ""},
      {"Extraordinarily Comprehensive Reviews:", "Extraordinarily Comprehensive Reviews", ""},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const auto heading = read_heading(c.line);
    if (c.name.empty()) {
      CHECK_FALSE(heading.has_value());
      continue;
    }
    REQUIRE(heading.has_value());
    CHECK(heading->name == c.name);
    CHECK(heading->text == c.text);
  }
}

TEST_CASE("a heading is capitalised and starts a paragraph, for every section name and alias",
          "[section_builder]") {
  const std::vector<std::string_view> spellings = known_section_spellings();
  REQUIRE(spellings.size() >= 20);
  for (std::string_view spelling : spellings) {
    const std::string name = *canonical_section_name(spelling);
    const std::string lower(spelling);
    const std::string upper = ascii_uppercase(spelling);
    const std::string cap = capitalised(spelling);
    struct Case {
      std::string label;
      std::vector<std::string> lines;
      bool heading;
    };
    const std::vector<Case> cases = {
        {"capitalised, after a blank line",
         {"The talks ended.", "", cap + ": Fighting resumed."},
         true},
        {"in capitals, after a blank line",
         {"The talks ended.", "", upper + ": Fighting resumed."},
         true},
        {"capitalised, after a sentence", {"The talks ended.", cap + ": Fighting resumed."}, true},
        {"capitalised, after a closing quote",
         {"Talks \"ended.\"", cap + ": Fighting resumed."},
         true},
        {"capitalised, first line", {cap + ": Fighting resumed."}, true},
        {"alone, after a blank line", {"The talks ended.", "", cap, "Fighting resumed."}, true},
        {"alone with a colon", {"The talks ended.", "", cap + ":", "Fighting resumed."}, true},
        {"lowercase, after a blank line",
         {"The talks ended.", "", lower + ": fighting resumed."},
         false},
        {"lowercase, after a sentence", {"The talks ended.", lower + ": fighting resumed."}, false},
        {"lowercase, wrapped", {"Officials weighed the", lower + ": fighting resumed."}, false},
        {"capitalised, wrapped", {"Officials weighed the", cap + ": fighting resumed."}, false},
        {"capitalised, wrapped after a colon",
         {"Officials listed:", cap + ": fighting resumed."},
         false},
        {"lowercase alone, wrapped", {"Officials weighed the", lower, "of the fighting."}, false},
        {"lowercase alone, after a blank line",
         {"The talks ended.", "", lower, "fighting resumed."},
         false},
    };
    for (const Case& c : cases) {
      INFO(c.label << ": " << spelling);
      const Sections sections = build(c.lines);
      if (c.heading) {
        REQUIRE_FALSE(sections.empty());
        CHECK(sections.back() == std::pair<std::string, std::string>(name, "Fighting resumed."));
      } else {
        REQUIRE(sections.size() == 1);
        CHECK(sections.front().first == std::string(kUntitledSectionName));
        CHECK(sections.front().second == as_text(c.lines));
      }
    }
  }
}

TEST_CASE("a heading right after another heading starts its own section", "[section_builder]") {
  CHECK(build({"Description", "Impact: Fuel imports slow."}) ==
        Sections{{"Impact", "Fuel imports slow."}});
  CHECK(build({"Description:", "Assessment", "Talks stall."}) ==
        Sections{{"Assessment", "Talks stall."}});
  CHECK(build({"Background: War began in 2023.", "Outlook: Talks may resume."}) ==
        Sections{{"Background", "War began in 2023."}, {"Outlook", "Talks may resume."}});
  CHECK(build({"Regional Reactions:", "Cairo objected; the", "impact: was muted."}) ==
        Sections{{"Regional Reactions", "Cairo objected; the impact: was muted."}});
}

TEST_CASE("lines join into paragraphs, and paragraphs into a section's text", "[section_builder]") {
  SectionBuilder builder;
  builder.start_section("Description");
  builder.add_line("  Tankers anchored \t");
  builder.add_line("\xC2\xA0off the coast.\xC2\xA0");  // no-break spaces are trimmed too
  builder.add_line("");
  builder.add_line(" \t ");  // a second blank line adds no empty paragraph
  builder.add_line("Patrols followed.");
  builder.end_paragraph();
  builder.end_paragraph();
  builder.add_line("Talks resumed.");
  CHECK(builder.finish() ==
        std::vector<Section>{{"Description",
                              "Tankers anchored off the coast.\n\nPatrols followed.\n\nTalks "
                              "resumed."}});
}

TEST_CASE("text before any heading is the untitled section, and empty sections are dropped",
          "[section_builder]") {
  CHECK(build({"Opening line,", "wrapped.", "", "Impact: Fuel imports", "slow further.",
               "Outlook:"}) ==
        Sections{{std::string(kUntitledSectionName), "Opening line, wrapped."},
                 {"Impact", "Fuel imports slow further."}});
  CHECK(build({"Description:", "", "Impact"}).empty());
  CHECK(build({}).empty());

  SECTION("a repeated heading starts another section of that name") {
    CHECK(build({"Impact: One.", "Impact: Two."}) ==
          Sections{{"Impact", "One."}, {"Impact", "Two."}});
  }
  SECTION("an explicitly started section that gets no text is dropped as well") {
    SectionBuilder builder;
    builder.start_section("Background");
    builder.start_section("Outlook");
    builder.add_line("Talks may resume.");
    builder.start_section("Comment");
    CHECK(builder.finish() == std::vector<Section>{{"Outlook", "Talks may resume."}});
  }
}

TEST_CASE("finish() leaves the builder empty, ready for the next brief", "[section_builder]") {
  SectionBuilder builder;
  builder.start_section("Impact");
  builder.add_line("First brief.");
  CHECK(builder.finish() == std::vector<Section>{{"Impact", "First brief."}});
  builder.add_line("Second brief.");
  CHECK(builder.finish() ==
        std::vector<Section>{{std::string(kUntitledSectionName), "Second brief."}});
  CHECK(builder.finish().empty());
}

TEST_CASE("spaced hyphens are repaired paragraph by paragraph", "[section_builder]") {
  const std::string dash = "\xE2\x80\x93";  // en dash
  SectionBuilder builder;
  builder.start_section("Description");
  // The first paragraph leaves a parenthetical dash open; it does not carry over.
  builder.add_line("The talks " + dash + " which stalled");
  builder.add_line("");
  builder.add_line("A two " + dash);
  builder.add_line("day truce began.");
  const std::vector<Section> sections = builder.finish();
  REQUIRE(sections.size() == 1);
  CHECK(sections[0].text == "The talks " + dash + " which stalled\n\nA two-day truce began.");
}

}  // namespace
}  // namespace briefsearch

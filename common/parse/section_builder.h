// Assembles section text line by line for the text-based parsers. The names of the
// sections briefs use are in common/brief/section_names.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/brief/brief.h"
#include "common/brief/section_names.h"

namespace briefsearch {

// A section heading read from a line of text.
struct Heading {
  std::string name;       // canonical when the section is a known one
  std::string_view text;  // what follows "Name:" on the line, trimmed; empty when alone
};

// The heading line is written as, if any: the one rule of the text-based readers.
// - The line's first character is a capital letter: "impact: of sanctions" is text.
// - It is a known section name (any alias, case aside from that first letter) followed by a
//   colon and text ("Impact: Repeated damage ..."); or a known name alone on the line, with
//   or without a colon ("Key Judgments", "IMPACT:"); or one to four words, each starting with
//   a capital letter, ending in a colon ("Regional Reactions:").
// A heading must also start a paragraph; SectionBuilder::add_line_or_heading checks that.
[[nodiscard]] std::optional<Heading> read_heading(std::string_view line);

// Scraped pages turn hyphens into spaced en dashes ("two – day"). This restores the hyphen
// where the dash joins two words, and leaves alone dashes next to function words ("talks –
// which") and the dash closing such a pair in the same sentence ("stalled – resumed"), since
// those are real parenthetical dashes.
[[nodiscard]] std::string repair_spaced_hyphens(std::string_view text);

// Consecutive lines form one paragraph (joined with a space); a blank line ends it;
// paragraphs of a section are separated by a blank line in Section::text.
class SectionBuilder {
 public:
  void start_section(std::string name);
  void add_line(std::string_view line);
  // Starts the section line names when it is a heading (read_heading) and starts a paragraph;
  // otherwise adds it as text. A line starts a paragraph when nothing precedes it in the
  // paragraph (it is the first line of the body, or follows a blank line, a heading alone
  // on its line or an end_paragraph), or when the line before it ends a sentence ('.', '!'
  // or '?', perhaps before closing quotes or brackets): a line wrapped mid-sentence never
  // starts a section, whatever word it begins with.
  void add_line_or_heading(std::string_view line);
  void end_paragraph();
  // The sections that received text, in order; text before any heading goes into a section
  // named kUntitledSectionName.
  [[nodiscard]] std::vector<Section> finish();

 private:
  std::vector<Section> sections_;
  std::string paragraph_;
  bool section_open_ = false;
};

}  // namespace briefsearch

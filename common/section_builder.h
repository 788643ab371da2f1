// Assembles section text line by line for the text-based parsers, and knows the names of
// the sections briefs use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/brief.h"

namespace briefsearch {

// Name given to text that comes before any section heading.
inline constexpr std::string_view kUntitledSectionName = "Body";

// The canonical spelling when heading (any case, without its colon) names a section briefs
// are known to use: "key judgements" gives "Key Judgments", "IMPACT" gives "Impact".
[[nodiscard]] std::optional<std::string> canonical_section_name(std::string_view heading);

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

#include "common/brief/section_names.h"

#include <algorithm>
#include <array>

#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

struct SectionAlias {
  std::string_view spelling;  // lowercase
  std::string_view canonical;
};

constexpr std::array<SectionAlias, 24> kSectionAliases = {{
    {"description", "Description"},
    {"impact", "Impact"},
    {"background", "Background"},
    {"assessment", "Assessment"},
    {"outlook", "Outlook"},
    {"key judgments", "Key Judgments"},
    {"key judgements", "Key Judgments"},
    {"analysis", "Analysis"},
    {"summary", "Summary"},
    {"context", "Context"},
    {"implications", "Implications"},
    {"comment", "Comment"},
    {"forecast", "Forecast"},
    {"scenarios", "Scenarios"},
    {"recommendations", "Recommendations"},
    {"bottom line", "Bottom Line"},
    {"what next", "What Next"},
    {"details", "Details"},
    {"significance", "Significance"},
    {"key points", "Key Points"},
    {"indicators", "Indicators"},
    {"sources", "Sources"},
    {"risks", "Risks"},
    {"timeline", "Timeline"},
}};

}  // namespace

std::optional<std::string> canonical_section_name(std::string_view heading) {
  const std::string lowered = ascii_lowercase(trim(heading));
  for (const SectionAlias& alias : kSectionAliases) {
    if (lowered == alias.spelling) return std::string(alias.canonical);
  }
  return std::nullopt;
}

std::optional<std::string> section_named_in_query(std::string_view word) {
  std::string spaced(word);
  std::replace(spaced.begin(), spaced.end(), '-', ' ');
  std::replace(spaced.begin(), spaced.end(), '_', ' ');
  return canonical_section_name(spaced);
}

std::string section_query_spelling(std::string_view section_name) {
  std::string spelling = ascii_lowercase(trim(section_name));
  std::replace(spelling.begin(), spelling.end(), ' ', '-');
  return spelling;
}

std::vector<std::string_view> known_section_spellings() {
  std::vector<std::string_view> spellings;
  for (const SectionAlias& alias : kSectionAliases) spellings.push_back(alias.spelling);
  return spellings;
}

}  // namespace briefsearch

#include "common/output/no_match.h"

#include <vector>

#include "common/base/string_utils.h"
#include "common/output/terminal_text.h"

namespace briefsearch {
namespace {

std::string quoted_list(const std::vector<std::string>& words) {
  std::vector<std::string> quoted;
  for (const std::string& word : words) quoted.push_back("'" + printable_text(word) + "'");
  return join(quoted, ", ");
}

std::string words_count(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " word" : " words");
}

}  // namespace

std::string no_match_message(const SearchReport& report, bool to_terminal) {
  const std::optional<Relaxation>& relaxation = report.relaxation;
  if (!relaxation) {
    if (report.results.total > 0 || (!report.suggestion && !to_terminal)) return "";
    std::string message = "no briefs match";
    if (report.suggestion) message += "; did you mean: " + printable_text(*report.suggestion);
    return message;
  }
  const std::size_t all = relaxation->words.size();
  std::vector<std::string> parts;
  if (all == 1) {
    parts.push_back("no brief matches " + quoted_list(relaxation->words) +
                    (relaxation->filters_exclude_all ? " within the filters and dates" : ""));
  } else {
    parts.push_back("no brief matches all " + words_count(all));
    if (!relaxation->unmatched.empty()) {
      const bool one = relaxation->unmatched.size() == 1;
      parts.push_back(quoted_list(relaxation->unmatched) + (one ? " matches" : " match") +
                      " no brief at all");
    }
    if (relaxation->filters_exclude_all) {
      parts.push_back("briefs have all of them, but none within the filters and dates");
    }
  }
  if (relaxation->minimum_should_match > 0 && relaxation->shown) {
    parts.push_back("showing briefs that match " +
                    std::to_string(relaxation->minimum_should_match) + " of the " +
                    words_count(all) + " (--no-relax for none)");
  } else if (relaxation->minimum_should_match > 0) {
    parts.push_back("briefs match " + std::to_string(relaxation->minimum_should_match) +
                    " of the " + words_count(all) + " (--relax shows them)");
  }
  if (relaxation->without_unmatched) {
    parts.push_back("try: " + printable_text(*relaxation->without_unmatched));
  }
  if (report.suggestion) parts.push_back("did you mean: " + printable_text(*report.suggestion));
  return join(parts, "; ");
}

std::string relaxed_label(const SearchReport& report) {
  if (!report.relaxation || report.relaxation->minimum_should_match == 0 ||
      !report.relaxation->shown) {
    return "";
  }
  const Relaxation& relaxation = *report.relaxation;
  return "No brief matches all " + words_count(relaxation.words.size()) + "; these match " +
         std::to_string(relaxation.minimum_should_match) + " of them:";
}

}  // namespace briefsearch

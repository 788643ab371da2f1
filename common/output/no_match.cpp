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

// "'a'", "'a' and 'b'", "'a', 'b' and 'c'".
std::string quoted_series(const std::vector<std::string>& texts) {
  std::string out;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) out += i + 1 == texts.size() ? " and " : ", ";
    out += "'" + printable_text(texts[i]) + "'";
  }
  return out;
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
    // The restrictions are named as written: "within the filters" would misname "-yemen".
    std::string part = "no brief matches " + quoted_list(relaxation->words);
    if (relaxation->filters_exclude_all) {
      part += " together with " + quoted_series(relaxation->restrictions);
    }
    parts.push_back(std::move(part));
  } else {
    parts.push_back("no brief matches all " + words_count(all));
    if (!relaxation->unmatched.empty()) {
      const bool one = relaxation->unmatched.size() == 1;
      parts.push_back(quoted_list(relaxation->unmatched) + (one ? " matches" : " match") +
                      " no brief at all");
    }
    if (relaxation->filters_exclude_all) {
      parts.push_back("briefs have all of them, but none together with " +
                      quoted_series(relaxation->restrictions));
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

bool is_relaxed_answer(const SearchReport& report) {
  return report.relaxation && report.relaxation->shown &&
         report.relaxation->minimum_should_match > 0;
}

std::string after_answer_note(const SearchReport& report, bool text_format, bool to_terminal) {
  if (to_terminal || text_format || is_relaxed_answer(report)) {
    return no_match_message(report, to_terminal);
  }
  return "";
}

std::string relaxed_label(const SearchReport& report) {
  if (!is_relaxed_answer(report)) return "";
  const Relaxation& relaxation = *report.relaxation;
  return "No brief matches all " + words_count(relaxation.words.size()) + "; these match " +
         std::to_string(relaxation.minimum_should_match) + " of them:";
}

}  // namespace briefsearch

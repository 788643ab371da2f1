#include "common/query_words.h"

namespace briefsearch {

std::vector<std::string> exact_terms(std::string_view text, Analyzer& analyzer) {
  std::vector<std::string> terms;
  for (Token& token : analyzer.analyse_without_stems(text)) terms.push_back(std::move(token.term));
  return terms;
}

std::vector<std::vector<std::string>> near_operands(const QueryNode& near, Analyzer& analyzer) {
  std::vector<std::vector<std::string>> operands;
  for (const QueryNode& child : near.children) {
    std::vector<std::string> terms = exact_terms(child.text, analyzer);
    if (!terms.empty()) operands.push_back(std::move(terms));
  }
  return operands;
}

ProximityRule near_rule(const QueryNode& near) {
  return {static_cast<std::uint32_t>(near.window), near.ordered};
}

}  // namespace briefsearch

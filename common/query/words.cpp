#include "common/query/words.h"

#include <algorithm>

namespace briefsearch {

std::vector<std::string> exact_terms(std::string_view text, Analyser& analyser) {
  std::vector<std::string> terms;
  for (Token& token : analyser.analyse_without_stems(text)) terms.push_back(std::move(token.term));
  return terms;
}

std::optional<WildcardWords> wildcard_words(std::string_view text, Analyser& analyser) {
  const std::vector<Token> tokens = analyser.analyse_without_stems(text);
  WildcardWords result;
  for (const Token& token : tokens) result.words.push_back(token.term);
  if (tokens.empty() || tokens.back().end == text.size()) return result;
  // Something follows the last word. It belongs to the word being completed when the
  // analyser, given one more letter or digit, keeps it inside that word: "u." + "s".
  for (const std::string_view probe : {"a", "0"}) {
    const std::string probed = std::string(text) + std::string(probe);
    const std::vector<Token> longer = analyser.analyse_without_stems(probed);
    if (longer.size() != tokens.size() || longer.back().begin != tokens.back().begin ||
        longer.back().end != probed.size() || !longer.back().term.ends_with(probe)) {
      continue;
    }
    result.written = result.words.back();
    result.words.back() = longer.back().term.substr(0, longer.back().term.size() - probe.size());
    return result;
  }
  return std::nullopt;
}

std::vector<std::vector<std::string>> near_operands(const QueryNode& near, Analyser& analyser) {
  std::vector<std::vector<std::string>> operands;
  for (const QueryNode& child : near.children) {
    std::vector<std::string> terms = exact_terms(child.text, analyser);
    if (!terms.empty()) operands.push_back(std::move(terms));
  }
  return operands;
}

bool is_stop_word_only(const QueryNode& node, Analyser& analyser) {
  if (node.kind != QueryNode::Kind::kWord) return false;
  const std::vector<Token> tokens = analyser.analyse(node.text);
  return tokens.size() == 1 && tokens.front().stop_word;
}

std::vector<const QueryNode*> without_stop_words(const std::vector<QueryNode>& children,
                                                 Analyser& analyser) {
  const bool has_content_word =
      std::any_of(children.begin(), children.end(), [&](const QueryNode& child) {
        return child.kind != QueryNode::Kind::kNot && !is_stop_word_only(child, analyser);
      });
  std::vector<const QueryNode*> kept;
  for (const QueryNode& child : children) {
    if (!has_content_word || !is_stop_word_only(child, analyser)) kept.push_back(&child);
  }
  return kept;
}

ProximityRule near_rule(const QueryNode& near) {
  return {static_cast<std::uint32_t>(near.window), near.ordered};
}

}  // namespace briefsearch

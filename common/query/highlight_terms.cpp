// What to highlight in snippets for a query tree (highlight_terms in common/query/query.h).
#include "common/query/query.h"
#include "common/query/words.h"

namespace briefsearch {
namespace {

using Kind = QueryNode::Kind;

void collect_highlights(const QueryNode& node, Analyser& analyser, bool skip_stop_words,
                        std::vector<HighlightTerm>& terms) {
  switch (node.kind) {
    case Kind::kNot:
    case Kind::kFilter:
    case Kind::kDateRange:
      return;
    case Kind::kWord: {
      const std::vector<Token> tokens = analyser.analyse(node.text);
      if (tokens.size() == 1 && skip_stop_words && tokens.front().stop_word) return;
      if (tokens.size() == 1) {
        terms.push_back({HighlightTerm::Kind::kStem, {{tokens.front().stem}}, node.field, {}});
      } else if (!tokens.empty()) {
        terms.push_back(
            {HighlightTerm::Kind::kExact, {exact_terms(node.text, analyser)}, node.field, {}});
      }
      return;
    }
    case Kind::kPhrase: {
      std::vector<std::string> words = exact_terms(node.text, analyser);
      if (!words.empty())
        terms.push_back({HighlightTerm::Kind::kExact, {std::move(words)}, node.field, {}});
      return;
    }
    case Kind::kWildcard: {
      auto wildcard = wildcard_words(node.text, analyser);
      if (!wildcard || wildcard->words.empty()) return;
      if (wildcard->written) {
        std::vector<std::string> written = wildcard->words;
        written.back() = *wildcard->written;
        terms.push_back({HighlightTerm::Kind::kExact, {std::move(written)}, node.field, {}});
      }
      terms.push_back({HighlightTerm::Kind::kPrefix, {std::move(wildcard->words)}, node.field, {}});
      return;
    }
    case Kind::kNear: {
      auto operands = near_operands(node, analyser);
      if (!operands.empty()) {
        terms.push_back({HighlightTerm::Kind::kExact, std::move(operands),
                         node.children.front().field, near_rule(node)});
      }
      return;
    }
    default:
      for (const QueryNode& child : node.children) {
        collect_highlights(child, analyser, skip_stop_words, terms);
      }
  }
}

}  // namespace

std::vector<HighlightTerm> highlight_terms(const QueryNode& tree, Analyser& analyser) {
  std::vector<HighlightTerm> terms;
  collect_highlights(tree, analyser, /*skip_stop_words=*/tree.kind != Kind::kWord, terms);
  return terms;
}

}  // namespace briefsearch

// What to highlight in snippets for a query tree (highlight_terms in common/query/query.h).
#include "common/query/expansion.h"
#include "common/query/query.h"
#include "common/query/words.h"

namespace briefsearch {
namespace {

using Kind = QueryNode::Kind;

// What a word's meaning (expansion.h) adds to what is highlighted: the month spelled out
// ("jun 2025": "June") and the country's other names ("dprk": "North Korea", "North
// Korean"), so that the passage shown says why the brief matched. A date matched in the
// date line has nothing in the text to mark.
void add_meaning(const WordMeaning& meaning, Analyser& analyser,
                 std::vector<HighlightTerm>& terms) {
  if (!meaning.month_name.empty()) {
    const std::vector<Token> tokens = analyser.analyse(meaning.month_name);
    terms.push_back({HighlightTerm::Kind::kStem, {{tokens.front().stem}}, std::nullopt, {}});
  }
  for (const std::vector<std::string>& name : meaning.country_names) {
    if (!name.empty()) terms.push_back({HighlightTerm::Kind::kExact, {name}, std::nullopt, {}});
  }
}

void collect_highlights(const QueryNode& node, Analyser& analyser, bool skip_stop_words,
                        std::vector<HighlightTerm>& terms);

// The children of an AND (words side by side read together: a country's name, a month
// beside a year) or of --any's alternatives.
void collect_children(const QueryNode& node, Analyser& analyser, bool skip_stop_words,
                      std::vector<HighlightTerm>& terms) {
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    const QueryNode& child = node.children[i];
    collect_highlights(child, analyser, skip_stop_words, terms);
    if (child.kind != Kind::kWord) continue;
    if (node.kind == Kind::kAnd) {
      add_meaning(meaning_at(node.children, i, analyser).meaning, analyser, terms);
    } else if (node.side_by_side) {
      if (const std::size_t words = country_name_words(node.children, i, analyser); words > 1) {
        add_meaning(meaning_of_name(node.children, i, words, analyser), analyser, terms);
      }
    }
  }
}

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
      collect_children(node, analyser, skip_stop_words, terms);
  }
}

}  // namespace

std::vector<HighlightTerm> highlight_terms(const QueryNode& tree, Analyser& analyser) {
  std::vector<HighlightTerm> terms;
  collect_highlights(tree, analyser, /*skip_stop_words=*/tree.kind != Kind::kWord, terms);
  if (tree.kind == Kind::kWord) add_meaning(meaning_of(tree, analyser), analyser, terms);
  return terms;
}

}  // namespace briefsearch

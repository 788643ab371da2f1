// What a query tree asks for beyond its Xapian query: highlights, ranking, spelling
// candidates and a readable rendering.
#include <algorithm>

#include "common/query/query.h"
#include "common/query/words.h"

namespace briefsearch {
namespace {

using Kind = QueryNode::Kind;

void collect_highlights(const QueryNode& node, Analyzer& analyzer, bool skip_stop_words,
                        std::vector<HighlightTerm>& terms) {
  switch (node.kind) {
    case Kind::kNot:
    case Kind::kFilter:
    case Kind::kDateRange:
      return;
    case Kind::kWord: {
      const std::vector<Token> tokens = analyzer.analyse(node.text);
      if (tokens.size() == 1 && skip_stop_words && tokens.front().stop_word) return;
      if (tokens.size() == 1) {
        terms.push_back({HighlightTerm::Kind::kStem, {{tokens.front().stem}}, node.field, {}});
      } else if (!tokens.empty()) {
        terms.push_back(
            {HighlightTerm::Kind::kExact, {exact_terms(node.text, analyzer)}, node.field, {}});
      }
      return;
    }
    case Kind::kPhrase: {
      std::vector<std::string> words = exact_terms(node.text, analyzer);
      if (!words.empty())
        terms.push_back({HighlightTerm::Kind::kExact, {std::move(words)}, node.field, {}});
      return;
    }
    case Kind::kWildcard: {
      auto wildcard = wildcard_words(node.text, analyzer);
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
      auto operands = near_operands(node, analyzer);
      if (!operands.empty()) {
        terms.push_back({HighlightTerm::Kind::kExact, std::move(operands),
                         node.children.front().field, near_rule(node)});
      }
      return;
    }
    default:
      for (const QueryNode& child : node.children) {
        collect_highlights(child, analyzer, skip_stop_words, terms);
      }
  }
}

void describe_into(const QueryNode& node, std::string& out) {
  std::string field = node.field ? std::string(node.field->name) + ":" : "";
  if (!node.named_section.empty()) field = node.named_section + ":";
  switch (node.kind) {
    case Kind::kWord:
      out += field + node.text;
      return;
    case Kind::kPhrase:
      out += field + "\"" + node.text + "\"";
      return;
    case Kind::kWildcard:
      out += field + node.text + "*";
      return;
    case Kind::kFilter:
      out += std::string(node.filter->name) + ":" + node.text;
      return;
    case Kind::kDateRange:
      out += "date:" + (node.date_from ? node.date_from->iso() : "") + ".." +
             (node.date_to ? node.date_to->iso() : "");
      return;
    case Kind::kNear:
      out += std::string(node.ordered ? "(ADJ/" : "(NEAR/") + std::to_string(node.window);
      break;
    case Kind::kAnd:
      out += "(AND";
      break;
    case Kind::kOr:
      out += "(OR";
      break;
    case Kind::kXor:
      out += "(XOR";
      break;
    case Kind::kNot:
      out += "(NOT";
      break;
  }
  for (const QueryNode& child : node.children) {
    out += ' ';
    describe_into(child, out);
  }
  out += ')';
}

}  // namespace

std::vector<HighlightTerm> highlight_terms(const QueryNode& tree, Analyzer& analyzer) {
  std::vector<HighlightTerm> terms;
  collect_highlights(tree, analyzer, /*skip_stop_words=*/tree.kind != Kind::kWord, terms);
  return terms;
}

bool has_ranking_terms(const QueryNode& tree) {
  switch (tree.kind) {
    case Kind::kWord:
    case Kind::kPhrase:
    case Kind::kWildcard:
    case Kind::kNear:
      return true;
    case Kind::kFilter:
    case Kind::kDateRange:
    case Kind::kNot:
      return false;
    default:
      return std::any_of(tree.children.begin(), tree.children.end(), has_ranking_terms);
  }
}

std::vector<std::pair<std::size_t, std::string>> plain_words(const QueryNode& tree) {
  std::vector<std::pair<std::size_t, std::string>> words;
  if (tree.kind == Kind::kNot) return words;
  if (tree.kind == Kind::kWord) {
    words.emplace_back(tree.column, tree.text);
    return words;
  }
  for (const QueryNode& child : tree.children) {
    auto more = plain_words(child);
    words.insert(words.end(), more.begin(), more.end());
  }
  std::sort(words.begin(), words.end());
  return words;
}

std::size_t first_wildcard_column(const QueryNode& tree) {
  if (tree.kind == Kind::kWildcard) return tree.column;
  for (const QueryNode& child : tree.children) {
    if (const std::size_t column = first_wildcard_column(child); column > 0) return column;
  }
  return tree.children.empty() ? 0 : 1;
}

std::string describe(const QueryNode& tree) {
  std::string out;
  describe_into(tree, out);
  return out;
}

}  // namespace briefsearch

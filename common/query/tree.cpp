// What a query tree asks for beyond its Xapian query: ranking, spelling candidates and a
// readable rendering. Highlights are in highlight_terms.cpp.
#include <algorithm>
#include <optional>

#include "common/query/query.h"
#include "common/query/words.h"

namespace briefsearch {
namespace {

using Kind = QueryNode::Kind;

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

// The column of the first wildcard in tree, in query order; nothing when it has none.
std::optional<std::size_t> wildcard_column(const QueryNode& tree) {
  if (tree.kind == Kind::kWildcard) return tree.column;
  for (const QueryNode& child : tree.children) {
    if (auto column = wildcard_column(child)) return column;
  }
  return std::nullopt;
}

}  // namespace

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
  return wildcard_column(tree).value_or(1);
}

std::string describe(const QueryNode& tree) {
  std::string out;
  describe_into(tree, out);
  return out;
}

}  // namespace briefsearch

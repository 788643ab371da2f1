// What a query tree asks for beyond its Xapian query: ranking, spelling candidates, and
// the tree written back in the query language. Highlights are in highlight_terms.cpp.
#include <algorithm>
#include <optional>

#include "common/base/string_utils.h"
#include "common/brief/section_names.h"
#include "common/query/expansion.h"
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

// The field prefix a text leaf is written with: its section's name as one word
// ("key-judgments:"), its text field's name ("title:"), or nothing.
std::string field_written(const QueryNode& node) {
  if (!node.named_section.empty()) return section_query_spelling(node.named_section) + ":";
  return node.field ? std::string(node.field->name) + ":" : "";
}

// A filter's value as the lexer reads it back: quoted unless it is one plain word (a value
// starting with a sign would read as one). A value holding a '"' came from a word, so it
// is written as that word.
std::string value_written(const std::string& value) {
  const bool plain = !value.empty() && value.front() != '-' && value.front() != '+' &&
                     std::none_of(value.begin(), value.end(), [](char c) {
                       return is_ascii_space(c) || c == '(' || c == ')' || c == ':' || c == '*';
                     });
  if (plain || value.find('"') != std::string::npos) return value;
  return "\"" + value + "\"";
}

void write_query_text(const QueryNode& node, std::string& out);

// A child of an operator: a leaf or NOT as it is, any other group in parentheses.
void write_operand(const QueryNode& child, std::string& out) {
  const bool group = !child.children.empty() && child.kind != Kind::kNot;
  if (group) out += '(';
  write_query_text(child, out);
  if (group) out += ')';
}

void write_query_text(const QueryNode& node, std::string& out) {
  std::string joint;
  switch (node.kind) {
    case Kind::kWord:
      out += field_written(node) + node.text;
      return;
    case Kind::kPhrase:
      out += field_written(node) + "\"" + node.text + "\"";
      return;
    case Kind::kWildcard:
      out += field_written(node) + node.text + "*";
      return;
    case Kind::kFilter:
      out += std::string(node.filter->name) + ":" + value_written(node.text);
      return;
    case Kind::kDateRange:
      out += "date:" + (node.date_from ? node.date_from->iso() : "") + ".." +
             (node.date_to ? node.date_to->iso() : "");
      return;
    case Kind::kNot:
      out += "NOT ";
      write_operand(node.children.front(), out);
      return;
    case Kind::kNear:
      joint = std::string(node.ordered ? " ADJ/" : " NEAR/") + std::to_string(node.window) + " ";
      break;
    case Kind::kAnd:
      joint = " AND ";
      break;
    case Kind::kOr:
      joint = " OR ";
      break;
    case Kind::kXor:
      joint = " XOR ";
      break;
  }
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    if (i > 0) out += joint;
    write_operand(node.children[i], out);
  }
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

bool only_restricts(const QueryNode& node) {
  switch (node.kind) {
    case Kind::kNot:
    case Kind::kFilter:
    case Kind::kDateRange:
      return true;
    case Kind::kAnd:
    case Kind::kOr:
    case Kind::kXor:
      return std::all_of(node.children.begin(), node.children.end(), only_restricts);
    default:
      return false;
  }
}

std::optional<RequiredParts> required_parts(const QueryNode& tree, Analyser& analyser) {
  RequiredParts parts;
  if (tree.kind != Kind::kAnd) {
    if (only_restricts(tree)) return std::nullopt;
    parts.words.push_back(tree);
    return parts;
  }
  const std::vector<const QueryNode*> kept = without_stop_words(tree.children, analyser);
  for (std::size_t index = 0; index < tree.children.size(); ++index) {
    // Words that name a country together ("united states", "republic of korea") are one
    // part: relaxing must not keep "united" and drop "states".
    if (const std::size_t words = country_name_words(tree.children, index, analyser); words > 1) {
      QueryNode name;
      name.kind = Kind::kAnd;
      name.column = tree.children[index].column;
      const auto first = tree.children.begin() + static_cast<std::ptrdiff_t>(index);
      name.children.assign(first, first + static_cast<std::ptrdiff_t>(words));
      // As typed, from its first word to its last ("united  states" stays one part).
      if (name.children.front().typed_end > 0 && name.children.back().typed_end > 0) {
        name.typed_begin = name.children.front().typed_begin;
        name.typed_end = name.children.back().typed_end;
      }
      parts.words.push_back(std::move(name));
      index += words - 1;
      continue;
    }
    const QueryNode* child = &tree.children[index];
    if (std::find(kept.begin(), kept.end(), child) == kept.end()) continue;  // a stop word
    (only_restricts(*child) ? parts.restrictions : parts.words).push_back(*child);
  }
  if (parts.words.empty()) return std::nullopt;
  return parts;
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
  return wildcard_column(tree).value_or(1);
}

std::string query_text_of(const QueryNode& tree) {
  std::string out;
  write_query_text(tree, out);
  return out;
}

std::string typed_text_of(const QueryNode& node, std::string_view query) {
  if (node.typed_end == 0 || node.typed_end > query.size() || node.typed_begin >= node.typed_end) {
    return query_text_of(node);
  }
  return std::string(query.substr(node.typed_begin, node.typed_end - node.typed_begin));
}

std::string describe(const QueryNode& tree) {
  std::string out;
  describe_into(tree, out);
  return out;
}

}  // namespace briefsearch

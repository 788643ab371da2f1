#include "common/search/relaxation.h"

#include <algorithm>
#include <span>
#include <utility>

#include "common/base/string_utils.h"
#include "common/query/at_least.h"

namespace briefsearch {
namespace {

bool matches_any(Xapian::Database& database, const Xapian::Query& query, Analyser& analyser) {
  SearchOptions count_only;
  count_only.limit = 0;
  return run_search(database, query, {}, count_only, analyser).total > 0;
}

// A part as the user wrote it: the words of a country's name side by side ("united
// states", which required_parts made one part), anything else in the query language.
std::string part_text(const QueryNode& node) {
  const bool words_only =
      node.kind == QueryNode::Kind::kAnd &&
      std::all_of(node.children.begin(), node.children.end(), [](const QueryNode& child) {
        return child.kind == QueryNode::Kind::kWord && !child.field;
      });
  if (!words_only) return query_text_of(node);
  std::vector<std::string> words;
  for (const QueryNode& child : node.children) words.push_back(query_text_of(child));
  return join(words, " ");
}

// The words joined as a query: side by side, each in the query language, then the
// restrictions. A group keeps its parentheses, so that the parts stay ANDed:
// "(houthi OR kyivstar) NOT shipping", not "houthi OR kyivstar NOT shipping"; a name's
// words need none, since side by side is AND.
std::string query_text(const std::vector<const QueryNode*>& nodes) {
  std::vector<std::string> texts;
  for (const QueryNode* node : nodes) {
    const std::string text = part_text(*node);
    const bool group = text == query_text_of(*node) &&
                       (node->kind == QueryNode::Kind::kOr || node->kind == QueryNode::Kind::kXor ||
                        node->kind == QueryNode::Kind::kAnd);
    texts.push_back(group ? "(" + text + ")" : text);
  }
  return join(texts, " ");
}

}  // namespace

RelaxedSearch relax(const RequiredParts& parts, const std::string& query_text_typed,
                    Xapian::Database& database, Analyser& analyser) {
  const auto build = [&](const QueryNode& node) {
    return build_xapian_query(node, query_text_typed, database, analyser);
  };
  QueryNode restrictions_node;
  restrictions_node.kind = QueryNode::Kind::kAnd;
  restrictions_node.children = parts.restrictions;
  const Xapian::Query restrictions =
      parts.restrictions.empty() ? Xapian::Query() : build(restrictions_node);
  const auto restricted = [&](const Xapian::Query& query) {
    if (restrictions.empty() || query.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query, restrictions);
  };

  RelaxedSearch relaxed;
  Relaxation& relaxation = relaxed.relaxation;
  std::vector<Xapian::Query> words;
  std::vector<const QueryNode*> kept;
  for (const QueryNode& node : parts.words) {
    relaxation.words.push_back(part_text(node));
    Xapian::Query word = build(node);
    if (word.empty() || !matches_any(database, word, analyser)) {
      relaxation.unmatched.push_back(relaxation.words.back());
      continue;
    }
    words.push_back(std::move(word));
    kept.push_back(&node);
  }
  if (relaxation.unmatched.empty() && !restrictions.empty()) {
    relaxation.filters_exclude_all = matches_any(
        database, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()), analyser);
  }
  if (!relaxation.unmatched.empty() && !kept.empty()) {
    std::vector<const QueryNode*> rest = kept;
    for (const QueryNode& node : parts.restrictions) rest.push_back(&node);
    const Xapian::Query instead =
        restricted(Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
    if (matches_any(database, instead, analyser)) relaxation.without_unmatched = query_text(rest);
  }

  // Ranked by the words each brief matches, each once; the level only filters.
  const Xapian::Query ranked(Xapian::Query::OP_OR, words.begin(), words.end());
  const std::size_t all = parts.words.size();
  for (std::size_t minimum = std::min(all - 1, words.size()); minimum >= 1; --minimum) {
    if (at_least_leaves(minimum, words.size(), kMostRelaxedLeaves) > kMostRelaxedLeaves) continue;
    const Xapian::Query level = restricted(
        Xapian::Query(Xapian::Query::OP_FILTER, ranked, at_least(minimum, std::span(words))));
    if (matches_any(database, level, analyser)) {
      relaxation.minimum_should_match = minimum;
      relaxed.query = level;
      break;
    }
  }
  return relaxed;
}

}  // namespace briefsearch

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

// The parts joined as a query, each as the user wrote it (typed_text_of: "date:2025", not
// its expansion) and in the order written when the parser recorded it. A group the parser
// did not record keeps its parentheses, so that the parts stay ANDed: "(houthi OR
// kyivstar) NOT shipping", not "houthi OR kyivstar NOT shipping".
std::string query_text(std::vector<const QueryNode*> nodes, std::string_view typed) {
  const bool all_recorded = std::all_of(nodes.begin(), nodes.end(),
                                        [](const QueryNode* node) { return node->typed_end > 0; });
  if (all_recorded) {
    std::stable_sort(nodes.begin(), nodes.end(), [](const QueryNode* a, const QueryNode* b) {
      return a->typed_begin < b->typed_begin;
    });
  }
  std::vector<std::string> texts;
  for (const QueryNode* node : nodes) {
    const bool group = node->kind == QueryNode::Kind::kOr || node->kind == QueryNode::Kind::kXor ||
                       node->kind == QueryNode::Kind::kAnd;
    const std::string text = typed_text_of(*node, typed);
    texts.push_back(group && node->typed_end == 0 ? "(" + text + ")" : text);
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
  for (const QueryNode& node : parts.restrictions) {
    relaxation.restrictions.push_back(typed_text_of(node, query_text_typed));
  }
  for (const QueryNode& node : parts.words) {
    relaxation.words.push_back(typed_text_of(node, query_text_typed));
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
    if (matches_any(database, instead, analyser)) {
      relaxation.without_unmatched = query_text(rest, query_text_typed);
    }
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

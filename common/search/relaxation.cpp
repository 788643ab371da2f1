#include "common/search/relaxation.h"

#include <span>
#include <utility>

#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

bool matches_any(Xapian::Database& database, const Xapian::Query& query, Analyser& analyser) {
  SearchOptions count_only;
  count_only.limit = 0;
  return run_search(database, query, {}, count_only, analyser).total > 0;
}

// The briefs matching at least minimum of words, as a boolean query: either the first word
// and minimum - 1 of the rest, or minimum of the rest. Its size is what
// at_least_leaves counts.
Xapian::Query at_least(std::size_t minimum, std::span<const Xapian::Query> words) {
  if (minimum == words.size())
    return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
  if (minimum == 1) return Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
  const Xapian::Query with_first(Xapian::Query::OP_AND, words.front(),
                                 at_least(minimum - 1, words.subspan(1)));
  return Xapian::Query(Xapian::Query::OP_OR, with_first, at_least(minimum, words.subspan(1)));
}

// The number of word queries at_least(minimum, n words) holds, or more than limit.
std::size_t at_least_leaves(std::size_t minimum, std::size_t count, std::size_t limit) {
  if (minimum == count || minimum == 1) return count;
  const std::size_t with_first = 1 + at_least_leaves(minimum - 1, count - 1, limit);
  if (with_first > limit) return with_first;
  return with_first + at_least_leaves(minimum, count - 1, limit);
}

// The words joined as a query: side by side, each in the query language, then the
// restrictions. A group keeps its parentheses, so that the parts stay ANDed:
// "(houthi OR kyivstar) NOT shipping", not "houthi OR kyivstar NOT shipping".
std::string query_text(const std::vector<const QueryNode*>& nodes) {
  std::vector<std::string> texts;
  for (const QueryNode* node : nodes) {
    const bool group = node->kind == QueryNode::Kind::kOr || node->kind == QueryNode::Kind::kXor ||
                       node->kind == QueryNode::Kind::kAnd;
    texts.push_back(group ? "(" + query_text_of(*node) + ")" : query_text_of(*node));
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
    relaxation.words.push_back(query_text_of(node));
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

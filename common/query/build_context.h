// The pieces the query builder (builder.cpp) puts together, internal to the query module:
// what building needs besides the tree, the shared ways of combining Xapian queries, and
// the queries of one leaf (a word as written, a phrase, a wildcard, NEAR/ADJ, a date).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/base/errors.h"
#include "common/query/boosts.h"
#include "common/query/query.h"

namespace briefsearch::building {

// What building a query needs besides the tree: the database (for the terms a field word
// can match) and the one analyser.
struct BuildContext {
  std::string_view query;
  const Xapian::Database& database;
  Analyser& analyser;
  const QueryLimits& limits;
  // Terms the wildcards built so far expand to, against limits.max_total_wildcard_terms.
  Xapian::termcount wildcard_terms = 0;
  // What the plain words add to the order (boosts.h), joined to the whole query at the
  // end.
  Boosts boosts = {};
  // How many NOTs enclose what is being built: a word the query excludes earns no boost.
  int negations = 0;

  [[noreturn]] void fail(const QueryNode& node, const std::string& problem) const {
    throw QueryError(std::string(query), node.column, problem);
  }
};

// The fields a text leaf searches: its own, or every text field.
[[nodiscard]] std::vector<TextField> fields_for(const QueryNode& node);

// parts joined by op (OR unless given: AND, MAX, SYNONYM, XOR); one part alone as it is.
[[nodiscard]] Xapian::Query combined(std::vector<Xapian::Query> parts,
                                     Xapian::Query::op op = Xapian::Query::OP_OR);

// query matching as it does, adding no weight (filters, dates).
[[nodiscard]] Xapian::Query weightless(const Xapian::Query& query);

// A leaf written with a section's name as its field ("outlook:ceasefire") must also be in
// a brief that has that section.
[[nodiscard]] Xapian::Query in_section(const QueryNode& node, Xapian::Query query);

// Prefixed with field: each word as the only term at its position.
[[nodiscard]] std::vector<std::vector<std::string>> in_field(const std::vector<std::string>& terms,
                                                             const TextField& field);

// The best of one positional match per field (see build_context.cpp).
[[nodiscard]] Xapian::Query positional_match(std::vector<Xapian::Query> per_field);

// The exact terms as a phrase, in each of fields.
[[nodiscard]] Xapian::Query sequence_query(const std::vector<std::string>& terms,
                                           const std::vector<TextField>& fields);

// One word as written: its stem in every field, the forms one field holds, or the
// sequence of the words the analyser splits it into. A plain word also adds its title
// boost to context.title_boosts.
[[nodiscard]] Xapian::Query written_word_query(const QueryNode& node, BuildContext& context);

// The year or month terms (kYearFilter, kMonthFilter) of the briefs dated from from to to,
// when the period is whole years or whole months (at most 60 terms); nothing otherwise.
[[nodiscard]] std::optional<std::vector<std::string>> whole_period_terms(const CalendarDate& from,
                                                                         const CalendarDate& to);

// A kDateRange node's query (or any node with date_from/date_to set); weightless.
[[nodiscard]] Xapian::Query date_query(const QueryNode& node);

// The queries of kPhrase, kWildcard and kNear leaves (leaf_queries.cpp). Throw QueryError
// through context.fail for what only the analyser or the index can tell.
[[nodiscard]] Xapian::Query phrase_query(const QueryNode& node, BuildContext& context);
[[nodiscard]] Xapian::Query wildcard_query(const QueryNode& node, BuildContext& context);
[[nodiscard]] Xapian::Query near_query(const QueryNode& node, BuildContext& context);

}  // namespace briefsearch::building

#include <algorithm>

#include "common/query/build_context.h"
#include "common/query/positional.h"
#include "common/query/words.h"

namespace briefsearch::building {
namespace {

constexpr std::string_view kWildcardLimitProblem =
    "a wildcard matches too many words; type more letters before '*'";

// Counts the terms that start with start against the query's total for its wildcards.
void charge_wildcard(const std::string& start, const QueryNode& node, BuildContext& context) {
  const Xapian::termcount total = context.limits.max_total_wildcard_terms;
  const Xapian::termcount each = context.limits.max_wildcard_terms;
  Xapian::termcount counted = 0;
  for (auto term = context.database.allterms_begin(start);
       term != context.database.allterms_end(start); ++term) {
    // Past its own cap, the wildcard's own error says more.
    if (each > 0 && ++counted > each) return;
    if (total > 0 && ++context.wildcard_terms > total) {
      context.fail(node, "the query's wildcards match more than " + std::to_string(total) +
                             " words together; use fewer wildcards or more letters before '*'");
    }
  }
}

// The terms of field that start with start, at most the wildcard cap of them.
std::vector<std::string> expansions(const std::string& start, const QueryNode& node,
                                    BuildContext& context) {
  std::vector<std::string> terms;
  for (auto term = context.database.allterms_begin(start);
       term != context.database.allterms_end(start); ++term) {
    // As for Xapian's own wildcards, a cap of 0 means no cap.
    if (context.limits.max_wildcard_terms > 0 &&
        terms.size() == context.limits.max_wildcard_terms) {
      context.fail(node, std::string(kWildcardLimitProblem));
    }
    terms.push_back(*term);
  }
  return terms;
}

}  // namespace

Xapian::Query phrase_query(const QueryNode& node, BuildContext& context) {
  const std::vector<std::string> terms = exact_terms(node.text, context.analyser);
  if (terms.empty()) return {};
  return in_section(node, sequence_query(terms, fields_for(node)));
}

// A trailing wildcard completes the last word the analyser finds in its text; words before
// it ("covid-1*") must precede it as in a phrase. Completions are exact terms, and so is the
// word the text itself is when its start ends in punctuation ("U.S.*": "u.s" and "u.s.*").
// Expanding past the cap is an error, never a silent cut (Xapian::WildcardError when the
// query runs, for a wildcard alone).
Xapian::Query wildcard_query(const QueryNode& node, BuildContext& context) {
  const auto wildcard = wildcard_words(node.text, context.analyser);
  if (!wildcard) context.fail(node, "a wildcard needs a letter or digit right before '*'");
  const std::vector<std::string>& words = wildcard->words;
  if (words.empty()) return {};
  std::vector<Xapian::Query> per_field;
  for (const TextField& field : fields_for(node)) {
    const std::string start = std::string(field.prefix) + words.back();
    const std::optional<std::string> written =
        wildcard->written ? std::optional(std::string(field.prefix) + *wildcard->written)
                          : std::nullopt;
    charge_wildcard(start, node, context);
    if (words.size() == 1) {
      per_field.emplace_back(Xapian::Query::OP_WILDCARD, start, context.limits.max_wildcard_terms,
                             Xapian::Query::WILDCARD_LIMIT_ERROR);
      if (written) per_field.emplace_back(*written);
      continue;
    }
    std::vector<std::vector<std::string>> sequence = in_field(words, field);
    sequence.back() = expansions(start, node, context);
    if (written) sequence.back().push_back(*written);
    per_field.push_back(sequence_in_field(sequence));
  }
  if (words.size() == 1)
    return in_section(node, combined(std::move(per_field), Xapian::Query::OP_SYNONYM));
  return in_section(node, positional_match(std::move(per_field)));
}

// NEAR and ADJ work on word positions, which only exact terms carry. An operand may be
// several words (a phrase, or a word the analyser splits).
Xapian::Query near_query(const QueryNode& node, BuildContext& context) {
  const std::vector<std::vector<std::string>> operands = near_operands(node, context.analyser);
  if (operands.empty()) return {};
  const bool several_words = std::any_of(operands.begin(), operands.end(),
                                         [](const auto& operand) { return operand.size() > 1; });
  if (several_words && operands.size() > ProximityMatcher::kMaxSearchedOperands &&
      operands_share_words(operands)) {
    context.fail(node, "a NEAR or ADJ chain of phrases that repeats a word takes at most " +
                           std::to_string(ProximityMatcher::kMaxSearchedOperands) + " operands");
  }
  const QueryNode& first = node.children.front();
  std::vector<Xapian::Query> per_field;
  for (const TextField& field : fields_for(first)) {
    std::vector<std::vector<std::string>> prefixed;
    for (const auto& operand : operands) {
      std::vector<std::string>& terms = prefixed.emplace_back();
      for (const std::string& term : operand) terms.push_back(std::string(field.prefix) + term);
    }
    per_field.push_back(proximity_in_field(prefixed, near_rule(node)));
  }
  return in_section(first, positional_match(std::move(per_field)));
}

}  // namespace briefsearch::building

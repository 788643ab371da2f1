#include <algorithm>

#include "common/analysis/filter_values.h"
#include "common/base/errors.h"
#include "common/query/positional.h"
#include "common/query/query.h"
#include "common/query/title_boost.h"
#include "common/query/words.h"

namespace briefsearch {
namespace {

using Kind = QueryNode::Kind;

// What building a query needs besides the tree: the database (for the terms a field word
// can match) and the one analyser.
struct BuildContext {
  std::string_view query;
  const Xapian::Database& database;
  Analyser& analyser;
  const QueryLimits& limits;
  // What the plain words add to briefs whose titles hold them (title_boost.h), joined to
  // the whole query at the end.
  std::vector<Xapian::Query> title_boosts = {};

  [[noreturn]] void fail(const QueryNode& node, const std::string& problem) const {
    throw QueryError(std::string(query), node.column, problem);
  }
};

std::vector<TextField> fields_for(const QueryNode& node) {
  if (node.field) return {*node.field};
  return {kTextFields.begin(), kTextFields.end()};
}

// parts joined by op (OR unless given: AND, MAX, SYNONYM, XOR); one part alone as it is.
Xapian::Query combined(std::vector<Xapian::Query> parts,
                       Xapian::Query::op op = Xapian::Query::OP_OR) {
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(op, parts.begin(), parts.end());
}

Xapian::Query weightless(const Xapian::Query& query) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0.0);
}

// A leaf written with a section's name as its field ("outlook:ceasefire") must also be in
// a brief that has that section.
Xapian::Query in_section(const QueryNode& node, Xapian::Query query) {
  if (node.named_section.empty() || query.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query,
                       Xapian::Query(filter_term(kSectionFilter, node.named_section)));
}

Xapian::Query stemmed_term(const Token& token) {
  return Xapian::Query(std::string(kStemmedPrefix) + token.stem);
}

// Prefixed with field: each word as the only term at its position.
std::vector<std::vector<std::string>> in_field(const std::vector<std::string>& terms,
                                               const TextField& field) {
  std::vector<std::vector<std::string>> words;
  for (const std::string& term : terms) words.push_back({std::string(field.prefix) + term});
  return words;
}

// A positional match (phrase, NEAR, ADJ) over exact words, in each of the given fields.
// A brief scores as its best field, as Elasticsearch's best_fields does: Xapian ranks an
// OR of per-field phrases by checking positions in every field of every candidate (13 ms
// for a common phrase at 100,000 briefs), a MAX in 4-6 ms.
Xapian::Query positional_match(std::vector<Xapian::Query> per_field) {
  return combined(std::move(per_field), Xapian::Query::OP_MAX);
}

Xapian::Query sequence_query(const std::vector<std::string>& terms,
                             const std::vector<TextField>& fields) {
  std::vector<Xapian::Query> per_field;
  for (const TextField& field : fields)
    per_field.push_back(sequence_in_field(in_field(terms, field)));
  return positional_match(std::move(per_field));
}

// Appends to forms the exact terms of field that start with start and whose stem is stem.
void add_forms(std::string_view stem, const std::string& start, const TextField& field,
               BuildContext& context, std::vector<std::string>& forms) {
  for (auto term = context.database.allterms_begin(start);
       term != context.database.allterms_end(start); ++term) {
    const std::string word = (*term).substr(field.prefix.size());
    if (context.analyser.stem(word) == stem) forms.push_back(*term);
  }
}

// The exact terms of field whose stem is token's, found among the field's terms that
// start as every word with that stem does.
std::vector<std::string> field_forms(const Token& token, const TextField& field,
                                     BuildContext& context) {
  std::vector<std::string> forms;
  const std::string start = std::string(field.prefix) + std::string(stem_start(token.stem));
  add_forms(token.stem, start, field, context, forms);
  return forms;
}

// The title's forms of token's stem that start with the whole stem, or end in 'y' where
// the stem ends in 'i' ("policy", "military"): nearly all of them, for a walk of the term
// list a fraction as long as field_forms' (which took 11% of a query's instructions for
// `red sea shipping`, where every title word starting "se" was stemmed).
std::vector<std::string> title_forms(const Token& token, BuildContext& context) {
  std::vector<std::string> forms;
  const std::string prefix(kTitleField.prefix);
  add_forms(token.stem, prefix + token.stem, kTitleField, context, forms);
  if (token.stem.ends_with('i')) {
    const std::string y_form = prefix + token.stem.substr(0, token.stem.size() - 1) + "y";
    if (context.database.term_exists(y_form)) forms.push_back(y_form);
  }
  return forms;
}

Xapian::Query field_word(const Token& token, const TextField& field, BuildContext& context) {
  const std::vector<std::string> forms = field_forms(token, field, context);
  if (forms.empty()) return Xapian::Query(std::string(field.prefix) + token.term);
  return combined({forms.begin(), forms.end()}, Xapian::Query::OP_SYNONYM);
}

// One word: its stem, in every field at once or through the forms one field holds. A word
// the analyser splits in several ("S-400") is a sequence.
Xapian::Query word_query(const QueryNode& node, BuildContext& context) {
  const std::vector<Token> tokens = context.analyser.analyse(node.text);
  if (tokens.empty()) return {};
  if (tokens.size() > 1) {
    std::vector<std::string> terms;
    for (const Token& token : tokens) terms.push_back(token.term);
    return in_section(node, sequence_query(terms, fields_for(node)));
  }
  if (!node.field) {
    if (auto boost = title_boost(title_forms(tokens.front(), context), context.database)) {
      context.title_boosts.push_back(std::move(*boost));
    }
    return stemmed_term(tokens.front());
  }
  return in_section(node, field_word(tokens.front(), *node.field, context));
}

Xapian::Query phrase_query(const QueryNode& node, BuildContext& context) {
  const std::vector<std::string> terms = exact_terms(node.text, context.analyser);
  if (terms.empty()) return {};
  return in_section(node, sequence_query(terms, fields_for(node)));
}

constexpr std::string_view kWildcardLimitProblem =
    "a wildcard matches too many words; type more letters before '*'";

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

// Whole years or whole months are matched through their filter terms: Xapian reads those
// as posting lists, much faster than it compares the date value of every candidate
// ("sanctions date:2025" at 100,000 briefs: 1.4 ms by term, 3.8 ms as a day range).
std::optional<Xapian::Query> whole_period_query(const CalendarDate& from, const CalendarDate& to) {
  constexpr int kMostTerms = 60;
  if (from.day() != 1 || std::optional(to) != CalendarDate::end_of_month(to.year(), to.month())) {
    return std::nullopt;
  }
  std::vector<Xapian::Query> terms;
  if (from.month() == 1 && to.month() == 12) {
    if (to.year() - from.year() >= kMostTerms) return std::nullopt;
    for (int year = from.year(); year <= to.year(); ++year) {
      terms.emplace_back(filter_term(kYearFilter, std::to_string(year)));
    }
  } else {
    const int first = from.year() * 12 + from.month() - 1;
    const int last = to.year() * 12 + to.month() - 1;
    if (last - first >= kMostTerms) return std::nullopt;
    for (int month = first; month <= last; ++month) {
      const std::string number = std::to_string(month / 12 * 100 + month % 12 + 1);
      terms.emplace_back(filter_term(kMonthFilter, number));
    }
  }
  return weightless(combined(std::move(terms)));
}

Xapian::Query date_query(const QueryNode& node) {
  if (node.date_from && node.date_to) {
    if (auto terms = whole_period_query(*node.date_from, *node.date_to)) return *terms;
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDateSlot, node.date_from->compact(),
                         node.date_to->compact());
  }
  if (node.date_from)
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, kDateSlot, node.date_from->compact());
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, kDateSlot, node.date_to->compact());
}

Xapian::Query build(const QueryNode& node, BuildContext& context);

// A plain word that the analyser reads as one stop word: "the", "of", lowercase "us".
bool is_stop_word_only(const QueryNode& node, Analyser& analyser) {
  if (node.kind != Kind::kWord) return false;
  const std::vector<Token> tokens = analyser.analyse(node.text);
  return tokens.size() == 1 && tokens.front().stop_word;
}

// The children of an AND, OR or XOR that are built: stop words are left out when a
// positive word, phrase or group stands beside them, since one would match nearly every
// brief; alone ("the", "the OR of") they are still searched for.
std::vector<const QueryNode*> without_stop_words(const std::vector<QueryNode>& children,
                                                 Analyser& analyser) {
  const bool has_content_word =
      std::any_of(children.begin(), children.end(), [&](const QueryNode& child) {
        return child.kind != Kind::kNot && !is_stop_word_only(child, analyser);
      });
  std::vector<const QueryNode*> kept;
  for (const QueryNode& child : children) {
    if (!has_content_word || !is_stop_word_only(child, analyser)) kept.push_back(&child);
  }
  return kept;
}

// Positive children are ANDed; negated ones are subtracted. A query made only of
// negations subtracts from every document.
Xapian::Query and_query(const std::vector<QueryNode>& children, BuildContext& context) {
  std::vector<Xapian::Query> positive;
  std::vector<Xapian::Query> negative;
  for (const QueryNode* child : without_stop_words(children, context.analyser)) {
    if (child->kind == Kind::kNot) {
      Xapian::Query excluded = build(child->children.front(), context);
      if (!excluded.empty()) negative.push_back(std::move(excluded));
    } else {
      Xapian::Query included = build(*child, context);
      if (!included.empty()) positive.push_back(std::move(included));
    }
  }
  if (positive.empty() && negative.empty()) return {};
  Xapian::Query result = positive.empty() ? Xapian::Query::MatchAll
                                          : combined(std::move(positive), Xapian::Query::OP_AND);
  if (negative.empty()) return result;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, result, combined(std::move(negative)));
}

Xapian::Query alternatives_query(const QueryNode& node, BuildContext& context) {
  std::vector<Xapian::Query> parts;
  for (const QueryNode* child : without_stop_words(node.children, context.analyser)) {
    Xapian::Query part = build(*child, context);
    if (!part.empty()) parts.push_back(std::move(part));
  }
  if (parts.empty()) return {};
  return combined(std::move(parts),
                  node.kind == Kind::kOr ? Xapian::Query::OP_OR : Xapian::Query::OP_XOR);
}

Xapian::Query build(const QueryNode& node, BuildContext& context) {
  switch (node.kind) {
    case Kind::kWord:
      return word_query(node, context);
    case Kind::kPhrase:
      return phrase_query(node, context);
    case Kind::kWildcard:
      return wildcard_query(node, context);
    case Kind::kNear:
      return near_query(node, context);
    case Kind::kFilter:
      return weightless(Xapian::Query(
          filter_term(*node.filter, canonical_filter_value(*node.filter, node.text))));
    case Kind::kDateRange:
      return date_query(node);
    case Kind::kAnd:
      return and_query(node.children, context);
    case Kind::kNot:
      return and_query({node}, context);
    case Kind::kOr:
    case Kind::kXor:
      return alternatives_query(node, context);
  }
  return {};
}

}  // namespace

std::optional<std::string> query_problem_of(const Xapian::Error& error) {
  // Xapian::Error is not polymorphic; its type name says which error it is.
  const std::string_view type = error.get_type();
  const bool caused_by_query = type == "UnimplementedError" || type == "InvalidArgumentError" ||
                               type == "QueryParserError" || type == "WildcardError";
  if (!caused_by_query) return std::nullopt;
  return "the search engine cannot run this query (" + std::string(type) + ": " + error.get_msg() +
         ")";
}

Xapian::Query build_xapian_query(const QueryNode& tree, std::string_view query,
                                 const Xapian::Database& database, Analyser& analyser,
                                 const QueryLimits& limits) {
  BuildContext context{query, database, analyser, limits};
  try {
    return with_title_boosts(build(tree, context), context.title_boosts);
  } catch (const Xapian::Error& error) {
    if (auto problem = query_problem_of(error)) {
      throw QueryError(std::string(query), tree.column > 0 ? tree.column : 1, *problem);
    }
    throw;
  }
}

}  // namespace briefsearch

#include "common/query/build_context.h"

#include "common/query/boosts.h"
#include "common/query/positional.h"
#include "common/query/words.h"

namespace briefsearch::building {
namespace {

Xapian::Query stemmed_term(const Token& token) {
  return Xapian::Query(std::string(kStemmedPrefix) + token.stem);
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

}  // namespace

std::vector<TextField> fields_for(const QueryNode& node) {
  if (node.field) return {*node.field};
  return {kTextFields.begin(), kTextFields.end()};
}

Xapian::Query combined(std::vector<Xapian::Query> parts, Xapian::Query::op op) {
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(op, parts.begin(), parts.end());
}

Xapian::Query weightless(const Xapian::Query& query) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0.0);
}

Xapian::Query in_section(const QueryNode& node, Xapian::Query query) {
  if (node.named_section.empty() || query.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query,
                       Xapian::Query(filter_term(kSectionFilter, node.named_section)));
}

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

// One word as written: its stem, in every field at once or through the forms one field
// holds. A word the analyser splits in several ("S-400") is a sequence.
Xapian::Query written_word_query(const QueryNode& node, BuildContext& context) {
  const std::vector<Token> tokens = context.analyser.analyse(node.text);
  if (tokens.empty()) return {};
  if (tokens.size() > 1) {
    std::vector<std::string> terms;
    for (const Token& token : tokens) terms.push_back(token.term);
    return in_section(node, sequence_query(terms, fields_for(node)));
  }
  if (!node.field) {
    if (context.negations > 0) return stemmed_term(tokens.front());
    const Token& token = tokens.front();
    Boosts& boosts = context.boosts;
    ++boosts.plain_words;
    if (!token.stop_word) boosts.content_stems.insert(token.stem);
    if (auto boost =
            title_boost(title_forms(token, context), boosts.plain_words, context.database)) {
      boosts.title.push_back(std::move(*boost));
    }
    return stemmed_term(tokens.front());
  }
  return in_section(node, field_word(tokens.front(), *node.field, context));
}

// Whole years or whole months are matched through their filter terms: Xapian reads those
// as posting lists, much faster than it compares the date value of every candidate
// ("sanctions date:2025" at 100,000 briefs: 1.4 ms by term, 3.8 ms as a day range).
std::optional<std::vector<std::string>> whole_period_terms(const CalendarDate& from,
                                                           const CalendarDate& to) {
  constexpr int kMostTerms = 60;
  if (from.day() != 1 || std::optional(to) != CalendarDate::end_of_month(to.year(), to.month())) {
    return std::nullopt;
  }
  std::vector<std::string> terms;
  if (from.month() == 1 && to.month() == 12) {
    if (to.year() - from.year() >= kMostTerms) return std::nullopt;
    for (int year = from.year(); year <= to.year(); ++year) {
      terms.push_back(filter_term(kYearFilter, std::to_string(year)));
    }
  } else {
    const int first = from.year() * 12 + from.month() - 1;
    const int last = to.year() * 12 + to.month() - 1;
    if (last - first >= kMostTerms) return std::nullopt;
    for (int month = first; month <= last; ++month) {
      const std::string number = std::to_string(month / 12 * 100 + month % 12 + 1);
      terms.push_back(filter_term(kMonthFilter, number));
    }
  }
  return terms;
}

Xapian::Query date_query(const QueryNode& node) {
  if (node.date_from && node.date_to) {
    if (auto terms = whole_period_terms(*node.date_from, *node.date_to)) {
      return weightless(Xapian::Query(Xapian::Query::OP_OR, terms->begin(), terms->end()));
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDateSlot, node.date_from->compact(),
                         node.date_to->compact());
  }
  if (node.date_from)
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, kDateSlot, node.date_from->compact());
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, kDateSlot, node.date_to->compact());
}

}  // namespace briefsearch::building

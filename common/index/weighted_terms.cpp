#include "common/index/weighted_terms.h"

#include <utility>

namespace briefsearch {

WeightedTerms::FieldTerms& WeightedTerms::terms_of(const TextField& field) {
  for (FieldTerms& terms : fields_) {
    if (terms.field->prefix == field.prefix) return terms;
  }
  FieldTerms added;
  added.field = &field;
  fields_.push_back(std::move(added));
  return fields_.back();
}

void WeightedTerms::add(const TextField& field, const Token& token) {
  FieldTerms& terms = terms_of(field);
  terms.length += 1;
  terms.exact[std::string(field.prefix) + token.term] += 1;
  terms.stemmed[std::string(kStemmedPrefix) + token.stem] += 1;
}

void WeightedTerms::add_mention(const TextField& field, const std::string& term) {
  terms_of(field).stemmed[term] += 1;
}

void WeightedTerms::write(Xapian::Document& document) const {
  std::map<std::string, double> stemmed;
  for (const FieldTerms& terms : fields_) {
    const TextField& field = *terms.field;
    const double normaliser = (1 - kFieldLengthNormalisation) +
                              kFieldLengthNormalisation * terms.length / field.average_length;
    for (const auto& [term, occurrences] : terms.exact) {
      document.add_term(term, scaled_wdf(occurrences / normaliser));
    }
    for (const auto& [term, occurrences] : terms.stemmed) {
      stemmed[term] += field.weight * occurrences / normaliser;
    }
  }
  for (const auto& [term, pseudo_frequency] : stemmed) {
    document.add_term(term, scaled_wdf(pseudo_frequency));
  }
}

}  // namespace briefsearch

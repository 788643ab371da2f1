#include "common/query/title_boost.h"

#include <cmath>
#include <string>

#include "common/store/schema.h"

namespace briefsearch {
namespace {

// The weight of one title match by the title's length in words: BM25's length
// normalisation 1 / (1 - b + b * words / kReferenceTitleWords) over the title alone, with
// b = 0.5 (Xapian's default for BM25Weight): 1.71 for one word, 1 at the reference, 0.67 at
// twice the reference.
Xapian::Query title_length_weights() {
  constexpr double kB = 0.5;
  auto* source = new Xapian::ValueMapPostingSource(kTitleWordsSlot);
  for (Xapian::termpos words = 1; words <= kMostTitleWords; ++words) {
    const double relative = static_cast<double>(words) / kReferenceTitleWords;
    source->add_mapping(std::to_string(words), 1.0 / (1.0 - kB + kB * relative));
  }
  return Xapian::Query(source->release());
}

}  // namespace

Xapian::Query with_title_boost(Xapian::Query word, const std::vector<std::string>& title_forms,
                               const Xapian::Database& database) {
  Xapian::doccount in_titles = 0;
  for (const std::string& form : title_forms) in_titles += database.get_termfreq(form);
  const Xapian::doccount briefs = database.get_doccount();
  if (in_titles == 0 || in_titles >= briefs) return word;
  const double weight = kTitleBoost * std::log(static_cast<double>(briefs) / in_titles);
  if (weight <= 0) return word;
  const Xapian::Query in_title(Xapian::Query::OP_OR, title_forms.begin(), title_forms.end());
  return Xapian::Query(
      Xapian::Query::OP_AND_MAYBE, word,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                    Xapian::Query(Xapian::Query::OP_FILTER, title_length_weights(), in_title),
                    weight));
}

}  // namespace briefsearch

// --like: the query for briefs like a given one (similar_to, declared in
// common/search/search.h).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "common/base/errors.h"
#include "common/search/brief_reference.h"
#include "common/search/search.h"
#include "common/store/schema.h"

namespace briefsearch {
namespace {

// The terms --like searches for.
constexpr Xapian::termcount kSimilarTerms = 30;

// Only stemmed text terms describe what a brief is about; filters and ids do not. A word no
// other brief has cannot find similar ones.
bool shared_stemmed_text(const Xapian::Database& database, const std::string& term) {
  return term.starts_with(kStemmedPrefix) && term.size() > kStemmedPrefix.size() + 2 &&
         database.get_termfreq(term) > 1;
}

// How much term says about the brief: the square root of its wdf there (its BM25F
// pseudo-frequency, common/store/schema.h). A word the brief uses once in passing ("a
// mobile arsenal") then weighs less than the words it is about, so a brief that repeats that
// word on another topic (a mobile operator) no longer ranks among the similar ones.
double weight_in_brief(const Xapian::Database& database, Xapian::docid brief,
                       const std::string& term) {
  auto in_brief = database.termlist_begin(brief);
  in_brief.skip_to(term);
  if (in_brief == database.termlist_end(brief) || *in_brief != term) return 1.0;
  return std::sqrt(static_cast<double>(in_brief.get_wdf()));
}

// The brief's most telling shared words by wdf x log(N / termfreq) over all the databases
// searched, as Lucene's MoreLikeThis picks terms by tf-idf. Xapian's own expansion (an
// ESet from the brief as relevant) was used before: it weighs words by the sub-database
// holding the brief only, and since wdfs are BM25F pseudo-frequencies its saturation
// leaves little but rarity, so it picked words the brief uses once ("hard", "double").
std::vector<std::string> telling_words(const Xapian::Database& database, Xapian::docid brief) {
  const double briefs = database.get_doccount();
  std::vector<std::pair<double, std::string>> ranked;
  for (auto term = database.termlist_begin(brief); term != database.termlist_end(brief); ++term) {
    if (!shared_stemmed_text(database, *term)) continue;
    const double rarity = std::log(briefs / database.get_termfreq(*term));
    ranked.emplace_back(-(term.get_wdf() * rarity), *term);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> words;
  for (const auto& [weight, term] : ranked) {
    if (words.size() == kSimilarTerms) break;
    words.push_back(term);
  }
  return words;
}

}  // namespace

Xapian::Query similar_to(Xapian::Database& database, const std::string& reference) {
  std::string id;
  try {
    id = brief_id_for_reference(database, reference);
  } catch (const QueryError& error) {
    throw QueryError("--like: " + error.problem());
  }
  const std::string unique_term = filter_term(kIdFilter, id);
  const Xapian::docid brief = *database.postlist_begin(unique_term);
  std::vector<Xapian::Query> parts;
  for (const std::string& term : telling_words(database, brief)) {
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term),
                       weight_in_brief(database, brief, term));
  }
  if (parts.empty()) {
    throw QueryError("--like: the brief '" + id + "' shares no word with any other brief");
  }
  return Xapian::Query(Xapian::Query::OP_AND_NOT,
                       Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                       Xapian::Query(unique_term));
}

}  // namespace briefsearch

// --like: the query for briefs like a given one (similar_to, declared in
// common/search/search.h).
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "common/analysis/stop_words.h"
#include "common/base/errors.h"
#include "common/index/documents.h"
#include "common/search/brief_reference.h"
#include "common/search/search.h"
#include "common/store/schema.h"
#include "common/store/stored_brief.h"

namespace briefsearch {
namespace {

// The terms --like searches for: at most kSimilarTerms of the words the brief says at
// least twice (its title counting once), and words it says once only to make up
// kFewestSimilarTerms. Lucene's MoreLikeThis skips words said once (its minTermFreq of 2)
// for the same reason: among them, "hard" and "double" weigh as much as "canal", and in
// a short brief they filled most of the 30 places.
constexpr std::size_t kSimilarTerms = 30;
constexpr std::size_t kFewestSimilarTerms = 10;
// Words in more than this share of the briefs ("most", "day", "include") say nothing of a
// topic; MoreLikeThis's maxDocFreqPct. Not applied below kFewestBriefsForShare briefs,
// where shares are too coarse to tell.
constexpr double kMostCommonShare = 1.0 / 3;
constexpr Xapian::doccount kFewestBriefsForShare = 30;

// Only stemmed text terms describe what a brief is about; filters and ids do not. A word no
// other brief has (termfreq 1) cannot find similar ones. Stop words ("have", "they") are
// indexed for phrases but say nothing of a topic.
bool shared_stemmed_text(const std::string& term, Xapian::doccount termfreq) {
  if (!term.starts_with(kStemmedPrefix) || term.size() <= kStemmedPrefix.size() + 2) return false;
  const std::string_view stem = std::string_view(term).substr(kStemmedPrefix.size());
  return !is_stop_word(stem, stem) && termfreq > 1;
}

// A shared stemmed word of the brief: how much the brief says it, and how many briefs
// have it.
struct Said {
  double amount = 0;
  Xapian::doccount termfreq = 0;
  int occurrences = 0;  // in the title and the text, as the analyser reads them
};

// Counts each stemmed word of the brief's title and text into said (words not in said are
// not shared, or are stop words). The wdfs cannot be used: BM25F normalises each field by
// its length, so a word said twice in a long section has the wdf of one said once in a
// short one.
void count_occurrences(const Brief& brief, Analyser& analyser, std::map<std::string, Said>& said) {
  const auto count = [&](std::string_view text) {
    for (const Token& token : analyser.analyse(text)) {
      const auto found = said.find(std::string(kStemmedPrefix) + token.stem);
      if (found != said.end()) ++found->second.occurrences;
    }
  };
  count(brief.title);
  for (const Section& section : brief.sections) count(section.text);
}

// How much the brief says each of its shared stemmed words: its wdf (its BM25F
// pseudo-frequency, common/store/schema.h), and one occurrence more for each word of the
// title. BM25F weighs the title little (the title boost ranks titles), but what a brief
// is about is first what its title says. One pass over the brief's term list, whose
// term frequencies are the databases'.
std::map<std::string, Said> said_in_brief(const Xapian::Database& database, Xapian::docid brief,
                                          Analyser& analyser) {
  std::map<std::string, Said> said;
  std::vector<std::string> title_stems;
  for (auto term = database.termlist_begin(brief); term != database.termlist_end(brief); ++term) {
    const std::string& name = *term;
    if (auto word = spelling_word(name, kTitleField)) {
      title_stems.push_back(std::string(kStemmedPrefix) + analyser.stem(*word));
    } else if (const Xapian::doccount termfreq = term.get_termfreq();
               shared_stemmed_text(name, termfreq)) {
      said[name] = {static_cast<double>(term.get_wdf()), termfreq};
    }
  }
  // Each title word's stem is one of the brief's own stemmed terms.
  for (const std::string& stem : title_stems) {
    if (auto found = said.find(stem); found != said.end()) found->second.amount += kWdfScale;
  }
  count_occurrences(brief_from_document_data(database.get_document(brief).get_data()), analyser,
                    said);
  return said;
}

// The brief's most telling words by said_in_brief x log(N / termfreq) over all the
// databases searched, as Lucene's MoreLikeThis picks terms by tf-idf. Xapian's own
// expansion (an ESet from the brief as relevant) was used before: it weighs words by the
// sub-database holding the brief only, and since wdfs are BM25F pseudo-frequencies its
// saturation left little but rarity, so it picked words the brief uses once ("hard").
std::vector<std::pair<std::string, double>> telling_words(const Xapian::Database& database,
                                                          const std::map<std::string, Said>& said) {
  const double briefs = database.get_doccount();
  const bool by_share = database.get_doccount() >= kFewestBriefsForShare;
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [term, word] : said) {
    if (by_share && word.termfreq > kMostCommonShare * briefs) continue;
    ranked.emplace_back(-(word.amount * std::log(briefs / word.termfreq)), term);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::pair<std::string, double>> words;
  for (const auto& [weight, term] : ranked) {
    if (words.size() == kSimilarTerms) break;
    if (said.at(term).occurrences >= 2) words.emplace_back(term, said.at(term).amount);
  }
  for (const auto& [weight, term] : ranked) {
    if (words.size() >= kFewestSimilarTerms) break;
    if (said.at(term).occurrences < 2) words.emplace_back(term, said.at(term).amount);
  }
  return words;
}

}  // namespace

Xapian::Query similar_to(Xapian::Database& database, const std::string& reference,
                         Analyser& analyser) {
  std::string id;
  try {
    id = brief_id_for_reference(database, reference);
  } catch (const QueryError& error) {
    throw QueryError("--like: " + error.problem());
  }
  const std::string unique_term = filter_term(kIdFilter, id);
  const Xapian::docid brief = *database.postlist_begin(unique_term);
  std::vector<Xapian::Query> parts;
  // Each word weighted by the square root of how much the brief says it: a word used once
  // in passing ("a mobile arsenal") weighs less than the words the brief is about, so a
  // brief that repeats it on another topic (a mobile operator) ranks lower.
  for (const auto& [term, said] :
       telling_words(database, said_in_brief(database, brief, analyser))) {
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), std::sqrt(said));
  }
  if (parts.empty()) {
    throw QueryError("--like: the brief '" + id + "' shares no word with any other brief");
  }
  return Xapian::Query(Xapian::Query::OP_AND_NOT,
                       Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                       Xapian::Query(unique_term));
}

}  // namespace briefsearch

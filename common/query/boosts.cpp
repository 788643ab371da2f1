#include "common/query/boosts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "common/query/at_least.h"
#include "common/store/schema.h"

namespace briefsearch {
namespace {

// weight (>= 0) for every brief, from Xapian's own posting source (xapian-tcpsrv rebuilds it).
Xapian::Query fixed_weight(double weight) {
  return Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release());
}

// factor x log(N / n) for each brief holding one of terms (N the briefs searched, n the
// sum of the terms' frequencies, a bound on the briefs holding one), or nothing when no
// brief or every brief holds them. log(N / n) is Sparck Jones's inverse document frequency
// (1972): the rarer the holders, the more holding says.
struct HolderBoost {
  Xapian::Query weight;
  double value = 0;
  Xapian::Query holders;
};
std::optional<HolderBoost> holder_boost(const std::vector<std::string>& terms, double factor,
                                        const Xapian::Database& database) {
  Xapian::doccount holding = 0;
  for (const std::string& term : terms) holding += database.get_termfreq(term);
  const Xapian::doccount briefs = database.get_doccount();
  if (holding == 0 || holding >= briefs) return std::nullopt;
  HolderBoost boost;
  boost.value = factor * std::log(static_cast<double>(briefs) / holding);
  boost.holders = Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  boost.weight = Xapian::Query(Xapian::Query::OP_FILTER, fixed_weight(boost.value), boost.holders);
  return boost;
}

// The title boosts' part of with_boosts, or nothing.
std::optional<Xapian::Query> title_part(const Boosts& boosts) {
  const std::size_t words = boosts.plain_words;
  if (boosts.title.empty() || words > kMaxTitleBoostWords) return std::nullopt;
  std::vector<Xapian::Query> weights;
  for (const TitleBoost& boost : boosts.title) weights.push_back(boost.weight);
  const Xapian::Query weight(Xapian::Query::OP_OR, weights.begin(), weights.end());
  if (words <= 1) return weight;

  std::map<std::size_t, std::vector<Xapian::Query>> holders_by_word;
  std::map<std::size_t, double> largest_by_word;
  for (const TitleBoost& boost : boosts.title) {
    holders_by_word[boost.word].push_back(boost.holders);
    largest_by_word[boost.word] = std::max(largest_by_word[boost.word], boost.value);
  }
  std::vector<Xapian::Query> word_holders;
  for (const auto& [word, holders] : holders_by_word) {
    word_holders.emplace_back(Xapian::Query::OP_OR, holders.begin(), holders.end());
  }
  if (word_holders.size() < 2) return std::nullopt;
  const Xapian::Query some_words(Xapian::Query::OP_FILTER, weight, at_least(2, word_holders));
  if (word_holders.size() < words) return some_words;
  // Every word: their largest boosts once more, and again when the title has no other
  // word. Fixed weights, so that no word's boost is looked up three times.
  double every_word_weight = 0;
  for (const auto& [word, largest] : largest_by_word) every_word_weight += largest;
  const Xapian::Query nothing_else(title_length_term(boosts.content_stems.size()));
  const Xapian::Query every_word_bonus(
      Xapian::Query::OP_OR, fixed_weight(every_word_weight),
      Xapian::Query(Xapian::Query::OP_FILTER, fixed_weight(every_word_weight), nothing_else));
  const Xapian::Query every_word(Xapian::Query::OP_AND, word_holders.begin(), word_holders.end());
  if (words == 2) {  // at least two words are every word
    return Xapian::Query(Xapian::Query::OP_FILTER,
                         Xapian::Query(Xapian::Query::OP_OR, weight, every_word_bonus), every_word);
  }
  return Xapian::Query(Xapian::Query::OP_OR, some_words,
                       Xapian::Query(Xapian::Query::OP_FILTER, every_word_bonus, every_word));
}

}  // namespace

std::optional<Xapian::Query> date_boost(const std::vector<std::string>& period_terms,
                                        const Xapian::Database& database) {
  auto boost = holder_boost(period_terms, kDateBoost, database);
  if (!boost) return std::nullopt;
  return std::move(boost->weight);
}

std::optional<Xapian::Query> lead_subject_boost(const std::string& country,
                                                const Xapian::Database& database) {
  auto boost = holder_boost({lead_subject_term(country)}, kLeadSubjectBoost, database);
  if (!boost) return std::nullopt;
  return std::move(boost->weight);
}

std::optional<TitleBoost> title_boost(const std::vector<std::string>& holder_terms,
                                      std::size_t word, const Xapian::Database& database) {
  auto boost = holder_boost(holder_terms, kTitleBoost, database);
  if (!boost) return std::nullopt;
  return TitleBoost{std::move(boost->weight), boost->value, std::move(boost->holders), word};
}

Xapian::Query with_boosts(Xapian::Query query, const Boosts& boosts) {
  if (query.empty()) return query;
  std::vector<Xapian::Query> parts = boosts.uncoordinated;
  if (auto title = title_part(boosts)) parts.push_back(std::move(*title));
  if (parts.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
}

}  // namespace briefsearch

#include "common/query/boosts.h"

#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "common/query/at_least.h"
#include "common/store/schema.h"

namespace briefsearch {
namespace {

// The title boosts' part of with_boosts, or nothing.
std::optional<Xapian::Query> title_part(const Boosts& boosts) {
  const std::size_t words = boosts.plain_words;
  if (boosts.title.empty() || words > kMaxTitleBoostWords) return std::nullopt;
  std::vector<Xapian::Query> weights;
  for (const TitleBoost& boost : boosts.title) weights.push_back(boost.weight);
  const Xapian::Query weight(Xapian::Query::OP_OR, weights.begin(), weights.end());
  if (words <= 1) return weight;

  std::map<std::size_t, std::vector<Xapian::Query>> holders_by_word;
  for (const TitleBoost& boost : boosts.title) {
    holders_by_word[boost.word].push_back(boost.holders);
  }
  std::vector<Xapian::Query> word_holders;
  for (const auto& [word, holders] : holders_by_word) {
    word_holders.emplace_back(Xapian::Query::OP_OR, holders.begin(), holders.end());
  }
  if (word_holders.size() < 2) return std::nullopt;
  std::vector<Xapian::Query> parts;
  parts.emplace_back(Xapian::Query::OP_FILTER, weight, at_least(2, word_holders));
  if (word_holders.size() == words) {
    const Xapian::Query every_word(Xapian::Query::OP_AND, word_holders.begin(), word_holders.end());
    parts.emplace_back(Xapian::Query::OP_FILTER, weight, every_word);
    const Xapian::Query nothing_else(title_length_term(boosts.content_stems.size()));
    parts.emplace_back(Xapian::Query::OP_FILTER, weight,
                       Xapian::Query(Xapian::Query::OP_AND, every_word, nothing_else));
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace

std::optional<TitleBoost> title_boost(const std::vector<std::string>& holder_terms,
                                      std::size_t word, const Xapian::Database& database) {
  Xapian::doccount in_titles = 0;
  for (const std::string& term : holder_terms) in_titles += database.get_termfreq(term);
  const Xapian::doccount briefs = database.get_doccount();
  if (in_titles == 0 || in_titles >= briefs) return std::nullopt;
  const double weight = kTitleBoost * std::log(static_cast<double>(briefs) / in_titles);
  TitleBoost boost;
  boost.holders = Xapian::Query(Xapian::Query::OP_OR, holder_terms.begin(), holder_terms.end());
  const Xapian::Query fixed((new Xapian::FixedWeightPostingSource(weight))->release());
  boost.weight = Xapian::Query(Xapian::Query::OP_FILTER, fixed, boost.holders);
  boost.word = word;
  return boost;
}

Xapian::Query exact_form_bonus(const Token& token) {
  std::vector<Xapian::Query> exact;
  for (const TextField& field : kTextFields)
    exact.emplace_back(std::string(field.prefix) + token.term);
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_SYNONYM, exact.begin(), exact.end()),
                       kExactFormBonus);
}

Xapian::Query with_boosts(Xapian::Query query, const Boosts& boosts) {
  if (query.empty()) return query;
  std::vector<Xapian::Query> parts = boosts.exact_forms;
  if (auto title = title_part(boosts)) parts.push_back(std::move(*title));
  if (parts.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
}

}  // namespace briefsearch

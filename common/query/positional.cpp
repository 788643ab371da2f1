#include "common/query/positional.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace briefsearch {
namespace {

Xapian::Query alternatives(const std::vector<std::string>& terms) {
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// The briefs where the operands stand as the rule requires, read from their positions: the
// check Xapian's NEAR and PHRASE cannot make for operands of several words. Weightless; it
// follows the posting list of the rarest word and is meant as the filter of a Xapian
// positional query over the same words, which proposes the candidates through check().
class ProximitySource : public Xapian::PostingSource {
 public:
  ProximitySource(std::vector<std::vector<std::string>> operands, ProximityRule rule)
      : operands_(std::move(operands)),
        rule_(rule),
        matcher_(rule, lengths_of(operands_), operands_share_words(operands_)) {
    for (const auto& operand : operands_) {
      std::vector<std::size_t> slots;
      for (const std::string& term : operand) {
        const auto [it, added] = slot_of_.emplace(term, slot_of_.size());
        slots.push_back(it->second);
      }
      operand_slots_.push_back(std::move(slots));
    }
  }

  void init(const Xapian::Database& database) override {
    database_ = database;
    rarest_.clear();
    Xapian::doccount fewest = database_.get_doccount() + 1;
    for (const auto& [term, slot] : slot_of_) {
      const Xapian::doccount frequency = database_.get_termfreq(term);
      if (frequency < fewest) {
        fewest = frequency;
        rarest_ = term;
      }
    }
    frequency_ = fewest;
    posting_ = database_.postlist_begin(rarest_);
    state_ = State::kUnchecked;
  }

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return frequency_; }
  Xapian::doccount get_termfreq_max() const override { return frequency_; }

  void next(double) override {
    if (state_ != State::kUnchecked && !at_end()) ++posting_;
    settle();
  }

  void skip_to(Xapian::docid did, double) override {
    if (at_end()) return;
    if (*posting_ < did) {
      posting_.skip_to(did);
      state_ = State::kUnchecked;
    } else if (state_ == State::kRejected) {
      ++posting_;
      state_ = State::kUnchecked;
    }
    settle();
  }

  // Checks did alone; the candidates come from the positional query beside this source.
  bool check(Xapian::docid did, double) override {
    if (!at_end() && *posting_ < did) posting_.skip_to(did);
    if (at_end()) return true;
    if (*posting_ != did) {
      state_ = State::kUnchecked;
      return false;
    }
    state_ = matches(did) ? State::kMatched : State::kRejected;
    return state_ == State::kMatched;
  }

  bool at_end() const override { return posting_ == database_.postlist_end(rarest_); }
  Xapian::docid get_docid() const override { return *posting_; }

  Xapian::PostingSource* clone() const override { return new ProximitySource(operands_, rule_); }

  std::string get_description() const override {
    std::string text = rule_.ordered ? "ProximitySource(ADJ/" : "ProximitySource(NEAR/";
    text += std::to_string(rule_.distance);
    for (const auto& operand : operands_) {
      std::string words;
      for (const std::string& term : operand) words += (words.empty() ? "" : " ") + term;
      text += operand.size() > 1 ? " \"" + words + "\"" : " " + words;
    }
    return text + ")";
  }

 private:
  enum class State { kUnchecked, kMatched, kRejected };

  static std::vector<std::size_t> lengths_of(
      const std::vector<std::vector<std::string>>& operands) {
    std::vector<std::size_t> lengths;
    for (const auto& operand : operands) lengths.push_back(operand.size());
    return lengths;
  }

  void settle() {
    while (!at_end() && !matches(*posting_)) ++posting_;
    state_ = State::kMatched;
  }

  bool matches(Xapian::docid did) {
    positions_.assign(slot_of_.size(), {});
    for (const auto& [term, slot] : slot_of_) {
      for (auto it = database_.positionlist_begin(did, term);
           it != database_.positionlist_end(did, term); ++it) {
        positions_[slot].push_back(*it);
      }
      if (positions_[slot].empty()) return false;
    }
    std::vector<std::vector<Position>> starts;
    for (const auto& slots : operand_slots_) {
      std::vector<const std::vector<Position>*> words;
      for (std::size_t slot : slots) words.push_back(&positions_[slot]);
      starts.push_back(consecutive_starts(words));
      if (starts.back().empty()) return false;
    }
    return matcher_.matches(starts);
  }

  std::vector<std::vector<std::string>> operands_;
  ProximityRule rule_;
  ProximityMatcher matcher_;
  std::map<std::string, std::size_t> slot_of_;
  std::vector<std::vector<std::size_t>> operand_slots_;
  Xapian::Database database_;
  std::string rarest_;
  Xapian::doccount frequency_ = 0;
  Xapian::PostingIterator posting_;
  State state_ = State::kUnchecked;
  std::vector<std::vector<Position>> positions_;
};

}  // namespace

Xapian::Query sequence_in_field(const std::vector<std::vector<std::string>>& words) {
  std::vector<Xapian::Query> terms;
  for (const auto& word : words) {
    if (word.empty()) return Xapian::Query::MatchNothing;
    terms.push_back(alternatives(word));
  }
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

Xapian::Query proximity_in_field(const std::vector<std::vector<std::string>>& operands,
                                 const ProximityRule& rule) {
  if (operands.empty()) throw std::invalid_argument("NEAR or ADJ without operands");
  if (operands.size() == 1) {
    std::vector<std::vector<std::string>> words;
    for (const std::string& term : operands.front()) words.push_back({term});
    return sequence_in_field(words);
  }
  std::vector<std::size_t> lengths;
  std::vector<Xapian::Query> words;
  for (const auto& operand : operands) {
    lengths.push_back(operand.size());
    for (const std::string& term : operand) words.emplace_back(term);
  }
  const ProximityMatcher matcher(rule, lengths, /*operands_share_words=*/false);
  const auto op = rule.ordered ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR;
  // Xapian's window counts the positions a match covers, one more than the span.
  const auto window = static_cast<Xapian::termcount>(matcher.span_limit() + 1);
  Xapian::Query positional(op, words.begin(), words.end(), window);
  if (words.size() == operands.size()) return positional;
  return Xapian::Query(Xapian::Query::OP_FILTER, positional,
                       Xapian::Query((new ProximitySource(operands, rule))->release()));
}

}  // namespace briefsearch

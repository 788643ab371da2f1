// The NEAR/ADJ rule: its matcher, checked by hand and against Xapian's own NEAR and PHRASE,
// and the Xapian query for operands of several words, checked against every choice.
#include "common/query/proximity.h"

#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "common/query/positional.h"

using briefsearch::consecutive_starts;
using briefsearch::operands_share_words;
using briefsearch::Position;
using briefsearch::proximity_in_field;
using briefsearch::ProximityMatcher;
using briefsearch::ProximityRule;

namespace {

using Starts = std::vector<std::vector<Position>>;

ProximityRule near(std::uint32_t n) { return {n, false}; }
ProximityRule adj(std::uint32_t n) { return {n, true}; }

// The positions where each operand's words stand consecutively in text (one word a position).
Starts starts_in(const std::vector<std::string>& text,
                 const std::vector<std::vector<std::string>>& operands) {
  Starts starts;
  for (const auto& operand : operands) {
    std::vector<std::vector<Position>> positions(operand.size());
    for (std::size_t j = 0; j < operand.size(); ++j) {
      for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] == operand[j]) positions[j].push_back(static_cast<Position>(at));
      }
    }
    std::vector<const std::vector<Position>*> words;
    for (const auto& list : positions) words.push_back(&list);
    starts.push_back(consecutive_starts(words));
  }
  return starts;
}

std::vector<std::size_t> lengths_of(const std::vector<std::vector<std::string>>& operands) {
  std::vector<std::size_t> lengths;
  for (const auto& operand : operands) lengths.push_back(operand.size());
  return lengths;
}

// The rule read literally: some choice of one occurrence per operand, pairwise disjoint,
// in order for ADJ, spanning at most the limit. Tries every choice.
bool reference_match(const Starts& starts, const std::vector<std::size_t>& lengths,
                     const ProximityRule& rule) {
  const ProximityMatcher matcher(rule, lengths, true);
  std::vector<std::size_t> pick(starts.size(), 0);
  for (const auto& list : starts) {
    if (list.empty()) return false;
  }
  while (true) {
    bool fits = true;
    std::int64_t lowest = INT64_MAX;
    std::int64_t highest = INT64_MIN;
    for (std::size_t i = 0; i < starts.size() && fits; ++i) {
      const std::int64_t begin = starts[i][pick[i]];
      const std::int64_t end = begin + static_cast<std::int64_t>(lengths[i]) - 1;
      lowest = std::min(lowest, begin);
      highest = std::max(highest, end);
      for (std::size_t j = 0; j < i; ++j) {
        const std::int64_t other = starts[j][pick[j]];
        const std::int64_t other_end = other + static_cast<std::int64_t>(lengths[j]) - 1;
        if (begin <= other_end && other <= end) fits = false;  // overlap
        if (rule.ordered && begin <= other_end) fits = false;  // out of order
      }
    }
    if (fits && highest - lowest <= matcher.span_limit()) return true;
    std::size_t i = 0;
    while (i < pick.size() && ++pick[i] == starts[i].size()) pick[i++] = 0;
    if (i == pick.size()) return false;
  }
}

// 300 random texts over vocabulary, one word a position, in an in-memory database.
struct RandomTexts {
  RandomTexts(std::mt19937& random, const std::vector<std::string>& vocabulary, int shortest,
              int spread)
      : database(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    for (int d = 0; d < 300; ++d) {
      std::vector<std::string>& text = texts.emplace_back();
      Xapian::Document document;
      const int length = shortest + static_cast<int>(random() % spread);
      for (int p = 0; p < length; ++p) {
        text.push_back(vocabulary[random() % vocabulary.size()]);
        document.add_posting(text.back(), static_cast<Xapian::termpos>(p + 1));
      }
      database.add_document(document);
    }
  }

  // Which texts query matches, by text number.
  std::vector<bool> matching(const Xapian::Query& query) const {
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    const Xapian::MSet found = enquire.get_mset(0, database.get_doccount());
    std::vector<bool> matched(texts.size());
    for (auto it = found.begin(); it != found.end(); ++it) matched[*it - 1] = true;
    return matched;
  }

  Xapian::WritableDatabase database;
  std::vector<std::vector<std::string>> texts;
};

}  // namespace

TEST_CASE("consecutive_starts finds where words stand one after the other", "[proximity]") {
  const std::vector<Position> s{1, 5, 9};
  const std::vector<Position> four_hundred{2, 7, 10};
  CHECK(consecutive_starts({&s, &four_hundred}) == std::vector<Position>{1, 9});
  CHECK(consecutive_starts({&s}) == s);
  CHECK(consecutive_starts({}).empty());
}

TEST_CASE("the window counts each operand as one word", "[proximity]") {
  CHECK(ProximityMatcher(near(10), {1, 1}, false).span_limit() == 10);
  CHECK(ProximityMatcher(adj(1), {1, 1, 1}, false).span_limit() == 2);  // a phrase of three
  CHECK(ProximityMatcher(near(1), {2, 1}, false).span_limit() == 2);    // "S-400" ADJ word
  CHECK(ProximityMatcher(near(3), {2, 3}, false).span_limit() == 6);
  CHECK_THROWS_AS(ProximityMatcher(near(3), {}, false), std::invalid_argument);
  CHECK_THROWS_AS(ProximityMatcher(near(3), {2, 0}, false), std::invalid_argument);
}

TEST_CASE("NEAR and ADJ over words and runs of words", "[proximity]") {
  struct Case {
    std::string text;
    std::vector<std::vector<std::string>> operands;
    ProximityRule rule;
    bool matches;
  };
  const auto [text, operands, rule, expected] = GENERATE(values<Case>({
      {"the shadow fleet", {{"shadow"}, {"fleet"}}, adj(1), true},
      {"the fleet shadow", {{"shadow"}, {"fleet"}}, adj(1), false},
      {"the fleet shadow", {{"shadow"}, {"fleet"}}, near(1), true},
      {"shadow of a fleet", {{"shadow"}, {"fleet"}}, near(2), false},
      {"shadow of a fleet", {{"shadow"}, {"fleet"}}, near(3), true},
      {"s 400 sold to turkey", {{"s", "400"}, {"turkey"}}, near(3), true},
      {"s 400 sold to turkey", {{"s", "400"}, {"turkey"}}, near(2), false},
      {"turkey bought s 400", {{"s", "400"}, {"turkey"}}, near(2), true},
      {"turkey bought s 400", {{"s", "400"}, {"turkey"}}, adj(5), false},
      // the words are near, but not consecutive: no operand occurrence there
      {"s turkey 400", {{"s", "400"}, {"turkey"}}, near(5), false},
      {"s x 400 turkey s 400", {{"s", "400"}, {"turkey"}}, near(1), true},
      // operands never share a position
      {"a b", {{"a", "b"}, {"b"}}, near(5), false},
      {"a b x b", {{"a", "b"}, {"b"}}, near(5), true},
      {"a a", {{"a"}, {"a"}}, near(1), true},
      {"a", {{"a"}, {"a"}}, near(1), false},
      {"a b c", {{"a"}, {"b"}, {"c"}}, near(1), true},  // a chain's window is at least its words
      {"a b x c", {{"a"}, {"b"}, {"c"}}, near(2), false},
      {"c x b a", {{"a"}, {"b"}, {"c"}}, near(3), true},
      {"c x b a", {{"a"}, {"b"}, {"c"}}, adj(3), false},
      {"x y z", {{"x", "y", "z"}}, near(1), true},  // one operand: a phrase
  }));
  INFO(text);
  std::vector<std::string> words;
  std::istringstream stream(text);
  for (std::string word; stream >> word;) words.push_back(word);
  const ProximityMatcher matcher(rule, lengths_of(operands), operands_share_words(operands));
  CHECK(matcher.matches(starts_in(words, operands)) == expected);
}

TEST_CASE("the tightest match around an occurrence", "[proximity]") {
  const ProximityMatcher matcher(near(3), {1, 1}, false);
  // a at 1; b at 2 and 4: each b is within 3 of a, and each pins its own match.
  const Starts starts{{1}, {2, 4}};
  CHECK(matcher.tightest(starts) == std::vector<Position>{1, 2});
  CHECK(matcher.tightest(starts, ProximityMatcher::Occurrence{1, 4}) ==
        std::vector<Position>{1, 4});
  CHECK(matcher.tightest(starts, ProximityMatcher::Occurrence{0, 1}) ==
        std::vector<Position>{1, 2});
  CHECK_FALSE(matcher.tightest({{1}, {2, 9}}, ProximityMatcher::Occurrence{1, 9}).has_value());
}

TEST_CASE("the matcher agrees with Xapian's NEAR and PHRASE on single words", "[proximity]") {
  std::mt19937 random(12345);
  const std::vector<std::string> vocabulary{"a", "b", "c", "d"};
  RandomTexts corpus(random, vocabulary, 1, 12);
  for (int q = 0; q < 200; ++q) {
    std::vector<std::vector<std::string>> operands(2 + random() % 3);
    std::vector<Xapian::Query> terms;
    for (auto& operand : operands) {
      operand = {vocabulary[random() % vocabulary.size()]};
      terms.emplace_back(operand.front());
    }
    const ProximityRule rule{static_cast<std::uint32_t>(1 + random() % 5), random() % 2 == 0};
    const ProximityMatcher matcher(rule, lengths_of(operands), true);
    const Xapian::Query query(rule.ordered ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR,
                              terms.begin(), terms.end(),
                              static_cast<Xapian::termcount>(matcher.span_limit() + 1));
    const std::vector<bool> by_xapian = corpus.matching(query);
    for (std::size_t d = 0; d < corpus.texts.size(); ++d) {
      const Starts starts = starts_in(corpus.texts[d], operands);
      INFO("query " << q << " document " << d);
      REQUIRE(matcher.matches(starts) == by_xapian[d]);
      REQUIRE(reference_match(starts, lengths_of(operands), rule) == by_xapian[d]);
    }
  }
}

TEST_CASE("operands of several words match exactly as the rule says", "[proximity]") {
  std::mt19937 random(777);
  const std::vector<std::string> vocabulary{"a", "b", "c"};
  RandomTexts corpus(random, vocabulary, 2, 14);
  for (int q = 0; q < 150; ++q) {
    std::vector<std::vector<std::string>> operands(2 + random() % 2);
    for (auto& operand : operands) {
      const std::size_t words = 1 + random() % 3;
      for (std::size_t w = 0; w < words; ++w) operand.push_back(vocabulary[random() % 3]);
    }
    const ProximityRule rule{static_cast<std::uint32_t>(1 + random() % 4), random() % 2 == 0};
    const std::vector<bool> by_query = corpus.matching(proximity_in_field(operands, rule));
    const ProximityMatcher matcher(rule, lengths_of(operands), operands_share_words(operands));
    for (std::size_t d = 0; d < corpus.texts.size(); ++d) {
      const Starts starts = starts_in(corpus.texts[d], operands);
      const bool expected = reference_match(starts, lengths_of(operands), rule);
      INFO("query " << q << " document " << d);
      REQUIRE(by_query[d] == expected);
      REQUIRE(matcher.matches(starts) == expected);
    }
  }
}

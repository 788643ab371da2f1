// The rule of NEAR/n and ADJ/n over operands of one or more words. The query side (which
// briefs match) and the snippets (which words are marked) both apply it, so they agree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace briefsearch {

// A word's place: an index position on the query side, a token's number in a snippet. The
// words of one section are at consecutive positions either way.
using Position = std::uint32_t;

// How the operands of NEAR/n or ADJ/n must lie (docs/query-language.md, "NEAR and ADJ"):
//  - each operand's words stand at consecutive positions, and operands take distinct
//    positions (an operand never shares a word with another);
//  - counted as if each operand were one word, the first and the last operand are at
//    most max(n, operands - 1) positions apart: for single words exactly Xapian's
//    NEAR and PHRASE window of n + 1 (clamped to the number of words);
//  - with ADJ (ordered), in the order written.
inline constexpr std::uint32_t kDefaultNearDistance = 10;

struct ProximityRule {
  std::uint32_t distance = kDefaultNearDistance;  // NEAR/n's n
  bool ordered = false;                           // ADJ

  friend bool operator==(const ProximityRule&, const ProximityRule&) = default;
};

// The positions where words[0], words[1], ... stand one after the other: each p of
// words[0] with p + j in words[j] for every j. Every list sorted ascending; so is the
// result.
[[nodiscard]] std::vector<Position> consecutive_starts(
    const std::vector<const std::vector<Position>*>& words);

// True when a word stands in two operands (operands[i] holds operand i's words), so that
// occurrences of the two may overlap and ProximityMatcher must search the operands' orders.
[[nodiscard]] bool operands_share_words(const std::vector<std::vector<std::string>>& operands);

// Finds matches of one rule over operands of known lengths. Thread-compatible.
class ProximityMatcher {
 public:
  // Operands that share a word can overlap, so telling whether distinct occurrences fit
  // takes a search over the operands' order, done exactly for up to kMaxSearchedOperands;
  // past that (a chain of single words, which Xapian matches itself) overlaps are
  // ignored. Throws std::invalid_argument for no operands or an empty one.
  ProximityMatcher(ProximityRule rule, std::vector<std::size_t> lengths, bool operands_share_words);

  static constexpr std::size_t kMaxSearchedOperands = 10;

  // The most positions between a match's first and last word: max(n, operands - 1)
  // plus the words operands have beyond their first.
  [[nodiscard]] std::int64_t span_limit() const { return span_limit_; }

  // One occurrence of an operand: which operand, and the position of its first word.
  struct Occurrence {
    std::size_t operand = 0;
    Position start = 0;
  };

  // starts[i]: the sorted positions where operand i occurs (consecutive_starts). True when
  // some choice of one occurrence per operand follows the rule.
  [[nodiscard]] bool matches(const std::vector<std::vector<Position>>& starts) const;

  // The choice that spans the fewest positions (the earliest among equals), as the start
  // of each operand's occurrence; with pinned, only choices that use that occurrence.
  [[nodiscard]] std::optional<std::vector<Position>> tightest(
      const std::vector<std::vector<Position>>& starts,
      std::optional<Occurrence> pinned = std::nullopt) const;

 private:
  struct Choice {
    std::int64_t end = 0;  // last position of the choice
    std::vector<Position> starts;
  };
  std::optional<Choice> search(const std::vector<std::vector<Position>>& starts,
                               std::optional<Occurrence> pinned, bool first_only) const;
  std::optional<Choice> ordered_from(const std::vector<std::vector<Position>>& starts,
                                     Position first) const;
  std::optional<Choice> unordered_from(const std::vector<std::vector<Position>>& starts,
                                       Position lowest) const;
  std::optional<Choice> searched_from(const std::vector<std::vector<Position>>& starts,
                                      Position lowest) const;

  ProximityRule rule_;
  std::vector<std::size_t> lengths_;
  bool search_orders_;
  std::int64_t span_limit_;
};

}  // namespace briefsearch

#include "common/query/proximity.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>

namespace briefsearch {
namespace {

using Starts = std::vector<Position>;

// The first start in starts at or after from, if any.
std::optional<Position> first_from(const Starts& starts, std::int64_t from) {
  if (from < 0) from = 0;
  if (from > std::numeric_limits<Position>::max()) return std::nullopt;
  const auto it = std::lower_bound(starts.begin(), starts.end(), static_cast<Position>(from));
  if (it == starts.end()) return std::nullopt;
  return *it;
}

}  // namespace

std::vector<Position> consecutive_starts(const std::vector<const std::vector<Position>*>& words) {
  std::vector<Position> starts;
  if (words.empty()) return starts;
  for (Position first : *words.front()) {
    bool all = true;
    for (std::size_t j = 1; all && j < words.size(); ++j) {
      const std::int64_t wanted = static_cast<std::int64_t>(first) + static_cast<std::int64_t>(j);
      all = wanted <= std::numeric_limits<Position>::max() &&
            std::binary_search(words[j]->begin(), words[j]->end(), static_cast<Position>(wanted));
    }
    if (all) starts.push_back(first);
  }
  return starts;
}

bool operands_share_words(const std::vector<std::vector<std::string>>& operands) {
  std::map<std::string, std::size_t> owner;
  for (std::size_t i = 0; i < operands.size(); ++i) {
    for (const std::string& term : operands[i]) {
      const auto [it, added] = owner.emplace(term, i);
      if (!added && it->second != i) return true;
    }
  }
  return false;
}

ProximityMatcher::ProximityMatcher(ProximityRule rule, std::vector<std::size_t> lengths,
                                   bool operands_share_words)
    : rule_(rule), lengths_(std::move(lengths)) {
  if (lengths_.empty() ||
      std::any_of(lengths_.begin(), lengths_.end(), [](std::size_t n) { return n == 0; })) {
    throw std::invalid_argument("a proximity match needs operands of at least one word");
  }
  search_orders_ = operands_share_words && !rule_.ordered && lengths_.size() > 1 &&
                   lengths_.size() <= kMaxSearchedOperands;
  const std::int64_t extra_words =
      std::accumulate(lengths_.begin(), lengths_.end(), std::int64_t{0}) -
      static_cast<std::int64_t>(lengths_.size());
  span_limit_ =
      std::max<std::int64_t>(rule_.distance, static_cast<std::int64_t>(lengths_.size()) - 1) +
      extra_words;
}

bool ProximityMatcher::matches(const std::vector<std::vector<Position>>& starts) const {
  return search(starts, std::nullopt, /*first_only=*/true).has_value();
}

std::optional<std::vector<Position>> ProximityMatcher::tightest(
    const std::vector<std::vector<Position>>& starts, std::optional<Occurrence> pinned) const {
  auto choice = search(starts, pinned, /*first_only=*/false);
  if (!choice) return std::nullopt;
  return std::move(choice->starts);
}

// Tries every position a choice may start from and keeps the tightest choice there.
std::optional<ProximityMatcher::Choice> ProximityMatcher::search(
    const std::vector<std::vector<Position>>& starts, std::optional<Occurrence> pinned,
    bool first_only) const {
  if (starts.size() != lengths_.size()) {
    throw std::invalid_argument("proximity match: one list of starts per operand");
  }
  std::vector<Starts> pinned_starts;
  const std::vector<Starts>* lists = &starts;
  if (pinned) {
    pinned_starts = starts;
    pinned_starts.at(pinned->operand) = {pinned->start};
    lists = &pinned_starts;
  }
  if (std::any_of(lists->begin(), lists->end(), [](const Starts& s) { return s.empty(); })) {
    return std::nullopt;
  }
  // Where the choice's first word may stand: any start (of the first operand for ADJ),
  // close enough to a pinned occurrence to take it in.
  Starts lowest = rule_.ordered ? lists->front() : Starts{};
  if (!rule_.ordered) {
    for (const Starts& list : *lists) lowest.insert(lowest.end(), list.begin(), list.end());
    std::sort(lowest.begin(), lowest.end());
    lowest.erase(std::unique(lowest.begin(), lowest.end()), lowest.end());
  }
  std::int64_t from = std::numeric_limits<std::int64_t>::min();
  std::int64_t to = std::numeric_limits<std::int64_t>::max();
  if (pinned) {
    const std::int64_t pinned_end = static_cast<std::int64_t>(pinned->start) +
                                    static_cast<std::int64_t>(lengths_[pinned->operand]) - 1;
    from = pinned_end - span_limit_;
    to = pinned->start;
  }
  std::optional<Choice> best;
  std::int64_t best_span = 0;
  for (Position low : lowest) {
    if (low < from) continue;
    if (low > to) break;
    std::optional<Choice> choice = rule_.ordered    ? ordered_from(*lists, low)
                                   : search_orders_ ? searched_from(*lists, low)
                                                    : unordered_from(*lists, low);
    if (!choice) continue;
    const std::int64_t first = *std::min_element(choice->starts.begin(), choice->starts.end());
    const std::int64_t span = choice->end - first;
    if (span > span_limit_) continue;
    if (first_only) return choice;
    if (!best || span < best_span) {
      best = std::move(choice);
      best_span = span;
    }
  }
  return best;
}

// ADJ: the first operand at first, each next one at its earliest start after the previous
// one's end; taking the earliest never loses a choice that fits.
std::optional<ProximityMatcher::Choice> ProximityMatcher::ordered_from(
    const std::vector<std::vector<Position>>& starts, Position first) const {
  Choice choice;
  choice.starts.push_back(first);
  choice.end = static_cast<std::int64_t>(first) + static_cast<std::int64_t>(lengths_[0]) - 1;
  for (std::size_t j = 1; j < lengths_.size(); ++j) {
    const auto next = first_from(starts[j], choice.end + 1);
    if (!next) return std::nullopt;
    choice.starts.push_back(*next);
    choice.end = static_cast<std::int64_t>(*next) + static_cast<std::int64_t>(lengths_[j]) - 1;
    if (choice.end - first > span_limit_) return std::nullopt;
  }
  return choice;
}

// NEAR over operands with no word in common, so no two occurrences can overlap: each
// operand's earliest start from lowest.
std::optional<ProximityMatcher::Choice> ProximityMatcher::unordered_from(
    const std::vector<std::vector<Position>>& starts, Position lowest) const {
  Choice choice;
  choice.end = lowest;
  for (std::size_t j = 0; j < lengths_.size(); ++j) {
    const auto start = first_from(starts[j], lowest);
    if (!start) return std::nullopt;
    choice.starts.push_back(*start);
    choice.end = std::max(
        choice.end, static_cast<std::int64_t>(*start) + static_cast<std::int64_t>(lengths_[j]) - 1);
  }
  return choice;
}

// NEAR over operands that share words: distinct occurrences, laid out left to right in
// some order of the operands. For each set of operands placed, the earliest end any order
// of them reaches (each placed at its earliest start after the previous end).
std::optional<ProximityMatcher::Choice> ProximityMatcher::searched_from(
    const std::vector<std::vector<Position>>& starts, Position lowest) const {
  const std::size_t count = lengths_.size();
  const std::size_t full = (std::size_t{1} << count) - 1;
  constexpr std::int64_t kUnreached = std::numeric_limits<std::int64_t>::max();
  std::vector<std::int64_t> end(full + 1, kUnreached);
  std::vector<std::size_t> last(full + 1, 0);
  std::vector<Position> last_start(full + 1, 0);
  end[0] = static_cast<std::int64_t>(lowest) - 1;
  const std::int64_t limit = static_cast<std::int64_t>(lowest) + span_limit_;
  for (std::size_t set = 1; set <= full; ++set) {
    for (std::size_t j = 0; j < count; ++j) {
      const std::size_t bit = std::size_t{1} << j;
      if ((set & bit) == 0 || end[set ^ bit] == kUnreached) continue;
      const auto start = first_from(starts[j], end[set ^ bit] + 1);
      if (!start) continue;
      const std::int64_t reached =
          static_cast<std::int64_t>(*start) + static_cast<std::int64_t>(lengths_[j]) - 1;
      if (reached > limit || reached >= end[set]) continue;
      end[set] = reached;
      last[set] = j;
      last_start[set] = *start;
    }
  }
  if (end[full] == kUnreached) return std::nullopt;
  Choice choice;
  choice.end = end[full];
  choice.starts.assign(count, 0);
  for (std::size_t set = full; set != 0; set ^= std::size_t{1} << last[set]) {
    choice.starts[last[set]] = last_start[set];
  }
  return choice;
}

}  // namespace briefsearch

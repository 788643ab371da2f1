#include "common/analysis/edit_distance.h"

#include <algorithm>
#include <vector>

#include "common/base/string_utils.h"

namespace briefsearch {

std::u32string code_points_of(std::string_view text) {
  std::u32string points;
  for (std::size_t offset = 0; offset < text.size();) {
    const CodePoint point = next_code_point(text, offset);
    points.push_back(point.value < 0 ? U'\uFFFD' : static_cast<char32_t>(point.value));
  }
  return points;
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
  const std::size_t longer = std::max(a.size(), b.size());
  const std::size_t shorter = std::min(a.size(), b.size());
  if (longer - shorter > limit) return limit + 1;
  // Three rows of the dynamic programme: two back (for swaps), one back, this one.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_best = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], limit + 1);
}

std::size_t suggestion_edits(const std::u32string& wanted) {
  constexpr std::size_t kNoEditsUpTo = 2;
  constexpr std::size_t kOneEditUpTo = 5;
  if (wanted.size() <= kNoEditsUpTo) return 0;
  return wanted.size() <= kOneEditUpTo ? 1 : 2;
}

std::optional<std::size_t> suggestion_distance(const std::u32string& wanted,
                                               const std::u32string& candidate) {
  const std::size_t most = suggestion_edits(wanted);
  const std::size_t distance = edit_distance(wanted, candidate, most);
  if (distance > most) return std::nullopt;
  if (distance >= 2 && (candidate.empty() || candidate.front() != wanted.front())) {
    return std::nullopt;
  }
  return distance;
}

}  // namespace briefsearch

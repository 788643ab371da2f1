// Edit distance between short strings, for "did you mean" suggestions over fixed tables
// (country names). Xapian's own edit distance, used for spelling, is not public in 1.4.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace briefsearch {

// The code points of UTF-8 text; an ill-formed sequence counts as U+FFFD.
[[nodiscard]] std::u32string code_points_of(std::string_view text);

// The optimal string alignment distance between a and b (Damerau-Levenshtein without
// edits of a substring edited before): insertions, deletions, substitutions and swaps of
// two neighbours each cost 1. A result above limit is returned as limit + 1 (the work
// stops early once every alignment costs more).
[[nodiscard]] std::size_t edit_distance(const std::u32string& a, const std::u32string& b,
                                        std::size_t limit);

}  // namespace briefsearch

// Edit distance between short strings, for "did you mean" suggestions over fixed tables
// (country names, regions). Xapian's own edit distance, used for spelling, is not public in 1.4.
#pragma once

#include <cstddef>
#include <optional>
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

// A suggestion for a misspelt value from a fixed table ("did you mean"), and how far it is.
// The rule of every such suggestion (country names, regions):
//  - at most suggestion_edits(wanted) edits away: none for a value of up to 2 letters, one
//    for up to 5, two beyond (Elasticsearch's "AUTO" fuzziness), so "rusia" is one edit
//    from Russia and too far from USA;
//  - two edits only when the first letters agree: a misspelling seldom starts with the
//    wrong letter, so "persia" does not suggest Serbia, nor "balkans" Malians;
//  - only the nearest: of Russia (1 edit) and USA (2), Russia alone.
[[nodiscard]] std::size_t suggestion_edits(const std::u32string& wanted);

// The edits from wanted to candidate if candidate may be suggested for it by the rule
// above (before keeping only the nearest); nothing otherwise.
[[nodiscard]] std::optional<std::size_t> suggestion_distance(const std::u32string& wanted,
                                                             const std::u32string& candidate);

}  // namespace briefsearch

// The analyser's ASCII fast path (internal to common/analysis/): word segmentation of
// ASCII-only text without ICU's UTF-16 conversion, giving exactly the words ICU's word
// break iterator gives (a unit test compares the two on random text).
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace briefsearch {

// The [begin, end) byte ranges of the words of ASCII-only text, in order, as ICU's word
// break iterator (root rules, Unicode UAX #29) reports words (a status other than
// UBRK_WORD_NONE): letters, digits and underscores join (WB5, 8-10, 13a-b), "@" counting
// as a letter; "." or "'" joins two letters (WB6-7); ".", "'", "," or ";" joins two
// digits (WB11-12). A lone underscore is not a word.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> ascii_words(std::string_view text);

}  // namespace briefsearch

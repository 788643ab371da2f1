// Latin letters folded to ASCII as ICU's "Latin-ASCII" transliteration folds them: "ł" ->
// "l", "ø" -> "o", "đ" -> "d", "ı" -> "i", "æ" -> "ae", "œ" -> "oe", "þ" -> "th".
//
// Persisted: the analyser's terms depend on this table (see kAnalyserVersion).
#pragma once

#include <algorithm>
#include <span>
#include <string_view>

namespace briefsearch {

struct LatinAsciiFolding {
  char32_t letter;
  std::string_view ascii;  // lowercase ASCII letters, never empty
};

// Every letter of the Latin script beyond ASCII that Latin-ASCII turns into ASCII letters,
// with what it gives, lowercased (small capitals give capitals: "ɪ" -> "I" -> "i"), sorted
// by letter. Letters it leaves alone or turns into something else ("ǀ" -> "|") are absent.
// Generated at build time by tools/latin_ascii_table, which runs ICU's transliterator: the
// rules take 150 million instructions to compile, ten times a whole search, so no process
// compiles them at run time. A unit test compares the table with the transliterator.
extern const std::span<const LatinAsciiFolding> kLatinAsciiFoldings;

// What letter folds to, or nothing ("") when it is not in kLatinAsciiFoldings.
[[nodiscard]] inline std::string_view latin_ascii_folding(char32_t letter) {
  const auto found = std::lower_bound(
      kLatinAsciiFoldings.begin(), kLatinAsciiFoldings.end(), letter,
      [](const LatinAsciiFolding& folding, char32_t wanted) { return folding.letter < wanted; });
  if (found == kLatinAsciiFoldings.end() || found->letter != letter) return {};
  return found->ascii;
}

}  // namespace briefsearch

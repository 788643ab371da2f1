// Spelling helpers for the generator's vocabulary: splitting packed word lists, regular
// English inflection, and pseudo-words built from syllables.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace briefsearch::gen_corpus {

// "a|b||c" split on '|' -> {"a", "b", "c"}: empty parts are dropped.
[[nodiscard]] std::vector<std::string> split(std::string_view text, char separator);

// Regular plural or third person: "policy" -> "policies", "tax" -> "taxes", "state" -> "states".
[[nodiscard]] std::string add_s(const std::string& word);

// Regular past tense: "approve" -> "approved", "deny" -> "denied", "block" -> "blocked".
[[nodiscard]] std::string add_ed(const std::string& word);

struct PseudoWordSpec {
  std::uint64_t seed;         // the words depend only on the spec, never on the corpus seed
  std::size_t count;          // how many distinct words
  int min_syllables;          // syllables before the suffix
  int max_syllables;          //
  std::string_view suffixes;  // '|'-separated; each word ends with one ("" allowed)
  bool capitalised;           // names ("Kalistan") rather than common words ("kelation")
};

// `count` distinct lowercase or capitalised pseudo-words, none of them in `taken`.
[[nodiscard]] std::vector<std::string> make_pseudo_words(
    const PseudoWordSpec& spec, const std::unordered_set<std::string>& taken);

}  // namespace briefsearch::gen_corpus

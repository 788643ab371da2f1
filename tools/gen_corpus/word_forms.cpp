#include "tools/gen_corpus/word_forms.h"

#include <algorithm>
#include <array>

#include "tools/gen_corpus/random.h"

namespace briefsearch::gen_corpus {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::string add_s(const std::string& word) {
  const char last = word.back();
  if (last == 'y' && word.size() > 1 && !is_vowel(word[word.size() - 2])) {
    return word.substr(0, word.size() - 1) + "ies";
  }
  if (last == 's' || last == 'x' || last == 'z' || last == 'o' || word.ends_with("ch") ||
      word.ends_with("sh")) {
    return word + "es";
  }
  return word + "s";
}

std::string add_ed(const std::string& word) {
  if (word.back() == 'e') return word + "d";
  if (word.back() == 'y' && word.size() > 1 && !is_vowel(word[word.size() - 2])) {
    return word.substr(0, word.size() - 1) + "ied";
  }
  return word + "ed";
}

std::vector<std::string> make_pseudo_words(const PseudoWordSpec& spec,
                                           const std::unordered_set<std::string>& taken) {
  static constexpr std::array<std::string_view, 24> kOnsets = {
      "b", "br", "d", "dr", "f",  "g",  "gr", "h",  "k", "kr", "l",  "m",
      "n", "p",  "r", "s",  "sh", "st", "t",  "tr", "v", "z",  "ch", "j"};
  static constexpr std::array<std::string_view, 10> kVowels = {"a", "e", "i", "o", "u",
                                                               "a", "e", "o", "a", "i"};
  static constexpr std::array<std::string_view, 8> kCodas = {"", "", "", "n", "r", "l", "s", "m"};
  std::vector<std::string> suffixes = split(spec.suffixes, '|');
  const auto alternatives = std::count(spec.suffixes.begin(), spec.suffixes.end(), '|') + 1;
  if (static_cast<size_t>(alternatives) > suffixes.size()) suffixes.emplace_back();  // ""
  Random random(spec.seed);
  std::unordered_set<std::string> seen;
  std::vector<std::string> words;
  words.reserve(spec.count);
  while (words.size() < spec.count) {
    std::string word;
    const int syllables = random.between(spec.min_syllables, spec.max_syllables);
    for (int i = 0; i < syllables; ++i) {
      word += kOnsets[random.below(kOnsets.size())];
      word += kVowels[random.below(kVowels.size())];
      if (i + 1 < syllables) word += kCodas[random.below(kCodas.size())];
    }
    const std::string& suffix = suffixes[random.below(suffixes.size())];
    // "ji" + "ity" would read "jiity": a consonant between two vowels.
    if (!suffix.empty() && is_vowel(suffix[0]) && is_vowel(word.back())) {
      word += kCodas[3 + random.below(kCodas.size() - 3)];
    }
    word += suffix;
    if (spec.capitalised) word[0] = static_cast<char>(word[0] - 'a' + 'A');
    if (!taken.contains(word) && seen.insert(word).second) words.push_back(std::move(word));
  }
  return words;
}

}  // namespace briefsearch::gen_corpus

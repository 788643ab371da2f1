// The analyser's ASCII fast path (internal to common/analysis/): word segmentation of
// ASCII-only text without ICU's UTF-16 conversion, giving exactly the words ICU's word
// break iterator gives (a unit test compares the two on random text).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace briefsearch {
namespace ascii_words_detail {

// Word Break classes (Unicode UAX #29, as ICU's root rules apply them) of ASCII bytes.
enum class AsciiBreak : std::uint8_t {
  kOther,
  kLetter,
  kDigit,
  kUnderscore,
  kMidLetterOrNumber,
  kMidNumber
};

constexpr std::array<AsciiBreak, 256> make_break_classes() {
  std::array<AsciiBreak, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = AsciiBreak::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = AsciiBreak::kLetter;
  // ICU's rules count "@" as a letter, so e-mail addresses stay whole.
  classes['@'] = AsciiBreak::kLetter;
  for (int c = '0'; c <= '9'; ++c) classes[c] = AsciiBreak::kDigit;
  classes['_'] = AsciiBreak::kUnderscore;                         // ExtendNumLet
  classes['.'] = classes['\''] = AsciiBreak::kMidLetterOrNumber;  // MidNumLet, Single_Quote
  classes[','] = classes[';'] = AsciiBreak::kMidNumber;           // MidNum
  return classes;
}

inline constexpr std::array<AsciiBreak, 256> kBreakClasses = make_break_classes();

inline AsciiBreak break_class(char c) { return kBreakClasses[static_cast<unsigned char>(c)]; }

inline bool is_word_part(AsciiBreak kind) {
  return kind == AsciiBreak::kLetter || kind == AsciiBreak::kDigit ||
         kind == AsciiBreak::kUnderscore;
}

}  // namespace ascii_words_detail

// Calls on_word(begin, end) with the [begin, end) byte range of each word of ASCII-only
// text, in order, as ICU's word break iterator (root rules, Unicode UAX #29) reports words
// (a status other than UBRK_WORD_NONE): letters, digits and underscores join (WB5, 8-10,
// 13a-b), "@" counting as a letter; "." or "'" joins two letters (WB6-7); ".", "'", "," or
// ";" joins two digits (WB11-12). A lone underscore is not a word. A callback rather than
// a vector: the analyser's cost per word is most of a snippet's.
template <typename OnWord>
void for_each_ascii_word(std::string_view text, OnWord&& on_word) {
  using ascii_words_detail::AsciiBreak;
  using ascii_words_detail::break_class;
  using ascii_words_detail::is_word_part;
  std::size_t at = 0;
  while (at < text.size()) {
    AsciiBreak last = break_class(text[at]);
    if (!is_word_part(last)) {
      ++at;
      continue;
    }
    const std::size_t start = at++;
    while (at < text.size()) {
      const AsciiBreak kind = break_class(text[at]);
      if (is_word_part(kind)) {
        last = kind;
        ++at;
        continue;
      }
      if (at + 1 < text.size() &&
          (kind == AsciiBreak::kMidLetterOrNumber || kind == AsciiBreak::kMidNumber)) {
        const AsciiBreak next = break_class(text[at + 1]);
        const bool letters = last == AsciiBreak::kLetter && next == AsciiBreak::kLetter &&
                             kind == AsciiBreak::kMidLetterOrNumber;
        const bool digits = last == AsciiBreak::kDigit && next == AsciiBreak::kDigit;
        if (letters || digits) {
          at += 2;
          last = next;
          continue;
        }
      }
      break;
    }
    if (at - start == 1 && text[start] == '_') continue;
    on_word(start, at);
  }
}

}  // namespace briefsearch

#include "common/analysis/ascii_words.h"

namespace briefsearch {
namespace {

// Word Break classes (Unicode UAX #29, as ICU's root rules apply them) of ASCII bytes.
enum class AsciiBreak { kOther, kLetter, kDigit, kUnderscore, kMidLetterOrNumber, kMidNumber };

AsciiBreak ascii_break_class(char c) {
  // ICU's rules count "@" as a letter, so e-mail addresses stay whole.
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return AsciiBreak::kLetter;
  if (c >= '0' && c <= '9') return AsciiBreak::kDigit;
  if (c == '_') return AsciiBreak::kUnderscore;                      // ExtendNumLet
  if (c == '.' || c == '\'') return AsciiBreak::kMidLetterOrNumber;  // MidNumLet, Single_Quote
  if (c == ',' || c == ';') return AsciiBreak::kMidNumber;           // MidNum
  return AsciiBreak::kOther;
}

bool is_word_part(AsciiBreak kind) {
  return kind == AsciiBreak::kLetter || kind == AsciiBreak::kDigit ||
         kind == AsciiBreak::kUnderscore;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> ascii_words(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> words;
  words.reserve(text.size() / 6 + 1);
  std::size_t at = 0;
  while (at < text.size()) {
    AsciiBreak last = ascii_break_class(text[at]);
    if (!is_word_part(last)) {
      ++at;
      continue;
    }
    const std::size_t start = at++;
    while (at < text.size()) {
      const AsciiBreak kind = ascii_break_class(text[at]);
      if (is_word_part(kind)) {
        last = kind;
        ++at;
        continue;
      }
      if (at + 1 < text.size() &&
          (kind == AsciiBreak::kMidLetterOrNumber || kind == AsciiBreak::kMidNumber)) {
        const AsciiBreak next = ascii_break_class(text[at + 1]);
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
    words.emplace_back(start, at);
  }
  return words;
}

}  // namespace briefsearch

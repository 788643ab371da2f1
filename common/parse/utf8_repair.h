// Reading bytes that are mostly UTF-8: which of their sequences are broken, whether the
// bytes are UTF-8 at all, and how each broken sequence is repaired (used by decode_text).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace briefsearch {

// Counts what decides whether bytes are UTF-8-shaped (see decode_text).
struct Utf8Census {
  std::size_t multibyte = 0;  // valid sequences of two to four bytes, CESU-8 pairs included
  std::size_t lossy = 0;      // ill-formed sequences a repair turns into U+FFFD
  std::size_t invalid = 0;    // all sequences a repair changes: ill-formed ones, CESU-8 pairs

  // A repair would lose no more than the text holds of valid multi-byte characters.
  [[nodiscard]] bool utf8_shaped() const { return lossy <= multibyte; }
};

// How bytes read as UTF-8 break down. Ill-formed sequences are the maximal subparts of
// Unicode's chapter 3 (as ICU's U8_NEXT reads them), except that an encoded UTF-16
// surrogate (0xED 0xA0-0xBF 0x80-0xBF, as CESU-8 and WTF-8 write one) is one sequence: a
// high one followed by a low one is a CESU-8 pair, which is read as the character it
// encodes; a lone one is one ill-formed sequence.
[[nodiscard]] Utf8Census take_utf8_census(std::string_view bytes);

// Appends bytes (one line, whose first byte is at base_offset in the file) to out with
// every ill-formed sequence repaired. Returns the warning for the line, naming the first
// repair and counting the others; empty when nothing needed one.
// - A run of adjacent ill-formed sequences that are all lone bytes 0x80-0x9F (never part of
//   UTF-8; a curly quote or dash from an office tool) is read as Windows-1252, each byte its
//   character (U+FFFD for the five bytes Windows-1252 leaves undefined).
// - In any other run each ill-formed sequence becomes one U+FFFD: a byte 0x80-0x9F that
//   follows a broken character is part of the damage, not a stray quote.
// - A CESU-8 surrogate pair becomes the character it encodes.
[[nodiscard]] std::string append_repaired_utf8(std::string_view bytes, std::size_t base_offset,
                                               std::string& out);

}  // namespace briefsearch

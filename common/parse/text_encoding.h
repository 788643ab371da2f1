// Turns the raw bytes of an input file into UTF-8 text with LF line ends.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

// Something read other than as clean UTF-8: invalid bytes repaired, or text converted from
// a legacy encoding. The message names byte offsets (counted from 0, in the bytes as
// given, byte-order mark included, as `grep -b` counts) but no file.
struct DecodeWarning {
  // 1-based line of the input the warning is about; 0 when it concerns all of it.
  std::size_t line = 0;
  std::string message;
};

struct DecodedText {
  std::string utf8;
  // What the bytes were read as: "UTF-8" (repaired or not), "UTF-16LE", "UTF-16BE", or
  // the legacy encoding used ("windows-1252", "ISO-8859-2", ...) when any part needed one.
  std::string source_encoding;
  // In input order, at most kMaxDecodeWarnings of them plus one line counting the rest.
  std::vector<DecodeWarning> warnings;
};

inline constexpr std::size_t kMaxDecodeWarnings = 5;

// What went wrong when bytes cannot be read as text; the message names no file.
struct DecodeFailure {
  std::string reason;
};

// Whether the UTF-8-or-legacy decision is taken once for the whole text, or for each line
// on its own (JSON Lines: every record is a separate document, often from another source).
enum class DecodeUnit { kWholeText, kEachLine };

// Decodes bytes to UTF-8 with LF line ends (CRLF and lone CR become LF; the number of lines
// never changes). A UTF-8 byte-order mark is dropped; UTF-16 with a byte-order mark is
// converted, and so is UTF-16 without one when ICU's charset detector is sure of it (bytes
// with NULs that read as UTF-16 text). Other bytes that look binary fail, with the reason:
// a NUL byte (kWholeText only: in kEachLine a NUL is left to fail its own record), or
// control characters in more than one byte of 20.
//
// Otherwise each unit (see DecodeUnit) is read as UTF-8 when it is UTF-8-shaped: its
// invalid sequences that a repair would lose are no more numerous than its valid
// multi-byte sequences. Ill-formed sequences are repaired as append_repaired_utf8
// (common/parse/utf8_repair.h) says: lone bytes 0x80-0x9F as Windows-1252 characters,
// other broken characters as U+FFFD each (the maximal subpart of a broken character, as
// Unicode's chapter 3 defines it, and an encoded surrogate as one), CESU-8 surrogate pairs
// as the characters they encode. Each line with a repair gets a warning naming its byte
// offsets.
//
// A unit that is not UTF-8-shaped (legacy text: Latin-1 letters 0xC0-0xFF stand alone, so
// valid sequences hardly ever occur) is converted from the encoding ICU's charset detector
// names (Windows-1252 when it is unsure), with a warning.
[[nodiscard]] std::optional<DecodeFailure> decode_text(std::string_view bytes, DecodedText& out,
                                                       DecodeUnit unit = DecodeUnit::kWholeText);

}  // namespace briefsearch

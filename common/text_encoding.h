// Turns the raw bytes of an input file into UTF-8 text with LF line ends.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace briefsearch {

struct DecodedText {
  std::string utf8;
  // The encoding the bytes were read as: "UTF-8", "UTF-16LE", "windows-1252", ...
  std::string source_encoding;
};

// What went wrong when bytes cannot be read as text; the message names no file.
struct DecodeFailure {
  std::string reason;
};

// Strips a byte-order mark, converts UTF-16 (with a BOM) and legacy 8-bit encodings
// (detected with ICU; Windows-1252 when detection is unsure) to UTF-8, and turns CRLF and
// lone CR into LF. Bytes that look binary (NUL bytes, many control characters) fail.
[[nodiscard]] std::optional<DecodeFailure> decode_text(std::string_view bytes, DecodedText& out);

}  // namespace briefsearch

#include "common/parse/utf8_repair.h"

#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdio>
#include <optional>

#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

// One character, CESU-8 pair or ill-formed sequence: bytes [begin, end).
struct Piece {
  enum class Kind { kValid, kPair, kInvalid };
  Kind kind = Kind::kInvalid;
  std::size_t begin = 0;
  std::size_t end = 0;
  UChar32 code_point = -1;
};

unsigned char byte_at(std::string_view bytes, std::size_t at) {
  return static_cast<unsigned char>(bytes[at]);
}

// The UTF-16 code unit an encoded surrogate at bytes[at] stands for, if one is there.
std::optional<UChar32> encoded_surrogate_at(std::string_view bytes, std::size_t at) {
  if (at + 3 > bytes.size() || byte_at(bytes, at) != 0xED) return std::nullopt;
  const unsigned char second = byte_at(bytes, at + 1);
  const unsigned char third = byte_at(bytes, at + 2);
  if (second < 0xA0 || second > 0xBF || third < 0x80 || third > 0xBF) return std::nullopt;
  return 0xD000 | ((second & 0x3F) << 6) | (third & 0x3F);
}

// The piece that starts at bytes[at], a byte 0x80 or above.
Piece next_piece(std::string_view bytes, std::size_t at) {
  if (const auto high = encoded_surrogate_at(bytes, at)) {
    const auto low = encoded_surrogate_at(bytes, at + 3);
    if (U16_IS_LEAD(*high) && low && U16_IS_TRAIL(*low)) {
      return {Piece::Kind::kPair, at, at + 6, U16_GET_SUPPLEMENTARY(*high, *low)};
    }
    return {Piece::Kind::kInvalid, at, at + 3, -1};
  }
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  auto offset = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(data, offset, static_cast<int32_t>(bytes.size()), c);
  return {c >= 0 ? Piece::Kind::kValid : Piece::Kind::kInvalid, at,
          static_cast<std::size_t>(offset), c};
}

// A stretch of valid text, a CESU-8 pair, or a run of adjacent ill-formed sequences.
struct Segment {
  enum class Kind { kText, kPair, kRun };
  Kind kind = Kind::kText;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t multibyte = 0;  // kText: its characters of two to four bytes
  std::size_t sequences = 0;  // kRun: its ill-formed sequences
  bool windows_1252 = false;  // kRun: every sequence is a lone byte 0x80-0x9F
  UChar32 code_point = -1;    // kPair
};

bool is_lone_c1_byte(std::string_view bytes, const Piece& piece) {
  if (piece.end != piece.begin + 1) return false;
  const unsigned char byte = byte_at(bytes, piece.begin);
  return byte >= 0x80 && byte <= 0x9F;
}

class Segments {
 public:
  explicit Segments(std::string_view bytes) : bytes_(bytes) {}

  std::optional<Segment> next() {
    if (at_ >= bytes_.size()) return std::nullopt;
    Segment segment{Segment::Kind::kText, at_, at_};
    while (at_ < bytes_.size()) {
      if (byte_at(bytes_, at_) < 0x80) {
        ++at_;
        continue;
      }
      const Piece piece = next_piece(bytes_, at_);
      if (piece.kind != Piece::Kind::kValid) break;
      ++segment.multibyte;
      at_ = piece.end;
    }
    if (at_ > segment.begin) {
      segment.end = at_;
      return segment;
    }
    Piece piece = next_piece(bytes_, at_);
    if (piece.kind == Piece::Kind::kPair) {
      at_ = piece.end;
      return Segment{Segment::Kind::kPair, piece.begin, piece.end, 0, 0, false, piece.code_point};
    }
    segment.kind = Segment::Kind::kRun;
    segment.windows_1252 = true;
    while (piece.kind == Piece::Kind::kInvalid) {
      ++segment.sequences;
      segment.windows_1252 = segment.windows_1252 && is_lone_c1_byte(bytes_, piece);
      at_ = piece.end;
      if (at_ >= bytes_.size() || byte_at(bytes_, at_) < 0x80) break;
      piece = next_piece(bytes_, at_);
    }
    segment.end = at_;
    return segment;
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

// The UTF-8 for each byte 0x80-0x9F read as Windows-1252, from ICU's converter. ICU maps
// the five bytes Windows-1252 leaves undefined to C1 control characters, which are no
// text: those read as U+FFFD.
const std::array<std::string, 32>& windows_1252_high_controls() {
  static const std::array<std::string, 32> table = [] {
    std::array<std::string, 32> characters;
    for (std::size_t i = 0; i < characters.size(); ++i) {
      const char byte = static_cast<char>(0x80 + i);
      std::string utf8;
      icu::UnicodeString(&byte, 1, "windows-1252").toUTF8String(utf8);
      const bool control = utf8.size() != 3;  // C1 controls take 2 bytes in UTF-8
      characters[i] = control ? std::string(kReplacementCharacter) : utf8;
    }
    return characters;
  }();
  return table;
}

std::string hex_bytes(std::string_view bytes) {
  std::string text;
  for (unsigned char byte : bytes) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%s0x%02X", text.empty() ? "" : " ", byte);
    text += hex;
  }
  return text;
}

std::string code_point_utf8(UChar32 c) {
  std::string utf8;
  icu::UnicodeString(c).toUTF8String(utf8);
  return utf8;
}

std::string describe_pair(std::string_view sequence, std::size_t offset, UChar32 c) {
  char name[16];
  std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
  return "CESU-8 bytes " + hex_bytes(sequence) + " (a UTF-16 surrogate pair) at byte offset " +
         std::to_string(offset) + ", read as " + name;
}

std::string describe_invalid(std::string_view sequence, std::size_t offset,
                             const std::string& replacement) {
  const bool surrogate = encoded_surrogate_at(sequence, 0).has_value();
  return "invalid UTF-8 " + std::string(sequence.size() == 1 ? "byte " : "bytes ") +
         hex_bytes(sequence) + (surrogate ? " (an encoded UTF-16 surrogate)" : "") +
         " at byte offset " + std::to_string(offset) +
         (replacement == kReplacementCharacter
              ? ", replaced by U+FFFD"
              : ", read as the Windows-1252 character '" + replacement + "'");
}

}  // namespace

Utf8Census take_utf8_census(std::string_view bytes) {
  Utf8Census census;
  Segments segments(bytes);
  while (const auto segment = segments.next()) {
    switch (segment->kind) {
      case Segment::Kind::kText:
        census.multibyte += segment->multibyte;
        break;
      case Segment::Kind::kPair:
        ++census.multibyte;
        ++census.invalid;
        break;
      case Segment::Kind::kRun:
        census.invalid += segment->sequences;
        if (!segment->windows_1252) census.lossy += segment->sequences;
        break;
    }
  }
  return census;
}

std::string append_repaired_utf8(std::string_view bytes, std::size_t base_offset,
                                 std::string& out) {
  std::size_t repairs = 0;
  std::string first;
  Segments segments(bytes);
  while (const auto segment = segments.next()) {
    const std::string_view part = bytes.substr(segment->begin, segment->end - segment->begin);
    if (segment->kind == Segment::Kind::kText) {
      out.append(part);
      continue;
    }
    if (segment->kind == Segment::Kind::kPair) {
      out += code_point_utf8(segment->code_point);
      if (repairs++ == 0)
        first = describe_pair(part, base_offset + segment->begin, segment->code_point);
      continue;
    }
    for (std::size_t at = segment->begin; at < segment->end;) {
      const Piece piece = next_piece(bytes, at);
      const std::string_view sequence = bytes.substr(at, piece.end - at);
      const std::string& replacement = segment->windows_1252
                                           ? windows_1252_high_controls()[byte_at(bytes, at) - 0x80]
                                           : std::string(kReplacementCharacter);
      out += replacement;
      if (repairs++ == 0) first = describe_invalid(sequence, base_offset + at, replacement);
      at = piece.end;
    }
  }
  if (repairs > 1) first += " (and " + std::to_string(repairs - 1) + " more on this line)";
  return first;
}

}  // namespace briefsearch

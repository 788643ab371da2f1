#include "common/parse/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdio>
#include <memory>

#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD
// ICU needs some text to tell encodings apart; below this confidence we assume the office
// default, Windows-1252, which is what stray non-UTF-8 briefs almost always are.
constexpr int32_t kMinimumDetectionConfidence = 30;

// Control characters other than tab, LF, CR and form feed are rare in text and common in
// binary formats.
bool looks_binary(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos) return true;
  size_t controls = 0;
  for (unsigned char c : bytes) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++controls;
  }
  return controls * 20 > bytes.size();
}

std::optional<std::string> convert_to_utf8(std::string_view bytes, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(encoding, &status),
                                                               &ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  const icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()),
                                   converter.get(), status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string utf8;
  unicode.toUTF8String(utf8);
  return utf8;
}

// Asks ICU's charset detector for the likeliest 8-bit or multi-byte encoding.
std::string detect_legacy_encoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  if (U_FAILURE(status)) return "windows-1252";
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "windows-1252";
  const int32_t confidence = ucsdet_getConfidence(match, &status);
  const std::string name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || confidence < kMinimumDetectionConfidence) return "windows-1252";
  // ISO-8859-1 has no printable characters in 0x80-0x9F; Windows-1252 puts curly quotes and
  // dashes there, and it is a superset for everything else.
  if (name == "ISO-8859-1" || name == "UTF-8") return "windows-1252";
  return name;
}

// The UTF-8 for each byte 0x80-0x9F read as Windows-1252, from ICU's converter. ICU maps
// the five bytes Windows-1252 leaves undefined to C1 control characters, which are no
// text: those read as U+FFFD.
const std::array<std::string, 32>& windows_1252_high_controls() {
  static const std::array<std::string, 32> table = [] {
    std::array<std::string, 32> characters;
    for (size_t i = 0; i < characters.size(); ++i) {
      const char byte = static_cast<char>(0x80 + i);
      auto utf8 = convert_to_utf8(std::string_view(&byte, 1), "windows-1252");
      const bool control = !utf8 || utf8->size() != 3;  // C1 controls take 2 bytes in UTF-8
      characters[i] = control ? std::string(kReplacementCharacter) : *utf8;
    }
    return characters;
  }();
  return table;
}

bool is_windows_1252_repairable(std::string_view invalid) {
  if (invalid.size() != 1) return false;
  const auto byte = static_cast<unsigned char>(invalid.front());
  return byte >= 0x80 && byte <= 0x9F;
}

// One line of the input bytes, without its line end.
struct RawLine {
  std::string_view bytes;
  size_t offset = 0;   // of its first byte in the input as given
  size_t number = 0;   // 1-based
  bool ended = false;  // followed by a line end
};

// Splits on LF, CRLF and lone CR, as normalise_line_ends reads them. Legacy multi-byte
// encodings never use CR or LF inside a character, so this is safe before decoding.
std::vector<RawLine> split_raw_lines(std::string_view bytes, size_t base_offset) {
  std::vector<RawLine> lines;
  size_t start = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] != '\n' && bytes[i] != '\r') continue;
    lines.push_back({bytes.substr(start, i - start), base_offset + start, lines.size() + 1, true});
    if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < bytes.size()) {
    lines.push_back({bytes.substr(start), base_offset + start, lines.size() + 1, false});
  }
  return lines;
}

// Counts what decides whether bytes are UTF-8-shaped (see decode_text).
struct Utf8Census {
  size_t multibyte = 0;  // valid sequences of two to four bytes
  size_t lossy = 0;      // invalid sequences a repair turns into U+FFFD
  size_t invalid = 0;    // all invalid sequences

  [[nodiscard]] bool utf8_shaped() const { return lossy <= multibyte; }
};

Utf8Census take_census(std::string_view bytes) {
  Utf8Census census;
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  for (int32_t offset = 0; offset < length;) {
    if (data[offset] < 0x80) {
      ++offset;
      continue;
    }
    const int32_t start = offset;
    UChar32 c;
    U8_NEXT(data, offset, length, c);
    if (c >= 0) {
      ++census.multibyte;
      continue;
    }
    ++census.invalid;
    if (!is_windows_1252_repairable(bytes.substr(start, offset - start))) ++census.lossy;
  }
  return census;
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

// Keeps the first kMaxDecodeWarnings warnings and counts the lines of the rest.
class WarningLog {
 public:
  void add(size_t line, std::string message) {
    if (warnings_.size() < kMaxDecodeWarnings) {
      warnings_.push_back({line, std::move(message)});
    } else {
      ++more_lines_;
    }
  }

  [[nodiscard]] std::vector<DecodeWarning> finish() && {
    if (more_lines_ > 0) {
      warnings_.push_back({0, "invalid or legacy-encoded text on " + std::to_string(more_lines_) +
                                  " more lines, repaired or converted in the same way"});
    }
    return std::move(warnings_);
  }

 private:
  std::vector<DecodeWarning> warnings_;
  size_t more_lines_ = 0;
};

// Appends line with each invalid sequence repaired, and logs one warning for the line.
void append_repaired(const RawLine& line, std::string& out, WarningLog& log) {
  const std::string_view bytes = line.bytes;
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  size_t repairs = 0;
  std::string first;
  for (int32_t offset = 0; offset < length;) {
    const int32_t start = offset;
    UChar32 c;
    U8_NEXT(data, offset, length, c);
    const std::string_view sequence = bytes.substr(start, offset - start);
    if (c >= 0) {
      out.append(sequence);
      continue;
    }
    const std::string& replacement =
        is_windows_1252_repairable(sequence)
            ? windows_1252_high_controls()[static_cast<unsigned char>(sequence.front()) - 0x80]
            : std::string(kReplacementCharacter);
    out.append(replacement);
    if (repairs++ > 0) continue;
    first = "invalid UTF-8 " + std::string(sequence.size() == 1 ? "byte " : "bytes ") +
            hex_bytes(sequence) + " at byte offset " + std::to_string(line.offset + start) +
            (replacement == kReplacementCharacter
                 ? ", replaced by U+FFFD"
                 : ", read as the Windows-1252 character '" + replacement + "'");
  }
  if (repairs == 0) return;
  if (repairs > 1) first += " (and " + std::to_string(repairs - 1) + " more on this line)";
  log.add(line.number, std::move(first));
}

std::string legacy_message(const std::string& encoding) { return "not UTF-8; read as " + encoding; }

// Reads each line on its own: clean and UTF-8-shaped lines as UTF-8, the others together in
// the one legacy encoding the detector finds for them.
std::optional<DecodeFailure> decode_each_line(std::string_view bytes, size_t base_offset,
                                              DecodedText& out, WarningLog& log) {
  const std::vector<RawLine> lines = split_raw_lines(bytes, base_offset);
  std::vector<Utf8Census> censuses;
  std::string legacy_bytes;
  for (const RawLine& line : lines) {
    censuses.push_back(take_census(line.bytes));
    if (!censuses.back().utf8_shaped()) legacy_bytes.append(line.bytes).append("\n");
  }
  const std::string encoding = legacy_bytes.empty() ? "" : detect_legacy_encoding(legacy_bytes);
  out.source_encoding = legacy_bytes.empty() ? "UTF-8" : encoding;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (censuses[i].invalid == 0) {
      out.utf8.append(lines[i].bytes);
    } else if (censuses[i].utf8_shaped()) {
      append_repaired(lines[i], out.utf8, log);
    } else {
      auto utf8 = convert_to_utf8(lines[i].bytes, encoding.c_str());
      if (!utf8) return DecodeFailure{"cannot convert from " + encoding};
      out.utf8 += *utf8;
      log.add(lines[i].number, legacy_message(encoding));
    }
    if (lines[i].ended) out.utf8 += '\n';
  }
  return std::nullopt;
}

std::optional<DecodeFailure> decode_whole_text(std::string_view bytes, size_t base_offset,
                                               DecodedText& out, WarningLog& log) {
  const Utf8Census census = take_census(bytes);
  if (census.invalid == 0) {
    out.utf8 = normalise_line_ends(bytes);
    out.source_encoding = "UTF-8";
    return std::nullopt;
  }
  if (census.utf8_shaped()) {
    for (const RawLine& line : split_raw_lines(bytes, base_offset)) {
      append_repaired(line, out.utf8, log);
      if (line.ended) out.utf8 += '\n';
    }
    out.source_encoding = "UTF-8";
    return std::nullopt;
  }
  const std::string encoding = detect_legacy_encoding(bytes);
  auto utf8 = convert_to_utf8(bytes, encoding.c_str());
  if (!utf8) return DecodeFailure{"cannot convert from " + encoding};
  out.utf8 = normalise_line_ends(*utf8);
  out.source_encoding = encoding;
  log.add(0, legacy_message(encoding));
  return std::nullopt;
}

}  // namespace

std::optional<DecodeFailure> decode_text(std::string_view bytes, DecodedText& out,
                                         DecodeUnit unit) {
  out = DecodedText{};
  if (bytes.starts_with(kUtf16LeBom) || bytes.starts_with(kUtf16BeBom)) {
    const char* encoding = bytes.starts_with(kUtf16LeBom) ? "UTF-16LE" : "UTF-16BE";
    auto utf8 = convert_to_utf8(bytes.substr(2), encoding);
    if (!utf8) return DecodeFailure{std::string("cannot convert from ") + encoding};
    if (looks_binary(*utf8)) return DecodeFailure{"binary file"};
    out.utf8 = normalise_line_ends(*utf8);
    out.source_encoding = encoding;
    out.warnings.push_back({0, legacy_message(encoding)});
    return std::nullopt;
  }
  size_t base_offset = 0;
  if (bytes.starts_with(kUtf8Bom)) {
    bytes.remove_prefix(kUtf8Bom.size());
    base_offset = kUtf8Bom.size();
  }
  if (looks_binary(bytes)) return DecodeFailure{"binary file"};
  WarningLog log;
  auto failure = unit == DecodeUnit::kEachLine ? decode_each_line(bytes, base_offset, out, log)
                                               : decode_whole_text(bytes, base_offset, out, log);
  out.warnings = std::move(log).finish();
  return failure;
}

}  // namespace briefsearch

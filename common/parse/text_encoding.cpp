#include "common/parse/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <memory>
#include <utility>

#include "common/base/string_utils.h"
#include "common/parse/utf8_repair.h"

namespace briefsearch {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
// ICU needs some text to tell encodings apart; below this confidence we assume the office
// default, Windows-1252, which is what stray non-UTF-8 briefs almost always are.
constexpr int32_t kMinimumDetectionConfidence = 30;

// Confidence ICU's detector must give UTF-16 to read bytes without a byte-order mark as
// UTF-16 (it weighs the first 30 code units: ASCII letters with a NUL byte beside each).
constexpr int32_t kMinimumUtf16Confidence = 60;

// Why bytes are no text, if they are not: a NUL byte (when nul_is_binary), or control
// characters other than tab, LF, CR, form feed and escape in more than one byte of 20,
// which is rare in text and common in binary formats. Offsets count from base_offset.
std::optional<std::string> binary_reason(std::string_view bytes, size_t base_offset,
                                         bool nul_is_binary) {
  const size_t nul = bytes.find('\0');
  if (nul_is_binary && nul != std::string_view::npos) {
    return "binary file (a NUL byte at byte offset " + std::to_string(base_offset + nul) + ")";
  }
  size_t controls = 0;
  for (unsigned char c : bytes) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++controls;
  }
  if (controls * 20 <= bytes.size()) return std::nullopt;
  return "binary file (" + std::to_string(controls) + " control bytes in " +
         std::to_string(bytes.size()) + ")";
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

// ICU's charset detector's best guess for bytes, with its confidence (0-100).
std::pair<std::string, int32_t> detect_encoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  if (U_FAILURE(status)) return {"", 0};
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {"", 0};
  const int32_t confidence = ucsdet_getConfidence(match, &status);
  const std::string name = ucsdet_getName(match, &status);
  if (U_FAILURE(status)) return {"", 0};
  return {name, confidence};
}

// The likeliest 8-bit or multi-byte encoding.
std::string detect_legacy_encoding(std::string_view bytes) {
  const auto [name, confidence] = detect_encoding(bytes);
  if (name.empty() || confidence < kMinimumDetectionConfidence) return "windows-1252";
  // ISO-8859-1 has no printable characters in 0x80-0x9F; Windows-1252 puts curly quotes and
  // dashes there, and it is a superset for everything else.
  if (name == "ISO-8859-1" || name == "UTF-8") return "windows-1252";
  return name;
}

// "UTF-16LE" or "UTF-16BE" when bytes without a byte-order mark are UTF-16.
std::optional<std::string> detect_utf16(std::string_view bytes) {
  const auto [name, confidence] = detect_encoding(bytes);
  if (!name.starts_with("UTF-16") || confidence < kMinimumUtf16Confidence) return std::nullopt;
  return name;
}

std::string legacy_message(const std::string& encoding) { return "not UTF-8; read as " + encoding; }

// Reads bytes as UTF-16 (without any byte-order mark); note goes after the warning.
std::optional<DecodeFailure> decode_utf16(std::string_view bytes, const std::string& encoding,
                                          std::string_view note, DecodedText& out) {
  auto utf8 = convert_to_utf8(bytes, encoding.c_str());
  if (!utf8) return DecodeFailure{"cannot convert from " + encoding};
  if (binary_reason(*utf8, 0, true)) {
    return DecodeFailure{"binary file (control characters when read as " + encoding + ")"};
  }
  out.utf8 = normalise_line_ends(*utf8);
  out.source_encoding = encoding;
  out.warnings.push_back({0, legacy_message(encoding) + std::string(note)});
  return std::nullopt;
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
  std::string warning = append_repaired_utf8(line.bytes, line.offset, out);
  if (!warning.empty()) log.add(line.number, std::move(warning));
}

// Reads each line on its own: clean and UTF-8-shaped lines as UTF-8, the others together in
// the one legacy encoding the detector finds for them.
std::optional<DecodeFailure> decode_each_line(std::string_view bytes, size_t base_offset,
                                              DecodedText& out, WarningLog& log) {
  const std::vector<RawLine> lines = split_raw_lines(bytes, base_offset);
  std::vector<Utf8Census> censuses;
  std::string legacy_bytes;
  for (const RawLine& line : lines) {
    censuses.push_back(take_utf8_census(line.bytes));
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
  const Utf8Census census = take_utf8_census(bytes);
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
    return decode_utf16(bytes.substr(2), bytes.starts_with(kUtf16LeBom) ? "UTF-16LE" : "UTF-16BE",
                        "", out);
  }
  size_t base_offset = 0;
  if (bytes.starts_with(kUtf8Bom)) {
    bytes.remove_prefix(kUtf8Bom.size());
    base_offset = kUtf8Bom.size();
  }
  // A NUL in one record of a JSON Lines export costs that record (no JSON string holds
  // one), not the file; a whole file is binary by its control characters alone.
  if (binary_reason(bytes, base_offset, true)) {
    if (const auto encoding = detect_utf16(bytes)) {
      return decode_utf16(bytes, *encoding, " (no byte-order mark)", out);
    }
    if (auto reason = binary_reason(bytes, base_offset, unit == DecodeUnit::kWholeText)) {
      return DecodeFailure{std::move(*reason)};
    }
  }
  WarningLog log;
  auto failure = unit == DecodeUnit::kEachLine ? decode_each_line(bytes, base_offset, out, log)
                                               : decode_whole_text(bytes, base_offset, out, log);
  out.warnings = std::move(log).finish();
  return failure;
}

}  // namespace briefsearch

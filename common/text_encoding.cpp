#include "common/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <memory>

#include "common/strings.h"

namespace briefsearch {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
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

}  // namespace

std::optional<DecodeFailure> decode_text(std::string_view bytes, DecodedText& out) {
  if (bytes.starts_with(kUtf16LeBom) || bytes.starts_with(kUtf16BeBom)) {
    const char* encoding = bytes.starts_with(kUtf16LeBom) ? "UTF-16LE" : "UTF-16BE";
    auto utf8 = convert_to_utf8(bytes.substr(2), encoding);
    if (!utf8) return DecodeFailure{std::string("cannot convert from ") + encoding};
    if (looks_binary(*utf8)) return DecodeFailure{"binary file"};
    out.utf8 = normalise_line_ends(*utf8);
    out.source_encoding = encoding;
    return std::nullopt;
  }
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  if (looks_binary(bytes)) return DecodeFailure{"binary file"};
  if (is_valid_utf8(bytes)) {
    out.utf8 = normalise_line_ends(bytes);
    out.source_encoding = "UTF-8";
    return std::nullopt;
  }
  const std::string encoding = detect_legacy_encoding(bytes);
  auto utf8 = convert_to_utf8(bytes, encoding.c_str());
  if (!utf8) return DecodeFailure{"cannot convert from " + encoding};
  out.utf8 = normalise_line_ends(*utf8);
  out.source_encoding = encoding;
  return std::nullopt;
}

}  // namespace briefsearch

#include "common/output/terminal_text.h"

#include <unicode/utf8.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace briefsearch {
namespace {

bool is_bidi_control(UChar32 c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
         c == 0x200F || c == 0x061C;
}

}  // namespace

std::string printable_text(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t offset = 0;
  char escaped[16];
  while (offset < length) {
    const int32_t start = offset;
    UChar32 c;
    U8_NEXT(data, offset, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else if (c == '\n' || c == '\t') {
      if (keep_newlines) {
        out += static_cast<char>(c);
      } else {
        out += ' ';
      }
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned>(c));
      out += escaped;
    } else if ((c >= 0x80 && c <= 0x9F) || is_bidi_control(c)) {
      std::snprintf(escaped, sizeof escaped, "\\u{%04x}", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(offset - start)));
    }
  }
  return out;
}

bool should_use_color(ColorMode mode, int fd) {
  if (mode == ColorMode::kAlways) return true;
  if (mode == ColorMode::kNever) return false;
  if (const char* no_color = std::getenv("NO_COLOR"); no_color && *no_color) return false;
  if (const char* term = std::getenv("TERM"); term && std::string_view(term) == "dumb") {
    return false;
  }
  return ::isatty(fd) == 1;
}

}  // namespace briefsearch

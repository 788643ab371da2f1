#include "common/output/terminal_text.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

bool is_bidi_control(std::int32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
         c == 0x200F || c == 0x061C;
}

}  // namespace

std::string printable_text(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  char escaped[16];
  for (std::size_t offset = 0; offset < text.size();) {
    const CodePoint code_point = next_code_point(text, offset);
    const std::int32_t c = code_point.value;
    if (c < 0) {
      out += kReplacementCharacter;
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
      out += code_point.bytes;
    }
  }
  return out;
}

namespace {

// The terminal's width: TIOCGWINSZ, else $COLUMNS when it is a number, else 80.
std::size_t terminal_width(int fd) {
  struct winsize size {};
  if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
    char* end = nullptr;
    const unsigned long parsed = std::strtoul(columns, &end, 10);
    if (*end == '\0' && parsed > 0 && parsed <= 10000) return parsed;
  }
  return 80;
}

}  // namespace

std::size_t output_width(std::optional<std::size_t> asked, int fd) {
  if (asked) return *asked;
  if (::isatty(fd) != 1) return 0;
  return std::max(terminal_width(fd), kNarrowestWidth);
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

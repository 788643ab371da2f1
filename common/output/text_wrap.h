// Wraps lines of text output to a terminal's width: at line-break opportunities, with a
// hanging indent, counting display columns, never splitting an escape sequence.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace briefsearch {

// The columns text takes on a terminal. text is UTF-8 and may hold SGR escape sequences
// ("\x1b[...m"), which take none. Each grapheme cluster (ICU's character BreakIterator)
// takes the width of its first code point: 2 when East Asian Wide or Fullwidth
// (u_getIntPropertyValue, UCHAR_EAST_ASIAN_WIDTH) or an emoji shown as one (Emoji
// Presentation, or followed by U+FE0F), 1 otherwise, Ambiguous included (as terminals set
// up for Latin text show them). Throws InternalError when ICU's data cannot be loaded.
[[nodiscard]] std::size_t display_width(std::string_view text);

// line (one line, no '\n', starting at column 0) broken into lines of at most width
// columns, joined by '\n', each after the first starting with indent spaces. Breaks fall
// where Unicode line breaking allows (UAX #14, ICU's line BreakIterator), but only after a
// space or beside a wide character (between ideographs), so a hyphenated word, a path or a
// URL is never cut; the spaces at a break are dropped. A word wider than a line gets a line
// of its own and runs past the width, whole to copy or click. A colour set by an SGR
// sequence is ended before each break and set again after the indent; sequences are never
// split, and neither are grapheme clusters. A width of 0 leaves line as it is. Throws
// InternalError when ICU's data cannot be loaded.
[[nodiscard]] std::string wrap_line(std::string_view line, std::size_t width, std::size_t indent);

}  // namespace briefsearch

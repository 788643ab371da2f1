#include "common/output/text_wrap.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "common/base/errors.h"
#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

constexpr char kEscape = '\x1b';
constexpr std::string_view kReset = "\x1b[0m";

// Text without its escape sequences, and where each sequence stood in it.
struct Unstyled {
  std::string text;
  std::vector<std::pair<std::size_t, std::string>> escapes;  // (offset in text, sequence)
};

// An escape sequence runs from ESC through its final byte (a CSI sequence: '[', parameters,
// a byte from '@' to '~'; otherwise ESC and one byte).
std::size_t escape_length(std::string_view text, std::size_t at) {
  std::size_t end = at + 1;
  if (end < text.size() && text[end] == '[') {
    ++end;
    while (end < text.size() && (text[end] < '@' || text[end] > '~')) ++end;
  }
  return std::min(end + 1, text.size()) - at;
}

Unstyled unstyled(std::string_view line) {
  Unstyled result;
  for (std::size_t at = 0; at < line.size();) {
    if (line[at] == kEscape) {
      const std::size_t length = escape_length(line, at);
      result.escapes.emplace_back(result.text.size(), std::string(line.substr(at, length)));
      at += length;
    } else {
      result.text.push_back(line[at++]);
    }
  }
  return result;
}

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw InternalError(std::string("ICU: cannot load ") + what + ": " + u_errorName(status));
  }
}

// The boundaries after the start of text (UTF-8), as byte offsets: of lines (UAX #14) or
// of grapheme clusters. The iterators are made once per thread: making one costs more than
// breaking a line.
std::vector<std::size_t> boundaries(std::string_view text, bool lines) {
  thread_local std::unique_ptr<icu::BreakIterator> line_breaks;
  thread_local std::unique_ptr<icu::BreakIterator> clusters;
  std::unique_ptr<icu::BreakIterator>& iterator = lines ? line_breaks : clusters;
  UErrorCode status = U_ZERO_ERROR;
  if (!iterator) {
    iterator.reset(
        lines ? icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status)
              : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    check(status, lines ? "line break rules" : "grapheme cluster rules");
  }
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  check(status, "UTF-8 text");
  iterator->setText(utext, status);
  std::vector<std::size_t> found;
  for (int32_t at = iterator->next(); U_SUCCESS(status) && at != icu::BreakIterator::DONE;
       at = iterator->next()) {
    found.push_back(static_cast<std::size_t>(at));
  }
  utext_close(utext);
  check(status, "text to break");
  return found;
}

std::size_t cluster_width(std::string_view cluster) {
  std::size_t offset = 0;
  const std::int32_t first = next_code_point(cluster, offset).value;
  if (first < 0) return 1;  // U+FFFD stands in for it
  const auto width = u_getIntPropertyValue(first, UCHAR_EAST_ASIAN_WIDTH);
  if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) return 2;
  if (u_hasBinaryProperty(first, UCHAR_EMOJI_PRESENTATION)) return 2;
  if (cluster.find("\xEF\xB8\x8F") != std::string_view::npos) return 2;  // U+FE0F: as emoji
  const auto category = u_charType(first);
  // A cluster that is only a mark or a format character (a stray combining accent, a
  // zero-width joiner) adds nothing to the line.
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) {
    return 0;
  }
  return 1;
}

// The width of each grapheme cluster of text (without escape sequences) at the offset where
// it starts, 0 elsewhere; one more entry for the end.
std::vector<std::uint8_t> cluster_widths(std::string_view text) {
  std::vector<std::uint8_t> widths(text.size() + 1, 0);
  std::size_t start = 0;
  for (const std::size_t end : boundaries(text, false)) {
    widths[start] = static_cast<std::uint8_t>(cluster_width(text.substr(start, end - start)));
    start = end;
  }
  return widths;
}

std::size_t sum(const std::vector<std::uint8_t>& widths, std::size_t from, std::size_t to) {
  std::size_t total = 0;
  for (std::size_t at = from; at < to; ++at) total += widths[at];
  return total;
}

bool is_space(char c) { return c == ' '; }

// Where line may break: where Unicode line breaking allows (UAX #14), but only after a
// space or beside a wide character (ideographs, kana, Hangul), so hyphenated words, paths
// and URLs stay whole. The end of the text is always one.
std::vector<std::size_t> break_opportunities(std::string_view text,
                                             const std::vector<std::uint8_t>& widths) {
  std::vector<std::size_t> kept;
  for (const std::size_t at : boundaries(text, true)) {
    std::size_t before = at - 1;  // the last cluster with a width before at
    while (before > 0 && widths[before] == 0) --before;
    if (at == text.size() || is_space(text[at - 1]) || widths[at] == 2 || widths[before] == 2) {
      kept.push_back(at);
    }
  }
  return kept;
}

// Builds the wrapped line from the unstyled text, putting escape sequences back where they
// stood and keeping track of the colour in force.
class LineWriter {
 public:
  explicit LineWriter(const Unstyled& line) : line_(line) {}

  // Copies text[from, to), with the escape sequences that stood there; the characters
  // themselves only when copy_text.
  void copy(std::size_t from, std::size_t to, bool copy_text = true) {
    for (std::size_t at = from; at < to; ++at) {
      escapes_before(at);
      if (copy_text) out_.push_back(line_.text[at]);
    }
    if (to == line_.text.size()) escapes_before(to);
  }

  void break_line(std::size_t indent) {
    if (!style_.empty()) out_ += kReset;
    out_ += '\n';
    out_.append(indent, ' ');
    out_ += style_;
  }

  std::string take() { return std::move(out_); }

 private:
  void escapes_before(std::size_t at) {
    while (next_ < line_.escapes.size() && line_.escapes[next_].first <= at) {
      const std::string& escape = line_.escapes[next_++].second;
      out_ += escape;
      if (escape == kReset) {
        style_.clear();
      } else if (escape.size() > 2 && escape[1] == '[' && escape.back() == 'm') {
        style_ = escape;
      }
    }
  }

  const Unstyled& line_;
  std::string out_;
  std::string style_;  // the SGR sequence in force, if any
  std::size_t next_ = 0;
};

}  // namespace

std::size_t display_width(std::string_view text) {
  const std::string plain = unstyled(text).text;
  return sum(cluster_widths(plain), 0, plain.size());
}

std::string wrap_line(std::string_view line, std::size_t width, std::size_t indent) {
  if (width == 0) return std::string(line);
  const Unstyled plain = unstyled(line);
  const std::string& text = plain.text;
  const std::vector<std::uint8_t> widths = cluster_widths(text);
  LineWriter out(plain);
  std::size_t column = 0;
  std::size_t start = 0;  // where the next piece begins
  std::size_t spaces_start =
      0;  // the spaces that end the last piece written: [spaces_start, start)
  bool line_empty = true;
  for (const std::size_t end : break_opportunities(text, widths)) {
    std::size_t content_end = end;
    while (content_end > start && is_space(text[content_end - 1])) --content_end;
    const std::size_t spaces = start - spaces_start;
    const std::size_t piece = sum(widths, start, content_end);
    if (!line_empty && column + spaces + piece > width) {
      out.copy(spaces_start, start, false);  // the spaces at a break are dropped
      out.break_line(indent);
      column = indent;
    } else {
      out.copy(spaces_start, start);
      column += spaces;
    }
    out.copy(start, content_end);
    column += piece;
    if (content_end > start) line_empty = false;
    spaces_start = content_end;
    start = end;
  }
  out.copy(spaces_start, start);
  return out.take();
}

}  // namespace briefsearch

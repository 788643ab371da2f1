#include "common/output/exit_codes.h"

#include <algorithm>

namespace briefsearch {
namespace {

constexpr std::size_t kCodeIndent = 2;
constexpr std::size_t kCodeGap = 2;

// text's words (runs of non-spaces) appended to help, the first one on the current line,
// a new line indented by indent whenever the next word would pass width. The tables are
// ASCII, so a byte is a column.
void append_wrapped(std::string& help, std::string_view text, std::size_t indent,
                    std::size_t width) {
  std::size_t column = help.size() - (help.rfind('\n') + 1);
  bool first = true;
  std::size_t start = text.find_first_not_of(' ');
  while (start != std::string_view::npos) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    const std::string_view word = text.substr(start, end - start);
    if (!first && column + 1 + word.size() > width) {
      help += '\n';
      help.append(indent, ' ');
      column = indent;
    } else if (!first) {
      help += ' ';
      ++column;
    }
    help += word;
    column += word.size();
    first = false;
    start = text.find_first_not_of(' ', end);
  }
}

}  // namespace

std::string one_column_meaning(const ExitCodeRow& row) {
  std::string meaning(row.meaning);
  if (!row.batch_meaning.empty()) {
    meaning += " (--batch: ";
    meaning += row.batch_meaning;
    meaning += ')';
  }
  return meaning;
}

std::string exit_codes_help(std::span<const ExitCodeRow> rows, std::size_t width) {
  std::size_t code_width = 0;
  for (const ExitCodeRow& row : rows) {
    code_width = std::max(code_width, std::to_string(row.code).size());
  }
  const std::size_t indent = kCodeIndent + code_width + kCodeGap;
  std::string help = "Exit codes:";
  for (const ExitCodeRow& row : rows) {
    const std::string code = std::to_string(row.code);
    help += '\n';
    help.append(kCodeIndent, ' ');
    help += code;
    help.append(indent - kCodeIndent - code.size(), ' ');
    append_wrapped(help, one_column_meaning(row), indent, width);
  }
  return help;
}

}  // namespace briefsearch

// Reading program output in tests: its lines, and its text without the spaces that
// wrapping may move.
#pragma once

#include <string>
#include <vector>

namespace briefsearch::testing {

// The pieces of text ended by end ('\n' for lines, '\0' for paths0), and what follows the
// last end as a last piece when it is not empty.
inline std::vector<std::string> split_lines(const std::string& text, char end = '\n') {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t stop; (stop = text.find(end, start)) != std::string::npos; start = stop + 1) {
    lines.push_back(text.substr(start, stop - start));
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

// text without spaces and line ends: the same for a line and for that line wrapped.
inline std::string without_spaces(const std::string& text) {
  std::string kept;
  for (const char c : text) {
    if (c != ' ' && c != '\n') kept += c;
  }
  return kept;
}

}  // namespace briefsearch::testing

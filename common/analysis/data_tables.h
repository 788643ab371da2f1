// Reading the gazetteer's tab-separated data files (data/*.tsv), internal to
// common/analysis/: comments, blank lines and columns, and errors naming file and line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/errors.h"
#include "common/base/string_utils.h"

namespace briefsearch::data_tables {

// Throws InternalError "file:line: what": the embedded data is a build input, so a bad
// line is the program's fault, not the user's.
[[noreturn]] inline void data_error(std::string_view file, std::size_t line,
                                    const std::string& what) {
  throw InternalError(std::string(file) + ":" + std::to_string(line) + ": " + what);
}

// A data line's tab-separated columns, each trimmed.
[[nodiscard]] inline std::vector<std::string_view> columns_of(std::string_view line) {
  std::vector<std::string_view> columns;
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    columns.push_back(trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) return columns;
    start = tab + 1;
  }
}

// Calls entry(line number, columns) for each line of tsv that is neither blank nor a
// comment (starting with '#').
template <typename Entry>
void for_each_entry(std::string_view tsv, Entry entry) {
  const std::string text = normalise_line_ends(tsv);
  std::size_t number = 0;
  for (std::string_view line : split_lines(text)) {
    ++number;
    if (trim(line).empty() || trim(line).starts_with('#')) continue;
    entry(number, columns_of(line));
  }
}

}  // namespace briefsearch::data_tables

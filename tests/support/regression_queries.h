// The query strings of tests/fixtures/queries/regression.txt, read by the unit and the
// end-to-end tests alike.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace briefsearch::testing {

// Every query of the file: one per line, "# " lines and blank lines skipped, a line
// "hex: 41 42 ..." giving the raw bytes of a query no text line can hold. Throws
// std::runtime_error when the file cannot be read.
inline std::vector<std::string> read_regression_queries(const std::filesystem::path& fixtures) {
  std::ifstream file(fixtures / "queries" / "regression.txt", std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + (fixtures / "queries").string());
  std::vector<std::string> queries;
  for (std::string line; std::getline(file, line);) {
    if (line.empty() || line.starts_with("# ")) continue;
    if (!line.starts_with("hex: ")) {
      queries.push_back(line);
      continue;
    }
    std::string bytes;
    std::istringstream hex(line.substr(5));
    for (std::string pair; hex >> pair;) bytes += static_cast<char>(std::stoi(pair, nullptr, 16));
    queries.push_back(bytes);
  }
  return queries;
}

}  // namespace briefsearch::testing

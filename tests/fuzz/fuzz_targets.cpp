#include "tests/fuzz/fuzz_targets.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace briefsearch {
namespace {

// Enough to recognise the input; the whole of it is in the file libFuzzer saved.
constexpr std::size_t kMaxPrintedBytes = 2000;

std::string escaped(std::string_view input) {
  std::string text;
  for (const char c : input.substr(0, std::min(input.size(), kMaxPrintedBytes))) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\\') {
      text += "\\\\";
    } else if (byte >= 0x20 && byte < 0x7f) {
      text += c;
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", byte);
      text += hex;
    }
  }
  if (input.size() > kMaxPrintedBytes) text += "... (" + std::to_string(input.size()) + " bytes)";
  return text;
}

std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream contents;
  contents << file.rdbuf();
  if (!file) throw std::runtime_error("cannot read seed file " + path.string());
  return contents.str();
}

}  // namespace

const FuzzTarget* fuzz_target_named(std::string_view name) {
  for (const FuzzTarget& target : kFuzzTargets) {
    if (target.name == name) return &target;
  }
  return nullptr;
}

void fuzz_invariant_failed(std::string_view what, std::string_view input) {
  std::fprintf(stderr, "fuzz invariant broken: %.*s\ninput: \"%s\"\n",
               static_cast<int>(what.size()), what.data(), escaped(input).c_str());
  std::abort();
}

std::vector<std::string> files_with_extension(const std::string& folder, std::string_view extension,
                                              std::string_view skip) {
  std::vector<std::filesystem::path> paths;
  for (auto it = std::filesystem::recursive_directory_iterator(folder);
       it != std::filesystem::recursive_directory_iterator(); ++it) {
    if (it->is_directory() && !skip.empty() && it->path().filename() == skip) {
      it.disable_recursion_pending();
    } else if (it->is_regular_file() && it->path().extension() == extension) {
      paths.push_back(it->path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> contents;
  for (const auto& path : paths) contents.push_back(read_whole_file(path));
  return contents;
}

std::vector<std::string> seed_lines(const std::string& file) {
  std::istringstream text(read_whole_file(file));
  std::vector<std::string> lines;
  for (std::string line; std::getline(text, line);) {
    if (!line.empty() && !line.starts_with("# ")) lines.push_back(line);
  }
  return lines;
}

}  // namespace briefsearch

// fuzz-replay: runs inputs through a fuzz target without libFuzzer, in any build, so that
// every crash the fuzzers found stays a test (docs/fuzzing.md).
//
//   fuzz-replay TARGET              the target's seeds, then tests/fuzz-regressions/TARGET/
//   fuzz-replay TARGET PATH...      these files (a folder: every file under it)
//   fuzz-replay --write-seeds TARGET FOLDER
//                                   writes the seeds as files, a corpus for libFuzzer
//
// A failing input aborts (the target prints what broke and the input); otherwise it prints
// how many inputs ran and exits 0. Exit 2 for a bad command line or an unreadable file.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.h"

namespace briefsearch {
namespace {

namespace fs = std::filesystem;

const fs::path kRegressions = BRIEFSEARCH_SOURCE_DIR "/tests/fuzz-regressions";

std::vector<fs::path> files_under(const std::vector<fs::path>& paths) {
  std::vector<fs::path> files;
  for (const fs::path& path : paths) {
    if (!fs::is_directory(path)) {
      files.push_back(path);
      continue;
    }
    std::vector<fs::path> inside;
    for (const auto& entry : fs::recursive_directory_iterator(path)) {
      if (entry.is_regular_file()) inside.push_back(entry.path());
    }
    std::sort(inside.begin(), inside.end());
    files.insert(files.end(), inside.begin(), inside.end());
  }
  return files;
}

std::string contents_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return bytes.str();
}

void write_seeds(const FuzzTarget& target, const fs::path& folder) {
  fs::create_directories(folder);
  const std::vector<std::string> seeds = target.seeds();
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    std::ofstream out(folder / ("seed-" + std::to_string(i + 1)), std::ios::binary);
    out << seeds[i];
    if (!out) throw std::runtime_error("cannot write in " + folder.string());
  }
  std::printf("fuzz-replay %s: %zu seeds written to %s\n", std::string(target.name).c_str(),
              seeds.size(), folder.c_str());
}

void replay(const FuzzTarget& target, std::vector<fs::path> paths) {
  std::size_t inputs = 0;
  if (paths.empty()) {
    const std::vector<std::string> seeds = target.seeds();
    for (const std::string& seed : seeds) target.run(seed);
    inputs = seeds.size();
    if (fs::is_directory(kRegressions / target.name)) paths.push_back(kRegressions / target.name);
  }
  for (const fs::path& file : files_under(paths)) {
    std::fprintf(stderr, "fuzz-replay: %s\n", file.c_str());
    target.run(contents_of(file));
    ++inputs;
  }
  std::printf("fuzz-replay %s: %zu inputs, none failed\n", std::string(target.name).c_str(),
              inputs);
}

int usage() {
  std::fprintf(stderr,
               "usage: fuzz-replay TARGET [PATH...]\n"
               "       fuzz-replay --write-seeds TARGET FOLDER\ntargets:");
  for (const FuzzTarget& target : kFuzzTargets) {
    std::fprintf(stderr, " %s", std::string(target.name).c_str());
  }
  std::fprintf(stderr, "\n");
  return 2;
}

int run(const std::vector<std::string>& arguments) {
  const bool seeds_only = !arguments.empty() && arguments.front() == "--write-seeds";
  const std::size_t first = seeds_only ? 1 : 0;
  if (arguments.size() <= first || (seeds_only && arguments.size() != 3)) return usage();
  const FuzzTarget* target = fuzz_target_named(arguments[first]);
  if (target == nullptr) return usage();
  if (seeds_only) {
    write_seeds(*target, arguments[2]);
  } else {
    replay(*target, {arguments.begin() + 1, arguments.end()});
  }
  return 0;
}

}  // namespace
}  // namespace briefsearch

int main(int argc, char** argv) {
  try {
    return briefsearch::run({argv + 1, argv + argc});
  } catch (const std::exception& error) {
    std::fprintf(stderr, "fuzz-replay: %s\n", error.what());
    return 2;
  }
}

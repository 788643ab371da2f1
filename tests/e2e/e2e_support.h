// Shared pieces of the end-to-end tests: the binaries, the corpus and an indexed copy.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/temporary_folder.h"
#include "tests/support/terminal.h"

namespace briefsearch::testing {

inline const std::string kIndexBinary = BRIEF_INDEX;
inline const std::string kSearchBinary = BRIEF_SEARCH;
inline const std::filesystem::path kCorpus = BRIEFSEARCH_CORPUS;
inline const std::filesystem::path kFixtures = BRIEFSEARCH_FIXTURES;

// Environment for the binaries that keeps them away from the user's own database.
inline ProcessOptions isolated(const TemporaryFolder& home) {
  ProcessOptions options;
  options.environment = {
      {"HOME", home.path().string()}, {"XDG_DATA_HOME", ""}, {"BRIEF_DB", ""}, {"NO_COLOR", ""}};
  return options;
}

inline ProcessResult brief_index(const TemporaryFolder& home, std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), kIndexBinary);
  return run_process(arguments, isolated(home));
}

inline ProcessResult brief_search(const TemporaryFolder& home, std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), kSearchBinary);
  return run_process(arguments, isolated(home));
}

// Which of brief-search's streams IndexedCorpus::search_on_terminal puts on a terminal.
enum class TerminalStream { kStdout, kStderr };

// A temporary home with corpus/ (or the briefs given) indexed into home/db.
class IndexedCorpus {
 public:
  explicit IndexedCorpus(const std::filesystem::path& briefs = kCorpus) {
    const ProcessResult indexed =
        brief_index(home_, {"--db", database().string(), briefs.string()});
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
  }
  [[nodiscard]] std::filesystem::path database() const { return home_ / "db"; }
  [[nodiscard]] const TemporaryFolder& home() const { return home_; }

  ProcessResult search(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(), {"--db", database().string()});
    return brief_search(home_, std::move(arguments));
  }

  // Runs a search, --now 2025-07-15, with stdout or stderr on a pseudo-terminal (the other
  // to a file) and environment added; that stream's field of the result is what the
  // terminal got.
  ProcessResult search_on_terminal(
      std::vector<std::string> arguments, TerminalStream stream = TerminalStream::kStdout,
      const std::map<std::string, std::string>& environment = {}) const {
    PseudoTerminal terminal;
    ProcessOptions options = isolated(home_);
    options.environment.insert(environment.begin(), environment.end());
    (stream == TerminalStream::kStdout ? options.stdout_path : options.stderr_path) =
        terminal.path();
    arguments.insert(arguments.begin(),
                     {kSearchBinary, "--db", database().string(), "--now", "2025-07-15"});
    ProcessResult result = run_process(arguments, options);
    (stream == TerminalStream::kStdout ? result.out : result.err) = terminal.read_all();
    return result;
  }

  // Runs a --format json search and returns the parsed output.
  nlohmann::json search_json(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(), {"--format", "json"});
    const ProcessResult result = search(std::move(arguments));
    INFO(result.err);
    REQUIRE((result.exit_code == 0 || result.exit_code == 1));
    return nlohmann::json::parse(result.out);
  }

 private:
  TemporaryFolder home_;
};

}  // namespace briefsearch::testing

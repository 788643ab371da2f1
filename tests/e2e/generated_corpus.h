// A generated corpus for end-to-end tests that need more briefs than corpus/ holds, and
// a reader for JSON Lines output.
#pragma once

#include <sstream>

#include "tests/e2e/e2e_support.h"

namespace briefsearch::testing {

// Writes that many generated briefs into folder (scripts/gen-corpus BRIEFS FOLDER --seed SEED).
inline void generate_briefs(const std::filesystem::path& folder, int briefs, int seed) {
  const ProcessResult generated = run_process(
      {GEN_CORPUS, std::to_string(briefs), folder.string(), "--seed", std::to_string(seed)});
  INFO(generated.err);
  REQUIRE(generated.exit_code == 0);
}

// 2,000 generated briefs (scripts/gen-corpus 2000 DIR --seed 1): large enough that
// Xapian's estimates of `oil OR gas`, `oil NOT gas` or `election -mexico` are wrong.
// Built once per test process.
class GeneratedCorpus {
 public:
  static const GeneratedCorpus& instance() {
    static const GeneratedCorpus corpus;
    return corpus;
  }

  ProcessResult search(std::vector<std::string> arguments, const std::string& input = "") const {
    arguments.insert(arguments.begin(), {kSearchBinary, "--db", database().string()});
    ProcessOptions options = isolated(home_);
    options.input = input;
    return run_process(arguments, options);
  }
  [[nodiscard]] std::filesystem::path database() const { return home_ / "db"; }

 private:
  GeneratedCorpus() {
    const ProcessResult generated =
        run_process({GEN_CORPUS, "2000", (home_ / "corpus").string(), "--seed", "1"});
    INFO(generated.err);
    REQUIRE(generated.exit_code == 0);
    const ProcessResult indexed =
        brief_index(home_, {"--db", database().string(), (home_ / "corpus").string()});
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
  }
  TemporaryFolder home_;
};

// One parsed value per line of text (--format jsonl, --batch); throws on invalid JSON.
inline std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

}  // namespace briefsearch::testing

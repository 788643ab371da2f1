// The fuzz targets: functions that take any bytes and must neither crash, hang, leak nor
// break the invariants they check. libFuzzer drives them in a BRIEFSEARCH_FUZZ build
// (tests/fuzz/libfuzzer_main.cpp); fuzz-replay runs their seeds and the saved regression
// inputs through them in every build (docs/fuzzing.md).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

struct FuzzTarget {
  // The name fuzz-replay, scripts/fuzz and tests/fuzz-regressions/ know the target by.
  std::string_view name;
  // Runs one input. Returns normally whatever the input; a broken invariant calls
  // fuzz_invariant_failed, which aborts.
  void (*run)(std::string_view input);
  // The seed inputs, read from the repository's tests/ and corpus/: real briefs and
  // queries, from which the fuzzer mutates. Throws std::runtime_error when a seed file
  // cannot be read.
  std::vector<std::string> (*seeds)();
};

// Each target's run function (common/parse, common/query, common/brief behind them).
void fuzz_scraped_text(std::string_view input);
void fuzz_markdown(std::string_view input);
void fuzz_jsonl(std::string_view input);
void fuzz_query(std::string_view input);
void fuzz_dates(std::string_view input);

// The seeds of each target.
[[nodiscard]] std::vector<std::string> scraped_text_seeds();
[[nodiscard]] std::vector<std::string> markdown_seeds();
[[nodiscard]] std::vector<std::string> jsonl_seeds();
[[nodiscard]] std::vector<std::string> query_seeds();
[[nodiscard]] std::vector<std::string> date_seeds();

inline constexpr std::array<FuzzTarget, 5> kFuzzTargets = {{
    {"scraped-text", fuzz_scraped_text, scraped_text_seeds},
    {"markdown", fuzz_markdown, markdown_seeds},
    {"jsonl", fuzz_jsonl, jsonl_seeds},
    {"query", fuzz_query, query_seeds},
    {"dates", fuzz_dates, date_seeds},
}};

// The target named so in kFuzzTargets, or nullptr.
[[nodiscard]] const FuzzTarget* fuzz_target_named(std::string_view name);

// Prints what broke and the input (escaped) to stderr, then aborts: libFuzzer and
// fuzz-replay report the input as a crash.
[[noreturn]] void fuzz_invariant_failed(std::string_view what, std::string_view input);

// The whole contents of each file under folder (recursively) whose name ends in
// extension, in path order; files under a folder named skip are left out. Throws
// std::runtime_error when one cannot be read.
[[nodiscard]] std::vector<std::string> files_with_extension(const std::string& folder,
                                                            std::string_view extension,
                                                            std::string_view skip = {});

// The lines of a file, blank lines and lines starting with "# " left out. Throws
// std::runtime_error when it cannot be read.
[[nodiscard]] std::vector<std::string> seed_lines(const std::string& file);

}  // namespace briefsearch

#include "common/output/command_line.h"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

#include "common/base/errors.h"
#include "common/output/output.h"
#include "common/output/terminal_text.h"
#include "tests/support/choice_tables.h"

using namespace briefsearch;

namespace {

// argv for arguments, with a program name first. argv() points into this object's own
// strings each time it is called, so a copy never points into the one it was copied from.
class Arguments {
 public:
  Arguments(std::initializer_list<std::string> arguments) : storage_(arguments) {
    storage_.insert(storage_.begin(), "prog");
  }
  int argc() const { return static_cast<int>(storage_.size()); }
  char** argv() {
    pointers_.clear();
    for (std::string& argument : storage_) pointers_.push_back(argument.data());
    return pointers_.data();
  }

 private:
  std::vector<std::string> storage_;
  std::vector<char*> pointers_;
};

std::string rejection_of(Arguments arguments) {
  try {
    reject_dashed_words(arguments.argc(), arguments.argv());
  } catch (const UsageError& error) {
    return error.what();
  }
  return "";
}

// What parse_command_line returns, with CLI11's messages kept off the test's output.
std::optional<int> parse(Arguments arguments, std::string& printed) {
  CLI::App app{"A test program.", "prog"};
  int limit = 0;
  app.add_option("-n", limit);
  std::ostringstream out;
  std::ostringstream err;
  std::streambuf* saved_out = std::cout.rdbuf(out.rdbuf());
  std::streambuf* saved_err = std::cerr.rdbuf(err.rdbuf());
  const auto ended = parse_command_line(app, arguments.argc(), arguments.argv());
  std::cout.rdbuf(saved_out);
  std::cerr.rdbuf(saved_err);
  printed = out.str() + err.str();
  return ended;
}

}  // namespace

TEST_CASE("a word with a leading dash is refused as an option", "[output][command_line]") {
  CHECK(rejection_of({"-mexico"}) ==
        "'-mexico' is not an option; to exclude a word, quote the query ('election -mexico') "
        "or put it after --");
  CHECK(rejection_of({"election", "-houthi"}) != "");
  for (const auto& allowed : std::vector<Arguments>{
           {"--", "-mexico"},
           {"-n20", "x"},
           {"-n", "5"},
           {"--limit", "5"},
           {"-", "x"},
           {"-2024"},
           {"election -mexico"},
       }) {
    CHECK(rejection_of(allowed).empty());
  }
}

TEST_CASE("a parse that ends the run gives its exit code", "[output][command_line]") {
  std::string printed;
  CHECK_FALSE(parse({"-n", "3"}, printed));
  CHECK(parse({"--help"}, printed) == kExitSuccess);
  CHECK_THAT(printed, Catch::Contains("A test program."));
  CHECK(parse({"--bogus"}, printed) == kExitUsage);
  CHECK_THAT(printed, Catch::Contains("--bogus"));
  CHECK(parse({"-n", "many"}, printed) == kExitUsage);
}

TEST_CASE("the colour modes --color accepts come from kColorModes", "[output][command_line]") {
  briefsearch::testing::check_choice_rows(
      kColorModes, [](std::string_view name) { return choice_named(kColorModes, name); });
  CHECK(choice_map(kColorModes) == std::map<std::string, ColorMode>{{"always", ColorMode::kAlways},
                                                                    {"auto", ColorMode::kAuto},
                                                                    {"never", ColorMode::kNever}});
}

TEST_CASE("a count is exact and shows no hit; other formats keep the options",
          "[output][command_line]") {
  SearchOptions options;
  options.offset = 5;
  const SearchOptions counted = options_for_format(OutputFormat::kCount, options, 20);
  CHECK(counted.exact_total);
  CHECK(counted.limit == 0);
  CHECK(counted.offset == 5);
  for (const auto& row : kOutputFormats) {
    if (row.value == OutputFormat::kCount) continue;
    INFO(row.name);
    const SearchOptions kept = options_for_format(row.value, options, 20);
    CHECK_FALSE(kept.exact_total);
    CHECK(kept.limit == 20);
    CHECK(kept.offset == 5);
  }
}

TEST_CASE("without a limit, text and json show a page and the streamed formats every match",
          "[output][command_line]") {
  const std::map<OutputFormat, std::size_t> expected = {
      {OutputFormat::kText, kPageHits},        {OutputFormat::kJson, kPageHits},
      {OutputFormat::kJsonLines, kAllMatches}, {OutputFormat::kPaths, kAllMatches},
      {OutputFormat::kPaths0, kAllMatches},    {OutputFormat::kCount, 0}};
  for (const auto& row : kOutputFormats) {
    INFO(row.name);
    REQUIRE(expected.count(row.value) == 1);
    CHECK(options_for_format(row.value, {}, std::nullopt).limit == expected.at(row.value));
  }
}

TEST_CASE("only the formats that show snippets make them", "[output][command_line]") {
  for (const auto& row : kOutputFormats) {
    INFO(row.name);
    const bool shown = row.value == OutputFormat::kText || row.value == OutputFormat::kJson ||
                       row.value == OutputFormat::kJsonLines;
    CHECK(options_for_format(row.value, {}, std::nullopt).snippets == shown);
  }
}

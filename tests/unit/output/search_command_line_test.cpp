// brief-search's command line (common/output/search_command_line.h): an option that would
// do nothing with the others given is refused, naming both; --timeout and --width take
// only what they can keep.
#include "common/output/search_command_line.h"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>

#include "common/base/errors.h"

using namespace briefsearch;

namespace {

// The UsageError read_search_choices throws for arguments (parsed as brief-search parses
// them), or "" when it accepts them; CLI11's own refusal as "CLI11: MESSAGE".
std::string refusal(std::vector<std::string> arguments) {
  CLI::App app{"test", "brief-search"};
  SearchCommandLine command;
  add_search_options(app, command);
  std::reverse(arguments.begin(), arguments.end());  // CLI11 takes them last first
  try {
    app.parse(arguments);
    read_search_choices(app, command);
  } catch (const CLI::ParseError& error) {
    return std::string("CLI11: ") + error.what();
  } catch (const UsageError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("an option without effect in its combination is a usage error",
          "[output][command_line]") {
  CHECK(refusal({"--facet", "tag", "--format", "paths0", "q"}) ==
        "--facet has no effect with --format paths0; it acts in --format text and json");
  CHECK(refusal({"--explain", "--format", "count", "q"}) ==
        "--explain has no effect with --format count; it acts in --format text, json and jsonl");
  CHECK(refusal({"--facet-limit", "0", "q"}) ==
        "--facet-limit has no effect without --facet, whose values it limits");
  CHECK(refusal({"--batch", "--format", "paths"}) ==
        "--format paths has no effect with --batch, which writes --format json's object for "
        "each line");
  CHECK(refusal({"--any", "--like", "pipeline-0002"}) ==
        "--any has no effect with --like alone, which has no query words to OR");
  // Accepted: where they act, and what the documentation says of the rest.
  CHECK(refusal({"--any", "--like", "pipeline-0002", "a", "b"}).empty());
  CHECK(refusal({"--any", "--batch"}).empty());
  CHECK(refusal({"--facet", "tag", "--facet-limit", "3", "q"}).empty());
  CHECK(refusal({"--batch", "--facet", "tag", "--explain"}).empty());
  CHECK(refusal({"--batch", "--format", "json"}).empty());
  CHECK(refusal({"--explain", "--format", "jsonl", "q"}).empty());
  CHECK(
      refusal({"--color", "always", "--width", "60", "--format", "count", "-n", "3", "q"}).empty());
}

TEST_CASE("the --timeout and --width options take 0 for off, or what they can keep",
          "[output][command_line]") {
  CHECK(refusal({"--timeout", "0", "--width", "0", "q"}).empty());
  CHECK(refusal({"--timeout", "0.000001", "--width", "40", "q"}).empty());
  CHECK_THAT(refusal({"--timeout", "1e-9", "q"}),
             Catch::Contains("1e-9 s is below the shortest timeout, 0.000001 s (0: no limit)"));
  CHECK_THAT(refusal({"--width", "1", "q"}),
             Catch::Contains("1 columns is below the narrowest width text output is laid out "
                             "for, 40 columns (0: never wrap)"));
  CHECK_THAT(refusal({"--timeout", "nan", "q"}), Catch::Contains("'nan' is not a finite number"));
}

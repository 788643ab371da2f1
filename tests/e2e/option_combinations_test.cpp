// Options that would do nothing in a combination are usage errors naming both options, or
// do what the documentation says; an empty facet says so; --timeout and --width take values
// they can keep and lay out, and say so readably.
#include <regex>

#include "common/output/text_wrap.h"
#include "tests/e2e/e2e_support.h"
#include "tests/support/text_lines.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

const IndexedCorpus& corpus() {
  static const IndexedCorpus indexed;
  return indexed;
}

ProcessResult search(std::vector<std::string> arguments, const std::string& input = "") {
  ProcessOptions options = isolated(corpus().home());
  options.input = input;
  arguments.insert(arguments.begin(), {kSearchBinary, "--db", corpus().database().string()});
  return run_process(arguments, options);
}

}  // namespace

TEST_CASE("an option that would do nothing is a usage error naming both options",
          "[e2e][output][options]") {
  struct Refused {
    std::vector<std::string> arguments;
    std::string message;
  };
  std::vector<Refused> refused;
  for (const std::string format : {"jsonl", "paths", "paths0", "count"}) {
    refused.push_back(
        {{"--facet", "tag", "--format", format, "ceasefire"},
         "--facet has no effect with --format " + format + "; it acts in --format text and json"});
  }
  for (const std::string format : {"paths", "paths0", "count"}) {
    refused.push_back({{"--explain", "--format", format, "ceasefire"},
                       "--explain has no effect with --format " + format +
                           "; it acts in --format text, json and jsonl"});
  }
  for (const std::string format : {"text", "json"}) {
    refused.push_back({{"--facet-limit", "3", "--format", format, "ceasefire"},
                       "--facet-limit has no effect without --facet, whose values it limits"});
  }
  for (const std::string format : {"text", "jsonl", "count"}) {
    refused.push_back({{"--batch", "--format", format},
                       "--format " + format +
                           " has no effect with --batch, which writes --format json's object "
                           "for each line"});
  }
  refused.push_back({{"--any", "--like", "pipeline-0002"},
                     "--any has no effect with --like alone, which has no query words to OR"});
  refused.push_back({{"--width", "10", "houthi"},
                     "--width: 10 columns is below the narrowest width text output is laid out "
                     "for, 40 columns (0: never wrap)"});
  refused.push_back({{"--width", "39", "houthi"}, "--width: 39 columns is below"});
  refused.push_back({{"--timeout", "0.0000001", "houthi"},
                     "--timeout: 0.0000001 s is below the shortest timeout, 0.000001 s (0: no "
                     "limit)"});
  for (const Refused& case_ : refused) {
    std::string shown;
    for (const std::string& argument : case_.arguments) shown += argument + " ";
    INFO(shown);
    const ProcessResult result = search(case_.arguments, "ceasefire\n");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK_THAT(result.err, Catch::StartsWith("brief-search: " + case_.message));
  }

  // Where they act, and what the documentation says of the others.
  const std::vector<std::vector<std::string>> accepted = {
      {"--facet", "tag", "--format", "json", "ceasefire"},
      {"--facet", "tag", "--facet-limit", "0", "ceasefire"},
      {"--explain", "--format", "jsonl", "ceasefire"},
      {"--any", "--like", "pipeline-0002", "ceasefire", "sanctions"},
      {"--batch", "--facet", "region", "--explain"},
      {"--batch", "--format", "json"},
      // Colour and width shape text alone; a script may pass them whatever the format.
      {"--color", "never", "--width", "80", "--format", "json", "ceasefire"},
      // A count counts every match, whatever page or order is asked for.
      {"--format", "count", "-n", "3", "--offset", "7", "--sort", "newest", "ceasefire"},
      {"--timeout", "0", "--width", "0", "ceasefire"},
      {"--timeout", "0.5", "--width", "40", "ceasefire"},
  };
  for (const std::vector<std::string>& arguments : accepted) {
    std::string shown;
    for (const std::string& argument : arguments) shown += argument + " ";
    INFO(shown);
    const ProcessResult result = search(arguments, "ceasefire\n");
    CHECK(result.err.empty());
    CHECK(result.exit_code == 0);
  }
}

TEST_CASE("a facet with no values says so, in text and in JSON", "[e2e][output][options]") {
  // No corpus brief has a tag.
  const ProcessResult text = search({"-n", "0", "--facet", "tag", "--facet", "year", "ceasefire"});
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("\ntag\n  none: no matching brief has a value\n") &&
                           Catch::Contains("\nyear\n  5  2025\n"));
  const ProcessResult none = search({"--facet", "tag", "xylophone"});
  CHECK(none.exit_code == 1);
  CHECK(none.out == "\ntag\n  none: no brief matches\n");
  const json answer = corpus().search_json({"-n", "0", "--facet", "tag", "ceasefire"});
  CHECK(answer["facets"] == json{{"tag", json::array()}});
}

TEST_CASE("a timeout of 0 means no limit", "[e2e][output][options]") {
  const ProcessResult unlimited = search({"--timeout", "0", "--format", "count", "ceasefire"});
  CHECK(unlimited.exit_code == 0);
  CHECK(unlimited.out == "6\n");
}

TEST_CASE("text is laid out at 40 columns or more, never narrower", "[e2e][output][width]") {
  const ProcessResult narrowest = search({"--width", "40", "-n", "3", "houthi"});
  REQUIRE(narrowest.exit_code == 0);
  const std::vector<std::string> lines = split_lines(narrowest.out);
  REQUIRE_FALSE(lines.empty());
  // The rank and the date stay together, and the title hangs beside them.
  CHECK_THAT(lines[0], Catch::StartsWith("1. 2024-01-15  Red Sea:"));
  for (const std::string& line : lines) {
    INFO(line);
    const bool path_or_id = line.starts_with("   /") || line.starts_with("   id ");
    if (!path_or_id) CHECK(briefsearch::display_width(line) <= 40);
  }
  // A terminal narrower than that gets the same lines, which it folds itself.
  const ProcessResult on_terminal = corpus().search_on_terminal(
      {"--color", "never", "-n", "3", "houthi"}, TerminalStream::kStdout, {{"COLUMNS", "10"}});
  CHECK(on_terminal.exit_code == 0);
  CHECK(on_terminal.out == narrowest.out);
}

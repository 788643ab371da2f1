// Runs every example of docs/query-language.md through the real brief-search against the
// indexed sample corpus, so the user guide cannot drift from what the program does.
#include <algorithm>
#include <fstream>
#include <set>
#include <string_view>

#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

const std::filesystem::path kQueryLanguageGuide =
    std::filesystem::path(BRIEFSEARCH_DOCS) / "query-language.md";

// The fixed "today" the guide's relative dates are written against.
constexpr const char* kExamplesToday = "2025-07-15";

// "QUERY => EXPECTATION", from a fenced block whose info string is "examples".
struct Example {
  std::size_t line = 0;  // 1-based, in the guide
  std::string text;      // the whole line, for failure messages
  std::string query;
  std::string kind;  // first, has, count, none or error
  std::string argument;
};

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

// Lines that do not have the "QUERY => EXPECTATION" shape keep an empty kind, which the
// format test reports.
Example parse_example(std::size_t line_number, std::string_view line) {
  Example example;
  example.line = line_number;
  example.text = std::string(line);
  constexpr std::string_view kArrow = " => ";
  const std::size_t arrow = line.rfind(kArrow);
  if (arrow == std::string_view::npos) return example;
  example.query = std::string(line.substr(0, arrow));
  const std::string_view expectation = trim(line.substr(arrow + kArrow.size()));
  const std::size_t space = expectation.find(' ');
  example.kind = std::string(expectation.substr(0, space));
  if (space != std::string_view::npos) {
    example.argument = std::string(trim(expectation.substr(space + 1)));
  }
  return example;
}

std::vector<Example> read_examples(const std::filesystem::path& path) {
  std::ifstream file(path);
  REQUIRE(file.is_open());
  std::vector<Example> examples;
  bool in_examples = false;
  std::size_t line_number = 0;
  std::string line;
  while (std::getline(file, line)) {
    ++line_number;
    const std::string_view trimmed = trim(line);
    if (!in_examples) {
      in_examples = trimmed == "```examples";
      continue;
    }
    if (trimmed.starts_with("```")) {
      in_examples = false;
    } else if (!trimmed.empty()) {
      examples.push_back(parse_example(line_number, line));
    }
  }
  CHECK_FALSE(in_examples);  // every examples block is closed
  return examples;
}

std::vector<std::string> split_ids(std::string_view list) {
  std::vector<std::string> ids;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view id = trim(list.substr(0, comma));
    if (!id.empty()) ids.emplace_back(id);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return ids;
}

bool is_count(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_well_formed(const Example& example) {
  if (example.query.empty()) return false;
  if (example.kind == "none") return example.argument.empty();
  if (example.kind == "first") return split_ids(example.argument).size() == 1;
  if (example.kind == "has") return !split_ids(example.argument).empty();
  if (example.kind == "count") return is_count(example.argument);
  if (example.kind == "error") return !example.argument.empty();
  return false;
}

std::vector<std::string> hit_ids(const json& output) {
  std::vector<std::string> ids;
  for (const json& hit : output["hits"]) ids.push_back(hit["id"].get<std::string>());
  return ids;
}

void check_example(const IndexedCorpus& corpus, const Example& example) {
  const ProcessResult result = corpus.search(
      {"--now", kExamplesToday, "--format", "json", "--limit", "100", "--", example.query});
  INFO("stderr: " << result.err);
  INFO("stdout: " << result.out);
  if (example.kind == "error") {
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(example.argument));
    return;
  }
  const bool expect_hits = example.kind == "first" || example.kind == "has" ||
                           (example.kind == "count" && std::stoul(example.argument) > 0);
  CHECK(result.exit_code == (expect_hits ? 0 : 1));
  if (result.exit_code != 0 && result.exit_code != 1) return;  // no JSON to read
  const json output = json::parse(result.out);
  const std::vector<std::string> ids = hit_ids(output);
  if (example.kind == "none") {
    CHECK(output["total"] == 0);
    CHECK(ids.empty());
  } else if (example.kind == "count") {
    CHECK(output["total"].get<std::size_t>() == std::stoul(example.argument));
    CHECK(output["total_exact"] == true);
  } else if (example.kind == "first") {
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == example.argument);
  } else {
    for (const std::string& id : split_ids(example.argument)) {
      INFO("expected among the hits: " << id);
      CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
    }
  }
}

}  // namespace

TEST_CASE("docs/query-language.md has enough well-formed examples", "[e2e][docs]") {
  const std::vector<Example> examples = read_examples(kQueryLanguageGuide);
  CHECK(examples.size() >= 40);
  std::set<std::string> kinds;
  for (const Example& example : examples) {
    INFO("query-language.md:" << example.line << ": " << example.text);
    CHECK(is_well_formed(example));
    kinds.insert(example.kind);
  }
  CHECK(kinds == std::set<std::string>{"count", "error", "first", "has", "none"});
}

TEST_CASE("every example in docs/query-language.md holds", "[e2e][docs]") {
  const std::vector<Example> examples = read_examples(kQueryLanguageGuide);
  REQUIRE(examples.size() >= 40);
  const IndexedCorpus corpus;
  for (const Example& example : examples) {
    INFO("query-language.md:" << example.line << ": " << example.text);
    if (!is_well_formed(example)) {
      FAIL_CHECK("not QUERY => first ID | has ID, ... | count N | none | error TEXT");
      continue;
    }
    check_example(corpus, example);
  }
}

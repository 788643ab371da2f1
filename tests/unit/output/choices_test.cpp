// The tables behind brief-search's --format, --sort and --facet: the names the command line
// accepts and --help lists are what the library handles.
#include <catch2/catch.hpp>
#include <sstream>

#include "common/base/named_choices.h"
#include "common/output/output.h"
#include "tests/support/choice_tables.h"

using namespace briefsearch;

namespace {

enum class Fruit { kApple, kPear, kPlum };

constexpr std::array<NamedChoice<Fruit>, 3> kFruits = {{
    {"apple", Fruit::kApple, "default"},
    {"pear", Fruit::kPear, ""},
    {"plum", Fruit::kPlum, "in season"},
}};

struct Plain {
  std::string_view name;
  int value;
};

SearchReport report_with_one_hit() {
  SearchReport report;
  report.query = "cable";
  report.results.total = 1;
  Hit hit;
  hit.rank = 1;
  hit.id = "baltic";
  hit.path = "corpus/baltic.txt";
  hit.title = "Baltic Sea: Cable Damage";
  report.results.hits = {hit};
  return report;
}

}  // namespace

TEST_CASE("a table of named choices finds values and names, and lists them", "[output][choices]") {
  CHECK(choice_named(kFruits, "pear") == Fruit::kPear);
  CHECK_FALSE(choice_named(kFruits, "Pear"));
  CHECK_FALSE(choice_named(kFruits, ""));
  CHECK(choice_name(kFruits, Fruit::kPlum) == "plum");
  CHECK(choice_names(kFruits) == std::vector<std::string>{"apple", "pear", "plum"});
  CHECK(choices_phrase(kFruits) == "apple (default), pear or plum (in season)");
  constexpr std::array<Plain, 2> two = {{{"one", 1}, {"two", 2}}};
  CHECK(choices_phrase(two) == "one or two");
  constexpr std::array<Plain, 1> one = {{{"one", 1}}};
  CHECK(choices_phrase(one) == "one");
  CHECK(choice_name(two, 3).empty());
}

TEST_CASE("every output format of kOutputFormats has a writer", "[output][choices]") {
  briefsearch::testing::check_choice_rows(kOutputFormats, output_format_named);
  for (const auto& row : kOutputFormats) {
    INFO(row.name);
    std::ostringstream out;
    const auto writer = make_result_writer(row.value, out, false);
    REQUIRE(writer != nullptr);
    writer->write(report_with_one_hit());
    switch (row.value) {
      case OutputFormat::kText:
        CHECK_THAT(out.str(), Catch::Contains("Baltic Sea: Cable Damage"));
        break;
      case OutputFormat::kJson:
        CHECK_THAT(out.str(), Catch::StartsWith("{\"format_version\":"));
        break;
      case OutputFormat::kJsonLines:
        CHECK_THAT(out.str(), Catch::StartsWith("{\"rank\":1,"));
        break;
      case OutputFormat::kPaths:
        CHECK(out.str() == "corpus/baltic.txt\n");
        break;
      case OutputFormat::kPaths0:
        CHECK(out.str() == std::string("corpus/baltic.txt\0", 18));
        break;
      case OutputFormat::kCount:
        CHECK(out.str() == "1\n");
        break;
    }
  }
  CHECK_FALSE(output_format_named("xml"));
  CHECK_FALSE(output_format_named("JSON"));
  CHECK(choices_phrase(kOutputFormats) ==
        "text, json, jsonl, paths (for terminals), paths0 (NUL-separated, bytes as on disk, for "
        "xargs -0) or count (the exact number of matches)");
}

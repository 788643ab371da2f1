// Tests for what the three readers share: file reading, format choice, issue messages.
#include "common/parse/parsers.h"

#include <catch2/catch.hpp>

#include "common/parse/section_builder.h"
#include "tests/unit/parse/parser_test_support.h"

namespace briefsearch {
namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using namespace briefsearch::testing;

TEST_CASE("ParseIssue::describe names the path, the line when known, and the reason", "[parsers]") {
  CHECK(ParseIssue{"corpus/a.txt", 0, "empty file"}.describe() == "corpus/a.txt: empty file");
  CHECK(ParseIssue{"corpus/b.jsonl", 12, "invalid JSON"}.describe() ==
        "corpus/b.jsonl:12: invalid JSON");
}

TEST_CASE("parse_brief_file reports files it cannot read", "[parsers]") {
  SECTION("missing") {
    const ParseIssue& error = only_error(parse_brief_file(
        fixture("parsers/does-not-exist.txt"), InputFormat::kScrapedText, "does-not-exist.txt"));
    CHECK(error.describe() == "does-not-exist.txt: cannot read: No such file or directory");
  }
  SECTION("a directory") {
    const ParseIssue& error =
        only_error(parse_brief_file(fixture("parsers"), InputFormat::kScrapedText, "parsers"));
    CHECK(error.describe() == "parsers: cannot read: not a regular file");
  }
}

TEST_CASE("input_format_for maps extensions to formats", "[parsers]") {
  CHECK(input_format_for("a/b.txt") == InputFormat::kScrapedText);
  CHECK(input_format_for("B.TXT") == InputFormat::kScrapedText);
  CHECK(input_format_for("b.md") == InputFormat::kMarkdown);
  CHECK(input_format_for("b.Markdown") == InputFormat::kMarkdown);
  CHECK(input_format_for("b.jsonl") == InputFormat::kJsonLines);
  CHECK_FALSE(input_format_for("b.json").has_value());
  CHECK_FALSE(input_format_for("b.pdf").has_value());
  CHECK_FALSE(input_format_for("txt").has_value());
}

}  // namespace
}  // namespace briefsearch

// Tests for what the three readers share: file reading, format choice, issue messages.
#include "common/parse/parsers.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "common/parse/section_builder.h"
#include "tests/support/temporary_folder.h"
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

TEST_CASE("a brief over its size limit is rejected unread, naming its size and the option",
          "[parsers][limits]") {
  const TemporaryFolder folder;
  const std::filesystem::path file = folder / "big.txt";
  std::ofstream(file) << "Chad: Border Closed\n\nBy July 28, 2025No Comments\n\nDescription: "
                      << std::string(3000, 'x') << "\n";
  const auto size = std::filesystem::file_size(file);
  const ParseIssue& error =
      only_error(parse_brief_file(file, InputFormat::kScrapedText, "big.txt", ParseLimits{2048}));
  CHECK(error.describe() == "big.txt: too large: " + std::to_string(size) +
                                " bytes (3 KiB), over the 2 KiB limit for one brief "
                                "(--max-brief-size)");
  // The default takes it, and a JSON Lines file is limited record by record, not whole.
  CHECK(parse_brief_file(file, InputFormat::kScrapedText, "big.txt").errors.empty());
  CHECK(file_size_limit(InputFormat::kJsonLines, ParseLimits{2048}).bytes == kMaxInputFileBytes);
  CHECK(file_size_limit(InputFormat::kMarkdown, ParseLimits{2048}).bytes == 2048);
}

TEST_CASE("a title too long to be one is cut, and kept whole as the text's opening",
          "[parsers][title]") {
  std::string words;
  while (words.size() < 1000) words += "Sahel juntas expel envoys ";
  const std::string title = "Mali: " + words + "again";
  SECTION("scraped text with a body") {
    const ParseResult result =
        parse_text(title + "\n\nBy July 28, 2025No Comments\n\nImpact: Aid slows.\n");
    const Brief brief = only_brief(result);
    CHECK(brief.title.size() <= kMaxTitleBytes);
    CHECK_THAT(brief.title, StartsWith("Mali: Sahel juntas expel envoys Sahel"));
    CHECK_THAT(brief.title, EndsWith("envoys\xE2\x80\xA6"));
    CHECK(sections_of(brief) == Sections{{"Body", title}, {"Impact", "Aid slows."}});
    CHECK(describe_all(result.warnings) ==
          std::vector<std::string>{"x.txt: title too long (" + std::to_string(title.size()) +
                                   " bytes, over 400): cut to its first words, and kept whole as "
                                   "the first paragraph of the text"});
  }
  SECTION("a page saved as one line is a brief, not a title without text") {
    const Brief brief = only_brief(parse_text(title));
    CHECK(sections_of(brief) == Sections{{"Body", title}});
  }
  SECTION("a JSON Lines title opens the Body section it has") {
    const std::string record =
        "{\"title\": \"" + title + "\", \"sections\": {\"Body\": \"More.\", \"Impact\": \"X.\"}}";
    const ParseResult result = parse_jsonl(record);
    const Brief brief = only_brief(result);
    CHECK(sections_of(brief) == Sections{{"Body", title + "\n\nMore."}, {"Impact", "X."}});
    CHECK_THAT(describe_all(result.warnings).at(0), StartsWith("x.jsonl:1: title too long"));
  }
  SECTION("one huge word is cut between characters") {
    const std::string word = "Z\xC3\xBC" + std::string(600, 'z');
    const Brief brief = only_brief(parse_md("---\ntitle: " + word + "\n---\n\nText.\n"));
    CHECK(brief.title == word.substr(0, kMaxTitleBytes - 3) + "\xE2\x80\xA6");
  }
}

TEST_CASE("a huge value is quoted by its opening in a message", "[parsers]") {
  const std::string date(100000, '9');
  const ParseResult result =
      parse_md("---\ntitle: Huge\ndate: " + date + "\n---\n\n## Description\n\nText.\n");
  CHECK(describe_all(result.warnings) ==
        std::vector<std::string>{"x.md:3: invalid date '" + std::string(80, '9') +
                                 "\xE2\x80\xA6'; indexed undated"});
}

}  // namespace
}  // namespace briefsearch

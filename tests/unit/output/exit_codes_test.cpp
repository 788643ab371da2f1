// The exit-code tables: what --help prints from them, and that every exit-code table in
// README.md and docs/*.md says exactly what they say (markdown backticks aside).
#include "common/output/exit_codes.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "common/base/errors.h"
#include "common/base/string_utils.h"

using namespace briefsearch;

namespace {

const std::filesystem::path kSourceDir = BRIEFSEARCH_SOURCE_DIR;

// A table row's cells, trimmed, without markdown backticks, joined by " | ".
std::string markdown_row(std::string_view line) {
  std::string row;
  line = trim(line);
  line.remove_prefix(1);
  if (line.ends_with('|')) line.remove_suffix(1);
  while (true) {
    const auto bar = line.find('|');
    std::string cell(trim(line.substr(0, bar)));
    std::erase(cell, '`');
    row += row.empty() ? cell : " | " + cell;
    if (bar == std::string_view::npos) return row;
    line.remove_prefix(bar + 1);
  }
}

// An exit-code table of a markdown file: the "##" section it is in and its body rows.
struct DocumentedTable {
  std::string file;     // relative to the source folder
  std::string section;  // the heading line, "## Searching"
  std::vector<std::string> rows;
};

// Every table of file whose header's first cell is "exit code".
std::vector<DocumentedTable> documented_tables(const std::string& file) {
  std::ifstream in(kSourceDir / file);
  REQUIRE(in);
  std::vector<DocumentedTable> tables;
  std::string line;
  std::string section;
  bool in_table = false;
  bool separator_next = false;
  while (std::getline(in, line)) {
    if (line.starts_with("## ")) section = line;
    const bool table_line = trim(line).starts_with('|');
    if (!table_line) {
      in_table = false;
    } else if (in_table && separator_next) {
      separator_next = false;
    } else if (in_table) {
      tables.back().rows.push_back(markdown_row(line));
    } else if (markdown_row(line).starts_with("exit code |")) {
      tables.push_back({file, section, {}});
      in_table = separator_next = true;
    }
  }
  return tables;
}

// What a table of rows looks like in the docs, row by row: "code | meaning", with the
// --batch meaning in a column of its own ("the same" when it has none) or in parentheses.
enum class BatchColumn { kOwn, kInParentheses };

std::vector<std::string> expected_rows(std::span<const ExitCodeRow> table, BatchColumn batch) {
  std::vector<std::string> rows;
  for (const ExitCodeRow& row : table) {
    std::string text = std::to_string(row.code) + " | ";
    if (batch == BatchColumn::kInParentheses) {
      text += one_column_meaning(row);
    } else {
      text += std::string(row.meaning) + " | ";
      text += row.batch_meaning.empty() ? "the same" : row.batch_meaning;
    }
    rows.push_back(text);
  }
  return rows;
}

// The rows each documented table must have, by file and section.
std::vector<std::string> rows_for(const DocumentedTable& table) {
  const std::string where = table.file + " " + table.section;
  if (where == "README.md ## Indexing") {
    return expected_rows(kIndexExitCodes, BatchColumn::kInParentheses);
  }
  if (where == "README.md ## Searching" || where == "docs/query-language.md ## Errors") {
    return expected_rows(kSearchExitCodes, BatchColumn::kInParentheses);
  }
  if (where == "docs/json.md ## Exit codes") {
    return expected_rows(kSearchExitCodes, BatchColumn::kOwn);
  }
  FAIL("an exit-code table this test does not know: " << where);
  return {};
}

std::vector<std::string> markdown_files() {
  std::vector<std::string> files = {"README.md"};
  for (const auto& entry : std::filesystem::directory_iterator(kSourceDir / "docs")) {
    if (entry.path().extension() == ".md")
      files.push_back("docs/" + entry.path().filename().string());
  }
  return files;
}

bool has_code(std::span<const ExitCodeRow> table, int code) {
  for (const ExitCodeRow& row : table) {
    if (row.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every exit-code table of the docs says what the program's table says",
          "[output][exit_codes]") {
  std::set<std::string> checked;
  for (const std::string& file : markdown_files()) {
    for (const DocumentedTable& table : documented_tables(file)) {
      INFO(table.file << " " << table.section);
      const std::vector<std::string> expected = rows_for(table);
      for (std::size_t i = 0; i < std::max(table.rows.size(), expected.size()); ++i) {
        const std::string documented = i < table.rows.size() ? table.rows[i] : "(no row)";
        CHECK(documented == (i < expected.size() ? expected[i] : "(no row)"));
      }
      checked.insert(table.file + " " + table.section);
    }
  }
  // A table that was deleted, or whose header changed, is not checked any more.
  CHECK(checked == std::set<std::string>{"README.md ## Indexing", "README.md ## Searching",
                                         "docs/json.md ## Exit codes",
                                         "docs/query-language.md ## Errors"});
}

TEST_CASE("each program's table lists every code it can end with, in order",
          "[output][exit_codes]") {
  for (const int code : {int{kExitSuccess}, int{kExitIncomplete}, int{kExitUsage},
                         int{kExitDatabase}, int{kExitInternal}, int{kExitOutputFailure},
                         int{kExitTemporaryFailure}, 128 + SIGINT, 128 + SIGTERM}) {
    CHECK(has_code(kIndexExitCodes, code));
  }
  for (const int code : {int{kExitSuccess}, int{kExitNoMatch}, int{kExitUsage}, int{kExitDatabase},
                         int{kExitInternal}, int{kExitOutputFailure}}) {
    CHECK(has_code(kSearchExitCodes, code));
  }
  for (const std::span<const ExitCodeRow> table :
       {std::span<const ExitCodeRow>(kIndexExitCodes),
        std::span<const ExitCodeRow>(kSearchExitCodes)}) {
    for (std::size_t i = 0; i < table.size(); ++i) {
      CHECK_FALSE(table[i].meaning.empty());
      if (i > 0) CHECK(table[i - 1].code < table[i].code);
    }
  }
  for (const ExitCodeRow& row : kIndexExitCodes) CHECK(row.batch_meaning.empty());
}

TEST_CASE("a one-column table gives the --batch meaning in parentheses", "[output][exit_codes]") {
  CHECK(one_column_meaning({2, "bad query", ""}) == "bad query");
  CHECK(one_column_meaning({1, "no match", "not used"}) == "no match (--batch: not used)");
}

TEST_CASE("--help lists the codes in a column and wraps each meaning under itself",
          "[output][exit_codes]") {
  const std::array<ExitCodeRow, 3> table = {{
      {0, "all went well", ""},
      {1, "nothing matched at all", "not used"},
      {130, "stopped by SIGINT", ""},
  }};
  CHECK(exit_codes_help(table, 30) ==
        "Exit codes:\n"
        "  0    all went well\n"
        "  1    nothing matched at all\n"
        "       (--batch: not used)\n"
        "  130  stopped by SIGINT");
  // A word longer than the room is left whole, on a line of its own.
  CHECK(exit_codes_help(std::array<ExitCodeRow, 1>{{{2, "a supercalifragilistic word", ""}}}, 12) ==
        "Exit codes:\n  2  a\n     supercalifragilistic\n     word");
}

TEST_CASE("the --help footers hold every row of the tables within 88 columns",
          "[output][exit_codes]") {
  for (const std::span<const ExitCodeRow> table :
       {std::span<const ExitCodeRow>(kIndexExitCodes),
        std::span<const ExitCodeRow>(kSearchExitCodes)}) {
    const std::string help = exit_codes_help(table);
    const std::vector<std::string_view> lines = split_lines(help);
    REQUIRE(lines.front() == "Exit codes:");
    // Joining each row's lines gives back its code and meaning.
    std::vector<std::string> rows;
    for (std::size_t i = 1; i < lines.size(); ++i) {
      CHECK(lines[i].size() <= 88);
      const std::string_view text = trim(lines[i]);
      if (lines[i].find_first_not_of(' ') == 2) {
        rows.emplace_back(text);
      } else {
        rows.back() += " " + std::string(text);
      }
    }
    REQUIRE(rows.size() == table.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::string code = std::to_string(table[i].code);
      CHECK(rows[i].starts_with(code + " "));
      CHECK(trim(std::string_view(rows[i]).substr(code.size())) == one_column_meaning(table[i]));
    }
  }
}

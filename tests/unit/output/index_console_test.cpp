#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "common/output/index_report.h"

using namespace briefsearch;

namespace {

std::string contents(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, file) != nullptr) text += buffer;
  return text;
}

}  // namespace

TEST_CASE("an index run's issues are printable lines named by the program", "[index_report]") {
  std::FILE* err = std::tmpfile();
  REQUIRE(err != nullptr);
  {
    IndexConsole console("brief-index", err);
    const IssueReporter report = console.issue_reporter();
    report({"corpus/a.jsonl", 3, "invalid JSON"}, true);
    report({"corpus/b\x1b[2J.txt", 0, "no date found"}, false);
    console.progress_reporter()(1, 2);  // not a terminal: no bar
    console.clear();
  }
  CHECK(contents(err) ==
        "brief-index: corpus/a.jsonl:3: invalid JSON\n"
        "brief-index: warning: corpus/b\\x1b[2J.txt: no date found\n");
  std::fclose(err);
}

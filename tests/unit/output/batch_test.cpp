#include "common/output/batch.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/base/errors.h"
#include "common/output/output.h"

using namespace briefsearch;

namespace {

// Answers every query with one brief per letter, and refuses queries that start with '('.
SearchReport answer(const std::string& query) {
  if (!query.empty() && query.front() == '(') throw QueryError("query '" + query + "': unbalanced");
  SearchReport report;
  report.query = query;
  report.results.total = query.size();
  return report;
}

std::vector<nlohmann::json> lines_of(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

}  // namespace

TEST_CASE("a batch answers each line with one JSON object and goes on after errors",
          "[output][batch]") {
  std::istringstream in("cable\n(bad\r\n\nships\r\n");
  std::ostringstream out;
  int flushes = 0;
  const int code = answer_batch(in, out, answer, [&] { return ++flushes > 0; });
  CHECK(code == kExitUsage);
  CHECK(flushes == 4);
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 4);
  CHECK(lines[0]["query"] == "cable");
  CHECK(lines[0]["total"] == 5);
  CHECK(lines[0]["hits"].is_array());
  CHECK(lines[1] == nlohmann::json{{"format_version", kJsonFormatVersion},
                                   {"query", "(bad"},
                                   {"error", "query '(bad': unbalanced"}});
  CHECK(lines[2]["query"] == "");
  CHECK(lines[3]["query"] == "ships");  // the '\r' of a CRLF line is not part of the query
}

TEST_CASE("a batch with every query answered succeeds, and stops when the reader has gone",
          "[output][batch]") {
  std::istringstream all_good("a\nb\n");
  std::ostringstream out;
  CHECK(answer_batch(all_good, out, answer, [] { return true; }) == kExitSuccess);
  CHECK(lines_of(out.str()).size() == 2);

  std::istringstream three("a\n(b\nc\n");
  std::ostringstream cut;
  int flushes = 0;
  CHECK(answer_batch(three, cut, answer, [&] { return ++flushes < 1; }) == kExitSuccess);
  CHECK(flushes == 1);
  CHECK(lines_of(cut.str()).size() == 1);
  CHECK_THROWS_AS(
      answer_batch(
          three, cut, [](const std::string&) -> SearchReport { throw DatabaseError("gone"); },
          [] { return true; }),
      DatabaseError);
}

TEST_CASE("a line a writer kept overtaking gets an error object, and the batch goes on",
          "[output][batch]") {
  std::istringstream in("a\nbusy\n(c\nd\n");
  std::ostringstream out;
  const auto overtaken = [](const std::string& query) -> SearchReport {
    if (query == "busy") throw DatabaseChangingError("the index kept changing while it was read");
    return answer(query);
  };
  // Temporary failure outranks a malformed line: a script that retries on 75 gets both.
  CHECK(answer_batch(in, out, overtaken, [] { return true; }) == kExitTemporaryFailure);
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 4);
  CHECK(lines[1]["error"] == "the index kept changing while it was read");
  CHECK(lines[2]["error"] == "query '(c': unbalanced");
  CHECK(lines[3]["total"] == 1);
}

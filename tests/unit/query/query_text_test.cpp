// --explain writes the parsed query in the query language; pasted back, it must parse to
// the same tree.
#include <catch2/catch.hpp>

#include "common/base/errors.h"
#include "common/query/query.h"
#include "tests/support/regression_queries.h"

using namespace briefsearch;

namespace {

const CalendarDate kToday = *CalendarDate::parse("2025-07-01");

std::vector<std::string> regression_queries() {
  return testing::read_regression_queries(BRIEFSEARCH_FIXTURES);
}

// Checks that query's tree, written out, parses back to the same tree; false when query
// itself does not parse.
bool reads_back(const std::string& query, bool any_word) {
  QueryNode tree;
  try {
    tree = parse_query(query, kToday, {}, any_word);
  } catch (const QueryError&) {
    return false;
  }
  const std::string written = query_text_of(tree);
  INFO("query: " << query << "\nwritten: " << written);
  QueryNode again;
  REQUIRE_NOTHROW(again = parse_query(written, kToday));
  CHECK(describe(again) == describe(tree));
  CHECK(query_text_of(again) == written);
  return true;
}

}  // namespace

TEST_CASE("the parsed query is written in the query language", "[query]") {
  auto written = [](std::string_view query) { return query_text_of(parse_query(query, kToday)); };
  CHECK(written("houthi red sea") == "houthi AND red AND sea");
  CHECK(written("a OR b c") == "a OR (b AND c)");
  CHECK(written("section:outlook key_judgements:ceasefire") ==
        "section:outlook AND key-judgments:ceasefire");
  CHECK(written("Key-Judgments:(truce OR ceasefire)") ==
        "key-judgments:truce OR key-judgments:ceasefire");
  CHECK(written("desc:\"red sea\" -israel lang:en") ==
        "description:\"red sea\" AND NOT israel AND language:en");
  CHECK(written("ships NEAR/3 \"red sea\" title:a ADJ title:b") ==
        "(ships NEAR/3 \"red sea\") AND (title:a ADJ/10 title:b)");
  CHECK(written("id:\"-pipeline-0002\" tag:\"+x\"") == "id:\"-pipeline-0002\" AND tag:\"+x\"");
  CHECK(written("date:2024.. region:\"middle east\"") ==
        "date:2024-01-01.. AND region:\"middle east\"");
  CHECK(written("NOT (a OR b)") == "NOT (a OR b)");
  CHECK(written("title:s-400 XOR sanc*") == "title:s-400 XOR sanc*");
  CHECK(query_text_of(parse_query("a b -c", kToday, {}, true)) == "(a OR b) AND NOT c");
}

TEST_CASE("each operand of an AND is written back as the user typed it", "[query]") {
  const std::string query =
      "election  date:2025 -yemen\tdesc:\"red sea\" AND (a OR b) lang:en NOT x +y s*";
  const QueryNode tree = parse_query(query, kToday);
  REQUIRE(tree.kind == QueryNode::Kind::kAnd);
  std::vector<std::string> typed;
  for (const QueryNode& part : tree.children) typed.push_back(typed_text_of(part, query));
  CHECK(typed == std::vector<std::string>{"election", "date:2025", "-yemen", "desc:\"red sea\"",
                                          "(a OR b)", "lang:en", "NOT x", "+y", "s*"});
  // A query of one part is that part; inside a group, each operand of an AND is recorded.
  CHECK(typed_text_of(parse_query(" date:30d.. ", kToday), " date:30d.. ") == "date:30d..");
  const std::string grouped = "(a  b) OR c";
  const QueryNode group = parse_query(grouped, kToday).children.front();
  CHECK(typed_text_of(group.children.back(), grouped) == "b");
  // A node the parser did not record (an OR; one made by hand) is written in the query
  // language.
  CHECK(typed_text_of(parse_query(grouped, kToday), grouped) == "(a AND b) OR c");
  CHECK(typed_text_of(parse_query("date:2025", kToday), "") == "date:2025-01-01..2025-12-31");
}

// Found by the query fuzzer (tests/fuzz-regressions/query/): a sign before ')' was an
// operator without a term, while before a space or the end it is a word, so "(1- OR -)"
// did not read back.
TEST_CASE("a lone sign reads back wherever --explain writes it", "[query]") {
  for (const std::string query :
       {"1-  - -  - -- -", "(a -)", "(a +)", "(a - )", "a -", "-- -", "(a OR -) b", "a (+)"}) {
    CHECK(reads_back(query, false));
    CHECK(reads_back(query, true));
  }
  CHECK(query_text_of(parse_query("(a -) b", kToday)) == "(a AND -) AND b");
  // Before a term the sign still negates or requires.
  CHECK(query_text_of(parse_query("a -(b) +\"c\"", kToday)) == "a AND NOT b AND \"c\"");
}

// Found by the query fuzzer: "impact-:" named the Impact section as a section without a
// field of its own, so "-impact-:tan" was written "NOT impact:tan", another query.
TEST_CASE("a section field spelt with hyphens or underscores reads back as itself", "[query]") {
  for (const std::string query : {"-impact-:tan", "Impact_:(a OR b)", "description-:\"red sea\"",
                                  "key_judgements-:truce", "-outlook_:x"}) {
    CHECK(reads_back(query, false));
    CHECK(reads_back(query, true));
  }
  CHECK(describe(parse_query("impact-:tan", kToday)) ==
        describe(parse_query("impact:tan", kToday)));
  CHECK(query_text_of(parse_query("-impact-:tan", kToday)) == "NOT impact:tan");
}

TEST_CASE("every parsed regression query reads back as the same tree", "[query]") {
  std::size_t parsed = 0;
  for (const std::string& query : regression_queries()) {
    if (reads_back(query, false)) ++parsed;
    (void)reads_back(query, true);
  }
  CHECK(parsed >= 200);
}

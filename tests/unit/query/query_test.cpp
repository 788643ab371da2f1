#include "common/query/query.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "common/base/errors.h"
#include "common/index/documents.h"
#include "common/search/search.h"
#include "tests/support/temporary_folder.h"
#include "tests/unit/query/query_fixture.h"

using namespace briefsearch;
using namespace briefsearch::testing;

namespace {

std::string tree_of(const std::string& query) { return describe(parse_query(query, kToday)); }

}  // namespace

TEST_CASE("queries parse into the expected tree", "[query]") {
  struct Case {
    std::string query;
    std::string tree;
  };
  const auto [query, tree] = GENERATE(values<Case>({
      {"ships", "ships"},
      {"houthi shipping", "(AND houthi shipping)"},
      {"a AND b", "(AND a b)"},
      {"a and b or c", "(OR (AND a b) c)"},
      {"a OR b c", "(OR a (AND b c))"},
      {"a XOR b", "(XOR a b)"},
      {"a -b", "(AND a (NOT b))"},
      {"a NOT b", "(AND a (NOT b))"},
      {"NOT b", "(NOT b)"},
      {"+a b", "(AND a b)"},
      {"\"Cape of Good Hope\"", "\"Cape of Good Hope\""},
      {"title:tariff", "title:tariff"},
      {"desc:\"shadow fleet\"", "description:\"shadow fleet\""},
      {"title:(tariff OR sanctions) -brazil",
       "(AND (OR title:tariff title:sanctions) (NOT brazil))"},
      {"S-400", "S-400"},
      {"(a OR b) (c OR d)", "(AND (OR a b) (OR c d))"},
      {"10:30", "10:30"},
      {"and", "and"},
      {"rock and", "(AND rock and)"},
      {"not", "not"},
      {"war or", "(AND war or)"},
      {"not peace", "(NOT peace)"},
      {"war or peace", "(OR war peace)"},
      // Right after a field's colon, an operator's name is the field's value.
      {"title:AND", "title:AND"},
      {"title:or houthi", "(AND title:or houthi)"},
      {"title:NOT houthi", "(AND title:NOT houthi)"},
      {"title:NEAR yemen", "(AND title:NEAR yemen)"},
      {"desc:XOR", "description:XOR"},
      {"country:AND", "country:AND"},
      {"title::houthi", "title::houthi"},
      {"title:houthi AND yemen", "(AND title:houthi yemen)"},
  }));
  INFO(query);
  CHECK(tree_of(query) == tree);
}

TEST_CASE("malformed queries are errors that show the query and the column", "[query]") {
  struct Case {
    std::string query;
    std::string message;
  };
  const auto [query, message] = GENERATE(values<Case>({
      {"(ships", "unbalanced '(' (column 1)"},
      {"ships)", "unbalanced ')' (column 6)"},
      {"\"cape of", "unterminated phrase"},
      {"ships OR", "'OR' needs a term on both sides (column 7)"},
      {"OR", "'OR' needs a term before it (column 1)"},
      {"AND ships", "'AND' needs a term before it (column 1)"},
      {"ships NOT", "'NOT' needs a term after it (column 7)"},
      {"ships -(", "unbalanced '(' (column 8)"},
      {"ships ()", "empty parentheses (column 7)"},
      {"colour:red",
       "unknown field 'colour:' (quote the text to search for it as words) (column 1)"},
      {"title: ships", "empty field 'title:' (column 1)"},
      {"title:", "empty field 'title:'"},
      {"title:)", "empty field 'title:' (column 1)"},
      {"", "empty query"},
      {"   ", "empty query"},
      {")", "unbalanced ')' (column 1)"},
      {") houthi", "unbalanced ')' (column 1)"},
      // A sign inside a field: the message says where it goes.
      {"title:-houthi",
       "a field's value cannot start with '-'; to exclude, put '-' before the field: "
       "-title:houthi (column 7)"},
      {"country:-ye", "put '-' before the field: -country:ye (column 9)"},
      {"title:-\"red sea\"", "put '-' before the field: -title:\"red sea\" (column 7)"},
      {"title:-(a OR b)", "put '-' before the field: -title:(...) (column 7)"},
      {"title:- houthi", "a field's value cannot start with '-'"},
      {"title:-", "a field's value cannot start with '-'"},
      {"tag:+energy", "cannot start with '+'; put '+' before the field, or leave it out"},
      {"tag:+", "cannot start with '+'; put '+' before the field, or leave it out: tag:..."},
      {"date:-1d..", "invalid date '-1d': a date takes no sign; write 1d (Nd, Nw"},
      {"date:+2025", "a date takes no sign; write 2025 (column 6)"},
      // A field after a field.
      {"title:desc:houthi",
       "'desc:' cannot be the value of 'title:'; use one field, or quote the value to search "
       "for its words (column 7)"},
      {"title:houthi:x",
       "unknown field 'houthi:' (quote the text to search for it as words) "
       "(column 7)"},
  }));
  INFO(query);
  try {
    (void)parse_query(query, kToday);
    FAIL("no error for " << query);
  } catch (const QueryError& error) {
    CHECK_THAT(error.what(), Catch::Contains("query '" + query + "'"));
    CHECK_THAT(error.what(), Catch::Contains(message));
    CHECK(error.exit_code() == kExitUsage);
  }
}

TEST_CASE("what follows a field is its value, or an error that says so", "[query]") {
  // Every character an operator starts with, and every operator word, right after the colon
  // of each kind of field: a value, or a message other than "empty field" (the field is not
  // empty). Only ')' and the end leave a field without a value.
  const std::vector<std::string> fields = {"title", "outlook", "country", "tag", "id", "date"};
  const std::vector<std::string> starts = {
      "-",    "+",    "(",     "\"",     "*",    ":",    "-\"",    "+(", "--", "AND ", "OR ",
      "XOR ", "NOT ", "NEAR ", "ADJ/2 ", "and ", "not ", "title:", "x:", "- ", "+ "};
  for (const std::string& field : fields) {
    for (const std::string& start : starts) {
      const std::string query = field + ":" + start + "x";
      INFO(query);
      try {
        (void)parse_query(query, kToday);
      } catch (const QueryError& error) {
        CHECK_THAT(error.what(), !Catch::Contains("empty field"));
      }
    }
    for (const std::string& query : {field + ":)", field + ":", field + ": x"}) {
      INFO(query);
      CHECK_THROWS_WITH(parse_query(query, kToday),
                        Catch::Contains("empty field '" + field + ":' (column 1)"));
    }
  }
}

TEST_CASE("overlong queries are refused", "[query]") {
  const QueryLimits limits;
  const std::string query(limits.max_bytes + 1, 'a');
  CHECK_THROWS_WITH(parse_query(query, kToday),
                    Catch::Contains("query 'aaaa") &&
                        Catch::Contains("\xE2\x80\xA6': query of 4097 bytes") &&
                        Catch::Contains("(column 4097)"));
  CHECK_NOTHROW(parse_query(std::string(limits.max_bytes, 'a'), kToday));
  std::string many;
  for (std::size_t i = 0; i <= limits.max_leaves; ++i) many += "w" + std::to_string(i) + " OR ";
  many += "last";
  CHECK_THROWS_WITH(parse_query(many, kToday), Catch::Contains("too many terms"));
  const std::string nested = std::string(101, '(') + "x" + std::string(101, ')');
  CHECK_THROWS_WITH(parse_query(nested, kToday),
                    Catch::Contains("NOT and parentheses nested more than 100 deep (column 101)"));
  CHECK_NOTHROW(parse_query(std::string(100, '(') + "x" + std::string(100, ')'), kToday));
  // NOT NOT ... nests too, and shares the bound with parentheses.
  std::string nots;
  for (int i = 0; i < 101; ++i) nots += "NOT ";
  CHECK_THROWS_WITH(parse_query(nots + "x", kToday),
                    Catch::Contains("NOT and parentheses nested more than 100 deep (column 401)"));
  CHECK_NOTHROW(parse_query(nots.substr(4) + "x", kToday));
  CHECK_THROWS_WITH(parse_query(std::string(60, '(') + nots.substr(0, 41 * 4) + "x", kToday),
                    Catch::Contains("nested more than 100 deep"));
  CHECK_NOTHROW(parse_query("a NOT b NOT c " + nots.substr(4) + "x", kToday));
  CHECK_NOTHROW(
      parse_query("(a) (b) (c) " + std::string(100, '(') + "x" + std::string(100, ')'), kToday));
  // Unbalanced and far deeper than the stack allows: refused, not a crash.
  CHECK_THROWS_WITH(parse_query(std::string(4096, '('), kToday), Catch::Contains("nested"));
}

TEST_CASE("built queries match through the same analyser as the index", "[query]") {
  QueryFixture fixture;
  SECTION("case and inflection never change what matches") {
    CHECK(fixture.ids("ships") == Ids{"mexico", "red-sea"});
    CHECK(fixture.ids("Ships") == fixture.ids("ships"));
    CHECK(fixture.ids("SHIPS") == fixture.ids("ships"));
    CHECK(fixture.ids("sanction") == Ids{"baltic", "letter", "turkey"});
    CHECK(fixture.ids("shipping") == Ids{"mexico", "red-sea"});
  }
  SECTION("diacritics are folded on both sides") {
    CHECK(fixture.ids("gdansk") == Ids{"baltic"});
    CHECK(fixture.ids("GDAŃSK") == Ids{"baltic"});
  }
  SECTION("all words must match") {
    CHECK(fixture.ids("ships tariffs") == Ids{"mexico"});
    CHECK(fixture.ids("ships unicorn").empty());
  }
  SECTION("phrases match exact words in order") {
    CHECK(fixture.ids("\"Cape of Good Hope\"") == Ids{"red-sea"});
    CHECK(fixture.ids("\"Good Cape\"").empty());
    CHECK(fixture.ids("\"two-day transits\"") == Ids{"red-sea"});
    CHECK(fixture.ids("\"sanction\"").empty());  // a quoted word is not stemmed
  }
  SECTION("codes split by the analyser match as phrases") {
    CHECK(fixture.ids("S-400") == Ids{"turkey"});
    CHECK(fixture.ids("s-400") == Ids{"turkey"});
  }
  SECTION("fields restrict where a word may match") {
    CHECK(fixture.ids("title:sea") == Ids{"baltic", "red-sea"});
    CHECK(fixture.ids("title:ships") == Ids{"red-sea"});  // "Shipping" shares the stem
    CHECK(fixture.ids("title:cape").empty());
    CHECK(fixture.ids("description:ships") == Ids{"mexico", "red-sea"});
    CHECK(fixture.ids("impact:insurance") == Ids{"red-sea"});
    CHECK(fixture.ids("background:incidents") == Ids{"baltic"});
    CHECK(fixture.ids("outlook:july") == Ids{"mexico"});
    CHECK(fixture.ids("background:july").empty());
  }
  SECTION("boolean operators") {
    CHECK(fixture.ids("houthi OR tariff") == Ids{"mexico", "red-sea"});
    CHECK(fixture.ids("ships -tariff") == Ids{"red-sea"});
    CHECK(fixture.ids("ships NOT houthi") == Ids{"mexico"});
    CHECK(fixture.ids("NOT ships") == Ids{"baltic", "letter", "turkey"});
    CHECK(fixture.ids("sanctions XOR anchor") == Ids{"letter", "turkey"});
  }
  SECTION("a title match ranks above a body match") {
    CHECK(fixture.ranked("ships") == Ids{"red-sea", "mexico"});
  }
  SECTION("stop words never eat meaning") {
    // "US" is kept (both briefs have the word); lowercase "us" is dropped.
    CHECK(fixture.ids("US sanctions") == Ids{"letter", "turkey"});
    CHECK(fixture.ids("us sanctions") == Ids{"baltic", "letter", "turkey"});
    CHECK(fixture.ids("the tariffs of steel") == Ids{"mexico"});
    CHECK(fixture.ids("\"Cape of Good Hope\"") == Ids{"red-sea"});
    CHECK(fixture.ids("\"Cape Good Hope\"").empty());
    CHECK(fixture.ids("the") == Ids{"baltic", "red-sea", "turkey"});  // alone, it is searched
  }
  SECTION("punctuation alone matches nothing") { CHECK(fixture.ids("...").empty()); }
}

namespace {

// A posting source that fails with a given Xapian error once the match starts.
template <typename Error>
class FailingSource : public Xapian::PostingSource {
 public:
  void init(const Xapian::Database&) override {}
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return 1; }
  Xapian::doccount get_termfreq_max() const override { return 1; }
  void next(double) override { throw Error("failing on purpose"); }
  bool at_end() const override { return false; }
  Xapian::docid get_docid() const override { return 1; }
};

template <typename Error>
void run_failing(Xapian::Database& database) {
  Analyser analyser;
  const Xapian::Query query((new FailingSource<Error>())->release());
  (void)run_search(database, query, {}, {}, analyser);
}

}  // namespace

TEST_CASE("Xapian errors a query causes are query errors, the others database errors", "[query]") {
  CHECK_THAT(query_problem_of(Xapian::UnimplementedError("no sub-phrases")).value_or(""),
             Catch::Equals("the search engine cannot run this query (UnimplementedError: "
                           "no sub-phrases)"));
  CHECK(query_problem_of(Xapian::InvalidArgumentError("x")).has_value());
  CHECK(query_problem_of(Xapian::QueryParserError("x")).has_value());
  CHECK(query_problem_of(Xapian::WildcardError("x")).has_value());
  CHECK_FALSE(query_problem_of(Xapian::DatabaseCorruptError("x")).has_value());
  CHECK_FALSE(query_problem_of(Xapian::DatabaseOpeningError("x")).has_value());

  TemporaryFolder folder;
  {
    Xapian::WritableDatabase writable((folder / "db").string(), Xapian::DB_CREATE);
    writable.add_document(Xapian::Document());
    writable.commit();
  }
  Xapian::Database database((folder / "db").string());
  CHECK_THROWS_AS(run_failing<Xapian::UnimplementedError>(database), QueryError);
  CHECK_THROWS_AS(run_failing<Xapian::InvalidArgumentError>(database), QueryError);
  CHECK_THROWS_AS(run_failing<Xapian::WildcardError>(database), WildcardLimitError);
  CHECK_THROWS_AS(run_failing<Xapian::DatabaseCorruptError>(database), DatabaseError);
}

TEST_CASE("the first wildcard's column is found wherever it is in the tree", "[query]") {
  const CalendarDate today = *CalendarDate::parse("2025-07-01");
  auto column = [&](std::string_view text) {
    return first_wildcard_column(parse_query(text, today));
  };
  CHECK(column("tari*") == 1);
  CHECK(column("(a OR b) tari*") == 10);
  CHECK(column("a (b OR (c NOT d)) title:tari*") == 26);
  CHECK(column("\"red sea\" -x sanc* tari*") == 14);
  // No wildcard at all: the start of the query.
  CHECK(column("(a OR b) c") == 1);
}

TEST_CASE("a query error carries its query, column and problem as fields", "[query]") {
  const CalendarDate today = *CalendarDate::parse("2025-07-01");
  try {
    (void)parse_query("sanctions AND (iran", today);
    FAIL("no error");
  } catch (const QueryError& error) {
    CHECK(error.names_query());
    CHECK(error.query() == "sanctions AND (iran");
    CHECK(error.column() == 15);
    CHECK_THAT(error.problem(), Catch::Contains("'('"));
    CHECK(std::string(error.what()) ==
          "query 'sanctions AND (iran': " + error.problem() + " (column 15)");
    CHECK(error.exit_code() == kExitUsage);
  }
  const QueryError unplaced("a wildcard matches too many words");
  CHECK_FALSE(unplaced.names_query());
  CHECK(std::string(unplaced.what()) == "a wildcard matches too many words");
}

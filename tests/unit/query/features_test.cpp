// Proximity, wildcards, filters, dates, --any and the query caps, on a real database.
#include <catch2/catch.hpp>

#include "common/base/errors.h"
#include "common/query/query.h"
#include "common/query/words.h"
#include "tests/unit/query/query_fixture.h"

using namespace briefsearch;
using namespace briefsearch::testing;

namespace {

std::string tree_of(const std::string& query) { return describe(parse_query(query, kToday)); }

void check_error(const std::string& query, const std::string& message) {
  INFO(query);
  try {
    (void)parse_query(query, kToday);
    FAIL("no error for " << query);
  } catch (const QueryError& error) {
    CHECK_THAT(error.what(), Catch::Contains(message));
  }
}

}  // namespace

TEST_CASE("NEAR and ADJ join words within a window", "[query]") {
  CHECK(tree_of("cable NEAR anchor") == "(NEAR/10 cable anchor)");
  CHECK(tree_of("cable NEAR/3 anchor") == "(NEAR/3 cable anchor)");
  CHECK(tree_of("good ADJ/2 hope") == "(ADJ/2 good hope)");
  CHECK(tree_of("ships near ports") == "(AND ships near ports)");  // lowercase is a word
  check_error("cable NEAR/0 anchor", "needs a window from 1 to 1000");
  CHECK(tree_of("cable NEAR \"good hope\"") == "(NEAR/10 cable \"good hope\")");
  check_error("cable NEAR (good hope)",
              "NEAR and ADJ join words and phrases; put groups and wildcards in their own terms "
              "(column 12)");
  check_error("cable NEAR good*", "put groups and wildcards in their own terms");
  check_error("cable NEAR -hope", "NEAR and ADJ join words and phrases");
  check_error("NEAR anchor", "needs a term before it");
  check_error("houthi NEAR title:yemen",
              "NEAR and ADJ join words of one field; write title:(a NEAR b) (column 13)");
  CHECK(tree_of("title:(houthi NEAR yemen)") == "(NEAR/10 title:houthi title:yemen)");

  QueryFixture fixture;
  CHECK(fixture.ids("tanker NEAR/3 anchor") == Ids{"baltic"});
  CHECK(fixture.ids("anchor NEAR/3 tanker") == Ids{"baltic"});
  CHECK(fixture.ids("tanker NEAR/1 anchor").empty());  // three words apart
  CHECK(fixture.ids("cape ADJ/3 hope") == Ids{"red-sea"});
  CHECK(fixture.ids("hope ADJ/3 cape").empty());  // ADJ keeps the order
  CHECK(fixture.ids("description:(tanker NEAR/8 fleet)") == Ids{"baltic"});
  CHECK(fixture.ids("tanker NEAR/7 fleet").empty());
}

TEST_CASE("NEAR and ADJ operands may be phrases or words the analyser splits", "[query]") {
  QueryFixture fixture;
  // "Ankara bought the S-400 system; US sanctions followed."
  CHECK(fixture.ids("S-400 NEAR ankara") == Ids{"turkey"});
  CHECK(fixture.ids("S-400 NEAR/3 ankara") == Ids{"turkey"});  // S-400 counts as one word
  CHECK(fixture.ids("S-400 NEAR/2 ankara").empty());
  CHECK(fixture.ids("ankara ADJ/3 S-400") == Ids{"turkey"});
  CHECK(fixture.ids("S-400 ADJ/3 ankara").empty());
  CHECK(fixture.ids("s-400 ADJ/1 system") == Ids{"turkey"});
  CHECK(fixture.ids("\"s 400\" ADJ/1 system") == Ids{"turkey"});
  CHECK(fixture.ids("\"the S-400\" NEAR/3 sanctions") == Ids{"turkey"});
  CHECK(fixture.ids("\"the S-400\" NEAR/2 sanctions").empty());
  CHECK(fixture.ids("\"shadow fleet\" NEAR/7 tanker") == Ids{"baltic"});
  CHECK(fixture.ids("\"shadow fleet\" NEAR/6 tanker").empty());
  CHECK(fixture.ids("description:(\"shadow fleet\" NEAR tanker)") == Ids{"baltic"});
  CHECK(fixture.ids("title:(\"shadow fleet\" NEAR tanker)").empty());
  CHECK(fixture.ids("two-day NEAR insurance") == Ids{"red-sea"});
  CHECK(fixture.ids("(S-400 NEAR ankara) OR (two-day ADJ transits)") == Ids{"red-sea", "turkey"});
  // Sections named as fields keep their own restriction.
  CHECK(fixture.ids("outlook:(talks NEAR july)") == Ids{"mexico"});
  CHECK(fixture.ids("background:(talks NEAR july)").empty());
  // Operands at distinct positions: "S-400" holds one "400", and it is taken.
  CHECK(fixture.ids("S-400 NEAR 400").empty());
  CHECK(fixture.ids("S-400 NEAR the").size() == 1);
  // Past 10 operands that repeat a word, overlaps among phrases are not searched.
  std::string chain = "\"the s\"";
  for (int i = 0; i < 10; ++i) chain += " NEAR/1000 the";
  CHECK_THROWS_WITH(fixture.ids(chain), Catch::Contains("a NEAR or ADJ chain of phrases that "
                                                        "repeats a word takes at most 10 "
                                                        "operands (column 1)"));
  std::string words = "the";
  for (int i = 0; i < 10; ++i) words += " NEAR/1000 the";
  CHECK(fixture.ids(words).empty());  // single words: Xapian's own NEAR, no limit
}

TEST_CASE("an operand's words must be consecutive inside the window", "[query]") {
  QueryFixture fixture(
      {brief("split", "Split", {{"Description", "An S-400 battery. Later, s radar 400."}})});
  // All three words lie within two positions, and "s 400" occurs, but not there.
  CHECK(fixture.ids("S-400 NEAR/2 radar").empty());
  CHECK(fixture.ids("S-400 NEAR/6 radar") == Ids{"split"});
  CHECK(fixture.ids("S-400 NEAR/2 battery") == Ids{"split"});
}

TEST_CASE("trailing wildcards complete words, within a cap", "[query]") {
  CHECK(tree_of("tarif*") == "tarif*");
  CHECK(tree_of("title:sanc*") == "title:sanc*");
  check_error("ta*if", "only a trailing '*' is a wildcard");
  check_error("*", "a wildcard needs letters before '*'");
  CHECK(tree_of("anti-sh*") == "anti-sh*");
  check_error("country:C*", "wildcards do not apply to 'country:'");

  QueryFixture fixture;
  CHECK(fixture.ids("tarif*") == Ids{"mexico"});
  CHECK(fixture.ids("Sanct*") == Ids{"baltic", "letter", "turkey"});
  CHECK(fixture.ids("title:sanct*") == Ids{"letter"});
  CHECK(fixture.ids("zzz*").empty());
  QueryLimits tight;
  tight.max_wildcard_terms = 2;
  CHECK_THROWS_WITH(fixture.ids("s*", tight), Catch::Contains("wildcard matches too many words"));
}

TEST_CASE("a wildcard completes the word the analyser keeps whole", "[query]") {
  QueryFixture fixture({brief("rates", "Rates",
                              {{"Description",
                                "The U.S. rate is 2.75 in Zürich, on Yemen's note. S-300 and "
                                "S-350 units."}})});
  // "2.75" and "u.s" are one index word each; "S-400" and "two-day" two.
  CHECK(fixture.ids("2.7*") == Ids{"rates"});
  CHECK(fixture.ids("2.*") == Ids{"rates"});
  CHECK(fixture.ids("2.8*").empty());
  CHECK(fixture.ids("u.s*") == Ids{"rates"});
  CHECK(fixture.ids("U.*") == Ids{"rates"});
  CHECK(fixture.ids("s-4*") == Ids{"turkey"});
  CHECK(fixture.ids("s-40*") == Ids{"turkey"});
  CHECK(fixture.ids("s-5*").empty());
  CHECK(fixture.ids("two-d*") == Ids{"red-sea"});
  CHECK(fixture.ids("impact:two-d*") == Ids{"red-sea"});
  CHECK(fixture.ids("title:two-d*").empty());
  CHECK(fixture.ids("zür*") == Ids{"rates"});
  CHECK(fixture.ids("Gdań*") == Ids{"baltic"});
  CHECK(fixture.ids("yemen'*") == Ids{"rates"});
  CHECK(fixture.ids("!!*").empty());  // no word at all, like the query "!!"
  QueryLimits tight;
  tight.max_wildcard_terms = 1;
  CHECK(fixture.ids("s-4*", tight) == Ids{"turkey"});
  CHECK(fixture.ids("s-35*", tight) == Ids{"rates"});
  CHECK_THROWS_WITH(fixture.ids("the s-3*", tight),
                    Catch::Contains("query 'the s-3*': a wildcard matches too many words; type "
                                    "more letters before '*' (column 5)"));
  for (const std::string query : {"s-*", "C++*", "title:rock-*"}) {
    INFO(query);
    CHECK_THROWS_WITH(fixture.ids(query),
                      Catch::Contains("'" + query +
                                      "': a wildcard needs a letter or digit right "
                                      "before '*' (column"));
  }
}

TEST_CASE("a wildcard's start keeps an abbreviation's period, and the word as written", "[query]") {
  Analyser analyser;
  struct Case {
    std::string text;
    std::vector<std::string> words;
    std::optional<std::string> written;
  };
  const std::vector<Case> cases = {
      {"U.S.", {"u.s."}, "u.s"},
      {"u.s", {"u.s"}, std::nullopt},
      {"U.S.A", {"u.s.a"}, std::nullopt},
      {"e.g.", {"e.g."}, "e.g"},
      {"St.", {"st."}, "st"},
      {"2.", {"2."}, "2"},
      {"covid-19.", {"covid", "19."}, "19"},
      {"tarif", {"tarif"}, std::nullopt},
  };
  for (const Case& expected : cases) {
    INFO(expected.text);
    const auto wildcard = wildcard_words(expected.text, analyser);
    REQUIRE(wildcard);
    CHECK(wildcard->words == expected.words);
    CHECK(wildcard->written == expected.written);
  }
  CHECK_FALSE(wildcard_words("U.S..", analyser));  // ".." ends every word
}

TEST_CASE("a wildcard after an abbreviation's period finds the abbreviation", "[query]") {
  QueryFixture fixture({brief("abbreviations", "Talks in St. Petersburg",
                              {{"Description",
                                "The U.S. and the U.K. met; the U.S.A. delegation cited "
                                "sanctions, e.g. on tankers. COVID-19. cases fell."}})});
  for (const std::string query : {"U.S.*", "u.s.*", "U.S.A*", "U.S.A.*", "U.K.*", "e.g.*", "St.*",
                                  "title:st.*", "covid-19.*", "the U.K.*"}) {
    INFO(query);
    CHECK(fixture.ids(query) == Ids{"abbreviations"});
  }
  // As exact words (quoted): unquoted, "U.S." also finds the United States' other names.
  CHECK(fixture.ids("U.S.*") == fixture.ids("\"U.S.\""));
  CHECK(fixture.ids("U.K.*") == fixture.ids("\"U.K.\""));
  CHECK(fixture.ids("U.S.") == Ids{"abbreviations", "turkey"});
  CHECK(fixture.ids("desc:St.*").empty());  // "St." is only in the title
  CHECK(fixture.ids("U.S.S.*").empty());
  CHECK(fixture.ids("covid-18.*").empty());
}

TEST_CASE("filters restrict without adding weight", "[query]") {
  CHECK(tree_of("country:CN") == "country:CN");
  check_error("country:", "empty field 'country:'");
  check_error("region: europe", "empty field 'region:'");
  check_error("country:(fr OR de)", "'country:' takes one value; write country:a OR country:b");

  QueryFixture fixture;
  SECTION("countries by code, name or demonym: country: by subject, mentions: by mention") {
    CHECK(fixture.ids("country:TR") == Ids{"turkey"});
    CHECK(fixture.ids("country:turkey") == Ids{"turkey"});
    CHECK(fixture.ids("country:us").empty());  // "US sanctions" is no subject of the brief
    CHECK(fixture.ids("mentions:us") == Ids{"turkey"});
    CHECK(fixture.ids("mentions:turkish") == Ids{"turkey"});  // subjects are mentions too
    CHECK(fixture.ids("country:MX") == Ids{"mexico"});
    CHECK(fixture.ids("country:PL").empty());  // Gdańsk is a city, not a country
    CHECK(fixture.ids("mentions:PL").empty());
  }
  SECTION("regions, as named or from the countries") {
    CHECK(fixture.ids("region:\"middle east\"") == Ids{"red-sea"});
    CHECK(fixture.ids("region:Middle-East") == Ids{"red-sea"});
    CHECK(fixture.ids("region:americas") == Ids{"mexico"});
    CHECK(fixture.ids("mentions-region:americas") == Ids{"mexico", "turkey"});
    CHECK(fixture.ids("mentions-region:\"middle east\"") == Ids{"red-sea"});
  }
  SECTION("a value no table knows and no brief holds is an error naming the column") {
    const auto error_of = [&](const std::string& query) {
      try {
        (void)fixture.ids(query);
      } catch (const QueryError& error) {
        return std::string(error.what());
      }
      return std::string("no error");
    };
    CHECK_THAT(error_of("region:narnia"),
               Catch::Contains("unknown region 'narnia'; regions are Indo-Pacific, Europe, "
                               "Middle East, Africa, Americas (column 8)"));
    CHECK_THAT(error_of("region:mideast"),
               Catch::Contains("Mideast lies in the region Middle East: write "
                               "region:middle-east (column 8)"));
    CHECK_THAT(error_of("ships mentions-region:asia"), Catch::Contains("(column 23)"));
    CHECK_THAT(error_of("country:narnia"), Catch::Contains("unknown country 'narnia'"));
    CHECK_THAT(error_of("mentions:germny"),
               Catch::Contains("did you mean Germany (DE)? (column 10)"));
    CHECK_THAT(error_of("country:korea"),
               Catch::Contains("did you mean North Korea (KP) or South Korea (KR)?"));
    CHECK_THAT(error_of("country:kashmir"), Catch::Contains("is a place that is no one country"));
    CHECK_THAT(error_of("country:europe"), Catch::Contains("write region:europe"));
    CHECK_THAT(error_of("region:china"), Catch::Contains("write country:CN"));
    CHECK_THAT(error_of("mentions-region:china"), Catch::Contains("write mentions:CN"));
    CHECK(error_of("country:somaliland") == "no error");  // filed under Somalia (SO)
    CHECK(error_of("tag:nothing-has-it") == "no error");  // tags are free text
  }
  SECTION("tags, source, classification, id and sections") {
    CHECK(fixture.ids("tag:trade") == Ids{"mexico"});
    CHECK(fixture.ids("tag:STEEL") == Ids{"mexico"});
    CHECK(fixture.ids("source:\"field office\"") == Ids{"mexico"});
    CHECK(fixture.ids("classification:unclassified") == Ids{"mexico"});
    CHECK(fixture.ids("id:baltic") == Ids{"baltic"});
    CHECK(fixture.ids("id:BALTIC").empty());  // ids are exact
    CHECK(fixture.ids("section:outlook") == Ids{"mexico"});
    CHECK(fixture.ids("section:Background") == Ids{"baltic"});
  }
  SECTION("combined with words and operators") {
    CHECK(fixture.ids("sanctions country:TR") == Ids{"turkey"});
    CHECK(fixture.ids("sanctions -country:TR") == Ids{"baltic", "letter"});
    CHECK(fixture.ids("country:TR OR country:MX") == Ids{"mexico", "turkey"});
  }
  SECTION("a stop word is never an alternative that matches everything") {
    CHECK(fixture.ids("houthi OR the") == Ids{"red-sea"});
    CHECK(fixture.ids("houthi the", {}, true) == Ids{"red-sea"});
    CHECK(fixture.ids("the OR of") == Ids{"baltic", "red-sea", "turkey"});
  }
  SECTION("a filter adds no weight") {
    CHECK(fixture.ranked("sanctions") ==
          fixture.ranked("sanctions (country:TR OR NOT country:TR)"));
  }
}

TEST_CASE("dates: days, months, years, ranges, open ends and relative days", "[query]") {
  struct Case {
    std::string query;
    std::string tree;
  };
  const auto [query, tree] = GENERATE(values<Case>({
      {"date:2025-07-01..2025-07-31", "date:2025-07-01..2025-07-31"},
      {"date:2025", "date:2025-01-01..2025-12-31"},
      {"date:2024-02", "date:2024-02-01..2024-02-29"},
      {"date:2025-07..", "date:2025-07-01.."},
      {"date:..2024", "date:..2024-12-31"},
      {"date:today", "date:2025-07-15..2025-07-15"},
      {"date:yesterday", "date:2025-07-14..2025-07-14"},
      {"date:30d..", "date:2025-06-15.."},
      {"date:2w..", "date:2025-07-01.."},
      {"date:6m..", "date:2025-01-15.."},
      {"date:1y..today", "date:2024-07-15..2025-07-15"},
  }));
  INFO(query);
  CHECK(tree_of(query) == tree);
}

TEST_CASE("bad dates are errors that say what is accepted", "[query]") {
  for (const std::string query : {"date:2025-13", "date:2025-02-30", "date:July", "date:..",
                                  "date:2025..2024", "date:99999", "date:"}) {
    INFO(query);
    CHECK_THROWS_AS(parse_query(query, kToday), QueryError);
  }
  check_error("date:2025-02-30", "invalid date '2025-02-30'; use YYYY, YYYY-MM, YYYY-MM-DD");
  check_error("date:2025..2024", "ends before it starts");
  // A sign is never part of a date: "-1d" is not tomorrow, nor "1 day ago".
  check_error("date:2024..-1d",
              "invalid date '-1d': a date takes no sign; write 1d (Nd, Nw, "
              "Nm and Ny count back from today)");
  check_error("date:..+2w", "invalid date '+2w': a date takes no sign; write 2w");
  check_error("date:\"-2024\"", "invalid date '-2024': a date takes no sign; write 2024");
  check_error("date:-202", "invalid date '-202'; use YYYY");
  check_error("date:-1d..", "; to exclude dates, put '-' before the field (column 6)");

  QueryFixture fixture;
  CHECK(fixture.ids("date:2024") == Ids{"baltic", "red-sea"});
  CHECK(fixture.ids("date:2024-12") == Ids{"baltic"});
  CHECK(fixture.ids("date:..2023") == Ids{"turkey"});
  CHECK(fixture.ids("date:2025-01..") == Ids{"mexico"});
  CHECK(fixture.ids("date:30d..") == Ids{"mexico"});
  CHECK(fixture.ids("sanctions date:2019") == Ids{"turkey"});
  CHECK(fixture.ids("NOT date:2000..2030") == Ids{"letter"});  // undated
  // Whole months and years are matched by their terms, other spans by the date value:
  // both find the same briefs.
  CHECK(fixture.ids("date:2024-12-02..2024-12-31 OR date:2024-12-01") == Ids{"baltic"});
  CHECK(fixture.ids("date:2024-01-02..2024-12-31 OR date:2024-01-01..2024-01-01") ==
        fixture.ids("date:2024"));
  CHECK(fixture.ids("date:2019-07..2024-01") == Ids{"red-sea", "turkey"});
  CHECK(fixture.ids("date:1000..9999") == Ids{"baltic", "mexico", "red-sea", "turkey"});
}

TEST_CASE("with any_word (--any) briefs matching any of the words rank", "[query]") {
  CHECK(describe(parse_query("a b", kToday, {}, true)) == "(OR a b)");
  CHECK(describe(parse_query("a b AND c -d", kToday, {}, true)) ==
        "(AND (OR a (AND b c)) (NOT d))");
  QueryFixture fixture;
  CHECK(fixture.ids("houthi tariff", {}, true) == Ids{"mexico", "red-sea"});
  CHECK(fixture.ids("houthi tariff").empty());
  CHECK(fixture.ids("houthi tariff -mexico", {}, true) == Ids{"red-sea"});
}

TEST_CASE("repeated leaves are built once, and all wildcards share one cap", "[query]") {
  QueryFixture fixture;
  CHECK(fixture.ranked("ships ships ships") == fixture.ranked("ships"));
  CHECK(fixture.ranked("ship* ship* OR ship*") == fixture.ranked("ship*"));
  CHECK(fixture.ids("ships XOR ships").empty());  // a XOR a: its copies stay
  QueryLimits tight;
  tight.max_total_wildcard_terms = 3;
  CHECK_NOTHROW(fixture.ids("tank*", tight));
  CHECK_THROWS_WITH(fixture.ids("tank* ship* sanction* tariff*", tight),
                    Catch::Contains("the query's wildcards match more than 3 words together") &&
                        Catch::Contains("(column"));
  // 256 copies of one wildcard are one wildcard.
  std::string copies;
  for (int i = 0; i < 256; ++i) copies += "ship* ";
  CHECK(fixture.ids(copies, tight) == fixture.ids("ship*"));
}

TEST_CASE("with any_word (--any) filters, dates and negations still restrict", "[query]") {
  CHECK(describe(parse_query("a b date:2023..", kToday, {}, true)) ==
        "(AND (OR a b) date:2023-01-01..)");
  CHECK(describe(parse_query("a country:ye b", kToday, {}, true)) == "(AND (OR a b) country:ye)");
  CHECK(describe(parse_query("a (country:ye OR -tag:x) b", kToday, {}, true)) ==
        "(AND (OR a b) (OR country:ye (NOT tag:x)))");
  // A group with a word in it stays an alternative; so does a filter bound by AND.
  CHECK(describe(parse_query("a (b OR country:ye)", kToday, {}, true)) ==
        "(OR a (OR b country:ye))");
  CHECK(describe(parse_query("a b AND country:ye", kToday, {}, true)) ==
        "(OR a (AND b country:ye))");
  CHECK(describe(parse_query("country:ye date:2024", kToday, {}, true)) ==
        "(AND country:ye date:2024-01-01..2024-12-31)");
  QueryFixture fixture;
  // Without the rule every brief with "sanctions" or "steel" would match, whatever its date.
  CHECK(fixture.ids("sanctions steel date:2025", {}, true) == Ids{"mexico"});
  CHECK(fixture.ids("houthi tariff region:\"middle east\"", {}, true) == Ids{"red-sea"});
}

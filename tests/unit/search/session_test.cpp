#include "common/search/session.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "common/base/errors.h"
#include "common/index/incremental.h"
#include "common/store/database.h"
#include "common/store/schema.h"
#include "tests/support/choice_tables.h"
#include "tests/support/temporary_folder.h"

using namespace briefsearch;
using briefsearch::testing::check_choice_rows;
using briefsearch::testing::TemporaryFolder;

namespace {

using Json = nlohmann::json;

Json record(const std::string& id, const std::string& title, const std::string& date,
            const std::string& text) {
  Json brief = {{"id", id}, {"title", title}, {"description", text}};
  if (!date.empty()) brief["date"] = date;
  return brief;
}

// 1,200 distinct words starting "zq", more than a wildcard may expand to (QueryLimits).
std::string many_zq_words() {
  std::string text;
  for (char a = 'a'; a <= 'z'; ++a) {
    for (char b = 'a'; b <= 'z'; ++b) {
      for (char c = 'a'; c <= 'b'; ++c) text += std::string("zq") + a + b + c + "x ";
    }
  }
  return text;
}

// Briefs in a JSON Lines file, indexed into a database in a temporary folder by
// index_incrementally, as brief-index indexes them (spelling table included).
class IndexedBriefs {
 public:
  IndexedBriefs() {
    std::vector<Json> briefs = {
        record("red-sea", "Red Sea: Houthi Attacks Divert Shipping", "2024-01-15",
               "Houthi attacks on ships brought sanctions on the rebels."),
        record("baltic", "Baltic Sea: Cable Damage", "2024-12-27",
               "A tanker dragged its anchor; sanctions on the shadow fleet."),
        record("turkey", "Turkey: S-400 Dispute", "2019-07-12",
               "Ankara bought the S-400 system; US sanctions followed."),
        record("mexico", "Mexico: Tariff Talks", "2025-07-01",
               "Tariffs on steel. Ships wait at ports."),
        record("letter", "Letter: Questions", "", "Readers wrote about sanctions on steel."),
        record("wordy", "Word List", "2020-02-02", many_zq_words()),
    };
    briefs[0]["countries"] = {"Yemen"};
    briefs[0]["tags"] = {"Shipping", "Security"};
    briefs[0]["source"] = "Desk A";
    briefs[1]["countries"] = {"Finland", "Estonia"};
    briefs[1]["tags"] = {"Infrastructure"};
    briefs[1]["source"] = "Desk B";
    briefs[2]["countries"] = {"Turkey"};
    briefs[2]["tags"] = {"Security"};
    briefs[2]["source"] = "Desk A";
    briefs[3]["region"] = "Americas";
    std::ofstream file(folder_ / "briefs.jsonl");
    for (const Json& brief : briefs) file << brief.dump() << '\n';
    file.close();
    IndexOptions options;
    options.inputs = {folder_ / "briefs.jsonl"};
    Xapian::WritableDatabase writer = open_for_writing(folder_ / "db");
    (void)index_incrementally(writer, options, [](const ParseIssue&, bool) {});
    writer.close();
    database_ = open_for_reading({folder_ / "db"});
  }

  SearchReport answer(const std::string& query, SessionOptions options = {}) {
    if (!options.today) options.today = CalendarDate::from_parts(2025, 7, 15);
    SearchSession session(database_, std::move(options));
    return session.answer(query);
  }

  SearchReport stream(const std::string& query, SessionOptions options, const HitSink& sink) {
    if (!options.today) options.today = CalendarDate::from_parts(2025, 7, 15);
    SearchSession session(database_, std::move(options));
    return session.answer(query, sink);
  }

  std::vector<std::string> ids(const std::string& query, SessionOptions options = {}) {
    std::vector<std::string> found;
    for (const Hit& hit : answer(query, std::move(options)).results.hits) found.push_back(hit.id);
    return found;
  }

 private:
  TemporaryFolder folder_;
  Xapian::Database database_;
};

SessionOptions with_sort(SortOrder order) {
  SessionOptions options;
  options.sort = order;
  return options;
}

SessionOptions with_facet(Facet facet) {
  SessionOptions options;
  options.search.facets = {facet};
  options.search.limit = 1;
  return options;
}

std::map<std::string, Xapian::doccount> counts_of(const std::vector<FacetCount>& counts) {
  std::map<std::string, Xapian::doccount> by_value;
  for (const FacetCount& count : counts) by_value[count.value] = count.count;
  return by_value;
}

std::string query_error_of(IndexedBriefs& briefs, const std::string& query,
                           SessionOptions options = {}) {
  try {
    (void)briefs.answer(query, std::move(options));
  } catch (const QueryError& error) {
    return error.what();
  }
  return "no QueryError";
}

}  // namespace

TEST_CASE("a session answers with hits, totals and what it parsed", "[search][session]") {
  IndexedBriefs briefs;
  const SearchReport report = briefs.answer("sanctions");
  CHECK(report.query == "sanctions");
  CHECK(report.results.total == 4);
  CHECK(report.results.total_exact);
  REQUIRE(report.results.hits.size() == 4);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < report.results.hits.size(); ++i) {
    const Hit& hit = report.results.hits[i];
    CHECK(hit.rank == i + 1);
    CHECK(hit.score > 0);
    CHECK_THAT(hit.snippet, Catch::Contains("sanctions"));
    ids.insert(hit.id);
  }
  CHECK(ids == std::set<std::string>{"baltic", "letter", "red-sea", "turkey"});
  CHECK(report.options.sort == SortOrder::kRelevance);
  CHECK(report.parsed_query == "sanctions");
  CHECK_THAT(report.xapian_query, Catch::Contains("Zsanction"));
  CHECK_FALSE(report.suggestion);
  CHECK(briefs.answer("Houthi").results.hits.front().title ==
        "Red Sea: Houthi Attacks Divert Shipping");
}

TEST_CASE("a session sorts newest first when the query has no words to rank by",
          "[search][session]") {
  IndexedBriefs briefs;
  const SearchReport filters_only = briefs.answer("date:2019..2024");
  CHECK(filters_only.options.sort == SortOrder::kNewest);
  CHECK(briefs.ids("date:2019..2024") ==
        std::vector<std::string>{"baltic", "red-sea", "wordy", "turkey"});
  CHECK(briefs.answer("date:2019..2024", with_sort(SortOrder::kOldest)).options.sort ==
        SortOrder::kOldest);
  CHECK(briefs.answer("date:2019..2024 sanctions").options.sort == SortOrder::kRelevance);
  // Relative dates count from the session's today (2025-07-15 unless set).
  CHECK(briefs.ids("date:30d..") == std::vector<std::string>{"mexico"});
  SessionOptions earlier;
  earlier.today = CalendarDate::from_parts(2024, 12, 31);
  CHECK(briefs.ids("date:7d..", earlier) == std::vector<std::string>{"mexico", "baltic"});
}

TEST_CASE("every sort order of kSortOrders is one the session applies", "[search][session]") {
  IndexedBriefs briefs;
  check_choice_rows(kSortOrders, sort_order_named);
  for (const auto& row : kSortOrders) {
    INFO(row.name);
    const std::vector<std::string> ids = briefs.ids("sanctions", with_sort(row.value));
    switch (row.value) {
      case SortOrder::kRelevance: {
        const auto hits = briefs.answer("sanctions", with_sort(row.value)).results.hits;
        for (std::size_t h = 1; h < hits.size(); ++h) CHECK(hits[h - 1].score >= hits[h].score);
        break;
      }
      case SortOrder::kNewest:
        CHECK(ids == std::vector<std::string>{"baltic", "red-sea", "turkey", "letter"});
        break;
      case SortOrder::kOldest:
        CHECK(ids == std::vector<std::string>{"letter", "turkey", "red-sea", "baltic"});
        break;
    }
  }
  CHECK_FALSE(sort_order_named("Newest"));
  CHECK_FALSE(sort_order_named("best"));
}

TEST_CASE("every facet of kFacets counts its values over all matches", "[search][session]") {
  IndexedBriefs briefs;
  check_choice_rows(kFacets, facet_named);
  for (const auto& row : kFacets) {
    INFO(row.name);
    CHECK(facet_name(row.value) == row.name);
    const SearchReport report = briefs.answer("sanctions", with_facet(row.value));
    CHECK(report.results.hits.size() == 1);  // one hit shown, every match counted
    REQUIRE(report.results.facets.count(row.value) == 1);
    const auto counts = counts_of(report.results.facets.at(row.value));
    using Counts = std::map<std::string, Xapian::doccount>;
    switch (row.value) {
      case Facet::kCountry:
        // By subject: the metadata's countries.
        CHECK(counts == Counts{{"EE", 1}, {"FI", 1}, {"TR", 1}, {"YE", 1}});
        CHECK(report.results.facets.at(row.value).front().name == "Estonia");
        break;
      case Facet::kRegion:
        CHECK(counts == Counts{{"Europe", 2}, {"Middle East", 1}});
        break;
      case Facet::kMentions:
        // Turkey's "US sanctions" names the United States.
        CHECK(counts == Counts{{"EE", 1}, {"FI", 1}, {"TR", 1}, {"US", 1}, {"YE", 1}});
        break;
      case Facet::kMentionsRegion:
        CHECK(counts == Counts{{"Americas", 1}, {"Europe", 2}, {"Middle East", 1}});
        break;
      case Facet::kYear:
        CHECK(counts == Counts{{"2019", 1}, {"2024", 2}});
        break;
      case Facet::kMonth:
        CHECK(counts == Counts{{"2019-07", 1}, {"2024-01", 1}, {"2024-12", 1}});
        break;
      case Facet::kTag:
        CHECK(counts == Counts{{"infrastructure", 1}, {"security", 2}, {"shipping", 1}});
        break;
      case Facet::kSource:
        CHECK(counts == Counts{{"Desk A", 2}, {"Desk B", 1}});
        break;
    }
  }
  CHECK_FALSE(facet_named("colour"));
}

TEST_CASE("a session pages through the ranked matches", "[search][session]") {
  IndexedBriefs briefs;
  SessionOptions all = with_sort(SortOrder::kNewest);
  const std::vector<std::string> every = briefs.ids("sanctions", all);
  SessionOptions page = all;
  page.search.offset = 1;
  page.search.limit = 2;
  const SearchReport second_page = briefs.answer("sanctions", page);
  CHECK(second_page.results.total == 4);
  REQUIRE(second_page.results.hits.size() == 2);
  CHECK(second_page.results.hits[0].rank == 2);
  CHECK(second_page.results.hits[0].id == every[1]);
  CHECK(second_page.results.hits[1].rank == 3);
  CHECK(second_page.results.hits[1].id == every[2]);
  SessionOptions past_the_end = all;
  past_the_end.search.offset = 10;
  const SearchReport nothing_shown = briefs.answer("sanctions", past_the_end);
  CHECK(nothing_shown.results.hits.empty());
  CHECK(nothing_shown.results.total == 4);
  SessionOptions count_only;
  count_only.search.limit = 0;
  count_only.search.exact_total = true;
  const SearchReport counted = briefs.answer("sanctions", count_only);
  CHECK(counted.results.hits.empty());
  CHECK(counted.results.total == 4);
  CHECK(counted.results.total_exact);
}

TEST_CASE("a streamed session hands every hit to the sink, in order, until it says stop",
          "[search][session]") {
  IndexedBriefs briefs;
  SessionOptions all = with_sort(SortOrder::kNewest);
  all.search.limit = kAllMatches;
  const SearchReport kept = briefs.answer("sanctions", all);
  REQUIRE(kept.results.hits.size() == 4);
  std::vector<Hit> streamed;
  const SearchReport report = briefs.stream("sanctions", all, [&](const Hit& hit) {
    streamed.push_back(hit);
    return true;
  });
  CHECK(report.results.hits.empty());  // handed over, not kept
  CHECK(report.results.total == 4);
  CHECK(report.results.total_exact);  // every match was seen
  REQUIRE(streamed.size() == 4);
  for (std::size_t i = 0; i < streamed.size(); ++i) {
    CHECK(streamed[i].rank == i + 1);
    CHECK(streamed[i].id == kept.results.hits[i].id);
  }
  std::size_t taken = 0;
  (void)briefs.stream("sanctions", all, [&](const Hit&) { return ++taken < 2; });
  CHECK(taken == 2);
  all.search.offset = 3;
  taken = 0;
  (void)briefs.stream("sanctions", all, [&](const Hit& hit) {
    CHECK(hit.rank == 4);
    return ++taken > 0;
  });
  CHECK(taken == 1);
}

TEST_CASE("a session offers a respelling only when it finds briefs", "[search][session]") {
  IndexedBriefs briefs;
  const SearchReport misspelt = briefs.answer("sanctoins");
  CHECK(misspelt.results.total == 0);
  CHECK(misspelt.suggestion == "sanctions");
  CHECK(briefs.answer("housthi attacks").suggestion == "houthi attacks");
  // "sanctions tariffs" finds nothing, so it is not offered.
  CHECK_FALSE(briefs.answer("sanctoins tariffs").suggestion);
  CHECK_FALSE(briefs.answer("sanctions").suggestion);
  CHECK_FALSE(briefs.answer("qqqqzzzz").suggestion);
}

TEST_CASE("a session finds briefs like one, and --any widens the words", "[search][session]") {
  IndexedBriefs briefs;
  SessionOptions like;
  like.like = "baltic";
  const std::vector<std::string> similar = briefs.ids("", like);
  CHECK_FALSE(similar.empty());
  CHECK(std::find(similar.begin(), similar.end(), "baltic") == similar.end());
  CHECK(briefs.answer("", like).options.sort == SortOrder::kRelevance);
  CHECK(briefs.ids("date:2024", like) == std::vector<std::string>{"red-sea"});
  CHECK(briefs.answer("").results.total == 0);
  CHECK(briefs.ids("houthi tariffs").empty());
  SessionOptions any;
  any.any_word = true;
  const std::vector<std::string> either = briefs.ids("houthi tariffs", any);
  CHECK(std::set<std::string>(either.begin(), either.end()) ==
        std::set<std::string>{"mexico", "red-sea"});
}

TEST_CASE("a session's errors name the query and the column", "[search][session]") {
  IndexedBriefs briefs;
  CHECK_THAT(query_error_of(briefs, "(sanctions"),
             Catch::StartsWith("query '(sanctions': ") && Catch::Contains("(column "));
  CHECK(query_error_of(briefs, "zq*") ==
        "query 'zq*': a wildcard matches too many words; type more letters before '*' "
        "(column 1)");
  CHECK(query_error_of(briefs, "ships OR zq*") ==
        "query 'ships OR zq*': a wildcard matches too many words; type more letters before "
        "'*' (column 10)");
  SessionOptions unknown;
  unknown.like = "no/such/brief";
  CHECK(query_error_of(briefs, "", unknown) ==
        "--like: no brief has the id or path 'no/such/brief' (as a path: " +
            (std::filesystem::current_path() / "no/such/brief").string() + ")");
}

TEST_CASE("a session refuses a database that another version swapped in while it ran",
          "[search][session]") {
  // brief-index --full swaps a rebuilt database into place (renameat2 RENAME_EXCHANGE); one
  // rebuilt by another version would be read with the wrong analyser, silently.
  TemporaryFolder folder;
  {
    std::ofstream file(folder / "briefs.jsonl");
    file << record("red-sea", "Red Sea: Houthi Attacks", "2024-01-15", "Sanctions on ships.")
         << '\n';
  }
  const auto build = [&](const std::filesystem::path& path, const std::string& schema) {
    IndexOptions options;
    options.inputs = {folder / "briefs.jsonl"};
    Xapian::WritableDatabase writer = open_for_writing(path);
    (void)index_incrementally(writer, options, [](const ParseIssue&, bool) {});
    if (!schema.empty()) writer.set_metadata(std::string(kSchemaVersionKey), schema);
    writer.commit();
  };
  build(folder / "db", "");
  Xapian::Database database = open_for_reading({folder / "db"});
  SessionOptions options;
  options.database_name = "DBNAME";
  SearchSession session(database, options);
  CHECK(session.answer("sanctions").results.total == 1);

  SECTION("a rebuild of the same version is read on") {
    build(folder / "next", "");
    std::filesystem::rename(folder / "db", folder / "old");
    std::filesystem::rename(folder / "next", folder / "db");
    CHECK(session.answer("sanctions").results.total == 1);
  }
  SECTION("a rebuild of another version is a database error naming it") {
    build(folder / "next", "99");
    std::filesystem::rename(folder / "db", folder / "old");
    std::filesystem::rename(folder / "next", folder / "db");
    try {
      (void)session.answer("sanctions");
      FAIL("no error");
    } catch (const DatabaseError& error) {
      CHECK_THAT(error.what(), Catch::StartsWith("DBNAME, rebuilt while this program was "
                                                 "reading it: schema version 99, this "
                                                 "program needs "));
    }
  }
}

// Relaxation (common/search/relaxation.h) on a small real database: which level it keeps,
// what it reports, and that restrictions are never dropped.
#include "common/search/relaxation.h"

#include <catch2/catch.hpp>

#include "tests/unit/query/query_fixture.h"

using namespace briefsearch;
using namespace briefsearch::testing;

namespace {

struct Relaxed {
  Relaxation relaxation;
  Ids ids;  // the relaxed search's hits, sorted
};

Relaxed relaxed(QueryFixture& fixture, const std::string& query) {
  Analyser analyser;
  const auto parts = required_parts(parse_query(query, kToday), analyser);
  REQUIRE(parts);
  RelaxedSearch search = relax(*parts, query, fixture.database(), analyser);
  Relaxed result{std::move(search.relaxation), {}};
  SearchOptions options;
  options.limit = 100;
  for (const Hit& hit : run_search(fixture.database(), search.query, {}, options, analyser).hits)
    result.ids.push_back(hit.id);
  std::sort(result.ids.begin(), result.ids.end());
  return result;
}

}  // namespace

TEST_CASE("relaxation keeps the most words any brief has", "[search][relaxation]") {
  QueryFixture fixture;
  // mexico has ships, tariffs, steel and ports; the letter only steel and sanctions.
  const Relaxed four = relaxed(fixture, "ships tariffs steel ports sanctions");
  CHECK(four.relaxation.minimum_should_match == 4);
  CHECK(four.ids == Ids{"mexico"});
  CHECK(four.relaxation.unmatched.empty());
  CHECK(four.relaxation.words.size() == 5);
  // No brief has sanctions, steel and tariffs: two of them.
  const Relaxed two = relaxed(fixture, "sanctions steel tariffs");
  CHECK(two.relaxation.minimum_should_match == 2);
  CHECK(two.ids == Ids{"letter", "mexico"});
}

TEST_CASE("relaxation names the words that match nothing and the query to try",
          "[search][relaxation]") {
  QueryFixture fixture;
  const Relaxed xylophone = relaxed(fixture, "houthi xylophone the");
  CHECK(xylophone.relaxation.words == std::vector<std::string>{"houthi", "xylophone"});
  CHECK(xylophone.relaxation.unmatched == std::vector<std::string>{"xylophone"});
  CHECK(xylophone.relaxation.without_unmatched == "houthi");
  CHECK(xylophone.ids == Ids{"red-sea"});
  // Without the unmatched word nothing is found either: no query to try.
  const Relaxed none = relaxed(fixture, "sanctions steel tariffs xylophone");
  CHECK(none.relaxation.unmatched == std::vector<std::string>{"xylophone"});
  CHECK_FALSE(none.relaxation.without_unmatched);
  CHECK(none.relaxation.minimum_should_match == 2);
  // The parts as written, in the order written: a group keeps its parentheses, so the
  // query to try means what the parts meant, and a negation its '-'.
  const Relaxed grouped = relaxed(fixture, "(houthi OR tanker) xylophone -letter");
  CHECK(grouped.relaxation.without_unmatched == "(houthi OR tanker) -letter");
  CHECK(grouped.relaxation.restrictions == std::vector<std::string>{"-letter"});
  const Relaxed typed = relaxed(fixture, "-letter  desc:ships AND xylophone date:2024");
  CHECK(typed.relaxation.words == std::vector<std::string>{"desc:ships", "xylophone"});
  CHECK(typed.relaxation.without_unmatched == "-letter desc:ships date:2024");
  // Nothing matches any word.
  const Relaxed nothing = relaxed(fixture, "xylophone quokka");
  CHECK(nothing.relaxation.minimum_should_match == 0);
  CHECK(nothing.ids.empty());
}

TEST_CASE("relaxation never drops filters, dates or negations", "[search][relaxation]") {
  QueryFixture fixture;
  // The letter has sanctions and steel, but is undated; turkey (2019) has sanctions only.
  const Relaxed dated = relaxed(fixture, "sanctions steel date:2019");
  CHECK(dated.relaxation.filters_exclude_all);
  CHECK(dated.relaxation.minimum_should_match == 1);
  CHECK(dated.ids == Ids{"turkey"});
  const Relaxed negated = relaxed(fixture, "sanctions steel tariffs -letter");
  CHECK(negated.ids == Ids{"mexico"});
  CHECK(negated.relaxation.words.size() == 3);
  const Relaxed filtered = relaxed(fixture, "ships tariffs houthi tag:trade");
  CHECK(filtered.ids == Ids{"mexico"});
  // A single word is only diagnosed.
  const Relaxed one = relaxed(fixture, "houthi date:2019");
  CHECK(one.relaxation.filters_exclude_all);
  CHECK(one.relaxation.minimum_should_match == 0);
  CHECK(one.ids.empty());
}

TEST_CASE("relaxation keeps a country's name of several words as one word",
          "[search][relaxation]") {
  // "united" and "states" alone would each count as a word kept: the Turkey brief (about
  // the United States' sanctions, "US") would match "states" nowhere, and a brief saying
  // "united" in passing would count one word of the name.
  QueryFixture fixture(
      {brief("un", "United Nations: Vote", {{"Description", "The states united."}})});
  for (const auto& [query, words] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"united states sanctions xylophone", {"united states", "sanctions", "xylophone"}},
           {"sanctions republic of turkey xylophone",
            {"sanctions", "republic of turkey", "xylophone"}},
           {"sanctions turkey xylophone", {"sanctions", "turkey", "xylophone"}},
       }) {
    INFO(query);
    const Relaxed result = relaxed(fixture, query);
    CHECK(result.relaxation.words == words);
    CHECK(result.relaxation.unmatched == std::vector<std::string>{"xylophone"});
  }
  // The name is one word of the query to try, written as typed.
  const Relaxed name = relaxed(fixture, "united states sanctions xylophone");
  CHECK(name.relaxation.without_unmatched == "united states sanctions");
  CHECK(name.ids == Ids{"turkey"});
}

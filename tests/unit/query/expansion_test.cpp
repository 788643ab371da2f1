// What plain words mean beyond their letters (common/query/expansion.h), and how the
// builder matches those meanings on a real database.
#include "common/query/expansion.h"

#include <catch2/catch.hpp>

#include "tests/unit/query/query_fixture.h"

using namespace briefsearch;
using namespace briefsearch::testing;

namespace {

QueryNode word(const std::string& text) {
  QueryNode node;
  node.text = text;
  return node;
}

std::string period_of(const std::string& text, std::optional<int> year = std::nullopt) {
  Analyser analyser;
  const WordMeaning meaning = meaning_of(word(text), analyser, year);
  if (!meaning.period) return "none";
  return meaning.period->from->iso() + ".." + meaning.period->to->iso();
}

bool has_name(const WordMeaning& meaning, const std::vector<std::string>& name) {
  return std::find(meaning.country_names.begin(), meaning.country_names.end(), name) !=
         meaning.country_names.end();
}

}  // namespace

TEST_CASE("years, months and days written as words name periods", "[query][expansion]") {
  CHECK(period_of("2024") == "2024-01-01..2024-12-31");
  CHECK(period_of("1900") == "1900-01-01..1900-12-31");
  CHECK(period_of("2099") == "2099-01-01..2099-12-31");
  CHECK(period_of("1899") == "none");  // "1500 troops": numbers stay numbers
  CHECK(period_of("2100") == "none");
  CHECK(period_of("2024-02") == "2024-02-01..2024-02-29");
  CHECK(period_of("2024-13") == "none");
  CHECK(period_of("2024-06-15") == "2024-06-15..2024-06-15");
  CHECK(period_of("2023-02-29") == "none");
  CHECK(period_of("20240") == "none");
  // A month's name only beside a year.
  CHECK(period_of("june") == "none");
  CHECK(period_of("June", 2025) == "2025-06-01..2025-06-30");
  CHECK(period_of("sept", 2024) == "2024-09-01..2024-09-30");
  CHECK(period_of("junes", 2025) == "none");
}

TEST_CASE("the year beside a word is a plain year word among its siblings", "[query][expansion]") {
  const QueryNode tree = parse_query("ceasefire june 2025 title:2024 march", kToday);
  REQUIRE(tree.children.size() == 5);
  CHECK(year_beside(tree.children, 1) == 2025);
  CHECK(year_beside(tree.children, 2) == std::nullopt);
  CHECK(year_beside(tree.children, 0) == std::nullopt);
  CHECK(year_beside(tree.children, 4) == std::nullopt);  // title:2024 is a field word
}

TEST_CASE("a word naming a country means its other names", "[query][expansion]") {
  Analyser analyser;
  const WordMeaning venezuela = meaning_of(word("venezuela"), analyser);
  CHECK(venezuela.country == "VE");
  CHECK(has_name(venezuela, {"venezuelan"}));
  CHECK_FALSE(has_name(venezuela, {"venezuela"}));  // the word itself is searched as written
  const WordMeaning venezuelan = meaning_of(word("Venezuelan"), analyser);
  CHECK(venezuelan.country == "VE");
  CHECK(has_name(venezuelan, {"venezuela"}));
  // One synonym per stem: "russian" and "russians" are one.
  const WordMeaning russia = meaning_of(word("russia"), analyser);
  CHECK(has_name(russia, {"russian", "federation"}));
  CHECK(has_name(russia, {"russian"}) != has_name(russia, {"russians"}));
  // Exact-case short forms are no query synonyms; "US" still names the country.
  const WordMeaning us = meaning_of(word("US"), analyser);
  CHECK(us.country == "US");
  CHECK_FALSE(has_name(us, {"us"}));
  CHECK(has_name(us, {"united", "states"}));
  // Two-letter codes written as words, stop words, field words and phrases name nothing.
  for (const char* text : {"de", "no", "at", "the", "oil"}) {
    INFO(text);
    CHECK(meaning_of(word(text), analyser).empty());
  }
  QueryNode in_title = word("russia");
  in_title.field = kTitleField;
  CHECK(meaning_of(in_title, analyser).empty());
  QueryNode phrase = word("russia");
  phrase.kind = QueryNode::Kind::kPhrase;
  CHECK(meaning_of(phrase, analyser).empty());
}

TEST_CASE("meanings are matched beside the word, and the word as written ranks first",
          "[query][expansion]") {
  QueryFixture fixture({brief("ankara", "Ankara Notes", {{"Description", "Turkish envoys met."}})});
  // "turkey" finds the brief that says "Turkish", below the one that says "Turkey".
  CHECK(fixture.ranked("turkey") == Ids{"turkey", "ankara"});
  CHECK(fixture.ids("turkish") == Ids{"ankara", "turkey"});
  CHECK(fixture.ids("\"turkey\"") == Ids{"turkey"});
  // The Turkey brief is dated 2019 and never says so; mexico is dated July 2025.
  CHECK(fixture.ids("sanctions 2019") == Ids{"turkey"});
  CHECK(fixture.ids("tariffs july 2025") == Ids{"mexico"});
  CHECK(fixture.ids("steel 2025-07") == Ids{"mexico"});
  CHECK(fixture.ids("steel 2024").empty());
  CHECK(fixture.ids("sanctions -2019") == Ids{"baltic", "letter"});
}

TEST_CASE("a brief about the country scores by every name, one that mentions it by the word",
          "[query][expansion]") {
  Brief about = brief("tr-profile", "Ankara Talks",
                      {{"Description",
                        "Turkish envoys met. Turkish "
                        "officials and envoys spoke."}});
  about.metadata.countries = {"Türkiye"};  // about Turkey, never saying "Turkey"
  const Brief mentions = brief(
      "athens", "Athens Talks",
      {{"Description", "Greek envoys met. Greek officials and envoys spoke of Turkish ships."}});
  QueryFixture fixture({about, mentions});
  // The Turkey brief says the word; the brief about Turkey scores by its other names; the
  // one that only mentions it by another name matches, below both.
  // (Hits of equal score come in id order, which would put "athens" first.)
  CHECK(fixture.ranked("turkey") == Ids{"turkey", "tr-profile", "athens"});
  CHECK(fixture.ranked("turkey envoys") == Ids{"tr-profile", "athens"});
  CHECK(fixture.ranked("turkish envoys") == Ids{"tr-profile", "athens"});
}

TEST_CASE("'may' or 'march' beside a year is the month only near the year in the text",
          "[query][expansion]") {
  Brief verb = brief("verb", "Steel Outlook", {{"Description", "Mills may close in 2025."}});
  Brief month = brief("month", "Steel Mills", {{"Description", "Mills closed on May 12, 2025."}});
  Brief dated = brief("dated", "Steel Notes", {{"Description", "Mills may close."}});
  dated.date = CalendarDate::from_parts(2025, 5, 20);
  Brief june = brief("june", "Steel in June", {{"Description", "In June the mills met. 2025."}});
  QueryFixture fixture({verb, month, dated, june});
  Analyser analyser;
  // "may" near 2025, or dated May 2025; never the verb with the year elsewhere.
  CHECK(fixture.ids("mills may 2025") == Ids{"dated", "month"});
  CHECK(fixture.ids("mills mar 2025").empty());
  // Other months' names match anywhere, with the year anywhere or the date.
  CHECK(fixture.ids("mills june 2025") == Ids{"june"});
  const QueryNode tree = parse_query("mills may 2025", kToday);
  CHECK(meaning_of(tree.children[1], analyser, 2025).beside_year == 2025);
  CHECK_FALSE(meaning_of(parse_query("june", kToday), analyser, 2025).beside_year);
}

TEST_CASE("explain notes list each word that means more", "[query][expansion]") {
  Analyser analyser;
  const auto notes = meaning_notes(
      parse_query("houthi june 2024 \"2023\" title:2022 a NEAR 2021", kToday), analyser);
  CHECK(notes == std::vector<std::string>{"june: also briefs dated 2024-06-01..2024-06-30",
                                          "2024: also briefs dated 2024-01-01..2024-12-31"});
}

TEST_CASE("a stop word that names a country in capitals is noted as left out",
          "[query][expansion]") {
  Analyser analyser;
  CHECK(
      meaning_notes(parse_query("us tariffs", kToday), analyser) ==
      std::vector<std::string>{"us: a common word, left out; written US it names the country US"});
  // Written in capitals it is the country; other stop words say nothing.
  CHECK(meaning_notes(parse_query("US tariffs", kToday), analyser).front().starts_with("US: also"));
  CHECK(meaning_notes(parse_query("the tariffs", kToday), analyser).empty());
  CHECK(meaning_of(parse_query("us", kToday), analyser).empty());
}

TEST_CASE("plain words side by side may name a country together", "[query][expansion]") {
  Analyser reader;
  const auto words_at = [&](const std::string& query, std::size_t index) {
    return country_name_words(parse_query(query, kToday).children, index, reader);
  };
  CHECK(words_at("north korea sanctions", 0) == 2);
  CHECK(words_at("north korea sanctions", 1) == 0);  // "korea" alone names no country
  CHECK(words_at("sanctions republic of korea", 1) == 3);
  CHECK(words_at("united states of america trade", 0) == 4);
  CHECK(words_at("north title:korea x", 0) == 0);
  CHECK(words_at("north \"korea\" x", 0) == 0);
  Analyser analyser;
  const QueryNode tree = parse_query("north korea sanctions", kToday);
  const WordMeaning meaning = meaning_of_name(tree.children, 0, 2, analyser);
  CHECK(meaning.country == "KP");
  CHECK(has_name(meaning, {"north", "korean"}));
  CHECK_FALSE(has_name(meaning, {"north", "korea"}));
  CHECK(meaning_notes(tree, analyser).front().starts_with("north korea: also "));

  QueryFixture fixture(
      {brief("dprk", "Pyongyang Notes", {{"Description", "North Korean envoys."}}),
       brief("north", "Northern Ports", {{"Description", "Korea's north coast."}})});
  CHECK(fixture.ids("north korea") == Ids{"dprk", "north"});
  CHECK(fixture.ids("north korean") == Ids{"dprk"});
  CHECK(fixture.ranked("north korea").front() == "north");  // the words as written first
}

TEST_CASE("a word the query excludes earns no title or lead boost, nor other names' weight",
          "[query][expansion]") {
  QueryFixture fixture;
  Analyser analyser;
  const auto built = [&](const std::string& query) {
    return build_xapian_query(parse_query(query, kToday), query, fixture.database(), analyser)
        .get_description();
  };
  CHECK_THAT(built("ships houthi"), Catch::Contains("FILTER Shouthi"));
  CHECK_THAT(built("ships -houthi"), !Catch::Contains("FILTER Shouthi"));
  // A country's title and lead boosts are over the briefs it leads (XP).
  CHECK_THAT(built("ships NOT (houthi OR turkey)"),
             !Catch::Contains("FILTER Shouthi") && !Catch::Contains("FILTER XPtr"));
  CHECK_THAT(built("ships turkey"), Catch::Contains("FILTER XPtr"));
  CHECK_THAT(built("ships -turkey"), !Catch::Contains("FILTER XPtr"));
  // Nor does it score the brief's other names of the country.
  CHECK_THAT(built("ships turkey"), Catch::Contains("XAtr AND_NOT Zturkey"));
  CHECK_THAT(built("ships -turkey"), !Catch::Contains("XAtr"));
}

#include "common/analysis/subjects.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/analysis/edit_distance.h"

namespace briefsearch {
namespace {

using Codes = std::vector<std::string>;
using Body = std::vector<BodyMention>;

// Mentions of the codes, in this order, all in one section (the first by default).
Body named(std::initializer_list<const char*> codes, std::size_t section = 0) {
  Body body;
  for (const char* code : codes) body.push_back({code, section});
  return body;
}

Body operator+(Body first, const Body& then) {
  first.insert(first.end(), then.begin(), then.end());
  return first;
}

TEST_CASE("the metadata's countries are the subjects when it gives any", "[subjects]") {
  const CountryEvidence evidence{
      {"CA", "US", "CA"}, {"MX"}, {"MX"}, named({"MX", "MX", "MX", "MX"})};
  CHECK(subject_countries(evidence) == Codes{"CA", "US"});
  CHECK(mentioned_countries(evidence) == Codes{"CA", "US", "MX"});
}

TEST_CASE("else the title's countries, with the body's dominant companions", "[subjects]") {
  SECTION("a companion named three times and half as often as the most named") {
    const CountryEvidence evidence{
        {}, {"PH"}, {"PH"}, named({"CN", "PH", "CN", "JP", "PH", "CN", "PH", "PH"})};
    CHECK(subject_countries(evidence) == Codes{"PH", "CN"});
  }
  SECTION("named twice is not enough beside a title") {
    const CountryEvidence evidence{{}, {"KE"}, {"KE"}, named({"KE", "HT", "KE", "HT"})};
    CHECK(subject_countries(evidence) == Codes{"KE"});
  }
  SECTION("named three times but under half the top country's count") {
    const CountryEvidence evidence{{}, {"SY"}, {"SY"}, Body(7, {"SY"})};
    CountryEvidence with_jordan = evidence;
    with_jordan.body = with_jordan.body + named({"JO", "JO", "JO"});
    CHECK(subject_countries(with_jordan) == Codes{"SY"});
    with_jordan.body.push_back({"JO"});  // 4 of 7: over half
    CHECK(subject_countries(with_jordan) == Codes{"SY", "JO"});
  }
  SECTION("a country named in the headline, not the label, must dominate the body") {
    // "Iran: Ceasefire Halts Twelve-Day War After US Strikes"
    const CountryEvidence passing{
        {},
        {"IR", "US"},
        {"IR"},
        named({"IR", "IL", "IR", "US", "IR", "IL", "IR", "IR", "IL", "IR"})};
    CHECK(subject_countries(passing) == Codes{"IR", "IL"});
    // "Baltic Sea: Estlink 2 Power Cable Damaged, Finland Detains Shadow Fleet Tanker"
    // (Estonia, named twice, dominates the body too but is no companion: that takes three.)
    const CountryEvidence dominant{{}, {"FI"}, {}, named({"FI", "EE", "FI", "RU", "FI", "EE"})};
    CHECK(subject_countries(dominant) == Codes{"FI"});
    // "Gulf: OPEC+ Agrees Two Million Barrel Output Cut Despite US Pressure": the US is
    // named once; the body's companions decide.
    const CountryEvidence scenery{
        {}, {"US"}, {}, named({"SA", "RU", "SA", "US", "RU", "SA", "RU"})};
    CHECK(subject_countries(scenery) == Codes{"SA", "RU"});
  }
  SECTION("the label is the text before the first colon, or the whole title") {
    CHECK(title_label("Iran: Ceasefire Holds: For Now") == "Iran");
    CHECK(title_label("India-Pakistan Ceasefire") == "India-Pakistan Ceasefire");
  }
  SECTION("every country the label names, in its order") {
    const CountryEvidence evidence{{}, {"IN", "PK", "IN"}, {"IN", "PK", "IN"}, {}};
    CHECK(subject_countries(evidence) == Codes{"IN", "PK"});
  }
}

TEST_CASE("a title's companion must be named in the first section", "[subjects]") {
  // "Vietnam: Washington Announces 20% Tariff Framework": China is named three times, all
  // in the Impact section (the trade war, Chinese content); the US in both sections.
  const Body description = named({"US", "VN", "VN", "VN", "VN", "US", "VN"}, 0);
  const Body impact = named({"US", "VN", "CN", "CN", "US", "CN"}, 1);
  CHECK(subject_countries({{}, {"VN"}, {"VN"}, description + impact}) == Codes{"VN", "US"});
  // Named once in the first section, the same country is a companion.
  const Body named_early = named({"CN"}, 0) + description + impact;
  CHECK(subject_countries({{}, {"VN"}, {"VN"}, named_early}) == Codes{"VN", "CN", "US"});
  // With no country in the title, the companions of the country named first likewise.
  const Body first_section = named({"VN", "VN", "CN", "VN"}, 0);
  CHECK(subject_countries({{}, {}, {}, first_section + named({"CN", "CN"}, 1)}) ==
        Codes{"VN", "CN"});
  CHECK(
      subject_countries(
          {{}, {}, {}, named({"VN", "VN", "VN"}, 0) + named({"CN"}, 1) + named({"CN", "CN"}, 2)}) ==
      Codes{"VN"});
}

TEST_CASE("a country in a list of several counts half", "[subjects]") {
  // "Syria: Fall of Assad Exposes Captagon Industry...": "smuggled via Jordan, Lebanon and
  // Iraq", then Jordanian and Lebanese borders: markets and routes, not subjects.
  Body body = named({"SA"});
  for (const char* code : {"JO", "LB", "IQ"}) body.push_back({code, 0, true});
  body = body + named({"SY", "SY", "JO", "LB", "LB", "IQ", "SY", "JO"}, 1);
  CHECK(subject_countries({{}, {"SY"}, {"SY"}, body}) == Codes{"SY"});
  // The same mentions outside a list make both companions.
  for (BodyMention& mention : body) mention.listed = false;
  CHECK(subject_countries({{}, {"SY"}, {"SY"}, body}) == Codes{"SY", "JO", "LB"});
  // Listed countries that are the only ones named still dominate: "Sahel: Mali, Burkina
  // Faso and Niger Complete Exit From ECOWAS", the three named as a group four times.
  Body sahel;
  for (int i = 0; i < 4; ++i) {
    for (const char* code : {"ML", "BF", "NE"}) sahel.push_back({code, 0, true});
  }
  CHECK(subject_countries({{}, {"ML", "BF", "NE"}, {}, sahel}) == Codes{"ML", "BF", "NE"});
}

TEST_CASE("else the country the body names first, with its companions", "[subjects]") {
  // "Red Sea: Houthi Attacks Divert Shipping Around the Cape": Yemen's Houthis lead the
  // first sentence; Israel and Gaza, named twice, are the Houthis' pretext.
  const Body description = named({"YE", "IL", "PS", "IL", "US", "US", "GB", "YE", "US"}, 0);
  const Body impact = named({"EG", "IR", "PS"}, 1);
  CHECK(subject_countries({{}, {}, {}, description + impact}) == Codes{"YE", "US"});
  CHECK(subject_countries({{}, {}, {}, named({"YE", "IL", "US", "YE", "IL", "YE", "EG"})}) ==
        Codes{"YE"});
}

TEST_CASE("else the countries that dominate the body", "[subjects]") {
  SECTION("most named first, ties in order of first mention, when the first named does not") {
    const CountryEvidence evidence{{}, {}, {}, named({"EG", "IL", "YE", "YE", "IL", "YE"})};
    CHECK(subject_countries(evidence) == Codes{"YE", "IL"});
  }
  SECTION("a country named once is scenery, unless no country is named twice") {
    CHECK(subject_countries({{}, {}, {}, named({"FR", "DE", "DE", "DE", "DE"})}) == Codes{"DE"});
    CHECK(subject_countries({{}, {}, {}, named({"FR", "DE"})}) == Codes{"FR"});
  }
  SECTION("nothing named, no subject") {
    CHECK(subject_countries({}).empty());
    CHECK(mentioned_countries({}).empty());
  }
}

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps", "[subjects]") {
  const auto distance = [](const std::string& a, const std::string& b, std::size_t limit = 9) {
    return edit_distance(code_points_of(a), code_points_of(b), limit);
  };
  CHECK(distance("germany", "germany") == 0);
  CHECK(distance("germny", "germany") == 1);
  CHECK(distance("isreal", "israel") == 1);  // a swap is one edit
  CHECK(distance("phillipines", "philippines") == 2);
  CHECK(distance("", "chad") == 4);
  CHECK(distance("türkiye", "turkiye") == 1);    // code points, not bytes
  CHECK(distance("narnia", "namibia", 2) == 3);  // over the limit: limit + 1
  CHECK(distance("a", "abcdefgh", 2) == 3);
}

}  // namespace
}  // namespace briefsearch

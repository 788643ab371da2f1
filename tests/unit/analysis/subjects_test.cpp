#include "common/analysis/subjects.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/analysis/edit_distance.h"

namespace briefsearch {
namespace {

using Codes = std::vector<std::string>;

TEST_CASE("the metadata's countries are the subjects when it gives any", "[subjects]") {
  const CountryEvidence evidence{{"CA", "US", "CA"}, {"MX"}, {"MX"}, {"MX", "MX", "MX", "MX"}};
  CHECK(subject_countries(evidence) == Codes{"CA", "US"});
  CHECK(mentioned_countries(evidence) == Codes{"CA", "US", "MX"});
}

TEST_CASE("else the title's countries, with the body's dominant companions", "[subjects]") {
  SECTION("a companion named three times and half as often as the most named") {
    const CountryEvidence evidence{
        {}, {"PH"}, {"PH"}, {"CN", "PH", "CN", "JP", "PH", "CN", "PH", "PH"}};
    CHECK(subject_countries(evidence) == Codes{"PH", "CN"});
  }
  SECTION("named twice is not enough beside a title") {
    const CountryEvidence evidence{{}, {"KE"}, {"KE"}, {"KE", "HT", "KE", "HT"}};
    CHECK(subject_countries(evidence) == Codes{"KE"});
  }
  SECTION("named three times but under half the top country's count") {
    const CountryEvidence evidence{{}, {"SY"}, {"SY"}, Codes(7, "SY")};
    CountryEvidence with_jordan = evidence;
    with_jordan.body.insert(with_jordan.body.end(), {"JO", "JO", "JO"});
    CHECK(subject_countries(with_jordan) == Codes{"SY"});
    with_jordan.body.push_back("JO");  // 4 of 7: over half
    CHECK(subject_countries(with_jordan) == Codes{"SY", "JO"});
  }
  SECTION("a country named in the headline, not the label, must dominate the body") {
    // "Iran: Ceasefire Halts Twelve-Day War After US Strikes"
    const CountryEvidence passing{
        {}, {"IR", "US"}, {"IR"}, {"IR", "IL", "IR", "US", "IR", "IL", "IR", "IR", "IL", "IR"}};
    CHECK(subject_countries(passing) == Codes{"IR", "IL"});
    // "Baltic Sea: Estlink 2 Power Cable Damaged, Finland Detains Shadow Fleet Tanker"
    // (Estonia, named twice, dominates the body too but is no companion: that takes three.)
    const CountryEvidence dominant{{}, {"FI"}, {}, {"FI", "EE", "FI", "RU", "FI", "EE"}};
    CHECK(subject_countries(dominant) == Codes{"FI"});
    // "Gulf: OPEC+ Agrees Two Million Barrel Output Cut Despite US Pressure": the US is
    // named once; the body's companions decide.
    const CountryEvidence scenery{{}, {"US"}, {}, {"SA", "RU", "SA", "US", "RU", "SA", "RU"}};
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

TEST_CASE("else the countries that dominate the body", "[subjects]") {
  SECTION("most named first, ties in order of first mention") {
    const CountryEvidence evidence{{}, {}, {}, {"YE", "IL", "US", "YE", "IL", "YE", "EG"}};
    CHECK(subject_countries(evidence) == Codes{"YE", "IL"});
  }
  SECTION("a country named once is scenery, unless no country is named twice") {
    CHECK(subject_countries({{}, {}, {}, {"FR", "DE", "DE", "DE", "DE"}}) == Codes{"DE"});
    CHECK(subject_countries({{}, {}, {}, {"FR", "DE"}}) == Codes{"FR"});
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

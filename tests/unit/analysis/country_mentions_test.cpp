// The gazetteer's mention rules (common/analysis/country_mentions.cpp): capitals, names
// that are also a person's or a US state's, towns named after countries, lists, and one
// reading of a name per brief.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/analysis/countries.h"

namespace briefsearch {
namespace {

using Codes = std::vector<std::string>;

const CountryGazetteer& gazetteer() { return CountryGazetteer::instance(); }

// Every mention of text, in order.
Codes mentions(const std::string& text) {
  Analyser analyser;
  return gazetteer().mentions_in(text, analyser.analyse(text));
}

// The mentions of several texts read as one brief, text by text.
std::vector<Codes> brief_mentions(const std::vector<std::string>& texts) {
  Analyser analyser;
  std::vector<std::vector<Token>> tokens;
  for (const std::string& text : texts) tokens.push_back(analyser.analyse(text));
  std::vector<AnalysedText> analysed;
  for (std::size_t i = 0; i < texts.size(); ++i) analysed.push_back({texts[i], &tokens[i]});
  std::vector<Codes> codes;
  for (const auto& text_mentions : gazetteer().mentions_in_brief(analysed)) {
    Codes& text_codes = codes.emplace_back();
    for (const CountryMention& mention : text_mentions) text_codes.push_back(mention.code);
  }
  return codes;
}

struct Case {
  std::string text;
  Codes codes;
};

TEST_CASE("a name counts in running text only with a capital", "[countries][mentions]") {
  const auto [text, codes] = GENERATE(values<Case>({
      {"a turkey dinner", {}},
      {"Turkey and Greece", {"TR", "GR"}},
      {"TURKEY DENIES REPORT", {"TR"}},
      {"plates of fine china", {}},
      {"China's exports", {"CN"}},
      {"chile peppers", {}},
      {"Chile's copper", {"CL"}},
      {"guinea pigs and Guinea", {"GN"}},
      {"Guinea worm cases fell in Chad", {"TD"}},
      {"fishing off South Georgia", {"GS"}},
      {"french fries and danish pastries", {}},
      {"French troops and Danish ships", {"FR", "DK"}},
      {"the united states", {}},
  }));
  INFO(text);
  CHECK(mentions(text) == codes);
}

TEST_CASE("a name that is also a person's is no mention beside the rest of the name",
          "[countries][mentions]") {
  const auto [text, codes] = GENERATE(values<Case>({
      // A capitalised word after it: a given name, or the name of something else.
      {"Chad Smith, the band's drummer, said", {}},
      {"the drummer Chad Smith said", {}},
      {"Jordan Peterson spoke in London.", {}},
      {"Chad Smith met Flea in London.", {}},
      {"Georgia O'Keeffe painted flowers.", {}},
      {"fans of Georgia Tech cheered", {}},
      {"settlements in the Jordan Valley", {}},
      // A capitalised word before it: a surname.
      {"the basketball star Michael Jordan said", {}},
      {"Michael Jordan said he would return.", {}},
      {"the actor Michael B. Jordan said", {}},
      {"Chad Smith's drumming", {}},
      // The country.
      {"Jordan's King Abdullah met the envoy", {"JO"}},
      {"Chad President Mahamat Deby said", {"TD"}},
      {"troops of the Jordan Armed Forces", {"JO"}},
      {"under President Deby's Chad", {"TD"}},
      {"King Abdullah of Jordan", {"JO"}},
      {"Chad's president said", {"TD"}},
      {"refugees in eastern Chad and Western Chad", {"TD", "TD"}},
      {"the UN Chad mission", {"TD"}},
      {"along the Sudan Chad border", {"SD", "TD"}},
      {"Jordan closed its airspace.", {"JO"}},
      {"Egypt, Jordan and Lebanon", {"EG", "JO", "LB"}},
      // In title case every word has a capital: the capitals say nothing.
      {"Chad Expels French Troops Over Border Clash", {"TD", "FR"}},
      {"Iran Threatens Jordan Over Refugee Camps", {"IR", "JO"}},
  }));
  INFO(text);
  CHECK(mentions(text) == codes);
}

TEST_CASE("a surname in a sentence makes the brief's bare uses of it the person",
          "[countries][mentions]") {
  CHECK(mentions("The basketball star Michael Jordan retired. Jordan won six titles.").empty());
  // Another of the country's names keeps the bare uses the country.
  CHECK(mentions("Jordanian fans cheered the star Michael Jordan. Jordan hosted the final.") ==
        Codes{"JO", "JO"});
  // A given name at the start of a sentence might be any capitalised word: only that use.
  CHECK(mentions("Michael Jordan retired. Jordan won six titles.") == Codes{"JO"});
  // Across the texts of a brief.
  CHECK(brief_mentions({"Jordan Wins Sixth Title", "The star Michael Jordan scored 38."}) ==
        std::vector<Codes>{{}, {}});
}

TEST_CASE("a name in a title-case line is read as the brief's other uses read it",
          "[countries][mentions]") {
  // A given name in the text makes the headline's name the person's too...
  CHECK(brief_mentions({"Drummer Chad Smith Announces Benefit Tour",
                        "Chad Smith, the drummer, said the tour opens in May."}) ==
        std::vector<Codes>{{}, {}});
  // ... unless the text also uses it as the country, or names the country otherwise.
  CHECK(brief_mentions({"Chad Smith Tours Chad", "Chad Smith said Chad was welcoming."}) ==
        std::vector<Codes>{{"TD", "TD"}, {"TD"}});
  CHECK(brief_mentions({"Chad Smith Meets Chadian Drummers", "Chad Smith said so."}) ==
        std::vector<Codes>{{"TD", "TD"}, {}});
  // With nothing else to go by, a headline's name is the country.
  CHECK(brief_mentions({"Chad Expels French Troops", "The order was read on radio."}) ==
        std::vector<Codes>{{"TD", "FR"}, {}});
}

TEST_CASE("Georgia is the US state where the words around it say so", "[countries][mentions]") {
  const auto [text, codes] = GENERATE(values<Case>({
      {"Atlanta, Georgia", {"US"}},
      {"a plant in Savannah, Georgia, will close", {"US"}},
      {"Fulton County, Georgia", {"US"}},
      {"Georgia, US", {"US", "US"}},
      {"Georgia (U.S.)", {"US", "US"}},
      {"the US state of Georgia", {"US", "US"}},
      {"the governor of Georgia", {"US"}},
      {"Georgia's governor signed the bill", {"US"}},
      {"Georgia Gov. Brian Kemp", {"US"}},
      {"Georgia Republicans", {"US"}},
      {"under Georgia state law", {"US"}},
      {"Gov. Brian Kemp of Georgia", {"US"}},
      {"Rep. Marjorie Taylor Greene of Georgia", {"US"}},
      {"Georgia's state-run broadcaster", {"GE"}},
      {"the president of Georgia", {"GE"}},
      {"voters in Arizona, Georgia and Michigan", {"US", "US", "US"}},
      {"Georgia and North Carolina", {"US", "US"}},
      // The country.
      {"Tbilisi, Georgia", {"GE"}},
      {"Georgia's prime minister", {"GE"}},
      {"Georgia and Armenia", {"GE", "AM"}},
      {"Georgia and the United States signed a charter", {"GE", "US"}},
      {"Georgia's central bank governor", {"GE"}},
  }));
  INFO(text);
  CHECK(mentions(text) == codes);
}

TEST_CASE("a brief's bare Georgia is the state when the brief says so once",
          "[countries][mentions]") {
  CHECK(mentions("Georgia's governor signed the bill. Georgia will require ID.") ==
        Codes{"US", "US"});
  CHECK(brief_mentions({"Georgia Passes Voting Law", "Atlanta, Georgia: the law takes effect.",
                        "Georgia expects challenges."}) ==
        std::vector<Codes>{{"US"}, {"US"}, {"US"}});
  // A brief that names the country otherwise keeps its bare Georgia the country.
  CHECK(mentions("Georgian Dream won; Georgia votes in 2028, as does Georgia, US.") ==
        Codes{"GE", "GE", "US", "US"});
  CHECK(brief_mentions({"Georgia: Protests Grip Tbilisi", "Georgia's parliament voted."}) ==
        std::vector<Codes>{{"GE"}, {"GE"}});
}

TEST_CASE("a country's name before a US state is a town there", "[countries][mentions]") {
  const auto [text, codes] = GENERATE(values<Case>({
      {"a plant in Lebanon, Pennsylvania", {"US"}},
      {"Mexico, Missouri, is a small town", {"US"}},
      {"Peru, Indiana", {"US"}},
      {"Lebanon, Syria and Jordan", {"LB", "SY", "JO"}},
      {"trade between Mexico, Texas and Arizona", {"MX", "US", "US"}},
      {"New Mexico and Mexico", {"US", "MX"}},
  }));
  INFO(text);
  CHECK(mentions(text) == codes);
}

TEST_CASE("mentions in a list of three or more are marked", "[countries][mentions]") {
  const auto listed = [](const std::string& text) {
    Analyser analyser;
    std::vector<bool> flags;
    for (const CountryMention& mention : gazetteer().mentions_of(text, analyser.analyse(text))) {
      flags.push_back(mention.listed);
    }
    return flags;
  };
  CHECK(listed("smuggled via Jordan, Lebanon and Iraq") == std::vector<bool>{true, true, true});
  CHECK(listed("Saudi Arabia, Jordan, Lebanon, or Iraq") ==
        std::vector<bool>{true, true, true, true});
  CHECK(listed("Jordan and Lebanon") == std::vector<bool>{false, false});
  CHECK(listed("Jordan, where Lebanon and Iraq") == std::vector<bool>{false, false, false});
  CHECK(listed("Mali, Burkina Faso & Niger; Chad") == std::vector<bool>{true, true, true, false});
}

TEST_CASE("a mention's bytes are the name as written", "[countries][mentions]") {
  const std::string text = "Ties between the United States and Georgia’s government";
  Analyser analyser;
  const auto found = gazetteer().mentions_of(text, analyser.analyse(text));
  REQUIRE(found.size() == 2);
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "United States");
  CHECK(text.substr(found[1].begin, found[1].end - found[1].begin) == "Georgia\xE2\x80\x99s");
}

}  // namespace
}  // namespace briefsearch

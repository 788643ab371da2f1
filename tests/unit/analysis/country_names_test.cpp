// The gazetteer's names: former names, areas, and the names suggested for a misspelt one.
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/analysis/countries.h"

namespace briefsearch {
namespace {

const CountryGazetteer& gazetteer() { return CountryGazetteer::instance(); }

TEST_CASE("former names name the country", "[countries][names]") {
  CHECK(gazetteer().code_for("Persia") == "IR");
  CHECK(gazetteer().code_for("Siam") == "TH");
  CHECK(gazetteer().code_for("Ceylon") == "LK");
  CHECK(gazetteer().code_for("Upper Volta") == "BF");
  CHECK(gazetteer().code_for("Burma") == "MM");
  CHECK(gazetteer().code_for("Zaire") == "CD");
  CHECK_FALSE(gazetteer().code_for("Yugoslavia"));  // now several: an area
}

TEST_CASE("suggestions are near, start alike when two edits away, and the nearest only",
          "[countries][names]") {
  const auto names = [](std::string_view name) {
    std::vector<std::string> found;
    for (const auto& named : gazetteer().closest_names(name, 3)) {
      found.push_back(named.name + " " + named.code);
    }
    return found;
  };
  CHECK(names("rusia") == std::vector<std::string>{"Russia RU"});
  CHECK(names("persya") == std::vector<std::string>{"Persia IR"});
  CHECK(names("balkans").empty());  // not Malians: two edits, another first letter
  CHECK(names("serbya") == std::vector<std::string>{"Serbia RS"});
  CHECK(names("phillipines") == std::vector<std::string>{"Philippines PH"});
  CHECK(names("kyrgistan") == std::vector<std::string>{"Kyrgyzstan KG"});
  CHECK(names("tchad") == std::vector<std::string>{"Chad TD"});
  CHECK(names("bolivya").size() == 1);
  CHECK(names("mexco") == std::vector<std::string>{"Mexico MX"});
  CHECK(names("oz").empty());  // two letters: no edits
}

TEST_CASE("areas are named by ICU's M.49 names and data/areas.tsv", "[countries][names]") {
  const auto codes = [](std::string_view name) {
    const auto area = gazetteer().area_named(name);
    return area ? area->codes : std::vector<std::string>{};
  };
  CHECK(codes("Balkans") ==
        std::vector<std::string>{"AL", "BA", "BG", "GR", "HR", "ME", "MK", "RO", "RS", "SI", "XK"});
  CHECK(codes("the balkans") == codes("Balkans"));
  CHECK(codes("Baltic States") == std::vector<std::string>{"EE", "LT", "LV"});
  CHECK(codes("latam") == codes("Latin America"));
  CHECK(codes("latin-america").size() > 30);
  const auto asia = codes("Asia");
  for (const char* code : {"CN", "IN", "SA", "KZ", "JP"})
    CHECK(std::count(asia.begin(), asia.end(), code) == 1);
  CHECK(gazetteer().area_named("EU").value().name == "European Union");
  CHECK(codes("eu").size() == 27);
  CHECK(codes("Western Africa") == codes("West Africa"));
  CHECK_FALSE(gazetteer().area_named("Europe"));  // one of our regions
  CHECK_FALSE(gazetteer().area_named("Middle East"));
  CHECK_FALSE(gazetteer().area_named("France"));
  CHECK_FALSE(gazetteer().area_named("world"));
  CHECK_FALSE(gazetteer().area_named(""));
}

}  // namespace
}  // namespace briefsearch

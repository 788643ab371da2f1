// CountryGazetteer's areas: groups of countries that are no country and no region of ours
// ("Asia", "Balkans", "LatAm"), from ICU's M.49 names and data/areas.tsv, so that a
// country: or region: value naming one is answered with what it holds.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <set>
#include <sstream>

#include "common/analysis/countries.h"
#include "common/analysis/data_tables.h"
#include "common/analysis/m49.h"
#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

constexpr std::string_view kAreasFile = "data/areas.tsv";

// ICU's areas that are not worth naming: the world, CLDR's "Outlying Oceania" and the UN.
constexpr std::array<std::string_view, 3> kUnnamedAreas = {"001", "QO", "UN"};

// The key an area is looked up by: lowercase letters and digits, without spaces, hyphens,
// underscores, apostrophes and a leading "the" ("The Balkans" and "balkans").
std::string area_key(std::string_view name) {
  std::string key;
  for (const char c : trim(name)) {
    if (c == ' ' || c == '-' || c == '_' || c == '\'' || c == '.') {
      if (key == "the") key.clear();
      continue;
    }
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

std::string english_name(const std::string& code) {
  icu::UnicodeString display;
  icu::Locale("und", code.c_str()).getDisplayCountry(icu::Locale::getEnglish(), display);
  std::string name;
  display.toUTF8String(name);
  return name;
}

// The countries a member stands for: itself if it is a country code, else every country
// its area or grouping holds. Unknown members give nothing.
template <typename IsCountry>
void add_countries(const M49Containment& containment, const std::string& member,
                   IsCountry is_country, std::set<std::string>& countries) {
  if (is_country(member)) {
    countries.insert(member);
    return;
  }
  for (const auto* table : {&containment.areas, &containment.groupings}) {
    const auto children = table->find(member);
    if (children == table->end()) continue;
    for (const std::string& child : children->second) {
      add_countries(containment, child, is_country, countries);
    }
    return;
  }
}

}  // namespace

void CountryGazetteer::load_areas(std::string_view areas_tsv, const M49Containment& containment) {
  const auto is_country = [this](const std::string& code) { return codes_.contains(code); };
  const auto add = [&](const std::string& key, const std::string& name,
                       const std::vector<std::string>& members) {
    if (key.empty() || canonical_region(key)) return;  // one of our regions
    std::set<std::string> countries;
    for (const std::string& member : members) {
      add_countries(containment, member, is_country, countries);
    }
    if (countries.empty()) return;
    areas_by_key_[key] = Area{name, {countries.begin(), countries.end()}};
  };
  for (const auto* table : {&containment.areas, &containment.groupings}) {
    for (const auto& [code, children] : *table) {
      if (std::find(kUnnamedAreas.begin(), kUnnamedAreas.end(), code) != kUnnamedAreas.end()) {
        continue;
      }
      const std::string name = english_name(code);
      add(area_key(name), name, {code});
      if (!is_m49_area_code(code)) add(area_key(code), name, {code});  // "EU"
    }
  }
  data_tables::for_each_entry(
      areas_tsv, [&](std::size_t line, const std::vector<std::string_view>& columns) {
        if (columns.size() != 2)
          data_tables::data_error(kAreasFile, line, "expected: name<TAB>members");
        std::vector<std::string> members;
        std::istringstream words{std::string(columns[1])};
        for (std::string member; words >> member;) {
          if (!is_country(member) && !containment.areas.contains(member) &&
              !containment.groupings.contains(member)) {
            data_tables::data_error(kAreasFile, line, "unknown member \"" + member + "\"");
          }
          members.push_back(member);
        }
        add(area_key(columns[0]), std::string(columns[0]), members);
      });
}

std::optional<CountryGazetteer::Area> CountryGazetteer::area_named(std::string_view name) const {
  const auto area = areas_by_key_.find(area_key(name));
  if (area == areas_by_key_.end()) return std::nullopt;
  return area->second;
}

}  // namespace briefsearch

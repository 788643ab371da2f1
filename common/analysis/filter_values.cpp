#include "common/analysis/filter_values.h"

#include <algorithm>
#include <map>

#include "common/analysis/countries.h"
#include "common/analysis/edit_distance.h"
#include "common/base/string_utils.h"
#include "common/brief/section_names.h"

namespace briefsearch {
namespace {

bool is_country_field(const FilterField& field) {
  return field.prefix == kCountryFilter.prefix || field.prefix == kMentionsFilter.prefix;
}

bool is_region_field(const FilterField& field) {
  return field.prefix == kRegionFilter.prefix || field.prefix == kMentionsRegionFilter.prefix;
}

constexpr std::size_t kNamesSuggested = 3;
// An area of at most this many countries is answered with its countries' names.
constexpr std::size_t kCountriesListed = 12;

// The region field that goes with a country field, and the country field with a region
// field: country: and region:, mentions: and mentions-region:.
std::string region_field_of(const FilterField& field) {
  return std::string(field.prefix == kCountryFilter.prefix ? kRegionFilter.name
                                                           : kMentionsRegionFilter.name);
}
std::string country_field_of(const FilterField& field) {
  return std::string(field.prefix == kRegionFilter.prefix ? kCountryFilter.name
                                                          : kMentionsFilter.name);
}

// A region as written in a query, ready to paste: "region:middle-east".
std::string region_filter(const std::string& field, std::string_view region) {
  std::string written = ascii_lowercase(region);
  std::replace(written.begin(), written.end(), ' ', '-');
  return field + ":" + written;
}

// "a", "a or b", "a, b or c".
std::string listed(const std::vector<std::string>& items, std::string_view last_joint) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? std::string(last_joint) : ", ";
    text += items[i];
  }
  return text;
}

std::string regions_listed() { return listed({kRegionNames.begin(), kRegionNames.end()}, ", "); }

// The regions of an area's countries, most countries first (ties in kRegionNames' order).
std::vector<std::string_view> regions_of(const CountryGazetteer::Area& area) {
  std::map<std::string_view, std::size_t> counts;
  for (const std::string& code : area.codes) {
    if (const auto region = CountryGazetteer::instance().region_of(code)) ++counts[*region];
  }
  std::vector<std::string_view> regions;
  for (std::string_view region : kRegionNames) {
    if (counts.contains(region)) regions.push_back(region);
  }
  std::stable_sort(regions.begin(), regions.end(),
                   [&](std::string_view a, std::string_view b) { return counts[a] > counts[b]; });
  return regions;
}

// The regions of an area's countries (regions_of), as names and as filters to paste.
struct AreaRegions {
  std::vector<std::string> names;    // "Indo-Pacific", "Middle East", "Europe"
  std::vector<std::string> filters;  // "region:indo-pacific", ...
  [[nodiscard]] std::string where() const {
    return (names.size() == 1 ? "the region " : "the regions ") + listed(names, " and ");
  }
  [[nodiscard]] std::string write() const { return "write " + listed(filters, " or "); }
};

AreaRegions area_regions(const CountryGazetteer::Area& area, const std::string& region_field) {
  AreaRegions regions;
  for (std::string_view region : regions_of(area)) {
    regions.names.emplace_back(region);
    regions.filters.push_back(region_filter(region_field, region));
  }
  return regions;
}

// The answer to a country field given an area ("country:balkans"): its countries, or for
// a large area how many, and the regions that hold them.
std::string area_as_country(const FilterField& field, std::string_view value,
                            const CountryGazetteer::Area& area) {
  const CountryGazetteer& gazetteer = CountryGazetteer::instance();
  const AreaRegions regions = area_regions(area, region_field_of(field));
  const std::string all = regions.names.size() == 1 ? "all in " : "in ";
  std::string problem = "'" + std::string(value) + "' is an area, not a country: ";
  if (area.codes.size() > kCountriesListed || area.codes.size() < 2) {
    return problem + "its " + std::to_string(area.codes.size()) + " countries are " + all +
           regions.where() + "; " + regions.write();
  }
  std::vector<std::string> countries;
  for (const std::string& code : area.codes) {
    countries.push_back(gazetteer.display_name(code).value_or(code) + " (" + code + ")");
  }
  std::sort(countries.begin(), countries.end());
  const std::string field_name(field.name);
  return problem + listed(countries, " and ") + ", " + all + regions.where() + "; " +
         regions.write() + ", or join countries with OR (" + field_name + ":" + area.codes[0] +
         " OR " + field_name + ":" + area.codes[1] + ")";
}

std::string did_you_mean(const std::vector<CountryGazetteer::NamedCountry>& closest) {
  std::vector<std::string> names;
  for (const auto& named : closest) names.push_back(named.name + " (" + named.code + ")");
  return "did you mean " + listed(names, " or ") + "?";
}

std::optional<std::string> country_problem(const FilterField& field, std::string_view value) {
  const CountryGazetteer& gazetteer = CountryGazetteer::instance();
  if (gazetteer.code_for(value)) return std::nullopt;
  const std::string quoted = "'" + std::string(value) + "'";
  const std::string field_name(field.name);
  if (CountryGazetteer::canonical_region(value)) {
    // Written as it can be pasted back: a value with a space goes in quotes.
    const bool spaced = value.find(' ') != std::string_view::npos;
    const std::string written = spaced ? "\"" + std::string(value) + "\"" : std::string(value);
    return quoted + " is a region, not a country; write " + region_field_of(field) + ":" + written;
  }
  if (const auto area = gazetteer.area_named(value)) return area_as_country(field, value, *area);
  if (gazetteer.names_no_country(value)) {
    return quoted + " is a place that is no one country; " + field_name +
           ": takes a country's ISO 3166-1 code or English name";
  }
  const std::vector<CountryGazetteer::NamedCountry> closest =
      trim(value).size() == 2 ? std::vector<CountryGazetteer::NamedCountry>{}
                              : gazetteer.closest_names(value, kNamesSuggested);
  if (closest.empty()) {
    return "unknown country " + quoted + "; " + field_name +
           ": takes an ISO 3166-1 code (DE) or an English name, short form or demonym "
           "(Germany, German)";
  }
  return "unknown country " + quoted + "; " + did_you_mean(closest);
}

// The regions nearest to value as written (suggestion_distance over the lowercase names
// without spaces and hyphens), nearest first.
std::vector<std::string_view> closest_regions(std::string_view value) {
  const auto squeezed = [](std::string_view text) {
    std::string letters;
    for (const char c : ascii_lowercase(trim(text))) {
      if (c != ' ' && c != '-' && c != '_') letters += c;
    }
    return code_points_of(letters);
  };
  std::vector<std::pair<std::size_t, std::string_view>> near;
  for (std::string_view region : kRegionNames) {
    if (const auto distance = suggestion_distance(squeezed(value), squeezed(region))) {
      near.emplace_back(*distance, region);
    }
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string_view> regions;
  for (const auto& [distance, region] : near) {
    if (distance == near.front().first) regions.push_back(region);
  }
  return regions;
}

std::string region_problem(const FilterField& field, std::string_view value) {
  const CountryGazetteer& gazetteer = CountryGazetteer::instance();
  const std::string field_name(field.name);
  std::string problem =
      "unknown region '" + std::string(value) + "'; regions are " + regions_listed();
  if (const auto code = gazetteer.code_for(value)) {
    problem += " ('" + std::string(value) + "' is a country: write " + country_field_of(field) +
               ":" + *code + ")";
  } else if (const auto area = gazetteer.area_named(value)) {
    const AreaRegions regions = area_regions(*area, field_name);
    return problem + "; " + area->name + (regions.names.size() == 1 ? " lies in " : " spans ") +
           regions.where() + ": " + regions.write();
  }
  const std::vector<std::string_view> near = closest_regions(value);
  if (near.empty()) return problem;
  std::vector<std::string> filters;
  for (std::string_view region : near) filters.push_back(region_filter(field_name, region));
  return problem + "; did you mean " + listed(filters, " or ") + "?";
}

}  // namespace

std::string canonical_filter_value(const FilterField& field, std::string_view value) {
  if (is_country_field(field)) {
    return CountryGazetteer::instance().code_for(value).value_or(std::string(value));
  }
  if (is_region_field(field)) {
    return std::string(CountryGazetteer::canonical_region(value).value_or(value));
  }
  if (field.prefix == kSectionFilter.prefix) {
    return section_named_in_query(value).value_or(std::string(value));
  }
  return std::string(value);
}

std::optional<std::string> filter_value_problem(const FilterField& field, std::string_view value) {
  if (is_country_field(field)) return country_problem(field, value);
  if (!is_region_field(field) || CountryGazetteer::canonical_region(value)) return std::nullopt;
  return region_problem(field, value);
}

}  // namespace briefsearch

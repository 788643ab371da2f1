#include "common/analysis/filter_values.h"

#include "common/analysis/countries.h"
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

std::string regions_listed() {
  std::string listed;
  for (std::string_view region : kRegionNames) {
    if (!listed.empty()) listed += ", ";
    listed += region;
  }
  return listed;
}

std::optional<std::string> country_problem(const FilterField& field, std::string_view value) {
  const CountryGazetteer& gazetteer = CountryGazetteer::instance();
  if (gazetteer.code_for(value)) return std::nullopt;
  const std::string quoted = "'" + std::string(value) + "'";
  const std::string field_name(field.name);
  if (CountryGazetteer::canonical_region(value)) {
    const std::string region_field = field.prefix == kCountryFilter.prefix
                                         ? std::string(kRegionFilter.name)
                                         : std::string(kMentionsRegionFilter.name);
    // Written as it can be pasted back: a value with a space goes in quotes.
    const bool spaced = value.find(' ') != std::string_view::npos;
    const std::string written = spaced ? "\"" + std::string(value) + "\"" : std::string(value);
    return quoted + " is a region, not a country; write " + region_field + ":" + written;
  }
  if (gazetteer.names_no_country(value)) {
    return quoted + " is a place that is no one country; " + field_name +
           ": takes a country's ISO 3166-1 code or English name";
  }
  std::string problem = "unknown country " + quoted;
  const std::vector<CountryGazetteer::NamedCountry> closest =
      trim(value).size() == 2 ? std::vector<CountryGazetteer::NamedCountry>{}
                              : gazetteer.closest_names(value, kNamesSuggested);
  if (closest.empty()) {
    return problem + "; " + field_name +
           ": takes an ISO 3166-1 code (DE) or an English name, short form or demonym "
           "(Germany, German)";
  }
  problem += "; did you mean ";
  for (std::size_t i = 0; i < closest.size(); ++i) {
    if (i > 0) problem += i + 1 == closest.size() ? " or " : ", ";
    problem += closest[i].name + " (" + closest[i].code + ")";
  }
  return problem + "?";
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
  std::string problem =
      "unknown region '" + std::string(value) + "'; regions are " + regions_listed();
  if (const auto code = CountryGazetteer::instance().code_for(value)) {
    problem += " ('" + std::string(value) + "' is a country: write " +
               (field.prefix == kRegionFilter.prefix ? "country:" : "mentions:") + *code + ")";
  }
  return problem;
}

}  // namespace briefsearch

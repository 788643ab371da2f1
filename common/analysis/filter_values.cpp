#include "common/analysis/filter_values.h"

#include "common/analysis/countries.h"
#include "common/brief/section_names.h"

namespace briefsearch {

std::string canonical_filter_value(const FilterField& field, std::string_view value) {
  if (field.prefix == kCountryFilter.prefix) {
    return CountryGazetteer::instance().code_for(value).value_or(std::string(value));
  }
  if (field.prefix == kRegionFilter.prefix) {
    return std::string(CountryGazetteer::canonical_region(value).value_or(value));
  }
  if (field.prefix == kSectionFilter.prefix) {
    return section_named_in_query(value).value_or(std::string(value));
  }
  return std::string(value);
}

}  // namespace briefsearch

// One canonical form per filter field's value, used by the indexer when it writes a filter
// term and by the query builder when it looks one up, so the two cannot drift.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/store/schema.h"

namespace briefsearch {

// value in the form the field's terms hold, before filter_term normalises it: a country by
// its ISO 3166-1 code where the gazetteer knows the name ("Ukraine", "ukrainian" and "UA"
// give "UA"), a region by its canonical name ("middle east" gives "Middle East"), a section
// by its canonical name, with '-' or '_' for spaces ("key-judgments" gives
// "Key Judgments"); any other value, and a value no table knows, as given. Throws what
// CountryGazetteer::instance() throws.
[[nodiscard]] std::string canonical_filter_value(const FilterField& field, std::string_view value);

// Why value can match no brief in field, for the query parser to report; nothing when the
// value is fine. A country field (country:, mentions:) takes a value code_for knows, else
// the problem names the closest known names (CountryGazetteer::closest_names) or says the
// place is no one country's ("Kashmir"); a region field (region:, mentions-region:) takes
// one of kRegionNames, else the problem lists them. Other fields take any value. Throws
// what CountryGazetteer::instance() throws.
[[nodiscard]] std::optional<std::string> filter_value_problem(const FilterField& field,
                                                              std::string_view value);

}  // namespace briefsearch

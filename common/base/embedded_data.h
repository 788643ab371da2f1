// Data files from data/, compiled into the library (cmake/EmbedData.cmake) so that the
// binaries never read the source tree at run time.
#pragma once

#include <string_view>

namespace briefsearch {

// data/country-aliases.tsv, byte for byte: short forms, alternative names and demonyms.
extern const std::string_view kCountryAliasesData;

// data/regions.tsv, byte for byte: M.49 areas and countries to our five regions.
extern const std::string_view kRegionsData;

// data/areas.tsv, byte for byte: names of groups of countries ("Balkans", "LatAm").
extern const std::string_view kAreasData;

}  // namespace briefsearch

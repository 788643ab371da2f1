// UN M.49 areas as ICU's supplemental data carries them ("territoryContainment"), internal
// to the country gazetteer: which area holds which countries, and what areas are named.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

struct M49Containment {
  // Each M.49 area ("150" Europe, "155" Western Europe) and what it holds directly: areas
  // or ISO 3166 codes. Non-numeric entries (QO "Outlying Oceania") are left out: they
  // overlap the M.49 tree.
  std::map<std::string, std::vector<std::string>> areas;
  // CLDR's groupings, which overlap the tree: "419" Latin America, "202" Sub-Saharan
  // Africa, "003" North America, "EU" European Union, "EZ" Eurozone, "UN".
  std::map<std::string, std::vector<std::string>> groupings;
};

// Reads ICU's containment data. Throws InternalError if it cannot be loaded.
[[nodiscard]] M49Containment load_m49_containment();

// Whether key is an M.49 area code: three digits ("150").
[[nodiscard]] bool is_m49_area_code(std::string_view key);

}  // namespace briefsearch

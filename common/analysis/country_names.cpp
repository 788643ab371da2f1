// CountryGazetteer's answers about names, for queries and output: every name of a
// country, its display name, and the names closest to a misspelt one.
#include <algorithm>
#include <map>
#include <tuple>

#include "common/analysis/countries.h"
#include "common/analysis/edit_distance.h"
#include "common/base/string_utils.h"

namespace briefsearch {

std::vector<CountryGazetteer::NameKey> CountryGazetteer::name_keys() const {
  std::vector<NameKey> keys;
  for (const auto& [key, code] : code_by_name_) {
    keys.push_back({key, code, !code.empty() && !place_keys_.contains(key)});
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::vector<std::vector<std::string>> CountryGazetteer::names_of(std::string_view code) const {
  std::vector<std::vector<std::string>> names;
  if (code.empty()) return names;  // the phrases that are no country's
  for (const auto& [first_word, aliases] : aliases_by_first_word_) {
    for (const Alias& alias : aliases) {
      if (alias.code == code && alias.exact_form.empty() && !alias.flags.place) {
        names.push_back(alias.words);
      }
    }
  }
  // The map's order is the hash's: sort, so that queries built from the names are stable.
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::optional<std::string> CountryGazetteer::display_name(std::string_view code) const {
  const auto name = display_name_by_code_.find(ascii_uppercase(code));
  if (name == display_name_by_code_.end()) return std::nullopt;
  return name->second;
}

bool CountryGazetteer::names_no_country(std::string_view name) const {
  const auto known = code_by_name_.find(name_key(analyse(trim(name))));
  return known != code_by_name_.end() && known->second.empty();
}

std::vector<CountryGazetteer::NamedCountry> CountryGazetteer::closest_names(
    std::string_view name, std::size_t most) const {
  const std::string wanted_key = name_key(analyse(trim(name)));
  const std::u32string wanted = code_points_of(wanted_key);
  if (wanted.empty()) return {};
  // The nearest name of each country: by distance, then the shortest (North Korea before
  // Democratic People's Republic of Korea), then by name.
  using Rank = std::tuple<std::size_t, std::size_t, std::string>;
  std::map<std::string, Rank> nearest;
  for (const auto& [key, code] : code_by_name_) {
    if (code.empty()) continue;
    // A name with the value as one of its words ("Korea": North Korea, South Korea) is
    // one edit away.
    const bool has_word = (" " + key + " ").find(" " + wanted_key + " ") != std::string::npos;
    const std::optional<std::size_t> distance =
        has_word ? std::optional<std::size_t>(1) : suggestion_distance(wanted, code_points_of(key));
    if (!distance) continue;
    const std::string& written = written_name_by_key_.at(key);
    const Rank rank{*distance, written.size(), written};
    const auto [known, added] = nearest.emplace(code, rank);
    if (!added && rank < known->second) known->second = rank;
  }
  std::vector<std::pair<Rank, std::string>> ranked;
  for (const auto& [code, rank] : nearest) ranked.emplace_back(rank, code);
  std::sort(ranked.begin(), ranked.end());
  std::vector<NamedCountry> names;
  for (const auto& [rank, code] : ranked) {
    if (names.size() == most || std::get<0>(rank) > std::get<0>(ranked.front().first)) break;
    names.push_back({std::get<2>(rank), code});
  }
  return names;
}

}  // namespace briefsearch

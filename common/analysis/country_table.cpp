#include "common/analysis/country_table.h"

#include <algorithm>

#include "common/analysis/countries.h"
#include "common/base/string_utils.h"

namespace briefsearch {

namespace {

// The table's entry for the words, if any.
const CountryNameKey* entry_for(std::string_view words, Analyser& analyser) {
  const std::string key = CountryGazetteer::name_key(analyser.analyse_without_stems(trim(words)));
  if (key.empty()) return nullptr;
  const CountryNameKey* end = kCountryNameKeys + kCountryNameKeyCount;
  const CountryNameKey* found = std::lower_bound(
      kCountryNameKeys, end, key,
      [](const CountryNameKey& entry, const std::string& wanted) { return entry.key < wanted; });
  return found == end || found->key != key ? nullptr : found;
}

}  // namespace

std::optional<std::string> country_code_named(std::string_view name, Analyser& analyser) {
  const CountryNameKey* entry = entry_for(name, analyser);
  if (entry == nullptr || !entry->is_name) return std::nullopt;
  return std::string(entry->code);
}

bool country_phrase_known(std::string_view words, Analyser& analyser) {
  return entry_for(words, analyser) != nullptr;
}

std::vector<std::vector<std::string>> country_names_of(std::string_view code) {
  const CountryNameList* end = kCountryNameLists + kCountryNameListCount;
  const CountryNameList* found = std::lower_bound(
      kCountryNameLists, end, code,
      [](const CountryNameList& entry, std::string_view wanted) { return entry.code < wanted; });
  std::vector<std::vector<std::string>> names;
  if (found == end || found->code != code) return names;
  std::string_view rest = found->names;
  while (!rest.empty()) {
    const std::size_t line_end = std::min(rest.find('\n'), rest.size());
    std::vector<std::string>& words = names.emplace_back();
    std::string_view line = rest.substr(0, line_end);
    while (!line.empty()) {
      const std::size_t space = std::min(line.find(' '), line.size());
      words.emplace_back(line.substr(0, space));
      line.remove_prefix(std::min(space + 1, line.size()));
    }
    rest.remove_prefix(std::min(line_end + 1, rest.size()));
  }
  return names;
}

}  // namespace briefsearch

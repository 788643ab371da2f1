#include "common/analysis/countries.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <algorithm>
#include <stdexcept>

#include "common/analysis/data_tables.h"
#include "common/analysis/m49.h"
#include "common/base/embedded_data.h"
#include "common/base/errors.h"
#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

using data_tables::data_error;
using data_tables::for_each_entry;

constexpr std::string_view kAliasesFile = "data/country-aliases.tsv";
constexpr std::string_view kRegionsFile = "data/regions.tsv";

// Codes ICU may list that are not countries of their own: groupings (EU, UN), private-use
// and pseudo-locale codes, and CLDR's extra territories that ISO 3166-1 only reserves
// (the data file names their owners instead: "Canary Islands" is ES).
constexpr std::array<std::string_view, 13> kNotCountries = {
    "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA"};

// The forms of one of ICU's English names worth matching: "Myanmar (Burma)" is also
// "Myanmar" and "Burma"; "Hong Kong SAR China" is written "Hong Kong"; "St. Kitts & Nevis"
// is also "Saint Kitts and Nevis" ("&" is no word, so "and" would not match).
std::vector<std::string> name_forms(std::string name) {
  constexpr std::string_view kSarSuffix = " SAR China";
  if (name.ends_with(kSarSuffix)) name.resize(name.size() - kSarSuffix.size());
  std::vector<std::string> forms = {name};
  const std::size_t open = name.find(" (");
  const std::size_t close = name.find(')', open);
  if (open != std::string::npos && close != std::string::npos) {
    forms = {name.substr(0, open), name.substr(open + 2, close - open - 2)};
  }
  for (std::size_t i = 0, n = forms.size(); i < n; ++i) {
    if (forms[i].starts_with("St. ")) forms.push_back("Saint " + forms[i].substr(4));
  }
  for (std::size_t i = 0, n = forms.size(); i < n; ++i) {
    if (const std::size_t amp = forms[i].find(" & "); amp != std::string::npos) {
      forms.push_back(std::string(forms[i]).replace(amp, 3, " and "));
    }
  }
  return forms;
}

// Each territory's containing M.49 area ("DE" -> "155" -> "150" -> "001"). CLDR's
// groupings (EU, 419 Latin America) are left out: they overlap the M.49 tree.
std::unordered_map<std::string, std::string> m49_parents(const M49Containment& containment) {
  std::unordered_map<std::string, std::string> parents;
  for (const auto& [area, children] : containment.areas) {
    // The areas in ICU's order (by code): the first area listed wins.
    for (const std::string& child : children) parents.emplace(child, area);
  }
  return parents;
}

}  // namespace

const CountryGazetteer& CountryGazetteer::instance() {
  // Never destroyed: freeing its tables at exit cost a one-query process 0.7 M
  // instructions (callgrind) for memory the system takes back anyway.
  static const CountryGazetteer* const gazetteer =
      new CountryGazetteer(kCountryAliasesData, kRegionsData, kAreasData);
  return *gazetteer;
}

CountryGazetteer::CountryGazetteer(std::string_view aliases_tsv, std::string_view regions_tsv,
                                   std::string_view areas_tsv) {
  load_icu_codes();
  // Our data first: its entries replace ICU's names with the same words.
  load_aliases(aliases_tsv);
  load_icu_names();
  for (auto& [word, aliases] : aliases_by_first_word_) {
    std::stable_sort(aliases.begin(), aliases.end(), [](const Alias& a, const Alias& b) {
      return a.words.size() > b.words.size();
    });
  }
  const M49Containment containment = load_m49_containment();
  load_regions(regions_tsv, containment);
  load_areas(areas_tsv, containment);
}

void CountryGazetteer::load_icu_codes() {
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    if (std::find(kNotCountries.begin(), kNotCountries.end(), *code) == kNotCountries.end()) {
      codes_.insert(*code);
    }
  }
}

// The flags column of an alias ("place,person-name"); throws through fail for an
// unknown flag.
template <typename Fail>
CountryGazetteer::AliasFlags alias_flags(std::string_view column, Fail fail) {
  CountryGazetteer::AliasFlags flags;
  const std::pair<std::string_view, bool CountryGazetteer::AliasFlags::*> known[] = {
      {"exact-case", &CountryGazetteer::AliasFlags::exact_case},
      {"place", &CountryGazetteer::AliasFlags::place},
      {"person-name", &CountryGazetteer::AliasFlags::person_name},
      {"us-state", &CountryGazetteer::AliasFlags::us_state}};
  for (const std::string& flag : split_list(column)) {
    const auto found = std::find_if(std::begin(known), std::end(known),
                                    [&](const auto& entry) { return entry.first == flag; });
    if (found == std::end(known)) fail("unknown flag \"" + flag + "\"");
    flags.*(found->second) = true;
  }
  return flags;
}

void CountryGazetteer::load_aliases(std::string_view aliases_tsv) {
  for_each_entry(aliases_tsv, [&](std::size_t line, const std::vector<std::string_view>& columns) {
    const auto fail = [&](const std::string& what) { data_error(kAliasesFile, line, what); };
    if (columns.size() < 2 || columns.size() > 3) fail("expected: code<TAB>alias[<TAB>flags]");
    const std::string code = columns[0] == "-" ? "" : std::string(columns[0]);
    if (!code.empty() && !codes_.contains(code)) fail("unknown country code \"" + code + "\"");
    const AliasFlags flags = columns.size() == 3 ? alias_flags(columns[2], fail) : AliasFlags{};
    if (code.empty() && flags.place) fail("a phrase that is no country's (\"-\") is no place");
    const std::vector<Token> tokens = analyse(columns[1]);
    if (tokens.empty()) fail("alias \"" + std::string(columns[1]) + "\" has no words");
    const auto known = code_by_name_.find(key_of(tokens));
    if (known != code_by_name_.end() && known->second != code) {
      fail("\"" + std::string(columns[1]) + "\" is already an alias of " +
           (known->second.empty() ? "no country" : known->second));
    }
    add_alias(columns[1], tokens, code, flags);
  });
}

void CountryGazetteer::load_icu_names() {
  for (const std::string& code : codes_) {
    icu::UnicodeString display;
    icu::Locale("und", code.c_str()).getDisplayCountry(icu::Locale::getEnglish(), display);
    std::string name;
    display.toUTF8String(name);
    display_name_by_code_.emplace(code, name);
    for (const std::string& form : name_forms(name)) {
      const std::vector<Token> tokens = analyse(form);
      if (!tokens.empty() && !code_by_name_.contains(key_of(tokens))) {
        add_alias(form, tokens, code, AliasFlags{});
      }
    }
  }
}

void CountryGazetteer::load_regions(std::string_view regions_tsv,
                                    const M49Containment& containment) {
  StringMap<std::string_view> region_by_key;
  for_each_entry(regions_tsv, [&](std::size_t line, const std::vector<std::string_view>& columns) {
    if (columns.size() != 2) data_error(kRegionsFile, line, "expected: area-or-code<TAB>region");
    const std::string key(columns[0]);
    if (!is_m49_area_code(key) && !codes_.contains(key)) {
      data_error(kRegionsFile, line, "unknown M.49 area or country code \"" + key + "\"");
    }
    const auto region = std::find(kRegionNames.begin(), kRegionNames.end(), columns[1]);
    if (region == kRegionNames.end()) {
      data_error(kRegionsFile, line, "unknown region \"" + std::string(columns[1]) + "\"");
    }
    if (!region_by_key.emplace(key, *region).second) {
      data_error(kRegionsFile, line, "\"" + key + "\" is listed twice");
    }
  });
  const std::unordered_map<std::string, std::string> parents = m49_parents(containment);
  for (const std::string& code : codes_) {
    // Walk up from the country to the nearest entry; the M.49 tree is a few levels deep.
    std::string key = code;
    for (int depth = 0; depth < 8; ++depth) {
      if (const auto region = region_by_key.find(key); region != region_by_key.end()) {
        region_by_code_.emplace(code, region->second);
        break;
      }
      const auto parent = parents.find(key);
      if (parent == parents.end()) break;
      key = parent->second;
    }
  }
}

std::vector<Token> CountryGazetteer::analyse(std::string_view name) const {
  std::lock_guard<std::mutex> lock(analyser_mutex_);
  return analyser_.analyse_without_stems(name);  // names match by exact term
}

std::string CountryGazetteer::name_key(std::vector<Token> tokens) {
  // "the Gambia", "the United States": metadata often keeps the article.
  if (tokens.size() > 1 && tokens.front().term == "the") tokens.erase(tokens.begin());
  return key_of(tokens);
}

std::string_view CountryGazetteer::match_word(std::string_view term) {
  if (term.size() > 2 && term.ends_with("'s")) term.remove_suffix(2);
  return term;
}

std::string CountryGazetteer::key_of(const std::vector<Token>& tokens) {
  std::string key;
  for (const Token& token : tokens) {
    if (!key.empty()) key += ' ';
    key += match_word(token.term);
  }
  return key;
}

void CountryGazetteer::add_alias(std::string_view name, const std::vector<Token>& tokens,
                                 const std::string& code, const AliasFlags& flags) {
  Alias alias;
  for (const Token& token : tokens) alias.words.emplace_back(match_word(token.term));
  alias.code = code;
  alias.flags = flags;
  if (flags.exact_case) {
    alias.exact_form = name.substr(tokens.front().begin, tokens.back().end - tokens.front().begin);
  }
  if (flags.place) place_keys_.insert(key_of(tokens));
  code_by_name_.emplace(key_of(tokens), code);
  written_name_by_key_.emplace(key_of(tokens), std::string(name));
  aliases_by_first_word_[alias.words.front()].push_back(std::move(alias));
}

std::optional<std::string> CountryGazetteer::code_for(std::string_view name) const {
  const std::string_view trimmed = trim(name);
  if (trimmed.size() == 2) {
    std::string code = ascii_uppercase(trimmed);
    if (codes_.contains(code)) return code;
  }
  const auto known = code_by_name_.find(name_key(analyse(trimmed)));
  if (known == code_by_name_.end() || known->second.empty()) return std::nullopt;
  return known->second;
}

std::optional<std::string> CountryGazetteer::code_named(std::string_view name) const {
  const std::string key = name_key(analyse(trim(name)));
  const auto known = code_by_name_.find(key);
  if (known == code_by_name_.end() || known->second.empty() || place_keys_.contains(key)) {
    return std::nullopt;
  }
  return known->second;
}

std::optional<std::string_view> CountryGazetteer::region_of(std::string_view code) const {
  const auto region = region_by_code_.find(ascii_uppercase(code));
  if (region == region_by_code_.end()) return std::nullopt;
  return region->second;
}

std::optional<std::string_view> CountryGazetteer::canonical_region(std::string_view name) {
  const auto squeeze = [](std::string_view text) {
    std::string squeezed;
    for (char c : trim(text)) {
      if (c == ' ' || c == '-' || c == '_') continue;
      squeezed += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return squeezed;
  };
  const std::string wanted = squeeze(name);
  for (std::string_view region : kRegionNames) {
    if (squeeze(region) == wanted) return region;
  }
  return std::nullopt;
}

}  // namespace briefsearch

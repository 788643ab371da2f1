// The country gazetteer's mention rules, internal to common/analysis/: an alias found in
// a text (CountryGazetteer::Match) and the rules that read it, in order
// (country_mentions.cpp lists them; country_readings.cpp holds rules 3 to 5).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/analysis/countries.h"

namespace briefsearch {

struct CountryGazetteer::Match {
  // What the alias names there.
  enum class Reading {
    kCountry,    // its country (no rule says otherwise)
    kUndecided,  // its country, unless its other uses say otherwise (a title-case line)
    kNone,       // nothing: a town, a person's or an organisation's name
    kSurname,    // nothing, and the brief's bare uses of the name are the person too
    kState,      // the US state: a mention of the United States
  };
  const Alias* alias = nullptr;
  std::size_t first = 0;  // its first token
  std::size_t count = 0;  // its tokens
  std::size_t begin = 0;  // its bytes in the text
  std::size_t end = 0;
  Reading reading = Reading::kCountry;
  bool listed = false;  // CountryMention::listed
};

namespace country_rules {

// Whether two words of the text can belong to one name. Spaces, hyphens, "&" and an
// abbreviation's full stop ("St. Kitts", "U.S. Virgin Islands") join; other punctuation, a
// line break or a full stop after a longer word ends the name, so "to the west. Bank
// officials" is no mention of the West Bank.
[[nodiscard]] bool joins_words(std::string_view text, const Token& before, const Token& after);

// Whether the token starts with a capital letter in the text (rule 2).
[[nodiscard]] bool starts_with_capital(std::string_view text, const Token& token);

// Rule 3, over one text's matches in order: a country's name before a US state.
void read_towns(std::string_view text, const std::vector<Token>& tokens,
                std::vector<CountryGazetteer::Match>& matches);

// Rules 4 and 5 over one text's matches, each use alone.
void read_names(std::string_view text, const std::vector<Token>& tokens,
                std::vector<CountryGazetteer::Match>& matches);

// Marks the matches that are items of a list of three or more names (CountryMention::listed).
void mark_lists(std::string_view text, const std::vector<Token>& tokens,
                std::vector<CountryGazetteer::Match>& matches);

// One sense per discourse (rules 4 and 5), over the matches of all a brief's texts: the
// bare uses of a name take the reading its other uses were given, unless another alias
// names its country.
void read_discourse(std::vector<std::vector<CountryGazetteer::Match>>& texts);

}  // namespace country_rules
}  // namespace briefsearch

// Query understanding: what a plain word means beyond its letters (internal to the query
// module; docs/query-language.md, "Words that mean more"). The builder adds each meaning
// as an alternative of the word, and --explain lists them, both from meaning_of, so the
// two never disagree.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/query/dates.h"
#include "common/query/query.h"

namespace briefsearch {

struct WordMeaning {
  // A date written as a word: a year from 1900 to 2099 ("2024"), a month ("2024-06") or a
  // day ("2024-06-15"); or a month's English name right beside such a year among words
  // that are ANDed ("june 2024", "2024 June"). The brief's date may be in that period.
  std::optional<DateBounds> period;
  // The month's full name when the word is a month's abbreviation beside a year ("jun",
  // "Sept."): the brief's text may spell it out, as a synonym of the word.
  std::string month_name;
  // For a month's name that is also a common English word ("may", "march", "mar") read as
  // a month because a year is written beside it ("may 2025"): that year. The text matches
  // the month only where it writes the two near each other ("May 12, 2025"): a lone
  // "may" is most often the verb. Other names match anywhere, as "November 24" in a brief
  // of 2024 about that month's election does.
  std::optional<int> beside_year;
  // A country the word names (country_code_named, the gazetteer's code_named: "venezuela",
  // "Venezuelan", "PRC"; never a bare ISO code): its code, and its other names as analysed words,
  // which the brief's text may use instead.
  std::string country;
  std::vector<std::vector<std::string>> country_names;
  // A stop word that names a country only in capitals ("us", "US"): that country's code,
  // for the --explain note that says the word was left out (it means nothing else).
  std::string capitals_country;

  [[nodiscard]] bool empty() const { return !period && country.empty(); }
};

// What node means beyond its own letters: for a plain word (kWord) outside any field, a
// period or a country; for other nodes and field words, nothing (a field names where the
// letters are, and a phrase asks for exact words). year_beside is the year written as a
// word right before or after node among ANDed siblings (year_beside()), which turns a
// month's name into a month. Throws InternalError if the gazetteer cannot be loaded.
[[nodiscard]] WordMeaning meaning_of(const QueryNode& node, Analyser& analyser,
                                     std::optional<int> year_beside = std::nullopt);

// The longest country name that plain words side by side name, in words.
inline constexpr std::size_t kMostNameWords = 4;

// How many plain words of an AND's children, from index on, the gazetteer reads as one
// phrase (country_phrase_known: "north korea", "united states", "republic of korea", or a
// place or phrase that holds a country's name and is not it, "new mexico", "indian
// ocean"; the longest, of 2 to kMostNameWords words); 0 when none starting at index is.
[[nodiscard]] std::size_t country_name_words(const std::vector<QueryNode>& siblings,
                                             std::size_t index, Analyser& analyser);

// The meaning of the count words from index that country_name_words found: the country
// and its names other than the words written; nothing for a place or a phrase that is no
// country's name.
[[nodiscard]] WordMeaning meaning_of_name(const std::vector<QueryNode>& siblings, std::size_t index,
                                          std::size_t count, Analyser& analyser);

// What the plain words of an AND's children starting at index mean: several words that
// name a country together (words > 1: country_name_words, meaning_of_name), else the child
// alone, with the year beside it (words 1: meaning_of, year_beside). The one reading of an
// AND's words, for the builder and for --explain.
struct SiblingMeaning {
  std::size_t words = 1;
  WordMeaning meaning;
};
[[nodiscard]] SiblingMeaning meaning_at(const std::vector<QueryNode>& siblings, std::size_t index,
                                        Analyser& analyser);

// For the child at index of an AND node's children: the year (1900-2099) written as a
// plain word right before or after it, if any.
[[nodiscard]] std::optional<int> year_beside(const std::vector<QueryNode>& siblings,
                                             std::size_t index);

}  // namespace briefsearch

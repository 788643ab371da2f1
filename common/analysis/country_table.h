// The country gazetteer's names as a table written at build time (tools/country_name_table,
// run by the build), so that a query can ask whether a word names a country without
// building the gazetteer, which costs a process 8 M instructions (callgrind): ICU's display
// names and every name through the analyser. A unit test checks the table against the
// gazetteer.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/analyser.h"

namespace briefsearch {

// One phrase the gazetteer reads (CountryGazetteer::name_keys): its key, its country's
// alpha-2 code (empty for a phrase that is no country's, "indian ocean"), and whether it
// is a name of the country rather than a place within it ("new mexico").
struct CountryNameKey {
  std::string_view key;
  std::string_view code;
  bool is_name;
};

// One country's names (CountryGazetteer::names_of): each name's words joined by spaces,
// the names joined by newlines.
struct CountryNameList {
  std::string_view code;
  std::string_view names;
};

// Sorted by key, and by code; defined in the generated country_name_table.cpp.
extern const CountryNameKey kCountryNameKeys[];
extern const std::size_t kCountryNameKeyCount;
extern const CountryNameList kCountryNameLists[];
extern const std::size_t kCountryNameListCount;

// CountryGazetteer::code_named from the table: the code for a country named as a word or
// words of free text (a name, short form or demonym, "the" before it ignored), never a
// bare ISO code nor a place within the country; nothing for other words. analyser reads
// name as the gazetteer does.
[[nodiscard]] std::optional<std::string> country_code_named(std::string_view name,
                                                            Analyser& analyser);

// Whether the words are one phrase the gazetteer reads: a country's name, a place within
// a country ("new mexico") or a phrase that is no country's ("indian ocean"), which text
// reads as one whole, so a query must not read a country's name inside it.
[[nodiscard]] bool country_phrase_known(std::string_view words, Analyser& analyser);

// CountryGazetteer::names_of from the table: the country's names as analysed words;
// empty for an unknown code.
[[nodiscard]] std::vector<std::vector<std::string>> country_names_of(std::string_view code);

}  // namespace briefsearch

// What a brief is about: its subject countries, as opposed to every country it mentions.
// The indexer stores both (schema 4): "country:" and "region:" filter and facet by
// subject, "mentions:" and "mentions-region:" by mention (docs/query-language.md,
// "Countries: subjects and mentions").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

// Where a brief's countries come from, by ISO 3166-1 alpha-2 code.
struct CountryEvidence {
  // The metadata's countries, by canonical filter value (a name the gazetteer does not
  // know stays as written), in the order given.
  std::vector<std::string> metadata;
  // CountryGazetteer::mentions_in of the title, of its label (title_label), and of each
  // section in order: one entry per mention.
  std::vector<std::string> title;
  std::vector<std::string> label;
  std::vector<std::string> body;
};

// The label of a title, which files the brief under a place: the text before its first
// colon ("Iran" in "Iran: Ceasefire Halts Twelve-Day War After US Strikes"), or the whole
// title when it has none.
[[nodiscard]] std::string_view title_label(std::string_view title);

// The subject countries, each once, the most telling first. The rule, measured on the
// sample corpus by scripts/subject-quality against tests/data/subject-countries.tsv:
//  1. the metadata's countries, when it gives any: the author said what the brief is about;
//  2. else, when the title names a country: the countries its label names; the others the
//     title names, if they dominate the body (below): "US" in "Iran: Ceasefire Halts
//     Twelve-Day War After US Strikes" is named in passing; and the countries that
//     dominate the body and are named in it at least kTitleCompanionMentions times:
//     "Philippines: Boarding Clash at Second Thomas Shoal" is about China as well;
//  3. else the countries that dominate the body: named at least kDominantMentions times
//     and at least kDominantShare of the most named country's count; when none is, the
//     first country the body names.
// Ties keep the order of first mention. Nothing when no country is named anywhere.
[[nodiscard]] std::vector<std::string> subject_countries(const CountryEvidence& evidence);

// Every country the brief names or its metadata gives, each once: the metadata's first,
// then the title's and the body's in order of first mention.
[[nodiscard]] std::vector<std::string> mentioned_countries(const CountryEvidence& evidence);

}  // namespace briefsearch

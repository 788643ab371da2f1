// What a brief is about: its subject countries, as opposed to every country it mentions.
// The indexer stores both (schema 4): "country:" and "region:" filter and facet by
// subject, "mentions:" and "mentions-region:" by mention (docs/query-language.md,
// "Countries: subjects and mentions").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

// One mention of a country in a brief's sections.
struct BodyMention {
  std::string code;
  std::size_t section = 0;  // the index of its section, 0 for the first
  bool listed = false;      // an item of a list of countries (CountryMention::listed)
};

// Where a brief's countries come from, by ISO 3166-1 alpha-2 code.
struct CountryEvidence {
  // The metadata's countries, by canonical filter value (a name the gazetteer does not
  // know stays as written), in the order given.
  std::vector<std::string> metadata;
  // The mentions (CountryGazetteer::mentions_in_brief) of the title, of its label
  // (title_label), and of the sections in order: one entry per mention.
  std::vector<std::string> title;
  std::vector<std::string> label;
  std::vector<BodyMention> body;
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
//     Twelve-Day War After US Strikes" is named in passing; and its companions, the
//     countries that dominate the body, are named in it at least kTitleCompanionMentions
//     times and at least once in the first section, which states what the brief is
//     about: "Philippines: Boarding Clash at Second Thomas Shoal" is about China as well,
//     while a Vietnam brief that names China three times in its Impact section only is not;
//  3. else, when the country the body names first dominates it, that country and its
//     companions as in 2 ("Red Sea: Houthi Attacks ...": Yemen, named first, and the US,
//     named three times; not Israel and Gaza, named twice);
//  4. else the countries that dominate the body; when none does, the first it names.
// A country dominates the body when its mentions count at least kDominantMentions and at
// least kDominantShare of the most named country's; a mention in a list of three or more
// countries (BodyMention::listed: "via Jordan, Lebanon and Iraq") counts kListedWeight.
// Ties keep the order of first mention. Nothing when no country is named anywhere.
[[nodiscard]] std::vector<std::string> subject_countries(const CountryEvidence& evidence);

// Every country the brief names or its metadata gives, each once: the metadata's first,
// then the title's and the body's in order of first mention.
[[nodiscard]] std::vector<std::string> mentioned_countries(const CountryEvidence& evidence);

}  // namespace briefsearch

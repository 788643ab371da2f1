#include "common/index/documents.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <utility>

#include "common/analysis/countries.h"
#include "common/analysis/filter_values.h"
#include "common/analysis/subjects.h"
#include "common/base/string_utils.h"
#include "common/index/weighted_terms.h"
#include "common/store/schema.h"
#include "common/store/stored_brief.h"

namespace briefsearch {
namespace {

// Indexes the tokens of a text under field, starting at position: the positions now, the
// terms' wdfs into weighted (written once the whole brief is read). Returns the position
// after the last word.
Xapian::termpos index_text(Xapian::Document& document, const TextField& field,
                           const std::vector<Token>& tokens, Xapian::termpos position,
                           WeightedTerms& weighted) {
  const std::string prefix(field.prefix);
  for (const Token& token : tokens) {
    document.add_posting(prefix + token.term, position++, 0);
    weighted.add(field, token);
  }
  if (field.prefix == kTitleField.prefix) {
    std::set<std::string_view> content_stems;
    for (const Token& token : tokens) {
      if (!token.stop_word) content_stems.insert(token.stem);
    }
    document.add_boolean_term(title_length_term(content_stems.size()));
  }
  return position;
}

// One mention of a country: its code and the field of the text that names it.
struct FieldMention {
  std::string code;
  const TextField* field = nullptr;
};

// The countries the title and sections name (their tokens: the title's first, then each
// section's), read together (CountryGazetteer::mentions_in_brief), into evidence; returns
// every mention with its field.
std::vector<FieldMention> add_mentions(const Brief& brief,
                                       const std::vector<std::vector<Token>>& tokens,
                                       CountryEvidence& evidence) {
  std::vector<AnalysedText> texts = {{brief.title, &tokens.front()}};
  for (std::size_t i = 0; i < brief.sections.size(); ++i) {
    texts.push_back({brief.sections[i].text, &tokens[i + 1]});
  }
  const auto mentions = CountryGazetteer::instance().mentions_in_brief(texts);
  const std::size_t label_end = title_label(brief.title).size();
  std::vector<FieldMention> found;
  for (const CountryMention& mention : mentions.front()) {
    evidence.title.push_back(mention.code);
    if (mention.end <= label_end) evidence.label.push_back(mention.code);
    found.push_back({mention.code, &kTitleField});
  }
  for (std::size_t i = 1; i < mentions.size(); ++i) {
    const TextField& field = text_field_for_section(brief.sections[i - 1].name);
    for (const CountryMention& mention : mentions[i]) {
      evidence.body.push_back({mention.code, i - 1, mention.listed});
      found.push_back({mention.code, &field});
    }
  }
  return found;
}

// The lead subject's mentions (the first of subjects), as occurrences of its lead-mentions
// term in their fields, into weighted (kLeadMentionsPrefix); given in the metadata, it
// counts as one more mention, as a date does (kDateTermWdf).
void weigh_lead_mentions(const std::vector<FieldMention>& mentions,
                         const std::vector<std::string>& subjects, const CountryEvidence& evidence,
                         WeightedTerms& weighted, Xapian::Document& document) {
  if (subjects.empty()) return;
  const std::string& lead = subjects.front();
  for (const FieldMention& mention : mentions) {
    if (mention.code == lead) weighted.add_mention(*mention.field, lead_mentions_term(lead));
  }
  if (std::find(evidence.metadata.begin(), evidence.metadata.end(), lead) !=
      evidence.metadata.end()) {
    document.add_term(lead_mentions_term(lead), kDateTermWdf);
  }
}

void add_filter(Xapian::Document& document, const FilterField& field, std::string_view value) {
  if (value.empty()) return;
  const std::string term = filter_term(field, value);
  if (term.size() > field.prefix.size()) document.add_boolean_term(term);
}

// Distinct values, sorted, joined by kFacetValueSeparator.
void add_facet_values(Xapian::Document& document, Xapian::valueno slot,
                      std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::string joined;
  for (const std::string& value : values) {
    if (value.empty() || value.find(kFacetValueSeparator) != std::string::npos) continue;
    if (!joined.empty()) joined += kFacetValueSeparator;
    joined += value;
  }
  if (!joined.empty()) document.add_value(slot, joined);
}

// The countries' filter terms and facet values, and their regions' (with the metadata's
// region, when given).
void add_countries(Xapian::Document& document, const std::vector<std::string>& countries,
                   const std::string& metadata_region, const FilterField& country_field,
                   const FilterField& region_field, Xapian::valueno country_slot,
                   Xapian::valueno region_slot) {
  const CountryGazetteer& gazetteer = CountryGazetteer::instance();
  std::vector<std::string> regions;
  if (!metadata_region.empty()) regions.push_back(metadata_region);
  for (const std::string& country : countries) {
    add_filter(document, country_field, country);
    if (auto region = gazetteer.region_of(country)) regions.emplace_back(*region);
  }
  for (const std::string& region : regions) add_filter(document, region_field, region);
  add_facet_values(document, country_slot, countries);
  add_facet_values(document, region_slot, std::move(regions));
}

}  // namespace

Xapian::Document build_document(const Brief& brief, Analyser& analyser) {
  Xapian::Document document;
  const BriefMetadata& meta = brief.metadata;
  // Metadata countries by code where known, by name otherwise; then those the text names.
  CountryEvidence countries;
  for (const std::string& country : meta.countries) {
    countries.metadata.push_back(canonical_filter_value(kCountryFilter, country));
  }
  Xapian::termpos position = 1;
  WeightedTerms weighted;
  // Every text's tokens are kept until the countries are read: a name's reading may
  // depend on the rest of the brief ("Georgia" in a brief about Atlanta).
  std::vector<std::vector<Token>> tokens;
  tokens.reserve(brief.sections.size() + 1);
  tokens.push_back(analyser.analyse(brief.title));
  position = index_text(document, kTitleField, tokens.back(), position, weighted);
  for (const Section& section : brief.sections) {
    position += kSectionGap;
    tokens.push_back(analyser.analyse(section.text));
    position = index_text(document, text_field_for_section(section.name), tokens.back(), position,
                          weighted);
    add_filter(document, kSectionFilter, canonical_filter_value(kSectionFilter, section.name));
  }
  const std::vector<FieldMention> mentions = add_mentions(brief, tokens, countries);
  const std::vector<std::string> subjects = subject_countries(countries);
  weigh_lead_mentions(mentions, subjects, countries, weighted, document);
  weighted.write(document);
  if (!subjects.empty()) document.add_boolean_term(lead_subject_term(subjects.front()));

  add_filter(document, kIdFilter, brief.id);
  document.add_value(kIdSlot, brief.id);
  const std::string region =
      meta.region.empty() ? "" : canonical_filter_value(kRegionFilter, meta.region);
  add_countries(document, subjects, region, kCountryFilter, kRegionFilter, kCountryFacetSlot,
                kRegionFacetSlot);
  add_countries(document, mentioned_countries(countries), region, kMentionsFilter,
                kMentionsRegionFilter, kMentionsFacetSlot, kMentionsRegionFacetSlot);
  for (const std::string& tag : meta.tags) add_filter(document, kTagFilter, tag);
  std::vector<std::string> tags;
  for (const std::string& tag : meta.tags) tags.push_back(normalise_filter_value(tag));
  add_facet_values(document, kTagFacetSlot, std::move(tags));
  if (!meta.source.empty()) document.add_value(kSourceFacetSlot, meta.source);
  add_filter(document, kSourceFilter, meta.source);
  add_filter(document, kClassificationFilter, meta.classification);
  add_filter(document, kLanguageFilter, meta.language);
  if (brief.date) {
    document.add_value(kDateSlot, brief.date->compact());
    // With the wdf of one mention, so that a year or month word ranks by them too.
    document.add_term(filter_term(kYearFilter, brief.date->compact().substr(0, 4)), kDateTermWdf);
    document.add_term(filter_term(kMonthFilter, brief.date->compact().substr(0, 6)), kDateTermWdf);
  }
  document.set_data(brief_document_data(brief));
  return document;
}

void record_brief_source(Xapian::Document& document, const BriefSource& source) {
  document.add_value(kSourceSlot, encode_brief_source(source));
}

std::optional<std::string> spelling_word(std::string_view term, const TextField& field) {
  if (!term.starts_with(field.prefix) || term.size() == field.prefix.size()) return std::nullopt;
  // Prefixes are capitals and words are lowercase, so a capital here means the term
  // belongs to another, longer prefix.
  const auto first = static_cast<unsigned char>(term[field.prefix.size()]);
  if ((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9')) return std::nullopt;
  return std::string(term.substr(field.prefix.size()));
}

std::vector<std::string> spelling_words(const Xapian::Document& document) {
  std::vector<std::string> words;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    const std::string& name = *term;
    for (const TextField& field : kTextFields) {
      if (auto word = spelling_word(name, field)) words.push_back(std::move(*word));
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

}  // namespace briefsearch

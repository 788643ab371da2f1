#include "common/documents.h"

#include <algorithm>
#include <stdexcept>

#include "common/countries.h"
#include "common/schema.h"

namespace briefsearch {
namespace {

// Indexes text under field, starting at position; returns the position after the last
// word. Countries the text names are added to countries.
Xapian::termpos index_text(Xapian::Document& document, Analyzer& analyzer, const TextField& field,
                           std::string_view text, Xapian::termpos position,
                           std::vector<std::string>& countries) {
  const std::string prefix(field.prefix);
  const std::string stemmed_prefix(kStemmedPrefix);
  const std::vector<Token> tokens = analyzer.analyse(text);
  for (const Token& token : tokens) {
    document.add_posting(prefix + token.term, position++, field.wdf_increment);
    document.add_term(stemmed_prefix + token.stem, field.wdf_increment);
  }
  for (std::string& code : CountryGazetteer::instance().mentioned_in(text, tokens)) {
    countries.push_back(std::move(code));
  }
  return position;
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

// The document data: the brief in a compact binary form, parsed for every hit shown (a
// JSON object took 7% of a one-query process and 8% of a batch). A format byte, then
// each field in a fixed order: strings as a varint length and their bytes, lists as a
// varint count and their items.
constexpr char kDataFormat = '\x02';

void put_number(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

void put_string(std::string& out, std::string_view value) {
  put_number(out, value.size());
  out += value;
}

void put_strings(std::string& out, const std::vector<std::string>& values) {
  put_number(out, values.size());
  for (const std::string& value : values) put_string(out, value);
}

std::string encode_brief(const Brief& brief) {
  std::size_t text_bytes = brief.title.size() + brief.path.size() + brief.id.size();
  for (const Section& section : brief.sections) text_bytes += section.text.size() + 16;
  std::string out;
  out.reserve(text_bytes + 64);
  out += kDataFormat;
  put_string(out, brief.id);
  put_string(out, brief.path);
  put_number(out, brief.line);
  put_string(out, brief.title);
  put_string(out, brief.date ? brief.date->iso() : "");
  put_number(out, brief.sections.size());
  for (const Section& section : brief.sections) {
    put_string(out, section.name);
    put_string(out, section.text);
  }
  const BriefMetadata& meta = brief.metadata;
  put_string(out, meta.region);
  put_strings(out, meta.countries);
  put_strings(out, meta.tags);
  put_string(out, meta.source);
  put_string(out, meta.classification);
  put_string(out, meta.language);
  return out;
}

// Reads encode_brief's fields back; any overrun or leftover means the data is not ours.
class DataReader {
 public:
  explicit DataReader(std::string_view data) : data_(data) {}

  std::uint64_t number() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= data_.size()) fail();
      const auto byte = static_cast<unsigned char>(data_[at_++]);
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (byte < 0x80) return value;
    }
    fail();
  }

  std::string string() {
    const std::uint64_t size = number();
    if (size > data_.size() - at_) fail();
    std::string value(data_.substr(at_, size));
    at_ += size;
    return value;
  }

  std::vector<std::string> strings() {
    std::vector<std::string> values(checked_count());
    for (std::string& value : values) value = string();
    return values;
  }

  // A count of items that each take at least one byte.
  std::size_t checked_count() {
    const std::uint64_t count = number();
    if (count > data_.size() - at_) fail();
    return count;
  }

  void expect_end() const {
    if (at_ != data_.size()) fail();
  }

  [[noreturn]] static void fail() {
    throw std::runtime_error("document data is not a stored brief");
  }

 private:
  std::string_view data_;
  std::size_t at_ = 0;
};

}  // namespace

Xapian::Document build_document(const Brief& brief, Analyzer& analyzer) {
  Xapian::Document document;
  const CountryGazetteer& gazetteer = CountryGazetteer::instance();
  const BriefMetadata& meta = brief.metadata;
  // Metadata countries by code where known, by name otherwise; then those the text names.
  std::vector<std::string> countries;
  for (const std::string& country : meta.countries) {
    countries.push_back(gazetteer.code_for(country).value_or(country));
  }
  Xapian::termpos position = 1;
  position = index_text(document, analyzer, kTitleField, brief.title, position, countries);
  for (const Section& section : brief.sections) {
    position += kSectionGap;
    position = index_text(document, analyzer, text_field_for_section(section.name), section.text,
                          position, countries);
    add_filter(document, kSectionNameFilter, section.name);
  }

  add_filter(document, kIdFilter, brief.id);
  // Regions: the one the metadata gives, and the region of every country named.
  std::vector<std::string> regions;
  if (!meta.region.empty()) {
    regions.emplace_back(CountryGazetteer::canonical_region(meta.region).value_or(meta.region));
  }
  std::vector<std::string> country_values;
  for (const std::string& country : countries) {
    add_filter(document, kCountryFilter, country);
    country_values.push_back(country);
    if (auto region = gazetteer.region_of(country)) regions.emplace_back(*region);
  }
  for (const std::string& region : regions) add_filter(document, kRegionFilter, region);
  for (const std::string& tag : meta.tags) add_filter(document, kTagFilter, tag);
  add_facet_values(document, kCountryFacetSlot, std::move(country_values));
  add_facet_values(document, kRegionFacetSlot, std::move(regions));
  std::vector<std::string> tags;
  for (const std::string& tag : meta.tags) tags.push_back(normalise_filter_value(tag));
  add_facet_values(document, kTagFacetSlot, std::move(tags));
  if (!meta.source.empty()) document.add_value(kSourceFacetSlot, meta.source);
  add_filter(document, kSourceFilter, meta.source);
  add_filter(document, kClassificationFilter, meta.classification);
  add_filter(document, kLanguageFilter, meta.language);
  if (brief.date) {
    document.add_value(kDateSlot, brief.date->compact());
    add_filter(document, kYearFilter, brief.date->compact().substr(0, 4));
    add_filter(document, kMonthFilter, brief.date->compact().substr(0, 6));
  }
  document.set_data(encode_brief(brief));
  return document;
}

void record_file_state(Xapian::Document& document, const FileState& state) {
  document.add_value(kFileStateSlot, encode_file_state(state));
}

std::optional<std::string_view> spelling_word(std::string_view term, const TextField& field) {
  if (!term.starts_with(field.prefix) || term.size() == field.prefix.size()) return std::nullopt;
  // Prefixes are capitals and words are lowercase, so a capital here means the term
  // belongs to another, longer prefix.
  const auto first = static_cast<unsigned char>(term[field.prefix.size()]);
  if ((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9')) return std::nullopt;
  return term.substr(field.prefix.size());
}

std::vector<std::string> spelling_words(const Xapian::Document& document) {
  std::vector<std::string> words;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    const std::string& name = *term;
    for (const TextField& field : kTextFields) {
      if (auto word = spelling_word(name, field)) words.emplace_back(*word);
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

Brief brief_from_document_data(const std::string& data) {
  if (data.empty() || data.front() != kDataFormat) DataReader::fail();
  DataReader reader(std::string_view(data).substr(1));
  Brief brief;
  brief.id = reader.string();
  brief.path = reader.string();
  brief.line = reader.number();
  brief.title = reader.string();
  brief.date = CalendarDate::parse(reader.string());
  brief.sections.resize(reader.checked_count());
  for (Section& section : brief.sections) {
    section.name = reader.string();
    section.text = reader.string();
  }
  BriefMetadata& meta = brief.metadata;
  meta.region = reader.string();
  meta.countries = reader.strings();
  meta.tags = reader.strings();
  meta.source = reader.string();
  meta.classification = reader.string();
  meta.language = reader.string();
  reader.expect_end();
  return brief;
}

}  // namespace briefsearch

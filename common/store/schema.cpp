#include "common/store/schema.h"

#include <cstdint>
#include <cstdio>

#include "common/base/string_utils.h"
#include "common/parse/section_builder.h"

namespace briefsearch {
namespace {

// Xapian rejects terms over 245 bytes; keep well clear of it.
constexpr std::size_t kMaxTermBytes = 240;

std::string bounded_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() + value.size() <= kMaxTermBytes) {
    term += value;
    return term;
  }
  char hash[24];
  std::snprintf(hash, sizeof hash, "#%016llx", static_cast<unsigned long long>(hash_bytes(value)));
  std::size_t keep = kMaxTermBytes - prefix.size() - (sizeof hash - 7);
  // Cut on a UTF-8 character boundary.
  while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80) --keep;
  term += value.substr(0, keep);
  term += hash;
  return term;
}

}  // namespace

const TextField& text_field_for_section(std::string_view section_name) {
  const std::string name = ascii_lowercase(section_name);
  if (name == "description") return kDescriptionField;
  if (name == "impact") return kImpactField;
  return kOtherSectionField;
}

std::optional<TextField> text_field_named(std::string_view name) {
  const std::string lowered = ascii_lowercase(name);
  if (lowered == "desc") return kDescriptionField;
  for (const TextField& field : kTextFields) {
    if (lowered == field.name) return field;
  }
  return std::nullopt;
}

std::optional<QueryField> query_field_named(std::string_view name) {
  const std::string lowered = ascii_lowercase(name);
  QueryField field;
  if (lowered == "date") {
    field.kind = QueryField::Kind::kDate;
    return field;
  }
  if (lowered == "lang") {
    field.kind = QueryField::Kind::kFilter;
    field.filter = kLanguageFilter;
    return field;
  }
  if (lowered == "section") {
    field.kind = QueryField::Kind::kFilter;
    field.filter = kSectionNameFilter;
    return field;
  }
  for (const FilterField& filter : {kCountryFilter, kRegionFilter, kTagFilter, kSourceFilter,
                                    kIdFilter, kClassificationFilter, kLanguageFilter}) {
    if (lowered == filter.name) {
      field.kind = QueryField::Kind::kFilter;
      field.filter = filter;
      return field;
    }
  }
  if (lowered == "desc" || lowered == "description") {
    field.text = kDescriptionField;
    return field;
  }
  if (lowered == kTitleField.name || lowered == kImpactField.name) {
    field.text = lowered == kTitleField.name ? kTitleField : kImpactField;
    return field;
  }
  std::string spaced = lowered;
  for (char& c : spaced) {
    if (c == '-' || c == '_') c = ' ';
  }
  if (auto section = canonical_section_name(spaced)) {
    field.text = kOtherSectionField;
    field.section = *section;
    return field;
  }
  return std::nullopt;
}

std::string normalise_filter_value(std::string_view value) {
  std::string normalised;
  bool pending_separator = false;
  for (char c : trim(value)) {
    if (c == ' ' || c == '\t' || c == '_') {
      pending_separator = true;
      continue;
    }
    if (pending_separator && !normalised.empty()) normalised += '-';
    pending_separator = false;
    normalised += c;
  }
  return ascii_lowercase(normalised);
}

std::string filter_term(const FilterField& field, std::string_view value) {
  if (field.exact) return bounded_term(field.prefix, value);
  return bounded_term(field.prefix, normalise_filter_value(value));
}

}  // namespace briefsearch

#include "common/store/schema.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "common/base/string_utils.h"
#include "common/brief/section_names.h"

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
  term += utf8_prefix(value, kMaxTermBytes - prefix.size() - (sizeof hash - 7));
  term += hash;
  return term;
}

}  // namespace

Xapian::BM25Weight bm25f_weighting() {
  return Xapian::BM25Weight(kBm25K1 * kWdfScale, 0, 1, kDocumentLengthNormalisation, 0.5);
}

Xapian::termcount scaled_wdf(double pseudo_frequency) {
  // Far under Xapian's 32-bit wdf, whatever a brief repeats.
  constexpr double kLargest = 1e9;
  const double scaled = std::round(kWdfScale * pseudo_frequency);
  if (!(scaled >= 1)) return 1;
  return static_cast<Xapian::termcount>(std::min(scaled, kLargest));
}

std::string title_length_term(std::size_t content_words) {
  return std::string(kTitleLengthPrefix) + std::to_string(content_words);
}

const TextField& text_field_for_section(std::string_view section_name) {
  const std::string name = ascii_lowercase(section_name);
  if (name == "description") return kDescriptionField;
  if (name == "impact") return kImpactField;
  return kOtherSectionsField;
}

std::optional<QueryField> query_field_named(std::string_view name) {
  const std::string lowered = ascii_lowercase(name);
  QueryField field;
  for (const QueryFieldName& row : kQueryFieldNames) {
    if (lowered != row.name) continue;
    field.kind = row.kind;
    if (row.text) field.text = *row.text;
    if (row.filter) field.filter = *row.filter;
    return field;
  }
  if (auto section = section_named_in_query(lowered)) {
    // "impact-:" names the Impact section, which has a field of its own: the one "impact:"
    // gives, so the two search alike and --explain's "impact:" reads back the same.
    field.text = text_field_for_section(*section);
    if (field.text.prefix == kOtherSectionsField.prefix) field.named_section = std::move(*section);
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

// The country's value as a country filter term holds it, under another prefix.
std::string lead_subject_term(std::string_view country) {
  return filter_term({"lead-subject", kLeadSubjectPrefix}, country);
}

std::string lead_mentions_term(std::string_view country) {
  return filter_term({"lead-mentions", kLeadMentionsPrefix}, country);
}

std::string filter_term(const FilterField& field, std::string_view value) {
  if (field.exact) return bounded_term(field.prefix, value);
  return bounded_term(field.prefix, normalise_filter_value(value));
}

}  // namespace briefsearch

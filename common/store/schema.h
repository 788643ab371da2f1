// The one table of how briefs are laid out in Xapian: term prefixes, value slots, weights
// and the schema version. The indexer writes it and the searcher reads it from here only.
//
// Persisted: changing a prefix, a slot, the section gap or the document data layout
// changes the on-disk format, and must come with a new kSchemaVersion; changing the
// analyser's output must come with a new kAnalyserVersion.
#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace briefsearch {

// 3: the id in kIdSlot, for ordering ties; brief sources in kSourceSlot, per-file states
// and the roots in the metadata.
inline constexpr int kSchemaVersion = 3;
// Database metadata key holding kSchemaVersion as decimal text.
inline constexpr std::string_view kSchemaVersionKey = "briefsearch.schema_version";
// Database metadata key holding the roots the database indexes (RootTable::encode in
// common/store/roots.h). Persisted.
inline constexpr std::string_view kRootsKey = "briefsearch.roots";
// The metadata key prefix of per-file states (common/store/file_state.h); the rest of a
// key is the 16 lowercase hex digits of hash_bytes(absolute path), which keeps every key
// far under Xapian's 245-byte limit. Persisted.
inline constexpr std::string_view kFileStateKeyPrefix = "briefsearch.file.";

// The first byte of each binary encoding the database holds. Persisted: changing one, or
// the layout it announces, changes the on-disk format and needs a new kSchemaVersion.
// The document data: a Brief (common/store/stored_brief.h), parsed for every hit shown
// (a JSON object took 7% of a one-query process and 8% of a batch).
inline constexpr char kStoredBriefFormat = '\x02';
// A file's state in the metadata (FileState, common/store/file_state.h).
inline constexpr char kFileStateFormat = '\x02';
// A brief's source in kSourceSlot (BriefSource, common/store/file_state.h).
inline constexpr char kBriefSourceFormat = '\x01';
// The roots in kRootsKey (RootTable, common/store/roots.h).
inline constexpr char kRootsFormat = '\x01';

// Version of the analyser's output (common/analysis/analyser.h): the terms and stems it gives for
// any text. Persisted: bump it whenever analyse() changes its output (normalisation,
// folding, segmentation, stop words, stemming); both binaries refuse a database that
// records another version, as they do for kSchemaVersion. A unit test pins the output.
// 1: NFKC case folding, combining marks removed, Latin letters folded as ICU's
//    Latin-ASCII (schema 3).
inline constexpr int kAnalyserVersion = 1;
// The data that decides country and region terms as much as the analyser does:
// hash_bytes of data/country-aliases.tsv followed by data/regions.tsv (as embedded,
// common/base/embedded_data.h). A unit test fails when the files change and this does
// not: update it together with a new kAnalyserVersion.
inline constexpr std::uint64_t kAnalyserDataDigest = 0x9c1b509683751cb8;
// Database metadata key holding kAnalyserVersion as decimal text.
// (The key keeps the spelling it was first written with: databases already hold it.)
inline constexpr std::string_view kAnalyserVersionKey = "briefsearch.analyzer_version";

// Prefix of stemmed terms: "Z" + stem, one term for the word in every text field, without
// positions. A plain word query reads one posting list instead of one per field (2-3x
// faster at 100,000 briefs); a field-restricted word is matched through the field's exact
// terms that have its stem.
inline constexpr std::string_view kStemmedPrefix = "Z";

// Positions skipped between sections, so no phrase can span two of them.
inline constexpr Xapian::termpos kSectionGap = 100;

// Searchable text. Each word is indexed once, with positions, under its field's prefix,
// and its stem once under kStemmedPrefix with the field's weight.
struct TextField {
  std::string_view name;  // as typed in queries: "title", "description", ...
  std::string_view prefix;
  Xapian::termcount wdf_increment;  // how much one occurrence weighs
};

inline constexpr TextField kTitleField{"title", "S", 3};
inline constexpr TextField kDescriptionField{"description", "XD", 1};
inline constexpr TextField kImpactField{"impact", "XI", 1};
// The text of every other section (Background, Assessment, Outlook, ...). Its name is no
// query's: a query names these sections one by one ("outlook:", "key-judgments:"), and
// the builder filters this field by kSectionFilter.
inline constexpr TextField kOtherSectionsField{"other-sections", "XS", 1};

inline constexpr std::array<TextField, 4> kTextFields = {kTitleField, kDescriptionField,
                                                         kImpactField, kOtherSectionsField};

// The field a section's text is indexed under, from its name.
[[nodiscard]] const TextField& text_field_for_section(std::string_view section_name);

// Exact filters, stored as boolean terms with wdf 0.
struct FilterField {
  std::string_view name;
  std::string_view prefix;
  // Exact values keep their case and spacing; the others are normalised.
  bool exact = false;
};

inline constexpr FilterField kIdFilter{"id", "Q", true};
inline constexpr FilterField kCountryFilter{"country", "XC"};
inline constexpr FilterField kRegionFilter{"region", "XR"};
inline constexpr FilterField kTagFilter{"tag", "K"};
inline constexpr FilterField kSourceFilter{"source", "XO"};
inline constexpr FilterField kClassificationFilter{"classification", "XL"};
inline constexpr FilterField kLanguageFilter{"language", "L"};
// Which sections a brief has, by canonical name (common/brief/section_names.h): "section:".
inline constexpr FilterField kSectionFilter{"section", "XN"};
inline constexpr FilterField kYearFilter{"year", "Y"};
inline constexpr FilterField kMonthFilter{"month", "M"};

inline constexpr std::array<FilterField, 10> kFilterFields = {
    kIdFilter,     kCountryFilter,        kRegionFilter,   kTagFilter,
    kSourceFilter, kClassificationFilter, kLanguageFilter, kSectionFilter,
    kYearFilter,   kMonthFilter};

// What a "name:" prefix in a query refers to.
struct QueryField {
  enum class Kind { kText, kFilter, kDate };
  Kind kind = Kind::kText;
  TextField text = kTitleField;
  FilterField filter = kIdFilter;
  // For a section named as a field ("outlook:", "key-judgments:"): its canonical name;
  // text is then kOtherSectionsField.
  std::string named_section;
};

// One row per name a query may write before ':'; aliases ("desc", "lang") are rows of
// their own. A field's canonical name is its TextField or FilterField name, and every
// canonical name has a row, so a query printed with canonical names reads back the same.
struct QueryFieldName {
  std::string_view name;  // lowercase
  QueryField::Kind kind;
  const TextField* text = nullptr;      // for kText
  const FilterField* filter = nullptr;  // for kFilter
};

inline constexpr std::array<QueryFieldName, 14> kQueryFieldNames = {{
    {"title", QueryField::Kind::kText, &kTitleField},
    {"description", QueryField::Kind::kText, &kDescriptionField},
    {"desc", QueryField::Kind::kText, &kDescriptionField},
    {"impact", QueryField::Kind::kText, &kImpactField},
    {"country", QueryField::Kind::kFilter, nullptr, &kCountryFilter},
    {"region", QueryField::Kind::kFilter, nullptr, &kRegionFilter},
    {"tag", QueryField::Kind::kFilter, nullptr, &kTagFilter},
    {"source", QueryField::Kind::kFilter, nullptr, &kSourceFilter},
    {"id", QueryField::Kind::kFilter, nullptr, &kIdFilter},
    {"classification", QueryField::Kind::kFilter, nullptr, &kClassificationFilter},
    {"language", QueryField::Kind::kFilter, nullptr, &kLanguageFilter},
    {"lang", QueryField::Kind::kFilter, nullptr, &kLanguageFilter},
    {"section", QueryField::Kind::kFilter, nullptr, &kSectionFilter},
    {"date", QueryField::Kind::kDate},
}};

// The field name refers to, case-insensitively: a row of kQueryFieldNames, else a section
// named as a field (section_named_in_query: "outlook", "key-judgments"); nothing for
// other names.
[[nodiscard]] std::optional<QueryField> query_field_named(std::string_view name);

// Value slots.
inline constexpr Xapian::valueno kDateSlot = 0;  // "YYYYMMDD"; empty when undated
// Where the brief came from and a hash of it, as written by encode_brief_source: what
// incremental indexing compares against, record by record.
inline constexpr Xapian::valueno kSourceSlot = 1;
// Facet values, several joined by kFacetValueSeparator: country codes ("CN"), region
// names ("Middle East"), tags and the source, as shown in facet counts.
inline constexpr Xapian::valueno kCountryFacetSlot = 2;
inline constexpr Xapian::valueno kRegionFacetSlot = 3;
inline constexpr Xapian::valueno kTagFacetSlot = 4;
inline constexpr Xapian::valueno kSourceFacetSlot = 5;
inline constexpr char kFacetValueSeparator = '\n';
// The brief's id, byte for byte. Hits of equal score (or, sorted by date, of equal date)
// are ordered by it, so the order does not depend on Xapian's document numbers: the same
// briefs in one database or in several searched together come in the same order.
inline constexpr Xapian::valueno kIdSlot = 6;

// Filter values are matched case-insensitively, with runs of spaces read as one hyphen:
// "Middle East" and "middle-east" give the same term.
[[nodiscard]] std::string normalise_filter_value(std::string_view value);

// prefix + value (normalised unless the field is exact), kept under Xapian's term length
// limit: a value too long to fit is cut and ends with a hash of the whole value, so
// distinct long values stay distinct.
[[nodiscard]] std::string filter_term(const FilterField& field, std::string_view value);

}  // namespace briefsearch

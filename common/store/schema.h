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
// 4: country and region terms and facet slots hold a brief's subjects
// (common/analysis/subjects.h); every mention moves to kMentionsFilter,
// kMentionsRegionFilter and their facet slots.
// 5: wdfs are BM25F pseudo-frequencies (TextField below), scaled by kWdfScale; the
// title's length as a kTitleLengthPrefix term.
// 6: the year and month terms carry the wdf of one mention (kDateTermWdf).
// 7: the lead subject as a kLeadSubjectPrefix term, and its mentions by any of its names
// as a kLeadMentionsPrefix term with a BM25F wdf.
inline constexpr int kSchemaVersion = 7;
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
// 2: the same terms; data/country-aliases.tsv files places without a code of their own
//    under a country (Somaliland as SO, Transnistria as MD) (schema 4).
// 3: French and Italian elided articles dropped ("d'ivoire" -> "ivoire") (schema 5).
// 4: former names of countries (Persia, Siam) in data/country-aliases.tsv; country
//    mentions need a capital; places within a country (US states) are mentions of it but
//    not its names; names that are also a person's or a US state's read by context; the
//    subject rule's companions must be named in the first section, a country in a list
//    counts half, and the country the body names first leads (schema 5).
inline constexpr int kAnalyserVersion = 4;
// The data that decides country and region terms as much as the analyser does:
// hash_bytes of data/country-aliases.tsv followed by data/regions.tsv (as embedded,
// common/base/embedded_data.h). A unit test fails when the files change and this does
// not: update it together with a new kAnalyserVersion.
inline constexpr std::uint64_t kAnalyserDataDigest = 0x7e2dbc6cbea39f4c;
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
// and its stem once under kStemmedPrefix for all fields together.
//
// Ranking is BM25F (Robertson, Zaragoza and Taylor, "Simple BM25 extension to multiple
// weighted fields", CIKM 2004), split between the index and the query so that stock
// xapian-tcpsrv servers, which rebuild only Xapian's own weighting schemes, rank alike:
// the indexer stores each term's wdf already weighted and normalised by its field's
// length, and the searcher saturates it with Xapian's BM25Weight (bm25f_weighting()).
// For a term and a brief:
//   pseudo-frequency = sum over fields f of weight_f * tf_f / B_f,
//   B_f = (1 - kFieldLengthNormalisation) + kFieldLengthNormalisation * length_f /
//   average_length_f, wdf = max(1, round(kWdfScale * pseudo-frequency)),
// with tf_f the occurrences in field f and length_f the field's words (stop words
// included). An exact term (one field) uses its own field's B_f and weight 1, so that a
// field query ("title:sudan") is BM25 over that field alone. Whole-brief normalisation
// stays as well, at query time (kDocumentLengthNormalisation): the fields alone let a
// brief with one short section outrank those that discuss a word at length.
// Tuned on corpus/ and the generated corpus (docs/relevance.md). Persisted: changing any
// of these changes every stored wdf and needs a new kSchemaVersion.
struct TextField {
  std::string_view name;  // as typed in queries: "title", "description", ...
  std::string_view prefix;
  double weight;          // what one occurrence counts for in the stemmed term (weight_f)
  double average_length;  // words (average_length_f): measured on corpus/, 51 briefs
};

// b_f above, in [0, 1]: 0 ignores a field's length, 1 divides by its relative length.
inline constexpr double kFieldLengthNormalisation = 0.5;
// Stored wdf per unit of pseudo-frequency: Xapian's wdf is an integer, so the scale
// keeps a tenth of an occurrence.
inline constexpr double kWdfScale = 10;
// BM25's k1 in units of pseudo-frequency (scaled by kWdfScale in bm25f_weighting()).
inline constexpr double kBm25K1 = 1.0;
// BM25's b over the whole brief's length (the sum of its wdfs), in [0, 1].
inline constexpr double kDocumentLengthNormalisation = 0.75;

// The weighting scheme every ranked search uses: Xapian's BM25Weight with k1 =
// kBm25K1 * kWdfScale, b = kDocumentLengthNormalisation and Xapian's defaults otherwise
// (k2 0, k3 1, min_normlen 0.5).
[[nodiscard]] Xapian::BM25Weight bm25f_weighting();

// A term's stored wdf for pseudo_frequency (above; >= 0): at least 1, so that every
// occurrence can be found.
[[nodiscard]] Xapian::termcount scaled_wdf(double pseudo_frequency);

// The wdf of a brief's year and month terms (kYearFilter, kMonthFilter): one occurrence,
// as scaled_wdf(1) writes it. Persisted: changing it needs a new kSchemaVersion.
inline constexpr auto kDateTermWdf = static_cast<Xapian::termcount>(kWdfScale);

// The title's BM25F weight is small: what ranks the brief whose title says what a query
// asks is the title boost (common/query/boosts.h), which counts only titles that hold
// several of the query's words. At weight 1 a body word that another brief has in its
// title lifted that brief (body known-items, docs/relevance.md: 0.926 against 0.930).
inline constexpr TextField kTitleField{"title", "S", 0.25, 9};
inline constexpr TextField kDescriptionField{"description", "XD", 1, 120};
inline constexpr TextField kImpactField{"impact", "XI", 1, 120};
// The text of every other section (Background, Assessment, Outlook, ...). Its name is no
// query's: a query names these sections one by one ("outlook:", "key-judgments:"), and
// the builder filters this field by kSectionFilter.
inline constexpr TextField kOtherSectionsField{"other-sections", "XS", 1, 70};

inline constexpr std::array<TextField, 4> kTextFields = {kTitleField, kDescriptionField,
                                                         kImpactField, kOtherSectionsField};

// A boolean term for how many distinct content words a brief's title has: the stems of
// its words that are not stop words ("Sudan: Introduction" 2, "South Sudan:
// Introduction" 3). The title boost ranks a title that holds all of a query's words and
// no other first (common/query/boosts.h).
inline constexpr std::string_view kTitleLengthPrefix = "XTW";
[[nodiscard]] std::string title_length_term(std::size_t content_words);

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
// The countries a brief is about (common/analysis/subjects.h) and their regions.
inline constexpr FilterField kCountryFilter{"country", "XC"};
inline constexpr FilterField kRegionFilter{"region", "XR"};
// A boolean term for a brief's lead subject, the first of its subject countries (the most
// telling: subject_countries in common/analysis/subjects.h), normalised as a country
// filter value is: "XPca". A query word naming the country ranks the briefs led by it
// first (common/query/boosts.h).
inline constexpr std::string_view kLeadSubjectPrefix = "XP";
[[nodiscard]] std::string lead_subject_term(std::string_view country);
// A term for the lead subject (normalised as lead_subject_term: "XAca") whose wdf is the
// BM25F pseudo-frequency (TextField above) of the brief's mentions of it by any name the
// gazetteer reads as it ("Canada", "Canadian", "Canadians"), one more when the metadata
// gives it. A brief filed under a country that calls it only by other names is scored by
// it for a plain word naming the country (common/query/builder.cpp). Only the lead
// subject has one, so the query reads a short posting list.
inline constexpr std::string_view kLeadMentionsPrefix = "XA";
[[nodiscard]] std::string lead_mentions_term(std::string_view country);
// Every country the brief names or its metadata gives, subjects included, and their
// regions.
inline constexpr FilterField kMentionsFilter{"mentions", "XM"};
inline constexpr FilterField kMentionsRegionFilter{"mentions-region", "XG"};
inline constexpr FilterField kTagFilter{"tag", "K"};
inline constexpr FilterField kSourceFilter{"source", "XO"};
inline constexpr FilterField kClassificationFilter{"classification", "XL"};
inline constexpr FilterField kLanguageFilter{"language", "L"};
// Which sections a brief has, by canonical name (common/brief/section_names.h): "section:".
inline constexpr FilterField kSectionFilter{"section", "XN"};
// The brief's year ("Y2025") and month ("M202507"). Unlike the other filter terms they carry
// a wdf, kDateTermWdf: a year or month written as a word in a query matches the brief's
// date as a synonym of the word (common/query/builder.cpp), and a brief dated then ranks as
// one whose text says it once, rather than below every brief that merely mentions it.
inline constexpr FilterField kYearFilter{"year", "Y"};
inline constexpr FilterField kMonthFilter{"month", "M"};

inline constexpr std::array<FilterField, 12> kFilterFields = {
    kIdFilter,   kCountryFilter, kRegionFilter,         kMentionsFilter, kMentionsRegionFilter,
    kTagFilter,  kSourceFilter,  kClassificationFilter, kLanguageFilter, kSectionFilter,
    kYearFilter, kMonthFilter};

// What a "name:" prefix in a query refers to.
struct QueryField {
  enum class Kind { kText, kFilter, kDate };
  Kind kind = Kind::kText;
  TextField text = kTitleField;
  FilterField filter = kIdFilter;
  // For a section named as a field ("outlook:", "key-judgments:"): its canonical name;
  // text is then kOtherSectionsField. A section with a field of its own ("impact-:") gives
  // that field (text_field_for_section) and no name here.
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

inline constexpr std::array<QueryFieldName, 16> kQueryFieldNames = {{
    {"title", QueryField::Kind::kText, &kTitleField},
    {"description", QueryField::Kind::kText, &kDescriptionField},
    {"desc", QueryField::Kind::kText, &kDescriptionField},
    {"impact", QueryField::Kind::kText, &kImpactField},
    {"country", QueryField::Kind::kFilter, nullptr, &kCountryFilter},
    {"region", QueryField::Kind::kFilter, nullptr, &kRegionFilter},
    {"mentions", QueryField::Kind::kFilter, nullptr, &kMentionsFilter},
    {"mentions-region", QueryField::Kind::kFilter, nullptr, &kMentionsRegionFilter},
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
// names ("Middle East"), tags and the source, as shown in facet counts. Countries and
// regions by subject here, by mention in kMentionsFacetSlot and kMentionsRegionFacetSlot.
inline constexpr Xapian::valueno kCountryFacetSlot = 2;
inline constexpr Xapian::valueno kRegionFacetSlot = 3;
inline constexpr Xapian::valueno kTagFacetSlot = 4;
inline constexpr Xapian::valueno kSourceFacetSlot = 5;
inline constexpr char kFacetValueSeparator = '\n';
// The brief's id, byte for byte. Hits of equal score (or, sorted by date, of equal date)
// are ordered by it, so the order does not depend on Xapian's document numbers: the same
// briefs in one database or in several searched together come in the same order.
inline constexpr Xapian::valueno kIdSlot = 6;
inline constexpr Xapian::valueno kMentionsFacetSlot = 7;
inline constexpr Xapian::valueno kMentionsRegionFacetSlot = 8;

// Filter values are matched case-insensitively, with runs of spaces read as one hyphen:
// "Middle East" and "middle-east" give the same term.
[[nodiscard]] std::string normalise_filter_value(std::string_view value);

// prefix + value (normalised unless the field is exact), kept under Xapian's term length
// limit: a value too long to fit is cut and ends with a hash of the whole value, so
// distinct long values stay distinct.
[[nodiscard]] std::string filter_term(const FilterField& field, std::string_view value);

}  // namespace briefsearch

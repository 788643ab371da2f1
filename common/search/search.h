// Runs a query against the databases and returns plain values (hits, counts, facets), so
// writers never see Xapian objects.
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/base/named_choices.h"
#include "common/query/highlight.h"
#include "common/store/schema.h"

namespace briefsearch {

struct Hit {
  std::size_t rank = 0;  // 1-based over the whole result list, offset included
  std::string id;
  std::string path;
  std::string title;
  std::string date;  // "YYYY-MM-DD", empty when the brief is undated
  double score = 0;
  std::string snippet;
  // [begin, end) byte offsets of matched words in snippet.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
  // With SearchOptions::explain: the index terms this brief matched, with their weight
  // in it (wdf) and how many briefs have them.
  struct MatchedTerm {
    std::string term;
    Xapian::termcount wdf = 0;
    Xapian::doccount briefs = 0;
  };
  std::vector<MatchedTerm> matched_terms;
  // The record's line in a JSON Lines file (path#line names it); 0 for other formats.
  std::size_t line = 0;
  // A hit of a relaxed search (SearchReport::relaxation): it lacks some of the query's
  // words.
  bool relaxed = false;
};

// Relevance is BM25 with ties by id; newest and oldest order by date with ties by id,
// undated briefs last (newest) or first (oldest).
enum class SortOrder { kRelevance, kNewest, kOldest };

// Every sort order by name, as brief-search --sort accepts and --help lists them.
inline constexpr std::array<NamedChoice<SortOrder>, 3> kSortOrders = {{
    {"relevance", SortOrder::kRelevance, "the default when there are words or --like to rank by"},
    {"newest", SortOrder::kNewest, "the default for filters and dates alone"},
    {"oldest", SortOrder::kOldest, ""},
}};

// The order named so in kSortOrders, or nothing.
[[nodiscard]] std::optional<SortOrder> sort_order_named(std::string_view name);

enum class Facet { kCountry, kRegion, kMentions, kMentionsRegion, kYear, kMonth, kTag, kSource };

// Where a facet counts its values: a multi-valued slot (values joined by
// kFacetValueSeparator) when date_prefix is 0, otherwise the first date_prefix characters
// of the date slot ("2025"; "202507", shown as "2025-07").
struct FacetRow {
  std::string_view name;
  Facet value;
  Xapian::valueno slot;
  std::size_t date_prefix;
};

// Every facet, by name, as brief-search --facet accepts and --help lists them.
inline constexpr std::array<FacetRow, 8> kFacets = {{
    {"country", Facet::kCountry, kCountryFacetSlot, 0},
    {"region", Facet::kRegion, kRegionFacetSlot, 0},
    {"mentions", Facet::kMentions, kMentionsFacetSlot, 0},
    {"mentions-region", Facet::kMentionsRegion, kMentionsRegionFacetSlot, 0},
    {"year", Facet::kYear, kDateSlot, 4},
    {"month", Facet::kMonth, kDateSlot, 6},
    {"tag", Facet::kTag, kTagFacetSlot, 0},
    {"source", Facet::kSource, kSourceFacetSlot, 0},
}};

// The facet named so in kFacets, or nothing; and a facet's name there.
[[nodiscard]] std::optional<Facet> facet_named(std::string_view name);
[[nodiscard]] std::string_view facet_name(Facet facet);

struct FacetCount {
  std::string value;
  Xapian::doccount count = 0;
  // For a country (the country and mentions facets): ICU's English name of the code
  // (CountryGazetteer::display_name, "United States" for "US"); empty for other facets and
  // for a metadata country no table knows, whose value is already the name as written.
  std::string name;
};

// SearchOptions::limit for every match from the offset on.
inline constexpr std::size_t kAllMatches = static_cast<std::size_t>(-1);

struct SearchOptions {
  std::size_t offset = 0;
  // The most hits to return (kAllMatches: every match); 0 ranks nothing and only counts.
  std::size_t limit = 10;
  SortOrder sort = SortOrder::kRelevance;
  std::vector<Facet> facets;
  bool explain = false;
  // Make each hit's snippet; off when nothing shows it (--format paths), which then
  // reads a hit's stored brief for its path alone.
  bool snippets = true;
  // Count every match, so that SearchResults::total is exact whatever the query (--format
  // count). It costs a full pass over the matches; --facet implies it.
  bool exact_total = false;
  // How many values of each facet to show, most frequent first (0: all); nothing for the
  // format's default (text shows 10, the machine formats all). Counting is always over
  // every value: this only cuts what is shown.
  std::optional<std::size_t> facet_limit;
};

struct SearchResults {
  std::vector<Hit> hits;
  // Number of matching briefs: exact when total_exact, otherwise a guaranteed lower bound
  // (Xapian's get_matches_lower_bound): at least this many briefs match, maybe more. Never
  // Xapian's estimate, which can be above or below the truth.
  std::size_t total = 0;
  bool total_exact = true;
  // Counts over all matches (not only the page shown), most frequent first. Always exact:
  // asking for facets makes the match count every brief.
  std::map<Facet, std::vector<FacetCount>> facets;
};

// Counts up to this many matches exactly before settling for a lower bound.
inline constexpr Xapian::doccount kExactCountThreshold = 100;

// The ranking is fetched in pages: the first of this many hits, each next one as large as
// all before it (so a long list costs a few runs of the matcher, not one per page), up to
// kLastPageHits. Only one page of ranks (docid and weight, not the briefs) is held at once.
inline constexpr std::size_t kFirstPageHits = 1000;
inline constexpr std::size_t kLastPageHits = 128 * 1024;

// Receives the hits of a streamed search one at a time, in rank order, as they are read;
// returns false to end the search there (the reader has gone).
using HitSink = std::function<bool(const Hit&)>;

// Ranked by BM25 (or by date); snippets show the passage that best matches highlights.
// With limit 0 nothing is ranked, so no weights are computed. An empty query matches
// nothing. Hits are read in pages (kFirstPageHits) and kept in SearchResults::hits or,
// when sink is given, handed to it one by one and not kept, so the memory a search needs
// does not grow with the hits it writes. The total is exact when every match was seen
// (all of them streamed, an exact count asked for, or few enough), otherwise a lower
// bound. A search that a writer overtakes reopens the database and starts over
// (reopen_and_retry, common/store/reopen_retry.h); sink gets the first kHeldHits hits
// only once they are all read (common/search/held_hits.h), so that the search can start
// over until then. Throws DatabaseChangingError when the writer kept overtaking it, or
// overtook it after hits went to sink; WildcardLimitError when a wildcard expands too far,
// QueryError (without the query text, which the caller adds) for another Xapian error the
// query causes (query_problem_of), DatabaseError when the database fails.
[[nodiscard]] SearchResults run_search(Xapian::Database& database, const Xapian::Query& query,
                                       const std::vector<HighlightTerm>& highlights,
                                       const SearchOptions& options, Analyser& analyser,
                                       const HitSink& sink = {});

// The query for briefs like the one reference names (its id, path or FILE#LINE:
// brief_id_for_reference): its most telling words by tf-idf, each weighted by the square
// root of how much that brief says it (its wdf, and one occurrence for each title word;
// analyser stems the title's words), so that words the brief uses in passing count less
// than those it is about; the brief itself excluded (common/search/similar.cpp).
// Throws QueryError ("--like: ...") when reference names no brief or several.
[[nodiscard]] Xapian::Query similar_to(Xapian::Database& database, const std::string& reference,
                                       Analyser& analyser);

// A respelling of query_text with each unknown word replaced by the closest word in the
// index, or nothing when every word is known or no better spelling exists. words are the
// query's plain words with their columns (1-based byte offsets).
[[nodiscard]] std::optional<std::string> suggest_spelling(
    const Xapian::Database& database, const std::string& query_text,
    const std::vector<std::pair<std::size_t, std::string>>& words, Analyser& analyser);

}  // namespace briefsearch

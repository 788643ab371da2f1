// Runs a query against a database and returns plain Hit values, so writers never see
// Xapian objects.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace briefsearch {

struct Hit {
  std::size_t rank = 0;  // 1-based over the whole result list, offset included
  std::string id;
  std::string path;
  std::string title;
  std::string date;  // "YYYY-MM-DD", empty when the brief is undated
  double score = 0;
  std::string snippet;
};

struct SearchResults {
  std::vector<Hit> hits;
  // Number of matching briefs; exact when total_exact, otherwise Xapian's estimate.
  std::size_t total = 0;
  bool total_exact = true;
};

struct SearchOptions {
  std::size_t offset = 0;
  std::size_t limit = 10;
};

// Counts up to this many matches exactly before estimating.
inline constexpr Xapian::doccount kExactCountThreshold = 10000;

// Ranked by BM25. An empty query matches nothing. Throws DatabaseError when the database
// fails mid-search.
[[nodiscard]] SearchResults run_search(const Xapian::Database& database, const Xapian::Query& query,
                                       const SearchOptions& options);

// The opening of the brief's first section, cut at a word boundary near max_bytes.
[[nodiscard]] std::string lead_snippet(const std::string& text, std::size_t max_bytes);

}  // namespace briefsearch

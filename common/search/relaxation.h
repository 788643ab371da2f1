// Relaxation: when no brief has every word of a query, the briefs that have most of them,
// as Elasticsearch's minimum_should_match lowers how many of a bool query's clauses must
// match (docs/query-language.md, "When nothing matches").
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/query/query.h"
#include "common/search/search.h"

namespace briefsearch {

// What relaxing a query that matched nothing found out, and the search it ran instead.
struct Relaxation {
  // The query's words (each word, phrase, NEAR chain or group of its top-level AND, stop
  // words left out), as the user wrote them (typed_text_of).
  std::vector<std::string> words;
  // The query's restrictions (filters, dates, negations, and groups of them), which are
  // never dropped, as the user wrote them: "date:2025", "-yemen".
  std::vector<std::string> restrictions;
  // Those of words that no brief in the database matches, even alone and unfiltered.
  std::vector<std::string> unmatched;
  // Every word together matches briefs, but none that also match the restrictions.
  bool filters_exclude_all = false;
  // Every hit of the relaxed search matches at least this many of words, and some brief
  // matches this many; 0 when no brief matches any (the relaxed search then found
  // nothing).
  std::size_t minimum_should_match = 0;
  // The query without the unmatched words, when it has words left and finds briefs: what
  // to try instead, its parts as the user wrote them and in the order written.
  std::optional<std::string> without_unmatched;
  // Whether the relaxed search's briefs are the answer (SessionOptions::relax), or were
  // only looked for, to say what would work (SessionOptions::diagnose).
  bool shown = true;
};

// The relaxed form of one query.
struct RelaxedSearch {
  Relaxation relaxation;
  // The briefs that match at least relaxation.minimum_should_match of the words and
  // every restriction; ranked by the words they match (each word counted once).
  Xapian::Query query;
};

// Relaxes parts (required_parts of a query that matched nothing in database): finds the
// words no brief matches, then tries the briefs matching all the other words, then all
// but one of them, down to any one word, and keeps the first level that finds briefs.
// Restrictions (filters, dates, negations) always stay. A level whose query would hold
// more than kMostRelaxedLeaves word queries is skipped, so a long query goes to fewer words
// at once (never below one). A query of one word is only diagnosed (query stays empty).
// query_text is the query as typed (for errors). Throws what build_xapian_query and
// run_search throw.
[[nodiscard]] RelaxedSearch relax(const RequiredParts& parts, const std::string& query_text,
                                  Xapian::Database& database, Analyser& analyser);

// Above this many word queries, a level of relaxation is skipped (see relax).
inline constexpr std::size_t kMostRelaxedLeaves = 2000;

}  // namespace briefsearch

// Ranking a brief whose title holds a query word above briefs that only repeat the word in
// a long body (internal to the query module).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace briefsearch {

// How much a title match weighs, as a multiple of the word's inverse title frequency
// log(N / n): N the briefs searched, n those whose title holds one of the word's forms.
// Tuned on the generated corpus and corpus/ with bench/known-items.py (docs/relevance.md).
inline constexpr double kTitleBoost = 1.0;
// The title length (in words) at which a title match weighs kTitleBoost times the word's
// inverse title frequency; a shorter title weighs more, a longer one less (BM25's length
// normalisation over the title alone, title_boost.cpp), so that "Sudan: Energy" ranks
// above "South Sudan: Energy" for `sudan energy`.
inline constexpr double kReferenceTitleWords = 6.0;

// word (a plain word's stemmed term) ranked as BM25 ranks it, plus kTitleBoost times the
// word's inverse title frequency for each brief whose title holds one of title_forms (the
// word's exact terms in the title field). The extra weight is the same whatever the
// brief's length: BM25 normalises a word's weight by the length of the whole brief
// (Xapian 1.4 has no per-field length), so a short title match was swamped by long bodies
// that repeat the word. It comes from Xapian's own FixedWeightPostingSource, which
// xapian-tcpsrv servers rebuild, so remote shards rank alike. Matches what word matches;
// word itself when no title holds the word. Throws what Xapian throws reading the
// database's term frequencies.
[[nodiscard]] Xapian::Query with_title_boost(Xapian::Query word,
                                             const std::vector<std::string>& title_forms,
                                             const Xapian::Database& database);

}  // namespace briefsearch

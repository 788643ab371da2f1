// Ranking a brief whose title holds a query word above briefs that only repeat the word in
// a long body (internal to the query module).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace briefsearch {

// How much a title match weighs, as a multiple of the word's inverse title frequency
// log(N / n): N the briefs searched, n those whose title holds one of the word's forms.
// Tuned on the generated corpus and corpus/ with scripts/bench --relevance
// (docs/relevance.md): 0.5 to 3 rank the same there.
inline constexpr double kTitleBoost = 1.0;

// What a plain word adds to each brief whose title holds one of title_forms (the word's
// exact terms in the title field): kTitleBoost times the word's inverse title frequency.
// The extra weight is the same whatever the brief's length: BM25 normalises a word's
// weight by the length of the whole brief (Xapian 1.4 has no per-field length), so a
// short title match was swamped by long bodies that repeat the word. It comes from
// Xapian's own FixedWeightPostingSource, which xapian-tcpsrv servers rebuild, so remote
// shards rank alike. Nothing when no title (or every title) holds the word. Throws what
// Xapian throws reading the database's term frequencies.
[[nodiscard]] std::optional<Xapian::Query> title_boost(const std::vector<std::string>& title_forms,
                                                       const Xapian::Database& database);

// query, with the boosts added to the briefs it matches (OP_AND_MAYBE): they change the
// order, never what matches. Joined once to the whole query rather than to each word, so
// that they are looked at only for briefs that match the whole query.
[[nodiscard]] Xapian::Query with_title_boosts(Xapian::Query query,
                                              const std::vector<Xapian::Query>& boosts);

}  // namespace briefsearch

// What a query adds to the order of the briefs it matches besides BM25F (internal to the
// query module): the title boost, for the brief whose title says what the query asks.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/analysis/analyser.h"

namespace briefsearch {

// How much a title match weighs, as a multiple of the word's inverse title frequency
// log(N / n): N the briefs searched, n those whose title holds one of the word's forms.
// Set with scripts/bench --relevance (docs/relevance.md) together with the title's small
// BM25F weight (kTitleField, common/store/schema.h): the boost, not BM25F, puts the brief
// whose title says it first; 1 to 3 rank corpus/ and the generated corpus alike, and 3
// keeps the Factbook's titles first.
inline constexpr double kTitleBoost = 3.0;

// Past this many plain words a query gets no title boost: coordination (below) needs a
// query of about words² / 2 title terms. Such a query is pasted text, not a title.
inline constexpr std::size_t kMaxTitleBoostWords = 16;

// What one plain word of the query (or the country a run of words names) adds to the
// briefs whose title holds it, and which briefs those are.
struct TitleBoost {
  Xapian::Query weight;   // value for each brief in holders
  double value = 0;       // kTitleBoost x log(N / n)
  Xapian::Query holders;  // boolean: the briefs whose titles (or subjects) hold the word
  std::size_t word = 0;   // which plain word of the query, from 1: a word's boosts count once
};

// Everything the plain words of a query (outside NOTs, not in a field) add, gathered
// while the query is built.
struct Boosts {
  std::vector<TitleBoost> title;
  // date_boost's and lead_subject_boost's: one for each year or month written as a word
  // and each country named, counted for every brief that holds it (not coordinated).
  std::vector<Xapian::Query> uncoordinated;
  std::size_t plain_words = 0;
  std::set<std::string> content_stems;  // the stems of those that are not stop words
};

// The boost of the word numbered word whose title forms are holder_terms (its exact terms
// in the title field, or the lead-subject term of the country it names). Its weight is the
// same whatever the brief's length: BM25F normalises the title by its own length, but a
// short title match still weighs less than a long body that repeats the word. Built from
// Xapian's own FixedWeightPostingSource, which xapian-tcpsrv servers rebuild, so remote
// shards rank alike. Nothing when no title (or every title) holds the word. Throws what
// Xapian throws reading the database's term frequencies.
[[nodiscard]] std::optional<TitleBoost> title_boost(const std::vector<std::string>& holder_terms,
                                                    std::size_t word,
                                                    const Xapian::Database& database);

// How much a brief dated in the period a year or month word names gains, as a multiple of
// log(N / n): N the briefs searched, n those dated then. Set on corpus/ (tests/e2e
// ranking_test.cpp): 1 puts 2025's elections first for "election 2025" and keeps a brief
// about an election above one that is merely dated in the month ("election november
// 2024"); the title boost's 3 let a month's date outweigh the words.
inline constexpr double kDateBoost = 1.0;

// What a year or month written as a word (period_terms: its kYearFilter or kMonthFilter
// terms) adds to the briefs dated then: kDateBoost x log(N / n) with n the briefs dated
// then, not coordinated. The date line says when a brief is
// about as its title says what: "election 2025" asks for 2025's elections, and a brief of
// 2024 that mentions 2025 is not one. Nothing when no brief (or every brief) is dated then.
// Throws what Xapian throws reading term frequencies.
[[nodiscard]] std::optional<Xapian::Query> date_boost(const std::vector<std::string>& period_terms,
                                                      const Xapian::Database& database);

// How much a brief led by the country a query word names gains (its lead subject,
// lead_subject_term in common/store/schema.h), as a multiple of log(N / n): N the briefs
// searched, n those led by the country. Set on corpus/ (tests/e2e ranking_test.cpp) and
// with scripts/bench --relevance: 1 puts "Russia: EU Embargo and G7 Price Cap" above
// "North Korea: Putin and Kim Sign Mutual Defense Treaty" for "russia sanctions" (0.5 did
// not); 1.5 cost the generated corpus's body queries 0.001 MRR@10 more.
inline constexpr double kLeadSubjectBoost = 1.0;

// What a word naming a country (country: its code, as WordMeaning::country) adds to the
// briefs it leads: kLeadSubjectBoost x log(N / n), not coordinated. The title boost over
// the same briefs (title_boost over the lead-subject term) counts only with another word
// of the query the title holds; among the briefs that are about a country, the one filed
// under it ("Canada: ...") is the one asked for, whatever its other words. Nothing when
// no brief (or every brief) is led by it. Throws what Xapian throws reading term
// frequencies.
[[nodiscard]] std::optional<Xapian::Query> lead_subject_boost(const std::string& country,
                                                              const Xapian::Database& database);

// query, with boosts added to the briefs it matches (OP_AND_MAYBE): they change the
// order, never what matches, and are looked at only for briefs that match query.
//
// Title boosts count only where the title says what the query is about (coordination,
// as Lucene's coord factor rewarded): a brief gains its title's boosts when its title
// holds at least two of the plain words (or the query's one word), twice when it holds
// all of them, and three times when it holds all of them and no other word
// (title_length_term). One word of three in another brief's title ("china" in "China:
// ...", for "samated dolbrations china") is no sign that brief is the one asked for.
[[nodiscard]] Xapian::Query with_boosts(Xapian::Query query, const Boosts& boosts);

}  // namespace briefsearch

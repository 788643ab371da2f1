// What a query adds to the order of the briefs it matches besides BM25F (internal to the
// query module): the title boost, for the brief whose title says what the query asks, and
// the exact-form bonus, for the brief that uses the words as written.
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
// Set with scripts/bench --relevance (docs/relevance.md): 1 to 3 rank corpus/ and the
// generated corpus the same; 2 keeps the Factbook's titles first under the exact-form
// bonus.
inline constexpr double kTitleBoost = 2.0;

// What a word's exact forms add, as a multiple of their BM25 weight. Tuned on corpus/ and
// the generated corpus (0.3 to 1 rank them the same; more costs title queries).
inline constexpr double kExactFormBonus = 0.3;

// Past this many plain words a query gets no title boost: coordination (below) needs a
// query of about words² / 2 title terms. Such a query is pasted text, not a title.
inline constexpr std::size_t kMaxTitleBoostWords = 16;

// What one plain word of the query (or the country a run of words names) adds to the
// briefs whose title holds it, and which briefs those are.
struct TitleBoost {
  Xapian::Query weight;   // kTitleBoost x log(N / n) for each brief in holders
  Xapian::Query holders;  // boolean: the briefs whose titles (or subjects) hold the word
  std::size_t word = 0;   // which plain word of the query, from 1: a word's boosts count once
};

// Everything the plain words of a query (outside NOTs, not in a field) add, gathered
// while the query is built.
struct Boosts {
  std::vector<TitleBoost> title;
  std::vector<Xapian::Query> exact_forms;  // exact_form_bonus of each word
  std::size_t plain_words = 0;
  std::set<std::string> content_stems;  // the stems of those that are not stop words
};

// The boost of the word numbered word whose title forms are holder_terms (its exact terms
// in the title field, or the subject term of the country it names). Its weight is the
// same whatever the brief's length: BM25F normalises the title by its own length, but a
// short title match still weighs less than a long body that repeats the word. Built from
// Xapian's own FixedWeightPostingSource, which xapian-tcpsrv servers rebuild, so remote
// shards rank alike. Nothing when no title (or every title) holds the word. Throws what
// Xapian throws reading the database's term frequencies.
[[nodiscard]] std::optional<TitleBoost> title_boost(const std::vector<std::string>& holder_terms,
                                                    std::size_t word,
                                                    const Xapian::Database& database);

// The bonus of a plain word written as token: its exact term in every text field, at
// kExactFormBonus of BM25F's weight. The stem matches every form alike ("election",
// "elections", "elected"); the brief that uses the word as written ranks above one that
// only has its other forms, as Elasticsearch's guide advises with a stemmed and an
// unstemmed field side by side.
[[nodiscard]] Xapian::Query exact_form_bonus(const Token& token);

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

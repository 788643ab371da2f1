// Query strings: parsed by our grammar into a syntax tree, then built into a Xapian::Query
// through the same analyser and schema as the indexer. docs/query-language.md is the user
// guide; the grammar, loosest binding first:
//
//   query   := or ;  or := xor (OR xor)* ;  xor := and (XOR and)*
//   and     := near ([AND] near)*                      adjacent terms are ANDed
//   near    := unary ((NEAR | NEAR/n | ADJ | ADJ/n) unary)*    operands: words or phrases
//   unary   := NOT unary | '-' primary | '+' primary | primary
//   primary := '(' or ')' | FIELD ':' (WORD | PHRASE | '(' or ')') | WORD | WORD* | PHRASE
//
// AND, OR, XOR and NOT work in any case (a lowercase one with nothing to join is a word);
// NEAR and ADJ only in capitals, since "near" is common in queries. Right after a field's
// ':' a word is the value whatever it spells ("title:AND"); a value starting with '-', '+'
// or another field is an error that says where the sign goes.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/brief/calendar_date.h"
#include "common/query/highlight.h"
#include "common/store/schema.h"

namespace briefsearch {

struct QueryNode {
  enum class Kind { kWord, kPhrase, kWildcard, kFilter, kDateRange, kNear, kAnd, kOr, kXor, kNot };
  Kind kind = Kind::kWord;
  // Word, phrase, wildcard stem (without the '*') or filter value, as typed.
  std::string text;
  // Where text starts in the query, 1-based, in bytes.
  std::size_t column = 0;
  // Text leaves: the field searched (all text fields when empty). For a section named as
  // a field ("outlook:"), that section's name: the brief must have the section, and the
  // word must be in one of the sections that share the generic section field (the index
  // does not tell those sections apart).
  std::optional<TextField> field;
  std::string named_section;
  // kFilter: the filter field.
  std::optional<FilterField> filter;
  // kDateRange: inclusive ends; an open end is empty.
  std::optional<CalendarDate> date_from;
  std::optional<CalendarDate> date_to;
  // kNear: the window in words, and whether order matters (ADJ).
  Xapian::termcount window = 0;
  bool ordered = false;
  // kOr: its children were written side by side and ORed by --any (parse_query's
  // any_word), so plain words among them may name a country together ("north korea").
  // Not part of describe(): the text --explain writes reads back as the same alternatives.
  bool side_by_side = false;
  std::vector<QueryNode> children;
  // Where the node was written in the query, as bytes [typed_begin, typed_end), when the
  // parser recorded it (typed_end > 0): for each operand of an AND, and so for each part
  // relaxation may drop or keep (typed_text_of).
  std::size_t typed_begin = 0;
  std::size_t typed_end = 0;
};

struct QueryLimits {
  // Longest query, in bytes.
  std::size_t max_bytes = 4096;
  // Most leaves (words, phrases, wildcards, filters, dates): an OR of 8,000 terms takes
  // Xapian over a second and 100,000 take minutes.
  std::size_t max_leaves = 256;
  // Most terms one wildcard may expand to.
  Xapian::termcount max_wildcard_terms = 1000;
  // Most terms all the query's wildcards may expand to together, over every field: 256
  // different wildcards of 1,000 words each would OR 256,000 posting lists.
  Xapian::termcount max_total_wildcard_terms = 4000;
  // Deepest nesting of parentheses. Parsing and building recurse once per level, so 3,000
  // levels (within the byte limit) would overflow the stack.
  std::size_t max_depth = 100;
};

inline constexpr Xapian::termcount kDefaultNearWindow = kDefaultNearDistance;

// Parses query. Relative dates count back from today. With any_word, terms written side
// by side are ORed (explicit AND still binds them); negations, filters and dates still
// restrict (-word, country:ye, date:2024). Throws QueryError naming
// the query, what is wrong and the column (1-based, in bytes) where it went wrong: unbalanced
// parentheses or quotes, a dangling operator, an unknown or empty field, a field value that
// starts with a sign or another field, a bad date (a signed one too), a query over the
// limits (bytes, leaves, nesting).
[[nodiscard]] QueryNode parse_query(std::string_view query, const CalendarDate& today,
                                    const QueryLimits& limits = {}, bool any_word = false);

// Builds the Xapian query for tree, parsed from query (which errors show). Plain words
// match stemmed terms, so case and inflection do not matter; phrases, NEAR and ADJ match
// exact words within one field, and their operands may be phrases or words the analyser
// splits ("S-400", "王毅"); such a word alone is matched as a phrase; a wildcard completes
// the last word the analyser finds before its '*' ("2.7*", "covid-1*"), and also matches
// that word as written when punctuation ends it ("U.S.*" matches "u.s"); filters and dates
// restrict without adding weight. A word restricted to a field is expanded to the forms
// database holds in that field. Returns an empty query when nothing searchable is left.
// Throws QueryError naming the query for what only analysis or the index can tell (a
// wildcard with no word to complete, or matching too many words in a phrase), and for any
// Xapian error the query causes (see query_problem_of); Xapian errors reading the database
// pass through.
[[nodiscard]] Xapian::Query build_xapian_query(const QueryNode& tree, std::string_view query,
                                               const Xapian::Database& database, Analyser& analyser,
                                               const QueryLimits& limits = {});

// For a Xapian error a query causes rather than the database (UnimplementedError,
// InvalidArgumentError, QueryParserError, WildcardError), the problem to report in a
// QueryError (exit 2); nullopt for any other error.
[[nodiscard]] std::optional<std::string> query_problem_of(const Xapian::Error& error);

// What to highlight in snippets: the query's positive words, phrases, NEAR/ADJ groups and
// wildcards.
[[nodiscard]] std::vector<HighlightTerm> highlight_terms(const QueryNode& tree, Analyser& analyser);

// True for a negation, a filter, a date, or a group of nothing else
// ("(country:cn OR country:ru)"): it decides which briefs may match but holds no word to
// rank them by.
[[nodiscard]] bool only_restricts(const QueryNode& node);

// A query as ANDed parts: those that hold words (words, phrases, NEAR, groups), and those
// that only restrict (only_restricts). What relaxation may drop, and what it keeps.
struct RequiredParts {
  std::vector<QueryNode> words;
  std::vector<QueryNode> restrictions;
};

// The parts of tree: its children when it is an AND (stop words left out as the builder
// leaves them out; plain words that name a country together, "united states", one part:
// an AND of them), or tree itself as one part. Nothing when no part holds words.
[[nodiscard]] std::optional<RequiredParts> required_parts(const QueryNode& tree,
                                                          Analyser& analyser);

// True when the tree has words, phrases or wildcards, which give a relevance order;
// filters and dates alone do not.
[[nodiscard]] bool has_ranking_terms(const QueryNode& tree);

// The plain words the query asks for (not under NOT), with their columns: what a spelling
// suggestion may replace.
[[nodiscard]] std::vector<std::pair<std::size_t, std::string>> plain_words(const QueryNode& tree);

// The column of the first wildcard in tree, or 1.
[[nodiscard]] std::size_t first_wildcard_column(const QueryNode& tree);

// The tree written in the query language, for --explain: every operator explicit
// (AND, OR, XOR, NOT, NEAR/n, ADJ/n), every group in parentheses, fields and filters by
// their canonical names (desc: as description:, lang: as language:, a section by its
// name as one word: key-judgments:), dates as ISO ranges (relative ones resolved).
// Parsing it gives the same tree, whatever --any was.
[[nodiscard]] std::string query_text_of(const QueryNode& tree);

// The node as the user wrote it in query (the parser's typed_begin..typed_end: "date:2025",
// "-yemen", "desc:houthi"), so that a query offered back keeps the user's own syntax;
// query_text_of(node) when the parser did not record where it was written.
[[nodiscard]] std::string typed_text_of(const QueryNode& node, std::string_view query);

// For --explain, the words of tree that mean more than their letters (a year or month
// also matches the brief's date, a country's name its other names; see
// common/query/expansion.h), one note each in the order written: "2024: also briefs
// dated 2024-01-01..2024-12-31", "venezuela: also venezuelan, bolivarian republic of
// venezuela (country VE)".
[[nodiscard]] std::vector<std::string> meaning_notes(const QueryNode& tree, Analyser& analyser);

// The tree in prefix form, for tests and to tell identical subtrees apart (columns are
// not in it): (AND word "a phrase" title:x).
[[nodiscard]] std::string describe(const QueryNode& tree);

}  // namespace briefsearch

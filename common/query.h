// Query strings: parsed by our grammar into a syntax tree, then built into a Xapian::Query
// through the same analyser and schema as the indexer.
//
// Grammar (operators in any case; AND binds tighter than XOR, XOR tighter than OR):
//   query   := or ;  or := xor (OR xor)* ;  xor := and (XOR and)*
//   and     := unary ([AND] unary)*            adjacent terms are ANDed
//   unary   := NOT unary | '-' primary | '+' primary | primary
//   primary := '(' or ')' | FIELD ':' (WORD | PHRASE | '(' or ')') | WORD | PHRASE
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis.h"
#include "common/schema.h"

namespace briefsearch {

struct QueryNode {
  enum class Kind { kWord, kPhrase, kAnd, kOr, kXor, kNot };
  Kind kind = Kind::kWord;
  // Word or phrase text, as typed.
  std::string text;
  // The text field a word or phrase is restricted to; all text fields when empty.
  std::optional<TextField> field;
  std::vector<QueryNode> children;
};

// Longest query accepted, in bytes; longer ones are refused, since matching cost grows
// faster than linearly with the number of terms.
inline constexpr std::size_t kMaxQueryBytes = 4096;

// Parses query. Throws QueryError naming the query, what is wrong and the column (1-based,
// in bytes) where it went wrong: unbalanced parentheses or quotes, a dangling operator,
// an unknown or empty field.
[[nodiscard]] QueryNode parse_query(std::string_view query);

// Builds the Xapian query for tree. Plain words match stemmed terms, so case and
// inflection do not matter; phrases match exact words in order within one section. A word
// the analyser splits in several ("S-400") is matched as a phrase. Returns an empty query
// when nothing searchable is left (only punctuation).
[[nodiscard]] Xapian::Query build_xapian_query(const QueryNode& tree, Analyzer& analyzer);

// A readable rendering of the tree, for --explain and tests: (AND word "a phrase" title:x).
[[nodiscard]] std::string describe(const QueryNode& tree);

}  // namespace briefsearch

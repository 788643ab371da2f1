// What a query asks to see highlighted: the words, phrases, NEAR/ADJ groups and prefixes it
// matches on, and in which field. Built from the query tree; used to pick and mark snippets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/query/proximity.h"
#include "common/store/schema.h"

namespace briefsearch {

struct HighlightTerm {
  enum class Kind {
    kStem,    // one word, matched by its stem (a plain query word)
    kExact,   // runs of exact words (a phrase, a word the analyser splits, NEAR/ADJ operands)
    kPrefix,  // exact words, the last one completed (a trailing wildcard: "tarif*", "covid-1*")
  };
  Kind kind = Kind::kStem;
  // Analysed forms, one list per operand: each operand's words stand at consecutive
  // positions. kStem: one operand of one stem. kPrefix: one operand, whose last word is
  // the start of an exact term. kExact: one operand for a phrase or a split word, one per
  // operand for NEAR/ADJ.
  std::vector<std::vector<std::string>> operands;
  // The text field the term is restricted to; any field when empty.
  std::optional<TextField> field;
  // kExact with several operands: how NEAR/ADJ joins them.
  ProximityRule proximity;
};

}  // namespace briefsearch

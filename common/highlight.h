// What a query asks to see highlighted: the words, phrases and prefixes it matches on, and
// in which field. Built from the query tree; used to pick and mark snippets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/schema.h"

namespace briefsearch {

struct HighlightTerm {
  enum class Kind {
    kStem,    // one word, matched by its stem (a plain query word)
    kExact,   // a run of exact terms in order (a phrase, or a word the analyser splits)
    kPrefix,  // exact terms that start with the text (a trailing wildcard)
  };
  Kind kind = Kind::kStem;
  // Analysed forms: stems for kStem, exact terms for kExact, one prefix for kPrefix.
  std::vector<std::string> terms;
  // The text field the term is restricted to; any field when empty.
  std::optional<TextField> field;
};

}  // namespace briefsearch

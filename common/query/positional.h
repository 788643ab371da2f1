// Positional matches in one text field as Xapian queries: phrases, words the analyser
// splits, a wildcard after other words ("covid-1*"), and NEAR/ADJ over operands of one or
// more words (internal to the query module).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "common/query/proximity.h"

namespace briefsearch {

// Words at consecutive positions; words[i] lists the prefixed terms that may stand at
// position i (one for an exact word, a wildcard's expansions for the last). An empty
// alternative list matches nothing.
[[nodiscard]] Xapian::Query sequence_in_field(const std::vector<std::vector<std::string>>& words);

// operands[i]: the prefixed exact terms of operand i, at consecutive positions. Operands of
// one word are Xapian's NEAR or PHRASE with the window the rule gives. An operand of several
// words needs a check Xapian lacks (its words consecutive within the window): the query is
// Xapian's NEAR or PHRASE over all the words with the window widened by those extra words,
// which ranks and finds candidates, filtered by a posting source that reads their positions
// and applies ProximityMatcher. Throws std::invalid_argument for no operands or an empty one.
[[nodiscard]] Xapian::Query proximity_in_field(
    const std::vector<std::vector<std::string>>& operands, const ProximityRule& rule);

}  // namespace briefsearch

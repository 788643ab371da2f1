// How query leaves become analysed words, shared by the query builder and the highlights so
// both read a leaf the same way (internal to the query module).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/analysis.h"
#include "common/query.h"

namespace briefsearch {

// The exact terms of text, in order.
[[nodiscard]] std::vector<std::string> exact_terms(std::string_view text, Analyzer& analyzer);

// The exact terms of each operand of a kNear node that has any, in the order written.
[[nodiscard]] std::vector<std::vector<std::string>> near_operands(const QueryNode& near,
                                                                  Analyzer& analyzer);

// The rule a kNear node applies.
[[nodiscard]] ProximityRule near_rule(const QueryNode& near);

}  // namespace briefsearch

// "At least m of n" over stock Xapian operators, for the relaxed search (as Elasticsearch's
// minimum_should_match) and the title boost's coordination. Xapian 1.4 has no operator
// that counts matching subqueries, and a MatchDecider would not run on xapian-tcpsrv.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <span>

namespace briefsearch {

// The briefs matching at least minimum (1..parts.size()) of parts, as a boolean query:
// either the first part and minimum - 1 of the rest, or minimum of the rest. Its size is
// what at_least_leaves counts; the caller bounds it. Throws nothing of its own.
[[nodiscard]] Xapian::Query at_least(std::size_t minimum, std::span<const Xapian::Query> parts);

// The number of parts at_least(minimum, count parts) holds, or some number above limit
// once it is known to be above limit.
[[nodiscard]] std::size_t at_least_leaves(std::size_t minimum, std::size_t count,
                                          std::size_t limit);

}  // namespace briefsearch

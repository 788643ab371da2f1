#include "common/query/at_least.h"

namespace briefsearch {

Xapian::Query at_least(std::size_t minimum, std::span<const Xapian::Query> parts) {
  if (minimum == parts.size()) {
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  }
  if (minimum == 1) return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  const Xapian::Query with_first(Xapian::Query::OP_AND, parts.front(),
                                 at_least(minimum - 1, parts.subspan(1)));
  return Xapian::Query(Xapian::Query::OP_OR, with_first, at_least(minimum, parts.subspan(1)));
}

std::size_t at_least_leaves(std::size_t minimum, std::size_t count, std::size_t limit) {
  if (minimum == count || minimum == 1) return count;
  const std::size_t with_first = 1 + at_least_leaves(minimum - 1, count - 1, limit);
  if (with_first > limit) return with_first;
  return with_first + at_least_leaves(minimum, count - 1, limit);
}

}  // namespace briefsearch

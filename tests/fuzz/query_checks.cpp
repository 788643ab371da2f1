#include "tests/fuzz/query_checks.h"

#include <cstdint>
#include <exception>
#include <limits>

#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/query/query.h"
#include "tests/fuzz/fuzz_targets.h"

namespace briefsearch {
namespace {

bool is_bidi_control(std::int32_t code_point) {
  return (code_point >= 0x202A && code_point <= 0x202E) ||
         (code_point >= 0x2066 && code_point <= 0x2069);
}

// What query_text_of writes may be longer and more deeply parenthesised than what was
// typed (every group gets its parentheses); the tree is what must not change.
QueryLimits reading_back_limits() {
  QueryLimits limits;
  limits.max_bytes = std::numeric_limits<std::size_t>::max();
  limits.max_leaves = std::numeric_limits<std::size_t>::max();
  limits.max_depth = std::numeric_limits<std::size_t>::max() / 2;
  return limits;
}

void check_round_trip(std::string_view input, const CalendarDate& today, bool any_word) {
  QueryNode tree;
  try {
    tree = parse_query(input, today, {}, any_word);
  } catch (const QueryError&) {
    return;
  }
  const std::string text = query_text_of(tree);
  try {
    const QueryNode again = parse_query(text, today, reading_back_limits());
    if (describe(again) != describe(tree)) {
      fuzz_invariant_failed(
          "query text '" + text + "' parses to " + describe(again) + ", not " + describe(tree),
          input);
    }
  } catch (const QueryError& error) {
    fuzz_invariant_failed("query text '" + text + "' is refused: " + error.what(), input);
  }
}

}  // namespace

std::optional<std::string> terminal_hazard(std::string_view text) {
  for (std::size_t offset = 0; offset < text.size();) {
    const CodePoint code_point = next_code_point(text, offset);
    const std::int32_t value = code_point.value;
    if (value < 0) return "holds invalid UTF-8";
    if ((value < 0x20 && value != '\n' && value != '\t') || value == 0x7F) {
      return "holds the control character " + std::to_string(value);
    }
    if (value >= 0x80 && value <= 0x9F) return "holds the C1 control " + std::to_string(value);
    if (is_bidi_control(value)) return "holds the bidirectional control " + std::to_string(value);
  }
  return std::nullopt;
}

void check_query_text_round_trip(std::string_view input, const CalendarDate& today) {
  try {
    check_round_trip(input, today, false);
    check_round_trip(input, today, true);
  } catch (const std::exception& error) {
    fuzz_invariant_failed(std::string("parse_query threw other than QueryError: ") + error.what(),
                          input);
  }
}

}  // namespace briefsearch

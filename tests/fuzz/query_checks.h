// Invariants the query and date fuzz targets share.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/brief/calendar_date.h"

namespace briefsearch {

// What in text could drive a terminal or garble it (invalid UTF-8, a C0 control other than
// a line feed or tab, DEL, a C1 control, a bidirectional override or isolate), described;
// nothing when text is safe to print.
[[nodiscard]] std::optional<std::string> terminal_hazard(std::string_view text);

// When input parses (with and without any_word), its parse tree written in the query
// language (query_text_of) parses back to the same tree (describe), as query.h promises;
// a refused query (QueryError) is fine, any other exception is not. Calls
// fuzz_invariant_failed otherwise.
void check_query_text_round_trip(std::string_view input, const CalendarDate& today);

}  // namespace briefsearch

// The values of a query's "date:" field: days, months, years, relative days, and ranges
// of them with open ends.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/brief/calendar_date.h"

namespace briefsearch {

// Both ends inclusive; an open end is empty.
struct DateBounds {
  std::optional<CalendarDate> from;
  std::optional<CalendarDate> to;
};

// The period an absolute date names: YYYY (the year), YYYY-MM (the month) or YYYY-MM-DD
// (the day), both ends set; nothing for other text or a day that does not exist.
[[nodiscard]] std::optional<DateBounds> absolute_period(std::string_view text);

// Reads "A..B", "A..", "..B" or "A", where each end is YYYY, YYYY-MM, YYYY-MM-DD, "today",
// "yesterday", or Nd / Nw / Nm / Ny (N days, weeks, months or years before today; N is
// digits, without a sign). A period stands for its first day as a lower end and its last
// day as an upper end, so "2025" alone is 2025-01-01..2025-12-31. Returns the reason when
// value is not one ("invalid date '-1d': a date takes no sign; write 1d ...").
[[nodiscard]] std::optional<std::string> parse_date_bounds(std::string_view value,
                                                           const CalendarDate& today,
                                                           DateBounds& bounds);

}  // namespace briefsearch

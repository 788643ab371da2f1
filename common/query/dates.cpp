#include "common/query/dates.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

struct Period {
  CalendarDate first;
  CalendarDate last;
};

// Digits only: from_chars alone would take "-1" and make "-1d" a day after today.
std::optional<int> digits(std::string_view text) {
  if (text.empty() ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "30d", "2w", "6m", "1y": that long before today, as a single day.
std::optional<CalendarDate> relative_day(std::string_view text, const CalendarDate& today) {
  if (text.size() < 2) return std::nullopt;
  const auto count = digits(text.substr(0, text.size() - 1));
  if (!count || *count > 100000) return std::nullopt;
  switch (std::tolower(static_cast<unsigned char>(text.back()))) {
    case 'd':
      return today.plus_days(-*count);
    case 'w':
      return today.plus_days(-7 * *count);
    case 'm':
      return today.plus_months(-*count);
    case 'y':
      return today.plus_months(-12 * *count);
    default:
      return std::nullopt;
  }
}

std::optional<Period> read_period(std::string_view text, const CalendarDate& today) {
  const std::string lowered = ascii_lowercase(text);
  if (lowered == "today") return Period{today, today};
  if (lowered == "yesterday") {
    const auto day = today.plus_days(-1);
    if (!day) return std::nullopt;
    return Period{*day, *day};
  }
  if (auto day = relative_day(text, today)) return Period{*day, *day};
  if (auto period = absolute_period(text)) return Period{*period->from, *period->to};
  return std::nullopt;
}

constexpr std::string_view kFormatHint =
    "; use YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or Nd/Nw/Nm/Ny, and A..B for a range";

// Why text is not a date. A sign is the likeliest slip ("-1d" for "1 day ago", as in
// Elasticsearch's "now-1d"), so a signed date that is valid without its sign says so.
std::string invalid_date(std::string_view text, const CalendarDate& today) {
  const std::string problem = "invalid date '" + std::string(text) + "'";
  if (text.empty() || (text.front() != '-' && text.front() != '+')) {
    return problem + std::string(kFormatHint);
  }
  const std::string_view unsigned_text = text.substr(1);
  if (!read_period(unsigned_text, today)) return problem + std::string(kFormatHint);
  const std::string advice = ": a date takes no sign; write " + std::string(unsigned_text);
  if (relative_day(unsigned_text, today)) {
    return problem + advice + " (Nd, Nw, Nm and Ny count back from today)";
  }
  return problem + advice;
}

}  // namespace

std::optional<DateBounds> absolute_period(std::string_view text) {
  if (text.size() == 4) {
    const auto year = digits(text);
    const auto first = year ? CalendarDate::from_parts(*year, 1, 1) : std::nullopt;
    const auto last = year ? CalendarDate::from_parts(*year, 12, 31) : std::nullopt;
    if (first && last) return DateBounds{first, last};
    return std::nullopt;
  }
  if (text.size() == 7 && text[4] == '-') {
    const auto year = digits(text.substr(0, 4));
    const auto month = digits(text.substr(5, 2));
    if (!year || !month) return std::nullopt;
    const auto first = CalendarDate::from_parts(*year, *month, 1);
    const auto last = CalendarDate::end_of_month(*year, *month);
    if (first && last) return DateBounds{first, last};
    return std::nullopt;
  }
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (auto day = CalendarDate::parse(text)) return DateBounds{day, day};
  }
  return std::nullopt;
}

std::optional<std::string> parse_date_bounds(std::string_view value, const CalendarDate& today,
                                             DateBounds& bounds) {
  if (value.empty()) return "empty date" + std::string(kFormatHint);
  const std::size_t dots = value.find("..");
  if (dots == std::string_view::npos) {
    const auto period = read_period(value, today);
    if (!period) return invalid_date(value, today);
    bounds = {period->first, period->last};
    return std::nullopt;
  }
  const std::string_view from = value.substr(0, dots);
  const std::string_view to = value.substr(dots + 2);
  if (from.empty() && to.empty()) {
    return "a date range needs at least one end" + std::string(kFormatHint);
  }
  bounds = {};
  if (!from.empty()) {
    const auto period = read_period(from, today);
    if (!period) return invalid_date(from, today);
    bounds.from = period->first;
  }
  if (!to.empty()) {
    const auto period = read_period(to, today);
    if (!period) return invalid_date(to, today);
    bounds.to = period->last;
  }
  if (bounds.from && bounds.to && *bounds.to < *bounds.from) {
    return "date range '" + std::string(value) + "' ends before it starts";
  }
  return std::nullopt;
}

}  // namespace briefsearch

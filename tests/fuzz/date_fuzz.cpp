// Dates as briefs write them (common/brief/calendar_date.h) and as queries do
// (common/query/dates.h, the date: field), with the calendar arithmetic behind relative dates.
#include <cstdint>
#include <cstring>
#include <exception>
#include <string>

#include "common/base/errors.h"
#include "common/query/dates.h"
#include "common/query/query.h"
#include "tests/fuzz/fuzz_targets.h"
#include "tests/fuzz/query_checks.h"
#include "tests/support/regression_queries.h"

namespace briefsearch {
namespace {

const std::string kFixtures = BRIEFSEARCH_SOURCE_DIR "/tests/fixtures";
const CalendarDate kToday = *CalendarDate::from_parts(2025, 7, 28);

void check_in_calendar(const CalendarDate& date, std::string_view what, std::string_view input) {
  if (date.year() < 1000 || date.year() > 9999 || date.month() < 1 || date.month() > 12 ||
      date.day() < 1 || date.day() > 31) {
    fuzz_invariant_failed(std::string(what) + " gave " + date.iso(), input);
  }
}

// The forms briefs carry: what parses is a day of the calendar that reads back from its
// ISO form, and month names are months.
void check_brief_dates(std::string_view input) {
  if (const auto date = CalendarDate::parse(input)) {
    check_in_calendar(*date, "CalendarDate::parse", input);
    if (CalendarDate::parse(date->iso()) != date) {
      fuzz_invariant_failed("the ISO form of a parsed date reads back otherwise", input);
    }
  }
  if (const auto month = month_from_name(input); month && (*month < 1 || *month > 12)) {
    fuzz_invariant_failed("month_from_name gave " + std::to_string(*month), input);
  }
}

// The arithmetic of relative dates, with any count the input's first bytes spell: a day of
// the calendar or nothing, and n days there and back is where it started.
void check_arithmetic(std::string_view input) {
  if (input.size() < sizeof(std::int32_t)) return;
  std::int32_t n = 0;
  std::memcpy(&n, input.data(), sizeof n);
  const CalendarDate start = CalendarDate::parse(input.substr(sizeof n)).value_or(kToday);
  if (const auto later = start.plus_days(n)) {
    check_in_calendar(*later, "plus_days", input);
    // -n of the least int32 would overflow; no count that large stays in the calendar anyway.
    if (n != INT32_MIN && later->plus_days(-n) != start) {
      fuzz_invariant_failed("plus_days(-n) does not undo n", input);
    }
  }
  if (const auto later = start.plus_months(n)) check_in_calendar(*later, "plus_months", input);
  if (const auto last = CalendarDate::end_of_month(n / 16, n % 16)) {
    check_in_calendar(*last, "end_of_month", input);
  }
}

// The date: field's values: a range whose ends are in order, or a reason.
void check_query_dates(std::string_view input) {
  if (const auto period = absolute_period(input)) {
    if (!period->from || !period->to || *period->to < *period->from) {
      fuzz_invariant_failed("absolute_period gave a bad period", input);
    }
  }
  DateBounds bounds;
  if (const auto problem = parse_date_bounds(input, kToday, bounds)) {
    if (problem->empty()) fuzz_invariant_failed("an empty reason", input);
  } else if (bounds.from && bounds.to && *bounds.to < *bounds.from) {
    fuzz_invariant_failed("a date range that ends before it starts", input);
  }
  const std::string query = "date:" + std::string(input);
  check_query_text_round_trip(query, kToday);
}

}  // namespace

void fuzz_dates(std::string_view input) {
  try {
    check_brief_dates(input);
    check_arithmetic(input);
    check_query_dates(input);
  } catch (const std::exception& error) {
    fuzz_invariant_failed(std::string("threw: ") + error.what(), input);
  }
}

// The hand-written dates of tests/fuzz/seeds/dates.txt, and the date: values of the
// regression queries.
std::vector<std::string> date_seeds() {
  std::vector<std::string> seeds = seed_lines(BRIEFSEARCH_SOURCE_DIR "/tests/fuzz/seeds/dates.txt");
  for (const std::string& query : testing::read_regression_queries(kFixtures)) {
    for (std::size_t at = query.find("date:"); at != std::string::npos;
         at = query.find("date:", at + 1)) {
      const std::size_t end = query.find_first_of(" )", at);
      seeds.push_back(query.substr(at + 5, end == std::string::npos ? end : end - at - 5));
    }
  }
  return seeds;
}

}  // namespace briefsearch

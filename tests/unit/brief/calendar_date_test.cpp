// Tests for CalendarDate: which days exist, the written forms parse() reads, and the two
// output forms.
#include "common/brief/calendar_date.h"

#include <catch2/catch.hpp>
#include <climits>
#include <optional>
#include <string>
#include <vector>

namespace briefsearch {
namespace {

struct PartsCase {
  int year;
  int month;
  int day;
  bool valid;
};

struct ParseCase {
  std::string text;
  std::optional<std::string> iso;  // nothing when the text must not parse
};

TEST_CASE("CalendarDate::from_parts accepts real days and rejects the rest", "[calendar_date]") {
  const std::vector<PartsCase> cases = {
      {2025, 7, 28, true},
      {2024, 2, 29, true},   // leap year
      {2023, 2, 29, false},  // not a leap year
      {2000, 2, 29, true},   // divisible by 400
      {1900, 2, 29, false},  // divisible by 100 only
      {2025, 2, 28, true},
      {2025, 2, 30, false},
      {2025, 4, 30, true},
      {2025, 4, 31, false},
      {2025, 12, 31, true},
      {2025, 13, 1, false},
      {2025, 0, 1, false},
      {2025, -1, 1, false},
      {2025, 1, 0, false},
      {2025, 1, -1, false},
      {2025, 1, 32, false},
      {99999, 1, 1, false},
      {999, 12, 31, false},
      {1000, 1, 1, true},
      {9999, 12, 31, true},
      {10000, 1, 1, false},
      {0, 1, 1, false},
      // Beyond a byte: std::chrono alone would wrap these to July and to the 28th.
      {2025, 263, 1, false},
      {2025, 7, 284, false},
      {2025, 1, 257, false},
  };
  for (const PartsCase& c : cases) {
    INFO(c.year << "-" << c.month << "-" << c.day);
    const auto date = CalendarDate::from_parts(c.year, c.month, c.day);
    CHECK(date.has_value() == c.valid);
    if (date && c.valid) {
      CHECK(date->year() == c.year);
      CHECK(date->month() == c.month);
      CHECK(date->day() == c.day);
    }
  }
}

TEST_CASE("CalendarDate::parse reads the forms briefs use", "[calendar_date]") {
  const std::vector<ParseCase> cases = {
      {"July 28, 2025", "2025-07-28"},
      {"July 28 2025", "2025-07-28"},
      {"Jul 28, 2025", "2025-07-28"},
      {"Jul. 28, 2025", "2025-07-28"},
      {"Jul. 28 2025", "2025-07-28"},
      {"28 July 2025", "2025-07-28"},
      {"28 Jul 2025", "2025-07-28"},
      {"28 July, 2025", "2025-07-28"},
      {"2025-07-28", "2025-07-28"},
      {"JULY 28, 2025", "2025-07-28"},
      {"july 28, 2025", "2025-07-28"},
      {"jUl 8, 2025", "2025-07-08"},
      {"Sept 5, 2024", "2024-09-05"},
      {"Sept. 5, 2024", "2024-09-05"},
      {"SEPT 5, 2024", "2024-09-05"},
      {"Sep 5, 2024", "2024-09-05"},
      {"September 5, 2024", "2024-09-05"},
      {"May 24, 2024", "2024-05-24"},
      {"December 27, 2024", "2024-12-27"},
      {"Feb 29, 2024", "2024-02-29"},
      {"1 January 1000", "1000-01-01"},
      // Not dates, or not days that exist.
      {"", std::nullopt},
      {"July", std::nullopt},
      {"July 2025", std::nullopt},
      {"July 28", std::nullopt},
      {"July 28, 25", std::nullopt},
      {"July 28, 20255", std::nullopt},
      {"July 128, 2025", std::nullopt},
      {"Juli 28, 2025", std::nullopt},
      {"Jly 28, 2025", std::nullopt},
      {"Septem 5, 2024", std::nullopt},
      {"February 30, 2025", std::nullopt},
      {"Feb 29, 2023", std::nullopt},
      {"July 32, 2025", std::nullopt},
      {"July 0, 2025", std::nullopt},
      {"2025-7-28", std::nullopt},
      {"2025-13-01", std::nullopt},
      {"2025-02-30", std::nullopt},
      {"2025/07/28", std::nullopt},
      {"28 July 2025 extra", std::nullopt},
      {"July twenty-eight, 2025", std::nullopt},
  };
  for (const ParseCase& c : cases) {
    INFO("text: '" << c.text << "'");
    const auto date = CalendarDate::parse(c.text);
    CHECK(date.has_value() == c.iso.has_value());
    if (date && c.iso) CHECK(date->iso() == *c.iso);
  }
}

TEST_CASE("CalendarDate::iso and compact pad to fixed width", "[calendar_date]") {
  const auto early = CalendarDate::from_parts(1000, 1, 2);
  REQUIRE(early);
  CHECK(early->iso() == "1000-01-02");
  CHECK(early->compact() == "10000102");

  const auto late = CalendarDate::from_parts(2025, 12, 31);
  REQUIRE(late);
  CHECK(late->iso() == "2025-12-31");
  CHECK(late->compact() == "20251231");
}

TEST_CASE("CalendarDate::compact sorts as a string in date order", "[calendar_date]") {
  const std::vector<std::string> in_order = {"1999-12-31", "2024-02-29", "2024-03-01",
                                             "2024-10-01", "2025-01-09", "2025-01-10"};
  for (size_t i = 1; i < in_order.size(); ++i) {
    const auto before = CalendarDate::parse(in_order[i - 1]);
    const auto after = CalendarDate::parse(in_order[i]);
    REQUIRE(before);
    REQUIRE(after);
    INFO(in_order[i - 1] << " < " << in_order[i]);
    CHECK(*before < *after);
    CHECK(before->compact() < after->compact());
  }
}

// Found by the dates fuzzer (tests/fuzz-regressions/dates/): std::chrono keeps a year in a
// short, so 762,917,127 days wrapped around into a year of the calendar, and a month count
// near INT_MAX overflowed the sum of months.
TEST_CASE("CalendarDate arithmetic leaves the calendar for any count", "[calendar_date]") {
  const CalendarDate day = *CalendarDate::parse("2025-07-28");
  for (const int n : {762917127, -762917127, 3294000, -3294000, 3294001, -3294001, INT_MAX, INT_MIN,
                      INT_MAX - 1}) {
    INFO(n);
    CHECK_FALSE(day.plus_days(n).has_value());
    CHECK_FALSE(day.plus_months(n).has_value());
  }
  CHECK(day.plus_days(2700000)->iso() == "9417-12-03");
  CHECK(day.plus_days(-372567)->iso() == "1005-07-09");
  CHECK(CalendarDate::parse("9999-12-31")->plus_days(-3287181)->iso() == "1000-01-01");
  CHECK(CalendarDate::parse("1000-01-01")->plus_months(107999)->iso() == "9999-12-01");
  CHECK_FALSE(CalendarDate::parse("1000-01-01")->plus_months(108000).has_value());
  CHECK(CalendarDate::parse("9999-12-31")->plus_months(-107999)->iso() == "1000-01-31");
}

TEST_CASE("CalendarDate equality compares the day", "[calendar_date]") {
  CHECK(CalendarDate::parse("July 28, 2025") == CalendarDate::parse("2025-07-28"));
  CHECK(CalendarDate::parse("July 28, 2025") != CalendarDate::parse("2025-07-29"));
}

}  // namespace
}  // namespace briefsearch

// Calendar days (no time, no time zone) as briefs carry them, and the ways they are written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace briefsearch {

// The month (1-12) an English month name means, ignoring case: a full name ("June"), a
// three-letter abbreviation ("jun") or "Sept", with or without a full stop; nothing for
// other words.
[[nodiscard]] std::optional<int> month_from_name(std::string_view word);

// The English name of month (1-12), lowercase ("june"). Throws std::out_of_range for other
// numbers.
[[nodiscard]] std::string_view month_name(int month);

// A valid day of the proleptic Gregorian calendar, years 1000-9999.
class CalendarDate {
 public:
  // Returns nothing when the day does not exist (February 30, month 13, year 99999).
  [[nodiscard]] static std::optional<CalendarDate> from_parts(int year, int month, int day);

  // Reads the forms briefs use: "July 28, 2025", "Jul 28, 2025", "Jul. 28 2025",
  // "28 July 2025", "2025-07-28". Month names are English and case-insensitive.
  [[nodiscard]] static std::optional<CalendarDate> parse(std::string_view text);

  [[nodiscard]] int year() const { return year_; }
  [[nodiscard]] int month() const { return month_; }
  [[nodiscard]] int day() const { return day_; }

  // The day n days later (earlier for negative n); nothing outside years 1000-9999, for
  // any n.
  [[nodiscard]] std::optional<CalendarDate> plus_days(int n) const;
  // The same day n months later, or the month's last day when it is shorter (Mar 31 - 1
  // month = Feb 28); nothing outside years 1000-9999, for any n.
  [[nodiscard]] std::optional<CalendarDate> plus_months(int n) const;
  // The last day of the given month.
  [[nodiscard]] static std::optional<CalendarDate> end_of_month(int year, int month);
  // Today in the machine's local time zone: briefs carry calendar days, not instants.
  [[nodiscard]] static CalendarDate today();

  // "2025-07-28"
  [[nodiscard]] std::string iso() const;
  // "20250728": sorts as a string in date order, so it serves as a Xapian value.
  [[nodiscard]] std::string compact() const;

  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
  friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;

 private:
  CalendarDate(int year, int month, int day) : year_(year), month_(month), day_(day) {}
  int year_;
  int month_;
  int day_;
};

}  // namespace briefsearch

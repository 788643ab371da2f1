#include "common/brief/calendar_date.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

namespace briefsearch {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// No two days of the calendar (years 1000-9999) are further apart than this.
constexpr int kMaxDaysApart = (9999 - 1000 + 1) * 366;
constexpr int kMaxMonthsApart = (9999 - 1000 + 1) * 12;

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

std::optional<int> number_from(std::string_view word, size_t min_digits, size_t max_digits) {
  if (word.size() < min_digits || word.size() > max_digits) return std::nullopt;
  int value = 0;
  for (char c : word) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Splits on spaces and commas, so "July 28, 2025" gives {"July", "28", "2025"}.
std::vector<std::string_view> date_words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '\t') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

std::optional<CalendarDate> parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = number_from(text.substr(0, 4), 4, 4);
  const auto month = number_from(text.substr(5, 2), 2, 2);
  const auto day = number_from(text.substr(8, 2), 2, 2);
  if (!year || !month || !day) return std::nullopt;
  return CalendarDate::from_parts(*year, *month, *day);
}

}  // namespace

// Full names and three-letter abbreviations ("Sept" too), with an optional trailing dot.
std::string_view month_name(int month) {
  return kMonthNames.at(static_cast<std::size_t>(month - 1));
}

std::optional<int> month_from_name(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (size_t i = 0; i < kMonthNames.size(); ++i) {
    const std::string_view name = kMonthNames[i];
    if (equals_ignoring_case(word, name)) return static_cast<int>(i + 1);
    if (word.size() == 3 && equals_ignoring_case(word, name.substr(0, 3))) {
      return static_cast<int>(i + 1);
    }
  }
  if (equals_ignoring_case(word, "sept")) return 9;
  return std::nullopt;
}

std::optional<CalendarDate> CalendarDate::from_parts(int year, int month, int day) {
  if (year < 1000 || year > 9999) return std::nullopt;
  // Checked before std::chrono sees them: it keeps months and days in a byte, so month 263
  // would pass as month 7.
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return CalendarDate(year, month, day);
}

std::optional<CalendarDate> CalendarDate::parse(std::string_view text) {
  if (auto iso = parse_iso(text)) return iso;
  const auto words = date_words(text);
  if (words.size() != 3) return std::nullopt;
  if (auto month = month_from_name(words[0])) {  // July 28, 2025
    const auto day = number_from(words[1], 1, 2);
    const auto year = number_from(words[2], 4, 4);
    if (day && year) return from_parts(*year, *month, *day);
  }
  if (auto month = month_from_name(words[1])) {  // 28 July 2025
    const auto day = number_from(words[0], 1, 2);
    const auto year = number_from(words[2], 4, 4);
    if (day && year) return from_parts(*year, *month, *day);
  }
  return std::nullopt;
}

std::optional<CalendarDate> CalendarDate::plus_days(int n) const {
  // Checked first: std::chrono keeps a year in a short, so a day count of millions of
  // years would wrap around into a year of the calendar.
  if (n > kMaxDaysApart || n < -kMaxDaysApart) return std::nullopt;
  namespace chrono = std::chrono;
  const chrono::year_month_day start{chrono::year{year_},
                                     chrono::month{static_cast<unsigned>(month_)},
                                     chrono::day{static_cast<unsigned>(day_)}};
  const chrono::year_month_day shifted{chrono::sys_days{start} + chrono::days{n}};
  return from_parts(static_cast<int>(shifted.year()),
                    static_cast<int>(static_cast<unsigned>(shifted.month())),
                    static_cast<int>(static_cast<unsigned>(shifted.day())));
}

std::optional<CalendarDate> CalendarDate::plus_months(int n) const {
  // Checked first, so that the sum below cannot overflow.
  if (n > kMaxMonthsApart || n < -kMaxMonthsApart) return std::nullopt;
  const int months = year_ * 12 + (month_ - 1) + n;
  if (months < 0) return std::nullopt;
  const int year = months / 12;
  const int month = months % 12 + 1;
  const auto last = end_of_month(year, month);
  if (!last) return std::nullopt;
  return from_parts(year, month, std::min(day_, last->day()));
}

std::optional<CalendarDate> CalendarDate::end_of_month(int year, int month) {
  using namespace std::chrono;
  if (month < 1 || month > 12) return std::nullopt;
  const year_month_day_last last{std::chrono::year{year} /
                                 std::chrono::month{static_cast<unsigned>(month)} /
                                 std::chrono::last};
  return from_parts(year, month, static_cast<int>(static_cast<unsigned>(last.day())));
}

CalendarDate CalendarDate::today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *from_parts(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string CalendarDate::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year_, month_, day_);
  return buffer;
}

std::string CalendarDate::compact() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year_, month_, day_);
  return buffer;
}

}  // namespace briefsearch

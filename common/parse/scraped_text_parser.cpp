// Reads briefs as scraped from their web pages: page furniture, a kind line, the title, a
// "By <date>" line often glued to a comment counter, then the sections.
#include <array>
#include <cctype>

#include "common/base/string_utils.h"
#include "common/parse/formats.h"
#include "common/parse/section_builder.h"

namespace briefsearch {
namespace {

// Whole lines of page furniture, compared lowercase.
constexpr std::array<std::string_view, 19> kBoilerplateLines = {"skip to main content",
                                                                "skip to content",
                                                                "copying our content is forbidden.",
                                                                "copying our content is forbidden",
                                                                "share this:",
                                                                "share this",
                                                                "share",
                                                                "print",
                                                                "email",
                                                                "leave a comment",
                                                                "no comments",
                                                                "comments are closed.",
                                                                "related",
                                                                "related posts",
                                                                "related briefs",
                                                                "read more",
                                                                "back to top",
                                                                "subscribe",
                                                                "menu"};

// Furniture recognised by how a short line starts.
constexpr std::array<std::string_view, 7> kBoilerplatePrefixes = {
    "copying our content", "\xC2\xA9",  // ©
    "copyright ",          "all rights reserved",
    "posted in ",          "you must be logged in",
    "filed under"};

// The lone line naming the kind of page, shown above the title.
constexpr std::array<std::string_view, 9> kKindLines = {"brief",      "briefs", "analysis",
                                                        "commentary", "report", "snapshot",
                                                        "insight",    "note",   "daily brief"};

constexpr std::array<std::string_view, 6> kDateLinePrefixes = {
    "by ", "published on ", "published ", "posted on ", "posted ", "updated "};

constexpr size_t kMaxBoilerplatePrefixLine = 120;

bool is_boilerplate(std::string_view line) {
  const std::string lowered = ascii_lowercase(line);
  for (std::string_view known : kBoilerplateLines) {
    if (lowered == known) return true;
  }
  if (line.size() > kMaxBoilerplatePrefixLine) return false;
  for (std::string_view prefix : kBoilerplatePrefixes) {
    if (lowered.starts_with(prefix)) return true;
  }
  return false;
}

bool is_kind_line(std::string_view line) {
  const std::string lowered = ascii_lowercase(line);
  for (std::string_view kind : kKindLines) {
    if (lowered == kind) return true;
  }
  return false;
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         ascii_lowercase(text.substr(text.size() - suffix.size())) == suffix;
}

struct DateLine {
  std::string date_text;
  std::optional<CalendarDate> date;
};

// Recognises "By July 28, 2025No Comments", "By December 27, 2024 3 Comments",
// "By 2025-07-28", "Published 28 July 2025" and a line holding only a date. A line with
// a comment counter is a date line even when its date is impossible (the caller warns).
std::optional<DateLine> read_date_line(std::string_view line) {
  std::string_view rest = line;
  bool has_prefix = false;
  for (std::string_view prefix : kDateLinePrefixes) {
    if (starts_with_ignoring_case(rest, prefix)) {
      rest.remove_prefix(prefix.size());
      has_prefix = true;
      break;
    }
  }
  rest = trim(rest);
  bool has_counter = false;
  for (std::string_view word : {"comments", "comment"}) {
    if (ends_with_ignoring_case(rest, word)) {
      rest = trim(rest.substr(0, rest.size() - word.size()));
      has_counter = true;
      break;
    }
  }
  std::vector<std::string> candidates;
  if (has_counter) {
    if (ends_with_ignoring_case(rest, "no")) {
      candidates.emplace_back(trim(rest.substr(0, rest.size() - 2)));
    } else {
      size_t digits_start = rest.size();
      while (digits_start > 0 && std::isdigit(static_cast<unsigned char>(rest[digits_start - 1]))) {
        --digits_start;
      }
      const std::string_view digits = rest.substr(digits_start);
      const std::string_view before = rest.substr(0, digits_start);
      // "20243 Comments": the year glued to the counter. Tried first, and whether or not
      // the text before the digits ends in a space, since "December 27, " does too.
      if (digits.size() > 4) {
        candidates.emplace_back(std::string(before) + std::string(digits.substr(0, 4)));
      }
      if (!before.empty() && before.back() == ' ') {
        candidates.emplace_back(trim(before));  // "2024 3 Comments"
      }
    }
  } else {
    candidates.emplace_back(rest);
  }
  for (const std::string& candidate : candidates) {
    if (auto date = CalendarDate::parse(candidate)) return DateLine{candidate, date};
  }
  if (has_counter && has_prefix) {
    return DateLine{candidates.empty() ? std::string(rest) : candidates.front(), std::nullopt};
  }
  return std::nullopt;
}

struct NumberedLine {
  std::string_view text;
  size_t number;
};

// The index of the first date line among the opening lines, which splits header from body.
std::optional<std::pair<size_t, DateLine>> find_date_line(const std::vector<NumberedLine>& lines) {
  constexpr size_t kHeaderSearchLines = 20;
  size_t content_lines_seen = 0;
  for (size_t i = 0; i < lines.size() && content_lines_seen < kHeaderSearchLines; ++i) {
    if (lines[i].text.empty()) continue;
    ++content_lines_seen;
    if (auto found = read_date_line(lines[i].text)) return std::pair{i, std::move(*found)};
  }
  return std::nullopt;
}

// Reads the title and the date into brief; returns the index of the first body line.
size_t read_header(const std::vector<NumberedLine>& lines, const std::string& path, Brief& brief,
                   ParseResult& result) {
  const auto date_line = find_date_line(lines);
  if (!date_line) {
    size_t body_start = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      const std::string_view line = lines[i].text;
      if (line.empty() || is_boilerplate(line) || is_kind_line(line)) continue;
      if (read_heading(line)) break;
      brief.title = line;
      body_start = i + 1;
      break;
    }
    if (!brief.title.empty()) result.warnings.push_back({path, 0, "no date line found"});
    return body_start;
  }
  const auto& [date_index, date] = *date_line;
  for (size_t i = date_index; i-- > 0;) {
    const std::string_view line = lines[i].text;
    if (line.empty() || is_boilerplate(line) || is_kind_line(line)) continue;
    brief.title = line;
    break;
  }
  brief.date = date.date;
  if (!brief.date) {
    result.warnings.push_back(
        {path, lines[date_index].number,
         "invalid date '" + shown_excerpt(date.date_text) + "'; indexed undated"});
  }
  return date_index + 1;
}

}  // namespace

void parse_scraped_text(std::string_view text, const std::string& path, ParseResult& result) {
  std::vector<NumberedLine> lines;
  size_t number = 0;
  for (std::string_view raw : split_lines(text)) {
    ++number;
    lines.push_back({trim(raw), number});
  }

  Brief brief;
  brief.path = path;
  const size_t body_start = read_header(lines, path, brief, result);
  SectionBuilder builder;
  for (size_t i = body_start; i < lines.size(); ++i) {
    const std::string_view line = lines[i].text;
    if (line.empty()) {
      builder.end_paragraph();
    } else if (is_boilerplate(line)) {
      builder.end_paragraph();
    } else {
      builder.add_line_or_heading(line);
    }
  }
  brief.sections = builder.finish();
  brief.title = repair_spaced_hyphens(brief.title);

  settle_brief(std::move(brief), path, 0, result);
}

}  // namespace briefsearch

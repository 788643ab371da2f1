// Reads Markdown briefs: a front-matter header between "---" lines (title, date, region,
// countries, tags, source, classification, language, id), then "## Section" headings.
#include <cctype>
#include <map>

#include "common/base/string_utils.h"
#include "common/parse/formats.h"
#include "common/parse/section_builder.h"

namespace briefsearch {
namespace {

std::string_view unquote(std::string_view value) {
  value = trim(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  return value;
}

// "[a, b]", "a, b" or a single value.
std::vector<std::string> list_value(std::string_view value) {
  value = trim(value);
  if (value.starts_with('[') && value.ends_with(']')) {
    value = value.substr(1, value.size() - 2);
  } else if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
             value.find(value.front(), 1) == value.size() - 1) {
    value = value.substr(1, value.size() - 2);  // one quoted string: "Mali, Niger"
  }
  std::vector<std::string> items;
  for (const std::string& item : split_list(value)) {
    const std::string_view unquoted = unquote(item);
    if (!unquoted.empty()) items.emplace_back(unquoted);
  }
  return items;
}

// Drops the inline markup a reader does not see: emphasis markers, code ticks, and the
// targets of links and images ("[text](url)" keeps "text").
std::string strip_inline_markup(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') continue;
    if (c == '[') {
      // The link text ends at the first ']'; "[1] and [a](url)" is a footnote, then a link.
      const size_t close = line.find(']', i);
      const bool is_link = close != std::string_view::npos && line.substr(close).starts_with("](");
      const size_t end = is_link ? line.find(')', close) : std::string_view::npos;
      if (end != std::string_view::npos) {
        out.append(line.substr(i + 1, close - i - 1));
        i = end;
        continue;
      }
    }
    if (c == '`') continue;
    if ((c == '*' || c == '_') && i + 1 < line.size() && line[i + 1] == c) {
      ++i;  // "**" or "__"
      continue;
    }
    if (c == '*' && (i == 0 || line[i - 1] == ' ' || i + 1 == line.size() || line[i + 1] == ' ' ||
                     std::ispunct(static_cast<unsigned char>(line[i + 1])))) {
      continue;
    }
    out += c;
  }
  return out;
}

int heading_level(std::string_view line) {
  int level = 0;
  while (static_cast<size_t>(level) < line.size() && line[level] == '#') ++level;
  if (level == 0 || level > 6 || static_cast<size_t>(level) >= line.size() || line[level] != ' ') {
    return 0;
  }
  return level;
}

void apply_front_matter(Brief& brief, const std::string& key, std::string_view value,
                        std::vector<std::string> list, const std::string& path, size_t line,
                        ParseResult& result) {
  const std::string scalar(unquote(value));
  BriefMetadata& meta = brief.metadata;
  if (key == "title") {
    brief.title = scalar;
  } else if (key == "id") {
    brief.id = scalar;
  } else if (key == "date") {
    brief.date = CalendarDate::parse(scalar);
    if (!brief.date && !scalar.empty()) {
      result.warnings.push_back(
          {path, line, "invalid date '" + shown_excerpt(scalar) + "'; indexed undated"});
    }
  } else if (key == "region") {
    meta.region = scalar;
  } else if (key == "countries" || key == "country") {
    meta.countries = std::move(list);
  } else if (key == "tags" || key == "tag" || key == "keywords") {
    meta.tags = std::move(list);
  } else if (key == "source") {
    meta.source = scalar;
  } else if (key == "classification") {
    meta.classification = scalar;
  } else if (key == "language" || key == "lang") {
    meta.language = scalar;
  }
}

// A key given twice: as YAML readers do, the last value is used, but it is said.
void warn_repeated_key(const std::string& key, size_t line, std::map<std::string, size_t>& lines,
                       const std::string& path, ParseResult& result) {
  const auto [found, first] = lines.try_emplace(key, line);
  if (first) return;
  result.warnings.push_back({path, line,
                             "front matter key '" + shown_excerpt(key) + "' given again (line " +
                                 std::to_string(found->second) + "); the last is used"});
  found->second = line;
}

// Reads the front matter that opens lines with '---' into brief. Returns the index of the
// first body line (0 when there is no front matter), or nothing after an error, which is
// recorded in result.
std::optional<size_t> read_front_matter(const std::vector<std::string_view>& lines,
                                        const std::string& path, Brief& brief,
                                        ParseResult& result) {
  if (lines.empty() || trim(lines[0]) != "---") return 0;
  // Found first: without it the body would be read as front matter, and its first line
  // without a colon reported instead of the missing '---'.
  std::optional<size_t> closing;
  for (size_t i = 1; i < lines.size() && !closing; ++i) {
    const std::string_view line = trim(lines[i]);
    if (line == "---" || line == "...") closing = i;
  }
  if (!closing) {
    result.errors.push_back({path, 1, "front matter is not closed with '---'"});
    return std::nullopt;
  }
  std::string list_key;
  std::vector<std::string> list_items;
  size_t list_line = 0;
  std::map<std::string, size_t> key_lines;  // the line each key was last given on
  auto flush_list = [&] {
    if (list_key.empty()) return;
    apply_front_matter(brief, list_key, "", std::move(list_items), path, list_line, result);
    list_key.clear();
    list_items.clear();
  };
  for (size_t i = 1; i < *closing; ++i) {
    const std::string_view line = trim(lines[i]);
    if (line.empty() || line.starts_with('#')) continue;
    if (line.starts_with("- ") && !list_key.empty()) {
      list_items.emplace_back(unquote(line.substr(2)));
      continue;
    }
    flush_list();
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      result.errors.push_back({path, i + 1, "front matter line is not 'key: value'"});
      return std::nullopt;
    }
    const std::string key = ascii_lowercase(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    warn_repeated_key(key, i + 1, key_lines, path, result);
    if (value.empty()) {  // a block list follows
      list_key = key;
      list_line = i + 1;
      continue;
    }
    apply_front_matter(brief, key, value, list_value(value), path, i + 1, result);
  }
  flush_list();
  return *closing + 1;
}

// Reads the title and the sections from lines[start...] into brief.
void read_body(const std::vector<std::string_view>& lines, size_t start, Brief& brief) {
  SectionBuilder builder;
  for (size_t i = start; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    const int level = heading_level(line);
    if (level == 1 && brief.title.empty()) {
      brief.title = strip_inline_markup(trim(line.substr(2)));
    } else if (level >= 1) {
      const std::string heading = strip_inline_markup(trim(line.substr(level + 1)));
      auto known = canonical_section_name(heading);
      builder.start_section(known ? *known : heading);
    } else if (line.starts_with("- ") || line.starts_with("* ")) {
      builder.end_paragraph();  // each list item is a paragraph of its own
      builder.add_line(strip_inline_markup(line.substr(2)));
      builder.end_paragraph();
    } else {
      // "Impact: text" and "**Impact:** text" paragraphs, as in scraped text.
      builder.add_line_or_heading(strip_inline_markup(line));
    }
  }
  brief.sections = builder.finish();
}

}  // namespace

void parse_markdown(std::string_view text, const std::string& path, ParseResult& result) {
  const std::vector<std::string_view> lines = split_lines(text);
  Brief brief;
  brief.path = path;
  const std::optional<size_t> body_start = read_front_matter(lines, path, brief, result);
  if (!body_start) return;
  read_body(lines, *body_start, brief);
  settle_brief(std::move(brief), path, 0, result);
}

}  // namespace briefsearch

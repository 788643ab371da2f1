// Reads JSON Lines exports: one brief per line, as a JSON object. A bad line is an error
// for that line only.
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "common/base/string_utils.h"
#include "common/parse/formats.h"
#include "common/parse/section_builder.h"

namespace briefsearch {
namespace {

using Json = nlohmann::ordered_json;

// A record that cannot become a brief; caught per line.
struct RecordError {
  std::string message;
};

std::string string_field(const Json& record, const char* key) {
  const auto found = record.find(key);
  if (found == record.end() || found->is_null()) return {};
  if (!found->is_string()) throw RecordError{std::string("field '") + key + "' must be a string"};
  return found->get<std::string>();
}

// A field the other formats read from one line (a title, a name, a metadata value): JSON
// strings may hold "\n", "\r" and "\t" escapes, which become spaces (as_one_line), so
// every reader gives one-line fields.
std::string line_field(const Json& record, const char* key) {
  return as_one_line(string_field(record, key));
}

// Accepts an array of strings or one comma-separated string; items are one line each.
std::vector<std::string> list_field(const Json& record, const char* key) {
  const auto found = record.find(key);
  if (found == record.end() || found->is_null()) return {};
  if (found->is_string()) return split_list(as_one_line(found->get<std::string>()));
  if (!found->is_array()) {
    throw RecordError{std::string("field '") + key + "' must be a list of strings"};
  }
  std::vector<std::string> items;
  for (const Json& item : *found) {
    if (!item.is_string()) {
      throw RecordError{std::string("field '") + key + "' must be a list of strings"};
    }
    std::string value = as_one_line(item.get<std::string>());
    if (!value.empty()) items.push_back(std::move(value));
  }
  return items;
}

// Named as the text formats name them ("key judgements" gives "Key Judgments"), and, as
// there, a section without text is left out.
// JSON strings may carry "\r\n" escapes and padding that the other formats never keep, and
// line breaks in a name, which a heading line cannot hold (line_field).
void add_section(std::vector<Section>& sections, std::string name, const std::string& text) {
  std::string clean(trim(normalise_line_ends(text)));
  if (clean.empty()) return;
  name = as_one_line(name);
  if (name.empty()) name = kUntitledSectionName;
  if (auto known = canonical_section_name(name)) name = std::move(*known);
  sections.push_back({std::move(name), std::move(clean)});
}

// "sections" is a list of {"name", "text"} objects or an object of name -> text; without
// it, top-level "description", "impact" and "text" fields are used.
std::vector<Section> sections_field(const Json& record) {
  std::vector<Section> sections;
  const auto found = record.find("sections");
  if (found == record.end() || found->is_null()) {
    for (const auto& [key, name] :
         {std::pair{"description", "Description"}, std::pair{"impact", "Impact"},
          std::pair{"text", "Body"}, std::pair{"body", "Body"}}) {
      add_section(sections, name, string_field(record, key));
    }
    return sections;
  }
  if (found->is_object()) {
    for (const auto& [name, text] : found->items()) {
      if (!text.is_string())
        throw RecordError{"section '" + shown_excerpt(name) + "' must be a string"};
      add_section(sections, name, text.get<std::string>());
    }
    return sections;
  }
  if (!found->is_array()) throw RecordError{"field 'sections' must be a list or an object"};
  for (const Json& section : *found) {
    if (!section.is_object()) throw RecordError{"each section must be an object"};
    add_section(sections, string_field(section, "name"), string_field(section, "text"));
  }
  return sections;
}

// An id is a key that scripts look briefs up by, so one changed by line_field is said.
std::string read_id(const Json& record, const std::string& path, size_t line, ParseResult& result) {
  const std::string given = string_field(record, "id");
  std::string id = as_one_line(given);
  if (id != given) {
    result.warnings.push_back({path, line,
                               "id '" + shown_excerpt(given) +
                                   "' has line breaks, tabs or padding; indexed as '" +
                                   shown_excerpt(id) + "'"});
  }
  return id;
}

Brief brief_from_record(const Json& record, const std::string& path, size_t line,
                        ParseResult& result) {
  if (!record.is_object()) throw RecordError{"a record must be a JSON object"};
  Brief brief;
  brief.path = path;
  brief.line = line;
  brief.id = read_id(record, path, line, result);
  brief.title = line_field(record, "title");
  const std::string date = line_field(record, "date");
  brief.date = CalendarDate::parse(date);
  if (!brief.date && !date.empty()) {
    result.warnings.push_back(
        {path, line, "invalid date '" + shown_excerpt(date) + "'; indexed undated"});
  }
  brief.sections = sections_field(record);
  BriefMetadata& meta = brief.metadata;
  meta.region = line_field(record, "region");
  meta.countries = list_field(record, "countries");
  meta.tags = list_field(record, "tags");
  meta.source = line_field(record, "source");
  meta.classification = line_field(record, "classification");
  meta.language = line_field(record, "language");
  return brief;
}

// The UTF-16 code unit a "\\uXXXX" escape at line[at] names, if it is one.
std::optional<unsigned> escaped_unit(std::string_view line, size_t at) {
  if (line.size() < at + 6 || line[at] != '\\' || line[at + 1] != 'u') return std::nullopt;
  unsigned unit = 0;
  for (size_t i = at + 2; i < at + 6; ++i) {
    const char c = line[i];
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0) return std::nullopt;
    unit = unit * 16 + static_cast<unsigned>(digit);
  }
  return unit;
}

bool is_high_surrogate(unsigned unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool is_low_surrogate(unsigned unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

// Exporters that cut a string between the two halves of a surrogate pair (JavaScript's
// substring does) write a lone "\\ud83d", which nlohmann-json rightly refuses. Like a stray
// byte in the text, it must not cost the record: each lone surrogate escape in a JSON string
// becomes "\\ufffd", with a warning naming the first.
std::string repair_lone_surrogates(std::string_view line, const std::string& path,
                                   size_t line_number, ParseResult& result) {
  if (line.find("\\u") == std::string_view::npos) return std::string(line);
  std::string out;
  out.reserve(line.size());
  size_t repairs = 0;
  std::string first;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') in_string = !in_string;
    if (!in_string || c != '\\' || i + 1 >= line.size()) {
      out += c;
      continue;
    }
    const auto unit = escaped_unit(line, i);
    if (!unit || !(is_high_surrogate(*unit) || is_low_surrogate(*unit))) {
      out.append(line.substr(i, 2));  // any other escape, "\\\"" included, stays whole
      ++i;
      continue;
    }
    const auto next = escaped_unit(line, i + 6);
    if (is_high_surrogate(*unit) && next && is_low_surrogate(*next)) {
      out.append(line.substr(i, 12));
      i += 11;
      continue;
    }
    if (repairs++ == 0) {
      first = "lone UTF-16 surrogate " + std::string(line.substr(i, 6)) + " at byte " +
              std::to_string(i) + " of the line, replaced by U+FFFD";
    }
    out += "\\ufffd";
    i += 5;
  }
  if (repairs > 1) first += " (and " + std::to_string(repairs - 1) + " more)";
  if (repairs > 0) result.warnings.push_back({path, line_number, std::move(first)});
  return out;
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; the rest is the part
// a user can act on, but for the token it quotes at the end ("; last read: '...'"), which
// may be a whole line: a few bytes of it show where.
std::string short_json_error(const std::string& what) {
  const size_t bracket = what.find("] ");
  std::string message = bracket == std::string::npos ? what : what.substr(bracket + 2);
  constexpr std::string_view kLastRead = "; last read: '";
  const size_t token = message.find(kLastRead);
  if (token == std::string::npos || !message.ends_with('\'')) return message;
  const size_t start = token + kLastRead.size();
  return message.substr(0, start) +
         shown_excerpt(std::string_view(message).substr(start, message.size() - start - 1)) + "'";
}

// Parses one record, warning about each key an object repeats: as JSON.parse and Python
// do, the last value is used.
Json parse_record(const std::string& text, const std::string& path, size_t line,
                  ParseResult& result) {
  std::vector<std::set<std::string>> keys;  // of each object being read
  std::set<std::string> repeated;
  const Json::parser_callback_t note_keys = [&](int, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::object_start) keys.emplace_back();
    if (event == Json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
    if (event == Json::parse_event_t::key && !keys.empty() && parsed.is_string() &&
        !keys.back().insert(parsed.get<std::string>()).second) {
      repeated.insert(parsed.get<std::string>());
    }
    return true;
  };
  Json record = Json::parse(text, note_keys);
  for (const std::string& key : repeated) {
    result.warnings.push_back(
        {path, line, "key '" + shown_excerpt(key) + "' given more than once; the last is used"});
  }
  return record;
}

}  // namespace

void parse_json_lines(std::string_view text, const std::string& path, const ParseLimits& limits,
                      ParseResult& result) {
  size_t line_number = 0;
  size_t records = 0;
  const SizeLimit brief_limit = brief_size_limit(limits);
  for (std::string_view line : split_lines(text)) {
    ++line_number;
    if (trim(line).empty()) continue;
    ++records;
    if (line.size() > brief_limit.bytes) {
      result.errors.push_back({path, line_number, too_large_message(line.size(), brief_limit)});
      continue;
    }
    try {
      const Json record = parse_record(repair_lone_surrogates(line, path, line_number, result),
                                       path, line_number, result);
      settle_brief(brief_from_record(record, path, line_number, result), path, line_number, result);
    } catch (const Json::exception& error) {
      result.errors.push_back(
          {path, line_number, "invalid JSON: " + short_json_error(error.what())});
    } catch (const RecordError& error) {
      result.errors.push_back({path, line_number, error.message});
    }
  }
  if (records == 0) result.errors.push_back({path, 0, "empty file"});
}

}  // namespace briefsearch

#include "common/search/brief_reference.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

#include "common/base/errors.h"
#include "common/store/file_state.h"
#include "common/store/roots.h"
#include "common/store/schema.h"
#include "common/store/stored_brief.h"

namespace briefsearch {
namespace {

struct Named {
  std::string id;
  std::string path;
  std::size_t line = 0;

  friend bool operator==(const Named&, const Named&) = default;
};

// How a brief is named for the user to pick: "ID (PATH#LINE)".
std::string described(const Named& brief) {
  std::string text = "'" + brief.id + "' (" + brief.path;
  if (brief.line > 0) text += "#" + std::to_string(brief.line);
  return text + ")";
}

Named named(const Xapian::Document& document) {
  const Brief brief = brief_from_document_data(document.get_data());
  return {brief.id, brief.path, brief.line};
}

// The briefs indexed from the file at absolute_path (its records on line, when given).
std::vector<Named> briefs_from_file(const Xapian::Database& database,
                                    const std::string& absolute_path,
                                    std::optional<std::size_t> line) {
  std::vector<Named> found;
  for (auto value = database.valuestream_begin(kSourceSlot);
       value != database.valuestream_end(kSourceSlot); ++value) {
    // A source value ends with its path: most are passed over without decoding.
    if (!(*value).ends_with(absolute_path)) continue;
    const auto source = decode_brief_source(*value);
    if (!source || source->absolute_path != absolute_path) continue;
    Named brief = named(database.get_document(value.get_docid()));
    if (!line || brief.line == *line) found.push_back(std::move(brief));
  }
  return found;
}

// "FILE#LINE" split at its last '#' into FILE and what follows (maybe not a number).
std::optional<std::pair<std::string, std::string>> file_and_suffix(const std::string& reference) {
  const std::size_t hash = reference.rfind('#');
  if (hash == std::string::npos || hash == 0) return std::nullopt;
  return std::pair{reference.substr(0, hash), reference.substr(hash + 1)};
}

// LINE as a number (0 included, which names no record), or nothing.
std::optional<std::size_t> line_number(const std::string& digits) {
  if (digits.empty() || digits.size() > 9 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoul(digits);
}

// "FILE#LINE" split at its last '#', when LINE is a positive number.
std::optional<std::pair<std::string, std::size_t>> file_and_line(const std::string& reference) {
  const auto split = file_and_suffix(reference);
  if (!split) return std::nullopt;
  const auto line = line_number(split->second);
  if (!line || *line == 0) return std::nullopt;
  return std::pair{split->first, *line};
}

std::string resolved(const std::string& path) { return resolved_path(path).string(); }

// "1, 2, 3, 4", the first ten of lines (sorted).
std::string lines_listed(std::vector<std::size_t> lines) {
  std::sort(lines.begin(), lines.end());
  std::string listed;
  for (std::size_t i = 0; i < lines.size() && i < 10; ++i) {
    listed += (i == 0 ? "" : ", ") + std::to_string(lines[i]);
  }
  if (lines.size() > 10) listed += ", ...";
  return listed;
}

// Why reference names no brief. For FILE#LINE of a JSON Lines file that has records, the
// lines it has them on, whatever is wrong with LINE: past the last record, 0 (lines count
// from 1, as editors and the record's FILE#LINE in text output count them), not a number.
std::string nothing_named(const Xapian::Database& database, const std::string& reference) {
  if (const auto split = file_and_suffix(reference)) {
    const std::string file = resolved(split->first);
    const std::vector<Named> records = briefs_from_file(database, file, std::nullopt);
    if (!records.empty()) {
      std::vector<std::size_t> lines;
      for (const Named& record : records) lines.push_back(record.line);
      const std::string on_lines = "its briefs are on lines " + lines_listed(std::move(lines));
      const auto line = line_number(split->second);
      if (!line) {
        const std::string problem = split->second.empty()
                                        ? "no line number after '#'"
                                        : "'" + split->second + "' after '#' is not a line number";
        return "'" + reference + "': " + problem + "; " + on_lines + " (lines are counted from 1)";
      }
      return "no brief of " + file + " is on line " + split->second + "; " + on_lines +
             " (lines are counted from 1)";
    }
  }
  return "no brief has the id or path '" + reference + "' (as a path: " + resolved(reference) + ")";
}

}  // namespace

std::string brief_id_for_reference(const Xapian::Database& database, const std::string& reference) {
  if (reference.empty()) throw QueryError("an empty brief id or path");
  std::vector<Named> candidates;
  const std::string id_term = filter_term(kIdFilter, reference);
  if (auto posting = database.postlist_begin(id_term); posting != database.postlist_end(id_term)) {
    candidates.push_back(named(database.get_document(*posting)));
  }
  const auto add = [&](const std::vector<Named>& briefs) {
    for (const Named& brief : briefs) {
      if (std::find(candidates.begin(), candidates.end(), brief) == candidates.end()) {
        candidates.push_back(brief);
      }
    }
  };
  add(briefs_from_file(database, resolved(reference), std::nullopt));
  if (const auto split = file_and_line(reference)) {
    add(briefs_from_file(database, resolved(split->first), split->second));
  }
  if (candidates.size() == 1) return candidates.front().id;
  if (candidates.empty()) throw QueryError(nothing_named(database, reference));
  std::string listed;
  constexpr std::size_t kListed = 5;
  for (std::size_t i = 0; i < candidates.size() && i < kListed; ++i) {
    listed += (i == 0 ? "" : ", ") + described(candidates[i]);
  }
  if (candidates.size() > kListed) listed += ", ...";
  throw QueryError("'" + reference + "' names " + std::to_string(candidates.size()) +
                   " briefs: " + listed + "; name one by its id, or as FILE#LINE");
}

}  // namespace briefsearch

#include "common/index/prepared_file.h"

#include <unordered_map>

#include "common/base/string_utils.h"
#include "common/index/documents.h"
#include "common/store/roots.h"

namespace briefsearch {
namespace {

// Of several briefs with one id in a file, the first is kept.
void reject_duplicates_within(std::vector<Brief>& briefs, const std::string& display_path,
                              std::vector<ParseIssue>& errors) {
  std::unordered_map<std::string, std::size_t> first_line;
  std::erase_if(briefs, [&](const Brief& brief) {
    const auto [first, inserted] = first_line.try_emplace(brief.id, brief.line);
    if (inserted) return false;
    errors.push_back({display_path, brief.line,
                      "duplicate id '" + shown_excerpt(brief.id) +
                          "': " + describe_source(display_path, first->second) +
                          " has it first; this brief is not indexed"});
    return true;
  });
}

}  // namespace

std::string describe_source(const std::string& path, std::size_t line) {
  return line > 0 ? path + ":" + std::to_string(line) : path;
}

ParseIssue duplicate_id_issue(const std::string& path, std::size_t line, const std::string& id,
                              const std::string& kept_source, bool was_indexed) {
  return {path, line,
          "duplicate id '" + shown_excerpt(id) + "': " + kept_source +
              " has it and comes first in path order; this brief is " +
              (was_indexed ? "no longer indexed" : "not indexed")};
}

void build_prepared(PreparedBrief& prepared, const std::string& absolute_path, bool spelling,
                    Analyser& analyser) {
  Xapian::Document document = build_document(prepared.brief, analyser);
  record_brief_source(document, {prepared.hash, absolute_path});
  if (spelling) prepared.spelling_words = spelling_words(document);
  prepared.document = std::move(document);
}

PreparedFile prepare_file(const InputFile& file, const StoredFile* stored, bool force_read,
                          const PrepareContext& context, Analyser& analyser) {
  PreparedFile prepared;
  prepared.state = file.stat;
  const std::optional<FileState>& known =
      stored != nullptr && !force_read ? stored->state : std::nullopt;
  if (known && known->same_stat(file.stat)) {
    prepared.outcome = PreparedFile::Outcome::kUnchanged;
    return prepared;
  }
  const std::string display_path = file.path.string();
  std::string bytes;
  if (auto failure = read_input_file(file.absolute_path, bytes,
                                     file_size_limit(file.format, context.limits))) {
    prepared.errors.push_back({display_path, 0, std::move(*failure)});
    prepared.parse_failed = true;
    return prepared;
  }
  prepared.state.size = bytes.size();
  prepared.state.content_hash = hash_bytes(bytes);
  if (known && known->size == prepared.state.size &&
      known->content_hash == prepared.state.content_hash) {
    prepared.outcome = PreparedFile::Outcome::kRefreshState;  // touched or moved, not changed
    return prepared;
  }
  ParseResult parsed = parse_brief_bytes(bytes, file.format, display_path, context.limits);
  prepared.errors = std::move(parsed.errors);
  prepared.warnings = std::move(parsed.warnings);
  prepared.parse_failed = !prepared.errors.empty();
  const Root& root = context.scan.root_of(file);
  const std::string derived_prefix = derived_brief_id(root, file.absolute_path, 0) + "#";
  for (Brief& brief : parsed.briefs) {
    if (brief.id.empty()) brief.id = derived_brief_id(root, file.absolute_path, brief.line);
    brief.path = file.absolute_path.string();
  }
  reject_duplicates_within(parsed.briefs, display_path, prepared.errors);
  for (Brief& brief : parsed.briefs) {
    PreparedBrief& entry = prepared.briefs.emplace_back();
    entry.derived_id = brief.line > 0 && brief.id == derived_prefix + std::to_string(brief.line);
    entry.brief = std::move(brief);
    entry.hash = brief_content_hash(entry.brief);
    const bool unchanged = stored != nullptr && stored->brief_with_hash(entry.hash).has_value();
    if (!unchanged) build_prepared(entry, prepared.state.absolute_path, context.spelling, analyser);
  }
  return prepared;
}
}  // namespace briefsearch

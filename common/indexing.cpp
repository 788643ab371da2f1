#include "common/indexing.h"

#include <algorithm>

#include "common/analysis.h"
#include "common/documents.h"
#include "common/errors.h"
#include "common/schema.h"

namespace briefsearch {
namespace {

namespace fs = std::filesystem;

// Dot files, editor backups ("x.txt~", "#x.txt#") and swap or partial downloads.
bool is_hidden_or_temporary(const fs::path& path) {
  const std::string name = path.filename().string();
  if (name.empty() || name.front() == '.' || name.front() == '#' || name.back() == '~') {
    return true;
  }
  const std::string extension = path.extension().string();
  return extension == ".swp" || extension == ".tmp" || extension == ".part";
}

void add_file(const fs::path& path, const fs::path& root, std::vector<InputFile>& files,
              std::size_t& skipped) {
  const auto format = input_format_for(path);
  if (!format || is_hidden_or_temporary(path)) {
    ++skipped;
    return;
  }
  files.push_back({path, root, *format});
}

void walk_folder(const fs::path& root, std::vector<InputFile>& files, std::size_t& skipped) {
  std::vector<fs::path> found;
  fs::recursive_directory_iterator walker(root, fs::directory_options::skip_permission_denied);
  for (auto entry = walker; entry != fs::recursive_directory_iterator(); ++entry) {
    const fs::path& path = entry->path();
    if (is_hidden_or_temporary(path)) {
      if (entry->is_directory()) entry.disable_recursion_pending();
      ++skipped;
      continue;
    }
    if (entry->is_symlink() || !entry->is_regular_file()) {
      if (!entry->is_directory()) ++skipped;
      continue;
    }
    found.push_back(path);
  }
  std::sort(found.begin(), found.end());
  for (const fs::path& path : found) add_file(path, root, files, skipped);
}

}  // namespace

std::vector<InputFile> find_input_files(const std::vector<fs::path>& inputs, std::size_t& skipped) {
  std::vector<InputFile> files;
  for (const fs::path& input : inputs) {
    std::error_code error;
    const fs::file_status status = fs::status(input, error);
    if (error || !fs::exists(status)) throw UsageError(input.string() + ": no such file or folder");
    if (fs::is_directory(status)) {
      walk_folder(input, files, skipped);
    } else {
      add_file(input, input.parent_path(), files, skipped);
    }
  }
  return files;
}

std::string derived_brief_id(const InputFile& file, std::size_t line) {
  std::string id = file.path.lexically_relative(file.root).generic_string();
  if (id.empty() || id.starts_with("..")) id = file.path.filename().string();
  if (line > 0) {
    id.push_back('#');
    id.append(std::to_string(line));
  }
  return id;
}

IndexStatistics index_inputs(Xapian::WritableDatabase& database, const IndexOptions& options,
                             const IssueReporter& report) {
  IndexStatistics statistics;
  const std::vector<InputFile> files = find_input_files(options.inputs, statistics.skipped);
  Analyzer analyzer;
  std::size_t in_batch = 0;
  try {
    database.begin_transaction();
    for (const InputFile& file : files) {
      ParseResult parsed = parse_brief_file(file.path, file.format, file.path.string());
      for (const ParseIssue& warning : parsed.warnings) report(warning, false);
      for (const ParseIssue& error : parsed.errors) report(error, true);
      statistics.rejected += parsed.errors.size();
      for (Brief& brief : parsed.briefs) {
        if (brief.id.empty()) brief.id = derived_brief_id(file, brief.line);
        const std::string unique_term = filter_term(kIdFilter, brief.id);
        if (database.term_exists(unique_term)) {
          ++statistics.updated;
        } else {
          ++statistics.added;
        }
        database.replace_document(unique_term, build_document(brief, analyzer));
        if (++in_batch >= options.commit_every) {
          database.commit_transaction();
          database.begin_transaction();
          in_batch = 0;
        }
      }
    }
    database.commit_transaction();
  } catch (const Xapian::Error& error) {
    throw DatabaseError(database.get_description() +
                        ": indexing failed: " + error.get_description());
  }
  return statistics;
}

}  // namespace briefsearch

#include "common/input_files.h"

#include <sys/stat.h>

#include <algorithm>

#include "common/errors.h"

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

fs::path absolute_normal(const fs::path& path) { return fs::absolute(path).lexically_normal(); }

// Adds path when it is a regular brief file; counts it as skipped otherwise.
void consider(const fs::path& path, const fs::path& root, InputScan& scan) {
  const auto format = input_format_for(path);
  struct stat status {};
  if (!format || is_hidden_or_temporary(path) || ::lstat(path.c_str(), &status) != 0 ||
      !S_ISREG(status.st_mode)) {
    ++scan.skipped;
    return;
  }
  InputFile file;
  file.path = path;
  file.absolute_path = absolute_normal(path);
  file.root = root;
  file.format = *format;
  file.size = static_cast<std::uintmax_t>(status.st_size);
  file.modified_ns =
      static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec;
  scan.files.push_back(std::move(file));
}

void walk_folder(const fs::path& root, InputScan& scan) {
  std::vector<fs::path> found;
  std::error_code error;
  fs::recursive_directory_iterator walker(root, fs::directory_options::skip_permission_denied,
                                          error);
  if (error) throw UsageError(root.string() + ": cannot read folder: " + error.message());
  for (auto entry = walker; entry != fs::recursive_directory_iterator(); entry.increment(error)) {
    if (error) break;
    const fs::path& path = entry->path();
    if (is_hidden_or_temporary(path)) {
      if (entry->is_directory()) entry.disable_recursion_pending();
      ++scan.skipped;
      continue;
    }
    if (entry->is_directory() && !entry->is_symlink()) continue;
    found.push_back(path);
  }
  std::sort(found.begin(), found.end());
  const std::size_t before = scan.files.size();
  for (const fs::path& path : found) consider(path, root, scan);
  if (scan.files.size() == before) {
    throw UsageError(root.string() + ": folder holds no brief files (.txt, .md, .jsonl); " +
                     "nothing was indexed or deleted");
  }
}

}  // namespace

InputScan scan_inputs(const std::vector<fs::path>& inputs) {
  InputScan scan;
  for (const fs::path& input : inputs) {
    std::error_code error;
    const fs::file_status status = fs::status(input, error);
    if (error || !fs::exists(status)) {
      throw UsageError(input.string() + ": no such file or folder; nothing was indexed or deleted");
    }
    if (fs::is_directory(status)) {
      walk_folder(input, scan);
      scan.folders.push_back(absolute_normal(input));
    } else {
      consider(input, input.parent_path(), scan);
    }
  }
  return scan;
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

bool is_inside(const fs::path& path, const fs::path& folder) {
  const std::string& folder_text = folder.native();
  const std::string& path_text = path.native();
  if (path_text.size() <= folder_text.size() || !path_text.starts_with(folder_text)) return false;
  return folder_text.ends_with('/') || path_text[folder_text.size()] == '/';
}

}  // namespace briefsearch

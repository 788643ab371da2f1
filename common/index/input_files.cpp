#include "common/index/input_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>

#include "common/base/errors.h"

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

std::int64_t nanoseconds(const struct timespec& time) {
  return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

// Walks one folder (named, or a remembered root) into scan.
class FolderWalker {
 public:
  explicit FolderWalker(InputScan& scan) : scan_(scan) {}

  // Returns the number of brief files found. Folders below the top that cannot be read
  // become errors; the top one throws UsageError when throw_if_unreadable is set.
  std::size_t walk(const fs::path& display, const fs::path& absolute, bool throw_if_unreadable) {
    const std::size_t before = scan_.files.size();
    std::vector<std::pair<fs::path, fs::path>> pending{{display, absolute}};
    bool top = true;
    while (!pending.empty()) {
      const auto [shown, real] = std::move(pending.back());
      pending.pop_back();
      read_folder(shown, real, top && throw_if_unreadable, pending);
      top = false;
    }
    return scan_.files.size() - before;
  }

  // Adds one file found in a walk when it is a regular brief file; counts it as skipped
  // otherwise. The file at absolute is not followed if it is a symbolic link. A file that
  // cannot even be examined is an error, and its briefs are kept.
  void consider(const fs::path& display, const fs::path& absolute) {
    const auto format = input_format_for(display);
    if (!format || is_hidden_or_temporary(display)) {
      ++scan_.skipped;
      return;
    }
    struct stat status {};
    if (::lstat(absolute.c_str(), &status) != 0) {
      if (errno != ENOENT) unreadable(display, absolute, std::strerror(errno));
      ++scan_.skipped;  // vanished since the folder was listed
      return;
    }
    if (!S_ISREG(status.st_mode)) {
      if (S_ISLNK(status.st_mode)) note_link(display);
      ++scan_.skipped;
      return;
    }
    add(display, absolute, *format, status);
  }

  // Adds a file named on the command line (or remembered as a root), following a
  // symbolic link. Returns why it cannot be indexed, if it cannot: it is then not
  // skipped in silence, since someone asked for it by name.
  std::optional<std::string> consider_named(const fs::path& display, const fs::path& absolute) {
    const auto format = input_format_for(display);
    if (!format) return "not a brief file (.txt, .md, .jsonl)";
    struct stat status {};
    if (::stat(absolute.c_str(), &status) != 0) return std::strerror(errno);
    if (!S_ISREG(status.st_mode)) return "not a regular file";
    add(display, absolute, *format, status);
    return std::nullopt;
  }

 private:
  void read_folder(const fs::path& shown, const fs::path& real, bool throw_if_unreadable,
                   std::vector<std::pair<fs::path, fs::path>>& pending) {
    std::error_code error;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator entry(shown, error), end; !error && entry != end;
         entry.increment(error)) {
      entries.push_back(*entry);
    }
    // A folder that can be listed but not searched (mode 644) lists names whose files
    // cannot be examined: as unreadable as one that cannot be listed.
    for (const fs::directory_entry& entry : entries) {
      if (error) break;
      (void)entry.symlink_status(error);
      if (error.value() == ENOENT) error.clear();
    }
    if (error) {
      const std::string reason = shown.string() + ": cannot read folder: " + error.message();
      if (throw_if_unreadable) throw UsageError(reason + "; nothing was indexed or deleted");
      scan_.errors.push_back(
          {shown.string(), 0,
           "cannot read folder: " + error.message() + "; the briefs indexed from it are kept"});
      scan_.unreadable.push_back(real);
      return;
    }
    for (const fs::directory_entry& entry : entries) {
      const fs::path name = entry.path().filename();
      const fs::path display = shown / name;
      const fs::path absolute = real / name;
      std::error_code status_error;
      const fs::file_status status = entry.symlink_status(status_error);
      if (is_hidden_or_temporary(display)) {
        ++scan_.skipped;
      } else if (fs::is_directory(status)) {
        pending.emplace_back(display, absolute);
      } else {
        consider(display, absolute);
      }
    }
  }

  // Symbolic links are never followed inside a walk; one that loops is worth a word,
  // since whoever made it meant something else.
  void note_link(const fs::path& display) {
    std::error_code error;
    (void)fs::status(display, error);
    if (error.value() == ELOOP) {
      scan_.warnings.push_back({display.string(), 0, "symbolic link loop, skipped"});
    }
  }

  void add(const fs::path& display, const fs::path& absolute, InputFormat format,
           const struct stat& status) {
    InputFile file;
    file.path = display;
    file.absolute_path = absolute;
    file.format = format;
    file.stat.size = static_cast<std::uintmax_t>(status.st_size);
    file.stat.modified_ns = nanoseconds(status.st_mtim);
    file.stat.changed_ns = nanoseconds(status.st_ctim);
    file.stat.inode = static_cast<std::uint64_t>(status.st_ino);
    file.stat.absolute_path = absolute.string();
    scan_.files.push_back(std::move(file));
  }

  void unreadable(const fs::path& display, const fs::path& absolute, const std::string& reason) {
    scan_.errors.push_back(
        {display.string(), 0, "cannot read: " + reason + "; the briefs indexed from it are kept"});
    scan_.unreadable.push_back(absolute);
  }

  InputScan& scan_;
};

void scan_named(const fs::path& input, RootTable& table, const MoveCheck& moved, InputScan& scan) {
  std::error_code error;
  const fs::file_status status = fs::status(input, error);
  if (error && error.value() != ENOENT) {
    throw UsageError(input.string() + ": cannot be read: " + error.message() +
                     "; nothing was indexed or deleted");
  }
  if (error || !fs::exists(status)) {
    throw UsageError(input.string() + ": no such file or folder; nothing was indexed or deleted");
  }
  const fs::path absolute = resolved_path(input);
  const bool is_folder = fs::is_directory(status);
  const RootChange change = table.add(absolute, is_folder, moved);
  // Walks skip hidden and temporary files: one named by hand inside an indexed folder
  // would be indexed now and deleted by the next walk of the folder.
  if (!is_folder && change.covering.is_folder && is_hidden_or_temporary(absolute)) {
    throw UsageError(input.string() + ": hidden or temporary files inside the indexed folder " +
                     change.covering.path.string() +
                     " are skipped when it is walked; rename the file to index it");
  }
  for (const Root& absorbed : change.absorbed) {
    if (!absorbed.is_folder && is_hidden_or_temporary(absorbed.path)) {
      throw UsageError(input.string() + ": holds the indexed file " + absorbed.path.string() +
                       ", which walks skip (hidden or temporary); rename it, or run brief-index "
                       "--forget on it first; nothing was indexed or deleted");
    }
    scan.rederive.push_back(absorbed.path);
  }
  if (change.moved_from) {
    scan.retired.push_back(change.moved_from->path);
    scan.moved.emplace_back(change.moved_from->path, absolute);
  }
  FolderWalker walker(scan);
  if (!is_folder) {
    if (auto problem = walker.consider_named(input, absolute)) {
      throw UsageError(input.string() + ": " + *problem + "; nothing was indexed or deleted");
    }
    return;
  }
  if (walker.walk(input, absolute, true) == 0 && scan.unreadable.empty()) {
    throw UsageError(input.string() + ": folder holds no brief files (.txt, .md, .jsonl); " +
                     "nothing was indexed or deleted");
  }
  scan.folders.push_back(absolute);
}

// A remembered root in a run that names no path: any trouble is an error in the scan,
// and the root's briefs stay as they are.
void scan_remembered(const Root& root, InputScan& scan) {
  const auto keep = [&](const std::string& problem) {
    scan.errors.push_back({root.path.string(), 0,
                           problem + "; its briefs are kept (if it is gone for good: " +
                               "brief-index --forget " + root.path.string() + ")"});
    scan.unreadable.push_back(root.path);
  };
  std::error_code error;
  const fs::file_status status = fs::status(root.path, error);
  if (error && error.value() != ENOENT && error.value() != ENOTDIR) {
    keep("indexed " + std::string(root.is_folder ? "folder" : "file") +
         " cannot be examined: " + error.message());
    return;
  }
  if (!fs::exists(status)) {
    // A file named as a root and deleted from a folder that is still there is simply gone;
    // a missing folder may be an unmounted share, and only --forget says otherwise.
    const fs::path parent = root.path.parent_path();
    if (!root.is_folder && fs::is_directory(parent, error) && !fs::is_empty(parent, error) &&
        !error) {
      scan.retired.push_back(root.path);
      return;
    }
    keep(root.is_folder ? "indexed folder is missing" : "indexed file is missing");
    return;
  }
  FolderWalker walker(scan);
  if (!root.is_folder) {
    if (auto problem = walker.consider_named(root.path, root.path))
      keep("indexed file: " + *problem);
    return;
  }
  const std::size_t errors_before = scan.errors.size();
  const std::size_t found = walker.walk(root.path, root.path, false);
  if (found == 0 && scan.errors.size() == errors_before) {
    keep("indexed folder holds no brief files (.txt, .md, .jsonl)");
    return;
  }
  scan.folders.push_back(root.path);
}

// The index in table of the root that covers file; every scanned file has one, since it
// was found from a root.
std::size_t covering_root(const RootTable& table, const InputFile& file) {
  const Root* root = table.root_for(file.absolute_path);
  if (root == nullptr) {
    throw std::logic_error(file.absolute_path.string() + ": scanned but under no root");
  }
  return static_cast<std::size_t>(root - table.roots().data());
}

}  // namespace

bool InputScan::is_unreadable(const fs::path& path) const {
  return std::any_of(unreadable.begin(), unreadable.end(),
                     [&](const fs::path& folder) { return is_within(path, folder); });
}

void InputScan::keep_roots_related(const std::vector<fs::path>& paths) {
  roots.keep_related(paths);
  for (InputFile& file : files) file.root = covering_root(roots, file);
}

fs::path InputScan::moved_path(const fs::path& path) const {
  for (const auto& [from, to] : moved) {
    if (path == from) return to;
    if (is_inside(path, from)) return to / path.lexically_relative(from);
  }
  return path;
}

InputScan scan_inputs(const std::vector<fs::path>& inputs, RootTable roots,
                      const MoveCheck& moved) {
  InputScan scan;
  const std::string roots_before = roots.encode();
  if (inputs.empty()) {
    if (roots.roots().empty()) {
      throw UsageError(
          "no paths given, and the database indexes none yet: name the folders "
          "or files of briefs to index");
    }
    for (const Root& root : roots.roots()) scan_remembered(root, scan);
    for (const fs::path& gone : scan.retired) (void)roots.remove_within(gone);
  } else {
    // New roots take their labels in path order, whatever order they were named in.
    std::vector<std::pair<fs::path, fs::path>> named;
    for (const fs::path& input : inputs) named.emplace_back(resolved_path(input), input);
    std::stable_sort(named.begin(), named.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [resolved, input] : named) scan_named(input, roots, moved, scan);
  }
  std::stable_sort(
      scan.files.begin(), scan.files.end(),
      [](const InputFile& a, const InputFile& b) { return a.absolute_path < b.absolute_path; });
  scan.files.erase(std::unique(scan.files.begin(), scan.files.end(),
                               [](const InputFile& a, const InputFile& b) {
                                 return a.absolute_path == b.absolute_path;
                               }),
                   scan.files.end());
  // Roots are settled only once every input is in the table: a folder named later may
  // absorb the root of one named earlier.
  for (InputFile& file : scan.files) file.root = covering_root(roots, file);
  scan.roots_changed = roots.encode() != roots_before;
  scan.roots = std::move(roots);
  return scan;
}

}  // namespace briefsearch

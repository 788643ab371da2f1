#include "common/store/roots.h"

#include <algorithm>
#include <cerrno>

#include "common/base/errors.h"
#include "common/store/binary_fields.h"
#include "common/store/schema.h"

namespace briefsearch {
namespace {

namespace fs = std::filesystem;

// Only a path the file system says is not there is missing: one that cannot be examined
// (a parent folder without search permission) may be there.
bool path_exists(const fs::path& path) {
  std::error_code error;
  const fs::file_status status = fs::symlink_status(path, error);
  return fs::exists(status) || (error && error.value() != ENOENT && error.value() != ENOTDIR);
}

}  // namespace

bool is_inside(const fs::path& path, const fs::path& folder) {
  const std::string& folder_text = folder.native();
  const std::string& path_text = path.native();
  if (path_text.size() <= folder_text.size() || !path_text.starts_with(folder_text)) return false;
  return folder_text.ends_with('/') || path_text[folder_text.size()] == '/';
}

bool is_within(const fs::path& path, const fs::path& folder) {
  return path == folder || is_inside(path, folder);
}

RootTable RootTable::decode(std::string_view stored) {
  RootTable table;
  if (stored.empty()) return table;
  FieldReader in(stored);
  if (in.byte() != kRootsFormat) throw DatabaseError("the database's list of roots is unreadable");
  table.roots_.resize(in.count());
  for (Root& root : table.roots_) {
    root.label = in.string();
    root.path = in.string();
    root.is_folder = in.byte() != 0;
  }
  if (!in.complete()) throw DatabaseError("the database's list of roots is unreadable");
  return table;
}

std::string RootTable::encode() const {
  FieldWriter out;
  out.byte(kRootsFormat);
  out.varint(roots_.size());
  for (const Root& root : roots_) {
    out.string(root.label);
    out.string(root.path.native());
    out.byte(root.is_folder ? '\x01' : '\x00');
  }
  return out.take();
}

const Root* RootTable::root_for(const fs::path& path) const {
  for (const Root& root : roots_) {
    if (root.is_folder ? is_within(path, root.path) : path == root.path) return &root;
  }
  return nullptr;
}

bool RootTable::label_taken(std::string_view label) const {
  // Ids under a label L are L, L#N or L/...: two labels give disjoint ids exactly when
  // neither is the other or a leading run of its components ("x" and "x/corpus" would
  // both give "x/corpus/a.txt").
  const auto leads = [](std::string_view shorter, std::string_view longer) {
    return longer.starts_with(shorter) &&
           (longer.size() == shorter.size() || longer[shorter.size()] == '/');
  };
  return std::any_of(roots_.begin(), roots_.end(), [&](const Root& root) {
    return leads(root.label, label) || leads(label, root.label);
  });
}

std::string RootTable::unique_label(const fs::path& path) const {
  // "corpus", then "briefs/corpus", "home/briefs/corpus", ...: the shortest tail of the path
  // no other root uses.
  std::vector<std::string> parts;
  for (const fs::path& part : path.relative_path()) parts.push_back(part.string());
  std::string label;
  for (auto part = parts.rbegin(); part != parts.rend(); ++part) {
    label = label.empty() ? *part : *part + "/" + label;
    if (!label_taken(label)) return label;
  }
  const std::string base = label.empty() ? std::string("root") : label;
  for (int suffix = 2;; ++suffix) {
    label = base + "~" + std::to_string(suffix);
    if (!label_taken(label)) return label;
  }
}

RootChange RootTable::add(const fs::path& path, bool is_folder, const MoveCheck& moved_check) {
  RootChange change;
  if (const Root* existing = root_for(path); existing != nullptr && existing->is_folder) {
    change.covering = *existing;
    return change;
  }
  if (const Root* same = root_for(path); same != nullptr) {  // the same file root again
    change.covering = *same;
    return change;
  }
  Root root{path, "", is_folder};
  if (is_folder) change.absorbed = remove_within(path);
  // A root of the same name whose path is gone, and whose files are here: the corpus moved.
  const auto moved = std::find_if(roots_.begin(), roots_.end(), [&](const Root& old) {
    return moved_check && old.is_folder == is_folder && old.path.filename() == path.filename() &&
           !path_exists(old.path) && moved_check(old, path);
  });
  if (moved != roots_.end()) {
    root.label = moved->label;
    change.moved_from = *moved;
    roots_.erase(moved);
  } else {
    // Absorbed roots' labels are free again: the absorbing root may well take one.
    root.label = unique_label(path);
  }
  roots_.push_back(root);
  std::sort(roots_.begin(), roots_.end(),
            [](const Root& a, const Root& b) { return a.path < b.path; });
  change.covering = root;
  return change;
}

std::vector<Root> RootTable::remove_within(const fs::path& path) {
  std::vector<Root> removed;
  std::erase_if(roots_, [&](const Root& root) {
    if (!is_within(root.path, path)) return false;
    removed.push_back(root);
    return true;
  });
  return removed;
}

void RootTable::keep_related(const std::vector<fs::path>& paths) {
  std::erase_if(roots_, [&](const Root& root) {
    return std::none_of(paths.begin(), paths.end(), [&](const fs::path& path) {
      return is_within(path, root.path) || is_within(root.path, path);
    });
  });
}

fs::path resolved_path(const fs::path& path) {
  std::error_code error;
  fs::path resolved = fs::weakly_canonical(fs::absolute(path), error);
  if (error) resolved = fs::absolute(path);
  resolved = resolved.lexically_normal();
  if (!resolved.has_filename() && resolved != resolved.root_path()) {
    resolved = resolved.parent_path();
  }
  return resolved;
}

std::string derived_brief_id(const Root& root, const fs::path& absolute_path, std::size_t line) {
  std::string id = root.label;
  if (root.is_folder && absolute_path != root.path) {
    id += '/';
    id += absolute_path.lexically_relative(root.path).generic_string();
  }
  if (line > 0) {
    id.push_back('#');
    id.append(std::to_string(line));
  }
  return id;
}

}  // namespace briefsearch

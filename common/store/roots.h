// The folders and files a database indexes (its roots), remembered in the database as
// notmuch remembers its mail root: briefs' derived ids are relative to them, so they do
// not depend on how a run names its paths, and a run that names no path covers them all.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

struct Root {
  // Absolute, lexically normal, symlinks resolved.
  std::filesystem::path path;
  // The first part of the ids derived under this root: the root's name, qualified by as
  // many parent folders as it takes to differ from every other root's label, and neither
  // to be one of its leading components nor have one as its own ("x" and "x/corpus"
  // could both give "x/corpus/a.txt"). Kept for as long as the root is remembered, so ids
  // never change when other roots come and go, and never collide.
  std::string label;
  bool is_folder = true;

  friend bool operator==(const Root&, const Root&) = default;
};

// What adding a path did to the table.
struct RootChange {
  // The root that covers the path now (the path itself, or a folder root holding it).
  Root covering;
  // Roots that lay inside the new folder root and are now part of it: the ids of their
  // briefs are derived again, relative to the new root.
  std::vector<Root> absorbed;
  // A root whose path no longer exists and whose label the new root took over: the corpus
  // moved. Its briefs are replaced by the new root's briefs of the same id, and the rest
  // of them deleted, since their files are gone.
  std::optional<Root> moved_from;
};

// Says whether the corpus of a root whose path no longer exists is now at a new path,
// from evidence the caller holds (its files found there). A root is never taken over on
// its name alone: an unmounted share and an unrelated folder of the same name look alike.
using MoveCheck = std::function<bool(const Root& missing, const std::filesystem::path& path)>;

// The roots of one database. Not thread-safe.
class RootTable {
 public:
  RootTable() = default;

  // Reads the form stored under kRootsKey; an empty value is an empty table. Throws
  // DatabaseError when the value is not one (a database written by something else).
  [[nodiscard]] static RootTable decode(std::string_view stored);

  // The stored form: a format byte, the number of roots, then each root's label, path and
  // kind (common/store/binary_fields.h).
  [[nodiscard]] std::string encode() const;

  [[nodiscard]] const std::vector<Root>& roots() const { return roots_; }

  // The root that contains or is path (absolute and normal), if any.
  [[nodiscard]] const Root* root_for(const std::filesystem::path& path) const;

  // Makes path (absolute, normal, symlinks resolved) covered by a root: nothing changes
  // when a folder root already contains it; otherwise it becomes a root, absorbing the
  // roots inside it, and gets a label (see Root::label). It takes over the label of a
  // missing root of the same name (RootChange::moved_from) only when moved says so.
  RootChange add(const std::filesystem::path& path, bool is_folder, const MoveCheck& moved = {});

  // Removes the roots that are path or lie inside it; returns them.
  std::vector<Root> remove_within(const std::filesystem::path& path);

  // Keeps only the roots that are, contain or lie inside one of paths (absolute, normal):
  // what a rebuild from those paths covers, labels unchanged.
  void keep_related(const std::vector<std::filesystem::path>& paths);

 private:
  [[nodiscard]] bool label_taken(std::string_view label) const;
  [[nodiscard]] std::string unique_label(const std::filesystem::path& path) const;

  std::vector<Root> roots_;  // sorted by path
};

// The id of a brief that carries none: the root's label, then the file's path relative to
// a folder root ("corpus/europe/baltic.txt"; a file named as a root is its label alone),
// then "#LINE" for a JSON Lines record. absolute_path must lie inside root.path.
[[nodiscard]] std::string derived_brief_id(const Root& root,
                                           const std::filesystem::path& absolute_path,
                                           std::size_t line);

// Absolute and lexically normal, with symbolic links resolved as far as the path exists:
// the form the indexer records a path in (roots, BriefSource), so a path named on a
// command line is compared with it after this.
[[nodiscard]] std::filesystem::path resolved_path(const std::filesystem::path& path);

// True when path lies strictly inside folder (both absolute and lexically normal).
[[nodiscard]] bool is_inside(const std::filesystem::path& path,
                             const std::filesystem::path& folder);

// True when path is folder or lies inside it.
[[nodiscard]] bool is_within(const std::filesystem::path& path,
                             const std::filesystem::path& folder);

}  // namespace briefsearch

// Finding the brief files an indexing run covers: walking folders, skipping what is not a
// brief, and which root each file belongs to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "common/parse/parsers.h"
#include "common/store/file_state.h"
#include "common/store/roots.h"

namespace briefsearch {

struct InputFile {
  // As found from the path named on the command line (or the root): used in messages.
  std::filesystem::path path;
  // Absolute, lexically normal, symlinks in the named path resolved: stored in the index,
  // so runs from any working folder and through any link agree on which file is which.
  std::filesystem::path absolute_path;
  // Index into InputScan::roots.roots() of the root the file belongs to.
  std::size_t root = 0;
  InputFormat format = InputFormat::kScrapedText;
  // Size, times and inode from lstat; content_hash is 0 until the file is read.
  FileState stat;
};

struct InputScan {
  // Sorted by absolute_path, each file once (however many named paths reach it): the
  // order that decides which of two briefs with one id is kept.
  std::vector<InputFile> files;
  // The database's roots with this run's inputs added.
  RootTable roots;
  // Folders walked: a brief whose file lies under one and was not found is deleted...
  std::vector<std::filesystem::path> folders;
  // ...unless it lies under one of these, which could not be read (or a remembered root
  // that is missing or empty): their briefs are kept, and the run is incomplete.
  std::vector<std::filesystem::path> unreadable;
  // Folders of roots absorbed into a new root: their briefs' ids change, so their files
  // are read again whatever their state.
  std::vector<std::filesystem::path> rederive;
  // Roots whose corpus moved to a new root, and remembered file roots deleted from a folder
  // that is still there: their briefs that no new brief replaces are deleted.
  std::vector<std::filesystem::path> retired;
  // Of those, the roots that moved: (old path, new path).
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> moved;
  // Folders that could not be read, remembered roots that are missing (errors); symbolic
  // link loops (warnings).
  std::vector<ParseIssue> errors;
  std::vector<ParseIssue> warnings;
  // Entries not indexed by design: hidden, temporary, other extensions, symbolic links and
  // other files that are not regular.
  std::size_t skipped = 0;
  // True when the scan added, absorbed or moved a root: the table must be stored.
  bool roots_changed = false;

  [[nodiscard]] const Root& root_of(const InputFile& file) const {
    return roots.roots()[file.root];
  }

  // True when path is, or lies under, a folder or file the scan could not read.
  [[nodiscard]] bool is_unreadable(const std::filesystem::path& path) const;

  // Drops the roots unrelated to paths (RootTable::keep_related); files keep theirs.
  void keep_roots_related(const std::vector<std::filesystem::path>& paths);

  // Where a file under a root that moved is now (path itself otherwise).
  [[nodiscard]] std::filesystem::path moved_path(const std::filesystem::path& path) const;
};

// Walks inputs without following symbolic links inside them, and adds them to roots
// (RootTable::add), which the scan keeps. With no inputs, walks every root instead; a root that is
// missing, unreadable or holds no brief files is then an error in the scan and its briefs
// are kept, except a file root deleted from a folder that still holds files, which is
// retired. Throws UsageError, before anything changes, when a named input does not exist,
// cannot be read, or is a folder that holds no brief files at all (an unmounted or emptied
// corpus must never be taken as "everything was deleted"), and when there are no inputs
// and no roots.
[[nodiscard]] InputScan scan_inputs(const std::vector<std::filesystem::path>& inputs,
                                    RootTable roots, const MoveCheck& moved = {});

}  // namespace briefsearch

// Finding the brief files an indexing run covers: walking folders, skipping what is not a
// brief, and the stable ids of briefs that carry none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/parsers.h"

namespace briefsearch {

struct InputFile {
  // As found from the path named on the command line: used in messages.
  std::filesystem::path path;
  // Absolute and lexically normal: stored in the index, so runs from any working folder
  // agree on which file is which.
  std::filesystem::path absolute_path;
  // The folder named on the command line it was found under (its parent for a file named
  // directly); ids are paths relative to it.
  std::filesystem::path root;
  InputFormat format = InputFormat::kScrapedText;
  std::uintmax_t size = 0;
  std::int64_t modified_ns = 0;  // modification time, nanoseconds since the epoch
};

struct InputScan {
  // In a stable order: inputs in the order given, each folder's files sorted by path.
  std::vector<InputFile> files;
  // Absolute paths of the folders named; files under them that vanished may be pruned.
  std::vector<std::filesystem::path> folders;
  // Entries not indexed by design: hidden, temporary, other extensions, not regular files.
  std::size_t skipped = 0;
};

// Walks inputs without following symlinks. Throws UsageError when an input does not exist
// or a folder holds no brief files at all (an unmounted or emptied corpus must never be
// taken as "everything was deleted").
[[nodiscard]] InputScan scan_inputs(const std::vector<std::filesystem::path>& inputs);

// The stable id of a brief without one of its own: its path relative to the root, with
// "#LINE" for a JSON Lines record.
[[nodiscard]] std::string derived_brief_id(const InputFile& file, std::size_t line);

// True when path lies inside folder (both absolute and lexically normal).
[[nodiscard]] bool is_inside(const std::filesystem::path& path,
                             const std::filesystem::path& folder);

}  // namespace briefsearch

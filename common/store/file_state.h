// What the index remembers about the sources of its briefs, so that an unchanged file is
// skipped without reading it and an unchanged record without analysing it.
//
// Persisted: the encodings below are part of the on-disk format (common/store/schema.h); changing
// one needs a new kSchemaVersion.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/store/schema.h"

namespace briefsearch {

// One source file as last indexed completely: every brief it yielded was committed and
// none of its records was rejected. Stored once per file in the database's metadata
// (file_state_key), written in the same transaction as the file's last brief, so a run
// killed or failing part-way through a file leaves the old state and the next run reads
// the file again.
struct FileState {
  std::uintmax_t size = 0;
  std::int64_t modified_ns = 0;  // st_mtim, nanoseconds since the epoch
  // st_ctim: changes whenever the file is written, renamed over or has its mtime set, so a
  // file replaced with the same size and mtime (tar -x, cp -p, rsync -a) is still read.
  std::int64_t changed_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t content_hash = 0;  // hash_bytes of the whole file
  std::string absolute_path;

  friend bool operator==(const FileState&, const FileState&) = default;

  // True when stat says nothing changed: same size, mtime, ctime and inode.
  [[nodiscard]] bool same_stat(const FileState& other) const {
    return size == other.size && modified_ns == other.modified_ns &&
           changed_ns == other.changed_ns && inode == other.inode;
  }
};

[[nodiscard]] std::string file_state_key(std::string_view absolute_path);

// A format byte, size, mtime, ctime, inode and hash as 8 bytes each (little-endian), then
// the path, which tells two paths with the same key apart.
[[nodiscard]] std::string encode_file_state(const FileState& state);

// Reads a stored state back; nothing when the value is not one.
[[nodiscard]] std::optional<FileState> decode_file_state(std::string_view value);

// Where one brief came from, stored in each document's kSourceSlot value: the file, and a
// hash of the brief as stored (brief_content_hash), so that a record that is the same as
// last time is not analysed and written again.
struct BriefSource {
  std::uint64_t brief_hash = 0;
  std::string absolute_path;

  friend bool operator==(const BriefSource&, const BriefSource&) = default;
};

// A format byte, the hash as 8 bytes (little-endian), then the path.
[[nodiscard]] std::string encode_brief_source(const BriefSource& source);

// Reads a stored value back; nothing when the value is not one.
[[nodiscard]] std::optional<BriefSource> decode_brief_source(std::string_view value);

}  // namespace briefsearch

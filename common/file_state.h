// What the index remembers about the file each brief came from, so an unchanged file can
// be skipped without reading it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace briefsearch {

struct FileState {
  std::uintmax_t size = 0;
  std::int64_t modified_ns = 0;
  std::uint64_t content_hash = 0;  // hash_bytes of the whole file
  std::string absolute_path;

  friend bool operator==(const FileState&, const FileState&) = default;
};

// The form stored in the kFileStateSlot value: a format byte, size, mtime and hash as
// 8 bytes each (little-endian), then the path.
[[nodiscard]] std::string encode_file_state(const FileState& state);

// Reads a stored value back; nothing when it is not one.
[[nodiscard]] std::optional<FileState> decode_file_state(std::string_view value);

}  // namespace briefsearch

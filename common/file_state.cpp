#include "common/file_state.h"

namespace briefsearch {
namespace {

// Binary, since one is stored per brief: a text form took 24 bytes more each (2.4 MB at
// 100,000 briefs).
constexpr char kStateFormat = '\x01';

void put_fixed(std::string& out, std::uint64_t value) {
  for (int byte = 0; byte < 8; ++byte) out += static_cast<char>((value >> (8 * byte)) & 0xFF);
}

std::optional<std::uint64_t> take_fixed(std::string_view& in) {
  if (in.size() < 8) return std::nullopt;
  std::uint64_t value = 0;
  for (int byte = 0; byte < 8; ++byte) {
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[byte])) << (8 * byte);
  }
  in.remove_prefix(8);
  return value;
}

}  // namespace

std::string encode_file_state(const FileState& state) {
  std::string out;
  out.reserve(25 + state.absolute_path.size());
  out += kStateFormat;
  put_fixed(out, state.size);
  put_fixed(out, static_cast<std::uint64_t>(state.modified_ns));
  put_fixed(out, state.content_hash);
  out += state.absolute_path;
  return out;
}

std::optional<FileState> decode_file_state(std::string_view value) {
  if (value.empty() || value.front() != kStateFormat) return std::nullopt;
  value.remove_prefix(1);
  const auto size = take_fixed(value);
  const auto modified = take_fixed(value);
  const auto hash = take_fixed(value);
  if (!size || !modified || !hash || value.empty()) return std::nullopt;
  return FileState{*size, static_cast<std::int64_t>(*modified), *hash, std::string(value)};
}

}  // namespace briefsearch

#include "common/file_state.h"

#include "common/binary_fields.h"

namespace briefsearch {
namespace {

// Binary, since one is stored per brief: a text form took 24 bytes more each (2.4 MB at
// 100,000 briefs).
constexpr char kStateFormat = '\x01';

}  // namespace

std::string encode_file_state(const FileState& state) {
  FieldWriter out(25 + state.absolute_path.size());
  out.byte(kStateFormat);
  out.fixed64(state.size);
  out.fixed64(static_cast<std::uint64_t>(state.modified_ns));
  out.fixed64(state.content_hash);
  out.rest(state.absolute_path);
  return out.take();
}

std::optional<FileState> decode_file_state(std::string_view value) {
  FieldReader in(value);
  if (in.byte() != kStateFormat) return std::nullopt;
  FileState state;
  state.size = in.fixed64();
  state.modified_ns = static_cast<std::int64_t>(in.fixed64());
  state.content_hash = in.fixed64();
  state.absolute_path = in.rest();
  if (!in.complete() || state.absolute_path.empty()) return std::nullopt;
  return state;
}

}  // namespace briefsearch

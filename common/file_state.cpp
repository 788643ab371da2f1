#include "common/file_state.h"

#include <charconv>

namespace briefsearch {
namespace {

template <typename Number>
bool read_number(std::string_view& text, Number& value, int base = 10) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (error != std::errc() || end == text.data() + text.size() || *end != ' ') return false;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()) + 1);
  return true;
}

}  // namespace

std::string encode_file_state(const FileState& state) {
  char hash[17];
  std::to_chars_result written =
      std::to_chars(hash, hash + sizeof hash - 1, state.content_hash, 16);
  *written.ptr = '\0';
  return std::to_string(state.size) + " " + std::to_string(state.modified_ns) + " " + hash + " " +
         state.absolute_path;
}

std::optional<FileState> decode_file_state(std::string_view value) {
  FileState state;
  if (!read_number(value, state.size) || !read_number(value, state.modified_ns) ||
      !read_number(value, state.content_hash, 16) || value.empty()) {
    return std::nullopt;
  }
  state.absolute_path = value;
  return state;
}

}  // namespace briefsearch

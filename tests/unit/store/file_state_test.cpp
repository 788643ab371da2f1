#include "common/store/file_state.h"

#include <catch2/catch.hpp>

using namespace briefsearch;

namespace {

FileState sample_state() {
  FileState state;
  state.size = 1234;
  state.modified_ns = 1700000000123456789;
  state.changed_ns = 1700000000987654321;
  state.inode = 0xfedcba9876543210ULL;
  state.content_hash = 0x0123456789abcdefULL;
  state.absolute_path = "/data/briefs/with space/Zürich.txt";
  return state;
}

}  // namespace

TEST_CASE("file states round-trip through their stored form", "[file_state]") {
  const FileState state = sample_state();
  const std::string stored = encode_file_state(state);
  CHECK(stored.size() == 41 + state.absolute_path.size());
  CHECK(decode_file_state(stored) == state);
}

TEST_CASE("values that are not file states are refused", "[file_state]") {
  for (const std::string bad : {"", "12", "12 34", "12 34 zz /x", "12 34 ff ", "a 34 ff /x"}) {
    INFO(bad);
    CHECK_FALSE(decode_file_state(bad).has_value());
  }
  // A real state cut short, or without its path.
  FileState small;
  small.absolute_path = "/x";
  const std::string stored = encode_file_state(small);
  for (std::size_t size = 0; size + 2 <= stored.size(); ++size) {
    INFO(size);
    CHECK_FALSE(decode_file_state(stored.substr(0, size)).has_value());
  }
  // A brief source is not a file state, nor the other way round.
  CHECK_FALSE(decode_file_state(encode_brief_source({7, "/x"})).has_value());
  CHECK_FALSE(decode_brief_source(stored).has_value());
}

TEST_CASE("any change stat can see makes a file worth reading", "[file_state]") {
  const FileState state = sample_state();
  CHECK(state.same_stat(state));
  FileState other = state;
  other.content_hash = 1;  // only reading tells the content
  CHECK(state.same_stat(other));
  for (int field = 0; field < 4; ++field) {
    other = state;
    if (field == 0) other.size += 1;
    if (field == 1) other.modified_ns += 1;
    if (field == 2) other.changed_ns += 1;  // rewritten with the old mtime: tar -x, cp -p
    if (field == 3) other.inode += 1;       // replaced by another file: mv
    INFO(field);
    CHECK_FALSE(state.same_stat(other));
  }
}

TEST_CASE("brief sources round-trip and file state keys are short and stable", "[file_state]") {
  const BriefSource source{0xfedcba9876543210ULL, "/data/briefs/export.jsonl"};
  CHECK(decode_brief_source(encode_brief_source(source)) == source);
  const std::string stored = encode_brief_source(source);
  for (std::size_t size = 0; size <= 9; ++size) {  // the header, and no path
    CHECK_FALSE(decode_brief_source(stored.substr(0, size)).has_value());
  }
  const std::string long_path = "/" + std::string(4000, 'x') + ".txt";
  CHECK(file_state_key(long_path).size() == kFileStateKeyPrefix.size() + 16);
  CHECK(file_state_key("/a.txt") == file_state_key("/a.txt"));
  CHECK(file_state_key("/a.txt") != file_state_key("/b.txt"));
  // Persisted: the key of a path must never change between versions (FNV-1a, 64 bits).
  CHECK(file_state_key("/data/briefs/a.txt") == "briefsearch.file.094a4d103d2e7e14");
}

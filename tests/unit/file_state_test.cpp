#include "common/file_state.h"

#include <catch2/catch.hpp>

using namespace briefsearch;

TEST_CASE("file states round-trip through their stored form", "[file_state]") {
  const FileState state{1234, 1700000000123456789, 0xfedcba9876543210ULL,
                        "/data/briefs/with space/Zürich.txt"};
  const std::string stored = encode_file_state(state);
  CHECK(stored.size() == 25 + state.absolute_path.size());
  CHECK(decode_file_state(stored) == state);
}

TEST_CASE("values that are not file states are refused", "[file_state]") {
  for (const std::string bad : {"", "12", "12 34", "12 34 zz /x", "12 34 ff ", "a 34 ff /x"}) {
    INFO(bad);
    CHECK_FALSE(decode_file_state(bad).has_value());
  }
  // A real state cut short, or without its path.
  const std::string stored = encode_file_state({1, 2, 3, "/x"});
  for (std::size_t size = 0; size + 2 <= stored.size(); ++size) {
    INFO(size);
    CHECK_FALSE(decode_file_state(stored.substr(0, size)).has_value());
  }
}

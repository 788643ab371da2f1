// libFuzzer's entry point for one fuzz target, the one BRIEFSEARCH_FUZZ_TARGET names
// (tests/fuzz/CMakeLists.txt builds one fuzz-NAME program per target).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const briefsearch::FuzzTarget* const target =
      briefsearch::fuzz_target_named(BRIEFSEARCH_FUZZ_TARGET);
  target->run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

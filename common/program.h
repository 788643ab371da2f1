// What both executables do around their work: a failure that escapes it becomes one line
// on stderr, named by the program and safe for a terminal, and the documented exit code.
#pragma once

#include <functional>
#include <string_view>

namespace briefsearch {

// Returns what work returns; for an exception, the BriefsearchError's exit code, or
// kExitDatabase for a Xapian or other error.
[[nodiscard]] int run_reporting_failures(std::string_view program,
                                         const std::function<int()>& work);

}  // namespace briefsearch

// Faults injected into the binaries through tests/support/fault_injection.cpp (LD_PRELOAD):
// a kill at the Nth call of a kind, or a call that fails with an errno.
#pragma once

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

#include "tests/support/process.h"

namespace briefsearch::testing {

inline const std::string kFaultLibrary = FAULT_INJECTION;

// One fault, as fault_injection.cpp reads it from the environment.
struct Fault {
  std::string call;          // "fdatasync", "pwrite", "rename", "open", "read", ...
  std::string path;          // only calls on a path containing this count ("" : all)
  long at = 1;               // the matching call acted on, from 1
  std::string action;        // "kill-before", "kill-after", "fail:ENOSPC", "grow", "count"
  std::string count_file{};  // where a run writes how many matching calls it made
};

// options with fault set up in the child's environment. A sanitizer build checks that its
// runtime comes first among the libraries loaded; the preloaded library comes before it,
// harmlessly, so that check is turned off (other ASAN_OPTIONS are kept).
inline ProcessOptions with_fault(ProcessOptions options, const Fault& fault) {
  options.environment["LD_PRELOAD"] = kFaultLibrary;
  options.environment["BRIEFSEARCH_FAULT_CALL"] = fault.call;
  options.environment["BRIEFSEARCH_FAULT_PATH"] = fault.path;
  options.environment["BRIEFSEARCH_FAULT_AT"] = std::to_string(fault.at);
  options.environment["BRIEFSEARCH_FAULT_ACTION"] = fault.action;
  options.environment["BRIEFSEARCH_FAULT_COUNT_FILE"] = fault.count_file;
  const char* asan = std::getenv("ASAN_OPTIONS");
  options.environment["ASAN_OPTIONS"] =
      (asan != nullptr && *asan != '\0' ? std::string(asan) + ":" : std::string()) +
      "verify_asan_link_order=0";
  return options;
}

// How many calls to call on a path containing path a whole run of arguments makes (counted
// without failing any). Throws std::runtime_error with the run's messages when it fails.
inline long count_calls(const std::vector<std::string>& arguments, ProcessOptions options,
                        const std::string& call, const std::string& path,
                        const std::filesystem::path& count_file) {
  std::filesystem::remove(count_file);
  const Fault counting{call, path, 1, "count", count_file.string()};
  const ProcessResult counted = run_process(arguments, with_fault(std::move(options), counting));
  long calls = -1;
  std::ifstream(count_file) >> calls;
  if (counted.exit_code != 0 || calls < 0) {
    throw std::runtime_error("counting run failed (exit " + std::to_string(counted.exit_code) +
                             "): " + counted.err);
  }
  return calls;
}

}  // namespace briefsearch::testing

// What both executables do around their work: a failure that escapes it becomes one line
// on stderr, named by the program and safe for a terminal, and the documented exit code;
// results written to stdout either reach their reader or the run says they did not.
#pragma once

#include <functional>
#include <string_view>

namespace briefsearch {

// Runs work and returns what it returns; for an exception, the BriefsearchError's exit
// code (stopped_exit_code() for a StoppedError, common/output/stop_signals.h),
// kExitDatabase for a Xapian or file-system error, and kExitInternal (70) for any
// other (out of memory, or a bug: "internal error: ..."). Around it:
// - a closed stdin, stdout or stderr is held on /dev/null (stdout read-only), so no
//   database file can take its number and a write of results fails visibly;
// - SIGPIPE is ignored, so a closed pipe is seen as EPIPE whatever the parent set;
// - std::cout (results, and CLI11's --help and --version) writes through a buffer that
//   remembers why a write failed, and is flushed when work returns;
// - a failed write of results (disk full, I/O error, closed stdout) is reported as
//   "cannot write results: REASON" and gives kExitOutputFailure (74, EX_IOERR);
// - a closed pipe (the reader stopped reading, as `| head -1` does) is not an error: the
//   run ends without a message and with the exit code work returned.
[[nodiscard]] int run_reporting_failures(std::string_view program,
                                         const std::function<int()>& work);

// Flushes std::cout and stdout. Returns true when everything written so far reached the
// reader, false when the reader has closed the pipe: the caller stops writing at once
// and returns its exit code. Throws OutputError when a write failed otherwise.
[[nodiscard]] bool flush_results();

}  // namespace briefsearch

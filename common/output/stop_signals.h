// SIGINT and SIGTERM as requests to stop: a long run (brief-index) finishes the batch it is
// writing and ends, instead of being killed mid-write.
#pragma once

#include <atomic>

namespace briefsearch {

// Installs handlers for SIGINT and SIGTERM that set stop_requested() and remember the
// signal. Call once, before the work starts.
void install_stop_handlers();

// The flag the handlers set (what IndexOptions::stop_requested points at).
[[nodiscard]] const std::atomic<bool>& stop_requested();

// The exit code of a run stopped by a signal: 128 + its number, the shell's convention
// (130 for SIGINT, 143 for SIGTERM); 128 when none was received.
[[nodiscard]] int stopped_exit_code();

}  // namespace briefsearch

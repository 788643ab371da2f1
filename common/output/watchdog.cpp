#include "common/output/watchdog.h"

#include <cstdio>
#include <cstdlib>

#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/output/terminal_text.h"

namespace briefsearch {

Watchdog::Watchdog(std::string_view program, double seconds)
    : program_(program), seconds_(seconds) {
  if (seconds_ > 0) thread_ = std::thread([this] { watch(); });
}

Watchdog::~Watchdog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Watchdog::arm(const std::string& query) {
  std::lock_guard lock(mutex_);
  query_ = query;
  deadline_ = std::chrono::steady_clock::now() +
              std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                  std::chrono::duration<double>(seconds_));
  armed_ = true;
  changed_.notify_all();
}

void Watchdog::disarm() {
  std::lock_guard lock(mutex_);
  // A search that ran past its deadline before the watching thread woke (a loaded machine
  // may not run it for a while) timed out all the same: the outcome must not depend on
  // which thread the scheduler ran first.
  if (armed_ && seconds_ > 0 && std::chrono::steady_clock::now() >= deadline_) time_out();
  armed_ = false;
}

void Watchdog::time_out() {
  std::fprintf(stderr, "%s: query '%s': timed out after %s s; narrow the query\n", program_.c_str(),
               printable_text(query_).c_str(), decimal_text(seconds_).c_str());
  std::fflush(stdout);
  std::_Exit(kExitUsage);
}

void Watchdog::watch() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (!armed_) {
      changed_.wait(lock);
      continue;
    }
    if (changed_.wait_until(lock, deadline_) == std::cv_status::timeout && armed_ &&
        std::chrono::steady_clock::now() >= deadline_) {
      time_out();
    }
  }
}

}  // namespace briefsearch

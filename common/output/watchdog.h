// brief-search --timeout: ends the process when one search runs past its deadline. Xapian
// cannot stop a match once started, so this is the one way to bound a pathological
// query's cost.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace briefsearch {

class Watchdog {
 public:
  // With seconds 0 the watchdog never fires and starts no thread. program names the
  // message.
  Watchdog(std::string_view program, double seconds);
  // Stops the watching thread.
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // Starts the clock for query. Unless disarm() comes first, when the seconds have passed
  // (or at disarm(), when they passed before the watching thread noticed) it writes "PROGRAM: query
  // 'QUERY': timed out after N s; narrow the query" to stderr, flushes stdout and ends the process
  // at once with kExitUsage (std::_Exit: no destructor runs; readers leave no state behind).
  void arm(const std::string& query);
  void disarm();

  // Keeps the watchdog armed for one query while it lives, however the search ends.
  class Armed {
   public:
    Armed(Watchdog& watchdog, const std::string& query) : watchdog_(watchdog) {
      watchdog_.arm(query);
    }
    ~Armed() { watchdog_.disarm(); }
    Armed(const Armed&) = delete;
    Armed& operator=(const Armed&) = delete;

   private:
    Watchdog& watchdog_;
  };

 private:
  void watch();
  // Writes the message and ends the process (see arm). Called with mutex_ held.
  [[noreturn]] void time_out();

  std::string program_;
  double seconds_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::chrono::steady_clock::time_point deadline_;
  std::string query_;
  bool armed_ = false;
  bool stopping_ = false;
};

}  // namespace briefsearch

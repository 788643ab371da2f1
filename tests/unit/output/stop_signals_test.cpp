#include "common/output/stop_signals.h"

#include <catch2/catch.hpp>
#include <csignal>

using namespace briefsearch;

TEST_CASE("SIGINT and SIGTERM ask to stop, and give 128 + their number", "[output][signals]") {
  struct sigaction saved_int {};
  struct sigaction saved_term {};
  sigaction(SIGINT, nullptr, &saved_int);
  sigaction(SIGTERM, nullptr, &saved_term);
  install_stop_handlers();
  CHECK_FALSE(stop_requested().load());
  std::raise(SIGTERM);
  CHECK(stop_requested().load());
  CHECK(stopped_exit_code() == 143);
  std::raise(SIGINT);
  CHECK(stopped_exit_code() == 130);
  // The test binary answers Ctrl-C as before.
  sigaction(SIGINT, &saved_int, nullptr);
  sigaction(SIGTERM, &saved_term, nullptr);
}

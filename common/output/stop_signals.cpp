#include "common/output/stop_signals.h"

#include <csignal>

namespace briefsearch {
namespace {

std::atomic<bool> stop_requested_flag{false};
volatile std::sig_atomic_t stop_signal = 0;

extern "C" void request_stop(int signal_number) {
  stop_signal = signal_number;
  stop_requested_flag.store(true);
}

}  // namespace

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

const std::atomic<bool>& stop_requested() { return stop_requested_flag; }

int stopped_exit_code() { return 128 + static_cast<int>(stop_signal); }

}  // namespace briefsearch

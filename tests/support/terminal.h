// A pseudo-terminal for end-to-end tests of what a program does on a terminal: its slave
// end, given as ProcessOptions::stdout_path, makes the child's stdout a terminal.
#pragma once

#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <stdexcept>
#include <string>

namespace briefsearch::testing {

class PseudoTerminal {
 public:
  PseudoTerminal() {
    std::array<char, 128> name{};
    if (::openpty(&master_, &slave_, name.data(), nullptr, nullptr) != 0)
      throw std::runtime_error("openpty failed");
    path_ = name.data();
    // Raw mode: what the child writes arrives byte for byte ("\n" stays "\n").
    termios settings{};
    ::tcgetattr(slave_, &settings);
    ::cfmakeraw(&settings);
    ::tcsetattr(slave_, TCSANOW, &settings);
    ::fcntl(master_, F_SETFL, ::fcntl(master_, F_GETFL) | O_NONBLOCK);
  }
  PseudoTerminal(const PseudoTerminal&) = delete;
  PseudoTerminal& operator=(const PseudoTerminal&) = delete;
  ~PseudoTerminal() {
    ::close(master_);
    ::close(slave_);
  }

  // The slave's device path (/dev/pts/N).
  [[nodiscard]] const std::string& path() const { return path_; }

  // Everything written to the terminal so far (a few KiB at most: a child writing more
  // before it is read would block).
  [[nodiscard]] std::string read_all() const {
    std::string text;
    std::array<char, 4096> buffer{};
    while (true) {
      const ssize_t count = ::read(master_, buffer.data(), buffer.size());
      if (count <= 0) return text;
      text.append(buffer.data(), static_cast<std::size_t>(count));
    }
  }

 private:
  int master_ = -1;
  int slave_ = -1;
  std::string path_;
};

}  // namespace briefsearch::testing

#include "common/output/program.h"

#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>
#include <streambuf>
#include <string>

#include "common/base/errors.h"
#include "common/output/stop_signals.h"
#include "common/output/terminal_text.h"

namespace briefsearch {
namespace {

void report(std::string_view program, const std::string& message) {
  std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(program.size()), program.data(),
               printable_text(message).c_str());
}

// std::cout's buffer while a program runs. stdio (and libstdc++'s stdio-synced buffer)
// drops the reason of a failed write once it has dropped the data, so this buffer writes
// to the descriptor itself and keeps the errno of the first failure. After a failure it
// discards everything, so a stream that can no longer be written costs nothing.
class ResultsBuffer : public std::streambuf {
 public:
  explicit ResultsBuffer(int descriptor) : descriptor_(descriptor) { reset(); }

  // errno of the first failed write; 0 while every write has succeeded.
  [[nodiscard]] int failure() const { return failure_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  int sync() override { return drain() ? 0 : -1; }

 private:
  void reset() { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

  bool drain() {
    const char* next = pbase();
    while (failure_ == 0 && next < pptr()) {
      const ssize_t written = ::write(descriptor_, next, static_cast<std::size_t>(pptr() - next));
      if (written >= 0) {
        next += written;
      } else if (errno != EINTR) {
        failure_ = errno;
      }
    }
    reset();
    return failure_ == 0;
  }

  int descriptor_;
  int failure_ = 0;
  std::array<char, 64 * 1024> buffer_{};
};

ResultsBuffer* installed_buffer = nullptr;

// A closed standard descriptor is taken by the next file opened (a database table, its
// lock file), and results written to "stdout" would land there or vanish. Each closed one
// is held on /dev/null: stdin and stdout read-only, so that a write of results fails
// (EBADF) and is reported, stderr write-only.
void reserve_standard_descriptors() {
  for (const int descriptor : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (::fcntl(descriptor, F_GETFD) != -1 || errno != EBADF) continue;
    const int opened = ::open("/dev/null", descriptor == STDERR_FILENO ? O_WRONLY : O_RDONLY);
    if (opened >= 0 && opened != descriptor) {
      ::dup2(opened, descriptor);
      ::close(opened);
    }
  }
}

// Puts a ResultsBuffer under std::cout for the life of a run, and std::cout's own buffer
// back afterwards (flushing what is left, whatever happens to it).
class ResultsOnStdout {
 public:
  ResultsOnStdout() : original_(std::cout.rdbuf(&buffer_)) { installed_buffer = &buffer_; }
  ~ResultsOnStdout() {
    std::cout.flush();
    std::cout.rdbuf(original_);
    std::cout.clear();
    installed_buffer = nullptr;
  }
  ResultsOnStdout(const ResultsOnStdout&) = delete;
  ResultsOnStdout& operator=(const ResultsOnStdout&) = delete;

 private:
  ResultsBuffer buffer_{STDOUT_FILENO};
  std::streambuf* original_;
};

// errno of a failed write to std::cout or stdout, -1 when one failed for a reason no
// longer known, 0 when none did.
int stdout_failure() {
  std::cout.flush();
  if (installed_buffer != nullptr && installed_buffer->failure() != 0) {
    return installed_buffer->failure();
  }
  if (installed_buffer == nullptr && std::cout.bad()) return -1;
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) return errno != 0 ? errno : -1;
  return 0;
}

}  // namespace

bool flush_results() {
  const int failure = stdout_failure();
  if (failure == 0) return true;
  if (failure == EPIPE) return false;
  if (failure < 0) throw OutputError("cannot write results");
  throw OutputError(std::string("cannot write results: ") + std::strerror(failure));
}

int run_reporting_failures(std::string_view program, const std::function<int()>& work) {
  reserve_standard_descriptors();
  std::signal(SIGPIPE, SIG_IGN);
  const ResultsOnStdout results;
  try {
    const int code = work();
    // A closed pipe leaves the code as it was: the reader took what it wanted.
    (void)flush_results();
    return code;
  } catch (const StoppedError& error) {
    report(program, error.what());
    return stopped_exit_code();
  } catch (const BriefsearchError& error) {
    report(program, error.what());
    return error.exit_code();
  } catch (const Xapian::Error& error) {
    report(program, error.get_description());
    return kExitDatabase;
  } catch (const std::filesystem::filesystem_error& error) {
    // The folders around the database: creating, locking, swapping it.
    report(program, error.what());
    return kExitDatabase;
  } catch (const std::bad_alloc&) {
    report(program, "out of memory");
    return kExitInternal;
  } catch (const std::exception& error) {
    // Every fault of the input or the database has a typed error; this is a bug.
    report(program, std::string("internal error: ") + error.what());
    return kExitInternal;
  }
}

}  // namespace briefsearch

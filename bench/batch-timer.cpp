// batch-timer: per-query latency of a long-running query process, measured from outside.
// It starts COMMAND with pipes, then for each round and each line of INPUT_FILE writes the
// line, waits for the whole answer and records the time from the write to the answer's
// last byte. Only one query is in flight at a time, so each time is one query's parse,
// search, formatting and output, plus a pipe round trip (a few microseconds).
//
//   batch-timer [--rounds R] [--warmup W] [--marker LINE] [--out TSV] INPUT_FILE -- COMMAND...
//
// Without --marker an answer is one line (brief-search --batch); with it, an answer ends
// with a line equal to LINE (the caller makes the peer print one after each query).
// Writes "round<TAB>query<TAB>microseconds<TAB>answer_bytes" per timed query to TSV (or
// stdout), and one summary line on stderr: "batch-timer: exit=N maxrss_kb=N queries=N".
// Exits 0 when the command answered everything and exited 0, 1 otherwise.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

constexpr int kAnswerTimeoutMs = 120000;

struct Options {
  int rounds = 10;
  int warmup = 1;
  std::string marker;
  std::string out_path;
  std::string input_path;
  std::vector<char*> command;
};

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: batch-timer [--rounds R] [--warmup W] [--marker LINE] [--out TSV] "
               "INPUT_FILE -- COMMAND...\n");
  std::exit(2);
}

Options parse_options(int argc, char** argv) {
  Options options;
  int i = 1;
  for (; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage();
      return argv[++i];
    };
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg == "--rounds") {
      options.rounds = std::atoi(value().c_str());
    } else if (arg == "--warmup") {
      options.warmup = std::atoi(value().c_str());
    } else if (arg == "--marker") {
      options.marker = value();
    } else if (arg == "--out") {
      options.out_path = value();
    } else if (options.input_path.empty()) {
      options.input_path = arg;
    } else {
      usage();
    }
  }
  for (; i < argc; ++i) options.command.push_back(argv[i]);
  if (options.input_path.empty() || options.command.empty() || options.rounds < 1) usage();
  options.command.push_back(nullptr);
  return options;
}

class Child {
 public:
  explicit Child(std::vector<char*>& command) {
    int to_child[2];
    int from_child[2];
    if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0) fail("pipe");
    pid_ = fork();
    if (pid_ < 0) fail("fork");
    if (pid_ == 0) {
      dup2(to_child[0], STDIN_FILENO);
      dup2(from_child[1], STDOUT_FILENO);
      execvp(command[0], command.data());
      std::fprintf(stderr, "batch-timer: cannot run %s: %s\n", command[0], std::strerror(errno));
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
  }

  void send(const std::string& line) {
    std::string data = line + '\n';
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
      const ssize_t n = write(in_, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail("write to command");
      p += n;
      left -= static_cast<std::size_t>(n);
    }
  }

  // Reads one answer; returns its size in bytes.
  std::size_t receive(const std::string& marker) {
    std::size_t bytes = 0;
    for (;;) {
      // Complete lines already buffered.
      std::size_t newline;
      while ((newline = buffer_.find('\n')) != std::string::npos) {
        const std::string line = buffer_.substr(0, newline);
        buffer_.erase(0, newline + 1);
        bytes += newline + 1;
        if (marker.empty() || line == marker) return bytes;
      }
      pollfd ready{out_, POLLIN, 0};
      const int polled = poll(&ready, 1, kAnswerTimeoutMs);
      if (polled == 0) fail("no answer within the time limit");
      if (polled < 0) {
        if (errno == EINTR) continue;
        fail("poll");
      }
      char chunk[65536];
      const ssize_t n = read(out_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail("the command ended before answering");
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  // Closes stdin, drains stdout, waits; returns the exit status and peak RSS.
  void finish(int& exit_code, long& maxrss_kb) {
    close(in_);
    char chunk[65536];
    while (read(out_, chunk, sizeof chunk) > 0) {
    }
    close(out_);
    int status = 0;
    rusage usage{};
    if (wait4(pid_, &status, 0, &usage) < 0) fail("wait");
    exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    maxrss_kb = usage.ru_maxrss;
  }

 private:
  [[noreturn]] static void fail(const char* what) {
    std::fprintf(stderr, "batch-timer: %s: %s\n", what, errno ? std::strerror(errno) : "");
    std::exit(1);
  }

  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  std::string buffer_;
};

}  // namespace

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);
  Options options = parse_options(argc, argv);
  std::vector<std::string> queries;
  {
    std::ifstream input(options.input_path);
    if (!input) {
      std::fprintf(stderr, "batch-timer: cannot read %s\n", options.input_path.c_str());
      return 2;
    }
    std::string line;
    while (std::getline(input, line)) queries.push_back(line);
  }
  FILE* out = options.out_path.empty() ? stdout : std::fopen(options.out_path.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "batch-timer: cannot write %s\n", options.out_path.c_str());
    return 2;
  }
  Child child(options.command);
  std::size_t timed = 0;
  for (int round = -options.warmup; round < options.rounds; ++round) {
    for (std::size_t q = 0; q < queries.size(); ++q) {
      const auto start = std::chrono::steady_clock::now();
      child.send(queries[q]);
      const std::size_t bytes = child.receive(options.marker);
      const auto end = std::chrono::steady_clock::now();
      if (round < 0) continue;
      const double us = std::chrono::duration<double, std::micro>(end - start).count();
      std::fprintf(out, "%d\t%zu\t%.1f\t%zu\n", round, q + 1, us, bytes);
      ++timed;
    }
  }
  int exit_code = 0;
  long maxrss_kb = 0;
  child.finish(exit_code, maxrss_kb);
  if (out != stdout) std::fclose(out);
  std::fprintf(stderr, "batch-timer: exit=%d maxrss_kb=%ld queries=%zu\n", exit_code, maxrss_kb,
               timed);
  return exit_code == 0 ? 0 : 1;
}

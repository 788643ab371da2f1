// Runs a program the way a shell user would, capturing its output and exit code.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/temporary_folder.h"

namespace briefsearch::testing {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

struct ProcessOptions {
  // Set (or, with an empty value, unset) in the child's environment.
  std::map<std::string, std::string> environment;
  std::string input;
  // Where the child's stdout goes instead of ProcessResult::out (/dev/full, a FIFO).
  std::filesystem::path stdout_path;
  // Where the child's stderr goes instead of ProcessResult::err (a terminal).
  std::filesystem::path stderr_path;
  // Start the child with SIGPIPE ignored, as many daemons leave it; otherwise default.
  bool ignore_sigpipe = false;
};

inline std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

// A child started without waiting for it. Output goes through files rather than pipes,
// so a chatty child can never block.
class RunningProcess {
 public:
  RunningProcess(const std::vector<std::string>& arguments, const ProcessOptions& options = {});
  RunningProcess(const RunningProcess&) = delete;
  RunningProcess& operator=(const RunningProcess&) = delete;
  ~RunningProcess() {
    if (!waited_) {
      ::kill(pid_, SIGKILL);
      (void)wait();
    }
  }

  [[nodiscard]] pid_t pid() const { return pid_; }
  void signal(int number) const { ::kill(pid_, number); }

  // Waits for the child to end; the exit code is 128 + N when signal N ended it.
  ProcessResult wait() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    waited_ = true;
    ProcessResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_whole_file(folder_ / "out");
    result.err = read_whole_file(folder_ / "err");
    return result;
  }

 private:
  TemporaryFolder folder_;
  pid_t pid_ = -1;
  bool waited_ = false;
};

inline RunningProcess::RunningProcess(const std::vector<std::string>& arguments,
                                      const ProcessOptions& options) {
  const auto out_path = folder_ / "out";
  const auto err_path = folder_ / "err";
  const auto in_path = folder_ / "in";
  std::ofstream(in_path, std::ios::binary) << options.input;

  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    const int in = ::open(in_path.c_str(), O_RDONLY);
    const int out = options.stdout_path.empty()
                        ? ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600)
                        : ::open(options.stdout_path.c_str(), O_WRONLY);
    ::signal(SIGPIPE, options.ignore_sigpipe ? SIG_IGN : SIG_DFL);
    const int err = options.stderr_path.empty()
                        ? ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600)
                        : ::open(options.stderr_path.c_str(), O_WRONLY);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    for (const auto& [name, value] : options.environment) {
      if (value.empty()) {
        ::unsetenv(name.c_str());
      } else {
        ::setenv(name.c_str(), value.c_str(), 1);
      }
    }
    std::vector<char*> argv;
    for (const std::string& argument : arguments)
      argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  pid_ = child;
}

inline ProcessResult run_process(const std::vector<std::string>& arguments,
                                 const ProcessOptions& options = {}) {
  RunningProcess process(arguments, options);
  return process.wait();
}

}  // namespace briefsearch::testing

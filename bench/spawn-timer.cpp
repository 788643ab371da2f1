// spawn-timer: whole-process latency, with the engines' commands alternated. PLAN_FILE
// holds one command per line as tab-separated fields: a label, a query number, then the
// program and its arguments (no shell, so queries need no quoting). Each round runs every
// line in the plan's order, so the engines take turns (A B C A B C ...) and drift in the
// machine's speed reaches all of them alike. The time is fork to exit, with stdout and
// stderr sent to /dev/null.
//
//   spawn-timer [--rounds R] [--warmup W] [--out TSV] PLAN_FILE
//
// Writes "round<TAB>label<TAB>query<TAB>microseconds<TAB>maxrss_kb<TAB>exit<TAB>cpu_us" per
// run, where cpu_us is the child's user + system time: less sensitive than the wall clock
// to other processes on a busy machine.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Command {
  std::string label;
  std::string query;
  std::vector<std::string> argv;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  return fields;
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 5;
  int warmup = 1;
  std::string out_path;
  std::string plan_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--rounds" || arg == "--warmup" || arg == "--out") && i + 1 < argc) {
      const std::string value = argv[++i];
      if (arg == "--rounds") rounds = std::atoi(value.c_str());
      if (arg == "--warmup") warmup = std::atoi(value.c_str());
      if (arg == "--out") out_path = value;
    } else if (plan_path.empty()) {
      plan_path = arg;
    } else {
      std::fprintf(stderr, "usage: spawn-timer [--rounds R] [--warmup W] [--out TSV] PLAN_FILE\n");
      return 2;
    }
  }
  std::vector<Command> plan;
  {
    std::ifstream input(plan_path);
    if (!input) {
      std::fprintf(stderr, "spawn-timer: cannot read %s\n", plan_path.c_str());
      return 2;
    }
    std::string line;
    while (std::getline(input, line)) {
      std::vector<std::string> fields = split_tabs(line);
      if (fields.size() < 3) continue;
      plan.push_back(Command{fields[0], fields[1], {fields.begin() + 2, fields.end()}});
    }
  }
  FILE* out = out_path.empty() ? stdout : std::fopen(out_path.c_str(), "w");
  if (out == nullptr) return 2;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  int failures = 0;
  for (int round = -warmup; round < rounds; ++round) {
    for (const Command& command : plan) {
      std::vector<char*> args;
      for (const std::string& arg : command.argv) args.push_back(const_cast<char*>(arg.c_str()));
      args.push_back(nullptr);
      const auto start = std::chrono::steady_clock::now();
      pid_t pid;
      if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
        std::fprintf(stderr, "spawn-timer: cannot run %s\n", args[0]);
        return 1;
      }
      int status = 0;
      rusage usage{};
      wait4(pid, &status, 0, &usage);
      const auto end = std::chrono::steady_clock::now();
      const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      // 0 and 1 (no match) are answers; anything else is a failed run.
      if (code > 1) ++failures;
      if (round < 0) continue;
      const double us = std::chrono::duration<double, std::micro>(end - start).count();
      const double cpu_us =
          1e6 * static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
          static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
      std::fprintf(out, "%d\t%s\t%s\t%.1f\t%ld\t%d\t%.0f\n", round, command.label.c_str(),
                   command.query.c_str(), us, usage.ru_maxrss, code, cpu_us);
    }
  }
  if (out != stdout) std::fclose(out);
  if (failures > 0) {
    std::fprintf(stderr, "spawn-timer: %d runs failed (exit status over 1)\n", failures);
    return 1;
  }
  return 0;
}

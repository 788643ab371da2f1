#include "common/output/program.h"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <iostream>
#include <string>

#include "common/base/errors.h"
#include "tests/support/process.h"
#include "tests/support/temporary_folder.h"

using namespace briefsearch;
using briefsearch::testing::TemporaryFolder;

namespace {

struct Outcome {
  int exit_code = -1;
  std::string err;
};

// Runs run_reporting_failures with file descriptor 1 on stdout_descriptor and 2 on a file,
// and puts both back afterwards.
Outcome run_with_stdout(int stdout_descriptor, const std::function<int()>& work) {
  const TemporaryFolder folder;
  const auto err_path = folder / "err";
  std::fflush(stdout);
  std::fflush(stderr);
  const int saved_out = ::dup(1);
  const int saved_err = ::dup(2);
  const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ::dup2(stdout_descriptor, 1);
  ::dup2(err, 2);
  Outcome outcome;
  outcome.exit_code = run_reporting_failures("prog", work);
  std::fflush(stderr);
  ::dup2(saved_out, 1);
  ::dup2(saved_err, 2);
  ::close(saved_out);
  ::close(saved_err);
  ::close(err);
  std::clearerr(stdout);
  outcome.err = briefsearch::testing::read_whole_file(err_path);
  return outcome;
}

Outcome run_on_full_disk(const std::function<int()>& work) {
  const int full = ::open("/dev/full", O_WRONLY);
  REQUIRE(full >= 0);
  Outcome outcome = run_with_stdout(full, work);
  ::close(full);
  return outcome;
}

// A pipe whose reader has gone: every write fails with EPIPE.
Outcome run_on_closed_pipe(const std::function<int()>& work) {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  ::close(ends[0]);
  Outcome outcome = run_with_stdout(ends[1], work);
  ::close(ends[1]);
  return outcome;
}

const std::string kLarge(200000, 'x');  // more than any buffer holds

}  // namespace

TEST_CASE("a failed write to stdout is reported with exit code 74", "[program]") {
  const std::string expected = "prog: cannot write results: No space left on device\n";
  SECTION("iostreams, small and large") {
    for (const std::string* text : {&kLarge, &expected}) {
      const Outcome outcome = run_on_full_disk([&] {
        std::cout << *text << '\n';
        return kExitNoMatch;  // a write failure outranks "no brief matched"
      });
      CHECK(outcome.exit_code == kExitOutputFailure);
      CHECK(outcome.err == expected);
    }
  }
  SECTION("stdio") {
    const Outcome outcome = run_on_full_disk([] {
      std::printf("{}");  // no newline: a terminal would flush it at once
      return kExitSuccess;
    });
    CHECK(outcome.exit_code == kExitOutputFailure);
    CHECK(outcome.err == expected);
  }
  SECTION("flush_results throws at the failing write, and the work stops there") {
    int lines_after_failure = 0;
    const Outcome outcome = run_on_full_disk([&] {
      for (int line = 0; line < 3; ++line) {
        std::cout << "line\n";
        if (!flush_results()) return kExitSuccess;
        ++lines_after_failure;
      }
      return kExitSuccess;
    });
    CHECK(outcome.exit_code == kExitOutputFailure);
    CHECK(outcome.err == expected);
    CHECK(lines_after_failure == 0);
  }
  SECTION("nothing written, nothing failed") {
    const Outcome outcome = run_on_full_disk([] { return kExitNoMatch; });
    CHECK(outcome.exit_code == kExitNoMatch);
    CHECK(outcome.err.empty());
  }
}

TEST_CASE("a closed pipe ends the work quietly with its own exit code", "[program]") {
  SECTION("noticed at the end") {
    const Outcome outcome = run_on_closed_pipe([] {
      std::cout << kLarge << '\n';
      return kExitNoMatch;
    });
    CHECK(outcome.exit_code == kExitNoMatch);
    CHECK(outcome.err.empty());
  }
  SECTION("noticed by flush_results, which tells the work to stop") {
    int lines = 0;
    const Outcome outcome = run_on_closed_pipe([&] {
      for (; lines < 1000; ++lines) {
        std::cout << "line\n";
        if (!flush_results()) break;
      }
      return kExitSuccess;
    });
    CHECK(outcome.exit_code == kExitSuccess);
    CHECK(outcome.err.empty());
    CHECK(lines == 0);
  }
}

TEST_CASE("results that can be written arrive whole", "[program]") {
  const TemporaryFolder folder;
  const auto out_path = folder / "out";
  const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const Outcome outcome = run_with_stdout(out, [] {
    std::cout << kLarge << '\n';
    std::printf("stdio\n");
    return kExitSuccess;
  });
  ::close(out);
  CHECK(outcome.exit_code == kExitSuccess);
  CHECK(outcome.err.empty());
  CHECK(briefsearch::testing::read_whole_file(out_path) == kLarge + "\nstdio\n");
}

TEST_CASE("errors thrown by the work keep their exit code and message", "[program]") {
  const TemporaryFolder folder;
  const int out = ::open((folder / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const Outcome outcome =
      run_with_stdout(out, []() -> int { throw DatabaseError("db: cannot open \x1b[2J"); });
  ::close(out);
  CHECK(outcome.exit_code == kExitDatabase);
  CHECK(outcome.err == "prog: db: cannot open \\x1b[2J\n");
}

// brief-index stopped by SIGTERM or SIGINT: at the next batch boundary while it writes, at
// once while it waits for the lock. (Kills with SIGKILL are in kill_sweep_test.cpp.)
#include <xapian.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/e2e/e2e_support.h"
#include "tests/support/faults.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

constexpr int kBriefCount = 1500;

void write_corpus(const std::filesystem::path& folder) {
  for (int i = 0; i < kBriefCount; ++i) {
    const auto path =
        folder / ("part-" + std::to_string(i % 10)) / ("brief-" + std::to_string(i) + ".txt");
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << "Skip to main content\nBrief\n\nPlace " << i
                        << ": Numbered Brief\n\nBy March 3, 2024No Comments\n\n"
                        << "Description: Brief number " << i << " reports on harbour " << i * 7
                        << " and convoy " << i * 13 << " near the border.\n\n"
                        << "Impact: Rangers expect further movement.\n";
  }
}

ProcessResult xapian_check(const std::filesystem::path& database) {
  return run_process({"/usr/bin/xapian-check", database.string()});
}

// Opens the database and checks it holds each brief at most once.
Xapian::doccount check_consistent(const std::filesystem::path& database) {
  const ProcessResult check = xapian_check(database);
  INFO(check.out << check.err);
  REQUIRE(check.exit_code == 0);
  Xapian::Database opened(database.string());
  Xapian::doccount ids = 0;
  for (auto id = opened.allterms_begin("Q"); id != opened.allterms_end("Q"); ++id) {
    CHECK(id.get_termfreq() == 1);
    ++ids;
  }
  CHECK(ids == opened.get_doccount());
  return opened.get_doccount();
}

std::vector<std::string> index_arguments(const TemporaryFolder& home, bool full = false) {
  std::vector<std::string> arguments = {
      kIndexBinary, "--db",  (home / "db").string(), "--commit-every", "20", "--jobs",
      "2",          "--json"};
  if (full) arguments.push_back("--full");
  arguments.push_back((home / "briefs").string());
  return arguments;
}

void finish_and_check(const TemporaryFolder& home) {
  const ProcessResult finished = run_process(index_arguments(home), isolated(home));
  INFO(finished.err);
  REQUIRE(finished.exit_code == 0);
  const json summary = json::parse(finished.out);
  CHECK(summary["added"].get<int>() + summary["unchanged"].get<int>() +
            summary["updated"].get<int>() ==
        kBriefCount);
  CHECK(check_consistent(home / "db") == kBriefCount);
  const ProcessResult again = run_process(index_arguments(home), isolated(home));
  CHECK(json::parse(again.out)["unchanged"] == kBriefCount);
}

// True once the process at pid runs program and has a handler for signal_number (its
// SigCgt mask in /proc/PID/status): from then on the signal is a request to stop, not the
// default death. (Before exec, the child is a copy of this test, with its handlers.)
bool catches_signal(pid_t pid, const std::string& program, int signal_number) {
  const std::string proc = "/proc/" + std::to_string(pid);
  std::error_code error;
  if (std::filesystem::read_symlink(proc + "/exe", error) !=
      std::filesystem::canonical(program, error)) {
    return false;
  }
  std::ifstream status(proc + "/status");
  for (std::string line; std::getline(status, line);) {
    if (!line.starts_with("SigCgt:")) continue;
    const unsigned long long mask = std::stoull(line.substr(7), nullptr, 16);
    return (mask >> (signal_number - 1) & 1) != 0;
  }
  return false;
}

// Waits for process, killing it first if it has not ended after a minute: a process that
// ignores what it was told fails the test instead of hanging it.
ProcessResult wait_at_most_a_minute(RunningProcess& process) {
  std::atomic<bool> ended{false};
  std::thread guard([&] {
    for (int tick = 0; tick < 600 && !ended.load(); ++tick) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (!ended.load()) process.signal(SIGKILL);
  });
  ProcessResult result = process.wait();
  ended = true;
  guard.join();
  return result;
}

}  // namespace

TEST_CASE("SIGINT or SIGTERM while waiting for the lock ends the wait, changing nothing",
          "[e2e][crash][lock]") {
  TemporaryFolder home;
  for (int i = 0; i < 5; ++i) {
    std::filesystem::create_directories(home / "briefs");
    std::ofstream(home / "briefs" / ("b" + std::to_string(i) + ".txt"))
        << "Place " << i << ": Numbered Brief\n\nBy March 3, 2024No Comments\n\n"
        << "Description: Brief number " << i << " reports on a harbour.\n";
  }
  REQUIRE(run_process(index_arguments(home), isolated(home)).exit_code == 0);
  std::ofstream(home / "briefs" / "new.txt")
      << "Place: New Brief\n\nBy March 3, 2024No Comments\n\nDescription: Waiting.\n";
  for (const bool full : {false, true}) {
    for (const int signal_number : {SIGINT, SIGTERM}) {
      INFO((full ? "--full, signal " : "signal ") << signal_number);
      // Another writer holds the lock for the whole test: only the signal can end the wait.
      Xapian::WritableDatabase holder((home / "db").string(), Xapian::DB_OPEN);
      std::vector<std::string> arguments = index_arguments(home, full);
      arguments.insert(arguments.end() - 1, {"--lock-timeout", "3600"});
      RunningProcess waiter(arguments, isolated(home));
      const auto ready = [&] { return catches_signal(waiter.pid(), kIndexBinary, signal_number); };
      for (int poll = 0; poll < 3000 && !ready(); ++poll) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      REQUIRE(ready());
      waiter.signal(signal_number);
      const ProcessResult stopped = wait_at_most_a_minute(waiter);
      CHECK(stopped.exit_code == 128 + signal_number);
      CHECK_THAT(stopped.err, Catch::Contains("stopped while waiting for another brief-index run "
                                              "to release the database; nothing was changed"));
      CHECK(stopped.out.empty());  // no summary: nothing was done
      holder.close();
      CHECK(Xapian::Database((home / "db").string()).get_doccount() == 5);
    }
  }
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(home.path())) {
    ++entries;
  }
  CHECK(entries == 2);  // briefs/ and db/: no staging folder left behind
}

TEST_CASE("SIGTERM and SIGINT stop at the batch boundary and exit", "[e2e][crash]") {
  TemporaryFolder home;
  write_corpus(home / "briefs");
  for (const int signal_number : {SIGTERM, SIGINT}) {
    const std::string action = signal_number == SIGINT ? "sigint-after" : "sigterm-after";
    // Within the second commit, once its version file is in place: the run stops at that
    // batch boundary, with two batches. Amid the third batch's block writes: it finishes
    // and commits that batch first.
    for (const auto& [fault, kept] : std::vector<std::pair<Fault, int>>{
             {{"rename", "/db/iamglass", 2, action}, 40}, {{"pwrite", "/db/", 60, action}, -1}}) {
      INFO("signal " << signal_number << " after " << fault.call << " #" << fault.at);
      std::filesystem::remove_all(home / "db");
      const ProcessResult stopped =
          run_process(index_arguments(home), with_fault(isolated(home), fault));
      INFO(stopped.err);
      CHECK(stopped.exit_code == 128 + signal_number);
      CHECK_THAT(stopped.err, Catch::Contains("interrupted"));
      const json summary = json::parse(stopped.out);
      CHECK(summary["interrupted"] == true);
      const int added = summary["added"];
      CHECK(added > 0);
      CHECK(added % 20 == 0);  // whole batches only
      if (kept >= 0) CHECK(added == kept);
      CHECK(check_consistent(home / "db") == static_cast<Xapian::doccount>(added));
    }
  }
  finish_and_check(home);  // the next run completes the last stopped one
}

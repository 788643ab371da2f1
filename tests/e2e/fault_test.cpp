// What real machines do to a run, injected where no tmpfs can be mounted
// (tests/support/faults.h): a full disk and I/O errors while the database is written, read
// or created; brief files that cannot be read, or are deleted, cut short or grown while a
// run reads them; FIFOs, symlink loops and read-only databases. Each is a clear message and
// a documented exit code, the database stays at its last good commit, and a later run
// completes the work.
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>

#include "tests/e2e/generated_corpus.h"
#include "tests/support/database_contents.h"
#include "tests/support/faults.h"

using namespace briefsearch::testing;
namespace fs = std::filesystem;

namespace {

constexpr int kBriefs = 200;

// 200 generated briefs in home/c, and a clean build of them in home/clean.
class FaultCorpus {
 public:
  FaultCorpus() {
    generate_briefs(home_ / "c", kBriefs, 8);
    const ProcessResult built = index("clean");
    INFO(built.err);
    REQUIRE(built.exit_code == 0);
    clean_ = database_contents(home_ / "clean");
  }

  [[nodiscard]] fs::path path(const std::string& name) const { return home_ / name; }
  [[nodiscard]] std::string brief(int number) const {
    return (home_ / "c/0000" /
            (std::string(7 - std::to_string(number).size(), '0') + std::to_string(number) + ".txt"))
        .string();
  }
  [[nodiscard]] const std::map<std::string, std::string>& clean() const { return clean_; }

  // brief-index --db home/NAME --commit-every 20 [EXTRA...] home/c, with fault.
  ProcessResult index(const std::string& name, const std::optional<Fault>& fault = std::nullopt,
                      std::vector<std::string> extra = {}) const {
    std::vector<std::string> arguments = {kIndexBinary, "--db", path(name).string(),
                                          "--commit-every", "20"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    arguments.push_back(path("c").string());
    ProcessOptions options = isolated(home_);
    if (fault) options = with_fault(options, *fault);
    return run_process(arguments, options);
  }

  // The environment the binaries run in: away from the user's own database.
  [[nodiscard]] ProcessOptions options() const { return isolated(home_); }

  // brief-index with these arguments alone.
  ProcessResult index_with(const std::vector<std::string>& arguments) const {
    return brief_index(home_, arguments);
  }

  ProcessResult search(const std::string& name, const std::optional<Fault>& fault,
                       const std::string& query) const {
    ProcessOptions options = isolated(home_);
    if (fault) options = with_fault(options, *fault);
    return run_process({kSearchBinary, "--db", path(name).string(), "--format", "count", query},
                       options);
  }

  // The database at NAME passes xapian-check and holds each of its briefs once, as the clean
  // build does; returns how many it holds.
  std::size_t check_consistent(const std::string& name) const {
    const ProcessResult check = run_process({"/usr/bin/xapian-check", path(name).string()});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    const auto held = database_contents(path(name));
    CHECK(held.size() == Xapian::Database(path(name).string()).get_doccount());
    for (const auto& [id, text] : held) {
      INFO(id);
      CHECK(clean_.count(id) == 1);
      if (clean_.count(id) == 1) CHECK(text == clean_.at(id));
    }
    return held.size();
  }

  // No staging folder or shard is left in the home.
  void check_no_staging() const {
    for (const auto& entry : fs::directory_iterator(home_.path())) {
      CHECK(entry.path().filename().string().find(".staging-") == std::string::npos);
    }
  }

 private:
  TemporaryFolder home_;
  std::map<std::string, std::string> clean_;
};

}  // namespace

TEST_CASE(
    "a full disk or an I/O error while writing keeps the last commit, and a later run completes",
    "[e2e][faults]") {
  const FaultCorpus corpus;
  struct Row {
    Fault fault;
    bool full;
    std::string reason;
  };
  std::vector<Row> rows = {
      {{"pwrite", "/db/", 200, "fail:ENOSPC"}, false, "No space left on device"},
      {{"pwrite", "/db/", 200, "fail:EDQUOT"}, false, "quota exceeded"},
      {{"fdatasync", "/db/", 10, "fail:EIO"}, false, "Input/output error"},
      {{"write", "/db/", 3, "fail:ENOSPC"}, false, "No space left on device"},  // version file
      {{"pwrite", "db.staging-", 150, "fail:ENOSPC"}, true, "No space left on device"},
      {{"fsync", "db.staging-", 1, "fail:EIO"}, true, "Input/output error"},  // a table
      {{"renameat2", "db.staging-", 1, "fail:EIO"}, true, "Input/output error"},
  };
  // The rebuilt database's folder is synced last, after its files.
  REQUIRE(corpus.index("counted").exit_code == 0);
  const long syncs = count_calls(
      {kIndexBinary, "--db", corpus.path("counted").string(), "--full", corpus.path("c").string()},
      corpus.options(), "fsync", "counted.staging-", corpus.path("count"));
  rows.push_back({{"fsync", "db.staging-", syncs, "fail:EIO"}, true, "Input/output error"});
  for (const Row& row : rows) {
    INFO(row.fault.action << " at " << row.fault.call << " #" << row.fault.at
                          << (row.full ? " in --full" : ""));
    fs::remove_all(corpus.path("db"));
    const std::vector<std::string> extra =
        row.full ? std::vector<std::string>{"--full"} : std::vector<std::string>{};
    std::string live;
    if (row.full) {
      fs::copy(corpus.path("clean"), corpus.path("db"), fs::copy_options::recursive);
      const Xapian::Database database(corpus.path("db").string());
      live = database.get_uuid() + std::to_string(database.get_revision());
    }
    const ProcessResult failed = corpus.index("db", row.fault, extra);
    CHECK(failed.exit_code == 3);
    CHECK_THAT(failed.err, Catch::StartsWith("brief-index: " + corpus.path("db").string() + ": ") &&
                               Catch::Contains(row.reason));
    const std::size_t kept = corpus.check_consistent("db");
    if (row.full) {
      const Xapian::Database database(corpus.path("db").string());
      CHECK(database.get_uuid() + std::to_string(database.get_revision()) == live);
    } else {
      CHECK(kept % 20 == 0);  // whole batches
      CHECK(kept < static_cast<std::size_t>(kBriefs));
    }
    corpus.check_no_staging();
    // Space freed, the disk replaced: the next run completes the work.
    const ProcessResult next = corpus.index("db", std::nullopt, extra);
    INFO(next.err);
    CHECK(next.exit_code == 0);
    CHECK(database_contents(corpus.path("db")) == corpus.clean());
  }
}

TEST_CASE("a full disk when the database is created leaves nothing behind", "[e2e][faults]") {
  const FaultCorpus corpus;
  for (const Fault& fault :
       {Fault{"pwrite", "new", 1, "fail:ENOSPC"}, Fault{"open", "new", 1, "fail:ENOSPC"}}) {
    INFO(fault.call);
    const ProcessResult failed = corpus.index("new", fault);
    CHECK(failed.exit_code == 3);
    CHECK_THAT(failed.err, Catch::StartsWith("brief-index: " + corpus.path("new").string() +
                                             ": cannot create database: ") &&
                               Catch::Contains("No space left on device"));
    CHECK_FALSE(fs::exists(corpus.path("new")));
    corpus.check_no_staging();
  }
  REQUIRE(corpus.index("new").exit_code == 0);
  CHECK(database_contents(corpus.path("new")) == corpus.clean());
}

TEST_CASE("a brief file that cannot be read is reported, the rest indexed, and read later",
          "[e2e][faults]") {
  const FaultCorpus corpus;
  for (const auto& [fault, reason] : std::vector<std::pair<Fault, std::string>>{
           {{"read", corpus.brief(17), 1, "fail-once:EIO"}, "Input/output error"},
           {{"open", corpus.brief(17), 1, "fail-once:EACCES"}, "Permission denied"}}) {
    INFO(reason);
    fs::remove_all(corpus.path("db"));
    const ProcessResult failed = corpus.index("db", fault);
    CHECK(failed.exit_code == 1);
    CHECK_THAT(failed.err,
               Catch::Contains("brief-index: " + corpus.brief(17) + ": cannot read: " + reason));
    CHECK(corpus.check_consistent("db") == kBriefs - 1);
    const ProcessResult next = corpus.index("db");
    CHECK(next.exit_code == 0);
    CHECK_THAT(next.err, Catch::Contains("1 added, 0 updated, 199 unchanged"));
    CHECK(database_contents(corpus.path("db")) == corpus.clean());
  }
}

TEST_CASE("a database that cannot be read is a database error for a search", "[e2e][faults]") {
  const FaultCorpus corpus;
  for (const auto& [fault, reason] : std::vector<std::pair<Fault, std::string>>{
           {{"pread", "/clean/", 3, "fail:EIO"}, "Input/output error"},
           {{"open", "/clean/", 1, "fail:EACCES"}, "Permission denied"}}) {
    INFO(reason);
    const ProcessResult failed = corpus.search("clean", fault, "china");
    CHECK(failed.exit_code == 3);
    CHECK(failed.out.empty());
    CHECK_THAT(failed.err, Catch::StartsWith("brief-search: " + corpus.path("clean").string()) &&
                               Catch::Contains(reason));
  }
}

TEST_CASE("a brief file deleted, cut short or grown during a run: the next run settles it",
          "[e2e][faults]") {
  const FaultCorpus corpus;
  SECTION("deleted before it is read: reported, and never indexed") {
    const ProcessResult deleted = corpus.index("db", Fault{"open", corpus.brief(5), 1, "unlink"});
    CHECK(deleted.exit_code == 1);
    CHECK_THAT(deleted.err,
               Catch::Contains(corpus.brief(5) + ": cannot read: No such file or directory"));
    CHECK(corpus.check_consistent("db") == kBriefs - 1);
    CHECK(corpus.index("db").exit_code == 0);
    CHECK(corpus.check_consistent("db") == kBriefs - 1);
  }
  SECTION("grown after it was read: the next run reads it again") {
    CHECK(corpus.index("db", Fault{"close", corpus.brief(6), 1, "grow"}).exit_code == 0);
    CHECK(corpus.search("db", std::nullopt, "zanzibarite").out == "0\n");
    const ProcessResult next = corpus.index("db");
    CHECK(next.exit_code == 0);
    CHECK_THAT(next.err, Catch::Contains("0 added, 1 updated, 199 unchanged"));
    CHECK(corpus.search("db", std::nullopt, "zanzibarite").out == "1\n");
  }
  SECTION("cut short as it is read: what was read is indexed, and nothing is left to do") {
    CHECK(corpus.index("db", Fault{"open", corpus.brief(7), 1, "truncate"}).exit_code == 0);
    const ProcessResult check = run_process({"/usr/bin/xapian-check", corpus.path("db").string()});
    CHECK(check.exit_code == 0);
    const ProcessResult next = corpus.index("db");
    CHECK(next.exit_code == 0);
    CHECK_THAT(next.err, Catch::Contains("0 added, 0 updated, 200 unchanged"));
  }
}

TEST_CASE("FIFOs are never opened as briefs or databases", "[e2e][faults]") {
  const FaultCorpus corpus;
  REQUIRE(::mkfifo((corpus.path("c") / "pipe.txt").c_str(), 0600) == 0);
  REQUIRE(::mkfifo(corpus.path("named.txt").c_str(), 0600) == 0);
  REQUIRE(::mkfifo(corpus.path("fifo-db").c_str(), 0600) == 0);
  // In a walked folder: skipped and counted; the run does not block on it.
  const ProcessResult walked = corpus.index("db");
  CHECK(walked.exit_code == 0);
  CHECK_THAT(walked.err, Catch::Contains("200 added") && Catch::Contains("1 skipped"));
  // Named: refused before anything changes.
  const ProcessResult named =
      corpus.index_with({"--db", corpus.path("db").string(), corpus.path("named.txt").string()});
  CHECK(named.exit_code == 2);
  CHECK_THAT(named.err, Catch::Contains("named.txt: not a regular file"));
  // As a database: a database error for both programs.
  CHECK(corpus.index("fifo-db").exit_code == 3);
  const ProcessResult searched = corpus.search("fifo-db", std::nullopt, "china");
  CHECK(searched.exit_code == 3);
  CHECK_THAT(searched.err, Catch::Contains("fifo-db"));
}

TEST_CASE("a symbolic link loop as the database or a named path is an error", "[e2e][faults]") {
  const FaultCorpus corpus;
  fs::create_symlink("loop-db", corpus.path("loop-db"));
  fs::create_symlink("loop.txt", corpus.path("loop.txt"));
  const ProcessResult indexed = corpus.index("loop-db");
  CHECK(indexed.exit_code == 3);
  CHECK_THAT(indexed.err, Catch::Contains("loop-db: too many levels of symbolic links"));
  const ProcessResult searched = corpus.search("loop-db", std::nullopt, "china");
  CHECK(searched.exit_code == 3);
  CHECK_THAT(searched.err, Catch::Contains("Too many levels of symbolic links"));
  const ProcessResult named =
      corpus.index_with({"--db", corpus.path("db").string(), corpus.path("loop.txt").string()});
  CHECK(named.exit_code == 2);
  CHECK_THAT(named.err, Catch::Contains("loop.txt: cannot be read: Too many levels of symbolic "
                                        "links; nothing was indexed or deleted"));
}

TEST_CASE("a read-only file system: searches work, writes are a database error, never 'locked'",
          "[e2e][faults]") {
  const FaultCorpus corpus;
  // Injected: the lock file cannot be created, as on a read-only mount.
  const ProcessResult refused = corpus.index("clean", Fault{"open", "flintlock", 1, "fail:EROFS"});
  CHECK(refused.exit_code == 3);
  CHECK_THAT(refused.err,
             Catch::Contains(corpus.path("clean").string() + ": cannot write to the database") &&
                 Catch::Contains("Read-only file system"));
  CHECK(corpus.search("clean", std::nullopt, "china").exit_code == 0);
  // A real read-only mount, where the test may mount one.
  fs::create_directories(corpus.path("ro"));
  if (::geteuid() != 0 ||
      ::mount("tmpfs", corpus.path("ro").c_str(), "tmpfs", 0, "size=64m") != 0) {
    WARN("skipped the read-only mount: mounting a tmpfs needs root");
    return;
  }
  struct Unmount {
    fs::path path;
    ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
  } unmount{corpus.path("ro")};
  fs::copy(corpus.path("clean"), corpus.path("ro/db"), fs::copy_options::recursive);
  REQUIRE(::mount(nullptr, corpus.path("ro").c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) ==
          0);
  for (const std::vector<std::string>& extra : {std::vector<std::string>{}, {"--full"}}) {
    const ProcessResult written = corpus.index("ro/db", std::nullopt, extra);
    CHECK(written.exit_code == 3);
    CHECK_THAT(written.err, Catch::Contains("cannot write to the database: Read-only file system"));
  }
  const ProcessResult searched = corpus.search("ro/db", std::nullopt, "china");
  CHECK(searched.exit_code == 0);
  CHECK(searched.out != "0\n");
}

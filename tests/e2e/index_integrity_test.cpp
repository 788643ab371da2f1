// Nothing lost, nothing silently replaced: ids that collide, files replaced behind the
// indexer's back, growing exports, interrupted files, unreadable folders and symlink loops.
#include <sys/mount.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "tests/e2e/integrity_support.h"

using namespace briefsearch::testing;

TEST_CASE("two named folders holding the same relative path keep both briefs, every run",
          "[e2e][integrity]") {
  Workspace space;
  write_file(space / "2024/europe/weekly.txt", scraped("Moldova: Gas Transit Ends",
                                                       "Gas transit ended, cutting supply to "
                                                       "Transnistria."));
  write_file(space / "2025/europe/weekly.txt",
             scraped("Serbia: Students Block Bridges", "Student protesters blocked bridges."));
  for (int run = 0; run < 3; ++run) {
    const json summary =
        space.index_expecting(0, {(space / "2024").string(), (space / "2025").string()});
    if (run == 0) check_summary(summary, 2, 0, 0, 0, 0);
    if (run > 0) check_summary(summary, 0, 0, 2, 0, 0);
    CHECK(space.search("transnistria")["total"] == 1);
    CHECK(space.search("bridges")["total"] == 1);
  }
  CHECK(space.search("transnistria")["hits"][0]["id"] == "2024/europe/weekly.txt");
  CHECK(space.search("bridges")["hits"][0]["id"] == "2025/europe/weekly.txt");
  // Named the other way round, or with no path at all: the same ids, nothing changes.
  check_summary(space.index_expecting(0, {(space / "2025").string(), (space / "2024").string()}), 0,
                0, 2, 0, 0);
  check_summary(space.index_expecting(0, {}), 0, 0, 2, 0, 0);
}

TEST_CASE("two named files with one name keep both briefs", "[e2e][integrity]") {
  Workspace space;
  write_file(space / "a/export.jsonl", record("", "Alpha: Quokka Census", "Quokkas counted."));
  write_file(space / "b/export.jsonl", record("", "Beta: Wombat Survey", "Wombats counted."));
  for (int run = 0; run < 2; ++run) {
    (void)space.index_expecting(
        0, {(space / "b/export.jsonl").string(), (space / "a/export.jsonl").string()});
    CHECK(space.documents() == 2);
  }
  CHECK(space.titles("counted") ==
        std::vector<std::string>{"Alpha: Quokka Census", "Beta: Wombat Survey"});
}

TEST_CASE("of two briefs with one id the first in path order is kept, however built",
          "[e2e][integrity]") {
  // Explicit ids shared across formats and inside one export; enough files for a sharded
  // --full to put the two claimants in different shards.
  auto make = [](const Workspace& space) {
    for (int i = 0; i < 450; ++i) {
      write_file(space / ("corpus/filler/f" + std::to_string(1000 + i) + ".txt"),
                 scraped("Filler " + std::to_string(i), "Nothing of note."));
    }
    write_file(space / "corpus/a/first.md", markdown("shared-1", "Kept Brief", "Kept text."));
    write_file(space / "corpus/z/late.md", markdown("shared-1", "Dropped Brief", "Late text."));
    write_file(space / "corpus/m/export.jsonl",
               record("shared-2", "Export One", "First line.") +
                   record("shared-2", "Export Two", "Second line."));
  };
  for (const std::vector<std::string>& mode : {std::vector<std::string>{},
                                               {"--full"},
                                               {"--full", "--jobs", "1"},
                                               {"--full", "--jobs", "2"},
                                               {"--jobs", "2"}}) {
    Workspace space;
    make(space);
    std::vector<std::string> arguments = mode;
    arguments.push_back((space / "corpus").string());
    INFO(json(mode).dump());
    for (int run = 0; run < 2; ++run) {
      const ProcessResult result = space.index(arguments);
      CHECK(result.exit_code == 1);
      CHECK_THAT(result.err, Catch::Contains("z/late.md: duplicate id 'shared-1': ") &&
                                 Catch::Contains("a/first.md has it and comes first"));
      CHECK_THAT(result.err, Catch::Contains("m/export.jsonl:2: duplicate id 'shared-2': ") &&
                                 Catch::Contains("m/export.jsonl:1 has it first"));
      CHECK(json::parse(result.out)["rejected"] == 2);
      CHECK(space.titles("id:shared-1") == std::vector<std::string>{"Kept Brief"});
      CHECK(space.titles("id:shared-2") == std::vector<std::string>{"Export One"});
      CHECK(space.documents() == 452);
    }
  }
}

TEST_CASE("a new file earlier in path order takes the id; removing it gives it back",
          "[e2e][integrity]") {
  Workspace space;
  write_file(space / "corpus/m.md", markdown("X1", "Later Brief", "Later text."));
  (void)space.index_expecting(0, {(space / "corpus").string()});
  write_file(space / "corpus/b.md", markdown("X1", "Earlier Brief", "Earlier text."));
  for (int run = 0; run < 2; ++run) {
    const ProcessResult result = space.index({(space / "corpus").string()});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::Contains("m.md: duplicate id 'X1'"));
    CHECK(space.titles("id:X1") == std::vector<std::string>{"Earlier Brief"});
  }
  fs::remove(space / "corpus/b.md");
  (void)space.index_expecting(0, {(space / "corpus").string()});
  CHECK(space.titles("id:X1") == std::vector<std::string>{"Later Brief"});
  // A brief moving to another file keeps its id and is one brief throughout.
  fs::rename(space / "corpus/m.md", space / "corpus/a.md");
  check_summary(space.index_expecting(0, {(space / "corpus").string()}), 0, 1, 0, 0, 0);
  CHECK(space.documents() == 1);
}

TEST_CASE("ids stay stable whatever order a folder and its subfolder are named in",
          "[e2e][integrity]") {
  Workspace first_parent;
  Workspace first_child;
  for (const Workspace* space : {&first_parent, &first_child}) {
    write_file(*space / "corpus/europe/a.txt", scraped("Alpha: Quokka Census", "Quokkas."));
    write_file(*space / "corpus/asia/b.txt", scraped("Beta: Wombat Survey", "Wombats."));
  }
  (void)first_parent.index_expecting(0, {(first_parent / "corpus").string()});
  (void)first_parent.index_expecting(0, {(first_parent / "corpus/europe").string()});
  (void)first_child.index_expecting(0, {(first_child / "corpus/europe").string()});
  (void)first_child.index_expecting(0, {(first_child / "corpus").string()});
  for (const Workspace* space : {&first_parent, &first_child}) {
    CHECK(space->documents() == 2);
    CHECK(space->search("quokkas")["hits"][0]["id"] == "corpus/europe/a.txt");
    CHECK(space->search("wombats")["hits"][0]["id"] == "corpus/asia/b.txt");
  }
}

TEST_CASE("a moved corpus leaves no duplicates; --forget retires a root", "[e2e][integrity]") {
  Workspace space;
  for (int i = 0; i < 5; ++i) {
    write_file(space / ("old/corpus/b" + std::to_string(i) + ".txt"),
               scraped("Brief " + std::to_string(i), "Rangers counted quokkas."));
  }
  (void)space.index_expecting(0, {(space / "old/corpus").string()});
  fs::create_directories(space / "new");
  fs::rename(space / "old/corpus", space / "new/corpus");
  fs::remove(space / "new/corpus/b4.txt");
  // With no path the missing root is an error that keeps its briefs.
  const ProcessResult kept = space.index({});
  CHECK(kept.exit_code == 1);
  CHECK_THAT(kept.err, Catch::Contains("missing") && Catch::Contains("--forget"));
  CHECK(space.documents() == 5);
  // Naming the new place moves the root: same ids, the brief whose file is gone deleted.
  check_summary(space.index_expecting(0, {(space / "new/corpus").string()}), 0, 4, 0, 1, 0);
  CHECK(space.documents() == 4);
  CHECK(space.search("quokkas")["hits"][0]["path"].get<std::string>().find("/new/corpus/") !=
        std::string::npos);
  check_summary(space.index_expecting(0, {}), 0, 0, 4, 0, 0);

  write_file(space / "other/x.txt", scraped("Other: Bilby Count", "Bilbies."));
  (void)space.index_expecting(0, {(space / "other").string()});
  check_summary(space.index_expecting(0, {"--forget", (space / "new/corpus").string()}), 0, 0, 0, 4,
                0);
  CHECK(space.documents() == 1);
  check_summary(space.index_expecting(0, {}), 0, 0, 1, 0, 0);
  const ProcessResult nothing = space.index({"--forget", (space / "nowhere").string()});
  CHECK(nothing.exit_code == 2);
  CHECK_THAT(nothing.err, Catch::Contains("indexes nothing there"));
}

TEST_CASE("a file replaced with the same size and modification time is read again",
          "[e2e][integrity]") {
  Workspace space;
  write_file(space / "briefs/a.txt",
             scraped("Yemen: Port Strike", "Aircraft struck the port of Hodeidah."));
  write_file(space / "incoming/a.txt",
             scraped("Sudan: Dam Strike!", "Drones hit the Merowe dam overnight!!"));
  REQUIRE(fs::file_size(space / "briefs/a.txt") == fs::file_size(space / "incoming/a.txt"));
  const auto when = fs::file_time_type::clock::now() - std::chrono::hours(24);
  fs::last_write_time(space / "briefs/a.txt", when);
  fs::last_write_time(space / "incoming/a.txt", when);
  (void)space.index_expecting(0, {(space / "briefs").string()});
  fs::rename(space / "incoming/a.txt", space / "briefs/a.txt");  // as mv, tar -x or rsync -a do
  check_summary(space.index_expecting(0, {(space / "briefs").string()}), 0, 1, 0, 0, 0);
  CHECK(space.search("merowe")["total"] == 1);
  CHECK(space.search("hodeidah")["total"] == 0);
  // Rewritten in place with the old time restored (cp -p, touch -r): ctime tells.
  write_file(space / "briefs/a.txt",
             scraped("Yemen: Port Strike", "Aircraft struck the port of Hodeidah."));
  fs::last_write_time(space / "briefs/a.txt", when);
  check_summary(space.index_expecting(0, {(space / "briefs").string()}), 0, 1, 0, 0, 0);
  CHECK(space.search("hodeidah")["total"] == 1);
}

TEST_CASE("a growing JSON Lines export is compared record by record", "[e2e][integrity]") {
  Workspace space;
  std::string lines;
  for (int i = 0; i < 300; ++i) {
    lines += record("r" + std::to_string(i), "Record " + std::to_string(i), "Tankers sailed.");
  }
  write_file(space / "exports/export.jsonl", lines);
  check_summary(space.index_expecting(0, {(space / "exports").string()}), 300, 0, 0, 0, 0);
  std::ofstream(space / "exports/export.jsonl", std::ios::app)
      << record("r300", "Record 300", "One more tanker.");
  check_summary(space.index_expecting(0, {(space / "exports").string()}), 1, 0, 300, 0, 0);
  // One record edited in place, one removed.
  std::string edited;
  for (int i = 0; i <= 300; ++i) {
    if (i == 9) continue;
    const std::string title = i == 7 ? "Record 7 (corrected)" : "Record " + std::to_string(i);
    edited +=
        record("r" + std::to_string(i), title, i == 300 ? "One more tanker." : "Tankers sailed.");
  }
  write_file(space / "exports/export.jsonl", edited);
  // Records after the removed one moved up a line: unchanged all the same.
  check_summary(space.index_expecting(0, {(space / "exports").string()}), 0, 1, 299, 1, 0);
  CHECK(space.titles("id:r7") == std::vector<std::string>{"Record 7 (corrected)"});
  CHECK(space.titles("id:r9").empty());
  CHECK(space.documents() == 300);
}

TEST_CASE("one broken JSON Lines record keeps its brief until the line is fixed",
          "[e2e][integrity]") {
  Workspace space;
  const std::string good = record("k1", "One", "Alpha.") + record("k2", "Two", "Beta.") +
                           record("k3", "Three", "Gamma.");
  write_file(space / "exports/export.jsonl", good);
  (void)space.index_expecting(0, {(space / "exports").string()});
  std::string broken = good;
  broken.erase(broken.find("}\n", broken.find("\"k2\"")), 1);  // line 2 loses its last brace
  write_file(space / "exports/export.jsonl", broken);
  for (int run = 0; run < 2; ++run) {
    const ProcessResult result = space.index({(space / "exports").string()});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::Contains("export.jsonl:2: "));
    check_summary(json::parse(result.out), 0, 0, 2, 0, 1);
    CHECK(space.titles("id:k2") == std::vector<std::string>{"Two"});
  }
  write_file(space / "exports/export.jsonl",
             record("k1", "One", "Alpha.") + record("k3", "Three", "Gamma."));
  check_summary(space.index_expecting(0, {(space / "exports").string()}), 0, 0, 2, 1, 0);
  CHECK(space.titles("id:k2").empty());
}

TEST_CASE("a file cut short by kill -9 or SIGTERM is read again, whole, by the next run",
          "[e2e][integrity]") {
  Workspace space;
  std::string lines;
  for (int i = 0; i < 6000; ++i) {
    lines += record("r" + std::to_string(i), "Record " + std::to_string(i),
                    "Tankers sailed past the strait with their cargo of crude oil again.");
  }
  write_file(space / "exports/export.jsonl", lines);
  for (const int signal_number : {SIGKILL, SIGTERM}) {
    fs::remove_all(space.database());
    RunningProcess run({kIndexBinary, "--db", space.database().string(), "--commit-every", "50",
                        (space / "exports").string()},
                       isolated(space.home()));
    // Wait for the first batches to be committed, then stop the run in the middle.
    Xapian::doccount seen = 0;
    for (int poll = 0; poll < 3000 && seen == 0; ++poll) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      try {
        seen = Xapian::Database(space.database().string()).get_doccount();
      } catch (const Xapian::Error&) {
      }
    }
    run.signal(signal_number);
    const ProcessResult stopped = run.wait();
    CHECK(stopped.exit_code == 128 + signal_number);
    const Xapian::doccount kept = space.documents();
    INFO("committed before the signal: " << seen << ", kept: " << kept);
    CHECK(kept > 0);
    CHECK(kept % 50 == 0);  // whole batches only
    CHECK(kept < 6000);     // stopped at a batch boundary, not at the end of the file
    const json next = space.index_expecting(0, {(space / "exports").string()});
    check_summary(next, 6000 - static_cast<int>(kept), 0, static_cast<int>(kept), 0, 0);
    CHECK(space.documents() == 6000);
    check_summary(space.index_expecting(0, {}), 0, 0, 6000, 0, 0);
  }
}

TEST_CASE("a disk that fills up mid-file loses nothing once space is freed", "[e2e][integrity]") {
  Workspace space;
  fs::create_directories(space / "disk");
  if (::geteuid() != 0 || ::mount("tmpfs", (space / "disk").c_str(), "tmpfs", 0, "size=6m") != 0) {
    WARN("skipped: mounting a small tmpfs needs root");
    return;
  }
  struct Unmount {
    fs::path path;
    ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
  } unmount{space / "disk"};
  std::string lines;
  for (int i = 0; i < 3000; ++i) {
    std::string body;
    for (int word = 0; word < 60; ++word) body += "w" + std::to_string(i * 61 + word) + " ";
    lines += record("r" + std::to_string(i), "Record " + std::to_string(i), body);
  }
  write_file(space / "exports/export.jsonl", lines);
  const std::string database = (space / "disk/db").string();
  const ProcessResult full = brief_index(
      space.home(), {"--db", database, "--commit-every", "500", (space / "exports").string()});
  REQUIRE(full.exit_code == 3);
  CHECK_THAT(full.err, Catch::Contains("No space left on device"));
  const Xapian::doccount kept = Xapian::Database(database).get_doccount();
  CHECK(kept % 500 == 0);
  // Space is freed (the database moves to a roomier place); the next run completes it.
  fs::copy(space / "disk/db", space / "db");
  const json next = space.index_expecting(0, {(space / "exports").string()});
  CHECK(next["added"] == 3000 - static_cast<int>(kept));
  CHECK(space.documents() == 3000);
}

TEST_CASE("an unreadable folder is an error and its briefs stay", "[e2e][integrity]") {
  Workspace space;
  write_file(space / "corpus/open/a.txt", scraped("Alpha: Quokka Census", "Quokkas."));
  write_file(space / "corpus/locked/b.txt", scraped("Beta: Wombat Survey", "Wombats."));
  std::vector<std::string> prefix;
  if (::geteuid() == 0)
    prefix = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  auto run_index = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {kIndexBinary, "--db", space.database().string()});
    arguments.insert(arguments.begin(), prefix.begin(), prefix.end());
    return run_process(arguments, isolated(space.home()));
  };
  for (const auto& entry : fs::recursive_directory_iterator(space.home().path())) {
    fs::permissions(entry.path(), fs::perms::all, fs::perm_options::add);
  }
  fs::permissions(space.home().path(), fs::perms::all, fs::perm_options::add);
  REQUIRE(run_index({(space / "corpus").string()}).exit_code == 0);
  for (const auto& entry : fs::recursive_directory_iterator(space.database())) {
    fs::permissions(entry.path(), fs::perms::all, fs::perm_options::add);
  }
  fs::permissions(space / "corpus/locked", fs::perms::none);
  const ProcessResult result = run_index({(space / "corpus").string()});
  fs::permissions(space / "corpus/locked", fs::perms::all);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err,
             Catch::Contains("locked: cannot read folder") && Catch::Contains("1 unreadable"));
  CHECK(space.titles("wombats") == std::vector<std::string>{"Beta: Wombat Survey"});
}

TEST_CASE("a symlink loop in the corpus is skipped with a warning", "[e2e][integrity]") {
  Workspace space;
  write_file(space / "corpus/a.txt", scraped("Alpha: Quokka Census", "Quokkas."));
  fs::create_directories(space / "corpus/sub");
  fs::create_symlink("loop.txt", space / "corpus/sub/loop.txt");
  fs::create_symlink("../sub", space / "corpus/sub/again");
  const ProcessResult result = space.index({(space / "corpus").string()});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("sub/loop.txt: warning: symbolic link loop") ||
                             Catch::Contains("warning: ") && Catch::Contains("loop.txt"));
  CHECK(space.documents() == 1);
}
